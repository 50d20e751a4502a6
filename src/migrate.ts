import 'dotenv/config';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createPgPool, migratePostgres } from './adapters/store/postgres/database.js';
import { openSqliteStore } from './adapters/store/sqlite/article-store.js';
import { type Config, loadConfig } from './config.js';
import { isNewsdeskError } from './core/errors.js';

/**
 * `npm run migrate`: bring the database schema up to date and say so. PostgreSQL when DATABASE_URL is
 * set (safe while bots run: migrations take an advisory lock), else the SQLite file at DATABASE_PATH.
 */
async function migrate(config: Config): Promise<{ from: number; to: number }> {
  if (config.DATABASE_URL) {
    const pool = createPgPool({ url: config.DATABASE_URL, max: 1, applicationName: 'newsdesk-migrate' });
    try {
      return await migratePostgres(pool);
    } finally {
      await pool.end();
    }
  }
  const from = sqliteSchemaVersion(config.DATABASE_PATH);
  // opening the store applies its migrations
  const store = openSqliteStore({ path: config.DATABASE_PATH, clock: { now: () => new Date() } });
  try {
    return { from, to: store.db.pragma('user_version', { simple: true }) as number };
  } finally {
    await store.close();
  }
}

/** The schema version of an SQLite file; 0 when it does not exist yet. */
function sqliteSchemaVersion(path: string): number {
  if (path === ':memory:' || !existsSync(path)) return 0;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

async function main(): Promise<number> {
  try {
    const { from, to } = await migrate(loadConfig());
    process.stdout.write(`schema at version ${to} (was ${from})\n`);
    return 0;
  } catch (error) {
    // config and store errors carry a message that says what to fix; anything else is a bug worth its stack
    process.stderr.write(
      `${isNewsdeskError(error) ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
    );
    return 1;
  }
}

process.exitCode = await main();
