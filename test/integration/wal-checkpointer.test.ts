import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/store/sqlite/article-store.js';
import { WAL_AUTOCHECKPOINT_PAGES } from '../../src/adapters/store/sqlite/database.js';
import { startWalCheckpointer } from '../../src/adapters/store/sqlite/wal-checkpointer.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { fileRecord, makeArticle, replaceFile } from '../helpers/article-store-contract.js';

describe('WAL checkpoints in a worker thread', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const tempPath = () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-wal-'));
    dirs.push(dir);
    return join(dir, 'news.db');
  };

  it('starts once the WAL has grown past its size, copies it back, and stops with the store', async () => {
    const path = tempPath();
    const store = openSqliteStore({ path, clock: new FixedClock(), backgroundCheckpointAtBytes: 0 });
    expect(store.nextBackgroundCheckpoint()).toBeNull();
    await replaceFile(store, fileRecord('a.txt'), [makeArticle('a1', 'Written before the checkpoint')]);
    const frames = await store.nextBackgroundCheckpoint();
    expect(frames).toBeGreaterThan(0);
    // the commits' own checkpoint is only a far-off safety net while the worker runs
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(WAL_AUTOCHECKPOINT_PAGES);
    await replaceFile(store, fileRecord('b.txt'), [makeArticle('b1', 'Written after it')]);
    expect(await store.nextBackgroundCheckpoint()).toBeGreaterThan(frames!);
    await store.close();

    // everything is in the database file itself: opened without its WAL, it holds both articles
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare('SELECT title FROM articles ORDER BY seq').pluck().all()).toEqual([
        'Written before the checkpoint',
        'Written after it',
      ]);
    } finally {
      db.close();
    }
  });

  it('leaves a small store to the commits’ own checkpoints', async () => {
    const store = openSqliteStore({ path: tempPath(), clock: new FixedClock() });
    try {
      await replaceFile(store, fileRecord('a.txt'), [makeArticle('a1', 'A small store')]);
      expect(store.nextBackgroundCheckpoint()).toBeNull();
      expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);
    } finally {
      await store.close();
    }
  });

  it('reports a worker that cannot open the database, so the store takes checkpoints back', async () => {
    const failures: string[] = [];
    const failed = new Promise<void>((resolve) => {
      const checkpointer = startWalCheckpointer(join(tempPath(), 'missing.db'), 10, (reason) => {
        failures.push(reason);
        void checkpointer.close().then(() => resolve());
      });
    });
    await failed;
    expect(failures[0]).toMatch(/unable to open|does not exist|no such file/i);
  });
});
