import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { analyzeFileSync } from '../../core/ingest/analyze.js';
import { hashBytes } from '../../core/ingest/ingest-file.js';
import type { FileToRead, ReadFileOutcome } from '../../core/ports.js';

/**
 * Read a regular file of at most `maxBytes`. Anything else is refused without blocking: it is opened
 * non-blocking and checked on the open handle (a FIFO, a device or a folder put there after listing), and
 * no more than `maxBytes` are read even from a file that grows meanwhile. `followLinks: false` refuses a
 * link put there after listing.
 */
export async function readRegularFile(
  path: string,
  options: { maxBytes: number; followLinks: boolean },
): Promise<{ bytes: Buffer; size: number; mtimeMs: number } | { refused: string }> {
  const flags =
    constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (options.followLinks ? 0 : (constants.O_NOFOLLOW ?? 0));
  const handle = await open(path, flags);
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { refused: `${describeKind(info)}: skipped` };
    if (info.size > options.maxBytes) return { refused: tooLarge(info.size, options.maxBytes) };
    const buffer = Buffer.allocUnsafe(Math.min(info.size, options.maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > options.maxBytes) return { refused: tooLarge(length, options.maxBytes) };
    return { bytes: buffer.subarray(0, length), size: length, mtimeMs: info.mtimeMs };
  } finally {
    await handle.close();
  }
}

/**
 * Read a file, hash it and, unless the hash is the known one, parse and analyse it: the task a worker of the
 * analysis pool runs per file of a folder, so neither the reading nor the bytes cost the event loop.
 */
export async function readAndAnalyzeFile(file: FileToRead): Promise<ReadFileOutcome> {
  let read: Awaited<ReturnType<typeof readRegularFile>>;
  try {
    read = await readRegularFile(file.absolute, { maxBytes: file.maxBytes, followLinks: file.followLinks });
  } catch (error) {
    return { kind: 'unreadable', reason: describeError(error) };
  }
  if ('refused' in read) return { kind: 'refused', reason: read.refused };
  const hash = hashBytes(read.bytes);
  if (hash === file.knownHash) return { kind: 'unchanged', hash };
  return {
    kind: 'analyzed',
    hash,
    file: analyzeFileSync({ path: file.path, bytes: read.bytes, retrievedAt: file.retrievedAt }),
  };
}

/** What a non-regular file is, for warnings. */
export function describeKind(info: Stats): string {
  if (info.isFIFO()) return 'not a regular file (a named pipe)';
  if (info.isCharacterDevice()) return 'not a regular file (a character device)';
  if (info.isBlockDevice()) return 'not a regular file (a block device)';
  if (info.isSocket()) return 'not a regular file (a socket)';
  if (info.isDirectory()) return 'a folder, not a file';
  return 'not a regular file';
}

export function tooLarge(size: number, maxBytes: number): string {
  return `file of ${formatSize(size)} is over the ${formatSize(maxBytes)} limit (ARTICLE_MAX_FILE_BYTES): skipped`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
}

/** An error's code (ENOENT, EACCES...) or message. */
export function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) return String(error.code);
  return error instanceof Error ? error.message : String(error);
}
