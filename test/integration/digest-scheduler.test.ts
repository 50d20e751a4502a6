import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src/core/digest/schedule.js';
import { createDigestScheduler } from '../../src/core/digest/scheduler.js';
import { createSqliteSubscriptionStore, type SubscriptionStore } from '../../src/core/digest/subscription-store.js';
import type { AnalyzedArticle } from '../../src/core/ports.js';
import { openSqliteStore, type SqliteArticleStore } from '../../src/core/store/sqlite-store.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { RecordingAdapter } from '../fakes/recording-adapter.js';
import { createTestLogger } from '../helpers/test-logger.js';

const HOUR = 3_600_000;

let opened: SqliteArticleStore[] = [];
afterEach(() => {
  for (const store of opened) store.close();
  opened = [];
});

function article(n: number, title = `Story number ${n}`): AnalyzedArticle {
  const text = `${title} happened today.`;
  return {
    id: `id${n}`,
    title,
    url: `https://news.example/${n}`,
    source: 'Example',
    author: null,
    publishedAt: null,
    publishedApprox: false,
    dateline: null,
    caption: null,
    highlights: [],
    paragraphs: [{ text, start: 0, end: text.length, kind: 'body' }],
    summary: { standard: [text], short: text, method: 'extractive' },
    people: [{ name: 'Marco Rubio', aliases: ['Rubio'], roles: [] }].filter(() => title.includes('Rubio')),
    quotes: [],
  };
}

function setup(options: { path?: string; clock?: FixedClock; postEmpty?: boolean; instanceId?: string } = {}) {
  const clock = options.clock ?? new FixedClock('2026-03-27T12:00:00Z');
  const articles = openSqliteStore({ path: options.path ?? ':memory:', clock });
  opened.push(articles);
  const subscriptions = createSqliteSubscriptionStore(articles.db);
  const discord = new RecordingAdapter('discord');
  const slack = new RecordingAdapter('slack');
  const scheduler = createDigestScheduler({
    subscriptions,
    articles,
    adapters: new Map([
      ['discord', discord],
      ['slack', slack],
    ]),
    clock,
    logger: createTestLogger(),
    instanceId: options.instanceId ?? 'test',
    postEmpty: options.postEmpty ?? false,
  });
  let file = 0;
  const addArticles = (...items: AnalyzedArticle[]) =>
    articles.replaceFile({ path: `f${++file}.txt`, size: 1, mtimeMs: 1, hash: `h${file}` }, items);
  return { clock, articles, subscriptions, discord, slack, scheduler, addArticles };
}

function subscribe(
  subscriptions: SubscriptionStore,
  articles: SqliteArticleStore,
  clock: FixedClock,
  text: string,
  platform: 'discord' | 'slack' = 'discord',
  channelId = 'C1',
) {
  const parsed = parseSchedule(text.split(' '), { defaultTimezone: 'UTC' });
  if (!parsed.ok) throw new Error(parsed.error);
  return subscriptions.add(
    { platform, channelId, ...parsed.value, origin: 'chat', createdBy: 'u1' },
    clock.now(),
    articles.maxSeq(),
  ).subscription;
}

describe('digest scheduler', () => {
  it('posts a daily digest at 08:00 local time in two timezones across their DST changes, once a day', async () => {
    const { clock, articles, subscriptions, discord, slack, scheduler, addArticles } = setup({
      clock: new FixedClock('2026-03-06T12:00:00Z'),
    });
    subscribe(subscriptions, articles, clock, 'daily 08:00 Europe/Berlin', 'discord');
    subscribe(subscriptions, articles, clock, 'daily 08:00 America/New_York', 'slack');
    const berlin: string[] = [];
    const newYork: string[] = [];
    // walk 30 days in 30-minute steps, with a new article every day
    for (let step = 0; step < 30 * 48; step++) {
      clock.advance(30 * 60_000);
      if (step % 48 === 0) addArticles(article(step));
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

  it('posts nothing when nothing is new, or a short note when asked to', async () => {
    const quiet = setup();
    subscribe(quiet.subscriptions, quiet.articles, quiet.clock, 'hourly');
    quiet.clock.advance(HOUR);
    expect(await quiet.scheduler.tick()).toMatchObject({ posted: 0, empty: 1 });
    expect(quiet.discord.posts).toEqual([]);

    const chatty = setup({ postEmpty: true });
    subscribe(chatty.subscriptions, chatty.articles, chatty.clock, 'hourly');
    chatty.clock.advance(HOUR);
    await chatty.scheduler.tick();
    expect(chatty.discord.posts[0]?.reply.blocks).toEqual([{ type: 'text', text: 'Nothing new.' }]);
  });

  it('covers only what arrived since the last digest and matches the filters', async () => {
    const { clock, articles, subscriptions, discord, scheduler, addArticles } = setup();
    addArticles(article(1, 'Old news before subscribing'));
    subscribe(subscriptions, articles, clock, 'hourly who:Rubio');
    addArticles(article(2, 'Rubio meets allies'), article(3, 'Weather turns cold'));
    clock.advance(HOUR);
    await scheduler.tick();
    expect(discord.posts).toHaveLength(1);
    const titles = discord.posts[0]?.reply.blocks.flatMap((b) => (b.type === 'article' ? [b.title] : []));
    expect(titles).toEqual(['Rubio meets allies']);
    addArticles(article(4, 'Rubio flies home'));
    clock.advance(HOUR);
    await scheduler.tick();
    const second = discord.posts[1]?.reply.blocks.flatMap((b) => (b.type === 'article' ? [b.title] : []));
    expect(second).toEqual(['Rubio flies home']);
  });

  it('does not re-post a slot after a restart on the same database', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'newsdesk-digest-')), 'n.db');
    const first = setup({ path });
    subscribe(first.subscriptions, first.articles, first.clock, 'daily 08:00');
    first.addArticles(article(1));
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
    subscribe(a.subscriptions, a.articles, clock, 'hourly');
    for (let hour = 0; hour < 5; hour++) {
      a.addArticles(article(hour));
      clock.advance(HOUR);
      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    }
    expect(a.discord.posts.length + b.discord.posts.length).toBe(5);
  });

  it('sends one catch-up digest after a three-day outage, covering everything since the last success', async () => {
    const { clock, articles, subscriptions, discord, scheduler, addArticles } = setup();
    subscribe(subscriptions, articles, clock, 'daily 08:00');
    addArticles(article(1));
    clock.set('2026-03-28T08:00:00Z');
    await scheduler.tick();
    for (let day = 0; day < 3; day++) addArticles(article(10 + day));
    clock.set('2026-03-31T15:00:00Z');
    await scheduler.tick();
    await scheduler.tick();
    expect(discord.posts).toHaveLength(2);
    expect(discord.posts[1]?.reply.blocks.filter((b) => b.type === 'article')).toHaveLength(3);
  });

  it('marks a failing channel, backs off, and clears the failure on the next success', async () => {
    const { clock, articles, subscriptions, discord, scheduler, addArticles } = setup();
    const sub = subscribe(subscriptions, articles, clock, 'hourly');
    addArticles(article(1));
    discord.failWith = {
      error: new Error('Missing Permissions'),
      failure: { permanent: true, reason: 'missing permission (50013)' },
    };
    clock.advance(HOUR);
    expect(await scheduler.tick()).toMatchObject({ failed: 1 });
    expect(subscriptions.get(sub.id)).toMatchObject({ failureReason: 'missing permission (50013)', failureCount: 1 });
    // within the back-off: no retry
    clock.advance(10 * 60_000);
    expect(await scheduler.tick()).toMatchObject({ failed: 0, posted: 0 });
    discord.failWith = null;
    clock.advance(2 * HOUR);
    expect(await scheduler.tick()).toMatchObject({ posted: 1 });
    expect(subscriptions.get(sub.id)).toMatchObject({ failureReason: null, failureCount: 0 });
  });

  it('retries a slot claimed by a process that died before marking it done', async () => {
    const { clock, articles, subscriptions, discord, scheduler, addArticles } = setup();
    const sub = subscribe(subscriptions, articles, clock, 'daily 08:00');
    addArticles(article(1));
    clock.set('2026-03-28T08:00:00Z');
    const slot = '2026-03-28T08:00:00.000Z';
    expect(
      subscriptions.claimSlot({ subscriptionId: sub.id, slot, watermarkTo: 1 }, 'dead', clock.now(), new Date(0)),
    ).not.toBeNull();
    await scheduler.tick();
    expect(discord.posts).toEqual([]);
    clock.advance(6 * 60_000);
    await scheduler.tick();
    expect(discord.posts).toHaveLength(1);
    expect(subscriptions.isDone(sub.id, slot)).toBe(true);
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
