import { once } from 'node:events';
import { type APIMessage, Client, Events, GatewayIntentBits, Routes } from 'discord.js';
import { commands as allCommands } from '../../../commands/index.js';
import type { CommandDeps, CommandSpec } from '../../../commands/spec.js';
import { NewsdeskError } from '../../core/errors.js';
import type { ChatAdapter, DeliveryFailure, Logger } from '../../core/ports.js';
import type { Reply } from '../../core/reply.js';
import { type CommandRunner, describeError, type HandlerContext, handleInteraction } from './handlers.js';
import { renderMessages } from './render.js';

/** Options of the Discord adapter; the composition root maps configuration onto them. */
export interface DiscordAdapterOptions {
  token: string;
  applicationId: string;
  /** REST base, `https://discord.com/api` by default; the gateway address is then asked from this API */
  apiUrl?: string;
  deps: CommandDeps;
  logger: Logger;
  restOptions?: { retries?: number; timeout?: number };
  /** the command specs whose options get autocomplete; all of commands/ by default */
  commands?: readonly CommandSpec[];
  /** how commands are answered in time; see HandlerContext */
  answering?: { deferredCommands?: ReadonlySet<string>; deferAfterMs?: number; run?: CommandRunner };
}

/**
 * Creates the Discord adapter: a discord.js gateway client (Guilds intent only) answering `/news`, and
 * `postDigest` for scheduled digests. Nothing connects until `start()`.
 */
export function createDiscordAdapter(options: DiscordAdapterOptions): ChatAdapter & { client: Client } {
  const { logger } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
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

  client.on(Events.InteractionCreate, (interaction) => {
    handleInteraction(interaction, context).catch((error: unknown) => {
      logger.error({ interactionId: interaction.id, err: describeError(error) }, 'interaction handler failed');
    });
  });
  client.on(Events.Error, (error) => logger.error({ err: describeError(error) }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'discord client warning'));

  return {
    name: 'discord',
    client,

    async start(): Promise<void> {
      const ready = once(client, Events.ClientReady);
      await client.login(options.token);
      await ready;
      const applicationId = client.application?.id;
      if (applicationId && applicationId !== options.applicationId) {
        logger.warn(
          { applicationId, configured: options.applicationId },
          'the bot token belongs to another application',
        );
      }
      logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord connected');
    },

    async stop(): Promise<void> {
      await client.destroy();
      logger.info({}, 'discord disconnected');
    },

    async postDigest(channelId: string, reply: Reply): Promise<{ messageId: string }> {
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
    },

    describeFailure: describeDiscordFailure,
  };
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
