import { describe, expect, it } from 'vitest';
import { source } from '../../commands/source.js';
import { sources } from '../../commands/sources.js';
import type { CommandContext, CommandDeps } from '../../commands/spec.js';
import type { NewsService } from '../../src/core/news-service.js';
import type { AddSourceResult, FeedSourceRecord, RemoveSourceResult, SourceAdmin } from '../../src/core/ports.js';
import { FixedClock } from '../fakes/fixed-clock.js';

const clock = new FixedClock('2025-12-20T12:00:00Z');

function record(overrides: Partial<FeedSourceRecord>): FeedSourceRecord {
  return {
    url: 'https://news.example/feed.xml',
    name: null,
    feedTitle: null,
    intervalMinutes: 15,
    origin: 'file',
    addedBy: null,
    addedAt: '2025-12-19T08:00:00.000Z',
    etag: null,
    lastModified: null,
    baselined: true,
    lastPolledAt: '2025-12-20T11:55:00.000Z',
    lastSuccessAt: '2025-12-20T11:55:00.000Z',
    nextPollAt: '2025-12-20T12:10:00.000Z',
    failureCount: 0,
    failureReason: null,
    failing: false,
    pageFailures: 0,
    itemCount: 12,
    ...overrides,
  };
}

function fakeAdmin(list: FeedSourceRecord[], addResult?: AddSourceResult) {
  const calls: string[] = [];
  const admin: SourceAdmin = {
    list: async () => list,
    add: async (input) => {
      calls.push(`add ${input.url} ${input.name ?? '-'} ${input.addedBy ?? '-'}`);
      return addResult ?? { ok: false, reason: 'not scripted' };
    },
    remove: async (url): Promise<RemoveSourceResult> => {
      calls.push(`remove ${url}`);
      const found = list.find((s) => s.url === url);
      if (!found) return { ok: false, reason: 'not-found' };
      return found.origin === 'file' ? { ok: false, reason: 'file-source' } : { ok: true, source: found };
    },
  };
  return { admin, calls };
}

const deps = (admin: SourceAdmin | undefined, context?: CommandContext): CommandDeps => ({
  news: {} as NewsService,
  clock,
  sources: admin,
  context,
});
const manager: CommandContext = { platform: 'discord', channelId: 'C1', userId: 'U1', canManageChannel: true };
const member: CommandContext = { ...manager, userId: 'U2', canManageChannel: false };

describe('/news sources', () => {
  it('lists failing sources first with why, then the working ones with their state', async () => {
    const { admin } = fakeAdmin([
      record({ name: 'City Desk', url: 'https://city.example/rss' }),
      record({
        url: 'https://broken.example/feed',
        feedTitle: 'Broken Wire',
        failing: true,
        failureCount: 5,
        failureReason: 'HTTP 404',
        lastSuccessAt: null,
        nextPollAt: '2025-12-20T16:00:00.000Z',
      }),
      record({
        url: 'https://flaky.example/atom',
        origin: 'chat',
        failureCount: 1,
        failureReason: 'no complete response within 15000 ms',
      }),
      record({ url: 'https://new.example/feed.json', lastSuccessAt: null, nextPollAt: null, pageFailures: 0 }),
    ]);
    expect(await sources.run({}, deps(admin))).toMatchInlineSnapshot(`
      {
        "blocks": [
          {
            "text": "Failing (1)",
            "type": "heading",
          },
          {
            "items": [
              "Broken Wire (https://broken.example/feed) [sources.json], every 15 min: FAILING after 5 failed polls: HTTP 404 (never worked); next try in 4 h",
            ],
            "type": "list",
          },
          {
            "text": "Working (3)",
            "type": "heading",
          },
          {
            "items": [
              "City Desk (https://city.example/rss) [sources.json], every 15 min: ok, checked 5 min ago, 12 items seen",
              "flaky.example (https://flaky.example/atom), every 15 min: retrying after 1 failure: no complete response within 15000 ms; next try in 10 min",
              "new.example (https://new.example/feed.json) [sources.json], every 15 min: waiting for its first poll",
            ],
            "type": "list",
          },
        ],
        "title": "News sources: 4 feeds",
      }
    `);
  });

  it('says how to add feeds when there are none, and when polling is off', async () => {
    expect((await sources.run({}, deps(fakeAdmin([]).admin))).blocks).toEqual([
      { type: 'text', text: 'No feeds yet. List them in sources.json, or add one with /news source add <url> [name].' },
    ]);
    expect((await sources.run({}, deps(undefined))).blocks).toEqual([
      { type: 'text', text: 'Feed polling is not enabled in this deployment.' },
    ]);
  });
});

describe('/news source', () => {
  it('adds a feed for a channel manager and reports the first poll', async () => {
    const added = record({ name: 'Desk', origin: 'chat', url: 'https://desk.example/rss' });
    const { admin, calls } = fakeAdmin([], {
      ok: true,
      status: 'added',
      source: added,
      firstPoll: { ok: true, busy: false, items: 20, ingested: 3, reason: null },
    });
    const input = source.options.parse({ action: 'ADD', url: 'https://desk.example/rss', name: 'Desk' });
    const reply = await source.run(input, deps(admin, manager));
    expect(calls).toEqual(['add https://desk.example/rss Desk U1']);
    expect(reply).toMatchInlineSnapshot(`
      {
        "blocks": [
          {
            "text": "Now polling Desk (https://desk.example/rss) every 15 min. 20 items in the feed; 3 recent ones added, older ones kept out of digests.",
            "type": "text",
          },
        ],
        "title": "Feed added",
      }
    `);
  });

  it('says when the first poll failed, and passes on a refusal', async () => {
    const failed = fakeAdmin([], {
      ok: true,
      status: 'added',
      source: record({ origin: 'chat' }),
      firstPoll: { ok: false, busy: false, items: 0, ingested: 0, reason: 'HTTP 403' },
    });
    const input = source.options.parse({ action: 'add', url: 'https://news.example/feed.xml' });
    expect((await source.run(input, deps(failed.admin, manager))).blocks[0]).toMatchObject({
      text: expect.stringContaining('The first poll failed (HTTP 403); it will be retried'),
    });
    const refused = fakeAdmin([], { ok: false, reason: 'That is not an http(s) URL.' });
    expect(await source.run(input, deps(refused.admin, manager))).toMatchObject({
      isError: true,
      blocks: [{ type: 'text', text: 'That is not an http(s) URL.' }],
    });
  });

  it('says when another bot process is making the first poll', async () => {
    const { admin } = fakeAdmin([], {
      ok: true,
      status: 'added',
      source: record({ name: 'Desk', origin: 'chat', url: 'https://desk.example/rss', lastSuccessAt: null }),
      firstPoll: { ok: true, busy: true, items: 0, ingested: 0, reason: null },
    });
    const input = source.options.parse({ action: 'add', url: 'https://desk.example/rss' });
    expect((await source.run(input, deps(admin, manager))).blocks[0]).toEqual({
      type: 'text',
      text: 'Now polling Desk (https://desk.example/rss) every 15 min. Another bot process is polling it right now; its recent items will appear shortly.',
    });
  });

  it('refuses members who cannot manage the channel', async () => {
    const { admin, calls } = fakeAdmin([]);
    const input = source.options.parse({ action: 'add', url: 'https://desk.example/rss' });
    const reply = await source.run(input, deps(admin, member));
    expect(reply).toMatchObject({ isError: true });
    expect(reply.blocks[0]).toMatchObject({
      text: 'Only members who can manage this channel can add or remove feeds.',
    });
    expect(calls).toEqual([]);
  });

  it('removes a chat source but points to sources.json for a file source', async () => {
    const { admin } = fakeAdmin([
      record({ url: 'https://chat.example/rss', origin: 'chat' }),
      record({ url: 'https://file.example/rss', origin: 'file' }),
    ]);
    const remove = (url: string) => source.run(source.options.parse({ action: 'remove', url }), deps(admin, manager));
    expect((await remove('https://chat.example/rss')).blocks[0]).toMatchObject({
      text: 'No longer polling https://chat.example/rss.',
    });
    expect((await remove('https://file.example/rss')).blocks[0]).toMatchObject({
      text: 'That feed is listed in sources.json; remove it there.',
    });
    expect((await remove('https://none.example/rss')).blocks[0]).toMatchObject({
      text: 'No feed https://none.example/rss is followed. /news sources lists them.',
    });
  });

  it('rejects an action other than add or remove', () => {
    const result = source.options.safeParse({ action: 'list', url: 'https://x.example' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('must be add or remove, for example: /news source add <url>');
  });
});
