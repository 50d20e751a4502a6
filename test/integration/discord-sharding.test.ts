import { once } from 'node:events';
import { type Client, GatewayDispatchEvents } from 'discord.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  clientShardOptions,
  createDiscordAdapter,
  type DiscordAdapter,
  type DiscordShardOptions,
} from '../../src/adapters/discord/discord-adapter.js';
import type { Reply } from '../../src/core/reply.js';
import { FakeDiscord, type FakeGuild, shardOfGuild } from '../fakes/fake-discord.js';
import { createSeedDeps, type TestDesk } from '../helpers/seed-deps.js';
import { createTestLogger } from '../helpers/test-logger.js';

// discord.js's own sharding against the loopback fake: shard count from /gateway/bot, guilds per shard, two processes

const TOKEN = 'MTIz.fake-bot.sharding-token';

let fake: FakeDiscord;
let desk: TestDesk;
/** a guild on each shard of two */
let guildOnShard: [FakeGuild, FakeGuild];
const logger = createTestLogger();
const started: DiscordAdapter[] = [];

beforeAll(async () => {
  desk = await createSeedDeps();
});

// a fresh fake per test: it enforces max_concurrency, so shards identifying again within 5 s would be refused
beforeEach(async () => {
  fake = await FakeDiscord.start({ shards: 2, maxConcurrency: 2 });
  guildOnShard = [
    fake.addGuild({ shard: [0, 2], name: 'Shard zero desk' }),
    fake.addGuild({ shard: [1, 2], name: 'Shard one desk' }),
  ];
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((adapter) => adapter.stop()));
  await fake?.stop();
});

afterAll(async () => {
  await desk?.close();
});

function createAdapter(shards?: DiscordShardOptions): DiscordAdapter {
  const adapter = createDiscordAdapter({
    token: TOKEN,
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    deps: desk.deps,
    logger,
    restOptions: { retries: 0, timeout: 5_000 },
    ...(shards ? { shards } : {}),
  });
  started.push(adapter);
  return adapter;
}

/** The shard that delivered each interaction to `client`, by guild id. */
function recordDeliveries(client: Client): Map<string, number> {
  const delivered = new Map<string, number>();
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (data: { guild_id?: string }, shardId: number) => {
    if (data.guild_id) delivered.set(data.guild_id, shardId);
  });
  return delivered;
}

/** Every guild the fake serves on `shardId` of two, sorted. */
function guildIdsOfShard(shardId: number): string[] {
  return [...fake.guilds.keys()].filter((id) => shardOfGuild(id, 2) === shardId).sort();
}

/** Runs `/news help` in a guild and returns the channel the answer went to. */
async function helpIn(guild: FakeGuild): Promise<string | undefined> {
  const interaction = fake.sendCommand('help', {}, { guildId: guild.id });
  const callback = await fake.waitForCallback(interaction);
  expect(callback.status).toBe(204);
  return fake.responseOf(interaction)?.channel_id;
}

describe('sharded login', () => {
  it('runs the two shards /gateway/bot recommends and answers a command in a guild of each', async () => {
    const adapter = createAdapter({ count: 'auto' });
    const delivered = recordDeliveries(adapter.client);
    expect(adapter.status()).toEqual({ connected: false, detail: 'not started' });

    await adapter.start();

    expect(adapter.status()).toEqual({ connected: true, detail: '2 of 2 shards ready' });
    const { identifies } = fake;
    expect(identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    // discord.js kept to max_concurrency: the fake refused no IDENTIFY
    expect(identifies.every((i) => i.accepted)).toBe(true);
    expect([...adapter.client.guilds.cache.keys()].sort()).toEqual([...fake.guilds.keys()].sort());

    const [zero, one] = guildOnShard;
    expect(await helpIn(zero)).toBe(zero.channelId);
    expect(await helpIn(one)).toBe(one.channelId);
    expect(Object.fromEntries(delivered)).toEqual({ [zero.id]: 0, [one.id]: 1 });
  });

  it('splits the shards between two processes, each getting only the guilds of its shard', async () => {
    const first = createAdapter({ count: 2, ids: [0] });
    const second = createAdapter({ count: 2, ids: [1] });
    const deliveredToFirst = recordDeliveries(first.client);
    const deliveredToSecond = recordDeliveries(second.client);

    await Promise.all([first.start(), second.start()]);

    expect(first.status()).toEqual({ connected: true, detail: '1 of 1 shard ready (shard 0 of 2)' });
    expect(second.status()).toEqual({ connected: true, detail: '1 of 1 shard ready (shard 1 of 2)' });
    expect([...first.client.guilds.cache.keys()].sort()).toEqual(guildIdsOfShard(0));
    expect([...second.client.guilds.cache.keys()].sort()).toEqual(guildIdsOfShard(1));

    const [zero, one] = guildOnShard;
    expect(await helpIn(zero)).toBe(zero.channelId);
    expect(await helpIn(one)).toBe(one.channelId);
    expect(Object.fromEntries(deliveredToFirst)).toEqual({ [zero.id]: 0 });
    expect(Object.fromEntries(deliveredToSecond)).toEqual({ [one.id]: 1 });
  });

  it('posts a digest over REST into any channel, whatever shards the process runs', async () => {
    const digest: Reply = { title: 'Morning digest', blocks: [{ type: 'text', text: 'Two new articles.' }] };
    const first = createAdapter({ count: 2, ids: [0] });
    await first.start();
    const [, one] = guildOnShard;
    expect(first.client.guilds.cache.has(one.id)).toBe(false);

    const posted = await first.postDigest({ channelId: one.channelId, workspaceId: null }, digest);
    expect(fake.messages.get(posted.messageId)?.channel_id).toBe(one.channelId);

    // a process that only posts digests (never logged in) can too
    const idle = createAdapter({ count: 2, ids: [1] });
    const fromIdle = await idle.postDigest({ channelId: guildOnShard[0].channelId, workspaceId: null }, digest);
    expect(fake.messages.get(fromIdle.messageId)?.content).toBe('**Morning digest**');
    expect(idle.status()).toEqual({ connected: false, detail: 'not started' });
  });
});

describe('shard options', () => {
  it('maps the shard settings onto discord.js Client options', () => {
    expect(clientShardOptions({ count: 'auto' })).toEqual({ shards: 'auto' });
    expect(clientShardOptions({ count: 3 })).toEqual({ shards: [0, 1, 2], shardCount: 3 });
    expect(clientShardOptions({ count: 4, ids: [3, 1] })).toEqual({ shards: [3, 1], shardCount: 4 });
  });

  it('rejects shard ids without a numeric count or outside it', () => {
    expect(() => clientShardOptions({ count: 'auto', ids: [0] })).toThrow('need a numeric shard count');
    expect(() => clientShardOptions({ count: 2, ids: [2] })).toThrow('between 0 and 1; got 2');
    expect(() => clientShardOptions({ count: 2, ids: [] })).toThrow('got none');
    expect(() => clientShardOptions({ count: 0 })).toThrow('at least 1');
  });
});

/** raw gateway connections a test opened, closed after it */
const opened: WebSocket[] = [];

interface GatewayPayload {
  op: number;
  t?: string | null;
  d: unknown;
}

/** Opens a raw gateway connection and identifies as `shard`; resolves with the gateway's first answer. */
function identifyRaw(shard: [number, number]): Promise<{ socket: WebSocket; answer: GatewayPayload }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(fake.gatewayUrl);
    opened.push(socket);
    socket.once('error', reject);
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as GatewayPayload;
      if (payload.op === 10) {
        socket.send(JSON.stringify({ op: 2, d: { token: TOKEN, intents: 1, properties: {}, shard } }));
      } else {
        resolve({ socket, answer: payload });
      }
    });
  });
}

describe('the fake gateway', () => {
  afterEach(() => {
    for (const socket of opened.splice(0)) socket.close();
  });

  it('lists a shard’s guilds in READY and refuses a second IDENTIFY in the same max_concurrency bucket', async () => {
    fake.addGuild({ shard: [0, 4] });
    // max_concurrency 2: shards 0 and 2 share bucket 0, shard 1 has bucket 1
    const zero = await identifyRaw([0, 4]);
    const two = await identifyRaw([2, 4]);
    const one = await identifyRaw([1, 4]);

    expect(zero.answer).toMatchObject({ op: 0, t: 'READY', d: { shard: [0, 4] } });
    const listed = (zero.answer.d as { guilds: { id: string }[] }).guilds.map((g) => g.id).sort();
    expect(listed).toEqual([...fake.guilds.keys()].filter((id) => shardOfGuild(id, 4) === 0).sort());
    expect(listed.length).toBeGreaterThan(0);
    expect(two.answer).toEqual({ op: 9, d: false, s: null, t: null });
    expect(one.answer).toMatchObject({ op: 0, t: 'READY', d: { shard: [1, 4] } });
    expect(fake.identifies.map((i) => i.accepted)).toEqual([true, false, true]);
  });

  it('closes a connection that identifies with an invalid shard with 4010', async () => {
    const socket = new WebSocket(fake.gatewayUrl);
    opened.push(socket);
    socket.on('message', (raw) => {
      if ((JSON.parse(String(raw)) as GatewayPayload).op === 10) {
        socket.send(JSON.stringify({ op: 2, d: { token: TOKEN, intents: 1, properties: {}, shard: [2, 2] } }));
      }
    });
    const [code] = (await once(socket, 'close')) as [number];
    expect(code).toBe(4010);
  });
});

describe('logging', () => {
  it('never logs the bot token', () => {
    expect(logger.text()).not.toContain(TOKEN);
  });
});
