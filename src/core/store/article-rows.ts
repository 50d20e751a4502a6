import type { Paragraph, QuoteKind, StoredArticle } from '../articles/article.js';
import type {
  ArticleView,
  FileRecord,
  Page,
  PersonMatch,
  PersonProfile,
  PersonSummary,
  QuoteView,
  SearchHit,
} from '../ports.js';
import { type ArticleRecord, type PersonRecord, rankRoleUses } from './article-writes.js';
import { decodeCursor, encodeCursor, SEARCH_WINDOW, searchWords, snippetOf, unique } from './store-common.js';

/*
 * Rows as both article stores read them back, and the one mapping from rows to the port's views.
 * Each driver first normalises its rows to these shapes (JSON columns parsed, flags as booleans,
 * times as ISO strings); everything after that is shared.
 */

/** The columns of an article that lists show. */
export const ARTICLE_VIEW_COLUMNS = [
  'id',
  'title',
  'url',
  'source',
  'published_at',
  'published_approx',
  'ingested_at',
  'summary',
  'short',
] as const;

export type ArticleViewRow = Pick<ArticleRecord, (typeof ARTICLE_VIEW_COLUMNS)[number]>;

/** A quote joined with its article. */
export interface QuoteViewRow {
  article_id: string;
  speaker: string;
  text: string;
  kind: QuoteKind;
  text_start: number;
  text_end: number;
  title: string;
  url: string | null;
  source: string | null;
  published_at: string | null;
  published_approx: boolean;
}

/** The quote columns {@link QuoteViewRow} needs, for a query aliasing quotes `q` and articles `a`. */
export const QUOTE_VIEW_COLUMNS =
  'q.article_id, q.speaker, q.text, q.kind, q.text_start, q.text_end, a.title, a.url, a.source, a.published_at, a.published_approx';

export interface FileRow {
  path: string;
  size: number;
  mtime_ms: number;
  hash: string;
}

/** An article a person appears in. */
export interface MentionedArticleRow {
  id: string;
  title: string;
  published_at: string | null;
}

/** What a page of the latest articles asks the database for: `limit` rows (+1) after the cursor's article. */
export function latestBounds(options: { limit: number; cursor?: string | undefined }): {
  limit: number;
  after: { sortKey: string; id: string } | null;
} {
  const limit = Math.max(1, Math.min(options.limit, 100));
  return { limit, after: options.cursor === undefined ? null : decodeCursor(options.cursor) };
}

/** A page of the latest articles from up to `limit + 1` rows: one more tells there is a next page. */
export function toLatestPage(rows: (ArticleViewRow & { sort_key: string })[], limit: number): Page<ArticleView> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const next = rows.length > limit && last ? encodeCursor(last.sort_key, last.id) : null;
  return { items: items.map(toArticleView), next };
}

export function toArticleView(row: ArticleViewRow): ArticleView {
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

export function toStoredArticle(row: ArticleRecord, origins: string[]): StoredArticle {
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
    origins,
    ingestedAt: row.ingested_at,
  };
}

export function toQuoteView(row: QuoteViewRow): QuoteView {
  return {
    text: row.text,
    kind: row.kind,
    speaker: row.speaker,
    articleId: row.article_id,
    articleTitle: row.title,
    articleUrl: row.url,
    articleSource: row.source,
    publishedAt: row.published_at,
    publishedApprox: row.published_approx,
    start: row.text_start,
    end: row.text_end,
  };
}

export function toFileRecord(row: FileRow): FileRecord {
  return { path: row.path, size: row.size, mtimeMs: row.mtime_ms, hash: row.hash };
}

export function toPersonMatch(
  row: Pick<PersonRecord, 'person_key' | 'name' | 'kind' | 'article_count' | 'quote_count'>,
): PersonMatch {
  return {
    personKey: row.person_key,
    name: row.name,
    kind: row.kind,
    articleCount: row.article_count,
    quoteCount: row.quote_count,
  };
}

export function toPersonSummary(
  row: Pick<PersonRecord, 'name' | 'kind' | 'roles' | 'article_count' | 'quote_count'>,
): PersonSummary {
  return {
    name: row.name,
    kind: row.kind,
    roles: row.roles,
    articleCount: row.article_count,
    quoteCount: row.quote_count,
  };
}

/**
 * One person from the aggregates of their keys, in the caller's key order (the first found is the
 * main name), with a page of quotes and articles. One article can mention two keys of the same
 * person: the articles are over-fetched and each kept once.
 */
export function toPersonProfile(
  keys: readonly string[],
  found: readonly PersonRecord[],
  quotes: readonly QuoteViewRow[],
  articles: readonly MentionedArticleRow[],
  articleLimit: number,
): PersonProfile {
  const rows = unique([...keys]).flatMap((key) => found.filter((row) => row.person_key === key));
  const [main] = rows;
  if (!main) {
    return {
      name: '',
      kind: 'person',
      aliases: [],
      roles: [],
      articles: [],
      articleCount: 0,
      quotes: [],
      quoteTotal: 0,
    };
  }
  const distinct = [...new Map(articles.map((a) => [a.id, a])).values()].slice(0, articleLimit);
  return {
    name: main.name,
    kind: main.kind,
    aliases: unique([...rows.slice(1).map((row) => row.name), ...rows.flatMap((row) => row.aliases)]),
    // every way of writing the name gives its uses of each role, ranked as one person's
    roles: rankRoleUses(rows.flatMap((row) => row.role_uses)),
    articles: distinct.map((a) => ({ id: a.id, title: a.title, publishedAt: a.published_at })),
    articleCount: rows.reduce((sum, row) => sum + row.article_count, 0),
    quotes: quotes.map(toQuoteView),
    quoteTotal: rows.reduce((sum, row) => sum + row.quote_count + row.reported_count, 0),
  };
}

/** One match of a search: the article's sequence number and its relevance (higher is better). */
export interface ScoredMatch {
  seq: number;
  score: number;
}

/**
 * A page of search hits from the scores of the newest matches (at most SEARCH_WINDOW of them):
 * best first, newest first among equals. `countAll` counts every match when the window is full;
 * `load` reads the page's articles by sequence number.
 */
export async function searchPage(
  text: string,
  options: { limit: number; offset: number },
  window: ScoredMatch[],
  countAll: () => Promise<number>,
  load: (seqs: number[]) => Promise<Map<number, ArticleViewRow & { paragraphs: Paragraph[] }>>,
): Promise<{ hits: SearchHit[]; total: number; ranked: number }> {
  const ranked = window.sort((a, b) => b.score - a.score || b.seq - a.seq);
  const total = window.length < SEARCH_WINDOW ? window.length : await countAll();
  const page = ranked.slice(options.offset, options.offset + options.limit).map((match) => match.seq);
  if (page.length === 0) return { hits: [], total, ranked: ranked.length };
  const rows = await load(page);
  const words = searchWords(text);
  const hits = page.flatMap((seq) => {
    const row = rows.get(seq);
    return row ? [{ article: toArticleView(row), snippet: snippetOf(row.paragraphs, words) }] : [];
  });
  return { hits, total, ranked: ranked.length };
}
