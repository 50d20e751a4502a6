import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgArticleStore } from '../../src/adapters/store/postgres/article-store.js';
import { createPgPool, migratePostgres, type PgPool } from '../../src/adapters/store/postgres/database.js';
import { PG_MIGRATIONS } from '../../src/adapters/store/postgres/migrations.js';
import { ftsQuery, openSqliteStore } from '../../src/adapters/store/sqlite/article-store.js';
import { PAGE_SIZE } from '../../src/adapters/store/sqlite/database.js';
import { MIGRATIONS } from '../../src/adapters/store/sqlite/schema.js';
import { createSqliteSubscriptionStore } from '../../src/adapters/store/sqlite/subscription-store.js';
import { createSqliteWorkClaims } from '../../src/adapters/store/sqlite/work-claims.js';
import { isNewsdeskError } from '../../src/core/errors.js';
import { snippetOf } from '../../src/core/store/store-common.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import {
  articleStoreContract,
  fileRecord,
  makeArticle,
  makeQuote,
  replaceFile,
} from '../helpers/article-store-contract.js';
import { createTestDatabase, describePg } from '../helpers/postgres.js';

const LATEST = MIGRATIONS.at(-1)?.version ?? 0;

/** The person mentions as release 9 and before had them: keyed by person, with an index by article. */
const MENTIONS_BY_PERSON = `
  CREATE TABLE mentions_by_person (
    person_key TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    sort_key TEXT NOT NULL,
    PRIMARY KEY (person_key, article_id)
  ) WITHOUT ROWID;
  INSERT INTO mentions_by_person SELECT person_key, article_id, sort_key FROM person_mentions;
  DROP TABLE person_mentions;
  ALTER TABLE mentions_by_person RENAME TO person_mentions;
  CREATE INDEX person_mentions_by_article ON person_mentions (article_id);
  CREATE INDEX person_mentions_by_recent ON person_mentions (person_key, sort_key DESC);`;

describe('SQLite', () => {
  articleStoreContract('SqliteArticleStore', async () => {
    const clock = new FixedClock();
    const store = openSqliteStore({ path: ':memory:', clock });
    return { store, clock, close: () => store.close() };
  });

  const tempDirs: string[] = [];
  afterAll(() => {
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
  const tempPath = () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-store-'));
    tempDirs.push(dir);
    return join(dir, 'n.db');
  };

  it('persists across reopening in WAL mode and re-migrates nothing', async () => {
    const path = tempPath();
    const first = openSqliteStore({ path, clock: new FixedClock() });
    await replaceFile(first, fileRecord('a.txt'), [makeArticle('k1', 'Kept after restart')]);
    await first.close();
    const store = openSqliteStore({ path, clock: new FixedClock() });
    try {
      expect((await store.getArticle('k1'))?.title).toBe('Kept after restart');
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      await store.close();
    }
  });

  it('upgrades a database of the previous release, keeping its articles, quotes and subscriptions', async () => {
    const path = tempPath();
    const current = openSqliteStore({ path, clock: new FixedClock() });
    const quote = { ...makeQuote('We will balance the budget.', 'Marta Ruiz'), start: 40, end: 67 };
    await replaceFile(current, fileRecord('a.txt'), [
      makeArticle('k1', 'Written before the upgrade', {
        people: [{ name: 'Marta Ruiz', aliases: [], roles: [] }],
        quotes: [quote],
      }),
    ]);
    current.db
      .prepare(`INSERT INTO subscriptions (platform, channel_id, schedule, cron, timezone, filter, origin, created_at)
        VALUES ('slack', 'C1', 'daily 08:00', '0 8 * * *', 'UTC', '{"people":[],"keywords":[]}', 'chat', '2026-01-01')`)
      .run();
    // take the four newest migrations back out (quote index and follows, stories, their pending frequencies, mentions
    // keyed by article): what the previous release left on disk
    current.db.exec(`DROP TABLE quote_fts; DROP TABLE follow_deliveries; DROP TABLE follows;
      DROP TABLE stories; DROP TABLE article_stories; DROP TABLE story_df; DROP TABLE story_df_pending;
      DELETE FROM counters WHERE name LIKE 'stories%'; ${MENTIONS_BY_PERSON}`);
    current.db.pragma(`user_version = ${LATEST - 4}`);
    await current.close();

    const store = openSqliteStore({ path, clock: new FixedClock() });
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST);
      expect((await store.getArticle('k1'))?.title).toBe('Written before the upgrade');
      expect((await store.topQuotes(['k1'])).get('k1')).toMatchObject({
        text: 'We will balance the budget.',
        start: 40,
        end: 67,
      });
      // the quotes stored before the upgrade are in the quote search index
      const found = await store.searchQuotes('balance budget', { personKeys: ['marta ruiz'], limit: 5, offset: 0 });
      expect(found.quotes.map((q) => q.text)).toEqual(['We will balance the budget.']);
      const subscriptions = await createSqliteSubscriptionStore(store.db).all();
      expect(subscriptions).toMatchObject([{ channelId: 'C1', workspaceId: null }]);
      expect(await createSqliteWorkClaims(store.db).claim('k', 'me', new Date(), new Date(0))).toBe(true);
      // its article waits for the background re-analysis to put it into a story
      expect(await store.countUnclustered()).toBe(1);
      // and its speaker's mentions are kept
      const profile = await store.personProfile(['marta ruiz'], { quoteLimit: 5, quoteOffset: 0, articleLimit: 5 });
      expect(profile.articles.map((article) => article.id)).toEqual(['k1']);
    } finally {
      await store.close();
    }
  });

  it('keys the person mentions of a store of release 9 by article, keeping every mention', async () => {
    const path = tempPath();
    const current = openSqliteStore({ path, clock: new FixedClock() });
    const ruiz = { name: 'Marta Ruiz', aliases: [], roles: [] };
    const okafor = { name: 'Tomas Okafor', aliases: [], roles: [] };
    await replaceFile(current, fileRecord('a.txt'), [makeArticle('k1', 'Budget', { people: [ruiz, okafor] })]);
    await replaceFile(current, fileRecord('b.txt'), [makeArticle('k2', 'Rail strike', { people: [okafor] })]);
    const rows = 'SELECT person_key, article_id, sort_key FROM person_mentions ORDER BY person_key, article_id';
    const before = current.db.prepare(rows).all();
    // the mentions as release 9 left them: keyed by person, with an index by article
    current.db.exec(MENTIONS_BY_PERSON);
    current.db.pragma('user_version = 9');
    await current.close();

    const store = openSqliteStore({ path, clock: new FixedClock() });
    try {
      expect(store.db.prepare(rows).all()).toEqual(before);
      const indexes = store.db.prepare("SELECT name FROM sqlite_schema WHERE tbl_name = 'person_mentions'").all();
      expect(indexes).toEqual([{ name: 'person_mentions' }, { name: 'person_mentions_by_recent' }]);
      const primaryKey = store.db
        .prepare("SELECT name FROM pragma_table_info('person_mentions') WHERE pk > 0 ORDER BY pk")
        .all();
      expect(primaryKey).toEqual([{ name: 'article_id' }, { name: 'person_key' }]);
      // forgetting a file forgets its mentions, and the people no article mentions any more
      await store.removeFile('a.txt');
      expect(await store.peopleByKey('marta ruiz')).toEqual([]);
      const profile = await store.personProfile(['tomas okafor'], { quoteLimit: 5, quoteOffset: 0, articleLimit: 5 });
      expect(profile.articles.map((article) => article.id)).toEqual(['k2']);
    } finally {
      await store.close();
    }
  });

  it('makes a new database with 8 KiB pages and keeps the page size of an older one', async () => {
    const path = tempPath();
    const fresh = openSqliteStore({ path, clock: new FixedClock() });
    expect(fresh.db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    await fresh.close();

    const olderPath = tempPath();
    const older = new Database(olderPath);
    older.pragma('page_size = 4096');
    older.exec('CREATE TABLE made_by_an_older_release (x INTEGER)');
    older.close();
    const store = openSqliteStore({ path: olderPath, clock: new FixedClock() });
    try {
      expect(store.db.pragma('page_size', { simple: true })).toBe(4096);
      await replaceFile(store, fileRecord('a.txt'), [makeArticle('k1', 'Stored in an older file')]);
      expect((await store.getArticle('k1'))?.title).toBe('Stored in an older file');
    } finally {
      await store.close();
    }
  });

  it('refuses a database written by a newer newsdesk', async () => {
    const path = tempPath();
    await openSqliteStore({ path, clock: new FixedClock() }).close();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    let error: unknown;
    try {
      openSqliteStore({ path, clock: new FixedClock() });
    } catch (caught) {
      error = caught;
    }
    expect(isNewsdeskError(error) && error.code).toBe('STORE_FAILURE');
    expect(String((error as Error).message)).toContain('newer newsdesk (schema 99)');
  });

  it('builds FTS5 queries that quote every word and match the last as a prefix', () => {
    expect(ftsQuery('a "b')).toBe('"a" AND "b"*');
    expect(ftsQuery('Orbán')).toBe('"Orbán"*');
    expect(ftsQuery('Geneva talks', 'title')).toBe('title : ("Geneva" AND "talks"*)');
    expect(ftsQuery('!!!')).toBeNull();
  });
});

describe('schema migrations', () => {
  it('numbers the steps of each database 1, 2, 3... in order, each with a name', () => {
    for (const list of [MIGRATIONS, PG_MIGRATIONS]) {
      expect(list.map((migration) => migration.version)).toEqual(list.map((_, index) => index + 1));
      expect(list.every((migration) => migration.name.length > 0 && migration.sql.trim().length > 0)).toBe(true);
    }
  });
});

describe('snippetOf', () => {
  const paragraphs = [
    { text: 'Opening paragraph about the weather in the valley.', kind: 'body' },
    {
      text: `${'Filler words before the match. '.repeat(12)}Viktor Orbán met the mayor on Monday. ${'More filler after it. '.repeat(12)}`,
      kind: 'body',
    },
  ];

  it('shows the passage around the first searched word, cut at words', () => {
    const snippet = snippetOf(paragraphs, ['orban']);
    expect(snippet).toContain('Viktor Orbán met the mayor');
    expect(snippet.length).toBeLessThanOrEqual(202);
    expect(snippet.startsWith('…')).toBe(true);
  });

  it('falls back to the opening of the article when no word is found', () => {
    expect(snippetOf(paragraphs, ['zebra'])).toBe('Opening paragraph about the weather in the valley.');
  });
});

/** Empty every article table (faster than a database per test); the schema stays migrated. */
async function emptyArticleTables(pool: PgPool): Promise<void> {
  await pool.query(
    `TRUNCATE files, articles, article_origins, person_mentions, person_keys, persons, quotes, quote_search, stories,
       article_stories, story_df, story_df_pending RESTART IDENTITY;
     UPDATE counters SET value = 0`,
  );
}

describePg('PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: PgPool;
  // a second pool on the same database stands for another bot process
  let other: PgPool;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPgPool({ url: database.url, max: 4 });
    other = createPgPool({ url: database.url, max: 4 });
    await migratePostgres(pool);
  });

  afterAll(async () => {
    await pool?.end();
    await other?.end();
    await database?.drop();
  });

  articleStoreContract('PgArticleStore', async () => {
    await emptyArticleTables(pool);
    const clock = new FixedClock();
    const store = createPgArticleStore(pool, clock);
    return { store, clock, close: () => store.close() };
  });

  describe('shared by several processes', () => {
    const openBoth = async () => {
      await emptyArticleTables(pool);
      const clock = new FixedClock();
      return { one: createPgArticleStore(pool, clock), two: createPgArticleStore(other, clock) };
    };

    it('stores a file two processes apply at the same time once, without failing either', async () => {
      const { one, two } = await openBoth();
      const person = { name: 'Marta Ruiz', aliases: ['Ruiz'], roles: ['Finance Minister'] };
      const articles = Array.from({ length: 20 }, (_, i) =>
        makeArticle(`c${i}`, `Concurrent story ${i}`, { people: [person] }),
      );
      const change = { record: fileRecord('same.txt'), articles };
      await Promise.all([one.applyFiles([change]), two.applyFiles([change]), one.applyFiles([change])]);
      expect(await one.counts()).toEqual({ articles: 20, people: 1, quotes: 0 });
      const profile = await two.personProfile(['marta ruiz'], { quoteLimit: 1, quoteOffset: 0, articleLimit: 50 });
      expect(profile.articleCount).toBe(20);
      const seqs = (await one.articlesAfterSeq(0, await one.maxSeq(), 100)).map((a) => a.id);
      expect(seqs).toEqual(articles.map((a) => a.id));
    });

    it('keeps one copy of an article two processes store from different origins at once', async () => {
      const { one, two } = await openBoth();
      const shared = makeArticle('shared1', 'Story arriving twice');
      await Promise.all([
        one.applyFiles([{ record: fileRecord('folder/story.txt'), articles: [shared] }]),
        two.applyFiles([{ record: fileRecord('https://feeds.example/rss#42'), articles: [shared] }]),
      ]);
      expect((await one.getArticle('shared1'))?.origins).toEqual(['folder/story.txt', 'https://feeds.example/rss#42']);
      expect((await two.counts()).articles).toBe(1);
      await Promise.all([one.removeFile('folder/story.txt'), two.removeFile('https://feeds.example/rss#42')]);
      expect(await one.counts()).toEqual({ articles: 0, people: 0, quotes: 0 });
    });

    it("sees another process's new people in its name key suggestions", async () => {
      const { one, two } = await openBoth();
      const before = await one.personKeys();
      expect(before).toEqual([]);
      await replaceFile(two, fileRecord('b.txt'), [
        makeArticle('n1', 'New face', { people: [{ name: 'Rustem Umerov', aliases: [], roles: [] }] }),
      ]);
      expect(await one.personKeys()).toEqual(['rustem umerov', 'umerov']);
    });

    it('leaves the shared pool open when a store is closed', async () => {
      const { one, two } = await openBoth();
      await one.close();
      expect(await two.counts()).toEqual({ articles: 0, people: 0, quotes: 0 });
    });
  });
});
