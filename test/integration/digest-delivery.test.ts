import { randomUUID } from 'node:crypto';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandDeps } from '../../commands/spec.js';
import { createDiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { createSqliteSubscriptionStore } from '../../src/adapters/store/sqlite/subscription-store.js';
import { createDigestScheduler, type DigestScheduler } from '../../src/core/digest/scheduler.js';
import { createSubscriptionService } from '../../src/core/digest/subscription-service.js';
import { ingestFile } from '../../src/core/ingest/ingest-file.js';
import type { ChatAdapter, SubscriptionStore } from '../../src/core/ports.js';
import { FakeDiscord, MANAGER_PERMISSIONS } from '../fakes/fake-discord.js';
import { FakeSlack, postSigned, slashCommandFields } from '../fakes/fake-slack.js';
import { madeUpWords } from '../fixtures/story-articles.js';
import { createSeedDeps, type TestDesk } from '../helpers/seed-deps.js';
import { createTestLogger } from '../helpers/test-logger.js';

// scheduled digests delivered by the real discord.js and Bolt clients into the loopback fakes

const HOUR = 3_600_000;
const SECRET = 'digest-test-signing-secret';

let discordFake: FakeDiscord;
let slackFake: FakeSlack;
let desk: TestDesk;
let subscriptions: SubscriptionStore;
let discord: ReturnType<typeof createDiscordAdapter>;
let slack: SlackAdapter;
let scheduler: DigestScheduler;
let slackEndpoint: string;
const logger = createTestLogger();

/** Adds `count` new articles written for this test, each with a quote from a made-up minister. */
async function addArticles(count: number, prefix: string): Promise<void> {
  for (let i = 0; i < count; i++) {
    // each article its own event: made-up words of its own, so each is a story of its own
    const own = (n: number) => madeUpWords(`${prefix}-${i}`, n);
    const text = `${prefix} story ${i}: ${own(3)}\n\nThe council approved ${own(6)} on Tuesday after a long debate.\n"${own(12)}," said Finance Minister Ada Lindqvist.\nCritics said the plan ignored ${own(60)} in the northern piers.\n`;
    const bytes = Buffer.from(text);
    await ingestFile({ store: desk.store }, { path: `${prefix}-${i}.txt`, bytes, size: bytes.length, mtimeMs: 1 });
  }
}

beforeAll(async () => {
  discordFake = await FakeDiscord.start();
  slackFake = await new FakeSlack().start();
  desk = await createSeedDeps();
  desk.clock.set('2026-03-27T10:00:00Z');
  subscriptions = createSqliteSubscriptionStore(desk.store.db);
  const deps: CommandDeps = {
    ...desk.deps,
    subscriptions: createSubscriptionService({
      store: subscriptions,
      articles: desk.store,
      clock: desk.clock,
      defaultTimezone: 'Europe/Berlin',
    }),
  };
  discord = createDiscordAdapter({
    token: 'MTIz.digest.token',
    applicationId: discordFake.applicationId,
    apiUrl: discordFake.apiUrl,
    deps,
    logger,
    restOptions: { retries: 0, timeout: 5_000 },
  });
  slack = createSlackAdapter({
    botToken: 'xoxb-digest-test',
    signingSecret: SECRET,
    port: 0,
    apiUrl: slackFake.apiUrl,
    deps,
    logger,
    botId: 'B0DIGEST',
    botUserId: 'U0DIGEST',
    clientOptions: { retryConfig: { retries: 1, factor: 1, minTimeout: 0, maxTimeout: 10 } },
  });
  await Promise.all([discord.start(), slack.start()]);
  slackEndpoint = `http://127.0.0.1:${slack.port()}/slack/events`;
  scheduler = createDigestScheduler({
    subscriptions,
    articles: desk.store,
    adapters: new Map<string, ChatAdapter>([
      ['discord', discord],
      ['slack', slack],
    ]),
    clock: desk.clock,
    logger,
    instanceId: 'test',
  });
});

afterAll(async () => {
  await scheduler?.stop();
  await discord?.stop();
  await slack?.stop();
  await discordFake?.stop();
  await slackFake?.stop();
  await desk?.close();
});

async function discordCommand(name: string, options: Record<string, string | number>, permissions?: string) {
  const interaction = discordFake.sendCommand(name, options, permissions ? { permissions } : {});
  const callback = await discordFake.waitForCallback(interaction);
  if ((callback.body as { type: number }).type === 5) {
    await discordFake.waitFor(
      (c) => c.method === 'PATCH' && c.path.includes(`/${interaction.token}/messages/@original`),
    );
  }
  const message = discordFake.responseOf(interaction);
  const embeds = (message?.embeds ?? []) as APIEmbed[];
  return [message?.content ?? '', ...embeds.map((e) => `${e.title ?? ''} ${e.description ?? ''}`)].join('\n');
}

async function slackCommand(text: string): Promise<string> {
  const id = randomUUID();
  const response = await postSigned(slackEndpoint, SECRET, slashCommandFields(text, slackFake.responseUrl(id)));
  expect(response.status).toBe(200);
  const answer = await slackFake.waitForResponse(id);
  return JSON.stringify(answer.body);
}

describe('scheduled digests on Discord and Slack', () => {
  it('lets only channel managers subscribe on Discord, and explains a bad schedule with an example', async () => {
    const refused = await discordCommand('subscribe', { schedule: 'daily 08:00' });
    expect(refused).toContain('Only members who can manage this channel');
    const bad = await discordCommand('subscribe', { schedule: 'daily at noon' }, MANAGER_PERMISSIONS);
    expect(bad).toContain('"daily" needs a time like 08:00. Examples:');
    const ok = await discordCommand('subscribe', { schedule: 'daily 08:00' }, MANAGER_PERMISSIONS);
    expect(ok).toContain('This channel will get a digest daily 08:00 (Europe/Berlin)');
    expect(await subscriptions.forChannel('discord', discordFake.channelId)).toHaveLength(1);
  });

  it('subscribes a Slack channel from the slash command', async () => {
    const answer = await slackCommand('subscribe hourly UTC who:Ada_Lindqvist');
    expect(answer).toContain('This channel will get a digest hourly (UTC) about who:Ada_Lindqvist');
    const listed = await slackCommand('subscriptions');
    expect(listed).toContain('hourly (UTC) about who:Ada_Lindqvist: last sent never');
  });

  it('posts a large digest at its slot within both platforms’ limits, split over several messages', async () => {
    await addArticles(40, 'large');
    desk.clock.set('2026-03-28T07:00:00Z'); // 08:00 in Berlin
    const report = await scheduler.tick();
    expect(report).toMatchObject({ posted: 2, failed: 0 });
    const posts = discordFake.calls.filter(
      (c) => c.method === 'POST' && c.path === `/channels/${discordFake.channelId}/messages`,
    );
    expect(posts.length).toBeGreaterThan(1);
    expect(posts.every((c) => c.status === 200)).toBe(true);
    const slackPosts = slackFake.apiCalls('chat.postMessage');
    expect(slackPosts.length).toBeGreaterThan(0);
    expect(JSON.stringify(slackPosts.map((c) => c.body))).toContain('Ada Lindqvist');
    // forty article links stay compact messages: no link or media previews
    expect(slackPosts.map((c) => [String(c.body.unfurl_links), String(c.body.unfurl_media)])).toEqual(
      slackPosts.map(() => ['false', 'false']),
    );
    // nothing new an hour later: no post
    desk.clock.advance(HOUR);
    expect(await scheduler.tick()).toMatchObject({ posted: 0 });
  });

  it('marks a channel the bot may not post in as failing, backs off, and recovers', async () => {
    await addArticles(2, 'denied');
    discordFake.script({
      method: 'POST',
      path: /^\/channels\/\d+\/messages$/,
      status: 403,
      body: { code: 50013, message: 'Missing Permissions' },
    });
    desk.clock.set('2026-03-29T06:00:00Z'); // 08:00 CEST, after the DST change
    await scheduler.tick();
    const [sub] = await subscriptions.forChannel('discord', discordFake.channelId);
    expect(sub?.failureReason).toBe('Discord: missing permission (50013)');
    const listed = await discordCommand('subscriptions', {});
    expect(listed).toContain('FAILING: Discord: missing permission (50013)');
    const calls = discordFake.calls.length;
    desk.clock.advance(10 * 60_000);
    await scheduler.tick();
    expect(discordFake.calls.slice(calls).some((c) => c.path.startsWith('/channels/'))).toBe(false);
    desk.clock.advance(2 * HOUR);
    expect(await scheduler.tick()).toMatchObject({ posted: 1 });
    expect((await subscriptions.forChannel('discord', discordFake.channelId))[0]?.failureReason).toBeNull();
  });
});
