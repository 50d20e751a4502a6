import pLimit from 'p-limit';
import { isNewsdeskError } from '../errors.js';
import { normalizeName, stripTitles } from '../nlp/names.js';
import type {
  ArticleView,
  ChatAdapter,
  Clock,
  DeliveryFailure,
  DigestArticles,
  HeldSlot,
  Logger,
  SlotClaim,
  Subscription,
  SubscriptionStore,
} from '../ports.js';
import type { Reply } from '../reply.js';
import { composeDigest, composeEmptyDigest, type DigestEntry } from './compose.js';
import { latestSlot, nextSlot } from './schedule.js';
import { groupByStory, storyQuotesOf } from './story-entries.js';

const MINUTE = 60_000;
/** A digest never lists more than this; the rest is one /news latest away. */
const MAX_ARTICLES = 40;
/** How many new articles one digest looks through for filter matches. */
const SCAN_LIMIT = 5000;

type DigestPoster = ChatAdapter & Required<Pick<ChatAdapter, 'postDigest'>>;

export interface TickReport {
  posted: number;
  empty: number;
  failed: number;
  /** slots another process had claimed (or delivered) first */
  claimedElsewhere: number;
  /** claims given back unposted because the scheduler was stopping */
  released: number;
}

export interface DigestScheduler {
  /** Deliver every slot that is due now (and the one catch-up slot after downtime). Never throws. */
  tick(): Promise<TickReport>;
  /** Tick now (the start-up catch-up) and then every `intervalMs`. */
  start(intervalMs?: number): void;
  /**
   * Stop ticking: deliveries already posting are finished and recorded; claims not yet posted are
   * released so another process can post them at once instead of after the claim lease.
   */
  stop(): Promise<void>;
}

export interface DigestSchedulerOptions {
  subscriptions: SubscriptionStore;
  articles: DigestArticles;
  adapters: ReadonlyMap<string, ChatAdapter>;
  clock: Clock;
  logger: Logger;
  /** identifies this process in slot claims */
  instanceId: string;
  /** post a short "nothing new" digest instead of staying silent */
  postEmpty?: boolean;
  /** a claim older than this belongs to a process that died mid-digest and is taken over */
  claimLeaseMs?: number;
  /** how many subscriptions are delivered at once (posting waits on the platform) */
  concurrency?: number;
}

/**
 * Delivers digests: for each subscription, the latest scheduled slot that is not yet delivered is
 * claimed atomically in the database (so of several processes exactly one posts it), composed once,
 * posted through the platform's adapter and marked done. Missed slots collapse into that one slot,
 * which covers everything since the last success.
 */
export function createDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const { subscriptions, articles, adapters, clock, logger, instanceId } = options;
  const lease = options.claimLeaseMs ?? 5 * MINUTE;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<TickReport> | null = null;
  let stopping = false;
  const nextDue = new Map<number, { key: string; at: number }>();

  /** The slot to deliver now, or null; cheap checks first, from the subscription as listed. */
  const dueSlot = (sub: Subscription, now: Date): string | null => {
    if (sub.retryAt && Date.parse(sub.retryAt) > now.getTime()) return null;
    const baseline = sub.lastSuccessAt ?? sub.createdAt;
    // cron arithmetic in a timezone is slow (milliseconds): compute the next due time once per baseline
    const key = `${baseline}|${sub.cron}|${sub.timezone}`;
    let due = nextDue.get(sub.id);
    if (due?.key !== key) {
      due = { key, at: nextSlot(sub.cron, sub.timezone, new Date(baseline))?.getTime() ?? Number.POSITIVE_INFINITY };
      nextDue.set(sub.id, due);
    }
    if (due.at > now.getTime()) return null;
    const slot = latestSlot(sub.cron, sub.timezone, now);
    return slot && slot.getTime() > Date.parse(baseline) ? slot.toISOString() : null;
  };

  const deliver = async (listed: Subscription, now: Date, report: TickReport): Promise<void> => {
    const slot = dueSlot(listed, now);
    if (!slot || stopping) return;
    const adapter = adapters.get(listed.platform);
    if (!canPost(adapter)) return;
    if (await subscriptions.isDone(listed.id, slot)) return;

    const wanted: SlotClaim = { subscriptionId: listed.id, slot, watermarkTo: await articles.maxSeq() };
    const claim = await subscriptions.claimSlot(wanted, instanceId, now, new Date(now.getTime() - lease));
    if (!claim) {
      report.claimedElsewhere++;
      return;
    }
    let posting = false;
    try {
      // another process may have delivered, failed or removed it since we listed it: decide on fresh state
      const sub = await subscriptions.get(listed.id);
      if (!sub || dueSlot(sub, now) !== slot) {
        await subscriptions.releaseSlot(claim);
        report.claimedElsewhere++;
        return;
      }
      const entries = await selectEntries(articles, sub, claim.watermarkTo);
      if (entries.length === 0 && !options.postEmpty) {
        // false: our claim went stale and was taken over, so its new holder decides
        if (await subscriptions.completeSlot(claim, null)) report.empty++;
        else report.claimedElsewhere++;
        return;
      }
      if (stopping) {
        if (await subscriptions.releaseSlot(claim)) {
          report.released++;
          logger.info({ subscription: sub.id, slot }, 'digest claim released at shutdown');
        } else report.claimedElsewhere++;
        return;
      }
      const reply =
        entries.length === 0
          ? composeEmptyDigest({ since: sub.lastSuccessAt })
          : composeDigest(entries, { since: sub.lastSuccessAt, now });
      posting = true;
      await post(adapter, sub, claim, reply, entries.length, now, report);
    } catch (error) {
      // not posted: give the slot back now rather than after the lease
      if (!posting) await subscriptions.releaseSlot(claim).catch(() => undefined);
      throw error;
    }
  };

  const post = async (
    adapter: DigestPoster,
    sub: Subscription,
    claim: HeldSlot,
    reply: Reply,
    articleCount: number,
    now: Date,
    report: TickReport,
  ): Promise<void> => {
    let messageId: string;
    try {
      ({ messageId } = await adapter.postDigest({ channelId: sub.channelId, workspaceId: sub.workspaceId }, reply));
    } catch (error) {
      const failure = describeDeliveryFailure(adapter, error);
      const retryAt = new Date(now.getTime() + backoffMs(failure.permanent, sub.failureCount));
      // not recorded when our claim went stale and was taken over: the new holder's outcome counts
      const recorded = await subscriptions.failSlot(claim, failure.reason, retryAt);
      report.failed++;
      logger.warn(
        {
          subscription: sub.id,
          platform: sub.platform,
          reason: failure.reason,
          ...(recorded ? { retryAt: retryAt.toISOString() } : { claimTakenOver: true }),
        },
        'digest delivery failed',
      );
      return;
    }
    const recorded = await subscriptions.completeSlot(claim, messageId);
    report.posted++;
    const fields = { subscription: sub.id, platform: sub.platform, slot: claim.slot, articles: articleCount };
    // the slot was delivered while our post ran past the claim lease: the channel got it twice
    if (recorded) logger.info(fields, 'digest posted');
    else logger.warn({ ...fields, messageId }, 'digest posted after another process had already delivered the slot');
  };

  const tick = async (): Promise<TickReport> => {
    const report: TickReport = { posted: 0, empty: 0, failed: 0, claimedElsewhere: 0, released: 0 };
    const now = clock.now();
    let listed: Subscription[];
    try {
      listed = await subscriptions.all();
    } catch (error) {
      logger.error({ err: describeError(error) }, 'digest subscriptions could not be read');
      return report;
    }
    const limit = pLimit(concurrency);
    await Promise.all(
      listed.map((sub) =>
        limit(async () => {
          if (stopping) return;
          try {
            await deliver(sub, now, report);
          } catch (error) {
            report.failed++;
            logger.error({ subscription: sub.id, err: describeError(error) }, 'digest failed');
          }
        }),
      ),
    );
    return report;
  };

  const guardedTick = (): Promise<TickReport> => {
    running ??= tick().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    tick: guardedTick,
    start(intervalMs = 30_000) {
      stopping = false;
      void guardedTick();
      timer = setInterval(() => void guardedTick(), intervalMs);
      timer.unref();
    },
    async stop() {
      stopping = true;
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

function canPost(adapter: ChatAdapter | undefined): adapter is DigestPoster {
  return adapter?.postDigest !== undefined;
}

/** New articles for a subscription, filtered, newest last, capped; each with its best quote. */
async function selectEntries(articles: DigestArticles, sub: Subscription, upTo: number): Promise<DigestEntry[]> {
  const fresh = await articles.articlesAfterSeq(sub.watermark, upTo, SCAN_LIMIT);
  const matching: ArticleView[] = [];
  for (const article of fresh) {
    if (await matches(articles, article, sub)) matching.push(article);
  }
  const chosen = matching.slice(-MAX_ARTICLES);
  const ids = chosen.map((article) => article.id);
  const [quotes, stories] = await Promise.all([articles.topQuotes(ids), articles.storiesOf(ids)]);
  // one entry per story; a story an earlier digest delivered comes again only with quotes not seen before
  return groupByStory(chosen, stories, sub.watermark, quotes, {
    delivered: (article) => matches(articles, article, sub),
    quotesOf: storyQuotesOf(articles),
  });
}

async function matches(articles: DigestArticles, article: ArticleView, sub: Subscription): Promise<boolean> {
  const { people, keywords } = sub.filter;
  if (people.length > 0) {
    const keys = new Set(await articles.nameKeysOf(article.id));
    if (!people.some((p) => keys.has(normalizeName(stripTitles(p))))) return false;
  }
  if (keywords.length > 0) {
    const stored = await articles.getArticle(article.id);
    // padded so keywords match whole words: "war" does not match "award"
    const text = ` ${normalizeName([article.title, ...article.summary, ...(stored?.paragraphs.map((p) => p.text) ?? [])].join(' '))} `;
    if (!keywords.some((k) => text.includes(` ${normalizeName(k)} `))) return false;
  }
  return true;
}

/** Why a post failed, as the adapter classifies it (permanent: back off for hours), else from the error. */
export function describeDeliveryFailure(adapter: ChatAdapter, error: unknown): DeliveryFailure {
  const described = adapter.describeFailure?.(error);
  if (described) return described;
  const reason = isNewsdeskError(error) ? error.userMessage : error instanceof Error ? error.message : String(error);
  return { permanent: false, reason: reason.slice(0, 200) };
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Transient failures retry within minutes; a gone channel or missing permission backs off for hours. */
export function backoffMs(permanent: boolean, failures: number): number {
  const base = permanent ? 60 * MINUTE : 5 * MINUTE;
  const cap = permanent ? 24 * 60 * MINUTE : 60 * MINUTE;
  return Math.min(cap, base * 2 ** Math.min(failures, 10));
}
