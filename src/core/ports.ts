import type {
  ArticleAnalysis,
  ParsedArticle,
  Person,
  QuoteKind,
  SpeakerKind,
  StoredArticle,
  Summary,
} from './articles/article.js';
import type { DigestFilter } from './digest/schedule.js';
import type { ParseWarning } from './ingest/parse-result.js';
import type { Reply } from './reply.js';
import type { StoryKeys } from './stories/story-features.js';

/*
 * Every port of the core, by caller: runtime services, what ingest writes, what queries read, what
 * digests consume, feed polling state, subscriptions, claims shared by processes, chat platforms.
 */

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
  /**
   * What story clustering reads of the article, computed with its analysis (in a worker) so the store does not
   * read the article back to cluster it; absent, the store computes it from the stored text. Never stored.
   */
  storyKeys?: StoryKeys;
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
 * A file for the analyzer to read, hash and analyse itself (in a worker of the analysis pool), so its bytes never
 * reach the event loop; one whose hash is `knownHash` is not parsed again.
 */
export interface FileToRead {
  /** where to read it */
  absolute: string;
  /** follow a symbolic link (a file named on the command line); a file found in a folder is not */
  followLinks: boolean;
  maxBytes: number;
  /** its size when listed (what an inline budget counts) */
  size: number;
  /** the path its warnings name */
  path: string;
  retrievedAt: Date;
  /** the content hash stored for the file, if any */
  knownHash: string | undefined;
}

/** What reading a {@link FileToRead} gave: its content hash, and its analysis unless the hash was the known one. */
export type ReadFileOutcome =
  | { kind: 'analyzed'; hash: string; file: AnalyzedFile }
  | { kind: 'unchanged'; hash: string }
  /** not a regular file or too large, found on the open handle */
  | { kind: 'refused'; reason: string }
  /** could not be opened or read (an error code) */
  | { kind: 'unreadable'; reason: string };

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
  /**
   * Read, hash and (unless unchanged) parse and analyse a file where the analysis runs: the analysis pool's
   * workers. Absent, the caller reads the file and calls `analyzeFile`.
   */
  analyzeFileAt?(file: FileToRead): Promise<ReadFileOutcome>;
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
  /** the story it belongs to, where lists show stories (latest) */
  story?: StoryBrief | undefined;
}

/** A story as lists show it: several outlets' own articles about one event. */
export interface StoryBrief {
  /** the id of its first article */
  id: string;
  /** the outlets carrying it, each once, in the order they joined (the article's source, else its link's host) */
  outlets: string[];
  /** its articles */
  size: number;
}

/** A story with its articles, for `/news story` and digests. */
export interface StoryDetail extends StoryBrief {
  /** its articles in arrival order, the lead (first) first, each with its arrival sequence number */
  articles: (ArticleView & { seq: number })[];
}

/** Who is quoted in a story, and by which outlets. */
export interface StoryQuoted {
  speaker: string;
  outlets: string[];
  /** direct and partial quotes of them across the story */
  quotes: number;
}

/** A quote with the article it comes from. */
export interface QuoteView {
  text: string;
  kind: QuoteKind;
  speaker: string;
  articleId: string;
  articleTitle: string;
  articleUrl: string | null;
  /** the article's outlet, where known */
  articleSource?: string | null | undefined;
  publishedAt: string | null;
  /** the article's date was worked out from a relative one ("2 hours ago"), so the day may be off by one */
  publishedApprox: boolean;
  /** offset of the quote in the article's source text */
  start: number;
  end: number;
  /** other outlets carrying the same words (in `who` results, where the quote is shown once) */
  alsoIn?: number | undefined;
}

/** A person across all stored articles, with one page of their quotes. */
export interface PersonProfile extends Person {
  kind: SpeakerKind;
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
  kind: SpeakerKind;
  articleCount: number;
  quoteCount: number;
}

export interface PersonSummary {
  name: string;
  kind: SpeakerKind;
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

/** One file's worth of change for {@link ArticleIngest.applyFiles}. */
export interface FileChange {
  record: FileRecord;
  /** the file's articles, replacing what it gave before; null when its content is unchanged (a touched mtime) */
  articles: AnalyzedArticle[] | null;
}

/** What ingest (the file source and the feed poller) writes, and reads back to decide what to write. */
export interface ArticleIngest {
  /** Apply several files' changes in one transaction (much cheaper than one per file). */
  applyFiles(changes: FileChange[]): Promise<void>;
  /** Forget a file; articles no other origin refers to are deleted. */
  removeFile(path: string): Promise<void>;
  /** What was ingested from each file, by path. */
  files(): Promise<Map<string, FileRecord>>;
  /** What was ingested from one file, if anything. */
  file(path: string): Promise<FileRecord | null>;
  getArticle(id: string): Promise<StoredArticle | null>;
}

/** What re-analysing stored articles reads and writes: articles an older analysis wrote, and their new analysis. */
export interface ArticleReanalysis {
  /** Ids of up to `limit` articles written by an analysis older than `version`, in arrival order. */
  staleArticleIds(version: number, limit: number): Promise<string[]>;
  /** How many articles an analysis older than `version` wrote. */
  countStale(version: number): Promise<number>;
  getArticle(id: string): Promise<StoredArticle | null>;
  /**
   * Replace the people and quotes of stored articles (matched by id) with a new analysis, marked with the current
   * analysis version, in one transaction; their text, summary, arrival and origins stay as they are. An article
   * deleted meanwhile is skipped.
   */
  replaceAnalyses(articles: AnalyzedArticle[]): Promise<void>;
  /**
   * Put up to `limit` articles not yet in a story into stories, in arrival order (a store of a release before
   * stories); how many. New articles are clustered as they are written, once the backlog is done.
   */
  clusterBacklog(limit: number): Promise<number>;
  /** How many articles wait to be put into stories. */
  countUnclustered(): Promise<number>;
}

/** What the queries of the commands (latest, read, search, who, digest now, stats) read. */
export interface ArticleQueries {
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
  /**
   * Attributed quotes whose words, or the words of their paragraph, include every word of `text` (the last as a
   * prefix), newest arrival first; only quotes by `personKeys` when given. An index lookup on both databases.
   * `total` counts matches, capped at 1000.
   */
  searchQuotes(
    text: string,
    options: { personKeys?: readonly string[] | undefined; limit: number; offset: number },
  ): Promise<{ quotes: QuoteView[]; total: number }>;
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
  /** Each article's most newsworthy direct quote, by article id (none for an article without one; ties: the earliest). */
  topQuotes(articleIds: readonly string[]): Promise<Map<string, QuoteView>>;
  counts(): Promise<{ articles: number; people: number; quotes: number }>;
  /**
   * Stories, newest activity first: each as its lead article with `story` set. Until a store of an older release
   * has been put into stories (the background re-analysis), articles as `latest` lists them.
   */
  latestStories(options: { limit: number; cursor?: string | undefined }): Promise<Page<ArticleView>>;
  /** How many entries `latestStories` pages through. */
  countStories(): Promise<number>;
  /** The stories of these articles (with every article of each), by article id; articles not yet in one are absent. */
  storiesOf(articleIds: readonly string[]): Promise<Map<string, StoryDetail>>;
  /** The people quoted in a story, with the outlets quoting them, most outlets first. */
  quotedInStory(storyId: string): Promise<StoryQuoted[]>;
}

/** What scheduled digests (and alerts) consume: articles in arrival order after a watermark. */
export interface DigestArticles {
  /** The sequence number of the newest stored article (0 when empty): the digest watermark. */
  maxSeq(): Promise<number>;
  /** Articles stored after sequence number `seq`, up to `upTo` inclusive, oldest first. */
  articlesAfterSeq(seq: number, upTo: number, limit: number): Promise<(ArticleView & { seq: number })[]>;
  /** Every normalised name key (full names, surnames, aliases) of the people an article mentions. */
  nameKeysOf(articleId: string): Promise<string[]>;
  /**
   * The sequence numbers of the articles after `seq` (up to `upTo` inclusive) that `/news search text` finds,
   * oldest first: the full-text index, restricted to the new articles.
   */
  matchingSeqs(text: string, seq: number, upTo: number, limit: number): Promise<number[]>;
  getArticle(id: string): Promise<StoredArticle | null>;
  /** Each article's most newsworthy direct quote, by article id (none for an article without one; ties: the earliest). */
  topQuotes(articleIds: readonly string[]): Promise<Map<string, QuoteView>>;
  /** The stories of these articles (with every article of each), by article id; articles not yet in one are absent. */
  storiesOf(articleIds: readonly string[]): Promise<Map<string, StoryDetail>>;
}

/**
 * Persistent store of analysed articles: every caller's port on one database. SQLite (embedded, the
 * default) and PostgreSQL (several processes on one database) implement it in src/adapters/store; the
 * shared contract suite in test/ runs against both.
 */
export interface ArticleStore extends ArticleIngest, ArticleQueries, DigestArticles, ArticleReanalysis {
  close(): Promise<void>;
}

// ---- feed polling

/** Where a source was declared: sources.json, or `/news source add` in chat. */
export type SourceOrigin = 'file' | 'chat';

/** A feed source with its polling state. Times are ISO 8601. */
export interface FeedSourceRecord {
  url: string;
  /** the configured name, if any */
  name: string | null;
  /** the feed's own title, learnt on the first successful poll */
  feedTitle: string | null;
  intervalMinutes: number;
  origin: SourceOrigin;
  addedBy: string | null;
  addedAt: string;
  etag: string | null;
  lastModified: string | null;
  /** true once the first poll recorded the backlog */
  baselined: boolean;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  nextPollAt: string | null;
  /** consecutive failed polls */
  failureCount: number;
  failureReason: string | null;
  /** set after repeated consecutive failures; cleared by the next success */
  failing: boolean;
  /** article pages that could not be fetched or extracted (the item's own text was kept) */
  pageFailures: number;
  /** items remembered for this source */
  itemCount: number;
}

/** What the store remembers of one item of one source. */
export interface SeenItem {
  contentHash: string;
  /** the story (article origin) it was stored as, or null for a backlog item never ingested */
  story: string | null;
}

/** An article origin written from a feed, with what near-duplicate detection compares. */
export interface FeedStory {
  origin: string;
  articleId: string;
  titleKey: string;
  shingles: number[];
}

/** A source that contributed an article. */
export interface ArticleSource {
  url: string;
  name: string;
}

/** A source as sources.json declares it (URL canonicalised, interval defaulted). */
export interface DeclaredSource {
  url: string;
  name?: string | null | undefined;
  intervalMinutes: number;
}

/** A new or changed source, from sources.json or chat. */
export interface SourceInput {
  url: string;
  name: string | null;
  intervalMinutes: number;
  origin: SourceOrigin;
  addedBy?: string | null | undefined;
}

/** What a failed poll changed: the caller logs each distinct problem once. */
export interface FailureResult {
  /** the new consecutive count */
  failureCount: number;
  /** whether the source is now marked failing */
  failing: boolean;
  /** the reason differs from the previous failure's */
  newReason: boolean;
  /** this failure marked the source failing */
  becameFailing: boolean;
}

/** An item stored as an article: the story rows to write (its own, and origins moved with it) and the item. */
export interface StoredItem {
  sourceUrl: string;
  itemId: string;
  contentHash: string;
  /** the article origin the item was stored as */
  story: string;
  /** story rows to insert or update, the item's own among them */
  stories: readonly FeedStory[];
}

/**
 * Feed polling state: sources and their HTTP validators and failures, the items each source has
 * shown, and the stories written from feeds. SQLite and PostgreSQL implement it in src/adapters/store; the shared contract suite in test/ runs against both.
 * Every method is its own transaction: compound writes are single methods, since a callback
 * transaction cannot span awaits on a pooled PostgreSQL connection.
 */
export interface FeedStore {
  /**
   * Add a source, or update its name (when given) and interval. A source declared in sources.json
   * stays a file source when added again in chat; a chat source listed in the file becomes a file source.
   */
  upsertSource(input: SourceInput): Promise<'added' | 'updated'>;
  /** Make the file sources match sources.json in one transaction; chat sources are left alone. */
  applySourcesFile(declared: readonly DeclaredSource[]): Promise<{ added: number; updated: number; removed: number }>;
  /** Forget a source and the items it showed. Articles already stored stay. */
  removeSource(url: string): Promise<boolean>;
  source(url: string): Promise<FeedSourceRecord | null>;
  /** Every source, by display name (configured name, else feed title, else URL). */
  sources(): Promise<FeedSourceRecord[]>;

  /** Remember a successful poll: validators, title, baseline done, failures cleared. */
  recordSuccess(
    url: string,
    poll: { etag: string | null; lastModified: string | null; feedTitle: string | null; nextPollAt: Date },
  ): Promise<void>;
  /** A 304: nothing changed; failures are cleared and the next poll scheduled. */
  recordNotModified(url: string, nextPollAt: Date): Promise<void>;
  /** Count a failed poll, atomically against other processes counting the same source. */
  recordFailure(
    url: string,
    failure: { reason: string; nextPollAt: Date; failingAfter: number },
  ): Promise<FailureResult>;
  /** Poll a source at `when` (now, for a source just added). */
  scheduleSource(url: string, when: Date): Promise<void>;
  countPageFailure(url: string): Promise<void>;

  seenItem(sourceUrl: string, itemId: string): Promise<SeenItem | null>;
  /** Remember an item that is not (or no longer needs to be) written as an article. */
  recordItem(sourceUrl: string, itemId: string, item: SeenItem): Promise<void>;
  /** Remember an item written as an article, with its story rows, in one transaction. */
  recordStoredItem(stored: StoredItem): Promise<void>;
  /** Mark items as still present in the feed. */
  touchItems(sourceUrl: string, itemIds: readonly string[]): Promise<void>;
  /** Forget items a source has not shown since `before` (they left the feed long ago); returns how many. */
  pruneItems(sourceUrl: string, before: Date): Promise<number>;

  story(origin: string): Promise<FeedStory | null>;
  /** Stories with the same normalised title, newest first: candidates for near-duplicate detection. */
  storiesByTitle(titleKey: string, limit?: number): Promise<FeedStory[]>;
  /** Every story currently stored as `articleId` (one per origin that points at it). */
  storiesOfArticle(articleId: string): Promise<FeedStory[]>;
  /** The feed sources an article came from, by name (configured name, else feed title, else URL). */
  sourcesOfArticle(articleId: string): Promise<ArticleSource[]>;
}

/** What the first poll of a newly added source found. */
export interface PollSummary {
  ok: boolean;
  /** another bot process was polling the source at that moment; its articles arrive through that poll */
  busy: boolean;
  /** items in the feed */
  items: number;
  /** articles written (new or linked to an existing story) */
  ingested: number;
  /** why the poll failed, when it did */
  reason: string | null;
}

/** The answer to adding a source from chat. */
export type AddSourceResult =
  | { ok: true; status: 'added' | 'updated'; source: FeedSourceRecord; firstPoll: PollSummary }
  | { ok: false; reason: string };

/** The answer to removing a source from chat. */
export type RemoveSourceResult =
  | { ok: true; source: FeedSourceRecord }
  | { ok: false; reason: 'not-found' | 'file-source' };

/**
 * Feed source management as the `/news sources` and `/news source` commands see it. The feed poller
 * implements it; commands receive it through their deps.
 */
export interface SourceAdmin {
  list(): Promise<FeedSourceRecord[]>;
  add(input: { url: string; name?: string | undefined; addedBy?: string | undefined }): Promise<AddSourceResult>;
  remove(url: string): Promise<RemoveSourceResult>;
}

// ---- digest subscriptions

/** A channel's digest subscription with its delivery state. */
export interface Subscription {
  id: number;
  platform: 'discord' | 'slack';
  channelId: string;
  /** the Slack workspace (team id) the channel belongs to, where the deployment serves several; else null */
  workspaceId: string | null;
  schedule: string;
  cron: string;
  timezone: string;
  filter: DigestFilter;
  origin: 'chat' | 'file';
  createdBy: string | null;
  createdAt: string;
  lastSuccessAt: string | null;
  /** the newest article seq the last digest covered */
  watermark: number;
  failureCount: number;
  failureReason: string | null;
  retryAt: string | null;
}

export type NewSubscription = Pick<
  Subscription,
  'platform' | 'channelId' | 'workspaceId' | 'schedule' | 'cron' | 'timezone' | 'filter' | 'origin' | 'createdBy'
>;

/** A slot to claim: the subscription, the slot's scheduled time (ISO 8601) and the newest article seq it covers. */
export interface SlotClaim {
  subscriptionId: number;
  slot: string;
  watermarkTo: number;
}

/**
 * A claim this process holds: the slot plus who claimed it and when. Owner and time together name this
 * one claim, so a later takeover of the same slot (even by the same owner) is a different claim.
 */
export interface HeldSlot extends SlotClaim {
  owner: string;
  /** when the claim was taken (ISO 8601) */
  claimedAt: string;
}

/**
 * Persistence for subscriptions and slot claims. Claims are atomic so one slot is posted once across processes.
 *
 * Ownership: a claim older than the lease is taken over by another process, while its first holder may still be
 * running. So every call that ends a claim says which claim it ends (a {@link HeldSlot}) and reports whether it
 * took effect:
 * - `releaseSlot` and `failSlot` act only while the slot is still claimed by that very claim; otherwise they
 *   change nothing (a late holder never frees the claim that took over, which would let a third process post).
 * - `completeSlot` with a message id records the slot done even when the claim was taken over or freed meanwhile:
 *   the message exists, and recording it keeps anyone from posting again. A slot already done keeps its first
 *   record (message, watermark and subscription state untouched). Without a message (nothing was posted) it
 *   acts only for the holder, since the process that took over decides afresh.
 */
export interface SubscriptionStore {
  add(sub: NewSubscription, now: Date, watermark: number): Promise<{ subscription: Subscription; created: boolean }>;
  remove(id: number): Promise<boolean>;
  get(id: number): Promise<Subscription | null>;
  forChannel(platform: string, channelId: string): Promise<Subscription[]>;
  all(): Promise<Subscription[]>;
  /** Replace the subscriptions declared in digests.json with `declared`; chat ones are untouched. */
  syncDeclared(declared: NewSubscription[], now: Date, watermark: number): Promise<{ added: number; removed: number }>;
  /**
   * Claim (subscription, slot) for posting. Returns null when it is done or another live claim holds it;
   * a claim older than `staleBefore` (a process that died or stalled mid-digest) is taken over. Atomic
   * across every process on the database.
   */
  claimSlot(claim: SlotClaim, owner: string, now: Date, staleBefore: Date): Promise<HeldSlot | null>;
  /**
   * The slot was delivered (`messageId`) or had nothing to deliver (null): record it done and move the
   * subscription's watermark and last success. True when this call recorded it; false when the slot was
   * already done, the subscription is gone, or (without a message) the claim is no longer held.
   */
  completeSlot(held: HeldSlot, messageId: string | null): Promise<boolean>;
  /** Delivery failed: free the slot for a later retry and record why. False (nothing changed) unless still held. */
  failSlot(held: HeldSlot, reason: string, retryAt: Date): Promise<boolean>;
  /** Free a claim without counting a failure (graceful shutdown before posting). False unless still held. */
  releaseSlot(held: HeldSlot): Promise<boolean>;
  /** Whether (subscription, slot) was already delivered. */
  isDone(subscriptionId: number, slot: string): Promise<boolean>;
}

// ---- live alerts

/** What a follow matches: a speaker's new quotes, new articles about some terms, or a feed's new articles. */
export type FollowKind = 'who' | 'topic' | 'source';

/** A channel's follow with its delivery state. Times are ISO 8601. */
export interface Follow {
  id: number;
  platform: 'discord' | 'slack';
  channelId: string;
  /** the Slack workspace (team id) the channel belongs to, where the deployment serves several; else null */
  workspaceId: string | null;
  kind: FollowKind;
  /** what is matched: a normalised name key, search terms, a feed URL, or an outlet name (`outlet:` prefix) */
  target: string;
  /** how it is shown: "Marco Rubio", "tariffs", the feed's name */
  label: string;
  /** a Discord role id or Slack user group id mentioned in each alert */
  ping: string | null;
  createdBy: string | null;
  createdAt: string;
  /** the newest article seq already delivered or passed over */
  watermark: number;
  lastSuccessAt: string | null;
  /** the last alert actually posted (at most one a minute) */
  lastPostedAt: string | null;
  failureCount: number;
  failureReason: string | null;
  retryAt: string | null;
}

export type NewFollow = Pick<
  Follow,
  'platform' | 'channelId' | 'workspaceId' | 'kind' | 'target' | 'label' | 'ping' | 'createdBy'
>;

/** One delivery of a follow: the articles after `fromSeq` (its watermark when claimed) up to `toSeq`. */
export interface FollowBatch {
  followId: number;
  fromSeq: number;
  toSeq: number;
}

/** A delivery this process holds: owner and claim time name this one claim, as for {@link HeldSlot}. */
export interface HeldBatch extends FollowBatch {
  owner: string;
  claimedAt: string;
}

/**
 * Follows and the claims on their deliveries, with the ownership rules of {@link SubscriptionStore}'s slots: a
 * delivery is keyed by (follow, watermark), so processes that see the same watermark claim the same delivery and
 * one posts it; completing it moves the watermark on, so the next delivery is a new key.
 */
export interface FollowStore {
  /** Add a follow starting after article `watermark`; an equal follow of the channel is returned as it is. */
  add(follow: NewFollow, now: Date, watermark: number): Promise<{ follow: Follow; created: boolean }>;
  remove(id: number): Promise<boolean>;
  get(id: number): Promise<Follow | null>;
  forChannel(platform: string, channelId: string): Promise<Follow[]>;
  all(): Promise<Follow[]>;
  /** Claim a delivery; null when it is done or another live claim holds it (one older than `staleBefore` is taken over). */
  claimBatch(batch: FollowBatch, owner: string, now: Date, staleBefore: Date): Promise<HeldBatch | null>;
  /**
   * The delivery was posted (`messageId`) or had nothing to post (null): record it done, move the watermark to
   * `toSeq` and clear failures; a posted one also sets the last post time. False as for `completeSlot`.
   */
  completeBatch(held: HeldBatch, messageId: string | null, now: Date): Promise<boolean>;
  /** Posting failed: free the delivery for a retry after `retryAt` and record why. False unless still held. */
  failBatch(held: HeldBatch, reason: string, retryAt: Date): Promise<boolean>;
  /** Free a claim without counting a failure. False unless still held. */
  releaseBatch(held: HeldBatch): Promise<boolean>;
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
  postDigest?(target: DigestTarget, reply: Reply): Promise<{ messageId: string }>;
  /**
   * Post a live alert into a channel as one message; `ping` (a Discord role id, a Slack user group id) is the
   * only mention it makes.
   */
  postAlert?(target: DigestTarget, reply: Reply, ping: string | null): Promise<{ messageId: string }>;
  /** Classify a postDigest or postAlert failure: permanent ones (channel gone, no permission) back off for long. */
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
