import { isNewsdeskError } from '../errors.js';
import { normalizeName, stripTitles } from '../nlp/names.js';
import type { ArticleStore, ArticleView, ChatAdapter, Clock, DeliveryFailure, Logger } from '../ports.js';
import { composeDigest, composeEmptyDigest, type DigestEntry } from './compose.js';
import { latestSlot, nextSlot } from './schedule.js';
import type { SlotClaim, Subscription, SubscriptionStore } from './subscription-store.js';

const MINUTE = 60_000;
/** A digest never lists more than this; the rest is one /news latest away. */
const MAX_ARTICLES = 40;

export interface TickReport {
  posted: number;
  empty: number;
  failed: number;
  claimedElsewhere: number;
}

export interface DigestScheduler {
  /** Deliver every slot that is due now (and the one catch-up slot after downtime). Never throws. */
  tick(): Promise<TickReport>;
  /** Tick now (the start-up catch-up) and then every `intervalMs`. */
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

export interface DigestSchedulerOptions {
  subscriptions: SubscriptionStore;
  articles: ArticleStore;
  adapters: ReadonlyMap<string, ChatAdapter>;
  clock: Clock;
  logger: Logger;
  /** identifies this process in slot claims */
  instanceId: string;
  /** post a short "nothing new" digest instead of staying silent */
  postEmpty?: boolean;
  /** a claim older than this belongs to a process that died mid-digest and is taken over */
  claimLeaseMs?: number;
}

/**
 * Delivers digests: for each subscription, the latest scheduled slot that is not yet delivered is
 * claimed in a transaction, composed once, posted through the platform's adapter and marked done.
 * Missed slots collapse into that one slot, which covers everything since the last success.
 */
export function createDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const { subscriptions, articles, adapters, clock, logger } = options;
  const lease = options.claimLeaseMs ?? 5 * MINUTE;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<TickReport> | null = null;
  const nextDue = new Map<number, { key: string; at: number }>();

  const deliver = async (sub: Subscription, now: Date, report: TickReport): Promise<void> => {
    if (sub.retryAt && Date.parse(sub.retryAt) > now.getTime()) return;
    const baseline = sub.lastSuccessAt ?? sub.createdAt;
    // cron arithmetic in a timezone is slow (milliseconds): compute the next due time once per baseline
    const key = `${baseline}|${sub.cron}|${sub.timezone}`;
    let due = nextDue.get(sub.id);
    if (due?.key !== key) {
      due = { key, at: nextSlot(sub.cron, sub.timezone, new Date(baseline))?.getTime() ?? Number.POSITIVE_INFINITY };
      nextDue.set(sub.id, due);
    }
    if (due.at > now.getTime()) return;
    const slot = latestSlot(sub.cron, sub.timezone, now);
    if (!slot || slot.getTime() <= Date.parse(baseline) || subscriptions.isDone(sub.id, slot.toISOString())) return;
    const adapter = adapters.get(sub.platform);
    if (!adapter?.postDigest) return;

    const wanted: SlotClaim = { subscriptionId: sub.id, slot: slot.toISOString(), watermarkTo: articles.maxSeq() };
    const claim = subscriptions.claimSlot(wanted, options.instanceId, now, new Date(now.getTime() - lease));
    if (!claim) {
      report.claimedElsewhere++;
      return;
    }
    const entries = selectEntries(articles, sub, claim.watermarkTo);
    if (entries.length === 0 && !options.postEmpty) {
      subscriptions.completeSlot(claim, null);
      report.empty++;
      return;
    }
    const reply =
      entries.length === 0
        ? composeEmptyDigest({ since: sub.lastSuccessAt })
        : composeDigest(entries, { since: sub.lastSuccessAt, now });
    try {
      const { messageId } = await adapter.postDigest(sub.channelId, reply);
      subscriptions.completeSlot(claim, messageId);
      report.posted++;
      logger.info(
        { subscription: sub.id, platform: sub.platform, slot: claim.slot, articles: entries.length },
        'digest posted',
      );
    } catch (error) {
      const failure = describe(adapter, error);
      const retryAt = new Date(now.getTime() + backoffMs(failure.permanent, sub.failureCount));
      subscriptions.failSlot(claim, failure.reason, retryAt);
      report.failed++;
      logger.warn(
        { subscription: sub.id, platform: sub.platform, reason: failure.reason, retryAt: retryAt.toISOString() },
        'digest delivery failed',
      );
    }
  };

  const tick = async (): Promise<TickReport> => {
    const report: TickReport = { posted: 0, empty: 0, failed: 0, claimedElsewhere: 0 };
    const now = clock.now();
    for (const sub of subscriptions.all()) {
      try {
        await deliver(sub, now, report);
      } catch (error) {
        report.failed++;
        logger.error(
          { subscription: sub.id, err: error instanceof Error ? error.message : String(error) },
          'digest failed',
        );
      }
    }
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
      void guardedTick();
      timer = setInterval(() => void guardedTick(), intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** New articles for a subscription, filtered, newest last, capped; each with its best quote. */
function selectEntries(articles: ArticleStore, sub: Subscription, upTo: number): DigestEntry[] {
  const fresh = articles.articlesAfterSeq(sub.watermark, upTo, 5000).filter((a) => matches(articles, a, sub));
  return fresh.slice(-MAX_ARTICLES).map((article) => ({ article, quote: articles.topQuote(article.id) }));
}

function matches(articles: ArticleStore, article: ArticleView, sub: Subscription): boolean {
  const { people, keywords } = sub.filter;
  if (people.length > 0) {
    const keys = new Set(articles.nameKeysOf(article.id));
    if (!people.some((p) => keys.has(normalizeName(stripTitles(p))))) return false;
  }
  if (keywords.length > 0) {
    const stored = articles.getArticle(article.id);
    // padded so keywords match whole words: "war" does not match "award"
    const text = ` ${normalizeName([article.title, ...article.summary, ...(stored?.paragraphs.map((p) => p.text) ?? [])].join(' '))} `;
    if (!keywords.some((k) => text.includes(` ${normalizeName(k)} `))) return false;
  }
  return true;
}

function describe(adapter: ChatAdapter, error: unknown): DeliveryFailure {
  const described = adapter.describeFailure?.(error);
  if (described) return described;
  const reason = isNewsdeskError(error) ? error.userMessage : error instanceof Error ? error.message : String(error);
  return { permanent: false, reason: reason.slice(0, 200) };
}

/** Transient failures retry within minutes; a gone channel or missing permission backs off for hours. */
export function backoffMs(permanent: boolean, failures: number): number {
  const base = permanent ? 60 * MINUTE : 5 * MINUTE;
  const cap = permanent ? 24 * 60 * MINUTE : 60 * MINUTE;
  return Math.min(cap, base * 2 ** Math.min(failures, 10));
}
