import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/*
 * WAL checkpoints off the event loop. SQLite copies the write-ahead log back into the database file (and syncs it)
 * in the commit that crosses `wal_autocheckpoint`, so during a large ingest one write transaction in every few
 * dozen also waits for tens of megabytes to be copied and synced: `/news who` answers stall behind it, and ingest
 * spends a sixth of its time there. A worker thread with its own connection runs passive checkpoints instead
 * (they never block the writer or readers); the store's own autocheckpoint stays as a far-off safety net.
 */

/** The worker's code: plain JavaScript, so it runs the same from the TypeScript sources and from the build. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 0');
let stopped = false;
const tick = () => {
  if (stopped) return;
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ kind: 'checkpoint', frames: result ? result.checkpointed : 0 });
  } catch (error) {
    parentPort.postMessage({ kind: 'failed', message: String(error && error.message || error) });
  }
  timer = setTimeout(tick, workerData.everyMs);
};
let timer = setTimeout(tick, 0);
parentPort.on('message', () => {
  stopped = true;
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointer {
  /** Resolves after the next checkpoint the worker runs, with the frames copied back so far (for tests). */
  nextCheckpoint(): Promise<number>;
  /** Stop the worker; its connection is closed. */
  close(): Promise<void>;
}

/**
 * Start passive checkpoints of the database file at `path` every `everyMs` in a worker thread. `onFailure` hears of
 * a worker that failed or stopped by itself, so the caller can take checkpoints back.
 */
export function startWalCheckpointer(
  path: string,
  everyMs: number,
  onFailure: (reason: string) => void,
): WalCheckpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path, everyMs, module: createRequire(import.meta.url).resolve('better-sqlite3') },
  });
  // the checkpointer never keeps the process alive by itself
  worker.unref();
  let frames = 0;
  let closing = false;
  let waiting: ((frames: number) => void)[] = [];
  worker.on('message', (message: { kind: 'checkpoint'; frames: number } | { kind: 'failed'; message: string }) => {
    if (message.kind === 'failed') {
      onFailure(message.message);
      return;
    }
    frames += Math.max(0, message.frames);
    const resolved = waiting;
    waiting = [];
    for (const resolve of resolved) resolve(frames);
  });
  worker.on('error', (error) => onFailure(error.message));
  let exited = false;
  worker.on('exit', (code) => {
    exited = true;
    if (!closing) onFailure(`checkpoint worker exited with code ${code}`);
  });
  return {
    nextCheckpoint: () => new Promise((resolve) => waiting.push(resolve)),
    async close() {
      closing = true;
      if (exited) return;
      const done = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      // held until it has closed its connection
      worker.ref();
      worker.postMessage('stop');
      await done;
    },
  };
}
