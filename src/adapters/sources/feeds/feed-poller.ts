import pLimit from 'p-limit';
import type {
  AddSourceResult,
  ArticleAnalyzer,
  ArticleIngest,
  Clock,
  DeclaredSource,
  FeedSourceRecord,
  FeedStore,
  Logger,
  RemoveSourceResult,
  SourceAdmin,
  Summarizer,
  WorkClaims,
} from '../../../core/ports.js';
import { canonicalizeUrl } from './canonical-url.js';
import { createFeedClaims, feedPollKey } from './feed-claims.js';
import { type ItemIngestDeps, type ItemOutcome, ingestFeedItem } from './ingest-item.js';
import { FeedParseError, parseFeedDocument } from './parse-feed.js';
import { checkFetchableUrl, FetchError, type FetchFailureKind, type PoliteFetcher } from './polite-fetch.js';

/** Timer functions, injected so tests drive the schedule without sleeping. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface FeedPollerOptions {
  articles: ArticleIngest;
  feedStore: FeedStore;
  /** claims shared by every process on the database: each poll and each item is worked on by one */
  claims: WorkClaims;
  /** this process's name in claims (e.g. host:pid) */
  instanceId: string;
  fetcher: PoliteFetcher;
  clock: Clock;
  logger: Logger;
  summarizer?: Summarizer | undefined;
  /** where items are analysed (the worker pool); in-process when absent */
  analyzer?: ArticleAnalyzer | undefined;
  timers?: Timers;
  /** on a feed's first poll, items older than this are recorded but not ingested (default 24) */
  backlogHours?: number;
  /** consecutive failures after which a source is marked failing (default 5) */
  failingAfter?: number;
  /** longest wait between retries of a failing source (default 6 hours) */
  maxBackoffMs?: number;
  /** an item with less text than this is a teaser whose page is fetched (default 400) */
  teaserChars?: number;
  /**
   * polls running at once (default 8, below the default database pool of 10); a due source waits only
   * while that many others are being polled. Requests to one host are serialised by the fetcher anyway.
   */
  concurrency?: number;
  /** items that left a feed are forgotten after this many days (default 30) */
  itemRetentionDays?: number;
  /**
   * the longest the scheduler sleeps, so new and rescheduled sources are noticed (default 60 s); also how
   * long a source another process is polling is left alone before this one looks again
   */
  maxSleepMs?: number;
  /** allow sources on private and loopback addresses (the fetcher must allow them too) */
  allowPrivateAddresses?: boolean;
  /** a claim older than this belongs to a process that died and is taken over (default 10 min) */
  claimStaleMs?: number;
  /** told after a poll that stored or changed articles (live alerts look at once) */
  onStored?: () => void;
}

/**
 * The result of polling one source once. 'elsewhere': another process was polling it, or had just
 * polled it; 'stopped': the poller was stopped mid-feed, so the poll is not recorded and is redone.
 */
export interface PollOutcome {
  url: string;
  status: 'ok' | 'not-modified' | 'failed' | 'elsewhere' | 'stopped';
  /** items in the feed */
  items: number;
  added: number;
  updated: number;
  linked: number;
  backlog: number;
  /** items another process was storing at the time */
  elsewhere: number;
  /** items that could not be stored (logged); retried on the next poll */
  errors: number;
  reason: string | null;
  /** what kind of failure, when the poll failed: a fetch failure kind, or 'not-a-feed' */
  failure: FetchFailureKind | 'not-a-feed' | 'other' | null;
}

/** Polls feed sources on their schedules and manages them for chat commands. */
export interface FeedPoller extends SourceAdmin {
  /** start the schedule (resolves once the first wake-up is set): overdue sources are polled at once */
  start(): Promise<void>;
  /** stop scheduling, stop between items, and wait for polls in flight (which release their claims) */
  stop(): Promise<void>;
  /** resolves once no poll is in flight and no scheduling step is pending */
  idle(): Promise<void>;
  /** poll one source now, whatever its schedule (unless another process is polling it) */
  pollSource(url: string): Promise<PollOutcome>;
  /** poll every source that is due */
  pollDue(): Promise<PollOutcome[]>;
  /** make the file sources match sources.json (chat sources are left alone) */
  applySourcesFile(declared: readonly DeclaredSource[]): Promise<{ added: number; updated: number; removed: number }>;
}

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const DEFAULT_INTERVAL_MINUTES = 15;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // polling alone must not keep the process alive
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Create the feed poller. Each source is polled on its own interval with a conditional GET, started
 * when it is due whatever other polls are doing (no rounds: a slow feed never holds up another). A
 * failed poll is logged once per distinct reason, counted and retried with exponential backoff, and
 * after `failingAfter` consecutive failures the source is marked failing (shown by `/news sources`).
 * State lives in the feed store, so a restart resumes, and several processes on one database share
 * the work: a poll and each item are claimed first.
 */
export function createFeedPoller(options: FeedPollerOptions): FeedPoller {
  const { feedStore, fetcher, clock, logger } = options;
  const timers = options.timers ?? realTimers;
  const settings = {
    backlogMs: (options.backlogHours ?? 24) * HOUR_MS,
    failingAfter: options.failingAfter ?? 5,
    maxBackoffMs: options.maxBackoffMs ?? 6 * HOUR_MS,
    concurrency: Math.max(1, options.concurrency ?? 8),
    retentionMs: (options.itemRetentionDays ?? 30) * DAY_MS,
    maxSleepMs: options.maxSleepMs ?? 60_000,
    allowPrivate: options.allowPrivateAddresses ?? false,
  };
  const claims = createFeedClaims({
    claims: options.claims,
    owner: options.instanceId,
    clock,
    logger,
    staleMs: options.claimStaleMs ?? 10 * 60_000,
  });
  const itemDeps: ItemIngestDeps = {
    articles: options.articles,
    feedStore,
    claims,
    fetcher,
    logger,
    summarizer: options.summarizer,
    analyzer: options.analyzer,
    now: () => clock.now(),
    teaserChars: options.teaserChars ?? 400,
  };
  const inFlight = new Map<string, Promise<PollOutcome>>();
  // sources left alone until then (ms): another process was polling them, or their poll could not be recorded
  const heldUntil = new Map<string, number>();
  // polls that ended while the schedule was reading the sources: what it read of them may be stale
  let settledDuringRead: Set<string> | null = null;
  let timer: unknown = null;
  let stopped = true;
  // a stopped poller finishes the item in hand and leaves the rest of the feed for the next poll
  let halted = false;
  let scheduling: Promise<void> | null = null;
  let again: { startDue: boolean } | null = null;

  const pollSource = (url: string, dueOnly = false): Promise<PollOutcome> => {
    const current = inFlight.get(url);
    if (current) return current;
    const poll = pollClaimed(url, dueOnly).finally(() => {
      inFlight.delete(url);
      settledDuringRead?.add(url);
      // a slot is free: a source waiting for one starts now
      void reschedule(true);
    });
    inFlight.set(url, poll);
    return poll;
  };

  /** Poll under the source's claim, so two processes never fetch one feed at the same time. */
  const pollClaimed = async (url: string, dueOnly: boolean): Promise<PollOutcome> => {
    const claim = await claims.acquire(feedPollKey(url));
    if (!claim) return { ...emptyOutcome(url), status: 'elsewhere' };
    try {
      // read after claiming: another process may have just polled it
      const source = await feedStore.source(url);
      if (!source) return { ...emptyOutcome(url), status: 'failed', reason: 'unknown source', failure: 'other' };
      if (dueOnly && !isDue(source, clock.now())) return { ...emptyOutcome(url), status: 'elsewhere' };
      return await pollOnce(source, claim.keep);
    } finally {
      await claim.release();
    }
  };

  const pollOnce = async (source: FeedSourceRecord, keepClaim: () => Promise<void>): Promise<PollOutcome> => {
    const { url } = source;
    const outcome = emptyOutcome(url);
    const startedAt = clock.now();
    try {
      const result = await fetcher.get(url, {
        etag: source.etag,
        lastModified: source.lastModified,
        accept: FEED_ACCEPT,
      });
      if (result.notModified) {
        await feedStore.recordNotModified(url, nextPoll(source, clock.now()));
        logRecovery(source);
        return { ...outcome, status: 'not-modified' };
      }
      const feed = parseFeedDocument(result.body, url, result.contentType);
      const name = source.name ?? feed.title ?? new URL(url).hostname;
      const backlogBefore = startedAt.getTime() - settings.backlogMs;
      outcome.items = feed.items.length;
      for (const item of feed.items) {
        if (halted) return { ...outcome, status: 'stopped' };
        await keepClaim();
        const published = item.publishedAt === null ? null : Date.parse(item.publishedAt);
        const backlog = !source.baselined && (published === null || published < backlogBefore);
        countOutcome(outcome, await ingestItemSafely({ url, name }, item, backlog));
      }
      await feedStore.touchItems(
        url,
        feed.items.map((item) => item.id),
      );
      await feedStore.pruneItems(url, new Date(clock.now().getTime() - settings.retentionMs));
      // items left to another process or not stored: without validators the next poll reads the whole
      // feed again, so none is lost should that process die or the error pass
      const complete = outcome.elsewhere === 0 && outcome.errors === 0;
      await feedStore.recordSuccess(url, {
        etag: complete ? result.etag : null,
        lastModified: complete ? result.lastModified : null,
        feedTitle: feed.title,
        nextPollAt: nextPoll(source, clock.now()),
      });
      logRecovery(source);
      if (outcome.added + outcome.updated > 0) {
        const { added, updated, linked, backlog } = outcome;
        logger.info({ source: url, added, updated, linked, backlog }, 'feed polled');
        options.onStored?.();
      }
      return { ...outcome, status: 'ok' };
    } catch (error) {
      const reason = describeFailure(error);
      await recordFailure(source, reason, error);
      return { ...outcome, status: 'failed', reason, failure: failureKind(error) };
    }
  };

  /** One item's failure (a bug in analysis, say) is logged and skipped, never the whole feed. */
  const ingestItemSafely = async (
    source: { url: string; name: string },
    item: Parameters<typeof ingestFeedItem>[2],
    backlog: boolean,
  ): Promise<ItemOutcome | 'error'> => {
    try {
      return await ingestFeedItem(itemDeps, source, item, { backlog });
    } catch (error) {
      logger.error({ source: source.url, item: item.id, err: describeFailure(error) }, 'feed item could not be stored');
      return 'error';
    }
  };

  const recordFailure = async (source: FeedSourceRecord, reason: string, error: unknown) => {
    const failures = source.failureCount + 1;
    const backoff = Math.min(source.intervalMinutes * 60_000 * 2 ** (failures - 1), settings.maxBackoffMs);
    const retryAfter = error instanceof FetchError ? (error.retryAfterMs ?? 0) : 0;
    const nextPollAt = new Date(clock.now().getTime() + Math.max(backoff, Math.min(retryAfter, DAY_MS)));
    const result = await feedStore.recordFailure(source.url, {
      reason,
      nextPollAt,
      failingAfter: settings.failingAfter,
    });
    const fields = { source: source.url, reason, failures: result.failureCount, retryAt: nextPollAt.toISOString() };
    if (result.becameFailing) logger.warn(fields, 'feed source marked failing after repeated failures');
    else if (result.newReason) logger.warn(fields, 'feed poll failed');
    else logger.debug(fields, 'feed poll failed again');
  };

  const logRecovery = (source: FeedSourceRecord) => {
    if (source.failureCount > 0) {
      logger.info({ source: source.url, after: source.failureCount }, 'feed source recovered');
    }
  };

  const nextPoll = (source: FeedSourceRecord, from: Date) => new Date(from.getTime() + source.intervalMinutes * 60_000);

  const pollDue = async (): Promise<PollOutcome[]> => {
    const now = clock.now();
    const due = (await feedStore.sources()).filter((source) => isDue(source, now)).map((source) => source.url);
    const limit = pLimit(settings.concurrency);
    return Promise.all(due.map((url) => limit(() => pollSource(url, true))));
  };

  /** Start a due source's poll for the schedule, without waiting for it. */
  const startPoll = (url: string) => {
    void pollSource(url, true).then(
      (outcome) => {
        // another process holds the poll: look again after a while rather than at every wake-up
        if (outcome.status === 'elsewhere') heldUntil.set(url, clock.now().getTime() + settings.maxSleepMs);
      },
      (error: unknown) => {
        heldUntil.set(url, clock.now().getTime() + settings.maxSleepMs);
        logger.error({ source: url, err: describeFailure(error) }, 'feed poll could not be recorded; retrying shortly');
      },
    );
  };

  /**
   * One scheduling step: read the sources, start the due ones when `startDue` (earliest first, while
   * fewer than `concurrency` polls run) and sleep until the next one is due. Polls are not waited for;
   * each one reschedules when it ends, so every source keeps its own schedule.
   */
  const schedule = async (startDue: boolean): Promise<void> => {
    if (stopped) return;
    const settled = new Set<string>();
    settledDuringRead = settled;
    let sources: FeedSourceRecord[];
    try {
      sources = await feedStore.sources();
    } finally {
      settledDuringRead = null;
    }
    // decided after the read, in one synchronous step, so exactly one timer is left
    if (stopped) return;
    const now = clock.now().getTime();
    const due: { url: string; at: number }[] = [];
    let next = now + settings.maxSleepMs;
    for (const source of sources) {
      // a poll that ended during the read rescheduled its source after it; the step that follows sees that
      if (inFlight.has(source.url) || settled.has(source.url)) continue;
      const held = heldUntil.get(source.url) ?? 0;
      if (held <= now) heldUntil.delete(source.url);
      const at = Math.max(source.nextPollAt === null ? now : Date.parse(source.nextPollAt), held);
      if (at <= now) due.push({ url: source.url, at });
      else next = Math.min(next, at);
    }
    due.sort((a, b) => a.at - b.at);
    const free = settings.concurrency - inFlight.size;
    if (startDue) for (const { url } of due.slice(0, Math.max(0, free))) startPoll(url);
    // without a free slot, the due sources start when a poll ends
    else if (due.length > 0 && free > 0) next = now;
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(wake, Math.max(0, next - now));
  };

  /** Schedule, never rejecting: when the sources cannot be read, wake again after the longest sleep. */
  const scheduleSafely = (startDue: boolean) =>
    schedule(startDue).catch((error: unknown) => {
      logger.error({ err: describeFailure(error) }, 'feed schedule could not be read; retrying shortly');
      if (!stopped && timer === null) timer = timers.setTimeout(wake, settings.maxSleepMs);
    });

  /** Run a scheduling step, or one more after the step in progress: steps never overlap, so none acts on a stale read. */
  const reschedule = (startDue: boolean): Promise<void> => {
    if (stopped) return scheduling ?? Promise.resolve();
    if (scheduling) {
      again = { startDue: startDue || (again?.startDue ?? false) };
      return scheduling;
    }
    const run = async () => {
      let step: { startDue: boolean } | null = { startDue };
      try {
        while (step) {
          again = null;
          await scheduleSafely(step.startDue);
          step = again;
        }
      } finally {
        scheduling = null;
      }
    };
    scheduling = run();
    return scheduling;
  };

  const wake = () => {
    timer = null;
    void reschedule(true);
  };

  return {
    async start() {
      if (!stopped) return;
      stopped = false;
      halted = false;
      await reschedule(false);
    },
    async stop() {
      stopped = true;
      halted = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      await scheduling;
      await Promise.allSettled([...inFlight.values()]);
    },
    async idle() {
      // a poll that ends may start the next due one, so look again until nothing is left
      for (;;) {
        const pending = [...(scheduling ? [scheduling] : []), ...inFlight.values()];
        if (pending.length === 0) return;
        await Promise.allSettled(pending);
      }
    },
    pollSource: (url) => pollSource(url),
    pollDue,
    async applySourcesFile(declared) {
      const counts = await feedStore.applySourcesFile(declared);
      await reschedule(false);
      return counts;
    },
    list: () => feedStore.sources(),
    async add({ url, name, addedBy }): Promise<AddSourceResult> {
      const canonical = canonicalizeUrl(url);
      if (canonical === null) return { ok: false, reason: 'That is not an http(s) URL.' };
      try {
        checkFetchableUrl(canonical, settings.allowPrivate);
      } catch (error) {
        return { ok: false, reason: `That URL cannot be polled: ${describeFailure(error)}.` };
      }
      const existing = await feedStore.source(canonical);
      const status = await feedStore.upsertSource({
        url: canonical,
        name: name?.trim() || null,
        intervalMinutes: existing?.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES,
        origin: 'chat',
        addedBy: addedBy ?? null,
      });
      const poll = await pollSource(canonical);
      // a new source that is not a feed, or not allowed, is not kept: the user gets the reason instead
      if (status === 'added' && (poll.failure === 'not-a-feed' || poll.failure === 'blocked')) {
        await feedStore.removeSource(canonical);
        return { ok: false, reason: `That URL cannot be polled: ${poll.reason ?? 'unknown reason'}.` };
      }
      await reschedule(false);
      const source = await feedStore.source(canonical);
      if (!source) return { ok: false, reason: 'The source was removed while it was being added.' };
      return {
        ok: true,
        status,
        source,
        firstPoll: {
          ok: poll.status !== 'failed',
          busy: poll.status === 'elsewhere',
          items: poll.items,
          ingested: poll.added + poll.updated + poll.linked,
          reason: poll.reason,
        },
      };
    },
    async remove(url): Promise<RemoveSourceResult> {
      const canonical = canonicalizeUrl(url) ?? url.trim();
      const source = await feedStore.source(canonical);
      if (!source) return { ok: false, reason: 'not-found' };
      if (source.origin === 'file') return { ok: false, reason: 'file-source' };
      await feedStore.removeSource(canonical);
      await reschedule(false);
      return { ok: true, source };
    },
  };
}

function isDue(source: FeedSourceRecord, now: Date): boolean {
  return source.nextPollAt === null || Date.parse(source.nextPollAt) <= now.getTime();
}

function emptyOutcome(url: string): PollOutcome {
  return {
    url,
    status: 'ok',
    items: 0,
    added: 0,
    updated: 0,
    linked: 0,
    backlog: 0,
    elsewhere: 0,
    errors: 0,
    reason: null,
    failure: null,
  };
}

function countOutcome(outcome: PollOutcome, result: ItemOutcome | 'error'): void {
  if (result === 'added' || result === 'updated' || result === 'linked' || result === 'backlog') outcome[result]++;
  else if (result === 'elsewhere') outcome.elsewhere++;
  else if (result === 'error') outcome.errors++;
}

function failureKind(error: unknown): PollOutcome['failure'] {
  if (error instanceof FetchError) return error.kind;
  if (error instanceof FeedParseError) return error.kind === 'not-a-feed' ? 'not-a-feed' : 'other';
  return 'other';
}

/** A short, chat-safe reason for a failed poll. */
export function describeFailure(error: unknown): string {
  if (error instanceof FetchError || error instanceof FeedParseError) return error.message;
  if (error instanceof Error) return error.message.split('\n')[0]?.slice(0, 200) ?? 'unknown error';
  return String(error).slice(0, 200);
}
