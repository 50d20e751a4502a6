import { once } from 'node:events';
import {
  type APIMessage,
  Client,
  type ClientOptions,
  Events,
  GatewayIntentBits,
  RESTEvents,
  type RESTGetAPIGatewayBotResult,
  Routes,
  Status,
} from 'discord.js';
import { commands as allCommands } from '../../../commands/index.js';
import type { CommandDeps, CommandSpec } from '../../../commands/spec.js';
import { isNewsdeskError, NewsdeskError } from '../../core/errors.js';
import type { AdapterStatus, ChatAdapter, DeliveryFailure, DigestTarget, Logger } from '../../core/ports.js';
import type { Reply } from '../../core/reply.js';
import { InFlight } from '../in-flight.js';
import {
  type CommandRunner,
  describeError,
  type HandlerContext,
  handleInteraction,
  refuseInteraction,
} from './handlers.js';
import { renderMessages, renderReply } from './render.js';
import type { ShardLeaser } from './shard-lease.js';

/**
 * Which gateway shards this process runs. Discord routes each guild to shard `(guild_id >> 22) % count`;
 * several processes split the shards by each running some of the ids.
 */
export interface DiscordShardOptions {
  /** shards across every process; 'auto' takes Discord's recommendation from `/gateway/bot` */
  count: 'auto' | number;
  /** the shard ids this process runs (all of them when absent); needs a numeric `count` */
  ids?: readonly number[] | undefined;
}

/** Options of the Discord adapter; the composition root maps configuration onto them. */
export interface DiscordAdapterOptions {
  token: string;
  applicationId: string;
  /** REST base, `https://discord.com/api` by default; the gateway address is then asked from this API */
  apiUrl?: string;
  deps: CommandDeps;
  logger: Logger;
  restOptions?: { retries?: number; timeout?: number };
  /** the gateway shards this process runs; `{ count: 'auto' }` (every shard Discord recommends) by default */
  shards?: DiscordShardOptions;
  /**
   * Leases the shard ids this process will run (their count resolved) before it logs in, so no other process
   * on the same database runs them too; rejecting fails `start()`. `stop()` releases the lease after
   * disconnecting. See createShardLeaser.
   */
  leaseShards?: ShardLeaser;
  /** how long `stop()` waits for replies in flight before disconnecting anyway (default 10 s) */
  drainTimeoutMs?: number;
  /** the command specs whose options get autocomplete; all of commands/ by default */
  commands?: readonly CommandSpec[];
  /** how commands are answered in time; see HandlerContext */
  answering?: { deferredCommands?: ReadonlySet<string>; deferAfterMs?: number; run?: CommandRunner };
  /** the process's LOG_LEVEL: at `debug` or `trace`, discord.js's own debug lines are logged (token redacted) */
  logLevel?: string;
}

/** The Discord adapter: a chat adapter that always posts digests, with its discord.js client for tests. */
export interface DiscordAdapter extends ChatAdapter {
  readonly client: Client;
  postDigest(target: DigestTarget, reply: Reply): Promise<{ messageId: string }>;
  postAlert(target: DigestTarget, reply: Reply, ping: string | null): Promise<{ messageId: string }>;
  describeFailure(error: unknown): DeliveryFailure;
}

/** Below the 10 s a container runtime usually allows between SIGTERM and SIGKILL, with room to disconnect. */
export const DEFAULT_DRAIN_TIMEOUT_MS = 8_000;

type Lifecycle = 'idle' | 'running' | 'stopping' | 'stopped';

/**
 * Creates the Discord adapter: a discord.js gateway client (Guilds intent only, sharded by discord.js itself)
 * answering `/news`, and `postDigest` for scheduled digests over REST, which works for any channel whatever
 * shards this process runs. Nothing connects until `start()`; `stop()` refuses new interactions, finishes the
 * replies in flight, then disconnects.
 */
export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  const { logger } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...clientShardOptions(options.shards ?? { count: 'auto' }),
    rest: {
      ...(options.apiUrl ? { api: options.apiUrl } : {}),
      ...(options.restOptions?.retries !== undefined ? { retries: options.restOptions.retries } : {}),
      ...(options.restOptions?.timeout !== undefined ? { timeout: options.restOptions.timeout } : {}),
    },
  });
  // postDigest may run before start() has logged in
  client.rest.setToken(options.token);
  const context: HandlerContext = {
    deps: options.deps,
    logger,
    commands: options.commands ?? allCommands,
    ...(options.answering?.deferredCommands ? { deferredCommands: options.answering.deferredCommands } : {}),
    ...(options.answering?.deferAfterMs !== undefined ? { deferAfterMs: options.answering.deferAfterMs } : {}),
    ...(options.answering?.run ? { run: options.answering.run } : {}),
  };
  const inFlight = new InFlight();
  let lifecycle: Lifecycle = 'idle';
  let stopping: Promise<void> | null = null;
  let lease: { release(): Promise<void> } | null = null;

  client.on(Events.InteractionCreate, (interaction) => {
    const work =
      lifecycle === 'stopping' ? refuseInteraction(interaction, context) : handleInteraction(interaction, context);
    void inFlight.track(
      work.catch((error: unknown) => {
        logger.error({ interactionId: interaction.id, err: describeError(error) }, 'interaction handler failed');
      }),
    );
  });
  client.on(Events.Error, (error) => logger.error({ err: describeError(error) }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'discord client warning'));
  if (options.logLevel === 'debug' || options.logLevel === 'trace') {
    const debug = (name: string) => (message: string) =>
      logger.debug({ component: 'discord', name }, redactToken(message, options.token));
    client.on(Events.Debug, debug('client'));
    client.rest.on(RESTEvents.Debug, debug('rest'));
  }
  client.on(Events.ShardReady, (shardId) => logger.info({ shardId }, 'discord shard ready'));
  client.on(Events.ShardReconnecting, (shardId) => logger.warn({ shardId }, 'discord shard reconnecting'));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.error({ shardId, code: event.code }, 'discord shard disconnected for good'),
  );

  async function postMessages(target: DigestTarget, reply: Reply): Promise<{ messageId: string }> {
    const { channelId } = target;
    const ids: string[] = [];
    try {
      for (const message of renderMessages(reply)) {
        const body = { ...message, allowed_mentions: { parse: [] } };
        const created = (await client.rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
        ids.push(created.id);
      }
    } catch (error) {
      logger.error({ channelId, posted: ids.length, err: describeError(error) }, 'digest post failed');
      throw new NewsdeskError('PLATFORM_FAILURE', 'The digest could not be posted to Discord.', {
        cause: error,
        detail: `posting the digest to Discord channel ${channelId} failed`,
      });
    }
    return { messageId: ids[0]! };
  }

  /** One message within Discord's limits; a role ping is the one mention allowed. */
  async function postAlertMessage(
    target: DigestTarget,
    reply: Reply,
    ping: string | null,
  ): Promise<{ messageId: string }> {
    const { channelId } = target;
    const message = renderReply(reply);
    const body = {
      content: ping === null ? message.content : `<@&${ping}> ${message.content}`,
      embeds: message.embeds,
      // only the follow's role may be notified, whatever the quoted text holds
      allowed_mentions: ping === null ? { parse: [] } : { parse: [], roles: [ping] },
    };
    try {
      const created = (await client.rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
      return { messageId: created.id };
    } catch (error) {
      logger.error({ channelId, err: describeError(error) }, 'alert post failed');
      throw new NewsdeskError('PLATFORM_FAILURE', 'The alert could not be posted to Discord.', {
        cause: error,
        detail: `posting an alert to Discord channel ${channelId} failed`,
      });
    }
  }

  async function shutDown(): Promise<void> {
    lifecycle = 'stopping';
    const pending = inFlight.size;
    const drained = await inFlight.drain(options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS);
    if (!drained) logger.warn({ pending: inFlight.size }, 'replies still in flight at shutdown; disconnecting anyway');
    await client.destroy();
    lifecycle = 'stopped';
    logger.info({ waitedFor: pending }, 'discord disconnected');
    await releaseLease();
  }

  /** Gives the shards back once disconnected; a failure only delays another process until the lease goes stale. */
  async function releaseLease(): Promise<void> {
    const held = lease;
    lease = null;
    try {
      await held?.release();
    } catch (error) {
      logger.warn({ err: describeError(error) }, 'discord shard lease not released; it lapses after the stale window');
    }
  }

  return {
    name: 'discord',
    client,

    async start(): Promise<void> {
      if (lifecycle !== 'idle') throw new Error(`the Discord adapter cannot start when ${lifecycle}; create another`);
      lifecycle = 'running';
      const shards = await resolveShards(client, options.shards ?? { count: 'auto' });
      if (options.leaseShards) lease = await leaseShards(options.leaseShards, shards);
      const ready = once(client, Events.ClientReady);
      try {
        await client.login(options.token);
      } catch (error) {
        // nobody runs these shards now: another process may take them without waiting for the lease to go stale
        await releaseLease();
        throw error;
      }
      await ready;
      const applicationId = client.application?.id;
      if (applicationId && applicationId !== options.applicationId) {
        logger.warn(
          { applicationId, configured: options.applicationId },
          'the bot token belongs to another application',
        );
      }
      logger.info(
        { user: client.user?.tag, guilds: client.guilds.cache.size, ...describeShards(client) },
        'discord connected',
      );
    },

    stop(): Promise<void> {
      stopping ??= shutDown();
      return stopping;
    },

    status(): AdapterStatus {
      if (lifecycle === 'running') return describeShards(client);
      const detail = { idle: 'not started', stopping: 'stopping', stopped: 'stopped' }[lifecycle];
      return { connected: false, detail };
    },

    postDigest(target: DigestTarget, reply: Reply): Promise<{ messageId: string }> {
      return inFlight.track(postMessages(target, reply));
    },

    postAlert(target: DigestTarget, reply: Reply, ping: string | null): Promise<{ messageId: string }> {
      return inFlight.track(postAlertMessage(target, reply, ping));
    },

    describeFailure: describeDiscordFailure,
  };
}

/**
 * The discord.js Client options for `shards`: its own sharding (@discordjs/ws) then connects one gateway session
 * per shard id and, for 'auto', asks `/gateway/bot` for the count.
 */
export function clientShardOptions(shards: DiscordShardOptions): Pick<ClientOptions, 'shards' | 'shardCount'> {
  const { count, ids } = shards;
  if (count === 'auto') {
    if (ids !== undefined) throw new Error('Discord shard ids need a numeric shard count, not auto');
    return { shards: 'auto' };
  }
  if (!Number.isInteger(count) || count < 1) throw new Error(`Discord shard count must be at least 1, not ${count}`);
  if (ids === undefined) return { shards: Array.from({ length: count }, (_, id) => id), shardCount: count };
  const invalid = ids.filter((id) => !Number.isInteger(id) || id < 0 || id >= count);
  if (ids.length === 0 || invalid.length > 0) {
    throw new Error(`Discord shard ids must be between 0 and ${count - 1}; got ${ids.join(',') || 'none'}`);
  }
  return { shards: [...new Set(ids)], shardCount: count };
}

/** The shard ids this process runs and the count across every process, both concrete. */
export interface ResolvedShards {
  ids: number[];
  count: number;
}

/**
 * Makes the client's shard options concrete before login: for 'auto' the count Discord recommends now
 * (`GET /gateway/bot`, on the client's REST base), so the ids this process will run are known before it
 * identifies (discord.js would otherwise resolve them only inside login).
 */
export async function resolveShards(client: Client, shards: DiscordShardOptions): Promise<ResolvedShards> {
  const count = shards.count === 'auto' ? await fetchRecommendedShardCount(client) : shards.count;
  const concrete = clientShardOptions({ count, ids: shards.ids });
  const ids = [...(concrete.shards as readonly number[])];
  client.options.shards = ids;
  client.options.shardCount = count;
  return { ids, count };
}

async function fetchRecommendedShardCount(client: Client): Promise<number> {
  let gateway: RESTGetAPIGatewayBotResult;
  try {
    gateway = (await client.rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  } catch (error) {
    const unauthorized = (error as { status?: unknown }).status === 401;
    const reason = unauthorized ? 'it rejected the bot token; check DISCORD_TOKEN' : messageOf(error);
    throw new NewsdeskError('PLATFORM_FAILURE', `Discord did not say how many gateway shards to run: ${reason}`, {
      cause: error,
    });
  }
  if (!Number.isInteger(gateway.shards) || gateway.shards < 1) {
    throw new NewsdeskError('PLATFORM_FAILURE', `Discord recommended ${gateway.shards} gateway shards.`);
  }
  return gateway.shards;
}

/** Takes the shard lease; anything but a NewsdeskError (a shard held elsewhere) is the database failing. */
async function leaseShards(leaser: ShardLeaser, shards: ResolvedShards): Promise<{ release(): Promise<void> }> {
  try {
    return await leaser(shards.ids, shards.count);
  } catch (error) {
    if (isNewsdeskError(error)) throw error;
    throw new NewsdeskError('STORE_FAILURE', `The Discord shard lease could not be taken: ${messageOf(error)}`, {
      cause: error,
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Connected when every shard this process runs is READY (guilds received), e.g. "2 of 2 shards ready"; names the
 * ids when this process runs only some of the shards.
 */
export function describeShards(client: Client): AdapterStatus {
  const ids = Array.isArray(client.options.shards) ? (client.options.shards as readonly number[]) : null;
  if (ids === null || ids.length === 0) return { connected: false, detail: 'connecting' };
  const ready = ids.filter((id) => client.ws.shards.get(id)?.status === Status.Ready).length;
  const total = client.options.shardCount ?? ids.length;
  const noun = ids.length === 1 ? 'shard' : 'shards';
  const subset = ids.length < total ? ` (${noun} ${ids.join(',')} of ${total})` : '';
  return { connected: ready === ids.length, detail: `${ready} of ${ids.length} ${noun} ready${subset}` };
}

/** Discord error codes after which retrying soon cannot help: the channel is gone or the bot may not post there. */
const PERMANENT_CODES: Record<number, string> = {
  10003: 'unknown channel',
  10004: 'unknown server',
  50001: 'missing access',
  50013: 'missing permission',
};

/** Classify a postDigest failure for the digest scheduler's back-off. */
export function describeDiscordFailure(error: unknown): DeliveryFailure {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const { code, status } = (cause ?? {}) as { code?: unknown; status?: unknown };
  if (typeof code === 'number' && code in PERMANENT_CODES) {
    return { permanent: true, reason: `Discord: ${PERMANENT_CODES[code]} (${code})` };
  }
  if (status === 403 || status === 404) return { permanent: true, reason: `Discord: HTTP ${status}` };
  const message = cause instanceof Error ? cause.message : String(cause);
  return { permanent: false, reason: `Discord: ${message.slice(0, 160)}` };
}

/** discord.js debug lines name the token (partly masked) at login: none of it reaches the log. */
function redactToken(text: string, token: string): string {
  return text
    .split(token)
    .join('[redacted]')
    .replace(/(Provided token: )\S+/g, '$1[redacted]');
}
