import { type Dirent, type FSWatcher, watch } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  type FileInput,
  hashBytes,
  type IngestDeps,
  type PreparedFile,
  prepareAnalyzedFile,
  prepareFile,
  unchangedFile,
  writePreparedFiles,
} from '../../core/ingest/ingest-file.js';
import type { ParseWarning } from '../../core/ingest/parse-result.js';
import type { ArticleAnalyzer, ArticleIngest, Clock, Logger, Summarizer, WorkClaims } from '../../core/ports.js';
import { describeError as describe, describeKind, readRegularFile, tooLarge } from './read-file.js';

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

/** Article files larger than this are skipped with a warning (ARTICLE_MAX_FILE_BYTES). */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

interface FoundFile {
  path: string;
  absolute: string;
  size: number;
  mtimeMs: number;
  /** why the entry is not read (a symbolic link, a FIFO, a device): recorded once with this warning */
  refused?: string;
  /** named on the command line: a symbolic link there is followed */
  named?: boolean;
}

const SYMLINK_REFUSED = 'symbolic link skipped: links are not followed, so no file outside the folder is published';

/**
 * Every regular file under `dir` (recursively), skipping hidden files and folders. Symbolic links and special
 * files (FIFOs, sockets, devices) are listed as refused: a link could publish a file from outside the folder
 * (such as `.env`), and reading a FIFO or a device never ends.
 */
async function listFiles(dir: string): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  const walk = async (folder: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (folder === dir) throw error;
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const absolute = join(folder, entry.name);
      if (entry.isDirectory()) {
        await walk(absolute);
        continue;
      }
      // lstat: a link is described by itself, so retargeting it is a change
      const info = await (entry.isFile() ? stat(absolute) : lstat(absolute)).catch(() => null);
      if (!info) continue;
      const path = relative(dir, absolute).split(sep).join('/');
      const file: FoundFile = { path, absolute, size: info.size, mtimeMs: info.mtimeMs };
      if (entry.isSymbolicLink()) file.refused = SYMLINK_REFUSED;
      else if (!entry.isFile()) file.refused = `${describeKind(info)}: skipped`;
      found.push(file);
    }
  };
  await walk(dir);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** What reading and ingesting article files needs. */
export interface FileIngestOptions {
  store: ArticleIngest;
  summarizer?: Summarizer | undefined;
  /** where files are parsed and articles analysed (the worker pool); in-process when absent */
  analyzer?: ArticleAnalyzer | undefined;
  /** larger files are skipped with a warning (default {@link DEFAULT_MAX_FILE_BYTES}) */
  maxFileBytes?: number | undefined;
  /** stops between batches (shutdown): what was written stays, the rest is picked up by the next sync */
  signal?: AbortSignal | undefined;
}

/**
 * Bring the store up to date with the articles directory: new and changed files are ingested,
 * deleted files are forgotten (unless `keepMissing`). Files whose size and mtime match the store are not even read.
 * Unreadable and refused files become warnings; nothing here stops on one bad file.
 */
export async function syncArticlesDir(
  options: FileIngestOptions & {
    dir: string;
    claims?: FileClaims | undefined;
    /** leave stored files the folder no longer has (a query of the CLI takes nothing out of a database) */
    keepMissing?: boolean | undefined;
  },
): Promise<SyncReport> {
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
  if (options.claims) await ingestClaimed(changed, options.claims, options, report);
  else await ingestFound(changed, (file) => file.path, options, report);
  if (options.signal?.aborted || options.keepMissing) return report;
  for (const path of known.keys()) {
    if (isExternalOrigin(path)) continue;
    await store.removeFile(path);
    report.removed++;
    // an SQLite removal resolves at once: without this, a thousand deleted files would hold the event loop
    if (report.removed % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
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
  options: FileIngestOptions,
  report: SyncReport,
): Promise<void> {
  for (let start = 0; start < files.length; start += BATCH_SIZE) {
    if (options.signal?.aborted) return;
    const now = clock.now();
    const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS);
    const mine: FoundFile[] = [];
    for (const file of files.slice(start, start + BATCH_SIZE)) {
      if (await claims.claim(fileClaimKey(file), owner, now, staleBefore)) mine.push(file);
      else report.claimedElsewhere++;
    }
    try {
      await ingestFound(mine, (file) => file.path, options, report);
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
 * absolute path, so the articles-directory sync leaves them alone. A named FIFO, device or socket is
 * refused without being opened for long.
 */
export async function ingestPaths(options: FileIngestOptions & { paths: string[] }): Promise<SyncReport> {
  const report = emptyReport();
  for (const given of options.paths) {
    const absolute = resolve(given);
    const info = await stat(absolute).catch(() => null);
    if (!info) {
      report.warnings.push({ file: given, message: 'no such file or folder' });
      continue;
    }
    if (!info.isDirectory() && !info.isFile()) {
      report.warnings.push({ file: given, message: `${describeKind(info)}: skipped` });
      continue;
    }
    const files = info.isDirectory()
      ? await listFiles(absolute)
      : [{ path: basename(absolute), absolute, size: info.size, mtimeMs: info.mtimeMs, named: true }];
    const origin = (file: FoundFile) => file.absolute.split(sep).join('/');
    await ingestFound(files, origin, options, report);
  }
  return report;
}

/** Claims are taken a batch at a time (several processes on one database). */
const BATCH_SIZE = 100;
/** Files being read and analysed at once, and about how many bytes of them: the pool always has work queued. */
const IN_FLIGHT_FILES = 100;
const IN_FLIGHT_BYTES = 64 * 1024 * 1024;
/**
 * Files per store transaction. Small enough that an SQLite write (synchronous, on the event loop) stays a few
 * milliseconds so commands keep answering; the worker pool analyses the next files meanwhile.
 */
const WRITE_SLICE = 10;

/**
 * Read, parse and analyse files (up to {@link IN_FLIGHT_FILES} at once, in the analyzer's workers) and write them
 * in order, a slice per transaction; more files are started before each write, so the workers never wait for
 * the store. A stop request ends it between slices: what was written stays, the rest waits for the next sync.
 */
async function ingestFound(
  files: FoundFile[],
  origin: (file: FoundFile) => string,
  options: FileIngestOptions,
  report: SyncReport,
): Promise<void> {
  const inFlight: { file: FoundFile; prepared: Promise<PreparedFile | null> }[] = [];
  let next = 0;
  let bytes = 0;
  const sizeOf = (file: FoundFile) => (file.refused === undefined ? file.size : 0);
  const fill = () => {
    while (
      next < files.length &&
      inFlight.length < IN_FLIGHT_FILES &&
      (bytes < IN_FLIGHT_BYTES || inFlight.length === 0)
    ) {
      const file = files[next++] as FoundFile;
      const prepared = readAndPrepare(file, origin(file), options, report);
      // a failure is thrown where its slice is awaited below; this only keeps the others from being unhandled
      prepared.catch(() => undefined);
      inFlight.push({ file, prepared });
      bytes += sizeOf(file);
    }
  };
  fill();
  while (inFlight.length > 0) {
    const slice = inFlight.splice(0, WRITE_SLICE);
    const prepared = (await Promise.all(slice.map((entry) => entry.prepared))).filter((p) => p !== null);
    for (const entry of slice) bytes -= sizeOf(entry.file);
    const stopping = options.signal?.aborted === true;
    if (!stopping) fill();
    for (const result of await writePreparedFiles(options.store, prepared)) {
      report[result.outcome]++;
      report.articles += result.articles;
      report.warnings.push(...result.warnings);
    }
    if (stopping) {
      // files already with the workers finish there; nothing is left running after the sync returns
      await Promise.allSettled(inFlight.map((entry) => entry.prepared));
      return;
    }
    // slices already analysed resolve at once: without this, a backlog of them is written in one turn of the loop
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const NO_BYTES = new Uint8Array(0);

/** Read one found file (or take its refusal) and prepare it; null when it cannot be read at all. */
async function readAndPrepare(
  file: FoundFile,
  path: string,
  options: FileIngestOptions,
  report: SyncReport,
): Promise<PreparedFile | null> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const stamp = { path, size: file.size, mtimeMs: file.mtimeMs };
  const refused = file.refused ?? (file.size > maxBytes ? tooLarge(file.size, maxBytes) : undefined);
  const deps: IngestDeps = { store: options.store, analyzer: options.analyzer, summarizer: options.summarizer };
  // a file named on the command line may be a link; one found in a folder was a regular file when listed
  const followLinks = file.named === true;
  if (refused === undefined && options.analyzer?.analyzeFileAt) {
    // the analyzer reads and hashes the file where it analyses it: no bytes on the event loop
    const known = await options.store.file(path);
    const request = { ...stamp, absolute: file.absolute, followLinks, maxBytes, retrievedAt: new Date(file.mtimeMs) };
    try {
      const read = await options.analyzer.analyzeFileAt({ ...request, knownHash: known?.hash });
      if (read.kind === 'analyzed') {
        return prepareAnalyzedFile(deps, { ...stamp, hash: read.hash }, known !== null, read.file);
      }
      if (read.kind === 'unchanged') return unchangedFile({ ...stamp, hash: read.hash });
      if (read.kind === 'refused') return prepareFile(deps, { ...stamp, bytes: NO_BYTES, refused: read.reason });
      report.warnings.push({ file: path, message: `unreadable: ${read.reason}` });
      return null;
    } catch (error) {
      // the analysis died (a worker out of memory): the file is hashed here, to be recorded with a warning
      return readHere(file, stamp, maxBytes, followLinks, report, async (input) => {
        if (input.refused !== undefined) return prepareFile(deps, input);
        const record = { ...stamp, hash: hashBytes(input.bytes) };
        if (record.hash === known?.hash) return unchangedFile(record);
        return prepareAnalyzedFile(deps, record, known !== null, { failed: error });
      });
    }
  }
  if (refused !== undefined) return prepareFile(deps, { ...stamp, bytes: NO_BYTES, refused });
  return readHere(file, stamp, maxBytes, followLinks, report, (input) => prepareFile(deps, input));
}

/** Read a file on this thread and prepare it; null when it cannot be read at all. */
async function readHere(
  file: FoundFile,
  stamp: { path: string; size: number; mtimeMs: number },
  maxBytes: number,
  followLinks: boolean,
  report: SyncReport,
  prepare: (input: FileInput) => Promise<PreparedFile>,
): Promise<PreparedFile | null> {
  let read: Awaited<ReturnType<typeof readRegularFile>>;
  try {
    read = await readRegularFile(file.absolute, { maxBytes, followLinks });
  } catch (error) {
    report.warnings.push({ file: stamp.path, message: `unreadable: ${describe(error)}` });
    return null;
  }
  return prepare(
    'refused' in read ? { ...stamp, bytes: NO_BYTES, refused: read.refused } : { ...stamp, bytes: read.bytes },
  );
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
