import type { Paragraph, Person, Quote, QuoteKind, StoredArticle } from '../../../core/articles/article.js';
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
import { type PgClient, type PgPool, withTransaction } from './database.js';

// any constant, distinct from the migration lock: article writers take turns on it
const ARTICLE_WRITE_LOCK = 7_346_981_203;

/** Search weights for ts_rank, in {D, C, B, A} order: a title match counts five times a body match. */
const SEARCH_WEIGHTS = '{0.2, 0.2, 0.2, 1.0}';

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

interface ViewRow {
  id: string;
  title: string;
  url: string | null;
  source: string | null;
  published_at: string | null;
  published_approx: boolean;
  ingested_at: string;
  summary: string[];
  short: string;
}

interface ArticleRow extends ViewRow {
  author: string | null;
  dateline: string | null;
  caption: string | null;
  highlights: string[];
  paragraphs: Paragraph[];
  summary_method: string;
  analysis: { people: Person[]; quotes: Quote[] };
  origins: string[];
}

interface QuoteRow {
  article_id: string;
  speaker: string;
  text: string;
  kind: QuoteKind;
  text_start: number;
  text_end: number;
  title: string;
  url: string | null;
  published_at: string | null;
  published_approx: boolean;
}

interface PersonRow {
  person_key: string;
  name: string;
  roles: string[];
  aliases: string[];
  article_count: number;
  quote_count: number;
  reported_count: number;
}

interface FileRow {
  path: string;
  size: number;
  mtime_ms: number;
  hash: string;
}

/** How one write transaction changes the running totals. */
interface CounterDelta {
  articles: number;
  quotes: number;
  people: number;
}

const QUOTE_COLUMNS = `q.article_id, q.speaker, q.text, q.kind, q.text_start, q.text_end, a.title, a.url, a.published_at,
  a.published_approx`;

/**
 * The PostgreSQL article store: the SQLite store's behaviour on a database several processes share.
 * `pool` must already be migrated (migratePostgres) and belongs to the caller: `close()` leaves it open.
 */
export function createPgArticleStore(pool: PgPool, clock: Clock): ArticleStore {
  return new PgArticleStore(pool, clock);
}

class PgArticleStore implements ArticleStore {
  private nameKeyCache: { version: number; keys: readonly string[] } | undefined;

  constructor(
    private readonly pool: PgPool,
    private readonly clock: Clock,
  ) {}

  async applyFiles(changes: FileChange[]): Promise<void> {
    if (changes.length === 0) return;
    const byPath = mergeByPath(changes);
    const replaced = byPath.flatMap((change) =>
      change.articles === null ? [] : [{ path: change.record.path, articles: change.articles }],
    );
    await withTransaction(this.pool, async (client) => {
      await lockArticleWrites(client);
      await upsertFiles(
        client,
        byPath.map((change) => change.record),
      );
      if (replaced.length === 0) return;
      const delta: CounterDelta = { articles: 0, quotes: 0, people: 0 };
      const previous = await deleteOrigins(
        client,
        replaced.map((file) => file.path),
      );
      await insertArticles(client, replaced, this.clock.now().toISOString(), delta);
      const touched = await deleteOrphans(client, previous, delta);
      await refreshPersons(client, touched, delta);
      await addToCounters(client, delta);
    });
  }

  async removeFile(path: string): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await lockArticleWrites(client);
      const delta: CounterDelta = { articles: 0, quotes: 0, people: 0 };
      const previous = await deleteOrigins(client, [path]);
      const touched = await deleteOrphans(client, previous, delta);
      await client.query('DELETE FROM files WHERE path = $1', [path]);
      await refreshPersons(client, touched, delta);
      await addToCounters(client, delta);
    });
  }

  async files(): Promise<Map<string, FileRecord>> {
    const { rows } = await this.pool.query<FileRow>('SELECT path, size, mtime_ms, hash FROM files');
    return new Map(rows.map((row) => [row.path, toFileRecord(row)]));
  }

  async file(path: string): Promise<FileRecord | null> {
    const { rows } = await this.pool.query<FileRow>('SELECT path, size, mtime_ms, hash FROM files WHERE path = $1', [
      path,
    ]);
    return rows[0] ? toFileRecord(rows[0]) : null;
  }

  async latest(options: { limit: number; cursor?: string | undefined }): Promise<Page<ArticleView>> {
    const limit = Math.max(1, Math.min(options.limit, 100));
    const after = options.cursor === undefined ? null : decodeCursor(options.cursor);
    const { rows } = after
      ? await this.pool.query<ViewRow & { sort_key: string }>(
          `SELECT ${VIEW_COLUMNS}, sort_key FROM articles WHERE (sort_key, id) < ($1, $2)
           ORDER BY sort_key DESC, id DESC LIMIT $3`,
          [after.sortKey, after.id, limit + 1],
        )
      : await this.pool.query<ViewRow & { sort_key: string }>(
          `SELECT ${VIEW_COLUMNS}, sort_key FROM articles ORDER BY sort_key DESC, id DESC LIMIT $1`,
          [limit + 1],
        );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const next = rows.length > limit && last ? encodeCursor(last.sort_key, last.id) : null;
    return { items: items.map(toView), next };
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const { rows } = await this.pool.query<ArticleRow>(
      `SELECT ${VIEW_COLUMNS}, author, dateline, caption, highlights, paragraphs, summary_method, analysis,
         ARRAY(SELECT origin FROM article_origins WHERE article_id = articles.id ORDER BY origin) AS origins
       FROM articles WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      title: row.title,
      url: row.url,
      source: row.source,
      author: row.author,
      publishedAt: row.published_at,
      publishedApprox: row.published_approx,
      dateline: row.dateline,
      caption: row.caption,
      highlights: row.highlights,
      paragraphs: row.paragraphs,
      summary: { standard: row.summary, short: row.short, method: row.summary_method },
      people: row.analysis.people,
      quotes: row.analysis.quotes,
      origins: row.origins,
      ingestedAt: row.ingested_at,
    };
  }

  async findArticles(ref: string, limit: number): Promise<ArticleView[]> {
    const trimmed = ref.trim();
    if (/^[0-9a-f]{6,64}$/i.test(trimmed)) {
      // hex only, so the pattern holds no LIKE wildcards; COLLATE "C" lets the unique index serve the prefix
      const { rows } = await this.pool.query<ViewRow>(
        `SELECT ${VIEW_COLUMNS} FROM articles WHERE id LIKE $1 ORDER BY sort_key DESC LIMIT $2`,
        [`${trimmed.toLowerCase()}%`, limit],
      );
      if (rows.length > 0) return rows.map(toView);
    }
    const query = tsQuery(trimmed);
    if (!query) return [];
    const { rows } = await this.pool.query<ViewRow>(
      `SELECT ${VIEW_COLUMNS} FROM articles, to_tsquery('simple', $1) AS query WHERE title_search @@ query
       ORDER BY ts_rank(title_search, query) DESC, sort_key DESC LIMIT $2`,
      [query, limit],
    );
    return rows.map(toView);
  }

  async search(
    text: string,
    options: { limit: number; offset: number },
  ): Promise<{ hits: SearchHit[]; total: number; ranked: number }> {
    const query = tsQuery(text);
    if (!query) return { hits: [], total: 0, ranked: 0 };
    // rank the newest matches by relevance: scoring every match of a common word is what makes search slow
    const { rows: window } = await this.pool.query<{ seq: number; score: number }>(
      `SELECT newest.seq, ts_rank('${SEARCH_WEIGHTS}', newest.search, to_tsquery('simple', $1), 1) AS score
       FROM (SELECT seq, search FROM articles WHERE search @@ to_tsquery('simple', $1) ORDER BY seq DESC LIMIT $2) newest`,
      [query, SEARCH_WINDOW],
    );
    const ranked = window.sort((a, b) => b.score - a.score || b.seq - a.seq);
    const total = window.length < SEARCH_WINDOW ? window.length : await this.countMatches(query);
    const page = ranked.slice(options.offset, options.offset + options.limit).map((row) => row.seq);
    if (page.length === 0) return { hits: [], total, ranked: ranked.length };
    const { rows } = await this.pool.query<ViewRow & { seq: number; paragraphs: Paragraph[] }>(
      `SELECT ${VIEW_COLUMNS}, seq, paragraphs FROM articles WHERE seq = ANY($1::bigint[])`,
      [page],
    );
    const bySeq = new Map(rows.map((row) => [row.seq, row]));
    const words = searchWords(text);
    const hits = page.flatMap((seq) => {
      const row = bySeq.get(seq);
      return row ? [{ article: toView(row), snippet: snippetOf(row.paragraphs, words) }] : [];
    });
    return { hits, total, ranked: ranked.length };
  }

  private async countMatches(query: string): Promise<number> {
    const { rows } = await this.pool.query<{ count: number }>(
      `SELECT count_article_matches(to_tsquery('simple', $1), $2) AS count`,
      [query, MAX_COUNTED],
    );
    return rows[0]?.count ?? 0;
  }

  async maxSeq(): Promise<number> {
    const { rows } = await this.pool.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM articles');
    return rows[0]?.seq ?? 0;
  }

  async articlesAfterSeq(seq: number, upTo: number, limit: number): Promise<(ArticleView & { seq: number })[]> {
    const { rows } = await this.pool.query<ViewRow & { seq: number }>(
      `SELECT ${VIEW_COLUMNS}, seq FROM articles WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`,
      [seq, upTo, limit],
    );
    return rows.map((row) => ({ ...toView(row), seq: row.seq }));
  }

  async nameKeysOf(articleId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ people: Person[] }>(
      `SELECT analysis -> 'people' AS people FROM articles WHERE id = $1`,
      [articleId],
    );
    const keys = new Set<string>();
    for (const person of rows[0]?.people ?? []) {
      for (const key of [normalizeName(person.name), ...nameKeys(person)]) if (key) keys.add(key);
    }
    return [...keys];
  }

  async articlesSince(since: Date, limit: number): Promise<ArticleView[]> {
    const { rows } = await this.pool.query<ViewRow>(
      `SELECT ${VIEW_COLUMNS} FROM articles WHERE ingested_at > $1 ORDER BY ingested_at, seq LIMIT $2`,
      [since.toISOString(), limit],
    );
    return rows.map(toView);
  }

  async peopleByKey(key: string): Promise<PersonMatch[]> {
    const { rows } = await this.pool.query<PersonRow>(
      `SELECT person_key, name, article_count, quote_count FROM persons
       WHERE person_key IN (SELECT person_key FROM person_keys WHERE name_key = $1)
       ORDER BY quote_count DESC, article_count DESC, name LIMIT 20`,
      [key],
    );
    return rows.map((row) => ({
      personKey: row.person_key,
      name: row.name,
      articleCount: row.article_count,
      quoteCount: row.quote_count,
    }));
  }

  async personProfile(personKeys: string[], page: ProfilePage): Promise<PersonProfile> {
    const keys = unique(personKeys);
    // all three at once: a key without a person row has no quotes or mentions either
    const [found, quotes, articleRows] = await Promise.all([
      this.pool.query<PersonRow>('SELECT * FROM persons WHERE person_key = ANY($1)', [keys]),
      // per key, a LIMITed walk down its index in page order, merged: a plain `= ANY(keys)` lets the
      // planner choose to read and sort every quote of a much-quoted person
      this.pool.query<QuoteRow>(
        `SELECT ${QUOTE_COLUMNS}
         FROM unnest($1::text[]) AS k (person_key)
         CROSS JOIN LATERAL (SELECT * FROM quotes WHERE quotes.person_key = k.person_key
           ORDER BY kind_rank, sort_key DESC, article_id, position LIMIT $2) q
         JOIN articles a ON a.id = q.article_id
         ORDER BY q.kind_rank, q.sort_key DESC, q.article_id, q.position LIMIT $3 OFFSET $4`,
        [keys, page.quoteOffset + page.quoteLimit, page.quoteLimit, page.quoteOffset],
      ),
      // one article can mention two keys of the same person: over-fetch, then keep each once
      this.pool.query<{ id: string; title: string; published_at: string | null }>(
        `SELECT a.id, a.title, a.published_at
         FROM unnest($1::text[]) AS k (person_key)
         CROSS JOIN LATERAL (SELECT article_id, sort_key FROM person_mentions
           WHERE person_mentions.person_key = k.person_key ORDER BY sort_key DESC LIMIT $2) m
         JOIN articles a ON a.id = m.article_id
         ORDER BY m.sort_key DESC`,
        [keys, page.articleLimit],
      ),
    ]);
    // the caller's order: the first key found is the person's main name
    const rows = keys.flatMap((key) => found.rows.filter((row) => row.person_key === key));
    const [main] = rows;
    if (!main) return { name: '', aliases: [], roles: [], articles: [], articleCount: 0, quotes: [], quoteTotal: 0 };
    const articles = [...new Map(articleRows.rows.map((a) => [a.id, a])).values()].slice(0, page.articleLimit);
    return {
      name: main.name,
      aliases: unique([...rows.slice(1).map((row) => row.name), ...rows.flatMap((row) => row.aliases)]),
      roles: orderRoles(unique(rows.flatMap((row) => row.roles))),
      articles: articles.map((a) => ({ id: a.id, title: a.title, publishedAt: a.published_at })),
      articleCount: rows.reduce((sum, row) => sum + row.article_count, 0),
      quotes: quotes.rows.map(toQuoteView),
      quoteTotal: rows.reduce((sum, row) => sum + row.quote_count + row.reported_count, 0),
    };
  }

  async peopleByPrefix(prefix: string, limit: number): Promise<PersonSummary[]> {
    const { rows } =
      prefix === ''
        ? await this.pool.query<PersonRow>(
            `SELECT name, roles, article_count, quote_count FROM persons
             ORDER BY quote_count DESC, article_count DESC, name LIMIT $1`,
            [limit],
          )
        : await this.pool.query<PersonRow>(
            `SELECT name, roles, article_count, quote_count FROM persons
             WHERE person_key IN (SELECT person_key FROM person_keys WHERE name_key >= $1 AND name_key < $2)
             ORDER BY quote_count DESC, article_count DESC, name LIMIT $3`,
            [prefix, `${prefix}\uffff`, limit],
          );
    return rows.map((row) => ({
      name: row.name,
      roles: orderRoles(row.roles),
      articleCount: row.article_count,
      quoteCount: row.quote_count,
    }));
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

  async topQuote(articleId: string): Promise<QuoteView | null> {
    const { rows } = await this.pool.query<QuoteRow>(
      `SELECT ${QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id
       WHERE q.article_id = $1 AND q.speaker IS NOT NULL AND q.kind = 'direct'
       ORDER BY q.score DESC, q.position LIMIT 1`,
      [articleId],
    );
    return rows[0] ? toQuoteView(rows[0]) : null;
  }

  async counts(): Promise<{ articles: number; people: number; quotes: number }> {
    const { rows } = await this.pool.query<{ name: string; value: number }>('SELECT name, value FROM counters');
    const value = (name: string) => rows.find((row) => row.name === name)?.value ?? 0;
    return { articles: value('articles'), people: value('people'), quotes: value('quotes') };
  }

  async close(): Promise<void> {
    // the pool is shared with the other stores of the process; whoever created it ends it
  }
}

/**
 * One change per path, as if the batch were applied in order: the last record, and the last list of
 * articles given for it (a later touched-only change keeps them).
 */
function mergeByPath(changes: FileChange[]): FileChange[] {
  const merged = new Map<string, FileChange>();
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

async function upsertFiles(client: PgClient, records: FileRecord[]): Promise<void> {
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
 * record their origins, and fold the new ones into people, quotes and the totals.
 */
async function insertArticles(
  client: PgClient,
  files: { path: string; articles: AnalyzedArticle[] }[],
  ingestedAt: string,
  delta: CounterDelta,
): Promise<void> {
  const distinct = [...new Map(files.flatMap((file) => file.articles.map((a) => [a.id, a] as const))).values()];
  // most re-applied articles are stored already: skip building their rows and search vectors
  const { rows: stored } = await client.query<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1)', [
    distinct.map((article) => article.id),
  ]);
  const known = new Set(stored.map((row) => row.id));
  const fresh = distinct.filter((article) => !known.has(article.id));
  const inserted = await insertArticleRows(client, fresh, ingestedAt);
  const origins = files.flatMap((file) => file.articles.map((article) => ({ origin: file.path, id: article.id })));
  await client.query(
    `INSERT INTO article_origins (origin, article_id) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT DO NOTHING`,
    [origins.map((o) => o.origin), origins.map((o) => o.id)],
  );
  await addAnalyses(
    client,
    fresh.filter((article) => inserted.has(article.id)),
    ingestedAt,
    delta,
  );
}

/** Insert articles in the given order (their seq numbers follow it); returns the ids actually inserted. */
async function insertArticleRows(
  client: PgClient,
  articles: AnalyzedArticle[],
  ingestedAt: string,
): Promise<Set<string>> {
  if (articles.length === 0) return new Set();
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO articles (id, title, url, source, author, published_at, published_approx, dateline, caption,
       highlights, paragraphs, summary, short, summary_method, analysis, ingested_at, sort_key, search, title_search)
     SELECT r.id, r.title, r.url, r.source, r.author, r.published_at, r.published_approx, r.dateline, r.caption,
       r.highlights, r.paragraphs, r.summary, r.short, r.summary_method, r.analysis, r.ingested_at, r.sort_key,
       setweight(to_tsvector('simple', r.title_words), 'A') || setweight(to_tsvector('simple', r.body_words), 'D'),
       to_tsvector('simple', r.title_words)
     FROM json_to_recordset($1::json) AS r(n int, id text, title text, url text, source text, author text,
       published_at text, published_approx boolean, dateline text, caption text, highlights jsonb, paragraphs jsonb,
       summary jsonb, short text, summary_method text, analysis jsonb, ingested_at text, sort_key text,
       title_words text, body_words text)
     ORDER BY r.n
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [toJsonParam(articles.map((article, n) => articleRecord(article, n, ingestedAt)))],
  );
  return new Set(rows.map((row) => row.id));
}

function articleRecord(article: AnalyzedArticle, n: number, ingestedAt: string) {
  return {
    n,
    id: article.id,
    title: article.title,
    url: article.url,
    source: article.source,
    author: article.author,
    published_at: article.publishedAt,
    published_approx: article.publishedApprox,
    dateline: article.dateline,
    caption: article.caption,
    highlights: article.highlights,
    paragraphs: article.paragraphs,
    summary: article.summary.standard,
    short: article.summary.short,
    summary_method: article.summary.method,
    analysis: { people: article.people, quotes: article.quotes },
    ingested_at: ingestedAt,
    sort_key: sortKeyOf(article, ingestedAt),
    title_words: indexWords(article.title),
    body_words: indexWords([...article.highlights, ...article.paragraphs.map((p) => p.text)].join('\n')),
  };
}

function sortKeyOf(article: AnalyzedArticle, ingestedAt: string): string {
  return article.publishedAt ?? ingestedAt;
}

/** Fold newly stored articles into the person aggregates, mentions, lookup keys and quotes. */
async function addAnalyses(
  client: PgClient,
  articles: AnalyzedArticle[],
  ingestedAt: string,
  delta: CounterDelta,
): Promise<void> {
  if (articles.length === 0) return;
  const personKeys = unique(articles.flatMap((a) => a.people.map((person) => normalizeName(person.name))));
  const persons = await loadPersons(client, personKeys);
  const changed = new Set<string>();
  const mentions: { person_key: string; article_id: string; sort_key: string }[] = [];
  const lookups: { name_key: string; person_key: string }[] = [];
  const quotes: object[] = [];
  for (const article of articles) {
    const sortKey = sortKeyOf(article, ingestedAt);
    const counts = quoteCountsBySpeaker(article.quotes);
    const keyByName = new Map<string, string>();
    for (const person of article.people) {
      const personKey = normalizeName(person.name);
      if (!personKey || keyByName.has(person.name)) continue;
      keyByName.set(person.name, personKey);
      const before = persons.get(personKey);
      if (!before) delta.people++;
      persons.set(personKey, addToPerson(before, person, counts.get(person.name) ?? { quotes: 0, reported: 0 }));
      changed.add(personKey);
      mentions.push({ person_key: personKey, article_id: article.id, sort_key: sortKey });
      for (const key of new Set([personKey, ...nameKeys(person)])) {
        if (key) lookups.push({ name_key: key, person_key: personKey });
      }
    }
    article.quotes.forEach((quote, position) => {
      quotes.push({
        article_id: article.id,
        position,
        person_key: quote.speaker === null ? null : (keyByName.get(quote.speaker) ?? null),
        speaker: quote.speaker,
        text: quote.text,
        kind: quote.kind,
        text_start: quote.start,
        text_end: quote.end,
        score: quoteScore(quote.kind, quote.text, quote.paragraphIndex),
        kind_rank: KIND_RANK[quote.kind],
        sort_key: sortKey,
      });
    });
    delta.articles++;
    delta.quotes += article.quotes.filter((q) => q.speaker !== null).length;
  }
  await savePersons(
    client,
    [...changed].map((key) => persons.get(key) as PersonRow),
  );
  await insertMentions(client, mentions);
  await insertLookups(client, lookups);
  if (quotes.length === 0) return;
  await client.query(
    `INSERT INTO quotes (article_id, position, person_key, speaker, text, kind, text_start, text_end, score,
       kind_rank, sort_key)
     SELECT * FROM json_to_recordset($1::json) AS r(article_id text, position int, person_key text, speaker text,
       text text, kind text, text_start int, text_end int, score float8, kind_rank smallint, sort_key text)
     ON CONFLICT DO NOTHING`,
    [toJsonParam(quotes)],
  );
}

function quoteCountsBySpeaker(quotes: Quote[]): Map<string, { quotes: number; reported: number }> {
  const counts = new Map<string, { quotes: number; reported: number }>();
  for (const quote of quotes) {
    if (quote.speaker === null) continue;
    const count = counts.get(quote.speaker) ?? { quotes: 0, reported: 0 };
    if (quote.kind === 'reported') count.reported++;
    else count.quotes++;
    counts.set(quote.speaker, count);
  }
  return counts;
}

/** One article's view of a person folded into the aggregate: counts add up, names and roles merge. */
function addToPerson(
  row: PersonRow | undefined,
  person: Person,
  counts: { quotes: number; reported: number },
): PersonRow {
  if (!row) {
    return {
      person_key: normalizeName(person.name),
      name: person.name,
      roles: person.roles.slice(0, MAX_LISTED),
      aliases: person.aliases.slice(0, MAX_LISTED),
      article_count: 1,
      quote_count: counts.quotes,
      reported_count: counts.reported,
    };
  }
  return {
    person_key: row.person_key,
    name: pickName([row.name, person.name]),
    roles: unique([...row.roles, ...person.roles]).slice(0, MAX_LISTED),
    aliases: unique([...row.aliases, ...person.aliases]).slice(0, MAX_LISTED),
    article_count: row.article_count + 1,
    quote_count: row.quote_count + counts.quotes,
    reported_count: row.reported_count + counts.reported,
  };
}

async function loadPersons(client: PgClient, keys: string[]): Promise<Map<string, PersonRow>> {
  if (keys.length === 0) return new Map();
  const { rows } = await client.query<PersonRow>('SELECT * FROM persons WHERE person_key = ANY($1)', [keys]);
  return new Map(rows.map((row) => [row.person_key, row]));
}

async function savePersons(client: PgClient, rows: PersonRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO persons (person_key, name, roles, aliases, article_count, quote_count, reported_count)
     SELECT * FROM json_to_recordset($1::json) AS r(person_key text, name text, roles jsonb, aliases jsonb,
       article_count int, quote_count int, reported_count int)
     ON CONFLICT (person_key) DO UPDATE SET name = excluded.name, roles = excluded.roles, aliases = excluded.aliases,
       article_count = excluded.article_count, quote_count = excluded.quote_count,
       reported_count = excluded.reported_count`,
    [toJsonParam(rows)],
  );
}

async function insertMentions(
  client: PgClient,
  mentions: { person_key: string; article_id: string; sort_key: string }[],
): Promise<void> {
  if (mentions.length === 0) return;
  await client.query(
    `INSERT INTO person_mentions (person_key, article_id, sort_key)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
    [mentions.map((m) => m.person_key), mentions.map((m) => m.article_id), mentions.map((m) => m.sort_key)],
  );
}

async function insertLookups(client: PgClient, lookups: { name_key: string; person_key: string }[]): Promise<void> {
  if (lookups.length === 0) return;
  await client.query(
    `INSERT INTO person_keys (name_key, person_key) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT DO NOTHING`,
    [lookups.map((l) => l.name_key), lookups.map((l) => l.person_key)],
  );
}

/**
 * Delete the candidates no origin refers to any more; returns the people they mentioned, whose
 * aggregates must be rebuilt. The counts are read from the rows being deleted (one snapshot).
 */
async function deleteOrphans(client: PgClient, candidates: string[], delta: CounterDelta): Promise<string[]> {
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
  delta.articles -= gone.articles;
  delta.quotes -= gone.quotes;
  return gone.people;
}

/** After deletions: rebuild the aggregates of these people from the articles that remain. */
async function refreshPersons(client: PgClient, keys: string[], delta: CounterDelta): Promise<void> {
  if (keys.length === 0) return;
  await client.query('DELETE FROM person_keys WHERE person_key = ANY($1)', [keys]);
  const { rows: mentions } = await client.query<{ person_key: string; people: Person[] }>(
    `SELECT m.person_key, a.analysis -> 'people' AS people FROM person_mentions m JOIN articles a ON a.id = m.article_id
     WHERE m.person_key = ANY($1) ORDER BY m.person_key, m.article_id`,
    [keys],
  );
  const { rows: quoteCounts } = await client.query<{ person_key: string; quotes: number; reported: number }>(
    `SELECT person_key, count(*) FILTER (WHERE kind <> 'reported') AS quotes,
       count(*) FILTER (WHERE kind = 'reported') AS reported
     FROM quotes WHERE person_key = ANY($1) GROUP BY person_key`,
    [keys],
  );
  const views = new Map<string, Person[]>();
  for (const mention of mentions) {
    const matching = mention.people.filter((person) => normalizeName(person.name) === mention.person_key);
    views.set(mention.person_key, [...(views.get(mention.person_key) ?? []), ...matching]);
  }
  const countsOf = new Map(quoteCounts.map((row) => [row.person_key, row]));
  const rebuilt: PersonRow[] = [];
  const lookups: { name_key: string; person_key: string }[] = [];
  for (const key of keys) {
    const seen = views.get(key) ?? [];
    if (seen.length === 0) continue;
    for (const view of seen) {
      for (const nameKey of new Set([key, ...nameKeys(view)]))
        if (nameKey) lookups.push({ name_key: nameKey, person_key: key });
    }
    rebuilt.push({
      person_key: key,
      name: pickName(seen.map((v) => v.name)),
      roles: unique(seen.flatMap((v) => v.roles)).slice(0, MAX_LISTED),
      aliases: unique(seen.flatMap((v) => v.aliases)).slice(0, MAX_LISTED),
      article_count: seen.length,
      quote_count: countsOf.get(key)?.quotes ?? 0,
      reported_count: countsOf.get(key)?.reported ?? 0,
    });
  }
  const forgotten = keys.filter((key) => !views.get(key)?.length);
  if (forgotten.length > 0) {
    const removed = await client.query('DELETE FROM persons WHERE person_key = ANY($1)', [forgotten]);
    delta.people -= removed.rowCount ?? 0;
  }
  await savePersons(client, rebuilt);
  await insertLookups(client, lookups);
}

/** Apply the totals' changes and bump the change marker other processes' caches watch. */
async function addToCounters(client: PgClient, delta: CounterDelta): Promise<void> {
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

/** JSON for json_to_recordset; PostgreSQL text cannot hold NUL, which a feed's JSON may carry. */
function toJsonParam(rows: object[]): string {
  return JSON.stringify(rows, (_key, value: unknown) =>
    typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '') : value,
  );
}

function toFileRecord(row: FileRow): FileRecord {
  return { path: row.path, size: row.size, mtimeMs: row.mtime_ms, hash: row.hash };
}

function toView(row: ViewRow): ArticleView {
  return {
    id: row.id,
    title: row.title,
    url: row.url,
    source: row.source,
    publishedAt: row.published_at,
    publishedApprox: row.published_approx,
    ingestedAt: row.ingested_at,
    summary: row.summary,
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
    publishedApprox: row.published_approx,
    start: row.text_start,
    end: row.text_end,
  };
}
