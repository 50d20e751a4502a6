import type { ArticleAnalysis, ParsedArticle, Person, QuoteKind, StoredArticle, Summary } from './articles/article.js';

/** Source of the current time; injected so tests control it. */
export interface Clock {
  now(): Date;
}

/** Structured logger port (pino-compatible subset). */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Produces a summary for an article. The extractive one is synchronous; model-backed ones are not. */
export interface Summarizer {
  readonly name: string;
  summarize(article: ParsedArticle): Promise<Summary>;
}

/** An article ready to be stored: parsed, analysed and identified. */
export interface AnalyzedArticle extends ParsedArticle, ArticleAnalysis {
  id: string;
}

/** What the store remembers of an ingested file, to skip unchanged files cheaply. */
export interface FileRecord {
  path: string;
  size: number;
  mtimeMs: number;
  hash: string;
}

/** A compact view of an article for lists. */
export interface ArticleView {
  id: string;
  title: string;
  url: string | null;
  source: string | null;
  publishedAt: string | null;
  publishedApprox: boolean;
  ingestedAt: string;
  summary: string[];
  short: string;
}

/** A quote with the article it comes from. */
export interface QuoteView {
  text: string;
  kind: QuoteKind;
  speaker: string;
  articleId: string;
  articleTitle: string;
  articleUrl: string | null;
  publishedAt: string | null;
  /** offset of the quote in the article's source text */
  start: number;
  end: number;
}

/** A person across all stored articles, with one page of their quotes. */
export interface PersonProfile extends Person {
  /** the articles they appear in, newest first (up to the page's articleLimit) */
  articles: { id: string; title: string; publishedAt: string | null }[];
  articleCount: number;
  /** direct and partial quotes first, then reported speech, newest first within each */
  quotes: QuoteView[];
  /** all their quotes, of every kind */
  quoteTotal: number;
}

/** Which part of a person's quotes and articles to load. */
export interface ProfilePage {
  quoteLimit: number;
  quoteOffset: number;
  articleLimit: number;
}

/** A person a name key points at, before loading their profile. */
export interface PersonMatch {
  personKey: string;
  name: string;
  articleCount: number;
  quoteCount: number;
}

export interface PersonSummary {
  name: string;
  roles: string[];
  quoteCount: number;
  articleCount: number;
}

export interface SearchHit {
  article: ArticleView;
  /** a short excerpt around the match, plain text */
  snippet: string;
}

/** A page of results with an opaque cursor for the next one. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/**
 * Persistent store of analysed articles. The SQLite implementation is the default;
 * a server database can implement the same interface.
 */
export interface ArticleStore {
  /** Run several writes in one transaction (writes inside become savepoints). */
  batch<T>(fn: () => T): T;
  /** Replace the articles that came from `file` with `articles` in one transaction. */
  replaceFile(file: FileRecord, articles: AnalyzedArticle[]): void;
  /** Remember a file whose content is unchanged (a touched mtime), without re-ingesting it. */
  recordFile(file: FileRecord): void;
  /** Forget a file; articles no other origin refers to are deleted. */
  removeFile(path: string): void;
  /** What was ingested from each file, by path. */
  files(): Map<string, FileRecord>;
  /** What was ingested from one file, if anything. */
  file(path: string): FileRecord | null;

  latest(options: { limit: number; cursor?: string | undefined }): Page<ArticleView>;
  getArticle(id: string): StoredArticle | null;
  /** Articles whose id starts with `ref`, or whose title contains all words of `ref`, best first. */
  findArticles(ref: string, limit: number): ArticleView[];
  /**
   * Full-text search: the newest matches (up to a window of a few hundred) ranked by relevance.
   * `total` counts matches (capped at 1000); `ranked` is how many can be paged through.
   */
  search(
    text: string,
    options: { limit: number; offset: number },
  ): { hits: SearchHit[]; total: number; ranked: number };
  /** The sequence number of the newest stored article (0 when empty): the digest watermark. */
  maxSeq(): number;
  /** Articles stored after sequence number `seq`, up to `upTo` inclusive, oldest first. */
  articlesAfterSeq(seq: number, upTo: number, limit: number): (ArticleView & { seq: number })[];
  /** Every normalised name key (full names, surnames, aliases) of the people an article mentions. */
  nameKeysOf(articleId: string): string[];
  /** Articles ingested after `since` (exclusive), oldest first. */
  articlesSince(since: Date, limit: number): ArticleView[];

  /** People whose names or aliases match the normalised key exactly, most quoted first. */
  peopleByKey(key: string): PersonMatch[];
  /** One person (or several keys found to be the same person) with a page of their quotes. */
  personProfile(personKeys: string[], page: ProfilePage): PersonProfile;
  /** People whose name or an alias starts with the normalised prefix, most quoted first. */
  peopleByPrefix(prefix: string, limit: number): PersonSummary[];
  /** Every distinct normalised name key, for suggestions. */
  personKeys(): string[];
  /** The most newsworthy direct quote of an article, if any. */
  topQuote(articleId: string): QuoteView | null;

  counts(): { articles: number; people: number; quotes: number };
  close(): void;
}

/** A chat platform connection started by the composition root. */
export interface ChatAdapter {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Post a digest into a channel; returns the platform message id of the (first) message. */
  postDigest?(channelId: string, reply: import('./reply.js').Reply): Promise<{ messageId: string }>;
  /** Classify a postDigest failure: permanent ones (channel gone, no permission) back off for long. */
  describeFailure?(error: unknown): DeliveryFailure;
}

export interface DeliveryFailure {
  /** the channel is gone or the bot lacks permission: retrying soon will not help */
  permanent: boolean;
  /** short reason shown in /news subscriptions ("missing permission (50013)") */
  reason: string;
}
