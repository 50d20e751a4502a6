import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createFeedPoller, type FeedPollerOptions } from '../../src/adapters/sources/feeds/feed-poller.js';
import { createPoliteFetcher } from '../../src/adapters/sources/feeds/polite-fetch.js';
import { openStores, type Stores } from '../../src/adapters/store/open-stores.js';
import { createPgPool, migratePostgres, type PgPool } from '../../src/adapters/store/postgres/database.js';
import { createPgFeedStore } from '../../src/adapters/store/postgres/feed-store.js';
import type { ParsedArticle } from '../../src/core/articles/article.js';
import { summarizeExtractive } from '../../src/core/nlp/summarize.js';
import type { Summarizer, WorkClaims } from '../../src/core/ports.js';
import { type FakeWeb, rssFeed, startFakeWeb, type TestItem } from '../fakes/fake-web.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { manualTimers } from '../fakes/manual-timers.js';
import { feedStoreContract } from '../helpers/feed-store-contract.js';
import { createTestDatabase, describePg } from '../helpers/postgres.js';
import { createTestLogger } from '../helpers/test-logger.js';

const NOW = '2025-12-20T12:00:00Z';

describePg('the PostgreSQL feed store', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: PgPool;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPgPool({ url: database.url, max: 3 });
    await migratePostgres(pool);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  feedStoreContract('PostgreSQL', async () => {
    await pool.query('TRUNCATE feed_sources, feed_items, feed_stories');
    const clock = new FixedClock(NOW);
    return { feedStore: createPgFeedStore(pool, clock), clock, close: async () => undefined };
  });
});

/** Six different stories, each long enough not to be a teaser, linked to pages on the fake web. */
const STORIES = [
  ['tram', 'Council approves tram line', 'the new tram line', 'Mayor Ana Lopes'],
  ['bridge', 'Bridge repairs finish early', 'repairs to the old river bridge', 'engineer Tomas Berg'],
  ['library', 'Library extends its hours', 'longer library opening hours', 'librarian Maria Holm'],
  ['harbour', 'Harbour dredging begins', 'dredging of the inner harbour', 'harbour master Ivo Petrov'],
  ['school', 'New school opens in the east', 'a new primary school in the east', 'headteacher Lena Ortiz'],
  ['market', 'Night market returns', 'the return of the night market', 'organiser Sam Okafor'],
] as const;

function storyItem(web: FakeWeb, [slug, title, subject, speaker]: (typeof STORIES)[number]): TestItem {
  const paragraphs = [
    `The city approved ${subject} on Tuesday after a long debate in the council chamber that ran late into the evening.`,
    `"This is what residents asked us for, and it will make a real difference," said ${speaker} after the decision.`,
    `Work on ${subject} is due to begin next spring, with the budget published in full before the end of January.`,
    `Critics said the money for ${subject} could have gone to buses, which already serve the outer districts well.`,
  ];
  return {
    title,
    guid: `${slug}-guid`,
    link: web.url(`/news/${slug}`),
    date: '2025-12-20T09:00:00Z',
    html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
  };
}

/** The extractive summarizer, counting the articles it is asked to analyse. */
function countingSummarizer(counts: Map<string, number>): Summarizer {
  return {
    name: 'counting',
    async summarize(article: ParsedArticle) {
      counts.set(article.title, (counts.get(article.title) ?? 0) + 1);
      return summarizeExtractive(article);
    },
  };
}

describePg('feed polling by several processes on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let web: FakeWeb;
  let clock: FixedClock;
  let processes: Stores[];
  let analyses: Map<string, number>;
  let logger: ReturnType<typeof createTestLogger>;

  beforeEach(async () => {
    database = await createTestDatabase();
    web = await startFakeWeb();
    clock = new FixedClock(NOW);
    analyses = new Map();
    logger = createTestLogger();
    // two "processes": each its own pool, as two bot processes would have
    processes = [
      await openStores({ url: database.url, poolSize: 4 }, clock),
      await openStores({ url: database.url, poolSize: 4 }, clock),
    ];
  });
  afterEach(async () => {
    for (const stores of processes) await stores.close();
    await web.close();
    await database.drop();
  });

  const poller = (stores: Stores, instanceId: string, overrides: Partial<FeedPollerOptions> = {}) =>
    createFeedPoller({
      articles: stores.articles,
      feedStore: stores.feeds,
      claims: stores.claims,
      instanceId,
      fetcher: createPoliteFetcher({ allowPrivateAddresses: true, minGapMs: 0, timeoutMs: 5000, clock }),
      clock,
      logger,
      summarizer: countingSummarizer(analyses),
      allowPrivateAddresses: true,
      ...overrides,
    });

  const serveFeeds = async () => {
    const [first, second] = processes as [Stores, Stores];
    web.route('/a', {
      body: rssFeed(
        'Wire A',
        STORIES.slice(0, 3).map((story) => storyItem(web, story)),
      ),
    });
    web.route('/b', {
      body: rssFeed(
        'Wire B',
        STORIES.slice(3).map((story) => storyItem(web, story)),
      ),
    });
    await Promise.all([
      first.feeds.applySourcesFile([
        { url: web.url('/a'), intervalMinutes: 15 },
        { url: web.url('/b'), intervalMinutes: 15 },
      ]),
      second.feeds.applySourcesFile([
        { url: web.url('/a'), intervalMinutes: 15 },
        { url: web.url('/b'), intervalMinutes: 15 },
      ]),
    ]);
  };

  /** Claims still held by either process (both share one table). */
  const claimsLeft = async () => {
    const claims = (processes[0] as Stores).claims;
    return (await claims.releaseAll('host-a:1')) + (await claims.releaseAll('host-b:2'));
  };

  it('fetches each feed once and stores each item once when two processes poll at the same time', async () => {
    await serveFeeds();
    const [first, second] = processes as [Stores, Stores];
    const outcomes = (
      await Promise.all([poller(first, 'host-a:1').pollDue(), poller(second, 'host-b:2').pollDue()])
    ).flat();

    expect(web.requestsTo('/a')).toHaveLength(1);
    expect(web.requestsTo('/b')).toHaveLength(1);
    expect(outcomes.reduce((total, outcome) => total + outcome.added, 0)).toBe(6);
    expect([...analyses.values()]).toEqual([1, 1, 1, 1, 1, 1]);
    expect((await first.articles.counts()).articles).toBe(6);
    expect((await second.articles.latest({ limit: 20 })).items.map((a) => a.title).sort()).toEqual(
      STORIES.map((story) => story[1]).sort(),
    );
    expect(await claimsLeft()).toBe(0);
  });

  it('fetches each feed once when both processes run their schedules, and neither asks again at once', async () => {
    await serveFeeds();
    const [first, second] = processes as [Stores, Stores];
    const timersA = manualTimers();
    const timersB = manualTimers();
    const pollers = [
      poller(first, 'host-a:1', { timers: timersA.timers }),
      poller(second, 'host-b:2', { timers: timersB.timers }),
    ];
    await Promise.all(pollers.map((p) => p.start()));
    timersA.fireFirst();
    timersB.fireFirst();
    await Promise.all(pollers.map((p) => p.idle()));

    expect(web.requestsTo('/a')).toHaveLength(1);
    expect(web.requestsTo('/b')).toHaveLength(1);
    expect([...analyses.values()]).toEqual([1, 1, 1, 1, 1, 1]);
    expect((await first.articles.counts()).articles).toBe(6);
    // both sleep until a poll is due (or a minute, for one the other process held), none loops at once
    for (const manual of [timersA, timersB]) expect(manual.active().map((t) => t.ms > 0)).toEqual([true]);
    await Promise.all(pollers.map((p) => p.stop()));
    expect(await claimsLeft()).toBe(0);
  });

  it('analyses each item once even when both processes fetch the same feed at the same time', async () => {
    await serveFeeds();
    const [first, second] = processes as [Stores, Stores];
    // the second process took the poll over (as from a process judged dead): only item claims keep the work single
    const pollClaimIgnored: WorkClaims = {
      claim: (key, owner, now, staleBefore) =>
        key.startsWith('feed-poll:') ? Promise.resolve(true) : second.claims.claim(key, owner, now, staleBefore),
      release: (key, owner) => second.claims.release(key, owner),
      releaseAll: (owner) => second.claims.releaseAll(owner),
    };
    const url = web.url('/a');
    const outcomes = await Promise.all([
      poller(first, 'host-a:1').pollSource(url),
      poller(second, 'host-b:2', { claims: pollClaimIgnored }).pollSource(url),
    ]);

    expect(web.requestsTo('/a')).toHaveLength(2);
    expect(outcomes.reduce((total, outcome) => total + outcome.added, 0)).toBe(3);
    expect([...analyses.values()]).toEqual([1, 1, 1]);
    expect((await first.articles.counts()).articles).toBe(3);
    expect((await first.feeds.source(url))?.itemCount).toBe(3);
    // a poll that left items to the other process reads the whole feed next time, in case that process died
    for (const outcome of outcomes.filter((o) => o.elsewhere > 0)) expect(outcome.status).toBe('ok');
    expect(await claimsLeft()).toBe(0);
  });

  it('links a copy of a story in another feed to one article, and keeps it one article when edited', async () => {
    const [first, second] = processes as [Stores, Stores];
    const tram = storyItem(web, STORIES[0]);
    const copy = { ...tram, guid: 'b-tram', link: web.url('/mirror/tram') };
    web.route('/a', { body: rssFeed('Wire A', [tram]) });
    web.route('/b', { body: rssFeed('Wire B', [copy]) });
    await first.feeds.applySourcesFile([
      { url: web.url('/a'), intervalMinutes: 15 },
      { url: web.url('/b'), intervalMinutes: 15 },
    ]);
    const mine = poller(first, 'host-a:1');
    expect(await mine.pollSource(web.url('/a'))).toMatchObject({ added: 1 });
    expect(await poller(second, 'host-b:2').pollSource(web.url('/b'))).toMatchObject({ linked: 1 });

    const edited = { ...tram, html: `${tram.html}<p>The full budget for the work will be published in February.</p>` };
    web.route('/a', { body: rssFeed('Wire A', [edited]) });
    expect(await mine.pollSource(web.url('/a'))).toMatchObject({ updated: 1 });
    const [view] = (await second.articles.latest({ limit: 5 })).items;
    expect((await second.articles.counts()).articles).toBe(1);
    const article = await second.articles.getArticle(view?.id ?? '');
    expect(article?.paragraphs).toHaveLength(5);
    expect(article?.origins.sort()).toEqual([web.url('/mirror/tram'), web.url('/news/tram')]);
    expect((await second.feeds.sourcesOfArticle(view?.id ?? '')).map((s) => s.name)).toEqual(['Wire A', 'Wire B']);
  });
});
