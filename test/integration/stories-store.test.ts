import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgArticleStore } from '../../src/adapters/store/postgres/article-store.js';
import { createPgPool, migratePostgres, type PgPool } from '../../src/adapters/store/postgres/database.js';
import { PG_MIGRATIONS } from '../../src/adapters/store/postgres/migrations.js';
import { openSqliteStore, type SqliteArticleStore } from '../../src/adapters/store/sqlite/article-store.js';
import { MIGRATIONS } from '../../src/adapters/store/sqlite/schema.js';
import { withStoryKeys } from '../../src/core/ingest/analyze.js';
import { reanalyzeStore } from '../../src/core/ingest/reanalyze.js';
import type { AnalyzedArticle, ArticleStore } from '../../src/core/ports.js';
import { decodeCentroid, type StoredCentroid } from '../../src/core/stories/centroid-codec.js';
import { clusterTime } from '../../src/core/stories/story-batch.js';
import { assignStory, countedKeys } from '../../src/core/stories/story-clusterer.js';
import { storyFeatures, storyKeys } from '../../src/core/stories/story-features.js';
import { InMemoryStoryIndex } from '../../src/core/stories/story-index.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { floodArticles, ratesArticles, storyArticles, transferArticle } from '../fixtures/story-articles.js';
import { fileRecord, replaceFile } from '../helpers/article-store-contract.js';
import { createTestDatabase, describePg } from '../helpers/postgres.js';
import { createTestLogger } from '../helpers/test-logger.js';

const STORIES_SQLITE = MIGRATIONS.find((m) => m.name === 'stories')!.version;
const STORIES_PG = PG_MIGRATIONS.find((m) => m.name === 'stories')!.version;

/**
 * Each article in its own file, in order, as a feed delivers them; with the story keys their analysis computes
 * (`withKeys`, as ingest writes them), or without (as a writer of an older release did: the store reads them back).
 */
async function ingestEach(
  store: ArticleStore,
  articles: readonly AnalyzedArticle[],
  prefix = 'item',
  withKeys = true,
): Promise<void> {
  for (const [i, article] of articles.entries()) {
    await replaceFile(store, fileRecord(`${prefix}-${i}`), [withKeys ? withStoryKeys(article) : article]);
  }
}

/** The story of each article, by article id. */
async function storyOfEach(store: ArticleStore, articles: readonly AnalyzedArticle[]): Promise<Map<string, string>> {
  const stories = await store.storiesOf(articles.map((article) => article.id));
  return new Map(articles.map((article) => [article.id, stories.get(article.id)?.id ?? 'none']));
}

/** A store on one database, opened anew by each `open` (a restart). */
interface StoreSetup {
  open(options?: { storyDfFoldEvery?: number }): ArticleStore;
  /** each key's document frequency as the database holds it: story_df and the pending increments */
  frequencies(keys: readonly string[]): Promise<number[]>;
  /** the score each article joined its story with (0: it started one), by article id */
  scores(): Promise<Map<string, number>>;
  /** rewrite every story's centroid as [key, weight] pairs, as releases before the encoded form stored them */
  olderCentroids(): Promise<void>;
  done(): Promise<void>;
}

/** A stored centroid as the [key, weight] pairs of older releases. */
function asPairs(centroid: StoredCentroid): [string, number][] {
  const { keys, weights } = decodeCentroid(centroid);
  return keys.map((key, i) => [key, weights[i]!]);
}

/** Sum story_df and the pending rows for each key. */
function frequenciesOf(
  keys: readonly string[],
  df: readonly { term: string; df: number | string }[],
  pending: readonly { counts: string }[],
): number[] {
  const total = new Map(df.map((row) => [row.term, Number(row.df)]));
  for (const row of pending) {
    for (const [key, count] of Object.entries(JSON.parse(row.counts) as Record<string, number>)) {
      total.set(key, (total.get(key) ?? 0) + count);
    }
  }
  return keys.map((key) => total.get(key) ?? 0);
}

/** The same stored articles clustered by one in-memory index in the order given (the order they were written). */
async function clusteredByOneIndex(store: ArticleStore, ids: readonly string[]) {
  const index = new InMemoryStoryIndex();
  const keys = new Set<string>();
  const scores = new Map<string, number>();
  for (const id of ids) {
    const stored = (await store.getArticle(id))!;
    const time = clusterTime({ published_at: stored.publishedAt, ingested_at: stored.ingestedAt });
    const features = storyFeatures(stored, stored, time);
    scores.set(id, assignStory(id, features, index).score);
    for (const key of countedKeys(features)) keys.add(key);
  }
  return { index, keys: [...keys], scores };
}

/** The behaviour both stores share. `open` gives a store on the same database each time (a restart). */
function storeSuite(setup: () => Promise<StoreSetup>) {
  it('adds the pending document frequencies every few articles, across restarts, as one index counts them', async () => {
    const { open, frequencies, scores: setupScores, done } = await setup();
    try {
      const articles = [...storyArticles(), ...variants()];
      const first = open({ storyDfFoldEvery: 3 });
      await ingestEach(first, articles.slice(0, 5));
      // a restart with increments pending, then files of two articles: folds fall inside batches
      const second = open({ storyDfFoldEvery: 3 });
      const rest = articles.slice(5);
      for (let i = 0; i < rest.length; i += 2) {
        await replaceFile(second, fileRecord(`pair-${i}`), rest.slice(i, i + 2).map(withStoryKeys));
      }
      const { index, keys, scores } = await clusteredByOneIndex(
        second,
        articles.map((article) => article.id),
      );
      expect(await frequencies(keys)).toEqual(index.frequencies(keys).df);
      expect(await storyOfEach(second, articles)).toEqual(index.assignments);
      // the scores too: each article was weighed with the frequencies one index would have counted
      expect(await setupScores()).toEqual(scores);
      expect(await second.countUnclustered()).toBe(0);
    } finally {
      await done();
    }
  });

  it('puts each outlet’s article about one event into one story, and lists stories newest activity first', async () => {
    const { open, done } = await setup();
    try {
      const store = open();
      const [herald, wire, gazette, transfer, post, courier] = storyArticles();
      await ingestEach(store, [herald!, wire!, gazette!, transfer!, post!, courier!]);
      const stories = await storyOfEach(store, [herald!, gazette!, courier!, wire!, post!, transfer!]);
      expect([...stories.values()]).toEqual([herald!.id, herald!.id, herald!.id, wire!.id, wire!.id, transfer!.id]);

      const page = await store.latestStories({ limit: 2 });
      expect(page.items.map((item) => [item.title, item.story])).toEqual([
        [herald!.title, { id: herald!.id, outlets: ['Herald', 'Gazette', 'Courier'], size: 3 }],
        [wire!.title, { id: wire!.id, outlets: ['Wire', 'Post'], size: 2 }],
      ]);
      const rest = await store.latestStories({ limit: 2, cursor: page.next! });
      expect(rest.items.map((item) => [item.title, item.story?.size])).toEqual([[transfer!.title, 1]]);
      expect(rest.next).toBeNull();
      expect(await store.countStories()).toBe(3);
      expect(await store.quotedInStory(herald!.id)).toEqual([
        { speaker: 'Uwe Kessler', outlets: ['Herald', 'Courier'], quotes: 3 },
      ]);
    } finally {
      await done();
    }
  });

  it('clusters articles that bring their story keys as it clusters those it reads back', async () => {
    const withKeys = await setup();
    const without = await setup();
    try {
      const articles = [...storyArticles(), ...variants()];
      await ingestEach(withKeys.open(), articles);
      await ingestEach(without.open(), articles, 'item', false);
      const expected = await storyOfEach(without.open(), articles);
      expect(new Set(expected.values()).size).toBeGreaterThan(2);
      expect(await storyOfEach(withKeys.open(), articles)).toEqual(expected);
      // the keys computed with the analysis are those of the article as stored
      const store = withKeys.open();
      for (const article of articles) {
        const stored = (await store.getArticle(article.id))!;
        expect(storyKeys(stored, stored)).toEqual(withStoryKeys(article).storyKeys);
      }
    } finally {
      await withKeys.done();
      await without.done();
    }
  });

  it('lists a story whose first article was deleted under its next one', async () => {
    const { open, done } = await setup();
    try {
      const store = open();
      const [herald, gazette, courier] = floodArticles();
      await ingestEach(store, [herald!, gazette!, courier!]);
      await store.removeFile(fileRecord('item-0').path);
      const page = await store.latestStories({ limit: 5 });
      expect(page.items.map((item) => [item.title, item.story])).toEqual([
        [gazette!.title, { id: herald!.id, outlets: ['Gazette', 'Courier'], size: 2 }],
      ]);
    } finally {
      await done();
    }
  });

  it('goes on exactly from stories an older release stored with [key, weight] centroids', async () => {
    const { open, scores: setupScores, olderCentroids, done } = await setup();
    try {
      const articles = [...storyArticles(), ...variants()];
      await ingestEach(open(), articles.slice(0, 4));
      await olderCentroids();
      const restarted = open();
      await ingestEach(restarted, articles.slice(4), 'later');
      const { index, scores } = await clusteredByOneIndex(
        restarted,
        articles.map((article) => article.id),
      );
      expect(await storyOfEach(restarted, articles)).toEqual(index.assignments);
      expect(new Set(index.assignments.values()).size).toBeLessThan(articles.length - 4);
      expect(await setupScores()).toEqual(scores);
    } finally {
      await done();
    }
  });

  it('goes on from the stored stories after a restart, without clustering anything again', async () => {
    const { open, done } = await setup();
    try {
      const [herald, gazette, courier] = floodArticles();
      await ingestEach(open(), [herald!, gazette!]);
      const restarted = open();
      await replaceFile(restarted, fileRecord('later'), [courier!]);
      expect([...(await storyOfEach(restarted, [herald!, gazette!, courier!])).values()]).toEqual([
        herald!.id,
        herald!.id,
        herald!.id,
      ]);
      expect(await restarted.countUnclustered()).toBe(0);
      expect(await restarted.clusterBacklog(100)).toBe(0);
    } finally {
      await done();
    }
  });
}

describe('stories in the SQLite store', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const tempPath = () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-stories-'));
    dirs.push(dir);
    return join(dir, 'news.db');
  };

  storeSuite(async () => {
    const path = tempPath();
    const opened: SqliteArticleStore[] = [];
    return {
      open: (options = {}) => {
        const store = openSqliteStore({ path, clock: new FixedClock(), ...options });
        opened.push(store);
        return store;
      },
      frequencies: async (keys) => {
        const db = opened.at(-1)!.db;
        const df = db.prepare('SELECT term, df FROM story_df').all() as { term: string; df: number }[];
        return frequenciesOf(keys, df, db.prepare('SELECT counts FROM story_df_pending').all() as { counts: string }[]);
      },
      scores: async () => {
        const rows = opened.at(-1)!.db.prepare('SELECT article_id, score FROM article_stories').all();
        return new Map((rows as { article_id: string; score: number }[]).map((row) => [row.article_id, row.score]));
      },
      olderCentroids: async () => {
        const db = opened.at(-1)!.db;
        const rows = db.prepare('SELECT id, centroid FROM stories').all() as { id: string; centroid: string }[];
        const update = db.prepare('UPDATE stories SET centroid = ? WHERE id = ?');
        for (const row of rows) update.run(JSON.stringify(asPairs(JSON.parse(row.centroid))), row.id);
      },
      done: async () => {
        for (const store of opened) await store.close();
      },
    };
  });

  it('puts a store of the previous release into stories in the background re-analysis, oldest first', async () => {
    const path = tempPath();
    const writer = openSqliteStore({ path, clock: new FixedClock() });
    const [herald, wire, gazette] = storyArticles();
    await ingestEach(writer, [herald!, wire!, gazette!]);
    rollBackStories(writer.db);
    await writer.close();

    const store = openSqliteStore({ path, clock: new FixedClock() });
    try {
      await expectBackfilled(store);
    } finally {
      await store.close();
    }
  });

  it('two connections writing in turn see each other’s articles, as one process would in that order', async () => {
    const path = tempPath();
    // the pending frequencies folded every few articles, by whichever connection gets there
    const one = openSqliteStore({ path, clock: new FixedClock(), storyDfFoldEvery: 3 });
    const two = openSqliteStore({ path, clock: new FixedClock(), storyDfFoldEvery: 3 });
    try {
      const articles = [...storyArticles(), ...variants()];
      // each writes every other article: between two writes of one, the other has committed
      for (const [i, article] of articles.entries()) {
        await replaceFile(i % 2 === 0 ? one : two, fileRecord(`item-${i}`), [withStoryKeys(article)]);
      }
      // and a run of writes by one alone, then the other again
      const more = variants().map((article, i) => ({
        ...article,
        id: `${article.id}m${i}`,
        title: `${article.title}.`,
      }));
      for (const [i, article] of more.entries()) {
        await replaceFile(i < more.length - 1 ? one : two, fileRecord(`more-${i}`), [withStoryKeys(article)]);
      }
      await expectClusteredInOrder(two.db, two, [...articles, ...more].length, 3);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('sees what its own connection changed outside the store: a watermark held back keeps new articles waiting', async () => {
    const path = tempPath();
    const store = openSqliteStore({ path, clock: new FixedClock() });
    try {
      const [herald, wire, gazette, transfer] = storyArticles();
      await ingestEach(store, [herald!, wire!]);
      const watermark = () => store.db.prepare("SELECT value FROM counters WHERE name = 'stories_watermark'");
      const held = (watermark().pluck().get() as number) - 1;
      // as a store of an older release has it: the newest article is not clustered yet
      store.db.prepare("UPDATE counters SET value = ? WHERE name = 'stories_watermark'").run(held);
      await replaceFile(store, fileRecord('held'), [withStoryKeys(gazette!)]);
      expect(watermark().pluck().get()).toBe(held);
      expect((await store.storiesOf([gazette!.id])).get(gazette!.id)).toBeUndefined();
      expect(await store.countUnclustered()).toBe(2);
      // the articles clustered are counted from the counters again: wire's membership stays as it was
      store.db.prepare("UPDATE counters SET value = ? WHERE name = 'stories_watermark'").run(held + 1);
      expect(await store.clusterBacklog(10)).toBe(1);
      await replaceFile(store, fileRecord('after'), [withStoryKeys(transfer!)]);
      expect(await store.countUnclustered()).toBe(0);
      await expectClusteredInOrder(store.db, store, 4, 1000);
    } finally {
      await store.close();
    }
  });

  it('keeps new articles waiting behind a backlog that one run of it did not clear', async () => {
    const path = tempPath();
    const store = openSqliteStore({ path, clock: new FixedClock() });
    try {
      const [herald, wire, gazette, transfer, post] = storyArticles();
      await ingestEach(store, [herald!]);
      const setWatermark = store.db.prepare("UPDATE counters SET value = ? WHERE name = 'stories_watermark'");
      setWatermark.run(0);
      await ingestEach(store, [wire!, gazette!], 'held');
      // herald was clustered already: the backlog is wire and gazette, one of them cleared
      setWatermark.run(store.db.prepare('SELECT seq FROM articles WHERE id = ?').pluck().get(herald!.id));
      expect(await store.clusterBacklog(1)).toBe(1);
      await replaceFile(store, fileRecord('new'), [withStoryKeys(transfer!)]);
      expect((await store.storiesOf([transfer!.id])).get(transfer!.id)).toBeUndefined();
      expect(await store.countUnclustered()).toBe(2);
      expect(await store.clusterBacklog(10)).toBe(2);
      // cleared: the next write is clustered as it is written
      await replaceFile(store, fileRecord('newer'), [withStoryKeys(post!)]);
      expect(await store.countUnclustered()).toBe(0);
      await expectClusteredInOrder(store.db, store, 5, 1000);
    } finally {
      await store.close();
    }
  });

  it('clusters the articles a batch leaves when it deletes one it wrote (a path given twice)', async () => {
    const path = tempPath();
    const store = openSqliteStore({ path, clock: new FixedClock() });
    try {
      const [herald, wire, gazette, transfer] = storyArticles();
      await ingestEach(store, [herald!, wire!]);
      await store.applyFiles([
        { record: fileRecord('twice', 'first'), articles: [withStoryKeys(gazette!)] },
        { record: fileRecord('twice', 'second'), articles: [withStoryKeys(transfer!)] },
      ]);
      expect(await store.getArticle(gazette!.id)).toBeNull();
      expect(await store.countUnclustered()).toBe(0);
      expect((await store.storiesOf([transfer!.id])).get(transfer!.id)?.id).toBe(transfer!.id);
      await expectClusteredInOrder(store.db, store, 3, 1000);
    } finally {
      await store.close();
    }
  });
});

/**
 * Every article of the database (`count`) in one story, as one index clustering them in the order they were stored
 * would put it, and the story counters as that index counts them (`foldEvery`: the stores' setting).
 */
async function expectClusteredInOrder(
  db: Database.Database,
  store: ArticleStore,
  count: number,
  foldEvery: number,
): Promise<void> {
  const rows = db
    .prepare(
      'SELECT a.id, m.story_id, m.score FROM articles a JOIN article_stories m ON m.article_id = a.id ORDER BY a.seq',
    )
    .all() as { id: string; story_id: string; score: number }[];
  expect(rows).toHaveLength(count);
  const { index, scores } = await clusteredByOneIndex(
    store,
    rows.map((row) => row.id),
  );
  expect(new Map(rows.map((row) => [row.id, row.story_id]))).toEqual(index.assignments);
  expect(new Map(rows.map((row) => [row.id, row.score]))).toEqual(scores);
  const counters = db.prepare("SELECT name, value FROM counters WHERE name LIKE 'stories%' ORDER BY name").all();
  expect(counters).toEqual([
    { name: 'stories', value: new Set(rows.map((row) => row.story_id)).size },
    { name: 'stories_clustered', value: count },
    { name: 'stories_df_folded', value: count - (count % foldEvery) },
    { name: 'stories_watermark', value: db.prepare('SELECT max(seq) FROM articles').pluck().get() },
  ]);
}

/** Take the stories step back out, as a store of the previous release has no stories. */
function rollBackStories(db: Database.Database): void {
  db.exec(`DROP TABLE stories; DROP TABLE article_stories; DROP TABLE story_df; DROP TABLE story_df_pending;
    DELETE FROM counters WHERE name LIKE 'stories%'`);
  db.pragma(`user_version = ${STORIES_SQLITE - 1}`);
}

/** A store whose three articles (Herald and Gazette flood, Wire rates) were written before stories. */
async function expectBackfilled(store: ArticleStore): Promise<void> {
  const [herald, wire, gazette, transfer, post] = storyArticles();
  expect(await store.countUnclustered()).toBe(3);
  // until the re-analysis has run, lists show articles, and new ones wait their turn
  await replaceFile(store, fileRecord('new'), [post!]);
  expect((await store.latestStories({ limit: 10 })).items.map((item) => item.story)).toEqual([
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
  expect(await store.countUnclustered()).toBe(4);

  const result = await reanalyzeStore({ store, logger: createTestLogger(), clock: new FixedClock() });
  expect(result).toEqual({ reanalyzed: 0, clustered: 4, failed: 0, complete: true });
  expect([...(await storyOfEach(store, [herald!, gazette!, wire!, post!])).values()]).toEqual([
    herald!.id,
    herald!.id,
    wire!.id,
    wire!.id,
  ]);
  // and from now on each article joins a story as it is written
  await replaceFile(store, fileRecord('newer'), [transfer!]);
  expect(await store.countUnclustered()).toBe(0);
  expect((await store.latestStories({ limit: 10 })).items.map((item) => item.story?.size)).toEqual([2, 1, 2]);
}

describePg('stories in the PostgreSQL store', () => {
  const withDatabase = async (work: (pool: PgPool) => Promise<void>, max = 4) => {
    const database = await createTestDatabase();
    const pool = createPgPool({ url: database.url, max });
    try {
      await migratePostgres(pool);
      await work(pool);
    } finally {
      await pool.end();
      await database.drop();
    }
  };

  storeSuite(async () => {
    const database = await createTestDatabase();
    const pool = createPgPool({ url: database.url, max: 4 });
    await migratePostgres(pool);
    return {
      open: (options = {}) => createPgArticleStore(pool, new FixedClock(), options),
      frequencies: async (keys) => {
        const { rows: df } = await pool.query<{ term: string; df: number }>('SELECT term, df FROM story_df');
        const { rows: pending } = await pool.query<{ counts: string }>('SELECT counts FROM story_df_pending');
        return frequenciesOf(keys, df, pending);
      },
      scores: async () => {
        const { rows } = await pool.query<{ article_id: string; score: number }>(
          'SELECT article_id, score FROM article_stories',
        );
        return new Map(rows.map((row) => [row.article_id, row.score]));
      },
      olderCentroids: async () => {
        const { rows } = await pool.query<{ id: string; centroid: StoredCentroid }>('SELECT id, centroid FROM stories');
        for (const row of rows) {
          await pool.query('UPDATE stories SET centroid = $1::jsonb WHERE id = $2', [
            JSON.stringify(asPairs(row.centroid)),
            row.id,
          ]);
        }
      },
      done: async () => {
        await pool.end();
        await database.drop();
      },
    };
  });

  it('puts a store of the previous release into stories in the background re-analysis, oldest first', async () => {
    await withDatabase(async (pool) => {
      const [herald, wire, gazette] = storyArticles();
      await ingestEach(createPgArticleStore(pool, new FixedClock()), [herald!, wire!, gazette!]);
      await pool.query(`DROP TABLE stories; DROP TABLE article_stories; DROP TABLE story_df; DROP TABLE story_df_pending;
        DELETE FROM counters WHERE name LIKE 'stories%';
        DELETE FROM schema_migrations WHERE version >= ${STORIES_PG}`);
      await migratePostgres(pool);
      await expectBackfilled(createPgArticleStore(pool, new FixedClock()));
    });
  });

  it('two processes writing at once put every article into one story, as one process would in that order', async () => {
    await withDatabase(async (pool) => {
      const other = createPgPool({ url: pool.options.connectionString!, max: 4 });
      try {
        // the pending frequencies folded every few articles, by whichever process gets there
        const one = createPgArticleStore(pool, new FixedClock(), { storyDfFoldEvery: 3 });
        const two = createPgArticleStore(other, new FixedClock(), { storyDfFoldEvery: 3 });
        const articles = [...storyArticles(), ...variants()];
        // interleaved: each process writes every other article, both at once
        await Promise.all([
          ingestEach(
            one,
            articles.filter((_, i) => i % 2 === 0),
            'one',
          ),
          ingestEach(
            two,
            articles.filter((_, i) => i % 2 === 1),
            'two',
          ),
        ]);
        const { rows } = await pool.query<{ id: string; story_id: string }>(
          `SELECT a.id, m.story_id FROM articles a JOIN article_stories m ON m.article_id = a.id ORDER BY a.seq`,
        );
        expect(rows).toHaveLength(articles.length);
        // the same articles clustered by one index in the order they were stored
        const index = new InMemoryStoryIndex();
        for (const row of rows) {
          const stored = (await one.getArticle(row.id))!;
          const time = clusterTime({ published_at: stored.publishedAt, ingested_at: stored.ingestedAt });
          const expected = assignStory(row.id, storyFeatures(stored, stored, time), index);
          expect(row.story_id).toBe(expected.storyId);
        }
        const { rows: counters } = await pool.query<{ name: string; value: number }>(
          `SELECT name, value FROM counters WHERE name LIKE 'stories%' ORDER BY name`,
        );
        expect(counters).toEqual([
          { name: 'stories', value: new Set(rows.map((row) => row.story_id)).size },
          { name: 'stories_clustered', value: articles.length },
          // single articles, folded every third
          { name: 'stories_df_folded', value: articles.length - (articles.length % 3) },
          {
            name: 'stories_watermark',
            value: Number((await pool.query('SELECT max(seq) AS m FROM articles')).rows[0].m),
          },
        ]);
      } finally {
        await other.end();
      }
    });
  });
});

/** More articles: each flood and rates article again under another outlet, reworded in its title. */
function variants(): AnalyzedArticle[] {
  return [...floodArticles(), ...ratesArticles(), transferArticle()].map((article, i) => ({
    ...article,
    id: `${article.id.slice(0, 8)}v${i}`,
    title: `${article.title} (update ${i})`,
    source: `Outlet ${i}`,
  }));
}
