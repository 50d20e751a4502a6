import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedSourceRecord, FeedStore, FeedStory } from '../../src/core/ports.js';
import type { FixedClock } from '../fakes/fixed-clock.js';

/** A FeedStore opened on an empty, migrated database, its clock, and how to close it. */
export interface OpenedFeedStore {
  feedStore: FeedStore;
  clock: FixedClock;
  close(): Promise<void>;
}

const T0 = '2025-12-20T12:00:00.000Z';
const MINUTE = 60_000;

/** A source as first added, with every polling field at its starting value. */
function freshSource(overrides: Partial<FeedSourceRecord>): FeedSourceRecord {
  return {
    url: 'https://a.example/feed',
    name: null,
    feedTitle: null,
    intervalMinutes: 15,
    origin: 'file',
    addedBy: null,
    addedAt: T0,
    etag: null,
    lastModified: null,
    baselined: false,
    lastPolledAt: null,
    lastSuccessAt: null,
    nextPollAt: null,
    failureCount: 0,
    failureReason: null,
    failing: false,
    pageFailures: 0,
    itemCount: 0,
    ...overrides,
  };
}

function story(origin: string, articleId: string, shingles: number[] = [1, 2, 3]): FeedStory {
  return { origin, articleId, titleKey: 'council approves tram line', shingles };
}

/**
 * The behaviour every FeedStore implementation shares (SQLite and PostgreSQL run it). `open` gives an
 * empty store for each test, its clock at 2025-12-20T12:00:00Z.
 */
export function feedStoreContract(name: string, open: () => Promise<OpenedFeedStore>): void {
  describe(`feed store (${name})`, () => {
    let opened: OpenedFeedStore;
    let feedStore: FeedStore;
    let clock: FixedClock;
    beforeEach(async () => {
      opened = await open();
      feedStore = opened.feedStore;
      clock = opened.clock;
    });
    afterEach(async () => {
      await opened.close();
    });

    const addSource = (url: string, overrides: { name?: string | null; origin?: 'file' | 'chat' } = {}) =>
      feedStore.upsertSource({
        url,
        name: overrides.name ?? null,
        intervalMinutes: 15,
        origin: overrides.origin ?? 'file',
      });

    it('adds a source with its starting state and reads it back; an unknown URL is null', async () => {
      expect(
        await feedStore.upsertSource({
          url: 'https://a.example/feed',
          name: 'Wire A',
          intervalMinutes: 15,
          origin: 'chat',
          addedBy: 'U1',
        }),
      ).toBe('added');
      expect(await feedStore.source('https://a.example/feed')).toEqual(
        freshSource({ name: 'Wire A', origin: 'chat', addedBy: 'U1' }),
      );
      expect(await feedStore.source('https://nowhere.example/feed')).toBe(null);
    });

    it('updates a source added again: the interval, the name only when given, and a file declaration wins', async () => {
      await addSource('https://a.example/feed', { name: 'Wire A', origin: 'chat' });
      expect(
        await feedStore.upsertSource({
          url: 'https://a.example/feed',
          name: null,
          intervalMinutes: 30,
          origin: 'file',
        }),
      ).toBe('updated');
      expect(await feedStore.source('https://a.example/feed')).toMatchObject({
        name: 'Wire A',
        intervalMinutes: 30,
        origin: 'file',
      });
      await feedStore.upsertSource({ url: 'https://a.example/feed', name: 'A', intervalMinutes: 10, origin: 'chat' });
      expect(await feedStore.source('https://a.example/feed')).toMatchObject({ name: 'A', origin: 'file' });
    });

    it('lists sources by display name, case-insensitively: name, else feed title, else URL', async () => {
      await addSource('https://z.example/feed', { name: 'alpha desk' });
      await addSource('https://b.example/feed');
      await addSource('https://c.example/feed');
      await feedStore.recordSuccess('https://c.example/feed', {
        etag: null,
        lastModified: null,
        feedTitle: 'Beta Wire',
        nextPollAt: new Date(T0),
      });
      await addSource('https://y.example/feed', { name: 'Zulu' });
      expect((await feedStore.sources()).map((s) => s.url)).toEqual([
        'https://z.example/feed',
        'https://c.example/feed',
        'https://b.example/feed',
        'https://y.example/feed',
      ]);
    });

    it('makes the file sources match sources.json in one step, leaving chat sources alone', async () => {
      await addSource('https://chat.example/feed', { origin: 'chat' });
      await addSource('https://gone.example/feed');
      expect(
        await feedStore.applySourcesFile([
          { url: 'https://a.example/feed', name: 'A', intervalMinutes: 15 },
          { url: 'https://chat.example/feed', intervalMinutes: 5 },
        ]),
      ).toEqual({ added: 1, updated: 1, removed: 1 });
      expect((await feedStore.sources()).map((s) => [s.url, s.origin, s.intervalMinutes])).toEqual([
        ['https://a.example/feed', 'file', 15],
        ['https://chat.example/feed', 'file', 5],
      ]);
      expect(await feedStore.applySourcesFile([])).toEqual({ added: 0, updated: 0, removed: 2 });
      expect(await feedStore.sources()).toEqual([]);
    });

    it('records a successful poll: validators, feed title, baseline and schedule, clearing failures', async () => {
      await addSource('https://a.example/feed');
      await feedStore.recordFailure('https://a.example/feed', {
        reason: 'HTTP 500',
        nextPollAt: new Date(Date.parse(T0) + 15 * MINUTE),
        failingAfter: 1,
      });
      clock.advance(15 * MINUTE);
      await feedStore.recordSuccess('https://a.example/feed', {
        etag: '"v1"',
        lastModified: 'Sat, 20 Dec 2025 10:00:00 GMT',
        feedTitle: 'City Desk',
        nextPollAt: new Date('2025-12-20T12:30:00Z'),
      });
      expect(await feedStore.source('https://a.example/feed')).toEqual(
        freshSource({
          feedTitle: 'City Desk',
          etag: '"v1"',
          lastModified: 'Sat, 20 Dec 2025 10:00:00 GMT',
          baselined: true,
          lastPolledAt: '2025-12-20T12:15:00.000Z',
          lastSuccessAt: '2025-12-20T12:15:00.000Z',
          nextPollAt: '2025-12-20T12:30:00.000Z',
        }),
      );
      // a feed that stops naming itself keeps the title it had
      await feedStore.recordSuccess('https://a.example/feed', {
        etag: null,
        lastModified: null,
        feedTitle: null,
        nextPollAt: new Date('2025-12-20T12:45:00Z'),
      });
      expect(await feedStore.source('https://a.example/feed')).toMatchObject({ feedTitle: 'City Desk', etag: null });
    });

    it('records a 304 as a success that changes nothing else', async () => {
      await addSource('https://a.example/feed');
      clock.advance(MINUTE);
      await feedStore.recordNotModified('https://a.example/feed', new Date('2025-12-20T12:16:00Z'));
      expect(await feedStore.source('https://a.example/feed')).toMatchObject({
        lastPolledAt: '2025-12-20T12:01:00.000Z',
        lastSuccessAt: '2025-12-20T12:01:00.000Z',
        nextPollAt: '2025-12-20T12:16:00.000Z',
        baselined: false,
        failureCount: 0,
      });
    });

    it('counts consecutive failures, says when the reason is new and when the source became failing', async () => {
      await addSource('https://a.example/feed');
      const fail = (reason: string) =>
        feedStore.recordFailure('https://a.example/feed', {
          reason,
          nextPollAt: new Date('2025-12-20T13:00:00Z'),
          failingAfter: 3,
        });
      expect(await fail('HTTP 500')).toEqual({
        failureCount: 1,
        failing: false,
        newReason: true,
        becameFailing: false,
      });
      expect(await fail('HTTP 500')).toEqual({
        failureCount: 2,
        failing: false,
        newReason: false,
        becameFailing: false,
      });
      expect(await fail('HTTP 503')).toEqual({ failureCount: 3, failing: true, newReason: true, becameFailing: true });
      expect(await fail('HTTP 503')).toEqual({
        failureCount: 4,
        failing: true,
        newReason: false,
        becameFailing: false,
      });
      expect(await feedStore.source('https://a.example/feed')).toMatchObject({
        failureCount: 4,
        failureReason: 'HTTP 503',
        failing: true,
        lastPolledAt: T0,
        lastSuccessAt: null,
        nextPollAt: '2025-12-20T13:00:00.000Z',
      });
    });

    it('loses no failure when two are counted at the same moment', async () => {
      await addSource('https://a.example/feed');
      const fail = () =>
        feedStore.recordFailure('https://a.example/feed', {
          reason: 'HTTP 500',
          nextPollAt: new Date('2025-12-20T13:00:00Z'),
          failingAfter: 2,
        });
      const results = await Promise.all([fail(), fail()]);
      expect(results.map((r) => r.failureCount).sort()).toEqual([1, 2]);
      expect(results.filter((r) => r.becameFailing)).toHaveLength(1);
      expect(await feedStore.source('https://a.example/feed')).toMatchObject({ failureCount: 2, failing: true });
    });

    it('reports a failure of a source removed meanwhile as a first failure', async () => {
      const result = await feedStore.recordFailure('https://gone.example/feed', {
        reason: 'HTTP 404',
        nextPollAt: new Date(T0),
        failingAfter: 5,
      });
      expect(result).toEqual({ failureCount: 1, failing: false, newReason: true, becameFailing: false });
    });

    it('schedules a source and counts article pages that could not be read', async () => {
      await addSource('https://a.example/feed');
      await feedStore.scheduleSource('https://a.example/feed', new Date('2025-12-21T08:00:00Z'));
      await feedStore.countPageFailure('https://a.example/feed');
      await feedStore.countPageFailure('https://a.example/feed');
      expect(await feedStore.source('https://a.example/feed')).toMatchObject({
        nextPollAt: '2025-12-21T08:00:00.000Z',
        pageFailures: 2,
      });
    });

    it('remembers items, replacing a new version, and counts them per source', async () => {
      await addSource('https://a.example/feed');
      await addSource('https://b.example/feed');
      expect(await feedStore.seenItem('https://a.example/feed', 'guid-1')).toBe(null);
      await feedStore.recordItem('https://a.example/feed', 'guid-1', { contentHash: 'h1', story: null });
      await feedStore.recordItem('https://a.example/feed', 'guid-2', { contentHash: 'h2', story: 'https://x/2' });
      await feedStore.recordItem('https://a.example/feed', 'guid-1', { contentHash: 'h1b', story: 'https://x/1' });
      expect(await feedStore.seenItem('https://a.example/feed', 'guid-1')).toEqual({
        contentHash: 'h1b',
        story: 'https://x/1',
      });
      expect(await feedStore.seenItem('https://b.example/feed', 'guid-1')).toBe(null);
      expect((await feedStore.sources()).map((s) => s.itemCount)).toEqual([2, 0]);
    });

    it('forgets items that left the feed long ago, keeping those still shown', async () => {
      await addSource('https://a.example/feed');
      for (const id of ['old', 'kept', 'recent']) {
        await feedStore.recordItem('https://a.example/feed', id, { contentHash: id, story: null });
      }
      clock.advance(40 * 24 * 60 * MINUTE);
      await feedStore.touchItems('https://a.example/feed', ['kept']);
      await feedStore.touchItems('https://a.example/feed', []);
      await feedStore.recordItem('https://a.example/feed', 'recent', { contentHash: 'recent2', story: null });
      const before = new Date(clock.now().getTime() - 30 * 24 * 60 * MINUTE);
      expect(await feedStore.pruneItems('https://a.example/feed', before)).toBe(1);
      expect(await feedStore.seenItem('https://a.example/feed', 'old')).toBe(null);
      expect(await feedStore.seenItem('https://a.example/feed', 'kept')).not.toBe(null);
      expect(await feedStore.seenItem('https://a.example/feed', 'recent')).not.toBe(null);
    });

    it('forgets the items of a removed source, and says whether there was one', async () => {
      await addSource('https://a.example/feed');
      await feedStore.recordItem('https://a.example/feed', 'guid-1', { contentHash: 'h1', story: null });
      expect(await feedStore.removeSource('https://a.example/feed')).toBe(true);
      expect(await feedStore.removeSource('https://a.example/feed')).toBe(false);
      await addSource('https://a.example/feed');
      expect(await feedStore.seenItem('https://a.example/feed', 'guid-1')).toBe(null);
    });

    it('records a stored item with its stories in one step, keeping 32-bit shingle hashes exact', async () => {
      await addSource('https://a.example/feed');
      const shingles = [0, 17, 2_147_483_648, 4_294_967_295];
      await feedStore.recordStoredItem({
        sourceUrl: 'https://a.example/feed',
        itemId: 'guid-1',
        contentHash: 'h1',
        story: 'https://news.example/tram',
        stories: [story('https://news.example/tram', 'art1', shingles), story('https://mirror.example/77', 'art1')],
      });
      expect(await feedStore.seenItem('https://a.example/feed', 'guid-1')).toEqual({
        contentHash: 'h1',
        story: 'https://news.example/tram',
      });
      expect(await feedStore.story('https://news.example/tram')).toEqual(
        story('https://news.example/tram', 'art1', shingles),
      );
      expect(await feedStore.story('https://nowhere.example/1')).toBe(null);
      expect((await feedStore.storiesOfArticle('art1')).map((s) => s.origin).sort()).toEqual([
        'https://mirror.example/77',
        'https://news.example/tram',
      ]);
    });

    it('moves stories to a new article version, and finds stories by title, newest first', async () => {
      await addSource('https://a.example/feed');
      const record = (itemId: string, origin: string, articleId: string) =>
        feedStore.recordStoredItem({
          sourceUrl: 'https://a.example/feed',
          itemId,
          contentHash: itemId,
          story: origin,
          stories: [story(origin, articleId)],
        });
      await record('1', 'https://news.example/one', 'art1');
      clock.advance(MINUTE);
      await record('2', 'https://news.example/two', 'art2');
      clock.advance(MINUTE);
      await record('3', 'https://news.example/three', 'art3');
      const byTitle = await feedStore.storiesByTitle('council approves tram line');
      expect(byTitle.map((s) => s.origin)).toEqual([
        'https://news.example/three',
        'https://news.example/two',
        'https://news.example/one',
      ]);
      expect(await feedStore.storiesByTitle('council approves tram line', 1)).toHaveLength(1);
      expect(await feedStore.storiesByTitle('something else')).toEqual([]);

      await feedStore.recordStoredItem({
        sourceUrl: 'https://a.example/feed',
        itemId: '1',
        contentHash: '1b',
        story: 'https://news.example/one',
        stories: [story('https://news.example/one', 'art9'), story('https://news.example/two', 'art9')],
      });
      expect(await feedStore.storiesOfArticle('art1')).toEqual([]);
      expect((await feedStore.storiesOfArticle('art9')).map((s) => s.origin).sort()).toEqual([
        'https://news.example/one',
        'https://news.example/two',
      ]);
      // an updated story keeps its place among the newest
      expect((await feedStore.storiesByTitle('council approves tram line')).map((s) => s.origin)).toEqual([
        'https://news.example/three',
        'https://news.example/two',
        'https://news.example/one',
      ]);
    });

    it('names the sources an article came from, once each, by name, else feed title, else URL', async () => {
      await addSource('https://b.example/feed', { name: 'wire B' });
      await addSource('https://a.example/feed', { name: 'Wire A' });
      await addSource('https://c.example/feed');
      await addSource('https://d.example/feed', { name: 'Unrelated' });
      await feedStore.recordSuccess('https://c.example/feed', {
        etag: null,
        lastModified: null,
        feedTitle: 'Wire C',
        nextPollAt: new Date(T0),
      });
      await feedStore.recordStoredItem({
        sourceUrl: 'https://b.example/feed',
        itemId: 'b1',
        contentHash: 'b1',
        story: 'https://news.example/tram',
        stories: [story('https://news.example/tram', 'art1')],
      });
      await feedStore.recordItem('https://a.example/feed', 'a1', {
        contentHash: 'a1',
        story: 'https://news.example/tram',
      });
      await feedStore.recordItem('https://a.example/feed', 'a2', {
        contentHash: 'a2',
        story: 'https://news.example/tram',
      });
      await feedStore.recordStoredItem({
        sourceUrl: 'https://c.example/feed',
        itemId: 'c1',
        contentHash: 'c1',
        story: 'https://mirror.example/77',
        stories: [story('https://mirror.example/77', 'art1')],
      });
      await feedStore.recordStoredItem({
        sourceUrl: 'https://d.example/feed',
        itemId: 'd1',
        contentHash: 'd1',
        story: 'https://news.example/other',
        stories: [story('https://news.example/other', 'art2')],
      });
      expect(await feedStore.sourcesOfArticle('art1')).toEqual([
        { url: 'https://a.example/feed', name: 'Wire A' },
        { url: 'https://b.example/feed', name: 'wire B' },
        { url: 'https://c.example/feed', name: 'Wire C' },
      ]);
      expect(await feedStore.sourcesOfArticle('art3')).toEqual([]);
    });
  });
}
