import { type FSWatcher, watch } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { type FileInput, ingestFiles } from '../../core/ingest/ingest-file.js';
import type { ParseWarning } from '../../core/ingest/parse-file.js';
import type { ArticleIngest, Clock, Logger, Summarizer, WorkClaims } from '../../core/ports.js';

export interface SyncReport {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  articles: number;
  /** changed files another process was ingesting (several processes sharing one database) */
  claimedElsewhere: number;
  warnings: ParseWarning[];
}

/** Files claimed for ingestion, so processes sharing a database and a folder ingest each file once. */
export interface FileClaims {
  claims: WorkClaims;
  /** this process (host:pid or INSTANCE_ID) */
  owner: string;
  clock: Clock;
}

/** A claim older than this belongs to a process that died mid-ingest; another process takes the file over. */
const STALE_CLAIM_MS = 10 * 60_000;

interface FoundFile {
  path: string;
  absolute: string;
  size: number;
  mtimeMs: number;
}

/** Every regular file under `dir` (recursively), skipping hidden files and folders. */
async function listFiles(dir: string): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  const walk = async (folder: string): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (folder === dir) throw error;
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const absolute = join(folder, entry.name);
      if (entry.isDirectory()) await walk(absolute);
      else if (entry.isFile()) {
        const info = await stat(absolute).catch(() => null);
        if (info) {
          const path = relative(dir, absolute).split(sep).join('/');
          found.push({ path, absolute, size: info.size, mtimeMs: info.mtimeMs });
        }
      }
    }
  };
  await walk(dir);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Bring the store up to date with the articles directory: new and changed files are ingested,
 * deleted files are forgotten. Files whose size and mtime match the store are not even read.
 * Unreadable files become warnings; nothing here stops on one bad file.
 */
export async function syncArticlesDir(options: {
  dir: string;
  store: ArticleIngest;
  summarizer?: Summarizer | undefined;
  claims?: FileClaims | undefined;
}): Promise<SyncReport> {
  const { dir, store } = options;
  const report = emptyReport();
  let files: FoundFile[];
  try {
    files = await listFiles(dir);
  } catch (error) {
    report.warnings.push({ file: dir, message: `cannot read the articles directory: ${describe(error)}` });
    return report;
  }
  const known = await store.files();
  const changed: FoundFile[] = [];
  for (const file of files) {
    const record = known.get(file.path);
    known.delete(file.path);
    if (record && record.size === file.size && record.mtimeMs === file.mtimeMs) report.unchanged++;
    else changed.push(file);
  }
  const deps = { store, summarizer: options.summarizer };
  if (options.claims) await ingestClaimed(changed, options.claims, deps, report);
  else await ingestFound(changed, (file) => file.path, deps, report);
  for (const path of known.keys()) {
    if (isExternalOrigin(path)) continue;
    await store.removeFile(path);
    report.removed++;
  }
  return report;
}

function emptyReport(): SyncReport {
  return { added: 0, updated: 0, removed: 0, unchanged: 0, articles: 0, claimedElsewhere: 0, warnings: [] };
}

/**
 * Ingest the files this process wins the claim for, a batch at a time; a file another process holds is
 * left to it (its write reaches the shared store, so the next sync here sees the file as unchanged).
 */
async function ingestClaimed(
  files: FoundFile[],
  { claims, owner, clock }: FileClaims,
  deps: { store: ArticleIngest; summarizer?: Summarizer | undefined },
  report: SyncReport,
): Promise<void> {
  for (let start = 0; start < files.length; start += BATCH_SIZE) {
    const now = clock.now();
    const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS);
    const mine: FoundFile[] = [];
    for (const file of files.slice(start, start + BATCH_SIZE)) {
      if (await claims.claim(fileClaimKey(file), owner, now, staleBefore)) mine.push(file);
      else report.claimedElsewhere++;
    }
    try {
      await ingestFound(mine, (file) => file.path, deps, report);
    } finally {
      for (const file of mine) await claims.release(fileClaimKey(file), owner);
    }
  }
}

/** One claim per version of a file: a later edit is new work even while the old one is being ingested. */
function fileClaimKey(file: FoundFile): string {
  return `article-file:${file.path}:${file.size}:${file.mtimeMs}`;
}

/** Feed items (URL origins) and files ingested by absolute path are not the folder's to remove. */
function isExternalOrigin(path: string): boolean {
  return /^https?:\/\//.test(path) || isAbsolute(path);
}

/**
 * Ingest files or folders given by path (`newsdesk ingest a.txt news/`). They are stored under their
 * absolute path, so the articles-directory sync leaves them alone.
 */
export async function ingestPaths(options: {
  paths: string[];
  store: ArticleIngest;
  summarizer?: Summarizer | undefined;
}): Promise<SyncReport> {
  const report = emptyReport();
  for (const given of options.paths) {
    const absolute = resolve(given);
    const info = await stat(absolute).catch(() => null);
    if (!info) {
      report.warnings.push({ file: given, message: 'no such file or folder' });
      continue;
    }
    const files = info.isDirectory()
      ? await listFiles(absolute)
      : [{ path: basename(absolute), absolute, size: info.size, mtimeMs: info.mtimeMs }];
    const origin = (file: FoundFile) => file.absolute.split(sep).join('/');
    await ingestFound(files, origin, { store: options.store, summarizer: options.summarizer }, report);
  }
  return report;
}

/** Files are written to the store in batches: one transaction per batch is far cheaper than one per file. */
const BATCH_SIZE = 100;

async function ingestFound(
  files: FoundFile[],
  origin: (file: FoundFile) => string,
  deps: { store: ArticleIngest; summarizer?: Summarizer | undefined },
  report: SyncReport,
): Promise<void> {
  for (let start = 0; start < files.length; start += BATCH_SIZE) {
    const inputs: FileInput[] = [];
    for (const file of files.slice(start, start + BATCH_SIZE)) {
      try {
        const bytes = await readFile(file.absolute);
        inputs.push({ path: origin(file), bytes, size: file.size, mtimeMs: file.mtimeMs });
      } catch (error) {
        report.warnings.push({ file: origin(file), message: `unreadable: ${describe(error)}` });
      }
    }
    for (const result of await ingestFiles(deps, inputs)) {
      report[result.outcome]++;
      report.articles += result.articles;
      report.warnings.push(...result.warnings);
    }
  }
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) return String(error.code);
  return error instanceof Error ? error.message : String(error);
}

export interface DirectoryWatcher {
  close(): void;
}

/**
 * Call `onChange` (debounced) when anything under `dir` changes. Uses the platform's recursive
 * watch, plus a slow poll as a safety net for file systems where events are unreliable.
 */
export function watchArticlesDir(options: {
  dir: string;
  onChange: () => void;
  logger: Logger;
  debounceMs?: number;
  pollMs?: number;
}): DirectoryWatcher {
  const { dir, onChange, logger } = options;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, options.debounceMs ?? 250);
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { recursive: true }, schedule);
    watcher.on('error', (error) => logger.warn({ err: describe(error), dir }, 'articles directory watch failed'));
  } catch (error) {
    logger.warn({ err: describe(error), dir }, 'cannot watch the articles directory; polling instead');
  }
  const poll = setInterval(onChange, options.pollMs ?? 30_000);
  poll.unref();
  return {
    close() {
      clearTimeout(timer);
      clearInterval(poll);
      watcher?.close();
    },
  };
}
