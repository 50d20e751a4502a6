import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type AppOptions, LogLevel } from '@slack/bolt';
import type { CommandDeps } from '../../../commands/spec.js';
import { NewsdeskError } from '../../core/errors.js';
import type { ChatAdapter, DeliveryFailure, Logger } from '../../core/ports.js';
import type { Reply } from '../../core/reply.js';
import { createBoltLogger } from './bolt-logger.js';
import { describeError, registerSlackHandlers } from './handlers.js';
import { renderReplyMessages } from './render.js';

type WebClientOptions = NonNullable<AppOptions['clientOptions']>;

/** Options for the Slack adapter; the composition root maps the SLACK_* environment variables onto them. */
export interface SlackAdapterOptions {
  /** `xoxb-` bot token (SLACK_BOT_TOKEN) */
  botToken: string;
  /** request signing secret (SLACK_SIGNING_SECRET), required in HTTP mode */
  signingSecret?: string | undefined;
  /** `xapp-` app-level token (SLACK_APP_TOKEN); when set the app runs in Socket Mode */
  appToken?: string | undefined;
  /** HTTP mode port (SLACK_PORT, default 3000; 0 picks a free port) */
  port?: number | undefined;
  /** Web API base (SLACK_API_URL), for proxies and Slack-compatible servers */
  apiUrl?: string | undefined;
  deps: CommandDeps;
  logger: Logger;
  /** WebClient tuning; tests shorten the default 30-minute retry policy */
  clientOptions?: Pick<WebClientOptions, 'retryConfig' | 'rejectRateLimitedCalls' | 'timeout'> | undefined;
  /** known bot ids skip the `auth.test` call at start-up */
  botId?: string | undefined;
  botUserId?: string | undefined;
  /** Bolt's own log level (default info) */
  logLevel?: LogLevel | undefined;
}

/** The Slack adapter: a Bolt app answering `/news`, able to post digests. */
export interface SlackAdapter extends ChatAdapter {
  readonly app: App;
  /** the HTTP port once started in HTTP mode; undefined in Socket Mode or before start */
  port(): number | undefined;
  postDigest(channelId: string, reply: Reply): Promise<{ messageId: string }>;
}

/**
 * Creates the Slack adapter. Socket Mode when `appToken` is set (no public URL needed), otherwise HTTP mode
 * on `port` at `/slack/events`, verifying requests with `signingSecret`.
 */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const appToken = options.appToken ?? '';
  const signingSecret = options.signingSecret ?? '';
  const socketMode = appToken !== '';
  if (!socketMode && signingSecret === '') {
    throw new NewsdeskError(
      'CONFIG_INVALID',
      'Slack needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) besides SLACK_BOT_TOKEN.',
    );
  }
  const secrets = [options.botToken, options.appToken, options.signingSecret].filter(
    (secret): secret is string => secret !== undefined && secret !== '',
  );
  const { botId, botUserId } = options;
  const app = new App({
    token: options.botToken,
    ...(socketMode ? { appToken, socketMode: true } : { signingSecret }),
    logger: createBoltLogger(options.logger, { secrets, level: options.logLevel ?? LogLevel.INFO }),
    // the Socket Mode receiver also takes these, so apps.connections.open goes to the same base
    clientOptions: {
      ...(options.apiUrl === undefined ? {} : { slackApiUrl: withTrailingSlash(options.apiUrl) }),
      ...options.clientOptions,
    },
    ...(botId !== undefined && botUserId !== undefined ? { botId, botUserId, tokenVerificationEnabled: false } : {}),
    // auth.test runs in start(), so a bad token fails there instead of in the constructor
    deferInitialization: true,
  });
  registerSlackHandlers(app, { deps: options.deps, logger: options.logger });

  let server: Server | undefined;

  return {
    name: 'slack',
    app,
    port: () => {
      const address = server?.address();
      return address !== null && typeof address === 'object' ? (address as AddressInfo).port : undefined;
    },
    async start() {
      await app.init();
      if (socketMode) {
        await app.start();
        options.logger.info({ component: 'slack', mode: 'socket' }, 'slack: connected in Socket Mode');
        return;
      }
      server = (await app.start(options.port ?? 3000)) as Server;
      const port = (server.address() as AddressInfo).port;
      options.logger.info({ component: 'slack', mode: 'http', port }, 'slack: listening on /slack/events');
    },
    async stop() {
      await app.stop();
      server = undefined;
    },
    async postDigest(channelId, reply) {
      const messages = renderReplyMessages(reply);
      let first: string | undefined;
      for (const message of messages) {
        try {
          const result = await app.client.chat.postMessage({ channel: channelId, ...message });
          first ??= result.ts;
        } catch (error) {
          options.logger.error(
            { component: 'slack', channelId, err: describeError(error) },
            'slack: digest post failed',
          );
          throw new NewsdeskError('PLATFORM_FAILURE', 'Could not post the digest to Slack.', { cause: error });
        }
      }
      if (first === undefined) throw new NewsdeskError('PLATFORM_FAILURE', 'Slack did not return a message id.');
      return { messageId: first };
    },
    describeFailure: describeSlackFailure,
  };
}

/** Slack errors after which retrying soon cannot help: the channel or the bot's access is gone. */
const PERMANENT_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'missing_scope',
  'not_authed',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'restricted_action',
]);

/** Classify a postDigest failure for the digest scheduler's back-off. */
export function describeSlackFailure(error: unknown): DeliveryFailure {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const code = (cause as { data?: { error?: unknown } } | undefined)?.data?.error;
  if (typeof code === 'string') return { permanent: PERMANENT_ERRORS.has(code), reason: `Slack: ${code}` };
  const message = cause instanceof Error ? cause.message : String(cause);
  return { permanent: false, reason: `Slack: ${message.slice(0, 160)}` };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
