import type { Person, StoredArticle } from '../../core/articles/article.js';
import type * as port from '../../core/ports.js';
import * as mapping from '../../core/store/article-rows.js';
import {
  ARTICLE_COLUMNS,
  type ArticleRecord,
  nameKeysOfPeople,
  type PersonRecord,
} from '../../core/store/article-writes.js';
import { encodeCursor, outletOf, unique } from '../../core/store/store-common.js';
import type { SqlRunner } from './sql.js';

/** The few SQL fragments the two databases spell differently. */
export interface SqlDialect {
  /** the origins of the article `articles.id`, sorted, as one column holding a list */
  originsOfArticle: string;
  /** `column` is one of the values in the list parameter `param` (of SQL type `type`) */
  inList(column: string, param: string, type: 'text' | 'bigint'): string;
}

/** The columns of an article that lists show, qualified for joins. */
export const VIEW_COLUMNS = mapping.ARTICLE_VIEW_COLUMNS.map((column) => `articles.${column}`).join(', ');

/** Speakers with the outlets quoting them, most outlets first (then most quotes, then by name). */
function quotedBy(rows: readonly { speaker: string; source: string | null; url: string | null }[]): port.StoryQuoted[] {
  const bySpeaker = new Map<string, port.StoryQuoted>();
  for (const row of rows) {
    let entry = bySpeaker.get(row.speaker);
    if (!entry) {
      entry = { speaker: row.speaker, outlets: [], quotes: 0 };
      bySpeaker.set(row.speaker, entry);
    }
    entry.quotes++;
    const outlet = outletOf(row);
    if (outlet !== null && !entry.outlets.includes(outlet)) entry.outlets.push(outlet);
  }
  return [...bySpeaker.values()].sort(
    (a, b) => b.outlets.length - a.outlets.length || b.quotes - a.quotes || a.speaker.localeCompare(b.speaker),
  );
}

/** Every shared statement, built once per dialect (one string each, so the statement caches key on it). */
function queriesFor(dialect: SqlDialect) {
  return {
    files: 'SELECT path, size, mtime_ms, hash FROM files',
    file: 'SELECT path, size, mtime_ms, hash FROM files WHERE path = $1',
    latestFirst: `SELECT ${VIEW_COLUMNS}, sort_key FROM articles ORDER BY sort_key DESC, id DESC LIMIT $1`,
    latestAfter: `SELECT ${VIEW_COLUMNS}, sort_key FROM articles WHERE (sort_key, id) < ($1, $2)
      ORDER BY sort_key DESC, id DESC LIMIT $3`,
    article: `SELECT ${ARTICLE_COLUMNS.join(', ')}, ${dialect.originsOfArticle} AS origins FROM articles WHERE id = $1`,
    // hex only, so the pattern holds no LIKE wildcards; the unique index on id serves the prefix
    articlesByIdPrefix: `SELECT ${VIEW_COLUMNS} FROM articles WHERE id LIKE $1 ORDER BY sort_key DESC LIMIT $2`,
    searchPage: `SELECT ${VIEW_COLUMNS}, seq, paragraphs FROM articles WHERE ${dialect.inList('seq', '$1', 'bigint')}`,
    maxSeq: 'SELECT max(seq) AS seq FROM articles',
    afterSeq: `SELECT ${VIEW_COLUMNS}, seq FROM articles WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`,
    peopleOfArticle: `SELECT analysis -> 'people' AS people FROM articles WHERE id = $1`,
    since: `SELECT ${VIEW_COLUMNS} FROM articles WHERE ingested_at > $1 ORDER BY ingested_at, seq LIMIT $2`,
    personsByName: `SELECT person_key, name, kind, article_count, quote_count FROM persons
      WHERE person_key IN (SELECT person_key FROM person_keys WHERE name_key = $1)
      ORDER BY quote_count DESC, article_count DESC, name LIMIT 20`,
    topPersons: `SELECT name, kind, roles, article_count, quote_count FROM persons
      ORDER BY quote_count DESC, article_count DESC, name LIMIT $1`,
    personsByPrefix: `SELECT name, kind, roles, article_count, quote_count FROM persons
      WHERE person_key IN (SELECT person_key FROM person_keys WHERE name_key >= $1 AND name_key < $2)
      ORDER BY quote_count DESC, article_count DESC, name LIMIT $3`,
    // each article's best attributed direct quote, in one statement for a whole digest
    topQuotes: `SELECT ${mapping.QUOTE_VIEW_COLUMNS} FROM (
        SELECT quotes.*, row_number() OVER (PARTITION BY article_id ORDER BY score DESC, position) AS rank
        FROM quotes WHERE ${dialect.inList('article_id', '$1', 'text')} AND speaker IS NOT NULL AND kind = 'direct'
      ) q JOIN articles a ON a.id = q.article_id WHERE q.rank = 1`,
    counters: 'SELECT name, value FROM counters',
    staleIds: 'SELECT id FROM articles WHERE analysis_version < $1 ORDER BY seq LIMIT $2',
    staleCount: 'SELECT count(*) AS count FROM articles WHERE analysis_version < $1',
    storyBacklog: `SELECT (SELECT value FROM counters WHERE name = 'stories_watermark') AS watermark,
      (SELECT coalesce(max(seq), 0) FROM articles) AS seq,
      (SELECT value FROM counters WHERE name = 'stories') AS stories`,
    // stories whose every article was deleted are left out
    storiesFirst: `SELECT id, sort_key FROM stories
      WHERE EXISTS (SELECT 1 FROM article_stories m WHERE m.story_id = stories.id)
      ORDER BY sort_key DESC, id DESC LIMIT $1`,
    storiesAfter: `SELECT id, sort_key FROM stories
      WHERE (sort_key, id) < ($1, $2) AND EXISTS (SELECT 1 FROM article_stories m WHERE m.story_id = stories.id)
      ORDER BY sort_key DESC, id DESC LIMIT $3`,
    storyIdsOf: `SELECT article_id, story_id FROM article_stories WHERE ${dialect.inList('article_id', '$1', 'text')}`,
    storyMembers: `SELECT m.story_id, articles.seq, ${VIEW_COLUMNS} FROM article_stories m
      JOIN articles ON articles.id = m.article_id
      WHERE ${dialect.inList('m.story_id', '$1', 'text')} ORDER BY m.story_id, m.seq`,
    // what a story list shows of each story: its first article (the story's id), its outlets and size
    storyLeads: `SELECT ${VIEW_COLUMNS} FROM articles WHERE ${dialect.inList('id', '$1', 'text')}`,
    storyOutlets: `SELECT m.story_id, articles.source, articles.url FROM article_stories m
      JOIN articles ON articles.id = m.article_id
      WHERE ${dialect.inList('m.story_id', '$1', 'text')} ORDER BY m.story_id, m.seq`,
    quotedInStory: `SELECT q.speaker, articles.source, articles.url FROM article_stories m
      JOIN quotes q ON q.article_id = m.article_id JOIN articles ON articles.id = m.article_id
      WHERE m.story_id = $1 AND q.speaker IS NOT NULL AND q.kind <> 'reported' ORDER BY m.seq, q.position`,
  };
}

/**
 * The article store's queries, written once for both databases. Each store adds its writes (what to
 * write comes from planArticleWrites and planPersonRebuild) and what only its database can say:
 * full-text search, the page of a person's quotes, and how it notices other processes' writes.
 */
export abstract class SqlArticleStore implements port.ArticleStore {
  private readonly queries;

  protected constructor(
    private readonly sql: SqlRunner,
    dialect: SqlDialect,
  ) {
    this.queries = queriesFor(dialect);
  }

  abstract applyFiles(changes: port.FileChange[]): Promise<void>;
  abstract removeFile(path: string): Promise<void>;
  abstract personProfile(personKeys: string[], page: port.ProfilePage): Promise<port.PersonProfile>;
  abstract personKeys(): Promise<readonly string[]>;
  abstract close(): Promise<void>;
  abstract searchQuotes(
    text: string,
    options: { personKeys?: readonly string[] | undefined; limit: number; offset: number },
  ): Promise<{ quotes: port.QuoteView[]; total: number }>;
  abstract matchingSeqs(text: string, seq: number, upTo: number, limit: number): Promise<number[]>;
  /** Articles whose title has every word of `text` (the last as a prefix), best first. */
  protected abstract titleMatches(text: string, limit: number): Promise<mapping.ArticleViewRow[]>;
  /** The newest matches of a full-text search, scored (higher is better); null when `text` has no words. */
  protected abstract searchWindow(
    text: string,
  ): Promise<{ window: mapping.ScoredMatch[]; countAll(): Promise<number> } | null>;

  async files(): Promise<Map<string, port.FileRecord>> {
    const rows = await this.sql.rows<mapping.FileRow>(this.queries.files);
    return new Map(rows.map((row) => [row.path, mapping.toFileRecord(row)]));
  }

  async file(path: string): Promise<port.FileRecord | null> {
    const [row] = await this.sql.rows<mapping.FileRow>(this.queries.file, [path]);
    return row ? mapping.toFileRecord(row) : null;
  }

  async latest(options: { limit: number; cursor?: string | undefined }): Promise<port.Page<port.ArticleView>> {
    const { limit, after } = mapping.latestBounds(options);
    const rows = after
      ? await this.sql.rows<mapping.ArticleViewRow & { sort_key: string }>(this.queries.latestAfter, [
          after.sortKey,
          after.id,
          limit + 1,
        ])
      : await this.sql.rows<mapping.ArticleViewRow & { sort_key: string }>(this.queries.latestFirst, [limit + 1]);
    return mapping.toLatestPage(rows, limit);
  }

  async latestStories(options: { limit: number; cursor?: string | undefined }): Promise<port.Page<port.ArticleView>> {
    if ((await this.storyBacklog()).waiting) return this.latest(options);
    const { limit, after } = mapping.latestBounds(options);
    const rows = after
      ? await this.sql.rows<{ id: string; sort_key: string }>(this.queries.storiesAfter, [
          after.sortKey,
          after.id,
          limit + 1,
        ])
      : await this.sql.rows<{ id: string; sort_key: string }>(this.queries.storiesFirst, [limit + 1]);
    const page = rows.slice(0, limit);
    const listed = await this.storyListings(page.map((row) => row.id));
    const items = page.flatMap((row) => {
      const story = listed.get(row.id);
      return story ? [{ ...story.lead, story: { id: row.id, outlets: story.outlets, size: story.size } }] : [];
    });
    const last = page.at(-1);
    return { items, next: rows.length > limit && last ? encodeCursor(last.sort_key, last.id) : null };
  }

  async countStories(): Promise<number> {
    const backlog = await this.storyBacklog();
    return backlog.waiting ? (await this.counts()).articles : backlog.stories;
  }

  async storiesOf(articleIds: readonly string[]): Promise<Map<string, port.StoryDetail>> {
    if (articleIds.length === 0) return new Map();
    const rows = await this.sql.rows<{ article_id: string; story_id: string }>(this.queries.storyIdsOf, [
      [...articleIds],
    ]);
    const stories = await this.storiesById(unique(rows.map((row) => row.story_id)));
    const out = new Map<string, port.StoryDetail>();
    for (const row of rows) {
      const story = stories.get(row.story_id);
      if (story) out.set(row.article_id, story);
    }
    return out;
  }

  async quotedInStory(storyId: string): Promise<port.StoryQuoted[]> {
    const rows = await this.sql.rows<{ speaker: string; source: string | null; url: string | null }>(
      this.queries.quotedInStory,
      [storyId],
    );
    return quotedBy(rows);
  }

  /** Whether articles wait to be put into stories (a store of an older release), and the story count. */
  private async storyBacklog(): Promise<{ waiting: boolean; stories: number }> {
    const [row] = await this.sql.rows<{ watermark: number | null; seq: number; stories: number | null }>(
      this.queries.storyBacklog,
    );
    return { waiting: Number(row?.watermark ?? 0) < Number(row?.seq ?? 0), stories: Number(row?.stories ?? 0) };
  }

  /**
   * What a story list shows of each story: its lead (its first article), outlets and size, without reading every
   * member's whole row. A story whose first article was deleted is read in full, its next article leading.
   */
  private async storyListings(
    ids: readonly string[],
  ): Promise<Map<string, { lead: port.ArticleView; outlets: string[]; size: number }>> {
    if (ids.length === 0) return new Map();
    const [leads, members] = await Promise.all([
      this.sql.rows<mapping.ArticleViewRow>(this.queries.storyLeads, [[...ids]]),
      this.sql.rows<{ story_id: string; source: string | null; url: string | null }>(this.queries.storyOutlets, [
        [...ids],
      ]),
    ]);
    const listed = new Map<string, { lead: port.ArticleView; outlets: string[]; size: number }>();
    for (const row of leads) listed.set(row.id, { lead: mapping.toArticleView(row), outlets: [], size: 0 });
    for (const member of members) {
      const story = listed.get(member.story_id);
      if (!story) continue;
      story.size++;
      const outlet = outletOf(member);
      if (outlet !== null && !story.outlets.includes(outlet)) story.outlets.push(outlet);
    }
    const headless = ids.filter((id) => !listed.has(id));
    for (const [id, story] of await this.storiesById(headless)) {
      const lead = story.articles[0];
      if (!lead) continue;
      const { seq: _seq, ...view } = lead;
      listed.set(id, { lead: view, outlets: story.outlets, size: story.size });
    }
    return listed;
  }

  private async storiesById(ids: readonly string[]): Promise<Map<string, port.StoryDetail>> {
    if (ids.length === 0) return new Map();
    const rows = await this.sql.rows<mapping.ArticleViewRow & { story_id: string; seq: number }>(
      this.queries.storyMembers,
      [[...ids]],
    );
    const stories = new Map<string, port.StoryDetail>();
    for (const row of rows) {
      let story = stories.get(row.story_id);
      if (!story) {
        story = { id: row.story_id, outlets: [], size: 0, articles: [] };
        stories.set(row.story_id, story);
      }
      story.articles.push({ ...mapping.toArticleView(row), seq: Number(row.seq) });
      story.size++;
      const outlet = outletOf(row);
      if (outlet !== null && !story.outlets.includes(outlet)) story.outlets.push(outlet);
    }
    return stories;
  }

  async staleArticleIds(version: number, limit: number): Promise<string[]> {
    const rows = await this.sql.rows<{ id: string }>(this.queries.staleIds, [version, limit]);
    return rows.map((row) => row.id);
  }

  async countStale(version: number): Promise<number> {
    const [row] = await this.sql.rows<{ count: number | string }>(this.queries.staleCount, [version]);
    return Number(row?.count ?? 0);
  }

  abstract replaceAnalyses(articles: port.AnalyzedArticle[]): Promise<void>;
  abstract clusterBacklog(limit: number): Promise<number>;
  abstract countUnclustered(): Promise<number>;

  async getArticle(id: string): Promise<StoredArticle | null> {
    const [row] = await this.sql.rows<ArticleRecord & { origins: string[] }>(this.queries.article, [id]);
    return row ? mapping.toStoredArticle(row, row.origins) : null;
  }

  async findArticles(ref: string, limit: number): Promise<port.ArticleView[]> {
    const trimmed = ref.trim();
    if (/^[0-9a-f]{6,64}$/i.test(trimmed)) {
      const rows = await this.sql.rows<mapping.ArticleViewRow>(this.queries.articlesByIdPrefix, [
        `${trimmed.toLowerCase()}%`,
        limit,
      ]);
      if (rows.length > 0) return rows.map(mapping.toArticleView);
    }
    return (await this.titleMatches(trimmed, limit)).map(mapping.toArticleView);
  }

  async search(
    text: string,
    options: { limit: number; offset: number },
  ): Promise<{ hits: port.SearchHit[]; total: number; ranked: number }> {
    const found = await this.searchWindow(text);
    if (!found) return { hits: [], total: 0, ranked: 0 };
    return mapping.searchPage(text, options, found.window, found.countAll, async (seqs) => {
      const rows = await this.sql.rows<mapping.ArticleViewRow & Pick<ArticleRecord, 'paragraphs'> & { seq: number }>(
        this.queries.searchPage,
        [seqs],
      );
      return new Map(rows.map((row) => [row.seq, row]));
    });
  }

  async maxSeq(): Promise<number> {
    const [row] = await this.sql.rows<{ seq: number | null }>(this.queries.maxSeq);
    return row?.seq ?? 0;
  }

  async articlesAfterSeq(seq: number, upTo: number, limit: number): Promise<(port.ArticleView & { seq: number })[]> {
    const rows = await this.sql.rows<mapping.ArticleViewRow & { seq: number }>(this.queries.afterSeq, [
      seq,
      upTo,
      limit,
    ]);
    return rows.map((row) => ({ ...mapping.toArticleView(row), seq: row.seq }));
  }

  async nameKeysOf(articleId: string): Promise<string[]> {
    const [row] = await this.sql.rows<{ people: Person[] }>(this.queries.peopleOfArticle, [articleId]);
    return nameKeysOfPeople(row?.people ?? []);
  }

  async articlesSince(since: Date, limit: number): Promise<port.ArticleView[]> {
    const rows = await this.sql.rows<mapping.ArticleViewRow>(this.queries.since, [since.toISOString(), limit]);
    return rows.map(mapping.toArticleView);
  }

  async peopleByKey(key: string): Promise<port.PersonMatch[]> {
    const rows = await this.sql.rows<PersonRecord>(this.queries.personsByName, [key]);
    return rows.map(mapping.toPersonMatch);
  }

  async peopleByPrefix(prefix: string, limit: number): Promise<port.PersonSummary[]> {
    const rows =
      prefix === ''
        ? await this.sql.rows<PersonRecord>(this.queries.topPersons, [limit])
        : await this.sql.rows<PersonRecord>(this.queries.personsByPrefix, [prefix, `${prefix}\uffff`, limit]);
    return rows.map(mapping.toPersonSummary);
  }

  async topQuotes(articleIds: readonly string[]): Promise<Map<string, port.QuoteView>> {
    if (articleIds.length === 0) return new Map();
    const rows = await this.sql.rows<mapping.QuoteViewRow>(this.queries.topQuotes, [[...articleIds]]);
    return new Map(rows.map((row) => [row.article_id, mapping.toQuoteView(row)]));
  }

  async counts(): Promise<{ articles: number; people: number; quotes: number }> {
    const rows = await this.sql.rows<{ name: string; value: number }>(this.queries.counters);
    const value = (name: string) => rows.find((row) => row.name === name)?.value ?? 0;
    return { articles: value('articles'), people: value('people'), quotes: value('quotes') };
  }
}
