import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, expect, it } from 'vitest';
import { createPgArticleStore } from '../../src/adapters/store/postgres/article-store.js';
import { createPgPool, migratePostgres, type PgPool } from '../../src/adapters/store/postgres/database.js';
import { PG_MIGRATIONS } from '../../src/adapters/store/postgres/migrations.js';
import { isNewsdeskError } from '../../src/core/errors.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { fileRecord, makeArticle, makeQuote, replaceFile } from '../helpers/article-store-contract.js';
import { createTestDatabase, describePg } from '../helpers/postgres.js';

const LATEST = PG_MIGRATIONS.at(-1)?.version ?? 0;
const ROOT = new URL('../../', import.meta.url).pathname;

describePg('PostgreSQL migrations', () => {
  const cleanups: (() => Promise<void>)[] = [];

  /** A fresh empty database with a pool on it (`connect` opens more: other processes), removed after the test. */
  async function freshDatabase(): Promise<{ url: string; pool: PgPool; connect(): PgPool }> {
    const database = await createTestDatabase();
    const opened: PgPool[] = [];
    cleanups.push(async () => {
      await Promise.all(opened.map((pool) => pool.end()));
      await database.drop();
    });
    const connect = () => {
      const pool = createPgPool({ url: database.url, max: 2 });
      opened.push(pool);
      return pool;
    };
    return { url: database.url, pool: connect(), connect };
  }

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function appliedVersions(pool: PgPool): Promise<number[]> {
    const { rows } = await pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    return rows.map((row) => row.version);
  }

  it('builds the whole schema on an empty database, and a second run changes nothing', async () => {
    const { pool } = await freshDatabase();
    expect(await migratePostgres(pool)).toEqual({ from: 0, to: LATEST });
    expect(await appliedVersions(pool)).toEqual(PG_MIGRATIONS.map((m) => m.version));
    expect(await migratePostgres(pool)).toEqual({ from: LATEST, to: LATEST });
    const store = createPgArticleStore(pool, new FixedClock());
    expect(await store.counts()).toEqual({ articles: 0, people: 0, quotes: 0 });
  });

  it('upgrades a database at the previous schema and keeps its data', async () => {
    const { pool } = await freshDatabase();
    await migratePostgres(pool);
    const store = createPgArticleStore(pool, new FixedClock());
    await replaceFile(store, fileRecord('kept.txt'), [
      makeArticle('m1', 'Written before the upgrade', {
        people: [{ name: 'Marta Ruiz', aliases: ['Ruiz'], roles: ['Finance Minister'] }],
        quotes: [makeQuote('We will balance the budget.', 'Marta Ruiz')],
      }),
    ]);
    // take the three newest migrations back out: what the previous release left in the database
    // (the quote index, follows, stories and their pending frequencies of this release's last three steps)
    await pool.query(`DROP TABLE quote_search, follow_deliveries, follows;
      DROP TABLE stories; DROP TABLE article_stories; DROP TABLE story_df; DROP TABLE story_df_pending;
      DELETE FROM counters WHERE name LIKE 'stories%';
      DELETE FROM schema_migrations WHERE version >= ${LATEST - 2}`);
    await pool.query(
      `INSERT INTO subscriptions (platform, channel_id, schedule, cron, timezone, filter, origin, created_at)
       VALUES ('discord', '123456789012345678', 'daily 08:00', '0 8 * * *', 'UTC', '{}', 'chat', now())`,
    );

    expect(await migratePostgres(pool)).toEqual({ from: LATEST - 3, to: LATEST });
    expect(await appliedVersions(pool)).toEqual(PG_MIGRATIONS.map((m) => m.version));
    expect((await store.getArticle('m1'))?.title).toBe('Written before the upgrade');
    expect((await store.peopleByKey('ruiz')).map((p) => p.name)).toEqual(['Marta Ruiz']);
    expect((await store.search('upgrade', { limit: 5, offset: 0 })).total).toBe(1);
    // the quotes stored before the upgrade are in the quote search index
    const found = await store.searchQuotes('balance budget', { personKeys: ['marta ruiz'], limit: 5, offset: 0 });
    expect(found.quotes.map((q) => q.text)).toEqual(['We will balance the budget.']);
    // its article waits for the background re-analysis to put it into a story
    expect(await store.countUnclustered()).toBe(1);
    const { rows } = await pool.query<{ count: number }>('SELECT count(*) AS count FROM subscriptions');
    expect(rows[0]?.count).toBe(1);
  });

  it('lets two processes migrate the same database at once, applying each step once', async () => {
    const { pool: one, connect } = await freshDatabase();
    const two = connect();
    const results = await Promise.all([migratePostgres(one), migratePostgres(two)]);
    expect(results.map((r) => r.to)).toEqual([LATEST, LATEST]);
    expect(results.map((r) => r.from).sort()).toEqual([0, LATEST]);
    expect(await appliedVersions(two)).toEqual(PG_MIGRATIONS.map((m) => m.version));
  });

  it('refuses a database migrated by a newer newsdesk, saying to upgrade', async () => {
    const { pool } = await freshDatabase();
    await migratePostgres(pool);
    await pool.query("INSERT INTO schema_migrations (version, name) VALUES ($1, 'from the future')", [LATEST + 1]);
    const error = await migratePostgres(pool).catch((e: unknown) => e);
    expect(isNewsdeskError(error) && error.code).toBe('STORE_FAILURE');
    expect((error as Error).message).toBe(
      `The database schema is version ${LATEST + 1}, newer than this newsdesk understands (${LATEST}). Upgrade newsdesk.`,
    );
  });

  it('rolls back a failing step and names it', async () => {
    const { pool } = await freshDatabase();
    const broken = { version: LATEST + 1, name: 'broken step', sql: 'CREATE TABLE half_done (x INT); SELECT nonsense' };
    const error = await migratePostgres(pool, [...PG_MIGRATIONS, broken]).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(new RegExp(`^Migration ${LATEST + 1} \\(broken step\\) failed: `));
    expect(await appliedVersions(pool)).toEqual(PG_MIGRATIONS.map((m) => m.version));
    const { rows } = await pool.query("SELECT to_regclass('half_done') AS table");
    expect(rows[0]?.table).toBeNull();
  });

  it('migrates from the command line with DATABASE_URL and reports the versions', async () => {
    const { url, pool } = await freshDatabase();
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/migrate.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, DATABASE_URL: url, DOTENV_CONFIG_QUIET: 'true' },
    });
    expect(stdout).toContain(`schema at version ${LATEST} (was 0)`);
    expect(await appliedVersions(pool)).toEqual(PG_MIGRATIONS.map((m) => m.version));
  });
});
