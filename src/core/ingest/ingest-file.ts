import { createHash } from 'node:crypto';
import type { AnalyzedArticle, AnalyzedFile, ArticleIngest, FileRecord } from '../ports.js';
import { type AnalyzeDeps, inlineAnalyzer } from './analyze.js';
import type { ParseWarning } from './parse-result.js';

export interface FileInput {
  /** the file's path relative to the articles directory, with forward slashes (or an absolute origin) */
  path: string;
  bytes: Uint8Array;
  size: number;
  mtimeMs: number;
  /**
   * why the file was not read (too large, not a regular file, a symbolic link): it is recorded with no
   * articles and this one warning, so an unchanged refused file is not reported again
   */
  refused?: string | undefined;
}

export type IngestOutcome = 'added' | 'updated' | 'unchanged';

export interface IngestFileResult {
  outcome: IngestOutcome;
  articles: number;
  warnings: ParseWarning[];
}

/** A file parsed and analysed, ready for {@link writePreparedFiles}. */
export interface PreparedFile extends IngestFileResult {
  record: FileRecord;
  analyzed: AnalyzedArticle[];
}

/** What ingest needs: the store, where parsing and analysis run (default inline) and an optional summarizer. */
export interface IngestDeps extends AnalyzeDeps {
  store: ArticleIngest;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Parse and analyse a file unless its content hash says it is unchanged. Writes nothing.
 */
export async function prepareFile(deps: IngestDeps, file: FileInput): Promise<PreparedFile> {
  const hash = file.refused === undefined ? hashBytes(file.bytes) : hashBytes(Buffer.from(`refused\n${file.refused}`));
  const record = { path: file.path, size: file.size, mtimeMs: file.mtimeMs, hash };
  const known = await deps.store.file(file.path);
  if (known?.hash === hash) return unchangedFile(record);
  if (file.refused !== undefined) {
    const warnings = [{ file: file.path, message: file.refused }];
    return { outcome: known ? 'updated' : 'added', articles: 0, warnings, record, analyzed: [] };
  }
  const analyzer = deps.analyzer ?? inlineAnalyzer;
  let result: AnalyzedFile | AnalysisFailure;
  try {
    result = await analyzer.analyzeFile({ path: file.path, bytes: file.bytes, retrievedAt: new Date(file.mtimeMs) });
  } catch (error) {
    result = { failed: error };
  }
  return prepareAnalyzedFile(deps, record, known !== null, result);
}

/** An analysis that died (a worker out of memory): the file is recorded with a warning, so it is not retried. */
export interface AnalysisFailure {
  failed: unknown;
}

/** A file whose hash matches the stored one. */
export function unchangedFile(record: FileRecord): PreparedFile {
  return { outcome: 'unchanged', articles: 0, warnings: [], record, analyzed: [] };
}

/**
 * A changed file analysed already (by the analysis pool, which read and hashed it): its summaries replaced by the
 * summarizer's, if any. Writes nothing.
 */
export async function prepareAnalyzedFile(
  deps: AnalyzeDeps,
  record: FileRecord,
  known: boolean,
  result: AnalyzedFile | AnalysisFailure,
): Promise<PreparedFile> {
  const outcome = known ? 'updated' : 'added';
  if ('failed' in result) {
    // parsing and analysis never throw; a worker that died on this file must not stop the others
    const { failed } = result;
    const reason = (failed instanceof Error ? failed.message : String(failed)).slice(0, 200);
    const warning = { file: record.path, message: `could not analyse file: ${reason}` };
    return { outcome, articles: 0, warnings: [warning], record, analyzed: [] };
  }
  const { summarizer } = deps;
  const analyzed = summarizer
    ? await Promise.all(result.analyzed.map(async (a) => ({ ...a, summary: await summarizer.summarize(a) })))
    : result.analyzed;
  return { outcome, articles: analyzed.length, warnings: result.warnings, record, analyzed };
}

/** Write prepared files to the store in one transaction (much cheaper than one per file). */
export async function writePreparedFiles(store: ArticleIngest, prepared: PreparedFile[]): Promise<IngestFileResult[]> {
  await store.applyFiles(
    prepared.map((p) => ({ record: p.record, articles: p.outcome === 'unchanged' ? null : p.analyzed })),
  );
  return prepared.map(({ outcome, articles, warnings }) => ({ outcome, articles, warnings }));
}

/**
 * Bring the store up to date with several files: each is parsed and analysed (an unchanged one costs
 * only its hash), then all are written in one transaction.
 */
export async function ingestFiles(deps: IngestDeps, files: FileInput[]): Promise<IngestFileResult[]> {
  const prepared = await Promise.all(files.map((file) => prepareFile(deps, file)));
  return writePreparedFiles(deps.store, prepared);
}

/** Bring the store up to date with one file, replacing what an earlier version of it gave. */
export async function ingestFile(deps: IngestDeps, file: FileInput): Promise<IngestFileResult> {
  const [result] = await ingestFiles(deps, [file]);
  return result as IngestFileResult;
}
