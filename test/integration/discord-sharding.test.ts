import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, GatewayDispatchEvents } from 'discord.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  clientShardOptions,
  createDiscordAdapter,
  type DiscordAdapter,
  type DiscordShardOptions,
} from '../../src/adapters/discord/discord-adapter.js';
import { createShardLeaser, type ShardLeaser, shardLeaseKey } from '../../src/adapters/discord/shard-lease.js';
import { openStores, type Stores } from '../../src/adapters/store/open-stores.js';
import type { WorkClaims } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/reply.js';
import { FakeDiscord, type FakeGuild, shardOfGuild } from '../fakes/fake-discord.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { createTestDatabase, describePg } from '../helpers/postgres.js';
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

function createAdapter(shards?: DiscordShardOptions, leaseShards?: ShardLeaser): DiscordAdapter {
  const adapter = createDiscordAdapter({
    token: TOKEN,
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    deps: desk.deps,
    logger,
    restOptions: { retries: 0, timeout: 5_000 },
    ...(shards ? { shards } : {}),
    ...(leaseShards ? { leaseShards } : {}),
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

/** Leases shards in `claims` for one process, as src/main.ts does on PostgreSQL. */
function leaserFor(claims: WorkClaims, owner: string): ShardLeaser {
  return createShardLeaser({ claims, owner, clock: new FixedClock(), staleMs: 90_000, renewMs: 30_000, logger });
}

/** Who holds each shard of two in the claims (null for a free one). */
async function shardHolders(claims: WorkClaims): Promise<(string | null)[]> {
  const holders = await Promise.all([0, 1].map((id) => claims.holder?.(shardLeaseKey(id, 2))));
  return holders.map((holder) => holder?.owner ?? null);
}

/**
 * Two processes on one database asking for shards: disjoint ids both start; one asking for a shard the other runs
 * refuses to start, before identifying, and says which shard and which process.
 */
function shardLeaseSuite(open: () => Promise<Stores>): void {
  const opened: Stores[] = [];
  const openProcess = async () => {
    const stores = await open();
    opened.push(stores);
    return stores;
  };
  afterEach(async () => {
    // the adapters first: they give their leases back on stop
    await Promise.all(started.splice(0).map((adapter) => adapter.stop()));
    await Promise.all(opened.splice(0).map((stores) => stores.close()));
  });

  it('starts two processes running disjoint shards and refuses a third asking for one of them', async () => {
    const [a, b, c] = [await openProcess(), await openProcess(), await openProcess()];
    const first = createAdapter({ count: 2, ids: [0] }, leaserFor(a.claims, 'bot-a:1234'));
    const second = createAdapter({ count: 2, ids: [1] }, leaserFor(b.claims, 'bot-b:5678'));
    await first.start();
    await second.start();
    expect(await shardHolders(c.claims)).toEqual(['bot-a:1234', 'bot-b:5678']);

    const third = createAdapter({ count: 2 }, leaserFor(c.claims, 'bot-c:42'));
    const refused = await third.start().catch((error: unknown) => error);

    expect(refused).toMatchObject({ name: 'NewsdeskError', code: 'CONFIG_INVALID' });
    expect((refused as Error).message).toMatchInlineSnapshot(
      `"Discord shard 0 of 2 is already run by bot-a:1234; give each process its own DISCORD_SHARD_IDS"`,
    );
    expect(fake.identifies.map((i) => i.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(third.status().connected).toBe(false);
    expect(first.status()).toEqual({ connected: true, detail: '1 of 1 shard ready (shard 0 of 2)' });
    // all or nothing: the third process did not keep shard 1 either
    expect(await shardHolders(c.claims)).toEqual(['bot-a:1234', 'bot-b:5678']);
  });

  it('refuses a second process left at auto like the first, naming the shard it would share', async () => {
    const [a, b] = [await openProcess(), await openProcess()];
    const first = createAdapter({ count: 'auto' }, leaserFor(a.claims, 'bot-a:1234'));
    await first.start();

    const second = createAdapter({ count: 'auto' }, leaserFor(b.claims, 'bot-b:5678'));

    await expect(second.start()).rejects.toThrow(
      'Discord shard 0 of 2 is already run by bot-a:1234; give each process its own DISCORD_SHARD_IDS',
    );
    expect(fake.identifies).toHaveLength(2);
  });

  it('refuses a process asking for another shard count, since its shards would share guilds with the running ones', async () => {
    const [a, b] = [await openProcess(), await openProcess()];
    await createAdapter({ count: 2, ids: [0] }, leaserFor(a.claims, 'bot-a:1234')).start();

    const other = createAdapter({ count: 3, ids: [2] }, leaserFor(b.claims, 'bot-b:5678'));

    await expect(other.start()).rejects.toThrow(
      'bot-a:1234 runs Discord with 2 shards and this process asks for 3; give every process the same DISCORD_SHARD_COUNT',
    );
    expect(fake.identifies.map((i) => i.shard)).toEqual([[0, 2]]);
  });

  it('gives its shards back when it stops', async () => {
    const [a, b] = [await openProcess(), await openProcess()];
    const first = createAdapter({ count: 2 }, leaserFor(a.claims, 'bot-a:1234'));
    await first.start();
    expect(await shardHolders(b.claims)).toEqual(['bot-a:1234', 'bot-a:1234']);

    await first.stop();

    expect(await shardHolders(b.claims)).toEqual([null, null]);
  });
}

describe('shard leases on one SQLite database', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-shards-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  // each process opens the database file itself, as separate processes would
  shardLeaseSuite(() => openStores({ path: join(dir, 'newsdesk.db') }, new FixedClock()));
});

describePg('shard leases on one PostgreSQL database', () => {
  let database: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
  // every test starts from no leases: the previous test's processes released theirs on stop
  shardLeaseSuite(() => openStores({ url: database.url, poolSize: 2 }, new FixedClock()));
});

describe('shard count before login', () => {
  it('resolves auto from /gateway/bot and leases every shard it recommends before identifying', async () => {
    const asked: { ids: readonly number[]; count: number; identifiesSoFar: number; gatewayAsked: boolean }[] = [];
    const adapter = createAdapter({ count: 'auto' }, async (ids, count) => {
      const gatewayAsked = fake.calls.some((call) => call.method === 'GET' && call.path === '/gateway/bot');
      asked.push({ ids, count, identifiesSoFar: fake.identifies.length, gatewayAsked });
      return { release: async () => undefined };
    });

    await adapter.start();

    // the fake recommends two shards
    expect(asked).toEqual([{ ids: [0, 1], count: 2, identifiesSoFar: 0, gatewayAsked: true }]);
    expect(adapter.client.options).toMatchObject({ shards: [0, 1], shardCount: 2 });
    expect(adapter.status()).toEqual({ connected: true, detail: '2 of 2 shards ready' });
  });

  it('says the token was rejected when /gateway/bot refuses it while resolving auto', async () => {
    fake.script({
      method: 'GET',
      path: /^\/gateway\/bot$/,
      status: 401,
      body: { message: '401: Unauthorized', code: 0 },
    });
    const adapter = createAdapter({ count: 'auto' });

    await expect(adapter.start()).rejects.toThrow(
      'Discord did not say how many gateway shards to run: it rejected the bot token; check DISCORD_TOKEN',
    );
    expect(fake.identifies).toEqual([]);
  });

  it('gives the lease back when login fails after taking it', async () => {
    const events: string[] = [];
    const adapter = createAdapter({ count: 2 }, async (ids) => {
      events.push(`lease ${ids.join(',')}`);
      return { release: async () => void events.push('release') };
    });
    // discord.js asks /gateway/bot for the gateway address inside login
    fake.script({
      method: 'GET',
      path: /^\/gateway\/bot$/,
      status: 401,
      body: { message: '401: Unauthorized', code: 0 },
    });

    await expect(adapter.start()).rejects.toThrow();

    expect(events).toEqual(['lease 0,1', 'release']);
    await adapter.stop();
    expect(events).toEqual(['lease 0,1', 'release']);
  });

  it('fails start with a store failure when the lease cannot be taken, without identifying', async () => {
    const adapter = createAdapter({ count: 2, ids: [1] }, async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    });

    const error = await adapter.start().catch((e: unknown) => e);

    expect(error).toMatchObject({
      code: 'STORE_FAILURE',
      message: 'The Discord shard lease could not be taken: connect ECONNREFUSED 127.0.0.1:5432',
    });
    expect(fake.identifies).toEqual([]);
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
