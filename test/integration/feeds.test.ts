import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeSource } from '../../commands/sources.js';
import { feedItemKey, feedPollKey } from '../../src/adapters/sources/feeds/feed-claims.js';
import { createFeedPoller, type FeedPollerOptions, type Timers } from '../../src/adapters/sources/feeds/feed-poller.js';
import { createPoliteFetcher, type PoliteFetcher } from '../../src/adapters/sources/feeds/polite-fetch.js';
import { startFeeds } from '../../src/adapters/sources/feeds/start-feeds.js';
import { openSqliteStore, type SqliteArticleStore } from '../../src/adapters/store/sqlite/article-store.js';
import { SqliteFeedStore } from '../../src/adapters/store/sqlite/feed-store.js';
import { createSqliteWorkClaims } from '../../src/adapters/store/sqlite/work-claims.js';
import { summarizeExtractive } from '../../src/core/nlp/summarize.js';
import type { FeedSourceRecord, FeedStore, StoredItem, WorkClaims } from '../../src/core/ports.js';
import {
  articlePage,
  atomFeed,
  type FakeWeb,
  jsonFeed,
  rssFeed,
  startFakeWeb,
  type TestItem,
} from '../fakes/fake-web.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { manualTimers } from '../fakes/manual-timers.js';
import { feedStoreContract } from '../helpers/feed-store-contract.js';
import { createTestLogger } from '../helpers/test-logger.js';

const NOW = '2025-12-20T12:00:00Z';
const MINUTE = 60_000;

/** Stories written for these tests: each has enough text not to count as a teaser. */
const TRAM = [
  'The city council approved the new tram line on Tuesday after a debate that lasted most of the evening.',
  '"This is the biggest investment in public transport for a generation," said Mayor Ana Lopes after the vote.',
  'Construction is due to start next spring and the first trams should run within three years, officials said.',
  'Opponents argued that the money would be better spent on buses, which already serve the outer districts.',
];
const BRIDGE = [
  'Engineers finished repairs to the old river bridge two weeks ahead of schedule, the transport office said on Friday.',
  '"The crews worked through the cold snap and the bridge is safe for heavy traffic again," said engineer Tomas Berg.',
  'The bridge had been closed to lorries since a routine inspection found cracks in two of its supporting beams.',
  'Local businesses said the closure had added an hour to deliveries from the port during the busiest season.',
];
const LIBRARY = [
  'The central library will open until ten at night from January, the culture department announced on Thursday.',
  '"Students asked us for quiet space in the evenings, and we listened," said librarian Maria Holm at the launch.',
  'The longer hours are paid for by a grant from a regional foundation that supports reading programmes for teenagers.',
  'A pilot last spring drew more than four hundred visitors a night, most of them preparing for exams.',
];

const html = (paragraphs: string[]) => paragraphs.map((p) => `<p>${p}</p>`).join('');

let web: FakeWeb;
let clock: FixedClock;
let store: SqliteArticleStore;
let feedStore: SqliteFeedStore;
let claims: WorkClaims;
let logger: ReturnType<typeof createTestLogger>;

beforeEach(async () => {
  web = await startFakeWeb();
  clock = new FixedClock(NOW);
  store = openSqliteStore({ path: ':memory:', clock });
  feedStore = new SqliteFeedStore(store.db, clock);
  claims = createSqliteWorkClaims(store.db);
  logger = createTestLogger();
});
afterEach(async () => {
  await store.close();
  await web.close();
});

feedStoreContract('SQLite', async () => {
  const clock = new FixedClock(NOW);
  const store = openSqliteStore({ path: ':memory:', clock });
  return { feedStore: new SqliteFeedStore(store.db, clock), clock, close: () => store.close() };
});

function poller(overrides: Partial<FeedPollerOptions> = {}) {
  return createFeedPoller({
    articles: store,
    feedStore,
    claims,
    instanceId: 'test-process',
    fetcher: createPoliteFetcher({ allowPrivateAddresses: true, minGapMs: 0, timeoutMs: 2000, clock }),
    clock,
    logger,
    allowPrivateAddresses: true,
    ...overrides,
  });
}

async function addSource(path: string, name?: string): Promise<string> {
  const url = web.url(path);
  await feedStore.upsertSource({ url, name: name ?? null, intervalMinutes: 15, origin: 'file' });
  return url;
}

function item(slug: string, title: string, paragraphs: string[], extra: Partial<TestItem> = {}): TestItem {
  return {
    title,
    guid: `${slug}-guid`,
    link: `https://news.example/${slug}?utm_source=feed`,
    author: 'Jane Roe',
    date: '2025-12-20T08:00:00Z',
    html: html(paragraphs),
    ...extra,
  };
}

const titles = async () => (await store.latest({ limit: 50 })).items.map((a) => a.title).sort();

describe('feed polling', () => {
  it.each([
    ['RSS 2.0', rssFeed],
    ['Atom', atomFeed],
    ['JSON Feed', jsonFeed],
  ])('stores %s items as articles with source, URL, author, date, summary and quotes', async (_format, build) => {
    web.route('/feed', { body: build('City Desk', [item('tram', 'Council approves tram line', TRAM)]) });
    const url = await addSource('/feed');
    const outcome = await poller().pollSource(url);
    expect(outcome).toMatchObject({ status: 'ok', items: 1, added: 1 });
    const [view] = (await store.latest({ limit: 5 })).items;
    const article = await store.getArticle(view?.id ?? '');
    expect(article).toMatchObject({
      title: 'Council approves tram line',
      url: 'https://news.example/tram',
      source: 'City Desk',
      author: 'Jane Roe',
      publishedAt: '2025-12-20T08:00:00.000Z',
      origins: ['https://news.example/tram'],
    });
    expect(article?.paragraphs.map((p) => p.text)).toEqual(TRAM);
    expect(article?.summary.standard.length).toBeGreaterThan(0);
    expect(article?.quotes.some((q) => q.speaker === 'Ana Lopes')).toBe(true);
  });

  it('asks again with the validators and counts a 304 as nothing new', async () => {
    web.route('/feed', {
      body: rssFeed('City Desk', [item('tram', 'Council approves tram line', TRAM)]),
      etag: '"v1"',
    });
    const url = await addSource('/feed');
    const feeds = poller();
    await feeds.pollSource(url);
    clock.advance(15 * MINUTE);
    const again = await feeds.pollSource(url);
    expect(again.reason).toBe(null);
    expect(again).toMatchObject({ status: 'not-modified', added: 0 });
    expect(web.requestsTo('/feed')[1]?.headers['if-none-match']).toBe('"v1"');
    expect((await store.counts()).articles).toBe(1);
    expect(await feedStore.source(url)).toMatchObject({ failureCount: 0, nextPollAt: '2025-12-20T12:30:00.000Z' });
  });

  it('adds only the new items when a feed gains some', async () => {
    const tram = item('tram', 'Council approves tram line', TRAM);
    web.route('/feed', { body: rssFeed('City Desk', [tram]) });
    const url = await addSource('/feed');
    const feeds = poller();
    await feeds.pollSource(url);
    web.route('/feed', { body: rssFeed('City Desk', [item('bridge', 'Bridge repairs finish early', BRIDGE), tram]) });
    clock.advance(15 * MINUTE);
    expect(await feeds.pollSource(url)).toMatchObject({ status: 'ok', items: 2, added: 1, updated: 0 });
    expect(await titles()).toEqual(['Bridge repairs finish early', 'Council approves tram line']);
  });

  it('does not duplicate an item that comes back with a new date, with or without a guid', async () => {
    const tram = item('tram', 'Council approves tram line', TRAM);
    const bare = { title: 'Bridge repairs finish early', date: '2025-12-20T07:00:00Z', html: html(BRIDGE) };
    web.route('/feed', { body: rssFeed('City Desk', [tram, bare]) });
    const url = await addSource('/feed');
    const feeds = poller();
    await feeds.pollSource(url);
    web.route('/feed', {
      body: rssFeed('City Desk', [
        { ...tram, date: '2025-12-20T11:00:00Z' },
        { ...bare, date: '2025-12-20T11:30:00Z' },
      ]),
    });
    clock.advance(15 * MINUTE);
    const second = await feeds.pollSource(url);
    expect(second).toMatchObject({ status: 'ok', added: 0, updated: 0 });
    expect((await store.counts()).articles).toBe(2);
  });

  it('updates the article when an item is edited', async () => {
    const tram = item('tram', 'Council approves tram line', TRAM);
    web.route('/feed', { body: rssFeed('City Desk', [tram]) });
    const url = await addSource('/feed');
    const feeds = poller();
    await feeds.pollSource(url);
    const edited = [...TRAM, 'The council will publish the full budget for the line in February.'];
    web.route('/feed', { body: rssFeed('City Desk', [{ ...tram, html: html(edited) }]) });
    expect(await feeds.pollSource(url)).toMatchObject({ updated: 1 });
    expect((await store.counts()).articles).toBe(1);
    const [view] = (await store.latest({ limit: 1 })).items;
    expect((await store.getArticle(view?.id ?? ''))?.paragraphs).toHaveLength(5);
  });

  it('dates an item from the future at its arrival, so it cannot stay on top of every list', async () => {
    web.route('/feed', {
      body: rssFeed('City Desk', [item('tram', 'Council approves tram line', TRAM, { date: '2026-06-01T00:00:00Z' })]),
    });
    await poller().pollSource(await addSource('/feed'));
    expect((await store.latest({ limit: 1 })).items[0]?.publishedAt).toBe('2025-12-20T12:00:00.000Z');
  });

  it('makes one article listing both sources when two feeds carry the same story', async () => {
    // same page behind differently tracked links
    web.route('/a', { body: rssFeed('Wire A', [item('tram', 'Council approves tram line', TRAM)]) });
    web.route('/b', {
      body: atomFeed('Wire B', [
        item('tram', 'Council approves tram line', TRAM, { link: 'https://NEWS.example/tram?utm_medium=b#top' }),
      ]),
    });
    // a near-identical copy of another story at a different URL, its last paragraph trimmed
    web.route('/c', { body: rssFeed('Wire C', [item('bridge', 'Bridge repairs finish early', BRIDGE)]) });
    web.route('/d', {
      body: jsonFeed('Wire D', [
        item('copy', 'Bridge Repairs Finish Early', BRIDGE.slice(0, 3), { link: 'https://mirror.example/b/77' }),
      ]),
    });
    const feeds = poller();
    for (const path of ['/a', '/b', '/c', '/d']) await feeds.pollSource(await addSource(path));
    expect((await store.counts()).articles).toBe(2);
    const tram = (await store.findArticles('tram line', 1))[0];
    const bridge = (await store.findArticles('bridge repairs', 1))[0];
    expect((await store.getArticle(tram?.id ?? ''))?.origins).toEqual(['https://news.example/tram']);
    expect((await feedStore.sourcesOfArticle(tram?.id ?? '')).map((s) => s.name)).toEqual(['Wire A', 'Wire B']);
    expect((await store.getArticle(bridge?.id ?? ''))?.origins).toEqual([
      'https://mirror.example/b/77',
      'https://news.example/bridge',
    ]);
    expect((await feedStore.sourcesOfArticle(bridge?.id ?? '')).map((s) => s.name)).toEqual(['Wire C', 'Wire D']);
  });

  it('fetches the article page for a teaser-only item and extracts the story with Readability', async () => {
    web.route('/news/tram', {
      body: articlePage('Council approves tram line', TRAM),
      headers: { 'content-type': 'text/html' },
    });
    const teaser = item('tram', 'Council approves tram line', [], {
      link: web.url('/news/tram'),
      html: '<p>The council approved the tram line. Read more on our site.</p>',
    });
    web.route('/feed', { body: rssFeed('City Desk', [teaser]) });
    await poller().pollSource(await addSource('/feed'));
    const [view] = (await store.latest({ limit: 1 })).items;
    const article = await store.getArticle(view?.id ?? '');
    expect(article?.paragraphs.map((p) => p.text)).toEqual(TRAM);
    expect(article?.quotes.some((q) => q.speaker === 'Ana Lopes')).toBe(true);
    expect(web.requestsTo('/news/tram')[0]?.headers.accept).toMatch(/^text\/html/);
  });

  it('keeps the teaser when the page cannot be extracted, and logs and counts it once', async () => {
    web.route('/news/gone', { status: 404 });
    const teaser = item('gone', 'Library extends hours', [], {
      link: web.url('/news/gone'),
      html: '<p>The central library will open until ten at night from January.</p>',
    });
    web.route('/feed', { body: rssFeed('City Desk', [teaser]) });
    const url = await addSource('/feed');
    const feeds = poller();
    await feeds.pollSource(url);
    await feeds.pollSource(url);
    const [view] = (await store.latest({ limit: 1 })).items;
    expect((await store.getArticle(view?.id ?? ''))?.paragraphs.map((p) => p.text)).toEqual([
      'The central library will open until ten at night from January.',
    ]);
    expect((await feedStore.source(url))?.pageFailures).toBe(1);
    const warnings = logger.records.filter((r) => r.msg?.startsWith('article page extraction failed'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.obj).toMatchObject({ reason: 'HTTP 404' });
  });

  it('records old items on the first poll without ingesting them, and ingests what comes later', async () => {
    const old = item('bridge', 'Bridge repairs finish early', BRIDGE, { date: '2025-12-18T09:00:00Z' });
    const recent = item('tram', 'Council approves tram line', TRAM, { date: '2025-12-20T10:00:00Z' });
    web.route('/feed', { body: rssFeed('City Desk', [recent, old]) });
    const url = await addSource('/feed');
    const feeds = poller({ backlogHours: 24 });
    expect(await feeds.pollSource(url)).toMatchObject({ added: 1, backlog: 1 });
    expect(await titles()).toEqual(['Council approves tram line']);
    const older = item('library', 'Library extends hours', LIBRARY, { date: '2025-12-17T09:00:00Z' });
    web.route('/feed', { body: rssFeed('City Desk', [older, recent, old]) });
    expect(await feeds.pollSource(url)).toMatchObject({ added: 1, backlog: 1 });
    expect(await titles()).toEqual(['Council approves tram line', 'Library extends hours']);
  });

  const BROKEN_REASON =
    "malformed feed (invalid XML at line 1: Expected closing tag 'title' instead of closing tag 'item')";

  it('counts failures with exponential backoff, marks a source failing after five and keeps polling the others', async () => {
    web.route('/broken', { body: '<rss version="2.0"><channel><title>Broken</title><item><title>Oops</item>' });
    web.route('/good', { body: rssFeed('City Desk', [item('tram', 'Council approves tram line', TRAM)]) });
    const broken = await addSource('/broken', 'Broken Wire');
    await addSource('/good');
    const feeds = poller({ failingAfter: 5 });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      const outcomes = await feeds.pollDue();
      expect(outcomes.find((o) => o.url === broken)).toMatchObject({
        status: 'failed',
        reason: BROKEN_REASON,
      });
      const next = (await feedStore.source(broken))?.nextPollAt ?? '';
      delays.push((Date.parse(next) - clock.now().getTime()) / MINUTE);
      clock.set(next);
    }
    expect(delays).toEqual([15, 30, 60, 120, 240]);
    expect(await feedStore.source(broken)).toMatchObject({
      failing: true,
      failureCount: 5,
      failureReason: BROKEN_REASON,
    });
    expect(await titles()).toEqual(['Council approves tram line']);
    const logged = logger.records.filter((r) => r.level === 'warn').map((r) => r.msg);
    expect(logged).toEqual(['feed poll failed', 'feed source marked failing after repeated failures']);

    web.route('/broken', { body: rssFeed('Broken Wire', [item('bridge', 'Bridge repairs finish early', BRIDGE)]) });
    await feeds.pollSource(broken);
    expect(await feedStore.source(broken)).toMatchObject({ failing: false, failureCount: 0, failureReason: null });
    expect(logger.records.at(-1)?.msg).toBe('feed polled');
    expect(logger.records.some((r) => r.msg === 'feed source recovered')).toBe(true);
  });

  it('fails a feed cut off mid-response, storing none of its items and keeping the last good validators', async () => {
    const tram = item('tram', 'Council approves tram line', TRAM);
    web.route('/feed', { body: rssFeed('City Desk', [tram]), etag: '"v1"' });
    const url = await addSource('/feed');
    const feeds = poller();
    await feeds.pollSource(url);
    // the server dies right after the first of two new items; the rest and </channel></rss> never arrive
    const whole = rssFeed('City Desk', [
      item('bridge', 'Bridge repairs finish early', BRIDGE),
      item('library', 'Library extends hours', LIBRARY),
      tram,
    ]);
    const cut = { after: whole.indexOf('</item>') + '</item>'.length, declaredLength: false };
    web.route('/feed', { body: whole, etag: '"v2"', cut });
    clock.advance(15 * MINUTE);
    const reason = 'incomplete feed (the XML ends before </channel>)';
    expect(await feeds.pollSource(url)).toMatchObject({ status: 'failed', added: 0, reason });
    expect(await titles()).toEqual(['Council approves tram line']);
    const source = await feedStore.source(url);
    expect(source).toMatchObject({ etag: '"v1"', failureCount: 1, failureReason: reason, itemCount: 1 });
    expect(describeSource(source as FeedSourceRecord, clock.now())).toBe(
      `City Desk (${url}) [sources.json], every 15 min: retrying after 1 failure: ${reason}; next try in 15 min`,
    );

    web.route('/feed', { body: whole, etag: '"v2"' });
    clock.advance(15 * MINUTE);
    expect(await feeds.pollSource(url)).toMatchObject({ status: 'ok', added: 2 });
    expect(web.requestsTo('/feed')[2]?.headers['if-none-match']).toBe('"v1"');
    expect(await feedStore.source(url)).toMatchObject({ etag: '"v2"', failureCount: 0, failureReason: null });
  });

  it('shows a new feed that is always cut short as failing, not as working with no items', async () => {
    const whole = rssFeed('City Desk', [item('tram', 'Council approves tram line', TRAM)]);
    web.route('/feed', { body: whole, cut: { after: whole.indexOf('</channel>'), declaredLength: false } });
    const url = await addSource('/feed', 'City Desk');
    const feeds = poller({ failingAfter: 5 });
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await feeds.pollDue())[0]).toMatchObject({ status: 'failed', items: 0 });
      clock.set((await feedStore.source(url))?.nextPollAt ?? '');
    }
    const source = await feedStore.source(url);
    expect(source).toMatchObject({ baselined: false, failing: true, itemCount: 0 });
    expect(describeSource(source as FeedSourceRecord, clock.now())).toBe(
      `City Desk (${url}) [sources.json], every 15 min: FAILING after 5 failed polls: ` +
        'incomplete feed (the XML ends before </channel>) (never worked); next try now',
    );
    expect((await store.counts()).articles).toBe(0);
  });

  it('fails a slow feed on the timeout, a huge one on the size cap and a redirect loop, each with its reason', async () => {
    web.route('/slow', { hang: true });
    web.route('/huge', { body: Buffer.alloc(512 * 1024, 'x'), chunked: true });
    web.route('/loop1', { status: 302, headers: { location: '/loop2' } });
    web.route('/loop2', { status: 302, headers: { location: '/loop1' } });
    const feeds = poller({
      fetcher: createPoliteFetcher({ allowPrivateAddresses: true, minGapMs: 0, timeoutMs: 200, maxBytes: 64 * 1024 }),
    });
    const reasons = [];
    for (const path of ['/slow', '/huge', '/loop1'])
      reasons.push((await feeds.pollSource(await addSource(path))).reason);
    expect(reasons).toEqual([
      'no complete response within 200 ms',
      'the response is larger than 64 KiB',
      'too many redirects (more than 5, or a loop)',
    ]);
  });

  it('refuses to add a feed on a metadata, private or file: address from chat', async () => {
    const feeds = poller({ fetcher: createPoliteFetcher(), allowPrivateAddresses: false });
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://127.0.0.1:8080/feed',
      'file:///etc/passwd',
    ]) {
      const result = await feeds.add({ url });
      expect(result.ok).toBe(false);
    }
    expect(await feeds.add({ url: 'http://169.254.169.254/latest/meta-data/' })).toEqual({
      ok: false,
      reason: 'That URL cannot be polled: the address 169.254.169.254 is private, loopback or link-local.',
    });
    expect(await feedStore.sources()).toEqual([]);
  });

  it('does not keep a page that is not a feed, and says which feed the page names', async () => {
    web.route('/front', {
      body: '<html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head><body>Hi</body></html>',
      headers: { 'content-type': 'text/html' },
    });
    const result = await poller().add({ url: web.url('/front') });
    expect(result).toEqual({
      ok: false,
      reason: `That URL cannot be polled: not an RSS, Atom or JSON feed (the page names a feed: ${web.url('/atom.xml')}).`,
    });
    expect(await feedStore.sources()).toEqual([]);
  });

  it('adds a feed from chat, polls it at once and removes it again; file sources stay', async () => {
    web.route('/feed', { body: rssFeed('City Desk', [item('tram', 'Council approves tram line', TRAM)]) });
    const feeds = poller();
    const added = await feeds.add({ url: `${web.url('/feed')}?utm_source=chat`, name: 'Desk', addedBy: 'U1' });
    expect(added).toMatchObject({
      ok: true,
      status: 'added',
      source: { url: web.url('/feed'), name: 'Desk', origin: 'chat', addedBy: 'U1', intervalMinutes: 15 },
      firstPoll: { ok: true, items: 1, ingested: 1, reason: null },
    });
    expect(await feeds.remove(web.url('/feed'))).toMatchObject({ ok: true });
    expect(await feeds.remove(web.url('/feed'))).toEqual({ ok: false, reason: 'not-found' });
    // the article stays: it was news when it arrived
    expect((await store.counts()).articles).toBe(1);
    await feeds.applySourcesFile([{ url: web.url('/feed'), intervalMinutes: 30 }]);
    expect(await feeds.remove(web.url('/feed'))).toEqual({ ok: false, reason: 'file-source' });
  });

  it('makes the file sources match sources.json, leaving chat sources alone', async () => {
    const feeds = poller();
    await feedStore.upsertSource({ url: 'https://chat.example/feed', name: null, intervalMinutes: 15, origin: 'chat' });
    expect(
      await feeds.applySourcesFile([
        { url: 'https://a.example/feed', name: 'A', intervalMinutes: 15 },
        { url: 'https://b.example/feed', intervalMinutes: 5 },
      ]),
    ).toEqual({ added: 2, updated: 0, removed: 0 });
    expect(await feeds.applySourcesFile([{ url: 'https://b.example/feed', intervalMinutes: 10 }])).toEqual({
      added: 0,
      updated: 1,
      removed: 1,
    });
    expect((await feedStore.sources()).map((s) => [s.url, s.origin, s.intervalMinutes])).toEqual([
      ['https://b.example/feed', 'file', 10],
      ['https://chat.example/feed', 'chat', 15],
    ]);
  });

  it('neither re-ingests nor misses items after a restart', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'newsdesk-feeds-')), 'news.db');
    const tram = item('tram', 'Council approves tram line', TRAM);
    web.route('/feed', { body: rssFeed('City Desk', [tram]), etag: '"v1"' });
    const open = () => {
      const reopened = openSqliteStore({ path, clock });
      const state = new SqliteFeedStore(reopened.db, clock);
      const feeds = createFeedPoller({
        articles: reopened,
        feedStore: state,
        claims: createSqliteWorkClaims(reopened.db),
        instanceId: 'test-process',
        fetcher: createPoliteFetcher({ allowPrivateAddresses: true, minGapMs: 0, clock }),
        clock,
        logger,
      });
      return { reopened, state, feeds };
    };
    const first = open();
    await first.state.upsertSource({ url: web.url('/feed'), name: null, intervalMinutes: 15, origin: 'file' });
    await first.feeds.pollDue();
    await first.reopened.close();

    // while the bot was down, the feed changed
    clock.advance(2 * 60 * MINUTE);
    web.route('/feed', {
      body: rssFeed('City Desk', [item('bridge', 'Bridge repairs finish early', BRIDGE), tram]),
      etag: '"v2"',
    });
    const second = open();
    const [outcome] = await second.feeds.pollDue();
    expect(outcome).toMatchObject({ status: 'ok', added: 1, backlog: 0 });
    expect(web.requestsTo('/feed')[1]?.headers['if-none-match']).toBe('"v1"');
    expect((await second.reopened.counts()).articles).toBe(2);
    clock.advance(15 * MINUTE);
    expect((await second.feeds.pollDue())[0]).toMatchObject({ status: 'not-modified' });
    await second.reopened.close();
  });
});

describe('feed work shared with other processes', () => {
  const staleBefore = (ms: number) => new Date(clock.now().getTime() - ms);

  it('leaves a source another process is polling to it, without fetching', async () => {
    web.route('/feed', { body: rssFeed('City Desk', [item('tram', 'Council approves tram line', TRAM)]) });
    const url = await addSource('/feed');
    expect(await claims.claim(feedPollKey(url), 'other-process', clock.now(), staleBefore(MINUTE))).toBe(true);
    expect(await poller().pollSource(url)).toMatchObject({ status: 'elsewhere', items: 0 });
    expect(web.requestsTo('/feed')).toHaveLength(0);
  });

  it('does not poll a due source again that another process polled a moment ago', async () => {
    web.route('/feed', { body: rssFeed('City Desk', [item('tram', 'Council approves tram line', TRAM)]) });
    const url = await addSource('/feed');
    const listedBefore = await feedStore.sources();
    await poller({ instanceId: 'other-process' }).pollSource(url);
    // this process read the listing before the other poll recorded its schedule; the claim re-reads it
    const staleListing: FeedStore = Object.create(feedStore, { sources: { value: async () => listedBefore } });
    expect(await poller({ feedStore: staleListing }).pollDue()).toMatchObject([{ url, status: 'elsewhere' }]);
    expect(web.requestsTo('/feed')).toHaveLength(1);
  });

  it('leaves an item another process is storing to it, then reads the whole feed again to finish it', async () => {
    const tram = item('tram', 'Council approves tram line', TRAM);
    const bridge = item('bridge', 'Bridge repairs finish early', BRIDGE);
    web.route('/feed', { body: rssFeed('City Desk', [tram, bridge]), etag: '"v1"' });
    const url = await addSource('/feed');
    const key = feedItemKey(url, 'bridge-guid');
    await claims.claim(key, 'other-process', clock.now(), staleBefore(MINUTE));
    const feeds = poller({ claimStaleMs: 10 * MINUTE });
    expect(await feeds.pollSource(url)).toMatchObject({ status: 'ok', added: 1, elsewhere: 1 });
    expect(await titles()).toEqual(['Council approves tram line']);
    expect((await feedStore.source(url))?.etag).toBe(null);

    // the other process died holding the claim: once it is stale, this one stores the item
    clock.advance(11 * MINUTE);
    expect(await feeds.pollSource(url)).toMatchObject({ status: 'ok', added: 1, elsewhere: 0 });
    expect(web.requestsTo('/feed')[1]?.headers['if-none-match']).toBeUndefined();
    expect(await titles()).toEqual(['Bridge repairs finish early', 'Council approves tram line']);
    expect((await feedStore.source(url))?.etag).toBe('"v1"');
  });

  it('releases every claim it took once the poll is over', async () => {
    web.route('/feed', { body: rssFeed('City Desk', [item('tram', 'Council approves tram line', TRAM)]) });
    await poller().pollSource(await addSource('/feed'));
    expect(store.db.prepare('SELECT count(*) AS n FROM work_claims').get()).toEqual({ n: 0 });
  });

  it('processes an item again, to the same article, when the feed rows were not written after the article', async () => {
    const tram = item('tram', 'Council approves tram line', TRAM);
    web.route('/feed', { body: rssFeed('City Desk', [tram]) });
    const url = await addSource('/feed');
    let crashes = 1;
    const crashing: FeedStore = Object.create(feedStore, {
      recordStoredItem: {
        value: async (stored: StoredItem) => {
          if (crashes-- > 0) throw new Error('connection lost');
          return feedStore.recordStoredItem(stored);
        },
      },
    });
    const feeds = poller({ feedStore: crashing });
    expect(await feeds.pollSource(url)).toMatchObject({ status: 'ok', added: 0, errors: 1 });
    expect((await store.counts()).articles).toBe(1);
    expect(await feedStore.seenItem(url, 'tram-guid')).toBe(null);
    expect(await feeds.pollSource(url)).toMatchObject({ status: 'ok', added: 1, errors: 0 });
    expect((await store.counts()).articles).toBe(1);
    expect(await feedStore.seenItem(url, 'tram-guid')).not.toBe(null);
  });

  it('stops between items when stopped, leaving the rest of the feed and its schedule to the next poll', async () => {
    web.route('/feed', {
      body: rssFeed('City Desk', [
        item('tram', 'Council approves tram line', TRAM),
        item('bridge', 'Bridge repairs finish early', BRIDGE),
      ]),
    });
    const url = await addSource('/feed');
    let stopping: Promise<void> | undefined;
    const feeds = poller({
      summarizer: {
        name: 'stops-the-poller',
        summarize: async (article) => {
          stopping ??= feeds.stop();
          return summarizeExtractive(article);
        },
      },
    });
    expect(await feeds.pollSource(url)).toMatchObject({ status: 'stopped', added: 1 });
    await stopping;
    expect(await feedStore.source(url)).toMatchObject({ lastSuccessAt: null, nextPollAt: null, baselined: false });
    expect(await poller().pollSource(url)).toMatchObject({ status: 'ok', added: 1 });
    expect((await store.counts()).articles).toBe(2);
  });
});

/**
 * Virtual time shared by the poller's timers and the fetcher's per-site waits: a wait moves the clock
 * on, firing each timer due on the way at its own moment and letting the polls it starts reach the
 * fetcher before the clock moves again. Only one wait may run at a time (one slow site in the test).
 */
function virtualTime(clock: FixedClock) {
  const pending: { at: number; callback: () => void; cleared: boolean }[] = [];
  const timers: Timers = {
    setTimeout: (callback, ms) => {
      const entry = { at: clock.now().getTime() + ms, callback, cleared: false };
      pending.push(entry);
      return entry;
    },
    clearTimeout: (handle) => {
      (handle as { cleared: boolean }).cleared = true;
    },
  };
  const advanceTo = async (until: number) => {
    for (;;) {
      const next = pending.filter((e) => !e.cleared && e.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      next.cleared = true;
      clock.set(new Date(Math.max(next.at, clock.now().getTime())));
      next.callback();
      // the store is synchronous SQLite, so one turn of the event loop takes each started poll to its fetch
      await new Promise((resolve) => setImmediate(resolve));
    }
    clock.set(new Date(Math.max(until, clock.now().getTime())));
  };
  return { timers, advanceTo, delay: (ms: number) => advanceTo(clock.now().getTime() + ms) };
}

/** A poller on virtual time whose polite fetcher notes when (ms from now) each URL was asked for. */
function timedPoller(overrides: Partial<FeedPollerOptions> = {}) {
  const start = clock.now().getTime();
  const time = virtualTime(clock);
  const fetched: { url: string; at: number }[] = [];
  const polite = createPoliteFetcher({ allowPrivateAddresses: true, clock, delay: time.delay });
  const fetcher: PoliteFetcher = {
    get: (url, options) => {
      fetched.push({ url, at: clock.now().getTime() - start });
      return polite.get(url, options);
    },
  };
  const feeds = poller({ fetcher, timers: time.timers, ...overrides });
  return {
    feeds,
    start,
    time,
    /** when each request for `url` was made, in ms from the start */
    timesOf: (url: string) => fetched.filter((f) => f.url === url).map((f) => f.at),
  };
}

/** Teaser-only items whose article pages are `/page/<n>` on the test's site. */
function teasers(count: number): TestItem[] {
  return Array.from({ length: count }, (_, index) =>
    item(`slow-${index}`, `Slow story number ${index}`, [], {
      link: web.url(`/page/${index}`),
      html: `<p>Teaser ${index}.</p>`,
    }),
  );
}

describe('feed schedule', () => {
  it('polls a new source at once, then sleeps until the next poll is due, and stops cleanly', async () => {
    web.route('/feed', { body: rssFeed('City Desk', [item('tram', 'Council approves tram line', TRAM)]) });
    await addSource('/feed');
    const manual = manualTimers();
    const feeds = poller({ timers: manual.timers, maxSleepMs: 60 * MINUTE });
    await feeds.start();
    expect(manual.active().map((t) => t.ms)).toEqual([0]);
    const wake = manual.active()[0];
    if (wake) wake.cleared = true;
    wake?.callback();
    await feeds.idle();
    expect((await store.counts()).articles).toBe(1);
    expect(manual.active()[0]?.ms).toBe(15 * MINUTE);
    await feeds.stop();
    expect(manual.active()).toHaveLength(0);
  });
  it('polls each feed when it is due, while a slow feed on another site is still fetching its pages', async () => {
    const { feeds, start, time, timesOf } = timedPoller();
    // three fast feeds, each on its own site, due every 2 minutes
    const sites = await Promise.all([startFakeWeb(), startFakeWeb(), startFakeWeb()]);
    const fast = sites.map((site, index) => {
      site.route('/feed', { body: rssFeed(`Fast ${index}`, [item(`fast-${index}`, `Fast story ${index}`, TRAM)]) });
      return site.url('/feed');
    });
    for (const url of fast) await feedStore.upsertSource({ url, name: null, intervalMinutes: 2, origin: 'file' });
    // the slow feed: 30 teasers whose pages its site serves one a second (the polite gap)
    const pageTimes: number[] = [];
    for (let index = 0; index < 30; index++) {
      web.route(`/page/${index}`, () => {
        pageTimes.push(clock.now().getTime() - start);
        return { status: 404 };
      });
    }
    web.route('/slow', { body: rssFeed('Slow Wire', teasers(30)) });
    const slow = await addSource('/slow');
    await feedStore.scheduleSource(slow, new Date(start + 105_000));

    try {
      await feeds.start();
      await time.advanceTo(start);
      await feeds.idle();
      // the slow feed starts at 1:45 and its 30 pages take until 2:15; the fast feeds are due at 2:00
      await time.advanceTo(start + 105_000);
      await feeds.idle();
      await time.advanceTo(clock.now().getTime());
      await feeds.idle();
    } finally {
      await feeds.stop();
      await Promise.all(sites.map((site) => site.close()));
    }

    expect(fast.map(timesOf)).toEqual([
      [0, 120_000],
      [0, 120_000],
      [0, 120_000],
    ]);
    // the slow site still got one request a second
    expect(pageTimes).toEqual(Array.from({ length: 30 }, (_, index) => 106_000 + index * 1000));
    expect((await store.counts()).articles).toBe(33);
  });

  it('starts a due feed as soon as a poll ends when the most polls allowed at once are running', async () => {
    const { feeds, start, time, timesOf } = timedPoller({ concurrency: 1 });
    web.route('/slow', { body: rssFeed('Slow Wire', teasers(5)) });
    const slow = await addSource('/slow', 'A slow wire');
    const other = await startFakeWeb();
    other.route('/feed', { body: rssFeed('Fast', [item('fast', 'Fast story', TRAM)]) });
    const fast = other.url('/feed');
    await feedStore.upsertSource({ url: fast, name: 'B fast wire', intervalMinutes: 15, origin: 'file' });
    await feedStore.scheduleSource(fast, new Date(start + 1000));

    try {
      await feeds.start();
      await time.advanceTo(start);
      await feeds.idle();
    } finally {
      await feeds.stop();
      await other.close();
    }
    // due at 0:01 while the slow feed held the only slot; started when its fifth page (0:05) was done
    expect(timesOf(fast)).toEqual([5000]);
    expect(timesOf(slow)).toEqual([0]);
  });

  it('leaves a feed another process is polling alone for a while instead of asking again at once', async () => {
    web.route('/feed', { body: rssFeed('City Desk', [item('tram', 'Council approves tram line', TRAM)]) });
    const url = await addSource('/feed');
    await claims.claim(feedPollKey(url), 'other-process', clock.now(), new Date(clock.now().getTime() - MINUTE));
    const manual = manualTimers();
    const feeds = poller({ timers: manual.timers, maxSleepMs: MINUTE });
    await feeds.start();
    manual.fireFirst();
    await feeds.idle();
    // the next look is a minute away, not a loop of attempts while the other process works
    expect(manual.active().map((t) => t.ms)).toEqual([MINUTE]);
    expect(web.requestsTo('/feed')).toHaveLength(0);
    await feeds.stop();
  });
});

describe('startFeeds', () => {
  it('applies sources.json, polls on the schedule, and keeps the sources when a reload finds the file invalid', async () => {
    web.route('/feed', { body: rssFeed('City Desk', [item('tram', 'Council approves tram line', TRAM)]) });
    const sourcesPath = join(mkdtempSync(join(tmpdir(), 'newsdesk-sources-')), 'sources.json');
    writeFileSync(sourcesPath, JSON.stringify([{ url: web.url('/feed'), name: 'City Desk', intervalMinutes: 5 }]));
    const manual = manualTimers();
    const feeds = await startFeeds({
      articles: store,
      feedStore,
      claims,
      instanceId: 'test-process',
      clock,
      logger,
      sourcesPath,
      allowPrivateAddresses: true,
      fetcher: createPoliteFetcher({ allowPrivateAddresses: true, minGapMs: 0, clock }),
      timers: manual.timers,
    });
    expect(await feeds.feedStore.sources()).toMatchObject([{ name: 'City Desk', intervalMinutes: 5, origin: 'file' }]);
    manual.active()[0]?.callback();
    await feeds.poller.idle();
    expect((await store.latest({ limit: 5 })).items.map((a) => a.source)).toEqual(['City Desk']);

    writeFileSync(sourcesPath, '[{"url": 5}]');
    await feeds.reloadSourcesFile();
    expect(logger.records.at(-1)).toMatchObject({ level: 'error', msg: 'sources file not reloaded' });
    expect(await feeds.feedStore.sources()).toHaveLength(1);
    await feeds.stop();
  });

  it('refuses to start on an invalid sources.json, saying what to fix', async () => {
    const sourcesPath = join(mkdtempSync(join(tmpdir(), 'newsdesk-sources-')), 'sources.json');
    writeFileSync(sourcesPath, '[{"url": "https://news.example/rss", "intervalMinutes": 1}]');
    const starting = startFeeds({
      articles: store,
      feedStore,
      claims,
      instanceId: 'test-process',
      clock,
      logger,
      sourcesPath,
      timers: manualTimers().timers,
    });
    await expect(starting).rejects.toThrow('must be at least 2 (minutes)');
  });
});
