import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandDeps } from '../../commands/spec.js';
import { openSqliteStore, type SqliteArticleStore } from '../../src/adapters/store/sqlite/article-store.js';
import { ingestFile } from '../../src/core/ingest/ingest-file.js';
import { createNewsService } from '../../src/core/news.js';
import { FixedClock } from '../fakes/fixed-clock.js';

export const ARTICLES_DIR = new URL('../../articles/', import.meta.url).pathname;

/** The seed file's retrieval time used by tests, so "55 min 41 sec ago" resolves the same way every run. */
export const SEED_RETRIEVED_AT = Date.parse('2026-02-14T10:00:00Z');

export interface TestDesk {
  deps: CommandDeps;
  store: SqliteArticleStore;
  clock: FixedClock;
  close(): Promise<void>;
}

/** A real core over an in-memory store with the given files ingested. */
export async function createDepsFromArticles(
  files: { name: string; text: string; mtimeMs?: number }[],
  clock = new FixedClock(),
): Promise<TestDesk> {
  const store = openSqliteStore({ path: ':memory:', clock });
  for (const file of files) {
    const bytes = Buffer.from(file.text, 'utf8');
    await ingestFile(
      { store },
      { path: file.name, bytes, size: bytes.length, mtimeMs: file.mtimeMs ?? SEED_RETRIEVED_AT },
    );
  }
  return { deps: { news: createNewsService({ store }), clock }, store, clock, close: () => store.close() };
}

/** A real core over an in-memory store with the bundled seed articles ingested. */
export async function createSeedDeps(clock = new FixedClock('2026-02-14T12:00:00Z')): Promise<TestDesk> {
  const files = readdirSync(ARTICLES_DIR)
    .filter((name) => statSync(join(ARTICLES_DIR, name)).isFile() && !name.startsWith('.'))
    .map((name) => ({ name, text: readFileSync(join(ARTICLES_DIR, name), 'utf8') }));
  return createDepsFromArticles(files, clock);
}
