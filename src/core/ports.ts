import type { ArticleAnalysis, ParsedArticle, Person, QuoteKind, StoredArticle, Summary } from './articles/article.js';
import type { ParseWarning } from './ingest/parse-file.js';

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

/** A file's bytes to parse into articles; relative dates ("2 hours ago") are resolved against `retrievedAt`. */
export interface FileToParse {
  path: string;
  bytes: Uint8Array;
  retrievedAt: Date;
}

/** A file's analysed articles, within the ingest limits, and what went wrong reading them. */
export interface AnalyzedFile {
  analyzed: AnalyzedArticle[];
  /** the parser's warnings, then one per cut or failed article */
  warnings: ParseWarning[];
}

/**
 * Parses and analyses article files, and analyses articles (summary, people, quotes): in worker threads in the
 * bot and the CLI, so commands keep answering while a large folder or a feed backlog is ingested; in-process in
 * tests. Both never throw for bad input; they reject only when the analysis itself died (a worker out of memory).
 */
export interface ArticleAnalyzer {
  /** Parse a file and analyse each of its articles, within the ingest limits. */
  analyzeFile(file: FileToParse): Promise<AnalyzedFile>;
  /** Article in, analysed article out. */
  analyze(article: ParsedArticle): Promise<AnalyzedArticle>;
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
  /** the article's date was worked out from a relative one ("2 hours ago"), so the day may be off by one */
  publishedApprox: boolean;
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

/** One file's worth of change for {@link ArticleStore.applyFiles}. */
export interface FileChange {
  record: FileRecord;
  /** the file's articles, replacing what it gave before; null when its content is unchanged (a touched mtime) */
  articles: AnalyzedArticle[] | null;
}

/**
 * Persistent store of analysed articles. SQLite (embedded, the default) and PostgreSQL (several
 * processes on one database) implement it; the shared contract suite in test/ runs against both.
 */
export interface ArticleStore {
  /** Apply several files' changes in one transaction (much cheaper than one per file). */
  applyFiles(changes: FileChange[]): Promise<void>;
  /** Forget a file; articles no other origin refers to are deleted. */
  removeFile(path: string): Promise<void>;
  /** What was ingested from each file, by path. */
  files(): Promise<Map<string, FileRecord>>;
  /** What was ingested from one file, if anything. */
  file(path: string): Promise<FileRecord | null>;

  latest(options: { limit: number; cursor?: string | undefined }): Promise<Page<ArticleView>>;
  getArticle(id: string): Promise<StoredArticle | null>;
  /** Articles whose id starts with `ref`, or whose title contains all words of `ref`, best first. */
  findArticles(ref: string, limit: number): Promise<ArticleView[]>;
  /**
   * Full-text search: the newest matches (up to a window of a few hundred) ranked by relevance.
   * `total` counts matches (capped at 1000); `ranked` is how many can be paged through.
   */
  search(
    text: string,
    options: { limit: number; offset: number },
  ): Promise<{ hits: SearchHit[]; total: number; ranked: number }>;
  /** The sequence number of the newest stored article (0 when empty): the digest watermark. */
  maxSeq(): Promise<number>;
  /** Articles stored after sequence number `seq`, up to `upTo` inclusive, oldest first. */
  articlesAfterSeq(seq: number, upTo: number, limit: number): Promise<(ArticleView & { seq: number })[]>;
  /** Every normalised name key (full names, surnames, aliases) of the people an article mentions. */
  nameKeysOf(articleId: string): Promise<string[]>;
  /** Articles ingested after `since` (exclusive), oldest first. */
  articlesSince(since: Date, limit: number): Promise<ArticleView[]>;

  /** People whose names or aliases match the normalised key exactly, most quoted first. */
  peopleByKey(key: string): Promise<PersonMatch[]>;
  /** One person (or several keys found to be the same person) with a page of their quotes. */
  personProfile(personKeys: string[], page: ProfilePage): Promise<PersonProfile>;
  /** People whose name or an alias starts with the normalised prefix, most quoted first. */
  peopleByPrefix(prefix: string, limit: number): Promise<PersonSummary[]>;
  /** Every distinct normalised name key, for suggestions (the same array until the store changes). */
  personKeys(): Promise<readonly string[]>;
  /** The most newsworthy direct quote of an article, if any. */
  topQuote(articleId: string): Promise<QuoteView | null>;

  counts(): Promise<{ articles: number; people: number; quotes: number }>;
  close(): Promise<void>;
}

/**
 * Claims on units of work (an article file, a feed item) shared by every process on one database,
 * so each is processed once. A claim older than `staleBefore` belongs to a process that died and is
 * taken over.
 */
export interface WorkClaims {
  /** true when `owner` now holds `key` (newly, or already) */
  claim(key: string, owner: string, now: Date, staleBefore: Date): Promise<boolean>;
  release(key: string, owner: string): Promise<void>;
  /** Release everything `owner` holds (graceful shutdown); returns how many. */
  releaseAll(owner: string): Promise<number>;
  /** Who holds `key` and since when it was last claimed (live or stale); null when nobody does. */
  holder?(key: string): Promise<{ owner: string; claimedAt: string } | null>;
  /** Every claim whose key starts with `prefix` (live or stale), by key. */
  holders?(prefix: string): Promise<{ key: string; owner: string; claimedAt: string }[]>;
}

/** A chat platform installation (one Slack workspace that installed the app through OAuth). */
export interface InstallationRecord {
  platform: 'slack';
  /** the Slack team id, or the enterprise id for an org-wide install */
  workspaceId: string;
  enterpriseId: string | null;
  /** the platform's installation object as JSON (holds the bot token) */
  data: string;
  installedAt: string;
}

/** Where OAuth installations are kept, in the bot's database. */
export interface InstallationStore {
  save(record: InstallationRecord): Promise<void>;
  get(platform: 'slack', workspaceId: string): Promise<InstallationRecord | null>;
  remove(platform: 'slack', workspaceId: string): Promise<boolean>;
  count(platform: 'slack'): Promise<number>;
}

/** Where a digest goes: a channel, and on Slack with several workspaces, the workspace it belongs to. */
export interface DigestTarget {
  channelId: string;
  workspaceId: string | null;
}

/** A chat platform connection started by the composition root. */
export interface ChatAdapter {
  readonly name: string;
  start(): Promise<void>;
  /** Stop taking new commands, finish the replies in flight, then disconnect. */
  stop(): Promise<void>;
  /** Whether the platform connection is up, for /healthz. */
  status(): AdapterStatus;
  /** Post a digest into a channel; returns the platform message id of the (first) message. */
  postDigest?(target: DigestTarget, reply: import('./reply.js').Reply): Promise<{ messageId: string }>;
  /** Classify a postDigest failure: permanent ones (channel gone, no permission) back off for long. */
  describeFailure?(error: unknown): DeliveryFailure;
}

export interface AdapterStatus {
  connected: boolean;
  /** e.g. "2 shards ready", "socket mode connected", "stopped" */
  detail: string;
}

export interface DeliveryFailure {
  /** the channel is gone or the bot lacks permission: retrying soon will not help */
  permanent: boolean;
  /** short reason shown in /news subscriptions ("missing permission (50013)") */
  reason: string;
}
