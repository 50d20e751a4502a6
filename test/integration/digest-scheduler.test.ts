import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteArticleStore } from '../../src/adapters/store/sqlite/article-store.js';
import { createSqliteFollowStore } from '../../src/adapters/store/sqlite/follow-store.js';
import { createSqliteSubscriptionStore } from '../../src/adapters/store/sqlite/subscription-store.js';
import { createSqliteWorkClaims } from '../../src/adapters/store/sqlite/work-claims.js';
import { parseSchedule } from '../../src/core/digest/schedule.js';
import { createDigestScheduler } from '../../src/core/digest/scheduler.js';
import type { AnalyzedArticle, ArticleStore, SubscriptionStore } from '../../src/core/ports.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { holdNextCall, RecordingAdapter } from '../fakes/recording-adapter.js';
import { madeUpWords, storyArticles } from '../fixtures/story-articles.js';
import { makeArticle } from '../helpers/article-store-contract.js';
import { followStoreContract } from '../helpers/follow-store-contract.js';
import { subscriptionStoreContract } from '../helpers/subscription-store-contract.js';
import { createTestLogger } from '../helpers/test-logger.js';
import { workClaimsContract } from '../helpers/work-claims-contract.js';

const HOUR = 3_600_000;

let opened: SqliteArticleStore[] = [];
afterEach(async () => {
  for (const store of opened) await store.close();
  opened = [];
});

// the shared contracts on SQLite; stores-postgres.test.ts runs them on PostgreSQL
subscriptionStoreContract('SQLite', async () => {
  const store = openSqliteStore({ path: ':memory:', clock: new FixedClock() });
  return { store: createSqliteSubscriptionStore(store.db), close: () => store.close() };
});
followStoreContract('SQLite', async () => {
  const store = openSqliteStore({ path: ':memory:', clock: new FixedClock() });
  return { store: createSqliteFollowStore(store.db), close: () => store.close() };
});
workClaimsContract('SQLite', async () => {
  const store = openSqliteStore({ path: ':memory:', clock: new FixedClock() });
  return { claims: createSqliteWorkClaims(store.db), close: () => store.close() };
});

function article(n: number, title = `Story ${madeUpWords(n, 4)}`): AnalyzedArticle {
  const people = title.includes('Rubio') ? [{ name: 'Marco Rubio', aliases: ['Rubio'], roles: [] }] : [];
  return makeArticle(`id${n}`, title, { people });
}

interface SetupOptions {
  path?: string;
  clock?: FixedClock;
  postEmpty?: boolean;
  instanceId?: string;
  /** wrap the stores the scheduler sees (to hold it at a chosen call) */
  wrap?: (stores: { articles: ArticleStore; subscriptions: SubscriptionStore }) => {
    articles?: ArticleStore;
    subscriptions?: SubscriptionStore;
  };
}

function setup(options: SetupOptions = {}) {
  const clock = options.clock ?? new FixedClock('2026-03-27T12:00:00Z');
  const articles = openSqliteStore({ path: options.path ?? ':memory:', clock });
  opened.push(articles);
  const subscriptions = createSqliteSubscriptionStore(articles.db);
  const discord = new RecordingAdapter('discord');
  const slack = new RecordingAdapter('slack');
  const seen = options.wrap?.({ articles, subscriptions }) ?? {};
  const logger = createTestLogger();
  const scheduler = createDigestScheduler({
    subscriptions: seen.subscriptions ?? subscriptions,
    articles: seen.articles ?? articles,
    adapters: new Map([
      ['discord', discord],
      ['slack', slack],
    ]),
    clock,
    logger,
    instanceId: options.instanceId ?? 'test',
    postEmpty: options.postEmpty ?? false,
  });
  let file = 0;
  const addArticles = (...items: AnalyzedArticle[]) => {
    file++;
    return articles.applyFiles([
      { record: { path: `f${file}.txt`, size: 1, mtimeMs: 1, hash: `h${file}` }, articles: items },
    ]);
  };
  return { clock, articles, subscriptions, discord, slack, logger, scheduler, addArticles };
}

async function subscribe(
  subscriptions: SubscriptionStore,
  articles: ArticleStore,
  clock: FixedClock,
  text: string,
  platform: 'discord' | 'slack' = 'discord',
  channelId = 'C1',
) {
  const parsed = parseSchedule(text.split(' '), { defaultTimezone: 'UTC' });
  if (!parsed.ok) throw new Error(parsed.error);
  const workspaceId = platform === 'slack' ? 'T0TEAM' : null;
  const added = await subscriptions.add(
    { platform, channelId, workspaceId, ...parsed.value, origin: 'chat', createdBy: 'u1' },
    clock.now(),
    await articles.maxSeq(),
  );
  return added.subscription;
}

/** Whether `promise` has settled once everything already queued has run (no timers involved). */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('digest scheduler', () => {
  it('posts a daily digest at 08:00 local time in two timezones across their DST changes, once a day', async () => {
    const { clock, articles, subscriptions, discord, slack, scheduler, addArticles } = setup({
      clock: new FixedClock('2026-03-06T12:00:00Z'),
    });
    await subscribe(subscriptions, articles, clock, 'daily 08:00 Europe/Berlin', 'discord');
    await subscribe(subscriptions, articles, clock, 'daily 08:00 America/New_York', 'slack');
    const berlin: string[] = [];
    const newYork: string[] = [];
    // walk 30 days in 30-minute steps, with a new article every day
    for (let step = 0; step < 30 * 48; step++) {
      clock.advance(30 * 60_000);
      if (step % 48 === 0) await addArticles(article(step));
      const before = [discord.posts.length, slack.posts.length];
      await scheduler.tick();
      if (discord.posts.length > (before[0] ?? 0)) berlin.push(clock.now().toISOString());
      if (slack.posts.length > (before[1] ?? 0)) newYork.push(clock.now().toISOString());
    }
    expect(berlin).toHaveLength(30);
    expect(newYork).toHaveLength(30);
    // Berlin: 07:00 UTC in winter, 06:00 UTC from 29 March (CEST)
    expect(berlin).toContain('2026-03-28T07:00:00.000Z');
    expect(berlin).toContain('2026-03-29T06:00:00.000Z');
    // New York: 13:00 UTC until 8 March (EST), 12:00 UTC after (EDT)
    expect(newYork).toContain('2026-03-07T13:00:00.000Z');
    expect(newYork).toContain('2026-03-09T12:00:00.000Z');
    expect(new Set(berlin.map((t) => t.slice(0, 10))).size).toBe(30);
  });

  it('posts to the channel and workspace the subscription names', async () => {
    const { clock, articles, subscriptions, slack, scheduler, addArticles } = setup();
    await subscribe(subscriptions, articles, clock, 'hourly', 'slack', 'C0NEWS');
    await addArticles(article(1));
    clock.advance(HOUR);
    await scheduler.tick();
    expect(slack.posts.map(({ channelId, workspaceId }) => ({ channelId, workspaceId }))).toEqual([
      { channelId: 'C0NEWS', workspaceId: 'T0TEAM' },
    ]);
  });

  it('posts nothing when nothing is new, or a short note when asked to', async () => {
    const quiet = setup();
    await subscribe(quiet.subscriptions, quiet.articles, quiet.clock, 'hourly');
    quiet.clock.advance(HOUR);
    expect(await quiet.scheduler.tick()).toMatchObject({ posted: 0, empty: 1 });
    expect(quiet.discord.posts).toEqual([]);

    const chatty = setup({ postEmpty: true });
    await subscribe(chatty.subscriptions, chatty.articles, chatty.clock, 'hourly');
    chatty.clock.advance(HOUR);
    await chatty.scheduler.tick();
    expect(chatty.discord.posts[0]?.reply.blocks).toEqual([{ type: 'text', text: 'Nothing new.' }]);
  });

  it('covers only what arrived since the last digest and matches the filters', async () => {
    const { clock, articles, subscriptions, discord, scheduler, addArticles } = setup();
    await addArticles(article(1, 'Old news before subscribing'));
    await subscribe(subscriptions, articles, clock, 'hourly who:Rubio');
    await addArticles(
      article(2, 'Rubio meets NATO allies in Warsaw to discuss air defence spending'),
      article(3, 'Weather turns cold'),
    );
    clock.advance(HOUR);
    await scheduler.tick();
    expect(discord.posts).toHaveLength(1);
    const titles = discord.posts[0]?.reply.blocks.flatMap((b) => (b.type === 'article' ? [b.title] : []));
    expect(titles).toEqual(['Rubio meets NATO allies in Warsaw to discuss air defence spending']);
    await addArticles(article(4, 'Rubio flies home to Florida as hurricane season begins'));
    clock.advance(HOUR);
    await scheduler.tick();
    const second = discord.posts[1]?.reply.blocks.flatMap((b) => (b.type === 'article' ? [b.title] : []));
    expect(second).toEqual(['Rubio flies home to Florida as hurricane season begins']);
  });

  it('lists one entry per story, and delivers a story again only as an update bringing new quotes', async () => {
    const { clock, articles, subscriptions, discord, scheduler, addArticles } = setup();
    await subscribe(subscriptions, articles, clock, 'hourly');
    const [herald, wire, gazette, , post, courier] = storyArticles();
    await addArticles(herald!, wire!, gazette!);
    clock.advance(HOUR);
    await scheduler.tick();
    const entries = (n: number) =>
      discord.posts[n]?.reply.blocks.flatMap((b) =>
        b.type === 'article' ? [{ title: b.title, outlets: b.outlets, quote: b.quote?.text }] : [],
      );
    expect(discord.posts[0]?.reply.title).toBe('News digest: 2 new stories');
    expect(entries(0)).toEqual([
      { title: herald!.title, outlets: ['Herald', 'Gazette'], quote: 'The water rose faster than anyone expected' },
      { title: wire!.title, outlets: undefined, quote: undefined },
    ]);
    // the Post joins the bank story with no quote of its own: nothing new to deliver
    await addArticles(post!);
    clock.advance(HOUR);
    await scheduler.tick();
    expect(discord.posts).toHaveLength(1);
    // the Courier joins the flood story with a quote not seen before: an update
    await addArticles(courier!);
    clock.advance(HOUR);
    await scheduler.tick();
    expect(entries(1)).toEqual([
      {
        title: `Update: ${courier!.title}`,
        outlets: ['Herald', 'Gazette', 'Courier'],
        quote: 'We will rebuild every street',
      },
    ]);
  });

  it('does not re-post a slot after a restart on the same database', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'newsdesk-digest-')), 'n.db');
    const first = setup({ path });
    await subscribe(first.subscriptions, first.articles, first.clock, 'daily 08:00');
    await first.addArticles(article(1));
    first.clock.set('2026-03-28T08:30:00Z');
    await first.scheduler.tick();
    expect(first.discord.posts).toHaveLength(1);
    const second = setup({ path, clock: new FixedClock('2026-03-28T13:00:00Z') });
    expect(await second.scheduler.tick()).toMatchObject({ posted: 0 });
    expect(second.discord.posts).toEqual([]);
  });

  it('posts each slot once when two schedulers share one database', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'newsdesk-digest-')), 'n.db');
    const clock = new FixedClock('2026-03-27T12:00:00Z');
    const a = setup({ path, clock, instanceId: 'a' });
    const b = setup({ path, clock, instanceId: 'b' });
    await subscribe(a.subscriptions, a.articles, clock, 'hourly');
    for (let hour = 0; hour < 5; hour++) {
      await a.addArticles(article(hour));
      clock.advance(HOUR);
      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    }
    expect(a.discord.posts.length + b.discord.posts.length).toBe(5);
  });

  it('sends one catch-up digest after a three-day outage, covering everything since the last success', async () => {
    const { clock, articles, subscriptions, discord, scheduler, addArticles } = setup();
    await subscribe(subscriptions, articles, clock, 'daily 08:00');
    await addArticles(article(1));
    clock.set('2026-03-28T08:00:00Z');
    await scheduler.tick();
    for (let day = 0; day < 3; day++) await addArticles(article(10 + day));
    clock.set('2026-03-31T15:00:00Z');
    await scheduler.tick();
    await scheduler.tick();
    expect(discord.posts).toHaveLength(2);
    expect(discord.posts[1]?.reply.blocks.filter((b) => b.type === 'article')).toHaveLength(3);
  });

  it('marks a failing channel, backs off, and clears the failure on the next success', async () => {
    const { clock, articles, subscriptions, discord, scheduler, addArticles } = setup();
    const sub = await subscribe(subscriptions, articles, clock, 'hourly');
    await addArticles(article(1));
    discord.failWith = {
      error: new Error('Missing Permissions'),
      failure: { permanent: true, reason: 'missing permission (50013)' },
    };
    clock.advance(HOUR);
    expect(await scheduler.tick()).toMatchObject({ failed: 1 });
    expect(await subscriptions.get(sub.id)).toMatchObject({
      failureReason: 'missing permission (50013)',
      failureCount: 1,
    });
    // within the back-off: no retry
    clock.advance(10 * 60_000);
    expect(await scheduler.tick()).toMatchObject({ failed: 0, posted: 0 });
    discord.failWith = null;
    clock.advance(2 * HOUR);
    expect(await scheduler.tick()).toMatchObject({ posted: 1 });
    expect(await subscriptions.get(sub.id)).toMatchObject({ failureReason: null, failureCount: 0 });
  });

  it('retries a slot claimed by a process that died before marking it done', async () => {
    const { clock, articles, subscriptions, discord, scheduler, addArticles } = setup();
    const sub = await subscribe(subscriptions, articles, clock, 'daily 08:00');
    await addArticles(article(1));
    clock.set('2026-03-28T08:00:00Z');
    const slot = '2026-03-28T08:00:00.000Z';
    expect(
      await subscriptions.claimSlot({ subscriptionId: sub.id, slot, watermarkTo: 1 }, 'dead', clock.now(), new Date(0)),
    ).not.toBeNull();
    expect(await scheduler.tick()).toMatchObject({ posted: 0, claimedElsewhere: 1 });
    expect(discord.posts).toEqual([]);
    clock.advance(6 * 60_000);
    await scheduler.tick();
    expect(discord.posts).toHaveLength(1);
    expect(await subscriptions.isDone(sub.id, slot)).toBe(true);
  });

  it('finishes a digest being posted when stopped, and records it', async () => {
    const { clock, articles, subscriptions, discord, scheduler, addArticles } = setup();
    const sub = await subscribe(subscriptions, articles, clock, 'hourly');
    await addArticles(article(1));
    clock.set('2026-03-27T13:00:00Z');
    const held = discord.holdNext();
    const ticking = scheduler.tick();
    await held.started;
    const stopping = scheduler.stop();
    expect(await isSettled(stopping)).toBe(false);
    held.release();
    await stopping;
    expect(await ticking).toMatchObject({ posted: 1, released: 0 });
    expect(discord.posts).toHaveLength(1);
    expect(await subscriptions.isDone(sub.id, '2026-03-27T13:00:00.000Z')).toBe(true);
  });

  it('releases a claimed digest it has not started posting when stopped, so another process posts it at once', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'newsdesk-digest-')), 'n.db');
    const clock = new FixedClock('2026-03-27T12:00:00Z');
    let holdCompose: ReturnType<typeof holdNextCall<ArticleStore>> | undefined;
    const a = setup({
      path,
      clock,
      instanceId: 'a',
      // hold "a" between its claim and its post: composing reads the new articles
      wrap: ({ articles }) => {
        holdCompose = holdNextCall(articles, 'articlesAfterSeq');
        return { articles: holdCompose.proxy };
      },
    });
    const b = setup({ path, clock, instanceId: 'b' });
    await subscribe(a.subscriptions, a.articles, clock, 'hourly');
    await a.addArticles(article(1));
    clock.advance(HOUR);
    const ticking = a.scheduler.tick();
    await holdCompose?.held.started;
    expect(await b.scheduler.tick()).toMatchObject({ posted: 0, claimedElsewhere: 1 });
    const stopping = a.scheduler.stop();
    holdCompose?.held.release();
    await stopping;
    expect(await ticking).toMatchObject({ posted: 0, released: 1 });
    // no lease to wait out: the clock has not moved
    expect(await b.scheduler.tick()).toMatchObject({ posted: 1 });
    expect(a.discord.posts).toEqual([]);
    expect(b.discord.posts).toHaveLength(1);
  });

  it('does not retry a digest another process failed a moment ago before its back-off', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'newsdesk-digest-')), 'n.db');
    const clock = new FixedClock('2026-03-27T12:00:00Z');
    let holdCheck: ReturnType<typeof holdNextCall<SubscriptionStore>> | undefined;
    const a = setup({ path, clock, instanceId: 'a' });
    const b = setup({
      path,
      clock,
      instanceId: 'b',
      // hold "b" after it listed the subscriptions, before it claims
      wrap: ({ subscriptions }) => {
        holdCheck = holdNextCall(subscriptions, 'isDone');
        return { subscriptions: holdCheck.proxy };
      },
    });
    await subscribe(a.subscriptions, a.articles, clock, 'hourly');
    await a.addArticles(article(1));
    clock.advance(HOUR);
    const bTicking = b.scheduler.tick();
    await holdCheck?.held.started;
    a.discord.failWith = { error: new Error('Unavailable'), failure: { permanent: false, reason: 'unavailable' } };
    expect(await a.scheduler.tick()).toMatchObject({ failed: 1 });
    holdCheck?.held.release();
    expect(await bTicking).toMatchObject({ posted: 0, failed: 0 });
    expect(b.discord.posts).toEqual([]);
  });
});

describe('digest scheduler whose post outlives its claim lease', () => {
  function threeProcesses() {
    const path = join(mkdtempSync(join(tmpdir(), 'newsdesk-digest-')), 'n.db');
    const clock = new FixedClock('2026-03-27T12:00:00Z');
    return {
      clock,
      a: setup({ path, clock, instanceId: 'a' }),
      b: setup({ path, clock, instanceId: 'b' }),
      c: setup({ path, clock, instanceId: 'c' }),
    };
  }

  it('does not free the claim another process took over when its own late post fails', async () => {
    const { clock, a, b, c } = threeProcesses();
    const sub = await subscribe(a.subscriptions, a.articles, clock, 'hourly');
    await a.addArticles(article(1));
    clock.advance(HOUR);
    const heldA = a.discord.holdNext();
    const aTicking = a.scheduler.tick();
    await heldA.started;
    // past the lease: "b" takes the slot over while "a" is still posting
    clock.advance(6 * 60_000);
    const heldB = b.discord.holdNext();
    const bTicking = b.scheduler.tick();
    await heldB.started;
    a.discord.failWith = { error: new Error('Unavailable'), failure: { permanent: false, reason: 'unavailable' } };
    heldA.release();
    expect(await aTicking).toMatchObject({ failed: 1 });
    expect(await c.scheduler.tick()).toMatchObject({ posted: 0, claimedElsewhere: 1 });
    expect(await a.subscriptions.get(sub.id)).toMatchObject({ failureCount: 0, retryAt: null });
    heldB.release();
    expect(await bTicking).toMatchObject({ posted: 1 });
    expect(b.discord.posts).toHaveLength(1);
    expect(c.discord.posts).toEqual([]);
    expect(await c.subscriptions.isDone(sub.id, '2026-03-27T13:00:00.000Z')).toBe(true);
  });

  it('records the slot once when its late post lands after another process delivered it, and warns', async () => {
    const { clock, a, b, c } = threeProcesses();
    const sub = await subscribe(a.subscriptions, a.articles, clock, 'hourly');
    await a.addArticles(article(1));
    clock.advance(HOUR);
    const heldA = a.discord.holdNext();
    const aTicking = a.scheduler.tick();
    await heldA.started;
    clock.advance(6 * 60_000);
    expect(await b.scheduler.tick()).toMatchObject({ posted: 1 });
    heldA.release();
    expect(await aTicking).toMatchObject({ posted: 1 });
    expect(a.logger.text()).toContain('after another process had already delivered the slot');
    expect(await c.scheduler.tick()).toMatchObject({ posted: 0, claimedElsewhere: 0 });
    expect(c.discord.posts).toEqual([]);
    expect(await c.subscriptions.get(sub.id)).toMatchObject({ lastSuccessAt: '2026-03-27T13:00:00.000Z' });
  });
});

describe('parseSchedule', () => {
  it('reads presets, cron, timezones and filters, and explains mistakes', () => {
    expect(
      parseSchedule(['weekdays', '18:30', 'Europe/Berlin', 'who:Marco_Rubio', 'Ukraine'], { defaultTimezone: 'UTC' }),
    ).toEqual({
      ok: true,
      value: {
        schedule: 'weekdays 18:30',
        cron: '30 18 * * 1-5',
        timezone: 'Europe/Berlin',
        filter: { people: ['Marco Rubio'], keywords: ['ukraine'] },
      },
    });
    expect(parseSchedule(['weekly', 'mon', '9:00'], { defaultTimezone: 'Asia/Tokyo' })).toMatchObject({
      ok: true,
      value: { cron: '0 9 * * 1', timezone: 'Asia/Tokyo' },
    });
    expect(parseSchedule('0 8 * * 1-5'.split(' '), { defaultTimezone: 'UTC' })).toMatchObject({
      ok: true,
      value: { cron: '0 8 * * 1-5' },
    });
    const bad = parseSchedule(['daily', '25:00'], { defaultTimezone: 'UTC' });
    expect(bad).toEqual({ ok: false, error: expect.stringContaining('"daily" needs a time like 08:00. Examples:') });
    expect(parseSchedule(['daily', '08:00', 'Mars/Olympus'], { defaultTimezone: 'UTC' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('"Mars/Olympus" is not a timezone'),
    });
    expect(parseSchedule(['sometimes'], { defaultTimezone: 'UTC' })).toMatchObject({ ok: false });
  });
});
