import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { Person } from '../../../core/articles/article.js';
import { ANALYSIS_VERSION } from '../../../core/ingest/analysis-version.js';
import type * as port from '../../../core/ports.js';
import * as mapping from '../../../core/store/article-rows.js';
import * as decide from '../../../core/store/article-writes.js';
import { MAX_COUNTED, SEARCH_WINDOW, unique } from '../../../core/store/store-common.js';
import {
  type PendingCountsRow,
  type StoryBatchWrites,
  StoryClustering,
  type StoryPosition,
  type StoryRow,
  type UnclusteredRow,
} from '../../../core/stories/story-batch.js';
import { DEFAULT_CLUSTERING } from '../../../core/stories/story-clusterer.js';
import { SqlArticleStore, type SqlDialect, VIEW_COLUMNS } from '../sql-article-store.js';
import { batchWrites, clusterSteps, type StoryDialect, storyPosition, storyStatements } from '../sql-stories.js';
import {
  fromSqlite,
  insertSql,
  openSqliteDatabase,
  rowOf,
  rowWriter,
  type SqliteRunner,
  sqliteRunner,
  WAL_AUTOCHECKPOINT_PAGES,
} from './database.js';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.js';

/** WAL size past which checkpoints move to a worker thread: a large ingest (small stores and tests never get there). */
const BACKGROUND_CHECKPOINT_AT_BYTES = 16 * 1024 * 1024;
const CHECKPOINT_EVERY_MS = 250;
/** 256 MiB: the commit's own checkpoint while the worker runs, if it ever falls that far behind. */
const SAFETY_AUTOCHECKPOINT_PAGES = 65_536;

const SQLITE_DIALECT: SqlDialect = {
  originsOfArticle: `(SELECT json_group_array(origin) FROM
    (SELECT origin FROM article_origins WHERE article_id = articles.id ORDER BY origin))`,
  inList: (column, param) => `${column} IN (SELECT value FROM json_each(${param}))`,
};

const SQLITE_STORIES: StoryDialect = {
  inTextList: (column, param) => `${column} IN (SELECT value FROM json_each(${param}))`,
  greatest: 'max',
  centroid: (param) => param,
};

export interface SqliteStoreOptions {
  /** database file, or ':memory:' */
  path: string;
  clock: port.Clock;
  /** WAL size past which checkpoints move to a worker thread (default 16 MiB; tests set 0) */
  backgroundCheckpointAtBytes?: number;
  /** articles between two additions of the pending story document frequencies (default DF_FOLD_EVERY) */
  storyDfFoldEvery?: number;
}

/** Open (creating and migrating as needed) the SQLite article store. */
export function openSqliteStore(options: SqliteStoreOptions): SqliteArticleStore {
  return new SqliteArticleStore(openSqliteDatabase(options.path), options.clock, {
    storyDfFoldEvery: options.storyDfFoldEvery,
    backgroundCheckpointAtBytes: options.backgroundCheckpointAtBytes,
  });
}

/**
 * The embedded default store: SQLite in WAL mode with FTS5 full-text search. The queries both databases
 * share are in SqlArticleStore; what to write comes from the shared planArticleWrites / planPersonRebuild,
 * and this class loads what they need and writes what they return, one prepared statement per row.
 */
export class SqliteArticleStore extends SqlArticleStore {
  readonly db: Database.Database;
  private readonly clock: port.Clock;
  private readonly statements;
  /** local writes, so caches notice changes made through this connection (data_version only counts others) */
  private writes = 0;
  private nameKeyCache: { version: string; keys: string[] } | undefined;
  private readonly keyed = new Map<string, Database.Statement>();
  private readonly runner: SqliteRunner;
  private readonly stories = storyStatements(SQLITE_STORIES);
  /** this process's story index, kept in step with the tables */
  private readonly clustering: StoryClustering;
  /** where the stories stood when this connection's last transaction to end caught up committed (see knownPosition) */
  private storyMark: StoryMark | null = null;
  /** the mark the running story transaction leaves, but for `changes`: taken when it commits */
  private nextStoryMark: Omit<StoryMark, 'changes'> | null = null;
  /** the articles the running transaction wrote, to cluster without reading them back; null once one is deleted */
  private written: UnclusteredRow[] | null = null;
  /** checkpoints in a worker thread, once the WAL has grown past `checkpointAt` (a large ingest) */
  private checkpointer: WalCheckpointer | null = null;
  private checkpointerFailed = false;
  private readonly checkpointAt: number;
  /** runs work in one write transaction; built once: each db.transaction() call builds five wrappers (8 us) */
  private readonly writeTransaction: Database.Transaction<(work: () => unknown) => unknown>;

  /** `db` must be opened with openSqliteDatabase (migrated). */
  constructor(
    db: Database.Database,
    clock: port.Clock,
    options: { storyDfFoldEvery?: number | undefined; backgroundCheckpointAtBytes?: number | undefined } = {},
  ) {
    super(sqliteRunner(db), SQLITE_DIALECT);
    this.db = db;
    this.clock = clock;
    this.statements = prepareStatements(db);
    this.runner = sqliteRunner(db);
    this.clustering = new StoryClustering(DEFAULT_CLUSTERING, options.storyDfFoldEvery);
    this.checkpointAt = options.backgroundCheckpointAtBytes ?? BACKGROUND_CHECKPOINT_AT_BYTES;
    this.writeTransaction = db.transaction((work: () => unknown) => work());
  }

  async applyFiles(changes: port.FileChange[]): Promise<void> {
    this.storyTransaction(() => {
      // a store of an older release is clustered by the background re-analysis, oldest first; until then new
      // articles wait their turn behind the watermark
      const known = this.knownPosition();
      const position = known ?? this.storyPositionNow();
      const caughtUp = known !== null || position.watermark >= this.maxSeqNow();
      this.written = [];
      const delta: decide.CounterDelta = { articles: 0, quotes: 0, people: 0 };
      // files with nothing stored from them yet (most of an ingest) are written together, by addFiles
      let added: AddedFile[] = [];
      const addPending = () => {
        this.addFiles(added, delta);
        added = [];
      };
      for (const { record, articles } of changes) {
        // a path twice in one batch: the second replaces what the first stored, so that must be written first
        if (added.some((file) => file.record.path === record.path)) addPending();
        const previous =
          articles === null ? [] : (this.statements.articlesOfOrigin.pluck().all(record.path) as string[]);
        if (articles !== null && previous.length === 0) {
          added.push({ record, articles, ingestedAt: this.clock.now().toISOString() });
          continue;
        }
        addPending();
        if (articles === null) this.statements.upsertFiles([fileRow(record)]);
        else this.replaceFile(record, articles, previous, delta);
      }
      addPending();
      this.addToCounters(delta);
      // the position read under this transaction's lock still holds: writing articles leaves it as it was
      if (caughtUp) {
        // caught up, the articles past the watermark are those just written, unless one was deleted since
        const { after } = this.clusterNow(Number.MAX_SAFE_INTEGER, position, this.written);
        this.nextStoryMark = this.markOf(after);
      }
      this.written = null;
    });
    this.checkpointInBackgroundOnceLarge();
  }

  /** The background checkpointer's next checkpoint (null while none runs): for tests. */
  nextBackgroundCheckpoint(): Promise<number> | null {
    return this.checkpointer?.nextCheckpoint() ?? null;
  }

  /** Move checkpoints to a worker thread once this ingest has grown the WAL past `checkpointAt`. */
  private checkpointInBackgroundOnceLarge(): void {
    if (this.checkpointer !== null || this.checkpointerFailed || this.db.memory || !this.db.open) return;
    let size: number;
    try {
      size = statSync(`${this.db.name}-wal`).size;
    } catch {
      return;
    }
    if (size < this.checkpointAt) return;
    this.checkpointer = startWalCheckpointer(this.db.name, CHECKPOINT_EVERY_MS, () => this.checkpointInForeground());
    // the commit's own checkpoint only if the worker falls far behind
    this.db.pragma(`wal_autocheckpoint = ${SAFETY_AUTOCHECKPOINT_PAGES}`);
  }

  /** The worker failed: commits checkpoint again, as without it. */
  private checkpointInForeground(): void {
    this.checkpointerFailed = true;
    const failed = this.checkpointer;
    this.checkpointer = null;
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    void failed?.close();
  }

  async clusterBacklog(limit: number): Promise<number> {
    return this.storyTransaction(() => {
      const { clustered, after } = this.clusterNow(limit, this.storyPositionNow());
      // the backlog done, the next write need not read the position again
      if (after.watermark >= this.maxSeqNow()) this.nextStoryMark = this.markOf(after);
      return clustered;
    });
  }

  async countUnclustered(): Promise<number> {
    const { watermark } = this.storyPositionNow();
    const [row] = this.runner.rowsNow<{ count: number }>(this.stories.countUnclustered, [watermark]);
    return row?.count ?? 0;
  }

  /** One write transaction, taken at once (two processes on one file queue here, not fail later on upgrade). */
  private storyTransaction<T>(work: () => T): T {
    this.nextStoryMark = null;
    try {
      const result = this.writeTransaction.immediate(work) as T;
      this.keepStoryMark();
      return result;
    } catch (error) {
      // the index may hold what the rolled-back transaction clustered
      this.clustering.reset();
      this.storyMark = null;
      this.written = null;
      throw error;
    }
  }

  /** After a commit: the running transaction's mark (if it left one) becomes the one the next transaction checks. */
  private keepStoryMark(): void {
    const next = this.nextStoryMark;
    // the rows changed are counted after the commit: FTS5 writes what it buffered as the transaction commits
    this.storyMark = next === null ? null : { ...next, changes: this.statements.totalChanges.get() as number };
  }

  /**
   * The story position under this transaction's lock without reading it, when it is the one the last story
   * transaction of this connection left caught up (watermark at the newest article) and nothing changed since: no
   * other connection committed (data_version) and this one changed no row (total_changes: the bench's and other
   * stores' writes on this connection). Else null: the caller reads the counters.
   */
  private knownPosition(): StoryPosition | null {
    const mark = this.storyMark;
    if (mark === null) return null;
    const s = this.statements;
    return s.dataVersion.get() === mark.version && s.totalChanges.get() === mark.changes ? mark.position : null;
  }

  /** The mark of this transaction, caught up at `position`, but for the rows changed (read once it commits). */
  private markOf(position: StoryPosition): Omit<StoryMark, 'changes'> {
    // read under the lock: another connection's commit after this one's must change it
    return { version: this.statements.dataVersion.get() as number, position };
  }

  private storyPositionNow(): StoryPosition {
    return storyPosition(this.runner.rowsNow<{ name: string; value: number }>(this.stories.counters));
  }

  private maxSeqNow(): number {
    return this.runner.rowsNow<{ seq: number }>(this.stories.maxSeq)[0]?.seq ?? 0;
  }

  /**
   * Cluster up to `limit` articles past the watermark, in arrival order: how many, and the position after. Inside a
   * transaction, where `position` was read. `written`: the articles past the watermark when the caller knows them
   * all (those it wrote, caught up), else they are read.
   */
  private clusterNow(
    limit: number,
    position: StoryPosition,
    written: readonly UnclusteredRow[] | null = null,
  ): { clustered: number; after: StoryPosition } {
    const run = this.runner;
    const load = clusterSteps.load(this.clustering, this.stories, position);
    if (load) {
      const stories = run.rowsNow<StoryRow>(load.stories.sql, load.stories.params);
      load.apply(stories, run.rowsNow<PendingCountsRow>(load.pending.sql, load.pending.params));
    }
    const pending =
      written === null
        ? run.rowsNow<UnclusteredRow>(this.stories.unclustered, [position.watermark, limit])
        : clusterSteps.written(written, position, limit);
    if (pending.length === 0) return { clustered: 0, after: position };
    const read = clusterSteps.texts(this.clustering, this.stories, position, pending);
    const features = clusterSteps.features(this.clustering, pending, read ? run.rowsNow(read.sql, read.params) : []);
    const keys = this.clustering.keysToRead(features);
    const found = new Map<string, number>();
    for (const key of keys) {
      const [row] = run.rowsNow<{ df: number }>(this.stories.dfOfKey, [key]);
      if (row !== undefined) found.set(key, row.df);
    }
    this.clustering.learnFrequencies(keys, found);
    const writes = this.clustering.cluster(pending, features);
    for (const write of batchWrites(this.stories, writes)) run.runNow(write.sql, write.params);
    return { clustered: pending.length, after: positionAfter(position, writes) };
  }

  /** Replace what a file gave (`previous`: the ids of the articles stored from it) with its articles now. */
  private replaceFile(
    file: port.FileRecord,
    articles: port.AnalyzedArticle[],
    previous: readonly string[],
    delta: decide.CounterDelta,
  ): void {
    this.writes++;
    const touched = new Set<string>();
    const keep = new Set(articles.map((article) => article.id));
    const s = this.statements;
    s.deleteOrigin.run(file.path);
    for (const id of previous) {
      if (!keep.has(id)) this.deleteIfOrphan(id, touched, delta);
    }
    // ids are content hashes: an article stored already (from this or another origin) is kept as it is
    const fresh = [...new Map(articles.map((article) => [article.id, article])).values()].filter(
      (article) => !s.hasArticle.get(article.id),
    );
    this.insertArticles([{ articles: fresh, ingestedAt: this.clock.now().toISOString() }], delta);
    s.insertOrigins(articles.map((article) => [file.path, article.id]));
    s.upsertFiles([fileRow(file)]);
    this.refreshPersons(touched, delta);
  }

  /**
   * Store files with nothing stored from them yet, in order, as one by one (a new file has nothing to delete), but
   * with one read and one write of each person several of their articles name, and of each lookup key.
   */
  private addFiles(files: readonly AddedFile[], delta: decide.CounterDelta): void {
    if (files.length === 0) return;
    this.writes++;
    const s = this.statements;
    const taken = new Set<string>();
    const groups = files.map(({ articles, ingestedAt }) => {
      // ids are content hashes: an article stored already (from another origin, or an earlier file) is kept as it is
      const fresh = [...new Map(articles.map((article) => [article.id, article])).values()].filter(
        (article) => !taken.has(article.id) && !s.hasArticle.get(article.id),
      );
      for (const article of fresh) taken.add(article.id);
      return { articles: fresh, ingestedAt };
    });
    this.insertArticles(groups, delta);
    s.insertOrigins(files.flatMap(({ record, articles }) => articles.map((article) => [record.path, article.id])));
    s.upsertFiles(files.map(({ record }) => fileRow(record)));
  }

  async replaceAnalyses(articles: port.AnalyzedArticle[]): Promise<void> {
    this.writes++;
    this.db.transaction(() => {
      const s = this.statements;
      const delta: decide.CounterDelta = { articles: 0, quotes: 0, people: 0 };
      for (const article of articles) {
        const ingestedAt = s.ingestedAtOf.pluck().get(article.id) as string | undefined;
        if (ingestedAt === undefined) continue;
        // take the old analysis out: its quotes and mentions, and its share of each person
        const touched = new Set(s.mentionKeysOf.pluck().all(article.id) as string[]);
        delta.quotes -= s.attributedQuotesOf.pluck().get(article.id) as number;
        const seq = s.seqOf.pluck().get(article.id) as number;
        s.deleteQuoteFts.run(...quoteRowids(seq));
        s.deleteQuotesOf.run(article.id);
        s.deleteMentionsOf.run(article.id);
        s.updateAnalysis.run(JSON.stringify(decide.analysisOf(article)), ANALYSIS_VERSION, article.id);
        this.refreshPersons(touched, delta);
        // and fold the new one in, as if the article had just arrived when it did
        const writes = decide.planReanalysisWrites(article, this.storedPersons([article]), ingestedAt);
        this.writePeopleAndQuotes(writes, new Map([[article.id, seq]]));
        decide.addDelta(delta, writes.delta);
      }
      this.addToCounters(delta);
    })();
  }

  async removeFile(path: string): Promise<void> {
    this.writes++;
    this.db.transaction(() => {
      const delta: decide.CounterDelta = { articles: 0, quotes: 0, people: 0 };
      const touched = new Set<string>();
      const previous = this.statements.articlesOfOrigin.pluck().all(path) as string[];
      this.statements.deleteOrigin.run(path);
      for (const id of previous) this.deleteIfOrphan(id, touched, delta);
      this.statements.deleteFile.run(path);
      this.refreshPersons(touched, delta);
      this.addToCounters(delta);
    })();
  }

  protected async titleMatches(text: string, limit: number): Promise<mapping.ArticleViewRow[]> {
    const query = ftsQuery(text, 'title');
    return query ? this.statements.titleSearch.all(query, limit).map((row) => fromSqlite(row)) : [];
  }

  protected async searchWindow(
    text: string,
  ): Promise<{ window: mapping.ScoredMatch[]; countAll(): Promise<number> } | null> {
    const query = ftsQuery(text);
    if (!query) return null;
    // rank the newest matches by relevance: scoring every match of a common word is what makes search slow
    const window = this.statements.searchWindow.all(query, SEARCH_WINDOW) as mapping.ScoredMatch[];
    return { window, countAll: async () => this.statements.searchCount.pluck().get(query, MAX_COUNTED) as number };
  }

  async searchQuotes(
    text: string,
    options: { personKeys?: readonly string[] | undefined; limit: number; offset: number },
  ): Promise<{ quotes: port.QuoteView[]; total: number }> {
    const words = ftsQuery(text, 'body');
    if (!words) return { quotes: [], total: 0 };
    const keys = options.personKeys;
    if (keys !== undefined && keys.length === 0) return { quotes: [], total: 0 };
    const speakers = keys?.map((key) => `speaker : "${speakerKey(key).replaceAll('"', '""')}"`).join(' OR ');
    const query = speakers ? `(${words}) AND (${speakers})` : words;
    const s = this.statements;
    const rowids = s.quoteSearch.pluck().all(query, options.limit, options.offset) as number[];
    const total = s.quoteSearchCount.pluck().get(query, MAX_COUNTED) as number;
    if (rowids.length === 0) return { quotes: [], total };
    const pairs = rowids.map((rowid) => [Math.floor(rowid / QUOTE_SLOTS), rowid % QUOTE_SLOTS]);
    const rows = s.quotesAt.all(JSON.stringify(pairs)).map((row) => fromSqlite<mapping.QuoteViewRow>(row));
    return { quotes: rows.map(mapping.toQuoteView), total };
  }

  async matchingSeqs(text: string, seq: number, upTo: number, limit: number): Promise<number[]> {
    const query = ftsQuery(text);
    return query ? (this.statements.matchingSeqs.pluck().all(query, seq, upTo, limit) as number[]) : [];
  }

  /** The people an article names, as analysed at ingest. */
  private peopleOf(articleId: string): Person[] {
    const analysis = this.statements.analysisOf.pluck().get(articleId) as string | undefined;
    return analysis ? (JSON.parse(analysis) as { people: Person[] }).people : [];
  }

  async personProfile(personKeys: string[], page: port.ProfilePage): Promise<port.PersonProfile> {
    const keys = unique(personKeys);
    const found = keys.flatMap((key) => {
      const row = this.statements.personByKey.get(key);
      return row ? [fromSqlite<decide.PersonRecord>(row)] : [];
    });
    // a key without a person row has no quotes or mentions either
    const known = found.map((row) => row.person_key);
    const quotes =
      known.length === 0
        ? []
        : this.forKeys('quotes', known)
            .all(...known, page.quoteLimit, page.quoteOffset)
            .map((row) => fromSqlite<mapping.QuoteViewRow>(row));
    const articles =
      known.length === 0
        ? []
        : (this.forKeys('articles', known).all(
            ...known,
            page.articleLimit * known.length,
          ) as mapping.MentionedArticleRow[]);
    return mapping.toPersonProfile(keys, found, quotes, articles, page.articleLimit);
  }

  async personKeys(): Promise<readonly string[]> {
    // suggestions scan every key; reload only when this or another connection changed the database
    const version = `${this.db.pragma('data_version', { simple: true })}:${this.writes}`;
    if (this.nameKeyCache?.version !== version) {
      this.nameKeyCache = { version, keys: this.statements.allNameKeys.pluck().all() as string[] };
    }
    return this.nameKeyCache.keys;
  }

  /** Statements over a person's keys (a full name and its surname-only twin), one per key count. */
  private forKeys(kind: 'quotes' | 'articles', keys: string[]): Database.Statement {
    const id = `${kind}:${keys.length}`;
    let statement = this.keyed.get(id);
    if (!statement) {
      const list = keys.map(() => '?').join(', ');
      // a plain IN list (not json_each) lets SQLite walk the (person_key, kind_rank, sort_key) index
      statement = this.db.prepare(
        kind === 'quotes'
          ? `SELECT ${mapping.QUOTE_VIEW_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id
             WHERE q.person_key IN (${list})
             ORDER BY q.kind_rank, q.sort_key DESC, q.article_id, q.position LIMIT ? OFFSET ?`
          : `SELECT a.id, a.title, a.published_at FROM person_mentions m JOIN articles a ON a.id = m.article_id
             WHERE m.person_key IN (${list}) ORDER BY m.sort_key DESC LIMIT ?`,
      );
      this.keyed.set(id, statement);
    }
    return statement;
  }

  async close(): Promise<void> {
    const checkpointer = this.checkpointer;
    this.checkpointer = null;
    await checkpointer?.close();
    if (this.db.open) this.db.close();
  }

  /**
   * Store new articles and fold them into people, mentions, lookup keys and quotes: each group (a file's, arrived at
   * `ingestedAt`) as planArticleWrites decides, in order, from the people as the groups before it left them.
   */
  private insertArticles(
    groups: readonly { articles: port.AnalyzedArticle[]; ingestedAt: string }[],
    delta: decide.CounterDelta,
  ): void {
    const articles = groups.flatMap((group) => group.articles);
    if (articles.length === 0) return;
    const s = this.statements;
    const writes = planGroupWrites(groups, this.storedPersons(articles));
    const seqs = new Map<string, number>();
    const texts: unknown[][] = [];
    for (const { row, search } of writes.articles) {
      const seq = Number(s.insertArticle.run(rowOf(row, decide.ARTICLE_COLUMNS)).lastInsertRowid);
      texts.push([seq, search.title, search.body]);
      seqs.set(row.id, seq);
      this.written?.push({
        seq,
        id: row.id,
        published_at: row.published_at,
        ingested_at: row.ingested_at,
        sort_key: row.sort_key,
      });
    }
    s.insertFts(texts);
    for (const article of articles) this.clustering.remember(article.id, article.storyKeys);
    this.writePeopleAndQuotes(writes, seqs);
    decide.addDelta(delta, writes.delta);
  }

  /** The stored aggregates of the people these articles name. */
  private storedPersons(articles: readonly port.AnalyzedArticle[]): Map<string, decide.PersonRecord> {
    const stored = new Map<string, decide.PersonRecord>();
    const keys = decide.personKeysOf(articles);
    if (keys.length === 0) return stored;
    for (const row of this.statements.personsByKeys.all(JSON.stringify(keys))) {
      const person = fromSqlite<decide.PersonRecord>(row);
      stored.set(person.person_key, person);
    }
    return stored;
  }

  /** `seqs`: the sequence number of each article the writes are about, which numbers its quotes in the index. */
  private writePeopleAndQuotes(writes: decide.ArticleWrites, seqs: ReadonlyMap<string, number>): void {
    const s = this.statements;
    s.upsertPersons(writes.persons.map((person) => rowOf(person, decide.PERSON_COLUMNS)));
    s.insertMentions(writes.mentions.map((mention) => rowOf(mention, decide.MENTION_COLUMNS)));
    s.insertPersonKeys(writes.nameKeys.map((nameKey) => rowOf(nameKey, decide.NAME_KEY_COLUMNS)));
    s.insertQuotes(writes.quotes.map((quote) => rowOf(quote, decide.QUOTE_COLUMNS)));
    const texts: unknown[][] = [];
    for (const text of writes.quoteTexts) {
      const seq = seqs.get(text.article_id);
      if (seq !== undefined) texts.push([seq * QUOTE_SLOTS + text.position, text.body, speakerKey(text.person_key)]);
    }
    s.insertQuoteFts(texts);
  }

  private deleteIfOrphan(id: string, touched: Set<string>, delta: decide.CounterDelta): void {
    const s = this.statements;
    if (s.originCount.pluck().get(id) !== 0) return;
    for (const key of s.mentionKeysOf.pluck().all(id) as string[]) touched.add(key);
    const seq = s.seqOf.pluck().get(id) as number | undefined;
    if (seq !== undefined) {
      s.deleteFts.run(seq);
      s.deleteQuoteFts.run(...quoteRowids(seq));
    }
    const quotes = s.attributedQuotesOf.pluck().get(id) as number;
    if (s.deleteArticle.run(id).changes > 0) {
      decide.addDelta(delta, { articles: -1, quotes: -quotes, people: 0 });
      // it may be one this transaction wrote: the articles to cluster are read instead
      this.written = null;
    }
  }

  /** After deletions: rebuild the aggregates of the people the deleted articles mentioned. */
  private refreshPersons(keys: Set<string>, delta: decide.CounterDelta): void {
    if (keys.size === 0) return;
    const s = this.statements;
    const remaining = [...keys].flatMap((key) => {
      s.deletePersonKeys.run(key);
      const mentions = s.articlesOfPerson.all(key) as { article_id: string; sort_key: string }[];
      return mentions.map((mention) => ({
        person_key: key,
        people: this.peopleOf(mention.article_id),
        sort_key: mention.sort_key,
      }));
    });
    const counts = new Map(
      [...keys].map((key) => {
        const row = s.quoteCountsOf.get(key) as { quotes: number | null; reported: number | null };
        return [key, { quotes: row.quotes ?? 0, reported: row.reported ?? 0 }] as const;
      }),
    );
    const rebuild = decide.planPersonRebuild([...keys], remaining, counts);
    for (const key of rebuild.forgotten) delta.people -= s.deletePerson.run(key).changes;
    s.upsertPersons(rebuild.persons.map((person) => rowOf(person, decide.PERSON_COLUMNS)));
    s.insertPersonKeys(rebuild.nameKeys.map((nameKey) => rowOf(nameKey, decide.NAME_KEY_COLUMNS)));
  }

  private addToCounters(delta: decide.CounterDelta): void {
    for (const [name, change] of Object.entries(delta)) {
      if (change !== 0) this.statements.addCounter.run(change, name);
    }
  }
}

/** Where the stories stood at the end of a story transaction, with the connection's state then. */
interface StoryMark {
  /** PRAGMA data_version: changes when another connection commits */
  version: number;
  /** total_changes(): rows this connection changed since it opened, read after the commit */
  changes: number;
  position: StoryPosition;
}

/** The position after a batch's writes. */
function positionAfter(position: StoryPosition, writes: StoryBatchWrites): StoryPosition {
  return {
    clustered: writes.clustered,
    watermark: writes.watermark,
    dfFolded: writes.fold ? writes.clustered : position.dfFolded,
  };
}

/** A file with nothing stored from it yet, and when it arrived. */
interface AddedFile {
  record: port.FileRecord;
  articles: port.AnalyzedArticle[];
  ingestedAt: string;
}

/**
 * planArticleWrites over groups of articles in order, each with its arrival time, as one set of writes: each person's
 * final aggregate once, each lookup key once.
 */
function planGroupWrites(
  groups: readonly { articles: port.AnalyzedArticle[]; ingestedAt: string }[],
  stored: Map<string, decide.PersonRecord>,
): decide.ArticleWrites {
  const persons = new Map<string, decide.PersonRecord>();
  const nameKeys = new Map<string, decide.NameKeyRecord>();
  const all = decide.noWrites();
  for (const { articles, ingestedAt } of groups) {
    if (articles.length === 0) continue;
    const writes = decide.planArticleWrites(articles, stored, ingestedAt);
    for (const person of writes.persons) {
      stored.set(person.person_key, person);
      persons.set(person.person_key, person);
    }
    for (const key of writes.nameKeys) nameKeys.set(`${key.name_key}\u0000${key.person_key}`, key);
    all.articles.push(...writes.articles);
    all.mentions.push(...writes.mentions);
    all.quotes.push(...writes.quotes);
    all.quoteTexts.push(...writes.quoteTexts);
    decide.addDelta(all.delta, writes.delta);
  }
  all.persons = [...persons.values()];
  all.nameKeys = [...nameKeys.values()];
  return all;
}

/** A file's row, in FILE_COLUMNS order. */
function fileRow(file: port.FileRecord): unknown[] {
  return [file.path, file.size, file.mtimeMs, file.hash];
}

const FILE_COLUMNS = ['path', 'size', 'mtime_ms', 'hash'] satisfies (keyof mapping.FileRow)[];

function prepareStatements(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    articlesOfOrigin: p('SELECT article_id FROM article_origins WHERE origin = ?'),
    deleteOrigin: p('DELETE FROM article_origins WHERE origin = ?'),
    insertOrigins: rowWriter(db, 'INSERT OR IGNORE INTO article_origins', ['origin', 'article_id']),
    originCount: p('SELECT count(*) FROM article_origins WHERE article_id = ?'),
    hasArticle: p('SELECT 1 FROM articles WHERE id = ?'),
    seqOf: p('SELECT seq FROM articles WHERE id = ?'),
    deleteArticle: p('DELETE FROM articles WHERE id = ?'),
    insertArticle: p(insertSql('INSERT INTO articles', decide.ARTICLE_COLUMNS)),
    insertFts: rowWriter(db, 'INSERT INTO article_fts', ['rowid', 'title', 'body']),
    deleteFts: p('DELETE FROM article_fts WHERE rowid = ?'),
    insertQuoteFts: rowWriter(db, 'INSERT INTO quote_fts', ['rowid', 'body', 'speaker']),
    deleteQuoteFts: p('DELETE FROM quote_fts WHERE rowid >= ? AND rowid < ?'),
    // newest arrival first straight off the index: rowids follow the articles' seq
    quoteSearch: p('SELECT rowid FROM quote_fts WHERE quote_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?'),
    quoteSearchCount: p('SELECT count(*) FROM (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ? LIMIT ?)'),
    quotesAt: p(`SELECT ${mapping.QUOTE_VIEW_COLUMNS} FROM json_each(?) j
      JOIN articles a ON a.seq = j.value ->> 0 JOIN quotes q ON q.article_id = a.id AND q.position = j.value ->> 1
      ORDER BY j.key`),
    matchingSeqs: p(`SELECT rowid FROM article_fts WHERE article_fts MATCH ? AND rowid > ? AND rowid <= ?
      ORDER BY rowid LIMIT ?`),
    upsertFiles: rowWriter(
      db,
      'INSERT INTO files',
      FILE_COLUMNS,
      `ON CONFLICT (path) DO UPDATE SET ${decide.setFromExcluded(FILE_COLUMNS, 'path')}`,
    ),
    deleteFile: p('DELETE FROM files WHERE path = ?'),
    titleSearch: p(`SELECT ${VIEW_COLUMNS} FROM article_fts JOIN articles ON articles.seq = article_fts.rowid
      WHERE article_fts MATCH ? ORDER BY bm25(article_fts, 10.0, 1.0), sort_key DESC LIMIT ?`),
    // bm25 is lower for better matches: negated, higher is better as searchPage expects
    searchWindow: p(`SELECT rowid AS seq, -bm25(article_fts, 5.0, 1.0) AS score FROM article_fts
      WHERE article_fts MATCH ? ORDER BY rowid DESC LIMIT ?`),
    searchCount: p('SELECT count(*) FROM (SELECT rowid FROM article_fts WHERE article_fts MATCH ? LIMIT ?)'),
    analysisOf: p('SELECT analysis FROM articles WHERE id = ?'),
    ingestedAtOf: p('SELECT ingested_at FROM articles WHERE id = ?'),
    updateAnalysis: p('UPDATE articles SET analysis = ?, analysis_version = ? WHERE id = ?'),
    deleteQuotesOf: p('DELETE FROM quotes WHERE article_id = ?'),
    deleteMentionsOf: p('DELETE FROM person_mentions WHERE article_id = ?'),
    articlesOfPerson: p('SELECT article_id, sort_key FROM person_mentions WHERE person_key = ? ORDER BY article_id'),
    insertMentions: rowWriter(db, 'INSERT OR IGNORE INTO person_mentions', decide.MENTION_COLUMNS),
    insertPersonKeys: rowWriter(db, 'INSERT OR IGNORE INTO person_keys', decide.NAME_KEY_COLUMNS),
    deletePersonKeys: p('DELETE FROM person_keys WHERE person_key = ?'),
    addCounter: p('UPDATE counters SET value = value + ? WHERE name = ?'),
    attributedQuotesOf: p('SELECT count(*) FROM quotes WHERE article_id = ? AND speaker IS NOT NULL'),
    mentionKeysOf: p('SELECT person_key FROM person_mentions WHERE article_id = ?'),
    personByKey: p('SELECT * FROM persons WHERE person_key = ?'),
    personsByKeys: p('SELECT * FROM persons WHERE person_key IN (SELECT value FROM json_each(?))'),
    allNameKeys: p('SELECT DISTINCT name_key FROM person_keys'),
    insertQuotes: rowWriter(db, 'INSERT INTO quotes', decide.QUOTE_COLUMNS),
    quoteCountsOf: p(`SELECT sum(kind <> 'reported') AS quotes, sum(kind = 'reported') AS reported
      FROM quotes WHERE person_key = ?`),
    upsertPersons: rowWriter(
      db,
      'INSERT INTO persons',
      decide.PERSON_COLUMNS,
      `ON CONFLICT (person_key) DO UPDATE SET ${decide.setFromExcluded(decide.PERSON_COLUMNS, 'person_key')}`,
    ),
    deletePerson: p('DELETE FROM persons WHERE person_key = ?'),
    // prepared once, read in a transaction: outside one, and through pragma_data_version, it costs microseconds
    dataVersion: p('PRAGMA data_version').pluck(),
    totalChanges: p('SELECT total_changes()').pluck(),
  };
}

/**
 * Quotes in the quote index are numbered `article seq * QUOTE_SLOTS + position` (an article keeps at most
 * INGEST_LIMITS.quotes = 500): newest arrival first is rowid order, and an article's quotes are one range, found
 * again when it is re-analysed or deleted.
 */
const QUOTE_SLOTS = 512;

/** The rowid range [from, to) of an article's quotes in the quote index. */
function quoteRowids(seq: number): [number, number] {
  return [seq * QUOTE_SLOTS, (seq + 1) * QUOTE_SLOTS];
}

/** What the quote index's speaker column holds: the person key between markers, so a phrase matches it whole. */
function speakerKey(personKey: string): string {
  return `qqs ${personKey} qqe`;
}

/** Build an FTS5 query that ANDs the words of `text` (each quoted, so user input cannot inject syntax). */
export function ftsQuery(text: string, column?: 'title' | 'body'): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  const terms = words.slice(0, 32).map((w) => `"${w.replaceAll('"', '""')}"`);
  const last = terms.length - 1;
  // the last word may be unfinished (autocomplete, quick typing): match it as a prefix
  terms[last] = `${terms[last]}*`;
  const joined = terms.join(' AND ');
  return column ? `${column} : (${joined})` : joined;
}
