import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Paragraph, Person, Quote, QuoteKind, StoredArticle } from '../../../core/articles/article.js';
import { NewsdeskError } from '../../../core/errors.js';
import { nameKeys, normalizeName } from '../../../core/nlp/names.js';
import type {
  AnalyzedArticle,
  ArticleStore,
  ArticleView,
  Clock,
  FileChange,
  FileRecord,
  Page,
  PersonMatch,
  PersonProfile,
  PersonSummary,
  ProfilePage,
  QuoteView,
  SearchHit,
} from '../../../core/ports.js';
import {
  decodeCursor,
  encodeCursor,
  KIND_RANK,
  MAX_COUNTED,
  MAX_LISTED,
  orderRoles,
  pickName,
  quoteScore,
  SEARCH_WINDOW,
  searchWords,
  snippetOf,
  unique,
} from '../../../core/store/store-common.js';
import { MIGRATIONS } from './schema.js';

interface ArticleRow {
  seq: number;
  id: string;
  title: string;
  url: string | null;
  source: string | null;
  author: string | null;
  published_at: string | null;
  published_approx: number;
  dateline: string | null;
  caption: string | null;
  highlights: string;
  paragraphs: string;
  summary: string;
  short: string;
  summary_method: string;
  analysis: string;
  ingested_at: string;
  sort_key: string;
}

interface QuoteRow {
  article_id: string;
  speaker: string;
  text: string;
  kind: QuoteKind;
  start: number;
  end: number;
  title: string;
  url: string | null;
  published_at: string | null;
  published_approx: number;
}

const VIEW_COLUMNS = [
  'id',
  'title',
  'url',
  'source',
  'published_at',
  'published_approx',
  'ingested_at',
  'summary',
  'short',
]
  .map((column) => `articles.${column}`)
  .join(', ');
type ViewRow = Pick<
  ArticleRow,
  'id' | 'title' | 'url' | 'source' | 'published_at' | 'published_approx' | 'ingested_at' | 'summary' | 'short'
>;

interface PersonRow {
  person_key: string;
  name: string;
  roles: string;
  aliases: string;
  article_count: number;
  quote_count: number;
  reported_count: number;
}

export interface SqliteStoreOptions {
  /** database file, or ':memory:' */
  path: string;
  clock: Clock;
}

function fileRow(file: FileRecord): [string, number, number, string] {
  return [file.path, file.size, file.mtimeMs, file.hash];
}

/** Open (creating and migrating as needed) the SQLite article store. */
export function openSqliteStore(options: SqliteStoreOptions): SqliteArticleStore {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(options.path);
  } catch (cause) {
    throw new NewsdeskError('STORE_FAILURE', `Cannot open the database at ${options.path}.`, { cause });
  }
  return new SqliteArticleStore(db, options.clock);
}

/** The embedded default store: SQLite in WAL mode with FTS5 full-text search. */
export class SqliteArticleStore implements ArticleStore {
  readonly db: Database.Database;
  private readonly clock: Clock;
  private readonly statements;
  /** local writes, so caches notice changes made through this connection (data_version only counts others) */
  private writes = 0;
  private nameKeyCache: { version: string; keys: string[] } | undefined;
  private readonly keyed = new Map<string, Database.Statement>();

  constructor(db: Database.Database, clock: Clock) {
    this.db = db;
    this.clock = clock;
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // a 32 MiB page cache keeps the indexes ingest touches in memory (the default is 2 MiB)
    db.pragma('cache_size = -32768');
    // checkpoint every ~32 MiB of WAL instead of 4 MiB: fewer fsyncs while ingesting
    db.pragma('wal_autocheckpoint = 8192');
    migrate(db);
    this.statements = prepareStatements(db);
  }

  async applyFiles(changes: FileChange[]): Promise<void> {
    this.db.transaction(() => {
      for (const change of changes) {
        if (change.articles === null) this.statements.upsertFile.run(...fileRow(change.record));
        else this.replaceFile(change.record, change.articles);
      }
    })();
  }

  private replaceFile(file: FileRecord, articles: AnalyzedArticle[]): void {
    this.writes++;
    this.db.transaction(() => {
      const touched = new Set<string>();
      const keep = new Set(articles.map((article) => article.id));
      const previous = this.statements.articlesOfOrigin.pluck().all(file.path) as string[];
      this.statements.deleteOrigin.run(file.path);
      for (const id of previous) {
        if (!keep.has(id)) this.deleteIfOrphan(id, touched);
      }
      const ingestedAt = this.clock.now().toISOString();
      for (const article of articles) {
        if (!this.statements.hasArticle.get(article.id)) this.insertArticle(article, ingestedAt);
        this.statements.insertOrigin.run(file.path, article.id);
      }
      this.statements.upsertFile.run(...fileRow(file));
      this.refreshPersons(touched);
    })();
  }

  async removeFile(path: string): Promise<void> {
    this.writes++;
    this.db.transaction(() => {
      const touched = new Set<string>();
      const previous = this.statements.articlesOfOrigin.pluck().all(path) as string[];
      this.statements.deleteOrigin.run(path);
      for (const id of previous) this.deleteIfOrphan(id, touched);
      this.statements.deleteFile.run(path);
      this.refreshPersons(touched);
    })();
  }

  async files(): Promise<Map<string, FileRecord>> {
    const rows = this.statements.allFiles.all() as { path: string; size: number; mtime_ms: number; hash: string }[];
    return new Map(rows.map((r) => [r.path, { path: r.path, size: r.size, mtimeMs: r.mtime_ms, hash: r.hash }]));
  }

  async file(path: string): Promise<FileRecord | null> {
    const r = this.statements.fileByPath.get(path) as
      | { path: string; size: number; mtime_ms: number; hash: string }
      | undefined;
    return r ? { path: r.path, size: r.size, mtimeMs: r.mtime_ms, hash: r.hash } : null;
  }

  async latest(options: { limit: number; cursor?: string | undefined }): Promise<Page<ArticleView>> {
    const limit = Math.max(1, Math.min(options.limit, 100));
    const after = options.cursor === undefined ? null : decodeCursor(options.cursor);
    const rows = (
      after
        ? this.statements.latestAfter.all(after.sortKey, after.id, limit + 1)
        : this.statements.latestFirst.all(limit + 1)
    ) as (ViewRow & { sort_key: string })[];
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const next = rows.length > limit && last ? encodeCursor(last.sort_key, last.id) : null;
    return { items: items.map(toView), next };
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const row = this.statements.articleById.get(id) as ArticleRow | undefined;
    if (!row) return null;
    const origins = this.statements.originsOf.pluck().all(id) as string[];
    const summary = JSON.parse(row.summary) as string[];
    const analysis = JSON.parse(row.analysis) as { people: Person[]; quotes: Quote[] };
    return {
      id: row.id,
      title: row.title,
      url: row.url,
      source: row.source,
      author: row.author,
      publishedAt: row.published_at,
      publishedApprox: row.published_approx === 1,
      dateline: row.dateline,
      caption: row.caption,
      highlights: JSON.parse(row.highlights) as string[],
      paragraphs: JSON.parse(row.paragraphs) as Paragraph[],
      summary: { standard: summary, short: row.short, method: row.summary_method },
      people: analysis.people,
      quotes: analysis.quotes,
      origins,
      ingestedAt: row.ingested_at,
    };
  }

  async findArticles(ref: string, limit: number): Promise<ArticleView[]> {
    const trimmed = ref.trim();
    if (/^[0-9a-f]{6,64}$/i.test(trimmed)) {
      const rows = this.statements.articlesByIdPrefix.all(`${trimmed.toLowerCase()}%`, limit) as ViewRow[];
      if (rows.length > 0) return rows.map(toView);
    }
    const query = ftsQuery(trimmed, 'title');
    if (!query) return [];
    return (this.statements.titleSearch.all(query, limit) as ViewRow[]).map(toView);
  }

  async search(
    text: string,
    options: { limit: number; offset: number },
  ): Promise<{ hits: SearchHit[]; total: number; ranked: number }> {
    const query = ftsQuery(text);
    if (!query) return { hits: [], total: 0, ranked: 0 };
    const s = this.statements;
    // rank the newest matches by relevance: scoring every match of a common word is what makes search slow
    const window = s.searchWindow.all(query, SEARCH_WINDOW) as { rowid: number; score: number }[];
    const ranked = window.sort((a, b) => a.score - b.score || b.rowid - a.rowid);
    const total =
      window.length < SEARCH_WINDOW ? window.length : (s.searchCount.pluck().get(query, MAX_COUNTED) as number);
    const words = searchWords(text);
    const hits = ranked.slice(options.offset, options.offset + options.limit).flatMap(({ rowid }) => {
      const row = s.articleBySeq.get(rowid) as (ViewRow & { paragraphs: string }) | undefined;
      return row ? [{ article: toView(row), snippet: snippetOf(JSON.parse(row.paragraphs), words) }] : [];
    });
    return { hits, total, ranked: ranked.length };
  }

  async maxSeq(): Promise<number> {
    return (this.statements.maxSeq.pluck().get() as number | null) ?? 0;
  }

  async articlesAfterSeq(seq: number, upTo: number, limit: number): Promise<(ArticleView & { seq: number })[]> {
    const rows = this.statements.afterSeq.all(seq, upTo, limit) as (ViewRow & { seq: number })[];
    return rows.map((row) => ({ ...toView(row), seq: row.seq }));
  }

  async nameKeysOf(articleId: string): Promise<string[]> {
    const keys = new Set<string>();
    for (const person of this.peopleOf(articleId)) {
      for (const key of [normalizeName(person.name), ...nameKeys(person)]) if (key) keys.add(key);
    }
    return [...keys];
  }

  /** The people an article names, as analysed at ingest. */
  private peopleOf(articleId: string): Person[] {
    const analysis = this.statements.analysisOf.pluck().get(articleId) as string | undefined;
    return analysis ? (JSON.parse(analysis) as { people: Person[] }).people : [];
  }

  async articlesSince(since: Date, limit: number): Promise<ArticleView[]> {
    return (this.statements.since.all(since.toISOString(), limit) as ViewRow[]).map(toView);
  }

  async peopleByKey(key: string): Promise<PersonMatch[]> {
    const rows = this.statements.personsByName.all(key) as {
      person_key: string;
      name: string;
      article_count: number;
      quote_count: number;
    }[];
    return rows.map((r) => ({
      personKey: r.person_key,
      name: r.name,
      articleCount: r.article_count,
      quoteCount: r.quote_count,
    }));
  }

  async personProfile(personKeys: string[], page: ProfilePage): Promise<PersonProfile> {
    const s = this.statements;
    const rows = personKeys
      .map((key) => s.personByKey.get(key) as PersonRow | undefined)
      .filter((row): row is PersonRow => row !== undefined);
    const [main] = rows;
    if (!main) return { name: '', aliases: [], roles: [], articles: [], articleCount: 0, quotes: [], quoteTotal: 0 };
    const keys = rows.map((r) => r.person_key);
    const quotes = (this.forKeys('quotes', keys).all(...keys, page.quoteLimit, page.quoteOffset) as QuoteRow[]).map(
      toQuoteView,
    );
    // one article can mention two keys of the same person: over-fetch, then keep each once
    const articleRows = this.forKeys('articles', keys).all(...keys, page.articleLimit * keys.length) as {
      id: string;
      title: string;
      published_at: string | null;
    }[];
    const articles = [...new Map(articleRows.map((a) => [a.id, a])).values()].slice(0, page.articleLimit);
    return {
      name: main.name,
      aliases: unique([...rows.slice(1).map((r) => r.name), ...rows.flatMap((r) => JSON.parse(r.aliases) as string[])]),
      roles: orderRoles(unique(rows.flatMap((r) => JSON.parse(r.roles) as string[]))),
      articles: articles.map((a) => ({ id: a.id, title: a.title, publishedAt: a.published_at })),
      articleCount: rows.reduce((sum, r) => sum + r.article_count, 0),
      quotes,
      quoteTotal: rows.reduce((sum, r) => sum + r.quote_count + r.reported_count, 0),
    };
  }

  async peopleByPrefix(prefix: string, limit: number): Promise<PersonSummary[]> {
    const rows = (
      prefix === ''
        ? this.statements.topPersons.all(limit)
        : this.statements.personsByPrefix.all(prefix, `${prefix}\uffff`, limit)
    ) as { name: string; roles: string; article_count: number; quote_count: number }[];
    return rows.map((r) => ({
      name: r.name,
      roles: orderRoles(JSON.parse(r.roles) as string[]),
      articleCount: r.article_count,
      quoteCount: r.quote_count,
    }));
  }

  async personKeys(): Promise<readonly string[]> {
    // suggestions scan every key; reload only when this or another connection changed the database
    const version = `${this.db.pragma('data_version', { simple: true })}:${this.writes}`;
    if (this.nameKeyCache?.version !== version) {
      this.nameKeyCache = { version, keys: this.statements.allNameKeys.pluck().all() as string[] };
    }
    return this.nameKeyCache.keys;
  }

  async topQuote(articleId: string): Promise<QuoteView | null> {
    const row = this.statements.topQuote.get(articleId) as QuoteRow | undefined;
    return row ? toQuoteView(row) : null;
  }

  async counts(): Promise<{ articles: number; people: number; quotes: number }> {
    const rows = this.statements.counters.all() as { name: string; value: number }[];
    const value = (name: string) => rows.find((r) => r.name === name)?.value ?? 0;
    return { articles: value('articles'), people: value('people'), quotes: value('quotes') };
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
          ? `SELECT q.article_id, q.speaker, q.text, q.kind, q.start, q.end, a.title, a.url, a.published_at,
             a.published_approx
             FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.person_key IN (${list})
             ORDER BY q.kind_rank, q.sort_key DESC, q.article_id, q.position LIMIT ? OFFSET ?`
          : `SELECT a.id, a.title, a.published_at FROM person_mentions m JOIN articles a ON a.id = m.article_id
             WHERE m.person_key IN (${list}) ORDER BY m.sort_key DESC LIMIT ?`,
      );
      this.keyed.set(id, statement);
    }
    return statement;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private insertArticle(article: AnalyzedArticle, ingestedAt: string): void {
    const s = this.statements;
    const sortKey = article.publishedAt ?? ingestedAt;
    const result = s.insertArticle.run({
      id: article.id,
      title: article.title,
      url: article.url,
      source: article.source,
      author: article.author,
      published_at: article.publishedAt,
      published_approx: article.publishedApprox ? 1 : 0,
      dateline: article.dateline,
      caption: article.caption,
      highlights: JSON.stringify(article.highlights),
      paragraphs: JSON.stringify(article.paragraphs),
      summary: JSON.stringify(article.summary.standard),
      short: article.summary.short,
      summary_method: article.summary.method,
      analysis: JSON.stringify({ people: article.people, quotes: article.quotes }),
      ingested_at: ingestedAt,
      sort_key: sortKey,
    });
    s.addCounter.run(1, 'articles');
    s.addCounter.run(article.quotes.filter((q) => q.speaker !== null).length, 'quotes');
    const body = article.paragraphs.map((p) => p.text).join('\n');
    s.insertFts.run(result.lastInsertRowid, article.title, `${article.highlights.join('\n')}\n${body}`);

    const keyByName = new Map<string, string>();
    const counts = new Map<string, { quotes: number; reported: number }>();
    for (const quote of article.quotes) {
      if (quote.speaker === null) continue;
      const count = counts.get(quote.speaker) ?? { quotes: 0, reported: 0 };
      if (quote.kind === 'reported') count.reported++;
      else count.quotes++;
      counts.set(quote.speaker, count);
    }
    for (const person of article.people) {
      const personKey = normalizeName(person.name);
      if (!personKey || keyByName.has(person.name)) continue;
      keyByName.set(person.name, personKey);
      this.addToPerson(personKey, person, counts.get(person.name) ?? { quotes: 0, reported: 0 });
      s.insertMention.run(personKey, article.id, sortKey);
      for (const key of new Set([personKey, ...nameKeys(person)])) {
        if (!key) continue;
        s.insertPersonKey.run(key, personKey);
      }
    }
    article.quotes.forEach((quote, position) => {
      const personKey = quote.speaker === null ? null : (keyByName.get(quote.speaker) ?? null);
      s.insertQuote.run(
        article.id,
        position,
        personKey,
        quote.speaker,
        quote.text,
        quote.kind,
        quote.start,
        quote.end,
        quoteScore(quote.kind, quote.text, quote.paragraphIndex),
        KIND_RANK[quote.kind],
        sortKey,
      );
    });
  }

  /** Fold one article's view of a person into the aggregate: counts add up, names and roles merge. */
  private addToPerson(personKey: string, person: Person, counts: { quotes: number; reported: number }): void {
    const s = this.statements;
    const row = s.personByKey.get(personKey) as PersonRow | undefined;
    if (!row) {
      s.addCounter.run(1, 'people');
      s.upsertPerson.run(
        personKey,
        person.name,
        JSON.stringify(person.roles.slice(0, MAX_LISTED)),
        JSON.stringify(person.aliases.slice(0, MAX_LISTED)),
        1,
        counts.quotes,
        counts.reported,
      );
      return;
    }
    const roles = unique([...(JSON.parse(row.roles) as string[]), ...person.roles]).slice(0, MAX_LISTED);
    const aliases = unique([...(JSON.parse(row.aliases) as string[]), ...person.aliases]).slice(0, MAX_LISTED);
    s.upsertPerson.run(
      personKey,
      pickName([row.name, person.name]),
      JSON.stringify(roles),
      JSON.stringify(aliases),
      row.article_count + 1,
      row.quote_count + counts.quotes,
      row.reported_count + counts.reported,
    );
  }

  private deleteIfOrphan(id: string, touched: Set<string>): void {
    if (this.statements.originCount.pluck().get(id) !== 0) return;
    for (const key of this.statements.mentionKeysOf.pluck().all(id) as string[]) touched.add(key);
    const seq = this.statements.seqOf.pluck().get(id) as number | undefined;
    if (seq !== undefined) this.statements.deleteFts.run(seq);
    const quotes = this.statements.attributedQuotesOf.pluck().get(id) as number;
    if (this.statements.deleteArticle.run(id).changes > 0) {
      this.statements.addCounter.run(-1, 'articles');
      this.statements.addCounter.run(-quotes, 'quotes');
    }
  }

  /** After deletions: rebuild the aggregates of the people the deleted articles mentioned. */
  private refreshPersons(keys: Set<string>): void {
    const s = this.statements;
    for (const key of keys) {
      s.deletePersonKeys.run(key);
      // rebuild names, roles, aliases and lookup keys from the articles that remain
      const views: Person[] = [];
      for (const articleId of s.articlesOfPerson.pluck().all(key) as string[]) {
        views.push(...this.peopleOf(articleId).filter((person) => normalizeName(person.name) === key));
      }
      if (views.length === 0) {
        if (s.deletePerson.run(key).changes > 0) s.addCounter.run(-1, 'people');
        continue;
      }
      for (const view of views) {
        for (const nameKey of new Set([key, ...nameKeys(view)])) if (nameKey) s.insertPersonKey.run(nameKey, key);
      }
      const counts = s.quoteCountsOf.get(key) as { quotes: number | null; reported: number | null };
      s.upsertPerson.run(
        key,
        pickName(views.map((v) => v.name)),
        JSON.stringify(unique(views.flatMap((v) => v.roles)).slice(0, MAX_LISTED)),
        JSON.stringify(unique(views.flatMap((v) => v.aliases)).slice(0, MAX_LISTED)),
        views.length,
        counts.quotes ?? 0,
        counts.reported ?? 0,
      );
    }
  }
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new NewsdeskError(
      'STORE_FAILURE',
      `The database was written by a newer newsdesk (schema ${version}); upgrade newsdesk or use another DATABASE_PATH.`,
    );
  }
  for (let next = version; next < MIGRATIONS.length; next++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[next] ?? '');
      db.pragma(`user_version = ${next + 1}`);
    })();
  }
}

function prepareStatements(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    articlesOfOrigin: p('SELECT article_id FROM article_origins WHERE origin = ?'),
    deleteOrigin: p('DELETE FROM article_origins WHERE origin = ?'),
    insertOrigin: p('INSERT OR IGNORE INTO article_origins (origin, article_id) VALUES (?, ?)'),
    originCount: p('SELECT count(*) FROM article_origins WHERE article_id = ?'),
    originsOf: p('SELECT origin FROM article_origins WHERE article_id = ? ORDER BY origin'),
    hasArticle: p('SELECT 1 FROM articles WHERE id = ?'),
    seqOf: p('SELECT seq FROM articles WHERE id = ?'),
    deleteArticle: p('DELETE FROM articles WHERE id = ?'),
    insertArticle: p(`INSERT INTO articles (id, title, url, source, author, published_at, published_approx, dateline,
      caption, highlights, paragraphs, summary, short, summary_method, analysis, ingested_at, sort_key)
      VALUES (@id, @title, @url, @source, @author, @published_at, @published_approx, @dateline, @caption, @highlights,
      @paragraphs, @summary, @short, @summary_method, @analysis, @ingested_at, @sort_key)`),
    insertFts: p('INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)'),
    deleteFts: p('DELETE FROM article_fts WHERE rowid = ?'),
    upsertFile: p(`INSERT INTO files (path, size, mtime_ms, hash) VALUES (?, ?, ?, ?)
      ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, hash = excluded.hash`),
    deleteFile: p('DELETE FROM files WHERE path = ?'),
    allFiles: p('SELECT path, size, mtime_ms, hash FROM files'),
    fileByPath: p('SELECT path, size, mtime_ms, hash FROM files WHERE path = ?'),
    latestFirst: p(`SELECT ${VIEW_COLUMNS}, sort_key FROM articles ORDER BY sort_key DESC, id DESC LIMIT ?`),
    latestAfter: p(`SELECT ${VIEW_COLUMNS}, sort_key FROM articles WHERE (sort_key, id) < (?, ?)
      ORDER BY sort_key DESC, id DESC LIMIT ?`),
    articleById: p('SELECT * FROM articles WHERE id = ?'),
    articlesByIdPrefix: p(`SELECT ${VIEW_COLUMNS} FROM articles WHERE id LIKE ? ORDER BY sort_key DESC LIMIT ?`),
    titleSearch: p(`SELECT ${VIEW_COLUMNS} FROM article_fts JOIN articles ON articles.seq = article_fts.rowid
      WHERE article_fts MATCH ? ORDER BY bm25(article_fts, 10.0, 1.0), sort_key DESC LIMIT ?`),
    searchWindow: p(`SELECT rowid, bm25(article_fts, 5.0, 1.0) AS score FROM article_fts WHERE article_fts MATCH ?
      ORDER BY rowid DESC LIMIT ?`),
    articleBySeq: p(`SELECT ${VIEW_COLUMNS}, articles.paragraphs FROM articles WHERE seq = ?`),
    searchCount: p('SELECT count(*) FROM (SELECT rowid FROM article_fts WHERE article_fts MATCH ? LIMIT ?)'),
    maxSeq: p('SELECT max(seq) FROM articles'),
    analysisOf: p('SELECT analysis FROM articles WHERE id = ?'),
    articlesOfPerson: p('SELECT article_id FROM person_mentions WHERE person_key = ?'),
    afterSeq: p(`SELECT ${VIEW_COLUMNS}, seq FROM articles WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`),
    since: p(`SELECT ${VIEW_COLUMNS} FROM articles WHERE ingested_at > ? ORDER BY ingested_at, seq LIMIT ?`),
    insertMention: p('INSERT OR IGNORE INTO person_mentions (person_key, article_id, sort_key) VALUES (?, ?, ?)'),
    insertPersonKey: p('INSERT OR IGNORE INTO person_keys (name_key, person_key) VALUES (?, ?)'),
    deletePersonKeys: p('DELETE FROM person_keys WHERE person_key = ?'),
    addCounter: p('UPDATE counters SET value = value + ? WHERE name = ?'),
    counters: p('SELECT name, value FROM counters'),
    attributedQuotesOf: p('SELECT count(*) FROM quotes WHERE article_id = ? AND speaker IS NOT NULL'),
    mentionKeysOf: p('SELECT person_key FROM person_mentions WHERE article_id = ?'),
    personByKey: p('SELECT * FROM persons WHERE person_key = ?'),
    personsByName: p(`SELECT p.person_key, p.name, p.article_count, p.quote_count FROM persons p
      WHERE p.person_key IN (SELECT person_key FROM person_keys WHERE name_key = ?)
      ORDER BY p.quote_count DESC, p.article_count DESC, p.name LIMIT 20`),
    personsByPrefix: p(`SELECT p.name, p.roles, p.article_count, p.quote_count FROM persons p
      WHERE p.person_key IN (SELECT person_key FROM person_keys WHERE name_key >= ? AND name_key < ?)
      ORDER BY p.quote_count DESC, p.article_count DESC, p.name LIMIT ?`),
    topPersons: p(`SELECT name, roles, article_count, quote_count FROM persons
      ORDER BY quote_count DESC, article_count DESC, name LIMIT ?`),
    allNameKeys: p('SELECT DISTINCT name_key FROM person_keys'),
    insertQuote: p(`INSERT INTO quotes (article_id, position, person_key, speaker, text, kind, start, end, score,
      kind_rank, sort_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    quoteCountsOf: p(`SELECT sum(kind <> 'reported') AS quotes, sum(kind = 'reported') AS reported
      FROM quotes WHERE person_key = ?`),
    topQuote: p(`SELECT q.article_id, q.speaker, q.text, q.kind, q.start, q.end, a.title, a.url, a.published_at,
             a.published_approx
      FROM quotes q JOIN articles a ON a.id = q.article_id
      WHERE q.article_id = ? AND q.speaker IS NOT NULL AND q.kind = 'direct' ORDER BY q.score DESC LIMIT 1`),
    upsertPerson: p(`INSERT INTO persons (person_key, name, roles, aliases, article_count, quote_count, reported_count)
      VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (person_key) DO UPDATE SET name = excluded.name,
      roles = excluded.roles, aliases = excluded.aliases, article_count = excluded.article_count,
      quote_count = excluded.quote_count, reported_count = excluded.reported_count`),
    deletePerson: p('DELETE FROM persons WHERE person_key = ?'),
  };
}

function toView(row: ViewRow): ArticleView {
  return {
    id: row.id,
    title: row.title,
    url: row.url,
    source: row.source,
    publishedAt: row.published_at,
    publishedApprox: row.published_approx === 1,
    ingestedAt: row.ingested_at,
    summary: JSON.parse(row.summary) as string[],
    short: row.short,
  };
}

function toQuoteView(row: QuoteRow): QuoteView {
  return {
    text: row.text,
    kind: row.kind,
    speaker: row.speaker,
    articleId: row.article_id,
    articleTitle: row.title,
    articleUrl: row.url,
    publishedAt: row.published_at,
    publishedApprox: row.published_approx === 1,
    start: row.start,
    end: row.end,
  };
}

/** Build an FTS5 query that ANDs the words of `text` (each quoted, so user input cannot inject syntax). */
export function ftsQuery(text: string, column?: 'title'): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  const terms = words.slice(0, 32).map((w) => `"${w.replaceAll('"', '""')}"`);
  const last = terms.length - 1;
  // the last word may be unfinished (autocomplete, quick typing): match it as a prefix
  terms[last] = `${terms[last]}*`;
  const joined = terms.join(' AND ');
  return column ? `${column} : (${joined})` : joined;
}
