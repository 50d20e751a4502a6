import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type AppOptions, HTTPReceiver, type HTTPReceiverOptions, SocketModeReceiver } from '@slack/bolt';
import type { CommandDeps } from '../../../commands/spec.js';
import { NewsdeskError } from '../../core/errors.js';
import type {
  AdapterStatus,
  ChatAdapter,
  DeliveryFailure,
  DigestTarget,
  InstallationStore,
  Logger,
} from '../../core/ports.js';
import type { Reply } from '../../core/reply.js';
import { InFlight } from '../in-flight.js';
import { boltLogLevel, createBoltLogger } from './bolt-logger.js';
import { describeError, registerSlackHandlers } from './handlers.js';
import { OAUTH_REDIRECT_PATH, SLACK_BOT_SCOPES } from './manifest.js';
import {
  botOf,
  createBoltInstallationStore,
  installCallbacks,
  MissingInstallationError,
  registerInstallationEvents,
} from './oauth.js';
import { renderReply, renderReplyMessages } from './render.js';
import { guardSlackRequests } from './request-guard.js';

type WebClientOptions = NonNullable<AppOptions['clientOptions']>;

/**
 * Distribution to many workspaces: each installs the app through Slack's OAuth flow (`/slack/install`,
 * `/slack/oauth_redirect`) and its bot token is kept in `installations`. HTTP mode only.
 */
export interface SlackOAuthOptions {
  /** SLACK_CLIENT_ID */
  clientId: string;
  /** SLACK_CLIENT_SECRET; never logged */
  clientSecret: string;
  /** SLACK_STATE_SECRET: signs the OAuth `state`; never logged */
  stateSecret: string;
  installations: InstallationStore;
}

/** Options for the Slack adapter; the composition root maps the SLACK_* environment variables onto them. */
export interface SlackAdapterOptions {
  /** `xoxb-` bot token (SLACK_BOT_TOKEN): one workspace. Exclusive with `oauth`. */
  botToken?: string | undefined;
  /** many workspaces through OAuth. Exclusive with `botToken`; needs `signingSecret` (HTTP mode). */
  oauth?: SlackOAuthOptions | undefined;
  /** request signing secret (SLACK_SIGNING_SECRET), required in HTTP mode */
  signingSecret?: string | undefined;
  /** `xapp-` app-level token (SLACK_APP_TOKEN); when set the app runs in Socket Mode */
  appToken?: string | undefined;
  /** HTTP mode port (SLACK_PORT, default 3000; 0 picks a free port) */
  port?: number | undefined;
  /**
   * Web API base (SLACK_API_URL), for proxies and Slack-compatible servers. With OAuth, the authorize page is
   * taken to sit beside it, as on slack.com (`https://slack.com/api/` and `https://slack.com/oauth/v2/authorize`).
   */
  apiUrl?: string | undefined;
  deps: CommandDeps;
  logger: Logger;
  /** WebClient tuning; tests shorten the default 30-minute retry policy */
  clientOptions?: Pick<WebClientOptions, 'retryConfig' | 'rejectRateLimitedCalls' | 'timeout'> | undefined;
  /** known bot ids skip the `auth.test` call at start-up (token mode) */
  botId?: string | undefined;
  botUserId?: string | undefined;
  /** the process's LOG_LEVEL (`trace` ... `silent`), applied to Bolt's own logging; default info */
  logLevel?: string | undefined;
  /** the current time in milliseconds, for the signed-request window; injected by tests */
  now?: (() => number) | undefined;
  /** how long `stop()` waits for replies in flight before stopping anyway (default 8 s) */
  drainTimeoutMs?: number | undefined;
}

/** The Slack adapter: a Bolt app answering `/news`, able to post digests. */
export interface SlackAdapter extends ChatAdapter {
  readonly app: App;
  /** the HTTP port once started in HTTP mode; undefined in Socket Mode or before start */
  port(): number | undefined;
  postDigest(target: DigestTarget, reply: Reply): Promise<{ messageId: string }>;
  postAlert(target: DigestTarget, reply: Reply, ping: string | null): Promise<{ messageId: string }>;
  describeFailure(error: unknown): DeliveryFailure;
}

type Phase = 'created' | 'running' | 'stopping' | 'stopped';

/** replies in flight get this long to finish at shutdown */
const DRAIN_TIMEOUT_MS = 8_000;
const RESTARTING = 'newsdesk is restarting. Please try again in a moment.';

/** Where a workspace admin starts installing the app (OAuth mode). */
export const INSTALL_PATH = '/slack/install';

/**
 * Creates the Slack adapter. Socket Mode when `appToken` is set (no public URL needed), otherwise HTTP mode
 * on `port` at `/slack/events`, verifying requests with `signingSecret`. With `oauth`, one deployment serves
 * every workspace that installs it, each answered and posted to with its own bot token.
 */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { socketMode } = checkOptions(options);
  const { oauth, logger } = options;
  const secrets = [options.botToken, options.appToken, options.signingSecret, oauth?.clientSecret, oauth?.stateSecret];
  // Bolt sets its logger to the App's logLevel (INFO unless given), so the level goes to both
  const logLevel = boltLogLevel(options.logLevel ?? 'info');
  const boltLogger = createBoltLogger(logger, {
    secrets: secrets.filter((secret): secret is string => secret !== undefined && secret !== ''),
    level: logLevel,
  });
  const clientOptions: WebClientOptions = {
    ...(options.apiUrl === undefined ? {} : { slackApiUrl: withTrailingSlash(options.apiUrl) }),
    ...options.clientOptions,
  };
  // built here rather than by Bolt so its connection state can be watched; it needs the API base explicitly
  const socketReceiver = socketMode
    ? new SocketModeReceiver({
        appToken: options.appToken ?? '',
        logger: boltLogger,
        logLevel,
        installerOptions: { clientOptions },
      })
    : undefined;
  // HTTP mode: built here too, so every request passes the timestamp window and replay check first
  const receiver =
    socketReceiver ??
    new HTTPReceiver({
      signingSecret: options.signingSecret ?? '',
      endpoints: [EVENTS_PATH],
      logger: boltLogger,
      ...(oauth === undefined ? {} : oauthReceiverOptions(oauth, options, clientOptions)),
    });
  if (receiver instanceof HTTPReceiver) {
    receiver.requestListener = guardSlackRequests(receiver.requestListener, {
      signingSecret: options.signingSecret ?? '',
      endpoints: [EVENTS_PATH],
      logger,
      ...(options.now === undefined ? {} : { now: options.now }),
    });
  }
  const { botId, botUserId } = options;
  const app = new App({
    receiver,
    logLevel,
    // with OAuth, Bolt authorizes each workspace through the receiver's installer
    ...(oauth === undefined ? { token: options.botToken ?? '' } : {}),
    logger: boltLogger,
    clientOptions,
    ...(botId !== undefined && botUserId !== undefined ? { botId, botUserId, tokenVerificationEnabled: false } : {}),
    // auth.test runs in start(), so a bad token fails there instead of in the constructor
    deferInitialization: true,
  });

  let phase: Phase = 'created';
  let socketState = 'connecting';
  socketReceiver?.client.on('connected', () => {
    socketState = 'connected';
  });
  socketReceiver?.client.on('reconnecting', () => {
    socketState = 'reconnecting';
  });
  socketReceiver?.client.on('disconnected', () => {
    socketState = 'disconnected';
  });

  const inFlight = new InFlight();
  // runs before every listener: counts the work in flight, and turns requests away once stopping
  app.use(async (args) => {
    if (phase === 'stopping' || phase === 'stopped') {
      if ('command' in args) {
        await args.ack({ response_type: 'ephemeral', text: RESTARTING });
        return;
      }
      if ('ack' in args && typeof args.ack === 'function') {
        await (args.ack as () => Promise<void>)();
        return;
      }
    }
    await inFlight.track(args.next());
  });
  registerSlackHandlers(app, { deps: options.deps, logger, multiWorkspace: oauth !== undefined });
  if (oauth !== undefined) registerInstallationEvents(app, oauth.installations, logger);

  let server: Server | undefined;
  let starting: Promise<void> | undefined;
  let stopped: Promise<void> | undefined;

  const port = () => {
    const address = server?.address();
    return address !== null && typeof address === 'object' ? (address as AddressInfo).port : undefined;
  };

  async function start(): Promise<void> {
    await app.init();
    if (socketReceiver !== undefined) {
      await app.start();
      phase = 'running';
      logger.info({ component: 'slack', mode: 'socket' }, 'slack: connected in Socket Mode');
      return;
    }
    server = (await app.start(options.port ?? 3000)) as Server;
    phase = 'running';
    if (oauth === undefined) {
      logger.info({ component: 'slack', mode: 'http', port: port() }, 'slack: listening on /slack/events');
      return;
    }
    const workspaces = await oauth.installations.count('slack');
    logger.info(
      { component: 'slack', mode: 'http', port: port(), workspaces },
      `slack: listening on /slack/events; workspaces install the app at ${INSTALL_PATH}`,
    );
  }

  async function stop(): Promise<void> {
    // a stop during start-up (a signal at boot) waits for the start to settle, then undoes it
    if (phase === 'created' && starting !== undefined) await starting.catch(() => undefined);
    if (phase === 'created') {
      phase = 'stopped';
      return;
    }
    phase = 'stopping';
    if (!(await inFlight.drain(options.drainTimeoutMs ?? DRAIN_TIMEOUT_MS))) {
      logger.warn(
        { component: 'slack', pending: inFlight.size },
        'replies still in flight at shutdown; stopping anyway',
      );
    }
    await app.stop();
    server = undefined;
    phase = 'stopped';
    logger.info({ component: 'slack' }, 'slack: stopped');
  }

  function status(): AdapterStatus {
    switch (phase) {
      case 'created':
        return { connected: false, detail: 'not started' };
      case 'stopping':
        return { connected: false, detail: `stopping (${inFlight.size} in flight)` };
      case 'stopped':
        return { connected: false, detail: 'stopped' };
      case 'running':
        if (socketReceiver !== undefined)
          return { connected: socketState === 'connected', detail: `Socket Mode ${socketState}` };
        return { connected: true, detail: `HTTP on port ${port()}${oauth === undefined ? '' : ', OAuth installs'}` };
    }
  }

  /** The bot token to post with: the app's own in token mode, the workspace's installation with OAuth. */
  async function tokenFor(target: DigestTarget): Promise<string | undefined> {
    if (oauth === undefined) return undefined;
    const record = target.workspaceId === null ? null : await oauth.installations.get('slack', target.workspaceId);
    const bot = record === null ? null : botOf(record);
    if (bot === null) {
      const cause = new MissingInstallationError(target.workspaceId ?? undefined);
      logger.error(
        { component: 'slack', channelId: target.channelId, workspaceId: target.workspaceId, err: describeError(cause) },
        'slack: digest post failed',
      );
      throw new NewsdeskError('PLATFORM_FAILURE', 'Could not post the digest to Slack.', { cause });
    }
    return bot.token;
  }

  async function postDigest(target: DigestTarget, reply: Reply): Promise<{ messageId: string }> {
    const token = await tokenFor(target);
    let first: string | undefined;
    for (const message of renderReplyMessages(reply)) {
      try {
        const result = await app.client.chat.postMessage({
          channel: target.channelId,
          ...message,
          // ten article links stay one compact message, not ten previews
          unfurl_links: false,
          unfurl_media: false,
          ...(token === undefined ? {} : { token }),
        });
        first ??= result.ts;
      } catch (error) {
        logger.error(
          {
            component: 'slack',
            channelId: target.channelId,
            workspaceId: target.workspaceId,
            err: describeError(error),
          },
          'slack: digest post failed',
        );
        throw new NewsdeskError('PLATFORM_FAILURE', 'Could not post the digest to Slack.', { cause: error });
      }
    }
    if (first === undefined) throw new NewsdeskError('PLATFORM_FAILURE', 'Slack did not return a message id.');
    return { messageId: first };
  }

  /** One message within Slack's limits; a user group ping is the one mention it makes. */
  async function postAlert(target: DigestTarget, reply: Reply, ping: string | null): Promise<{ messageId: string }> {
    const token = await tokenFor(target);
    const message = renderReply(reply, ping === null ? {} : { mentionGroup: ping });
    try {
      const result = await app.client.chat.postMessage({
        channel: target.channelId,
        ...message,
        unfurl_links: false,
        unfurl_media: false,
        ...(token === undefined ? {} : { token }),
      });
      if (result.ts === undefined) throw new Error('Slack did not return a message id.');
      return { messageId: result.ts };
    } catch (error) {
      logger.error(
        { component: 'slack', channelId: target.channelId, workspaceId: target.workspaceId, err: describeError(error) },
        'slack: alert post failed',
      );
      throw new NewsdeskError('PLATFORM_FAILURE', 'Could not post the alert to Slack.', { cause: error });
    }
  }

  return {
    name: 'slack',
    app,
    port,
    start() {
      starting ??= start();
      return starting;
    },
    stop() {
      stopped ??= stop();
      return stopped;
    },
    status,
    postDigest: (target, reply) => inFlight.track(postDigest(target, reply)),
    postAlert: (target, reply, ping) => inFlight.track(postAlert(target, reply, ping)),
    describeFailure: describeSlackFailure,
  };
}

/** Where Slack posts events, slash commands and interactions in HTTP mode. */
const EVENTS_PATH = '/slack/events';

/** Bolt's OAuth: the install pages, the scopes from the manifest, and our installation store behind Bolt's. */
function oauthReceiverOptions(
  oauth: SlackOAuthOptions,
  options: SlackAdapterOptions,
  clientOptions: WebClientOptions,
): Partial<HTTPReceiverOptions> {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: [...SLACK_BOT_SCOPES],
    installationStore: createBoltInstallationStore(oauth.installations, options.deps.clock),
    installerOptions: {
      // the installer's own Web API client (oauth.v2.access) goes where the app's does
      clientOptions,
      // /slack/install redirects straight to Slack's authorize page (with the state cookie) instead of a button page
      directInstall: true,
      installPath: INSTALL_PATH,
      // the manifest declares this path as the app's redirect URL
      redirectUriPath: OAUTH_REDIRECT_PATH,
      callbackOptions: installCallbacks(options.logger),
      ...(options.apiUrl === undefined ? {} : { authorizationUrl: authorizeUrlBeside(options.apiUrl) }),
    },
  };
}

/** Validates the combination of options; returns the mode. */
function checkOptions(options: SlackAdapterOptions): { socketMode: boolean } {
  const has = (value: string | undefined) => value !== undefined && value !== '';
  const socketMode = has(options.appToken);
  const { oauth } = options;
  if (oauth !== undefined && has(options.botToken)) {
    throw new NewsdeskError(
      'CONFIG_INVALID',
      'Slack: set SLACK_BOT_TOKEN for one workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install in many, not both.',
    );
  }
  if (oauth === undefined && !has(options.botToken)) {
    throw new NewsdeskError(
      'CONFIG_INVALID',
      'Slack needs SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (many workspaces through OAuth).',
    );
  }
  if (oauth !== undefined) {
    if (socketMode || !has(options.signingSecret)) {
      throw new NewsdeskError(
        'CONFIG_INVALID',
        'Installing Slack in many workspaces (OAuth) runs in HTTP mode: set SLACK_SIGNING_SECRET and unset SLACK_APP_TOKEN.',
      );
    }
    if (!has(oauth.clientId) || !has(oauth.clientSecret) || !has(oauth.stateSecret)) {
      throw new NewsdeskError(
        'CONFIG_INVALID',
        'Installing Slack in many workspaces needs all of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET.',
      );
    }
    return { socketMode: false };
  }
  if (!socketMode && !has(options.signingSecret)) {
    throw new NewsdeskError(
      'CONFIG_INVALID',
      'Slack needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) besides SLACK_BOT_TOKEN.',
    );
  }
  return { socketMode };
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
  if (cause instanceof MissingInstallationError) {
    const reason =
      cause.workspaceId === undefined
        ? 'Slack: the subscription names no workspace'
        : 'Slack: newsdesk is not installed in this workspace';
    return { permanent: true, reason };
  }
  const code = (cause as { data?: { error?: unknown } } | undefined)?.data?.error;
  if (typeof code === 'string') return { permanent: PERMANENT_ERRORS.has(code), reason: `Slack: ${code}` };
  const message = cause instanceof Error ? cause.message : String(cause);
  return { permanent: false, reason: `Slack: ${message.slice(0, 160)}` };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Slack's authorize page sits beside its Web API: `https://slack.com/api/` -> `https://slack.com/oauth/v2/authorize`. */
function authorizeUrlBeside(apiUrl: string): string {
  return new URL('../oauth/v2/authorize', withTrailingSlash(apiUrl)).href;
}
