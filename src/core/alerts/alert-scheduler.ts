import pLimit from 'p-limit';
import type { StoredArticle } from '../articles/article.js';
import { backoffMs, describeDeliveryFailure } from '../digest/scheduler.js';
import { groupByStory, quoteFingerprint, type StoryEntryReads, storyQuotesOf } from '../digest/story-entries.js';
import { groupNameVariants } from '../name-groups.js';
import { normalizeName } from '../nlp/names.js';
import type {
  ArticleQueries,
  ArticleView,
  ChatAdapter,
  Clock,
  DigestArticles,
  FeedStore,
  Follow,
  FollowStore,
  HeldBatch,
  Logger,
} from '../ports.js';
import type { Reply } from '../reply.js';
import { nameKeysOfPeople } from '../store/article-writes.js';
import { composeArticleAlert, composeQuoteAlert, type QuoteHit } from './compose.js';
import { OUTLET_PREFIX } from './follow-service.js';

const MINUTE = 60_000;
/** How many new articles one delivery looks through; a longer backlog is delivered over the next minutes. */
const SCAN_LIMIT = 2000;

type AlertPoster = ChatAdapter & Required<Pick<ChatAdapter, 'postAlert'>>;

export interface AlertReport {
  posted: number;
  /** deliveries with nothing for the follow: its watermark moved on */
  passed: number;
  failed: number;
  /** deliveries another process had claimed (or delivered) first */
  claimedElsewhere: number;
  /** follows with news that wait for their minute between messages */
  waiting: number;
}

export interface AlertScheduler {
  /** Deliver what is new for every follow. Never throws. */
  tick(): Promise<AlertReport>;
  /** Tick now (delivering what arrived while the bot was down) and then every `intervalMs`. */
  start(intervalMs?: number): void;
  /** Tick soon, without waiting for the interval (new articles were just stored). */
  nudge(): void;
  /** Stop ticking; a delivery already posting is finished and recorded. */
  stop(): Promise<void>;
}

export interface AlertSchedulerOptions {
  follows: FollowStore;
  articles: DigestArticles;
  /** the feeds an article came from, for `source` follows and the outlets an alert lists */
  feeds?: Pick<FeedStore, 'sourcesOfArticle'> | undefined;
  adapters: ReadonlyMap<string, ChatAdapter>;
  /**
   * the stored people, so a followed speaker's quotes under their surname alone ("Lindqvist said") alert too, as
   * `/news who` lists them on one card (without it, only the speaker's own name keys match)
   */
  people?: Pick<ArticleQueries, 'peopleByKey'> | undefined;
  clock: Clock;
  logger: Logger;
  /** identifies this process in delivery claims */
  instanceId: string;
  /** a claim older than this belongs to a process that died mid-post and is taken over */
  claimLeaseMs?: number;
  /** at most one message per follow in this long (a burst waits and goes out as one message) */
  minGapMs?: number;
  concurrency?: number;
}

/** A new article as the matchers need it, loaded once per tick whatever the number of follows. */
interface NewArticle {
  view: ArticleView & { seq: number };
  stored: StoredArticle | null;
  /** the feeds it came from, by URL */
  feedUrls: string[];
  outlets: string[];
}

/**
 * Delivers live alerts the way digests are delivered: for each follow with articles after its watermark, the
 * delivery (follow, watermark) is claimed atomically in the database, so of several processes one posts it; what
 * matched is posted as one message and the watermark moves on. Articles are "new" by arrival (seq), so an old
 * article re-analysed never alerts, and what arrived while the bot was down goes out, collapsed, at start.
 */
export function createAlertScheduler(options: AlertSchedulerOptions): AlertScheduler {
  const { follows, articles, adapters, clock, logger, instanceId } = options;
  const lease = options.claimLeaseMs ?? 5 * MINUTE;
  const minGap = options.minGapMs ?? MINUTE;
  const limit = pLimit(Math.max(1, options.concurrency ?? 4));
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<AlertReport> | null = null;
  let again = false;
  let stopping = false;

  /**
   * The names `/news who` lists on one card with a followed speaker's (`target`, a name key): their surname alone or
   * after a courtesy title, and their name with a middle initial. Read once per delivery, as the store knows them now.
   */
  const sameSpeaker = async (target: string): Promise<ReadonlySet<string>> => {
    const surname = target.split(' ').at(-1);
    if (!options.people || !surname) return new Set();
    const groups = groupNameVariants(await options.people.peopleByKey(surname));
    const group = groups.find((members) => members.some((match) => match.personKey === target)) ?? [];
    return new Set(group.map((match) => match.personKey));
  };

  /** An article with its stored form and the feeds it came from. */
  const describeArticle = async (view: ArticleView & { seq: number }): Promise<NewArticle> => {
    const [stored, feeds] = await Promise.all([
      articles.getArticle(view.id),
      options.feeds?.sourcesOfArticle(view.id) ?? [],
    ]);
    const outlets = feeds.length > 0 ? feeds.map((f) => f.name) : view.source ? [view.source] : [];
    return { view, stored, feedUrls: feeds.map((f) => f.url), outlets };
  };

  const loadArticles = (from: number, to: number, cache: Map<number, Promise<NewArticle[]>>) => {
    // one read per range and tick, shared by every follow at that watermark
    let loaded = cache.get(from);
    if (!loaded) {
      loaded = (async () =>
        Promise.all((await articles.articlesAfterSeq(from, to, SCAN_LIMIT)).map(describeArticle)))();
      cache.set(from, loaded);
    }
    return loaded;
  };

  /** Whether an article (stored before this delivery) matched the follow, so an earlier alert carried it. */
  const matchedFollow = async (follow: Follow, view: ArticleView & { seq: number }): Promise<boolean> => {
    switch (follow.kind) {
      case 'who':
        return quoteHits(follow.target, await describeArticle(view), await sameSpeaker(follow.target)).length > 0;
      case 'topic':
        return (await articles.matchingSeqs(follow.target, view.seq - 1, view.seq, 1)).length > 0;
      case 'source':
        return fromSource(follow.target, await describeArticle(view));
    }
  };

  /**
   * A topic or source follow's matched articles as one entry per story; a story an earlier alert delivered comes
   * again only as an update bringing quotes not seen before in it (the digests' rule, shared with them).
   */
  const storyEntries = async (follow: Follow, matched: NewArticle[], watermark: number) => {
    const views = matched.map((article) => article.view);
    const ids = views.map((view) => view.id);
    const [quotes, stories] = await Promise.all([articles.topQuotes(ids), articles.storiesOf(ids)]);
    const reads: StoryEntryReads = {
      delivered: (article) => matchedFollow(follow, article),
      quotesOf: storyQuotesOf(articles),
    };
    return groupByStory(views, stories, watermark, quotes, reads);
  };

  /**
   * A followed speaker's new quotes, less those whose words an earlier alert of this follow already carried in the
   * same story (another outlet repeating them later).
   */
  const unsentQuotes = async (follow: Follow, fresh: NewArticle[], watermark: number): Promise<QuoteHit[]> => {
    const same = await sameSpeaker(follow.target);
    const found = fresh
      .map((article) => ({ article, hits: quoteHits(follow.target, article, same) }))
      .filter(({ hits }) => hits.length > 0);
    if (found.length === 0) return [];
    const stories = await articles.storiesOf(found.map(({ article }) => article.view.id));
    const sent = new Map<string, Set<number>>();
    const kept: QuoteHit[] = [];
    for (const { article, hits } of found) {
      const story = stories.get(article.view.id);
      if (!story) {
        kept.push(...hits);
        continue;
      }
      let seen = sent.get(story.id);
      if (!seen) {
        seen = new Set();
        for (const earlier of story.articles.filter((a) => a.seq <= watermark)) {
          for (const hit of quoteHits(follow.target, await describeArticle(earlier), same)) {
            seen.add(quoteFingerprint(hit.text));
          }
        }
        sent.set(story.id, seen);
      }
      const known = seen;
      kept.push(...hits.filter((hit) => !known.has(quoteFingerprint(hit.text))));
    }
    return kept;
  };

  /** What is new for a follow in the loaded articles, as the alert to post (null: nothing). */
  const compose = async (follow: Follow, fresh: NewArticle[], from: number, to: number): Promise<Reply | null> => {
    switch (follow.kind) {
      case 'who': {
        const hits = await unsentQuotes(follow, fresh, from);
        return hits.length > 0 ? composeQuoteAlert(follow.label, hits) : null;
      }
      case 'topic': {
        const first = fresh[0];
        if (!first) return null;
        const seqs = new Set(await articles.matchingSeqs(follow.target, first.view.seq - 1, to, SCAN_LIMIT));
        const matched = fresh.filter((article) => seqs.has(article.view.seq));
        if (matched.length === 0) return null;
        const entries = await storyEntries(follow, matched, from);
        return entries.length > 0 ? composeArticleAlert('topic', follow.label, entries) : null;
      }
      case 'source': {
        const matched = fresh.filter((article) => fromSource(follow.target, article));
        if (matched.length === 0) return null;
        const entries = await storyEntries(follow, matched, from);
        return entries.length > 0 ? composeArticleAlert('source', follow.label, entries) : null;
      }
    }
  };

  const deliver = async (
    listed: Follow,
    maxSeq: number,
    now: Date,
    report: AlertReport,
    cache: Map<number, Promise<NewArticle[]>>,
  ): Promise<void> => {
    if (stopping || listed.watermark >= maxSeq) return;
    if (listed.retryAt && Date.parse(listed.retryAt) > now.getTime()) return;
    const adapter = adapters.get(listed.platform);
    if (!canPost(adapter)) return;
    if (listed.lastPostedAt && Date.parse(listed.lastPostedAt) + minGap > now.getTime()) {
      report.waiting++;
      return;
    }
    const wanted = { followId: listed.id, fromSeq: listed.watermark, toSeq: maxSeq };
    const claim = await follows.claimBatch(wanted, instanceId, now, new Date(now.getTime() - lease));
    if (!claim) {
      report.claimedElsewhere++;
      return;
    }
    let posting = false;
    try {
      // another process may have delivered or removed it since we listed it: decide on fresh state
      const follow = await follows.get(listed.id);
      if (!follow || follow.watermark !== claim.fromSeq) {
        await follows.releaseBatch(claim);
        report.claimedElsewhere++;
        return;
      }
      const fresh = await loadArticles(claim.fromSeq, claim.toSeq, cache);
      const last = fresh.at(-1);
      // a backlog longer than one scan: this delivery covers what was scanned, the next one the rest
      const held: HeldBatch = fresh.length >= SCAN_LIMIT && last ? { ...claim, toSeq: last.view.seq } : claim;
      const reply = await compose(follow, fresh, held.fromSeq, held.toSeq);
      if (reply === null) {
        if (await follows.completeBatch(held, null, now)) report.passed++;
        else report.claimedElsewhere++;
        return;
      }
      posting = true;
      await post(adapter, follow, held, reply, now, report);
    } catch (error) {
      if (!posting) await follows.releaseBatch(claim).catch(() => undefined);
      throw error;
    }
  };

  const post = async (
    adapter: AlertPoster,
    follow: Follow,
    held: HeldBatch,
    reply: Reply,
    now: Date,
    report: AlertReport,
  ): Promise<void> => {
    let messageId: string;
    try {
      ({ messageId } = await adapter.postAlert(
        { channelId: follow.channelId, workspaceId: follow.workspaceId },
        reply,
        follow.ping,
      ));
    } catch (error) {
      const failure = describeDeliveryFailure(adapter, error);
      const retryAt = new Date(now.getTime() + backoffMs(failure.permanent, follow.failureCount));
      const recorded = await follows.failBatch(held, failure.reason, retryAt);
      report.failed++;
      logger.warn(
        {
          follow: follow.id,
          platform: follow.platform,
          reason: failure.reason,
          ...(recorded ? { retryAt: retryAt.toISOString() } : { claimTakenOver: true }),
        },
        'alert delivery failed',
      );
      return;
    }
    const recorded = await follows.completeBatch(held, messageId, now);
    report.posted++;
    const fields = { follow: follow.id, platform: follow.platform, kind: follow.kind, upTo: held.toSeq };
    if (recorded) logger.info(fields, 'alert posted');
    else logger.warn({ ...fields, messageId }, 'alert posted after another process had already delivered it');
  };

  const tick = async (): Promise<AlertReport> => {
    const report: AlertReport = { posted: 0, passed: 0, failed: 0, claimedElsewhere: 0, waiting: 0 };
    const now = clock.now();
    let listed: Follow[];
    let maxSeq: number;
    try {
      listed = await follows.all();
      if (listed.length === 0) return report;
      maxSeq = await articles.maxSeq();
    } catch (error) {
      logger.error({ err: describeError(error) }, 'follows could not be read');
      return report;
    }
    const cache = new Map<number, Promise<NewArticle[]>>();
    await Promise.all(
      listed.map((follow) =>
        limit(async () => {
          try {
            await deliver(follow, maxSeq, now, report, cache);
          } catch (error) {
            report.failed++;
            logger.error({ follow: follow.id, err: describeError(error) }, 'alert failed');
          }
        }),
      ),
    );
    return report;
  };

  const guardedTick = (): Promise<AlertReport> => {
    if (running) {
      again = true;
      return running;
    }
    running = tick().finally(() => {
      running = null;
      if (again && !stopping) {
        again = false;
        void guardedTick();
      }
    });
    return running;
  };

  return {
    tick: guardedTick,
    start(intervalMs = 2_000) {
      stopping = false;
      void guardedTick();
      timer = setInterval(() => void guardedTick(), intervalMs);
      timer.unref();
    },
    nudge() {
      if (timer !== undefined && !stopping) void guardedTick();
    },
    async stop() {
      stopping = true;
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

function canPost(adapter: ChatAdapter | undefined): adapter is AlertPoster {
  return adapter?.postAlert !== undefined;
}

/**
 * The quotes of an article said by the followed speaker: any of their name keys (full name, surname, alias), or a
 * name the store lists on their card (`same`).
 */
function quoteHits(target: string, article: NewArticle, same: ReadonlySet<string>): QuoteHit[] {
  const { stored } = article;
  if (!stored) return [];
  return stored.quotes.flatMap((quote) => {
    if (quote.speaker === null) return [];
    const person = stored.people.find((p) => p.name === quote.speaker);
    const keys = nameKeysOfPeople(person ? [person] : [{ name: quote.speaker, aliases: [], roles: [] }]);
    if (!keys.includes(target) && !same.has(normalizeName(quote.speaker))) return [];
    return [
      {
        text: quote.text,
        kind: quote.kind,
        speaker: quote.speaker,
        role: person?.roles[0] ?? null,
        article: stored,
        outlets: article.outlets,
      },
    ];
  });
}

/** Whether an article came from the followed feed (by URL) or outlet (by its source line or feed name). */
function fromSource(target: string, article: NewArticle): boolean {
  if (!target.startsWith(OUTLET_PREFIX)) return article.feedUrls.includes(target);
  const outlet = target.slice(OUTLET_PREFIX.length);
  return [article.view.source ?? '', ...article.outlets].some((name) => name.toLowerCase() === outlet);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
