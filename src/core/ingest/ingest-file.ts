import { createHash } from 'node:crypto';
import type { ArticleStore, Summarizer } from '../ports.js';
import { analyzeArticle } from './analyze.js';
import { type ParseWarning, parseArticleFile } from './parse-file.js';

export interface FileInput {
  /** the file's path relative to the articles directory, with forward slashes */
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

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Bring the store up to date with one file: parse, analyse and store its articles, replacing
 * what an earlier version of the file gave. An unchanged file (same content hash) costs only the hash.
 */
export async function ingestFile(
  deps: { store: ArticleStore; summarizer?: Summarizer | undefined },
  file: FileInput,
): Promise<IngestFileResult> {
  const hash = hashBytes(file.bytes);
  const record = { path: file.path, size: file.size, mtimeMs: file.mtimeMs, hash };
  const known = deps.store.file(file.path);
  if (known?.hash === hash) {
    if (known.mtimeMs !== file.mtimeMs || known.size !== file.size) deps.store.recordFile(record);
    return { outcome: 'unchanged', articles: 0, warnings: [] };
  }
  const parsed = parseArticleFile({ path: file.path, bytes: file.bytes, retrievedAt: new Date(file.mtimeMs) });
  const analyzed = [];
  for (const article of parsed.articles) analyzed.push(await analyzeArticle(article, deps.summarizer));
  deps.store.replaceFile(record, analyzed);
  return { outcome: known ? 'updated' : 'added', articles: analyzed.length, warnings: parsed.warnings };
}
