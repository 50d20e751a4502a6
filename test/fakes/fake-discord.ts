import { once } from 'node:events';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * A loopback fake of Discord's REST API (v10) and gateway, enough for a real discord.js 14 Client:
 * HELLO / IDENTIFY / READY / GUILD_CREATE / heartbeats, INTERACTION_CREATE dispatch, interaction callbacks,
 * webhook edits and follow-ups, channel messages and command registration. Message payloads are checked
 * against Discord's documented limits and rejected with Discord's 400 / 50035 "Invalid Form Body" shape.
 *
 * Sharding works as on Discord: `/gateway/bot` recommends `shards`; an IDENTIFY with `shard: [id, count]`
 * gets a READY listing the guilds of that shard (`(guild_id >> 22) % count`), and a guild's interactions
 * arrive over its shard's connection only. See ../shared/notes/platform-testing.md for the recipe.
 */

/** A REST request as the fake received it. */
export interface RecordedCall {
  method: string;
  /** the path after `/api/v10`, percent-decoded (`/webhooks/1/tok/messages/@original`) */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** parsed JSON body (or `payload_json` of a multipart body); null when there was none */
  body: unknown;
  /** the status the fake answered */
  status: number;
}

/** A canned response the fake gives instead of handling a matching request. */
export interface ScriptedResponse {
  method: string;
  path: RegExp;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A message as the fake stores it (Discord's message object, trimmed to what tests read). */
export interface FakeMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  allowed_mentions: unknown;
}

/** Discord's nested form-error object: `{ embeds: { 0: { title: { _errors: [...] } } } }`. */
export type FormErrors = { [key: string]: FormErrors } | { _errors: { code: string; message: string }[] };

/** A server the fake knows, with the one text channel the bot sees there. */
export interface FakeGuild {
  id: string;
  channelId: string;
  name: string;
}

/** One IDENTIFY the gateway received, and whether it started a session. */
export interface IdentifyRecord {
  shard: [id: number, count: number];
  /** false when it broke max_concurrency and got op 9 Invalid Session */
  accepted: boolean;
}

/** An identified gateway connection: one shard of one client. */
interface GatewaySession {
  socket: WebSocket;
  shard: [id: number, count: number];
  sessionId: string;
  /** the last sequence number sent on this connection */
  sequence: number;
}

/** A request the fake keeps unanswered until the test releases it. */
export interface HeldRequest {
  /** resolves once a matching request has arrived (and is being held) */
  arrived: Promise<void>;
  /** lets the held request through to its normal answer */
  release(): void;
}

interface InteractionRecord {
  id: string;
  token: string;
  channelId: string;
  /** the message a component interaction came from; `update()` and `deferUpdate()` edit it */
  sourceMessageId: string | null;
  /** the interaction's original response message, once there is one */
  originalId: string | null;
}

export interface FakeDiscordOptions {
  applicationId?: string;
  guildId?: string;
  channelId?: string;
  /** gateway heartbeat interval announced in HELLO; large so heartbeats never matter in tests */
  heartbeatIntervalMs?: number;
  /** the shard count `/gateway/bot` recommends (what discord.js uses for `shards: 'auto'`); 1 by default */
  shards?: number;
  /**
   * `session_start_limit.max_concurrency`. When given, it is enforced like Discord's identify rate limit: a second
   * IDENTIFY in the same bucket (`shard_id % max_concurrency`) within 5 s gets op 9 Invalid Session. When absent,
   * 1 is announced and not enforced, so tests may reconnect quickly.
   */
  maxConcurrency?: number;
}

/** The shard that serves a guild: `(guild_id >> 22) % shard_count`, as Discord documents. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export const EPHEMERAL_FLAG = 1 << 6;
const API_PREFIX = '/api/v10';
const BOT_USER_ID = '1000000000000000001';
/** what an ordinary member may do: view, send, embed links, use commands; not Manage Channels (1 << 4) */
const MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 31n));
/** a member with Manage Channels, for commands that change what a channel receives */
export const MANAGER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | (1n << 4n));

/** Discord's identify rate-limit window per max_concurrency bucket. */
const IDENTIFY_WINDOW_MS = 5_000;

let snowflakeCounter = 1_300_000_000_000_000_000n;
function nextSnowflake(): string {
  snowflakeCounter += 1n;
  return snowflakeCounter.toString();
}

/** The timestamp part (`id >> 22`) of the next generated guild id; above the default guild's, so ids never clash. */
let guildTimestamp = 480_000_000_000n;
/** A fresh guild id that lands on `shard` of `count` (any shard when no shard is asked for). */
function nextGuildId(shard?: [id: number, count: number]): string {
  guildTimestamp += 1n;
  if (shard) {
    const [id, count] = shard;
    while (guildTimestamp % BigInt(count) !== BigInt(id)) guildTimestamp += 1n;
  }
  return ((guildTimestamp << 22n) | 1n).toString();
}

export class FakeDiscord {
  readonly applicationId: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly calls: RecordedCall[] = [];
  /** every message created or edited, by id */
  readonly messages = new Map<string, FakeMessage>();
  /** autocomplete answers, by interaction id */
  readonly autocompleteResults = new Map<string, unknown[]>();
  /** registered commands, by route path */
  readonly registeredCommands = new Map<string, unknown[]>();
  /** every server the bot is in, by id; the first is `guildId` */
  readonly guilds = new Map<string, FakeGuild>();
  /** how many times a client identified on the gateway (accepted identifies) */
  identifyCount = 0;
  /** every IDENTIFY received, in order */
  readonly identifies: IdentifyRecord[] = [];
  /** the shard count `/gateway/bot` recommends; tests may change it between logins */
  recommendedShards: number;

  private readonly http: Server;
  private readonly wss: WebSocketServer;
  /** every open gateway socket, identified or not */
  private readonly sockets = new Set<WebSocket>();
  private readonly sessions = new Map<WebSocket, GatewaySession>();
  private readonly interactions = new Map<string, InteractionRecord>();
  private readonly scripted: ScriptedResponse[] = [];
  private readonly holds: { method: string; path: RegExp; arrive: () => void; released: Promise<void> }[] = [];
  private readonly releaseHolds: (() => void)[] = [];
  private readonly waiters: { predicate: (call: RecordedCall) => boolean; resolve: (call: RecordedCall) => void }[] =
    [];
  private readonly heartbeatIntervalMs: number;
  private readonly maxConcurrency: number | undefined;
  /** when each max_concurrency bucket last started a session */
  private readonly lastIdentifyAt = new Map<number, number>();
  private port = 0;

  private constructor(options: FakeDiscordOptions) {
    this.applicationId = options.applicationId ?? '1000000000000000001';
    this.guildId = options.guildId ?? '2000000000000000001';
    this.channelId = options.channelId ?? '3000000000000000001';
    this.guilds.set(this.guildId, { id: this.guildId, channelId: this.channelId, name: 'Fake newsroom' });
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 3_600_000;
    this.recommendedShards = options.shards ?? 1;
    this.maxConcurrency = options.maxConcurrency;
    this.http = createServer((req, res) => {
      this.handleHttp(req, res).catch((error: unknown) => {
        this.send(res, 500, { code: 0, message: `fake failure: ${String(error)}` });
      });
    });
    this.wss = new WebSocketServer({ server: this.http, path: '/gateway' });
    this.wss.on('connection', (socket) => this.handleSocket(socket));
  }

  /** Starts the fake on a free loopback port. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    fake.http.listen(0, '127.0.0.1');
    await once(fake.http, 'listening');
    fake.port = (fake.http.address() as AddressInfo).port;
    return fake;
  }

  /** The REST base to give discord.js (`rest.api`); the client appends `/v10`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** The gateway address `/gateway/bot` hands out, for tests that speak the gateway protocol themselves. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** Closes every gateway socket and the HTTP server (held requests are let through first). */
  async stop(): Promise<void> {
    for (const release of this.releaseHolds) release();
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  /** Makes the next request matching `method` and `path` get `status` (once per call to this method). */
  script(response: ScriptedResponse): void {
    this.scripted.push(response);
  }

  /**
   * Holds the next request matching `method` and `path` unanswered until `release()` is called: a reply still in
   * flight, for tests of graceful shutdown. Scripted answers and the normal routes apply once released.
   */
  hold(method: string, path: RegExp): HeldRequest {
    let arrive = (): void => undefined;
    let release = (): void => undefined;
    const arrived = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.holds.push({ method, path, arrive, released });
    this.releaseHolds.push(release);
    return { arrived, release };
  }

  /** Adds a server with one text channel, on the given shard of `count` when `shard` is `[id, count]`. */
  addGuild(options: { shard?: [id: number, count: number]; name?: string } = {}): FakeGuild {
    const id = nextGuildId(options.shard);
    const guild: FakeGuild = {
      id,
      channelId: nextSnowflake(),
      name: options.name ?? `Fake server ${this.guilds.size}`,
    };
    this.guilds.set(id, guild);
    return guild;
  }

  /** The identified gateway connections: which shard each runs and the guilds it serves. */
  gatewaySessions(): { shard: [id: number, count: number]; guildIds: string[] }[] {
    return [...this.sessions.values()].map((session) => ({
      shard: session.shard,
      guildIds: this.guildsOfShard(session.shard).map((guild) => guild.id),
    }));
  }

  /** Makes the next matching request get Discord's 429 with a short `retry-after`. */
  rateLimitNext(method: string, path: RegExp, retryAfterSeconds = 0.1): void {
    this.script({
      method,
      path,
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
      headers: {
        'retry-after': String(retryAfterSeconds),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(retryAfterSeconds),
        'x-ratelimit-bucket': 'fake-bucket',
        'x-ratelimit-scope': 'user',
      },
    });
  }

  /** Resolves with the first recorded call (past or future) that matches, or rejects after `timeoutMs`. */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs = 5_000): Promise<RecordedCall> {
    const seen = this.calls.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`fake Discord: no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = {
        predicate,
        resolve: (call: RecordedCall) => {
          clearTimeout(timer);
          resolve(call);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Resolves with the interaction's callback request (reply, defer, update or autocomplete result). */
  waitForCallback(interaction: { id: string }, timeoutMs?: number): Promise<RecordedCall> {
    return this.waitFor((call) => isCallbackPath(call.path, interaction.id), timeoutMs);
  }

  /** The calls made for one interaction (its callback and its webhook routes), in order. */
  callsFor(interaction: { id: string; token: string }): RecordedCall[] {
    return this.calls.filter(
      (call) => call.path.startsWith(`/interactions/${interaction.id}/`) || call.path.includes(`/${interaction.token}`),
    );
  }

  /** The message an interaction's response currently shows (after replies, updates and edits). */
  responseOf(interaction: { id: string }): FakeMessage | undefined {
    const record = this.interactions.get(interaction.id);
    const id = record?.originalId ?? record?.sourceMessageId;
    return id === undefined || id === null ? undefined : this.messages.get(id);
  }

  /** Stores a message as if the bot had posted it earlier (e.g. before a restart) and returns it. */
  seedMessage(fields: Partial<FakeMessage>): FakeMessage {
    const message: FakeMessage = {
      id: nextSnowflake(),
      channel_id: this.channelId,
      content: '',
      embeds: [],
      components: [],
      flags: 0,
      allowed_mentions: null,
      ...fields,
    };
    this.messages.set(message.id, message);
    return message;
  }

  /**
   * Dispatches `/news <subcommand>` with options over the connection of the guild's shard (the default guild unless
   * `guildId` names another); `focused` names the option being typed (autocomplete).
   */
  sendCommand(
    subcommand: string,
    options: Record<string, string | number> = {},
    context: { userId?: string; focused?: string; permissions?: string; guildId?: string } = {},
  ): { id: string; token: string } {
    const subOptions = Object.entries(options).map(([name, value]) => ({
      name,
      type: typeof value === 'number' ? 4 : 3,
      value,
      ...(context.focused === name ? { focused: true } : {}),
    }));
    // "follow who": a subcommand of a subcommand group
    const [group, inner] = subcommand.split(' ');
    const data = {
      id: '4000000000000000001',
      name: 'news',
      type: 1,
      options:
        inner === undefined
          ? [{ name: subcommand, type: 1, options: subOptions }]
          : [{ name: group, type: 2, options: [{ name: inner, type: 1, options: subOptions }] }],
    };
    const type = context.focused === undefined ? 2 : 4;
    const guild = this.guildById(context.guildId ?? this.guildId);
    return this.sendInteraction(type, data, guild, context.userId, null, context.permissions);
  }

  /** Dispatches a button press on `message` (which must carry the button) by `userId`, in the message's guild. */
  sendButton(message: FakeMessage, customId: string, userId?: string): { id: string; token: string } {
    const guild = [...this.guilds.values()].find((g) => g.channelId === message.channel_id) ?? this.primaryGuild();
    return this.sendInteraction(3, { custom_id: customId, component_type: 2 }, guild, userId, message);
  }

  private sendInteraction(
    type: number,
    data: object,
    guild: FakeGuild,
    userId = '5000000000000000001',
    message: FakeMessage | null,
    permissions = MEMBER_PERMISSIONS,
  ): { id: string; token: string } {
    const id = nextSnowflake();
    const token = `itok-${id}`;
    this.interactions.set(id, {
      id,
      token,
      channelId: guild.channelId,
      sourceMessageId: message?.id ?? null,
      originalId: null,
    });
    const interaction = {
      id,
      application_id: this.applicationId,
      type,
      data,
      guild_id: guild.id,
      channel: { id: guild.channelId, type: 0, guild_id: guild.id, name: 'news' },
      channel_id: guild.channelId,
      member: {
        user: { id: userId, username: `user${userId.slice(-4)}`, discriminator: '0', global_name: null, avatar: null },
        roles: [],
        joined_at: '2025-01-01T00:00:00.000Z',
        deaf: false,
        mute: false,
        flags: 0,
        permissions,
      },
      token,
      version: 1,
      app_permissions: '2248473465835073',
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': guild.id },
      context: 0,
      attachment_size_limit: 10_485_760,
      ...(message ? { message: this.messageObject(message) } : {}),
    };
    this.dispatch('INTERACTION_CREATE', interaction, guild.id);
    return { id, token };
  }

  /**
   * Sends a gateway dispatch (op 0): to the connections whose shard serves `guildId` when given (as Discord routes
   * guild events), else to every identified connection.
   */
  dispatch(event: string, data: object, guildId?: string): void {
    for (const session of this.sessions.values()) {
      const [shardId, shardCount] = session.shard;
      if (guildId === undefined || shardOfGuild(guildId, shardCount) === shardId) this.sendEvent(session, event, data);
    }
  }

  // ---- gateway ----

  private handleSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null }));
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.sessions.delete(socket);
    });
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d?: { shard?: unknown } };
      if (payload.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (payload.op === 2) this.identify(socket, payload.d?.shard);
    });
  }

  private identify(socket: WebSocket, requested: unknown): void {
    const shard = parseShard(requested);
    if (!shard) {
      socket.close(4010, 'Invalid shard.');
      return;
    }
    const accepted = this.takeIdentifySlot(shard[0]);
    this.identifies.push({ shard, accepted });
    if (!accepted) {
      socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return;
    }
    this.identifyCount += 1;
    const session: GatewaySession = { socket, shard, sessionId: `session-${this.identifyCount}`, sequence: 0 };
    this.sessions.set(socket, session);
    const guilds = this.guildsOfShard(shard);
    this.sendEvent(session, 'READY', {
      v: 10,
      user: {
        id: BOT_USER_ID,
        username: 'newsdesk',
        discriminator: '0',
        bot: true,
        avatar: null,
        global_name: null,
      },
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.sessionId,
      resume_gateway_url: this.gatewayUrl,
      application: { id: this.applicationId, flags: 0 },
      shard,
    });
    for (const guild of guilds) this.sendEvent(session, 'GUILD_CREATE', guildObject(guild));
  }

  /** Whether an IDENTIFY for `shardId` may start a session now, under max_concurrency (and takes the slot). */
  private takeIdentifySlot(shardId: number): boolean {
    if (this.maxConcurrency === undefined) return true;
    const bucket = shardId % this.maxConcurrency;
    const now = Date.now();
    const last = this.lastIdentifyAt.get(bucket);
    if (last !== undefined && now - last < IDENTIFY_WINDOW_MS) return false;
    this.lastIdentifyAt.set(bucket, now);
    return true;
  }

  private sendEvent(session: GatewaySession, event: string, data: object): void {
    session.sequence += 1;
    session.socket.send(JSON.stringify({ op: 0, t: event, s: session.sequence, d: data }));
  }

  private guildsOfShard([shardId, shardCount]: [number, number]): FakeGuild[] {
    return [...this.guilds.values()].filter((guild) => shardOfGuild(guild.id, shardCount) === shardId);
  }

  private guildById(id: string): FakeGuild {
    const guild = this.guilds.get(id);
    if (!guild) throw new Error(`fake Discord: unknown guild ${id}; add it with addGuild()`);
    return guild;
  }

  private primaryGuild(): FakeGuild {
    return this.guildById(this.guildId);
  }

  private channelById(channelId: string): FakeGuild | undefined {
    return [...this.guilds.values()].find((guild) => guild.channelId === channelId);
  }

  // ---- REST ----

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // discord.js percent-encodes `@original`; Discord itself accepts both forms
    const path = decodeURIComponent(url.pathname).replace(API_PREFIX, '');
    const body = parseBody(await readBody(req), req.headers['content-type']);
    const method = req.method ?? 'GET';
    await this.waitIfHeld(method, path);
    const scriptedIndex = this.scripted.findIndex((s) => s.method === method && s.path.test(path));
    const { status, payload, headers } =
      scriptedIndex >= 0 ? takeScripted(this.scripted.splice(scriptedIndex, 1)[0]!) : this.route(method, path, body);
    const call: RecordedCall = { method, path, query: url.searchParams, headers: req.headers, body, status };
    this.calls.push(call);
    this.send(res, status, payload, headers);
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(call)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    }
  }

  /** Keeps a request matching a `hold()` unanswered until the test releases it. */
  private async waitIfHeld(method: string, path: string): Promise<void> {
    const index = this.holds.findIndex((h) => h.method === method && h.path.test(path));
    if (index < 0) return;
    const held = this.holds.splice(index, 1)[0]!;
    held.arrive();
    await held.released;
  }

  private route(method: string, path: string, body: unknown): Answer {
    const parts = path.split('/').filter(Boolean);
    if (method === 'GET' && path === '/gateway/bot') {
      return ok({
        url: this.gatewayUrl,
        shards: this.recommendedShards,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 14_400_000,
          max_concurrency: this.maxConcurrency ?? 1,
        },
      });
    }
    if (method === 'POST' && parts[0] === 'interactions' && parts[3] === 'callback') {
      return this.interactionCallback(parts[1]!, body as { type: number; data?: Record<string, unknown> });
    }
    if (parts[0] === 'webhooks' && parts.length >= 3) {
      return this.webhook(method, parts[2]!, parts.slice(3), body);
    }
    if (parts[0] === 'channels' && parts.length === 2 && method === 'GET') {
      const guild = this.channelById(parts[1]!);
      return guild
        ? ok({ id: guild.channelId, type: 0, guild_id: guild.id, name: 'news' })
        : discordError(404, 10003, 'Unknown Channel');
    }
    if (parts[0] === 'channels' && parts[2] === 'messages' && parts.length === 3 && method === 'POST') {
      return this.createMessage(parts[1]!, body as MessageBody);
    }
    if (parts[0] === 'applications' && parts.at(-1) === 'commands' && method === 'PUT') {
      return this.registerCommands(path, body);
    }
    if (parts[0] === 'applications' && parts.at(-1) === 'commands' && method === 'GET') {
      return ok(this.registeredCommands.get(path) ?? []);
    }
    return discordError(404, 0, '404: Not Found');
  }

  private interactionCallback(interactionId: string, body: { type: number; data?: Record<string, unknown> }): Answer {
    const record = this.interactions.get(interactionId);
    if (!record) return discordError(404, 10062, 'Unknown interaction');
    const data = (body.data ?? {}) as MessageBody;
    const isFirstResponse = record.originalId === null && !this.calls.some((c) => isCallbackOf(c, interactionId));
    if (!isFirstResponse) return discordError(400, 40060, 'Interaction has already been acknowledged.');
    switch (body.type) {
      case 4: {
        const errors = messageLimitErrors(data, true);
        if (errors) return invalidFormBody({ data: errors });
        record.originalId = this.storeMessage(record.channelId, data).id;
        return noContent();
      }
      case 5:
        record.originalId = this.storeMessage(record.channelId, { content: '', flags: Number(data.flags ?? 0) }).id;
        return noContent();
      case 6:
        return record.sourceMessageId ? noContent() : discordError(400, 50035, 'Invalid Form Body');
      case 7: {
        if (!record.sourceMessageId) return discordError(400, 50035, 'Invalid Form Body');
        const errors = messageLimitErrors(data, false);
        if (errors) return invalidFormBody({ data: errors });
        this.editMessage(record.sourceMessageId, data);
        return noContent();
      }
      case 8: {
        const choices = (data as { choices?: unknown[] }).choices ?? [];
        const errors = choiceErrors(choices);
        if (errors) return invalidFormBody({ data: { choices: errors } });
        this.autocompleteResults.set(interactionId, choices);
        return noContent();
      }
      default:
        return invalidFormBody({ type: fieldError('INTERACTION_RESPONSE_TYPE_INVALID', 'Invalid response type.') });
    }
  }

  private webhook(method: string, token: string, rest: string[], body: unknown): Answer {
    const record = [...this.interactions.values()].find((r) => r.token === token);
    if (!record) return discordError(404, 10015, 'Unknown Webhook');
    const targetId = record.originalId ?? record.sourceMessageId;
    if (rest.length === 0 && method === 'POST') {
      const errors = messageLimitErrors(body as MessageBody, true);
      if (errors) return invalidFormBody(errors);
      return ok(this.messageObject(this.storeMessage(record.channelId, body as MessageBody)));
    }
    const isOriginal = rest[0] === 'messages' && rest[1] === '@original';
    if (!isOriginal || targetId === null) return discordError(404, 10008, 'Unknown Message');
    if (method === 'PATCH') {
      const errors = messageLimitErrors(body as MessageBody, false);
      if (errors) return invalidFormBody(errors);
      return ok(this.messageObject(this.editMessage(targetId, body as MessageBody)));
    }
    if (method === 'DELETE') {
      this.messages.delete(targetId);
      return noContent();
    }
    if (method === 'GET') return ok(this.messageObject(this.messages.get(targetId)!));
    return discordError(405, 0, '405: Method Not Allowed');
  }

  private createMessage(channelId: string, body: MessageBody): Answer {
    if (!this.channelById(channelId)) return discordError(404, 10003, 'Unknown Channel');
    const errors = messageLimitErrors(body, true);
    if (errors) return invalidFormBody(errors);
    return ok(this.messageObject(this.storeMessage(channelId, body)));
  }

  private registerCommands(path: string, body: unknown): Answer {
    if (!Array.isArray(body))
      return invalidFormBody({ _errors: [fieldErrorEntry('BASE_TYPE_ARRAY', 'Not an array.')] });
    const errors = commandListErrors(body);
    if (errors) return invalidFormBody(errors);
    const saved = body.map((command: object) => ({
      id: nextSnowflake(),
      application_id: this.applicationId,
      version: nextSnowflake(),
      type: 1,
      ...command,
    }));
    this.registeredCommands.set(path, saved);
    return ok(saved);
  }

  private storeMessage(channelId: string, body: MessageBody): FakeMessage {
    const message: FakeMessage = {
      id: nextSnowflake(),
      channel_id: channelId,
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      flags: Number(body.flags ?? 0),
      allowed_mentions: body.allowed_mentions ?? null,
    };
    this.messages.set(message.id, message);
    return message;
  }

  private editMessage(id: string, body: MessageBody): FakeMessage {
    const current = this.messages.get(id) ?? this.seedMessage({ id });
    const edited: FakeMessage = {
      ...current,
      ...(body.content !== undefined ? { content: body.content ?? '' } : {}),
      ...(body.embeds !== undefined ? { embeds: body.embeds ?? [] } : {}),
      ...(body.components !== undefined ? { components: body.components ?? [] } : {}),
      ...(body.allowed_mentions !== undefined ? { allowed_mentions: body.allowed_mentions } : {}),
    };
    this.messages.set(id, edited);
    return edited;
  }

  private messageObject(message: FakeMessage): object {
    return {
      id: message.id,
      type: 0,
      channel_id: message.channel_id,
      author: { id: BOT_USER_ID, username: 'newsdesk', discriminator: '0', bot: true, avatar: null, global_name: null },
      content: message.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: message.embeds,
      components: message.components,
      pinned: false,
      flags: message.flags,
      application_id: this.applicationId,
    };
  }

  private send(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
    if (payload === undefined) {
      res.writeHead(status, headers).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
  }
}

// ---- request plumbing ----

interface Answer {
  status: number;
  payload?: unknown;
  headers?: Record<string, string>;
}

interface MessageBody {
  content?: string | null;
  embeds?: unknown[] | null;
  components?: unknown[] | null;
  flags?: number | string | null;
  allowed_mentions?: unknown;
}

function ok(payload: unknown): Answer {
  return { status: 200, payload };
}

function noContent(): Answer {
  return { status: 204 };
}

function discordError(status: number, code: number, message: string): Answer {
  return { status, payload: { code, message } };
}

function invalidFormBody(errors: FormErrors): Answer {
  return { status: 400, payload: { code: 50035, message: 'Invalid Form Body', errors } };
}

function takeScripted(scripted: ScriptedResponse): Answer {
  return {
    status: scripted.status,
    ...(scripted.body !== undefined ? { payload: scripted.body } : {}),
    ...(scripted.headers ? { headers: scripted.headers } : {}),
  };
}

/** A GUILD_CREATE payload for a guild, with its one text channel. */
function guildObject(guild: FakeGuild): object {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: '5000000000000000009',
    roles: [],
    emojis: [],
    stickers: [],
    features: [],
    member_count: 2,
    members: [],
    channels: [{ id: guild.channelId, type: 0, name: 'news', guild_id: guild.id, position: 0 }],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    joined_at: '2025-01-01T00:00:00.000Z',
    large: false,
    unavailable: false,
    premium_tier: 0,
    preferred_locale: 'en-US',
    system_channel_flags: 0,
    verification_level: 0,
    nsfw_level: 0,
  };
}

function isCallbackOf(call: RecordedCall, interactionId: string): boolean {
  return isCallbackPath(call.path, interactionId) && call.status < 300;
}

/** `/interactions/{id}/{token}/callback` */
function isCallbackPath(path: string, interactionId: string): boolean {
  return path.startsWith(`/interactions/${interactionId}/`) && path.endsWith('/callback');
}

/** The `shard: [id, count]` of an IDENTIFY ([0, 1] when absent), or null when it is not a valid shard. */
function parseShard(value: unknown): [id: number, count: number] | null {
  if (value === undefined || value === null) return [0, 1];
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [id, count] = value as unknown[];
  const valid =
    Number.isInteger(id) && Number.isInteger(count) && (id as number) >= 0 && (id as number) < (count as number);
  return valid ? [id as number, count as number] : null;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return null;
  const text = raw.toString('utf8');
  if (contentType?.startsWith('multipart/form-data')) {
    // attachments travel as multipart with the JSON in a `payload_json` part
    const match = /name="payload_json"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(text);
    return match ? JSON.parse(match[1]!) : null;
  }
  return JSON.parse(text);
}

// ---- Discord's limits (docs: resources/message.mdx "Embed Limits", components/reference.mdx) ----

function fieldErrorEntry(code: string, message: string): { code: string; message: string } {
  return { code, message };
}

function fieldError(code: string, message: string): FormErrors {
  return { _errors: [fieldErrorEntry(code, message)] };
}

function maxLength(limit: number): FormErrors {
  return fieldError('BASE_TYPE_MAX_LENGTH', `Must be ${limit} or fewer in length.`);
}

/** Collects errors into Discord's nested shape; empty when nothing was added. */
class ErrorTree {
  readonly root: Record<string, FormErrors> = {};

  add(path: (string | number)[], error: FormErrors): void {
    let node = this.root as Record<string, unknown>;
    for (const key of path.slice(0, -1)) {
      node[String(key)] ??= {};
      node = node[String(key)] as Record<string, unknown>;
    }
    node[String(path.at(-1))] = error;
  }

  result(): FormErrors | null {
    return Object.keys(this.root).length > 0 ? this.root : null;
  }
}

function checkLength(tree: ErrorTree, path: (string | number)[], value: unknown, max: number, min = 0): void {
  if (typeof value !== 'string') return;
  if (value.length > max) tree.add(path, maxLength(max));
  else if (value.length < min) tree.add(path, fieldError('BASE_TYPE_MIN_LENGTH', `Must be ${min} or more in length.`));
}

interface EmbedShape {
  title?: string;
  description?: string;
  url?: string;
  timestamp?: string;
  footer?: { text?: string };
  author?: { name?: string };
  fields?: { name?: string; value?: string }[];
}

/** Validates a message body as Discord does; `creating` demands some content (Discord's 50006 otherwise). */
export function messageLimitErrors(body: MessageBody, creating: boolean): FormErrors | null {
  const tree = new ErrorTree();
  checkLength(tree, ['content'], body.content, 2000);
  const embeds = (body.embeds ?? []) as EmbedShape[];
  if (embeds.length > 10) tree.add(['embeds'], maxLength(10));
  let total = 0;
  embeds.forEach((embed, i) => {
    total += embedErrors(tree, i, embed);
  });
  if (total > 6000) {
    tree.add(['embeds'], fieldError('MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000'));
  }
  componentErrors(tree, (body.components ?? []) as ComponentShape[]);
  const empty = !body.content && embeds.length === 0 && (body.components ?? []).length === 0;
  if (creating && empty) {
    tree.add(['content'], fieldError('BASE_TYPE_REQUIRED', 'Cannot send an empty message'));
  }
  return tree.result();
}

/** Checks one embed and returns the characters it counts toward the 6000 total. */
function embedErrors(tree: ErrorTree, index: number, embed: EmbedShape): number {
  const at = (...rest: (string | number)[]) => ['embeds', index, ...rest];
  checkLength(tree, at('title'), embed.title, 256);
  checkLength(tree, at('description'), embed.description, 4096);
  checkLength(tree, at('footer', 'text'), embed.footer?.text, 2048);
  checkLength(tree, at('author', 'name'), embed.author?.name, 256);
  if (embed.url !== undefined && !isHttpUrl(embed.url)) {
    tree.add(at('url'), fieldError('URL_TYPE_INVALID_URL', 'Not a well formed URL.'));
  }
  if (embed.timestamp !== undefined && Number.isNaN(Date.parse(embed.timestamp))) {
    tree.add(at('timestamp'), fieldError('DATE_TIME_TYPE_PARSE', 'Could not parse timestamp.'));
  }
  const fields = embed.fields ?? [];
  if (fields.length > 25) tree.add(at('fields'), maxLength(25));
  fields.forEach((field, f) => {
    checkLength(tree, at('fields', f, 'name'), field.name ?? '', 256, 1);
    checkLength(tree, at('fields', f, 'value'), field.value ?? '', 1024, 1);
  });
  const texts = [embed.title, embed.description, embed.footer?.text, embed.author?.name];
  for (const field of fields) texts.push(field.name, field.value);
  return texts.reduce((sum, text) => sum + (text?.length ?? 0), 0);
}

interface ComponentShape {
  type?: number;
  components?: ComponentShape[];
  custom_id?: string;
  label?: string;
  url?: string;
  style?: number;
}

function componentErrors(tree: ErrorTree, rows: ComponentShape[]): void {
  if (rows.length > 5) tree.add(['components'], maxLength(5));
  const seen = new Set<string>();
  rows.forEach((row, r) => {
    const children = row.components ?? [];
    if (row.type !== 1) tree.add(['components', r, 'type'], fieldError('UNION_TYPE_CHOICES', 'Value must be 1.'));
    if (children.length > 5) tree.add(['components', r, 'components'], maxLength(5));
    children.forEach((child, c) => {
      const at = ['components', r, 'components', c];
      checkLength(tree, [...at, 'label'], child.label, 80);
      if (child.style === 5) return;
      checkLength(tree, [...at, 'custom_id'], child.custom_id ?? '', 100, 1);
      if (child.custom_id !== undefined && seen.has(child.custom_id)) {
        tree.add(
          [...at, 'custom_id'],
          fieldError('COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated'),
        );
      }
      if (child.custom_id !== undefined) seen.add(child.custom_id);
    });
  });
}

/** Autocomplete choices: at most 25, names 1–100, string values at most 100. */
export function choiceErrors(choices: unknown[]): FormErrors | null {
  const tree = new ErrorTree();
  if (choices.length > 25) tree.add(['_root'], maxLength(25));
  (choices as { name?: string; value?: unknown }[]).forEach((choice, i) => {
    checkLength(tree, [i, 'name'], choice.name ?? '', 100, 1);
    checkLength(tree, [i, 'value'], choice.value, 100);
  });
  const result = tree.result() as Record<string, FormErrors> | null;
  if (result?._root) {
    const { _root, ...rest } = result;
    return { ..._root, ...rest } as FormErrors;
  }
  return result;
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

interface CommandShape {
  name?: string;
  description?: string;
  options?: CommandShape[];
  type?: number;
  min_value?: number;
  max_value?: number;
  autocomplete?: boolean;
  choices?: unknown[];
}

/** Application command limits: names match Discord's regex in lower case, descriptions 1–100, ≤ 25 options. */
export function commandListErrors(commands: CommandShape[]): FormErrors | null {
  const tree = new ErrorTree();
  commands.forEach((command, i) => {
    checkCommand(tree, [i], command);
  });
  return tree.result();
}

function checkCommand(tree: ErrorTree, path: (string | number)[], command: CommandShape): void {
  const name = command.name ?? '';
  if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
    tree.add([...path, 'name'], fieldError('APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid'));
  }
  checkLength(tree, [...path, 'description'], command.description ?? '', 100, 1);
  const options = command.options ?? [];
  if (options.length > 25) tree.add([...path, 'options'], maxLength(25));
  const names = new Set<string>();
  options.forEach((option, o) => {
    if (option.name !== undefined && names.has(option.name)) {
      tree.add([...path, 'options', o, 'name'], fieldError('APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', 'dup'));
    }
    names.add(option.name ?? '');
    checkCommand(tree, [...path, 'options', o], option);
  });
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
