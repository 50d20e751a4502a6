import { afterEach, beforeEach, expect, it } from 'vitest';
import { createFeedPoller } from '../../src/adapters/sources/feeds/feed-poller.js';
import { createPoliteFetcher } from '../../src/adapters/sources/feeds/polite-fetch.js';
import { openSqliteStore, type SqliteArticleStore } from '../../src/adapters/store/sqlite/article-store.js';
import { SqliteFeedStore } from '../../src/adapters/store/sqlite/feed-store.js';
import { createSqliteFollowStore } from '../../src/adapters/store/sqlite/follow-store.js';
import { createSqliteWorkClaims } from '../../src/adapters/store/sqlite/work-claims.js';
import { createAlertScheduler } from '../../src/core/alerts/alert-scheduler.js';
import { createFollowService } from '../../src/core/alerts/follow-service.js';
import { createNewsService } from '../../src/core/news.js';
import { type FakeWeb, rssFeed, startFakeWeb, type TestItem } from '../fakes/fake-web.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { RecordingAdapter } from '../fakes/recording-adapter.js';
import { createTestLogger } from '../helpers/test-logger.js';

// live alerts for feed items: the real feed poller stores items from a loopback feed, the alert scheduler posts
// what a channel follows (the feed itself, or a speaker quoted in it)

const MINUTE = 60_000;
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

function item(slug: string, title: string, paragraphs: string[]): TestItem {
  return {
    title,
    guid: `${slug}-guid`,
    link: `https://news.example/${slug}`,
    date: '2025-12-20T11:00:00Z',
    html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
  };
}

let web: FakeWeb;
let store: SqliteArticleStore;
const clock = new FixedClock('2025-12-20T12:00:00Z');

beforeEach(async () => {
  web = await startFakeWeb();
  store = openSqliteStore({ path: ':memory:', clock });
});

afterEach(async () => {
  await store.close();
  await web.close();
});

it('alerts a followed feed’s new items and a speaker quoted in them, naming the feed as the outlet', async () => {
  const logger = createTestLogger();
  const feedStore = new SqliteFeedStore(store.db, clock);
  const poller = createFeedPoller({
    articles: store,
    feedStore,
    claims: createSqliteWorkClaims(store.db),
    instanceId: 'test-process',
    fetcher: createPoliteFetcher({ allowPrivateAddresses: true, minGapMs: 0, timeoutMs: 2000, clock }),
    clock,
    logger,
    allowPrivateAddresses: true,
  });
  web.route('/feed', { body: rssFeed('City Desk', [item('library', 'Library opens late', LIBRARY)]) });
  const url = web.url('/feed');
  await feedStore.upsertSource({ url, name: null, intervalMinutes: 15, origin: 'chat' });
  await poller.pollSource(url);

  const follows = createSqliteFollowStore(store.db);
  const service = createFollowService({
    store: follows,
    articles: store,
    news: createNewsService({ store }),
    clock,
    sources: poller,
  });
  const channel = { platform: 'discord' as const, channelId: '42', workspaceId: null, userId: 'u1' };
  const byName = await service.follow(channel, { kind: 'source', target: 'city desk', ping: null });
  expect(byName).toMatchObject({ ok: true, follow: { target: url, label: 'City Desk' } });
  await service.follow(channel, { kind: 'who', target: 'Tomas Berg', ping: '123456789' });
  const unknown = await service.follow(channel, {
    kind: 'source',
    target: 'https://elsewhere.example/rss',
    ping: null,
  });
  expect(unknown).toEqual({
    ok: false,
    reason:
      'https://elsewhere.example/rss is not a feed newsdesk polls. Add it first with /news source add https://elsewhere.example/rss',
  });

  const discord = new RecordingAdapter('discord');
  const scheduler = createAlertScheduler({
    follows,
    articles: store,
    feeds: feedStore,
    adapters: new Map([['discord', discord]]),
    clock,
    logger,
    instanceId: 'test-process',
  });
  // the item already stored when the channel followed is no news
  expect(await scheduler.tick()).toMatchObject({ posted: 0 });

  web.route('/feed', {
    body: rssFeed('City Desk', [
      item('bridge', 'Bridge repairs finish early', BRIDGE),
      item('library', 'Library opens late', LIBRARY),
    ]),
  });
  clock.advance(15 * MINUTE);
  expect(await poller.pollSource(url)).toMatchObject({ added: 1 });
  expect(await scheduler.tick()).toMatchObject({ posted: 2, failed: 0 });
  const source = discord.alerts.find((a) => a.reply.title === 'New from City Desk: 1 story');
  expect(source?.reply.blocks).toMatchObject([{ type: 'article', title: 'Bridge repairs finish early' }]);
  const quote = discord.alerts.find((a) => a.ping === '123456789');
  expect(quote?.reply.title).toBe('Tomas Berg: 1 new quote');
  expect(quote?.reply.blocks).toMatchObject([
    { type: 'quote', text: expect.stringContaining('The crews worked through the cold snap'), outlets: ['City Desk'] },
  ]);
});
