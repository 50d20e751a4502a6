import type { Person } from '../../../core/articles/article.js';
import { ANALYSIS_VERSION } from '../../../core/ingest/analysis-version.js';
import type * as port from '../../../core/ports.js';
import * as mapping from '../../../core/store/article-rows.js';
import * as decide from '../../../core/store/article-writes.js';
import { MAX_COUNTED, SEARCH_WINDOW, unique } from '../../../core/store/store-common.js';
import {
  type ArticleTextRow,
  type PendingCountsRow,
  type StoryBatchWrites,
  StoryClustering,
  type StoryPosition,
  type StoryRow,
  type UnclusteredRow,
} from '../../../core/stories/story-batch.js';
import { DEFAULT_CLUSTERING } from '../../../core/stories/story-clusterer.js';
import { SqlArticleStore, type SqlDialect, VIEW_COLUMNS } from '../sql-article-store.js';
import {
  clusterSteps,
  countsJson,
  type StoryDialect,
  type StoryStatements,
  sortedCounts,
  storyPosition,
  storyStatements,
} from '../sql-stories.js';
import { insertRecords, type PgClient, type PgPool, pgRunner, toJsonParam, withTransaction } from './database.js';

// any constant, distinct from the migration lock: article writers take turns on it
const ARTICLE_WRITE_LOCK = 7_346_981_203;

/** Search weights for ts_rank, in {D, C, B, A} order: a title match counts five times a body match. */
const SEARCH_WEIGHTS = '{0.2, 0.2, 0.2, 1.0}';

const PG_DIALECT: SqlDialect = {
  originsOfArticle: 'ARRAY(SELECT origin FROM article_origins WHERE article_id = articles.id ORDER BY origin)',
  inList: (column, param, type) => `${column} = ANY(${param}::${type}[])`,
};

const PG_STORIES: StoryDialect = {
  inTextList: (column, param) => `${column} = ANY(${param}::text[])`,
  greatest: 'GREATEST',
  centroid: (param) => `${param}::jsonb`,
};
const STORY_SQL = storyStatements(PG_STORIES);
/** The pending document frequencies added to story_df in one statement, keys and counts as two arrays. */
const ADD_DF = `INSERT INTO story_df (term, df) SELECT * FROM unnest($1::text[], $2::int[])
  ON CONFLICT (term) DO UPDATE SET df = story_df.df + excluded.df`;

/**
 * The PostgreSQL article store: the SQLite store's behaviour on a database several processes share.
 * The queries both databases share are in SqlArticleStore; what to write comes from the shared
 * planArticleWrites / planPersonRebuild, and this store loads what they need and writes what they return
 * in a few set-based statements per transaction.
 * `pool` must already be migrated (migratePostgres) and belongs to the caller: `close()` leaves it open.
 */
/** `storyDfFoldEvery`: articles between two additions of the pending story document frequencies (tests make it small). */
export function createPgArticleStore(
  pool: PgPool,
  clock: port.Clock,
  options: { storyDfFoldEvery?: number } = {},
): port.ArticleStore {
  return new PgArticleStore(pool, clock, new StoryClustering(DEFAULT_CLUSTERING, options.storyDfFoldEvery));
}

class PgArticleStore extends SqlArticleStore {
  private nameKeyCache: { version: number; keys: readonly string[] } | undefined;
  /** this process's story index, kept in step with the tables (other processes cluster too) */
  constructor(
    private readonly pool: PgPool,
    private readonly clock: port.Clock,
    /** this process's story index, kept in step with the tables */
    private readonly clustering: StoryClustering,
  ) {
    super(pgRunner(pool), PG_DIALECT);
  }

  async applyFiles(changes: port.FileChange[]): Promise<void> {
    if (changes.length === 0) return;
    const byPath = mergeByPath(changes);
    const replaced = byPath.flatMap((change) =>
      change.articles === null ? [] : [{ path: change.record.path, articles: change.articles }],
    );
    await this.storyTransaction(async (client) => {
      await lockArticleWrites(client);
      await upsertFiles(
        client,
        byPath.map((change) => change.record),
      );
      if (replaced.length === 0) return;
      // a store of an older release is clustered by the background re-analysis, oldest first; until then new
      // articles wait their turn behind the watermark
      const position = await readStoryPosition(client);
      const caughtUp = position.watermark >= (await maxSeqOf(client));
      const delta: decide.CounterDelta = { articles: 0, quotes: 0, people: 0 };
      const previous = await deleteOrigins(
        client,
        replaced.map((file) => file.path),
      );
      const { fresh, written } = await insertArticles(client, replaced, this.clock.now().toISOString(), delta);
      for (const article of fresh) this.clustering.remember(article.id, article.storyKeys);
      const touched = await deleteOrphans(client, previous, delta);
      await refreshPersons(client, touched, delta);
      await addToCounters(client, delta);
      // caught up under the lock, the articles past the watermark are those just written (the orphans deleted are
      // articles stored before this transaction)
      if (caughtUp) {
        await clusterPending(client, this.clustering, STORY_SQL, position, Number.MAX_SAFE_INTEGER, written);
      }
    });
  }

  async clusterBacklog(limit: number): Promise<number> {
    return this.storyTransaction(async (client) => {
      await lockArticleWrites(client);
      return clusterPending(client, this.clustering, STORY_SQL, await readStoryPosition(client), limit);
    });
  }

  async countUnclustered(): Promise<number> {
    const position = await readStoryPosition(this.pool);
    const { rows } = await this.pool.query<{ count: number }>(STORY_SQL.countUnclustered, [position.watermark]);
    return rows[0]?.count ?? 0;
  }

  /** A transaction that may cluster: the index is dropped if it rolls back (it may hold what was undone). */
  private async storyTransaction<T>(work: (client: PgClient) => Promise<T>): Promise<T> {
    try {
      return await withTransaction(this.pool, work);
    } catch (error) {
      this.clustering.reset();
      throw error;
    }
  }

  async replaceAnalyses(articles: port.AnalyzedArticle[]): Promise<void> {
    if (articles.length === 0) return;
    await withTransaction(this.pool, async (client) => {
      await lockArticleWrites(client);
      const delta: decide.CounterDelta = { articles: 0, quotes: 0, people: 0 };
      for (const article of articles) await replaceAnalysis(client, article, delta);
      await addToCounters(client, delta);
    });
  }

  async removeFile(path: string): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await lockArticleWrites(client);
      const delta: decide.CounterDelta = { articles: 0, quotes: 0, people: 0 };
      const previous = await deleteOrigins(client, [path]);
      const touched = await deleteOrphans(client, previous, delta);
      await client.query('DELETE FROM files WHERE path = $1', [path]);
      await refreshPersons(client, touched, delta);
      await addToCounters(client, delta);
    });
  }

  protected async titleMatches(text: string, limit: number): Promise<mapping.ArticleViewRow[]> {
    const query = tsQuery(text);
    if (!query) return [];
    const { rows } = await this.pool.query<mapping.ArticleViewRow>(
      `SELECT ${VIEW_COLUMNS} FROM articles, to_tsquery('simple', $1) AS query WHERE title_search @@ query
       ORDER BY ts_rank(title_search, query) DESC, sort_key DESC LIMIT $2`,
      [query, limit],
    );
    return rows;
  }

  protected async searchWindow(
    text: string,
  ): Promise<{ window: mapping.ScoredMatch[]; countAll(): Promise<number> } | null> {
    const query = tsQuery(text);
    if (!query) return null;
    // rank the newest matches by relevance: scoring every match of a common word is what makes search slow
    const { rows: window } = await this.pool.query<mapping.ScoredMatch>(
      `SELECT newest.seq, ts_rank('${SEARCH_WEIGHTS}', newest.search, to_tsquery('simple', $1), 1) AS score
       FROM (SELECT seq, search FROM articles WHERE search @@ to_tsquery('simple', $1) ORDER BY seq DESC LIMIT $2) newest`,
      [query, SEARCH_WINDOW],
    );
    const countAll = async () => {
      const { rows } = await this.pool.query<{ count: number }>(
        `SELECT count_article_matches(to_tsquery('simple', $1), $2) AS count`,
        [query, MAX_COUNTED],
      );
      return rows[0]?.count ?? 0;
    };
    return { window, countAll };
  }

  async searchQuotes(
    text: string,
    options: { personKeys?: readonly string[] | undefined; limit: number; offset: number },
  ): Promise<{ quotes: port.QuoteView[]; total: number }> {
    const query = tsQuery(text);
    const keys = options.personKeys;
    if (!query || (keys !== undefined && keys.length === 0)) return { quotes: [], total: 0 };
    // $2 is always bound (PostgreSQL must type every parameter); a custom plan folds the IS NULL away
    const bySpeaker = keys === undefined ? 'AND $2::text[] IS NULL' : 'AND qs.person_key = ANY($2::text[])';
    const params = [query, keys ?? null];
    const [found, counted] = await Promise.all([
      this.pool.query<mapping.QuoteViewRow>(
        `SELECT ${mapping.QUOTE_VIEW_COLUMNS}
         FROM (SELECT article_id, position, seq FROM quote_search qs
           WHERE qs.search @@ to_tsquery('simple', $1) ${bySpeaker}
           ORDER BY qs.seq DESC, qs.position LIMIT $3 OFFSET $4) hit
         JOIN quotes q ON q.article_id = hit.article_id AND q.position = hit.position
         JOIN articles a ON a.id = hit.article_id
         ORDER BY hit.seq DESC, hit.position`,
        [...params, options.limit, options.offset],
      ),
      this.pool.query<{ count: string }>(
        `SELECT count(*) AS count FROM (SELECT 1 FROM quote_search qs
           WHERE qs.search @@ to_tsquery('simple', $1) ${bySpeaker} LIMIT $3) matches`,
        [...params, MAX_COUNTED],
      ),
    ]);
    return { quotes: found.rows.map(mapping.toQuoteView), total: Number(counted.rows[0]?.count ?? 0) };
  }

  async matchingSeqs(text: string, seq: number, upTo: number, limit: number): Promise<number[]> {
    const query = tsQuery(text);
    if (!query) return [];
    const { rows } = await this.pool.query<{ seq: string }>(
      `SELECT seq FROM articles WHERE search @@ to_tsquery('simple', $1) AND seq > $2 AND seq <= $3
       ORDER BY seq LIMIT $4`,
      [query, seq, upTo, limit],
    );
    return rows.map((row) => Number(row.seq));
  }

  async personProfile(personKeys: string[], page: port.ProfilePage): Promise<port.PersonProfile> {
    const keys = unique(personKeys);
    // all three at once: a key without a person row has no quotes or mentions either
    const [found, quotes, articles] = await Promise.all([
      this.pool.query<decide.PersonRecord>('SELECT * FROM persons WHERE person_key = ANY($1)', [keys]),
      // per key, a LIMITed walk down its index in page order, merged: a plain `= ANY(keys)` lets the
      // planner choose to read and sort every quote of a much-quoted person
      this.pool.query<mapping.QuoteViewRow>(
        `SELECT ${mapping.QUOTE_VIEW_COLUMNS}
         FROM unnest($1::text[]) AS k (person_key)
         CROSS JOIN LATERAL (SELECT * FROM quotes WHERE quotes.person_key = k.person_key
           ORDER BY kind_rank, sort_key DESC, article_id, position LIMIT $2) q
         JOIN articles a ON a.id = q.article_id
         ORDER BY q.kind_rank, q.sort_key DESC, q.article_id, q.position LIMIT $3 OFFSET $4`,
        [keys, page.quoteOffset + page.quoteLimit, page.quoteLimit, page.quoteOffset],
      ),
      this.pool.query<mapping.MentionedArticleRow>(
        `SELECT a.id, a.title, a.published_at
         FROM unnest($1::text[]) AS k (person_key)
         CROSS JOIN LATERAL (SELECT article_id, sort_key FROM person_mentions
           WHERE person_mentions.person_key = k.person_key ORDER BY sort_key DESC LIMIT $2) m
         JOIN articles a ON a.id = m.article_id
         ORDER BY m.sort_key DESC`,
        [keys, page.articleLimit],
      ),
    ]);
    return mapping.toPersonProfile(keys, found.rows, quotes.rows, articles.rows, page.articleLimit);
  }

  async personKeys(): Promise<readonly string[]> {
    // suggestions scan every key; reload only when some process wrote articles since (read the marker first)
    const { rows } = await this.pool.query<{ value: number }>(`SELECT value FROM counters WHERE name = 'changes'`);
    const version = rows[0]?.value ?? 0;
    if (this.nameKeyCache?.version !== version) {
      const keys = await this.pool.query<{ name_key: string }>(
        'SELECT DISTINCT name_key FROM person_keys ORDER BY name_key',
      );
      this.nameKeyCache = { version, keys: keys.rows.map((row) => row.name_key) };
    }
    return this.nameKeyCache.keys;
  }

  async close(): Promise<void> {
    // the pool is shared with the other stores of the process; whoever created it ends it
  }
}

/**
 * One change per path, as if the batch were applied in order: the last record, and the last list of
 * articles given for it (a later touched-only change keeps them).
 */
function mergeByPath(changes: port.FileChange[]): port.FileChange[] {
  const merged = new Map<string, port.FileChange>();
  for (const change of changes) {
    const earlier = merged.get(change.record.path);
    merged.set(change.record.path, { record: change.record, articles: change.articles ?? earlier?.articles ?? null });
  }
  return [...merged.values()];
}

/**
 * Writers take turns: `seq` then grows in commit order (a digest watermark never skips an article
 * committed late), and the person aggregates, read and rewritten here, are never updated by two at once.
 */
async function lockArticleWrites(client: PgClient): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [ARTICLE_WRITE_LOCK]);
}

async function readStoryPosition(db: PgClient | PgPool): Promise<StoryPosition> {
  const { rows } = await db.query<{ name: string; value: number }>(STORY_SQL.counters);
  return storyPosition(rows);
}

async function maxSeqOf(client: PgClient): Promise<number> {
  const { rows } = await client.query<{ seq: number }>(STORY_SQL.maxSeq);
  return rows[0]?.seq ?? 0;
}

/**
 * Cluster up to `limit` articles past the watermark, in arrival order, under the article write lock; how many.
 * `position` was read under the lock. `written`: the articles past the watermark when the caller knows them all
 * (those it wrote, caught up), else they are read.
 */
async function clusterPending(
  client: PgClient,
  clustering: StoryClustering,
  q: StoryStatements,
  position: StoryPosition,
  limit: number,
  written: readonly UnclusteredRow[] | null = null,
): Promise<number> {
  const load = clusterSteps.load(clustering, q, position);
  if (load) {
    const { rows: stories } = await client.query<StoryRow>(load.stories.sql, [...load.stories.params]);
    load.apply(stories, (await client.query<PendingCountsRow>(load.pending.sql, [...load.pending.params])).rows);
  }
  const pending =
    written === null
      ? (await client.query<UnclusteredRow>(q.unclustered, [position.watermark, limit])).rows
      : clusterSteps.written(written, position, limit);
  if (pending.length === 0) return 0;
  const read = clusterSteps.texts(clustering, q, position, pending);
  const texts = read ? (await client.query<ArticleTextRow>(read.sql, [...read.params])).rows : [];
  const features = clusterSteps.features(clustering, pending, texts);
  const keys = clustering.keysToRead(features);
  const found = keys.length === 0 ? [] : (await client.query<{ term: string; df: number }>(q.df, [keys])).rows;
  clustering.learnFrequencies(keys, new Map(found.map((row) => [row.term, row.df])));
  await writeStoryBatch(client, q, clustering.cluster(pending, features));
  return pending.length;
}

/** One batch's story writes in four set-based statements, whatever its size. */
async function writeStoryBatch(client: PgClient, q: StoryStatements, writes: StoryBatchWrites): Promise<void> {
  if (writes.stories.length > 0) {
    await client.query(
      insertRecords(
        'stories',
        ['id', 'size', 'first_time', 'last_time', 'last_seq', 'norm', 'centroid', 'sort_key'],
        `ON CONFLICT (id) DO UPDATE SET size = excluded.size, first_time = excluded.first_time,
           last_time = excluded.last_time, last_seq = excluded.last_seq, norm = excluded.norm,
           centroid = excluded.centroid, sort_key = GREATEST(stories.sort_key, excluded.sort_key)`,
      ),
      [toJsonParam(writes.stories)],
    );
  }
  if (writes.memberships.length > 0) {
    await client.query(
      insertRecords('article_stories', ['article_id', 'story_id', 'seq', 'score'], 'ON CONFLICT DO NOTHING'),
      [toJsonParam(writes.memberships)],
    );
  }
  if (writes.pending) await client.query(q.addPending, [writes.clustered, countsJson(writes.pending)]);
  if (writes.fold) {
    // keys in order: neighbouring index pages are written together
    const counts = sortedCounts(writes.fold);
    await client.query(ADD_DF, [counts.map(([key]) => key), counts.map(([, count]) => count)]);
    await client.query(q.clearPending);
    await client.query(q.setCounter, [writes.clustered, 'stories_df_folded']);
  }
  await client.query(q.advanceCounters, [writes.clustered, writes.watermark, writes.created]);
}

async function upsertFiles(client: PgClient, records: port.FileRecord[]): Promise<void> {
  await client.query(
    `INSERT INTO files (path, size, mtime_ms, hash)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::float8[], $4::text[])
     ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, hash = excluded.hash`,
    [records.map((r) => r.path), records.map((r) => r.size), records.map((r) => r.mtimeMs), records.map((r) => r.hash)],
  );
}

/** Forget which articles the origins gave; returns those articles' ids (candidates for deletion). */
async function deleteOrigins(client: PgClient, origins: string[]): Promise<string[]> {
  const { rows } = await client.query<{ article_id: string }>(
    'DELETE FROM article_origins WHERE origin = ANY($1) RETURNING article_id',
    [origins],
  );
  return unique(rows.map((row) => row.article_id));
}

/**
 * Store the files' articles (those already stored are kept as they are: ids are content hashes),
 * record their origins, and fold the new ones into people, quotes and the totals; the new ones.
 */
async function insertArticles(
  client: PgClient,
  files: { path: string; articles: port.AnalyzedArticle[] }[],
  ingestedAt: string,
  delta: decide.CounterDelta,
): Promise<{ fresh: port.AnalyzedArticle[]; written: UnclusteredRow[] }> {
  const distinct = [...new Map(files.flatMap((file) => file.articles.map((a) => [a.id, a] as const))).values()];
  // most re-applied articles are stored already: skip building their rows and search vectors
  const { rows: stored } = await client.query<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1)', [
    distinct.map((article) => article.id),
  ]);
  const known = new Set(stored.map((row) => row.id));
  const fresh = distinct.filter((article) => !known.has(article.id));
  let written: UnclusteredRow[] = [];
  if (fresh.length > 0) {
    const { rows } = await client.query<decide.PersonRecord>('SELECT * FROM persons WHERE person_key = ANY($1)', [
      decide.personKeysOf(fresh),
    ]);
    const persons = new Map(rows.map((row) => [row.person_key, row]));
    written = await writeArticles(client, decide.planArticleWrites(fresh, persons, ingestedAt), delta);
  }
  const origins = files.flatMap((file) => file.articles.map((article) => ({ origin: file.path, id: article.id })));
  await client.query(
    `INSERT INTO article_origins (origin, article_id) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT DO NOTHING`,
    [origins.map((o) => o.origin), origins.map((o) => o.id)],
  );
  return { fresh, written };
}

/**
 * Write what planArticleWrites decided: articles in order (their seq numbers follow it), then what refers to them.
 * The articles as story clustering reads them.
 */
async function writeArticles(
  client: PgClient,
  writes: decide.ArticleWrites,
  delta: decide.CounterDelta,
): Promise<UnclusteredRow[]> {
  const columns = decide.ARTICLE_COLUMNS.join(', ');
  const { rows } = await client.query<UnclusteredRow>(
    `INSERT INTO articles (${columns}, search, title_search)
     SELECT ${decide.ARTICLE_COLUMNS.map((column) => `r.${column}`).join(', ')},
       setweight(to_tsvector('simple', w.title), 'A') || setweight(to_tsvector('simple', w.body), 'D'),
       to_tsvector('simple', w.title)
     FROM json_populate_recordset(NULL::articles, $1::json) WITH ORDINALITY AS r
     JOIN unnest($2::text[], $3::text[]) WITH ORDINALITY AS w (title, body, n) ON w.n = r.ordinality
     ORDER BY r.ordinality
     RETURNING seq, id, published_at, ingested_at, sort_key`,
    [
      toJsonParam(writes.articles.map((article) => article.row)),
      writes.articles.map((article) => indexWords(article.search.title)),
      writes.articles.map((article) => indexWords(article.search.body)),
    ],
  );
  await writePeopleAndQuotes(client, writes);
  decide.addDelta(delta, writes.delta);
  return rows;
}

/** The person aggregates, lookup keys, mentions and quotes planArticleWrites decided. */
async function writePeopleAndQuotes(client: PgClient, writes: decide.ArticleWrites): Promise<void> {
  await savePersons(client, writes.persons);
  await insertNameKeys(client, writes.nameKeys);
  if (writes.mentions.length > 0) {
    await client.query(
      insertRecords('person_mentions', ['person_key', 'article_id', 'sort_key'], 'ON CONFLICT DO NOTHING'),
      [toJsonParam(writes.mentions)],
    );
  }
  if (writes.quotes.length > 0) {
    await client.query(insertRecords('quotes', decide.QUOTE_COLUMNS, 'ON CONFLICT DO NOTHING'), [
      toJsonParam(writes.quotes),
    ]);
  }
  if (writes.quoteTexts.length > 0) {
    const texts = writes.quoteTexts;
    await client.query(
      `INSERT INTO quote_search (article_id, position, seq, person_key, search)
       SELECT t.article_id, t.position, a.seq, t.person_key, to_tsvector('simple', t.words)
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[]) AS t (article_id, position, person_key, words)
       JOIN articles a ON a.id = t.article_id
       ON CONFLICT DO NOTHING`,
      [
        texts.map((t) => t.article_id),
        texts.map((t) => t.position),
        texts.map((t) => t.person_key),
        texts.map((t) => indexWords(t.body)),
      ],
    );
  }
}

/**
 * Replace one stored article's analysis: its quotes and mentions go, its people are rebuilt without it, then the
 * new analysis is folded in as if the article had just arrived when it did. False when the article is gone.
 */
async function replaceAnalysis(
  client: PgClient,
  article: port.AnalyzedArticle,
  delta: decide.CounterDelta,
): Promise<boolean> {
  const { rows } = await client.query<{ ingested_at: string; quotes: number; people: string[] }>(
    `SELECT ingested_at,
       (SELECT count(*)::int FROM quotes WHERE article_id = $1 AND speaker IS NOT NULL) AS quotes,
       ARRAY(SELECT person_key FROM person_mentions WHERE article_id = $1) AS people
     FROM articles WHERE id = $1`,
    [article.id],
  );
  const [old] = rows;
  if (!old) return false;
  delta.quotes -= old.quotes;
  await client.query('DELETE FROM quotes WHERE article_id = $1', [article.id]);
  await client.query('DELETE FROM person_mentions WHERE article_id = $1', [article.id]);
  // one-element array, as toJsonParam takes rows
  await client.query('UPDATE articles SET analysis = ($1::jsonb) -> 0, analysis_version = $2 WHERE id = $3', [
    toJsonParam([decide.analysisOf(article)]),
    ANALYSIS_VERSION,
    article.id,
  ]);
  await refreshPersons(client, old.people, delta);
  const { rows: persons } = await client.query<decide.PersonRecord>(
    'SELECT * FROM persons WHERE person_key = ANY($1)',
    [decide.personKeysOf([article])],
  );
  const writes = decide.planReanalysisWrites(
    article,
    new Map(persons.map((row) => [row.person_key, row])),
    old.ingested_at,
  );
  await writePeopleAndQuotes(client, writes);
  decide.addDelta(delta, writes.delta);
  return true;
}

async function savePersons(client: PgClient, rows: decide.PersonRecord[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    insertRecords(
      'persons',
      decide.PERSON_COLUMNS,
      `ON CONFLICT (person_key) DO UPDATE SET ${decide.setFromExcluded(decide.PERSON_COLUMNS, 'person_key')}`,
    ),
    [toJsonParam(rows)],
  );
}

async function insertNameKeys(client: PgClient, nameKeys: decide.NameKeyRecord[]): Promise<void> {
  if (nameKeys.length === 0) return;
  await client.query(insertRecords('person_keys', ['name_key', 'person_key'], 'ON CONFLICT DO NOTHING'), [
    toJsonParam(nameKeys),
  ]);
}

/**
 * Delete the candidates no origin refers to any more; returns the people they mentioned, whose
 * aggregates must be rebuilt. The counts are read from the rows being deleted (one snapshot).
 */
async function deleteOrphans(client: PgClient, candidates: string[], delta: decide.CounterDelta): Promise<string[]> {
  if (candidates.length === 0) return [];
  const { rows } = await client.query<{ articles: number; quotes: number; people: string[] }>(
    `WITH gone AS (
       DELETE FROM articles WHERE id = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM article_origins o WHERE o.article_id = articles.id)
       RETURNING id
     )
     SELECT (SELECT count(*) FROM gone) AS articles,
       (SELECT count(*) FROM quotes WHERE article_id IN (SELECT id FROM gone) AND speaker IS NOT NULL) AS quotes,
       ARRAY(SELECT DISTINCT person_key FROM person_mentions WHERE article_id IN (SELECT id FROM gone)) AS people`,
    [candidates],
  );
  const [gone] = rows;
  if (!gone) return [];
  decide.addDelta(delta, { articles: -gone.articles, quotes: -gone.quotes, people: 0 });
  return gone.people;
}

/** After deletions: rebuild the aggregates of these people from the articles that remain. */
async function refreshPersons(client: PgClient, keys: string[], delta: decide.CounterDelta): Promise<void> {
  if (keys.length === 0) return;
  await client.query('DELETE FROM person_keys WHERE person_key = ANY($1)', [keys]);
  const { rows: remaining } = await client.query<{ person_key: string; people: Person[]; sort_key: string }>(
    `SELECT m.person_key, a.analysis -> 'people' AS people, m.sort_key
     FROM person_mentions m JOIN articles a ON a.id = m.article_id
     WHERE m.person_key = ANY($1) ORDER BY m.person_key, m.article_id`,
    [keys],
  );
  const { rows: quoteCounts } = await client.query<{ person_key: string; quotes: number; reported: number }>(
    `SELECT person_key, count(*) FILTER (WHERE kind <> 'reported') AS quotes,
       count(*) FILTER (WHERE kind = 'reported') AS reported
     FROM quotes WHERE person_key = ANY($1) GROUP BY person_key`,
    [keys],
  );
  const rebuild = decide.planPersonRebuild(keys, remaining, new Map(quoteCounts.map((row) => [row.person_key, row])));
  if (rebuild.forgotten.length > 0) {
    const removed = await client.query('DELETE FROM persons WHERE person_key = ANY($1)', [rebuild.forgotten]);
    delta.people -= removed.rowCount ?? 0;
  }
  await savePersons(client, rebuild.persons);
  await insertNameKeys(client, rebuild.nameKeys);
}

/** Apply the totals' changes and bump the change marker other processes' caches watch. */
async function addToCounters(client: PgClient, delta: decide.CounterDelta): Promise<void> {
  await client.query(
    `UPDATE counters SET value = value + d.change
     FROM (VALUES ('articles', $1::bigint), ('quotes', $2::bigint), ('people', $3::bigint), ('changes', 1)) AS d(name, change)
     WHERE counters.name = d.name`,
    [delta.articles, delta.quotes, delta.people],
  );
}

/**
 * Words as the search index holds them: accents stripped, lowercase, split at anything but letters
 * and digits (as SQLite's unicode61 tokenizer with remove_diacritics does). Folding here rather than
 * in SQL keeps queries and index identical without the unaccent extension.
 */
function searchTerms(text: string): string[] {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

function indexWords(text: string): string {
  return searchTerms(text).join(' ');
}

/**
 * A tsquery that ANDs the words of `text`, the last one as a prefix (it may be unfinished). Words are
 * letters and digits only, so user input cannot inject tsquery syntax.
 */
function tsQuery(text: string): string | null {
  const words = searchTerms(text).slice(0, 32);
  const last = words.length - 1;
  if (last < 0) return null;
  return words.map((word, index) => (index === last ? `'${word}':*` : `'${word}'`)).join(' & ');
}
