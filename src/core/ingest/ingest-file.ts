import { createHash } from 'node:crypto';
import type { AnalyzedArticle, ArticleIngest, FileRecord, Summarizer } from '../ports.js';
import { analyzeArticle } from './analyze.js';
import { type ParseWarning, parseArticleFile } from './parse-file.js';

export interface FileInput {
  /** the file's path relative to the articles directory, with forward slashes (or an absolute origin) */
  path: string;
  bytes: Uint8Array;
  size: number;
  mtimeMs: number;
}

export type IngestOutcome = 'added' | 'updated' | 'unchanged';

export interface IngestFileResult {
  outcome: IngestOutcome;
  articles: number;
  warnings: ParseWarning[];
}

interface PreparedFile extends IngestFileResult {
  record: FileRecord;
  analyzed: AnalyzedArticle[];
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Parse and analyse a file unless its content hash says it is unchanged. Writes nothing. */
async function prepareFile(
  deps: { store: ArticleIngest; summarizer?: Summarizer | undefined },
  file: FileInput,
): Promise<PreparedFile> {
  const hash = hashBytes(file.bytes);
  const record = { path: file.path, size: file.size, mtimeMs: file.mtimeMs, hash };
  const known = await deps.store.file(file.path);
  if (known?.hash === hash) return { outcome: 'unchanged', articles: 0, warnings: [], record, analyzed: [] };
  const parsed = parseArticleFile({ path: file.path, bytes: file.bytes, retrievedAt: new Date(file.mtimeMs) });
  const analyzed: AnalyzedArticle[] = [];
  for (const article of parsed.articles) analyzed.push(await analyzeArticle(article, deps.summarizer));
  return {
    outcome: known ? 'updated' : 'added',
    articles: analyzed.length,
    warnings: parsed.warnings,
    record,
    analyzed,
  };
}

/**
 * Bring the store up to date with several files: each is parsed and analysed (an unchanged one costs
 * only its hash), then all are written in one transaction, which is much cheaper than one per file.
 */
export async function ingestFiles(
  deps: { store: ArticleIngest; summarizer?: Summarizer | undefined },
  files: FileInput[],
): Promise<IngestFileResult[]> {
  const prepared: PreparedFile[] = [];
  for (const file of files) prepared.push(await prepareFile(deps, file));
  await deps.store.applyFiles(
    prepared.map((p) => ({ record: p.record, articles: p.outcome === 'unchanged' ? null : p.analyzed })),
  );
  return prepared.map(({ outcome, articles, warnings }) => ({ outcome, articles, warnings }));
}

/** Bring the store up to date with one file, replacing what an earlier version of it gave. */
export async function ingestFile(
  deps: { store: ArticleIngest; summarizer?: Summarizer | undefined },
  file: FileInput,
): Promise<IngestFileResult> {
  const [result] = await ingestFiles(deps, [file]);
  return result as IngestFileResult;
}
