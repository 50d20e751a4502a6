import { createHmac, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** One request that reached the fake: a Web API call, a `response_url` post or a visit to the authorize page. */
export interface RecordedCall {
  /** 'api' for Web API methods, 'response' for response_url posts, 'authorize' for the OAuth authorize page */
  kind: 'api' | 'response' | 'authorize';
  /** the Web API method (`chat.postMessage`), the response_url id, or 'oauth/v2/authorize' */
  name: string;
  headers: IncomingMessage['headers'];
  /** form fields with JSON-valued fields (blocks, attachments) parsed, or the JSON body */
  body: Record<string, unknown>;
  /** what the fake answered */
  status: number;
  response: unknown;
}

/** An envelope acknowledgement sent back by the Socket Mode client. */
export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

/** Slack's message limits as the fake enforces them (see ../shared/notes/platform-testing.md §5.2). */
export const FAKE_SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  /** models the undocumented msg_blocks_too_long, seen between about 11k and 13k characters of block text */
  totalBlockText: 12_000,
} as const;

const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata']);

/** The workspace the fake answers for when a token was not issued through its OAuth flow (token mode). */
export const DEFAULT_TEAM_ID = 'T0000TEAM';

/** A Slack workspace the fake knows, with the channels it owns. */
export interface FakeWorkspace {
  teamId: string;
  name: string;
  /** the Enterprise Grid organization it belongs to, if any */
  enterpriseId: string | null;
  channels: Set<string>;
}

/** A bot token the fake issued through oauth.v2.access. */
export interface IssuedToken {
  token: string;
  /** the workspace it was installed in; null for an org-wide install */
  teamId: string | null;
  enterpriseId: string | null;
  botId: string;
  botUserId: string;
  revoked: boolean;
}

/** The Slack app registered with the fake for OAuth (its credentials and configured redirect URL). */
export interface FakeOAuthApp {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

interface PendingCode {
  teamId: string | null;
  enterpriseId: string | null;
  scope: string;
}

/**
 * A loopback fake of Slack for tests driving a real Bolt App: the Web API under `/api/`, a `response_url` sink
 * under `/response/:id`, a Socket Mode websocket at `/socket`, and the OAuth authorize page at
 * `/oauth/v2/authorize` (beside the Web API, as on slack.com). It records every call, rejects oversized Block Kit
 * the way Slack does, issues a bot token per workspace through oauth.v2.access, and refuses a post with a token
 * of another workspace than the channel's.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly workspaces = new Map<string, FakeWorkspace>();
  readonly issuedTokens = new Map<string, IssuedToken>();
  readonly acks: SocketAck[] = [];
  /** answer the next N `chat.postMessage` calls with 429 and this `retry-after` (seconds) */
  rateLimitNextPosts = 0;
  rateLimitRetryAfter = 0;

  private readonly server: Server = createServer((req, res) => {
    this.handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private readonly waiters: { match: (call: RecordedCall) => boolean; resolve: (call: RecordedCall) => void }[] = [];
  private readonly ackWaiters = new Map<string, (ack: SocketAck) => void>();
  private readonly socketWaiters: (() => void)[] = [];
  private messageCounter = 0;
  private tokenCounter = 0;
  private eventCounter = 0;
  private oauthApp: FakeOAuthApp | undefined;
  private readonly codes = new Map<string, PendingCode>();

  /** Starts listening on a free loopback port. */
  async start(): Promise<this> {
    this.server.on('upgrade', (req, socket, head) => {
      if (!(req.url ?? '').startsWith('/socket')) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.acceptSocket(ws));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return this;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The Web API base to pass as `slackApiUrl`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A fresh response_url that records what `respond()` posts to it. */
  responseUrl(id: string = randomUUID()): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** Calls to one Web API method, in order. */
  apiCalls(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.kind === 'api' && call.name === method);
  }

  /** Posts received on one response_url, in order. */
  responses(id: string): RecordedCall[] {
    return this.calls.filter((call) => call.kind === 'response' && call.name === id);
  }

  /** Resolves with the first recorded call (past or future) that matches. */
  waitFor(match: (call: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
    const seen = this.calls.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('FakeSlack.waitFor timed out')), timeoutMs);
      this.waiters.push({
        match,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      });
    });
  }

  /** Resolves with the `n`-th post (1-based) to a response_url. */
  async waitForResponse(id: string, n = 1, timeoutMs = 5000): Promise<RecordedCall> {
    // matchers run after the call is recorded, so the count includes the call being matched
    await this.waitFor(
      (call) => call.kind === 'response' && call.name === id && this.responses(id).length >= n,
      timeoutMs,
    );
    return this.responses(id)[n - 1] as RecordedCall;
  }

  /** Resolves once a Socket Mode client has connected and received `hello`. */
  waitForSocket(): Promise<void> {
    if (this.sockets.size > 0) return Promise.resolve();
    return new Promise((resolve) => this.socketWaiters.push(resolve));
  }

  /** Pushes an envelope to every connected Socket Mode client; resolves with the client's acknowledgement. */
  sendEnvelope(type: 'slash_commands' | 'interactive', payload: object, timeoutMs = 5000): Promise<SocketAck> {
    const envelopeId = randomUUID();
    const acked = new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no ack for the envelope')), timeoutMs);
      this.ackWaiters.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
    const envelope = JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: true });
    for (const socket of this.sockets) socket.send(envelope);
    return acked;
  }

  /** The OAuth authorize page; Slack's sits beside its Web API (`https://slack.com/oauth/v2/authorize`). */
  get authorizeUrl(): string {
    return `http://127.0.0.1:${this.port}/oauth/v2/authorize`;
  }

  /** Registers the app that may run the OAuth flow: its client credentials and the redirect URL set in its config. */
  configureOAuth(app: FakeOAuthApp): void {
    this.oauthApp = app;
  }

  /** Adds a workspace (and the channels it owns) that can install the app; channels of others are not its own. */
  addWorkspace(teamId: string, options: { name?: string; channels?: string[]; enterpriseId?: string } = {}): void {
    this.workspaces.set(teamId, {
      teamId,
      name: options.name ?? teamId,
      enterpriseId: options.enterpriseId ?? null,
      channels: new Set(options.channels ?? []),
    });
  }

  /** The live bot token issued to a workspace (team id, or enterprise id for an org-wide install), if any. */
  tokenOf(workspaceId: string): string | undefined {
    const live = [...this.issuedTokens.values()].filter(
      (issued) => !issued.revoked && (issued.teamId ?? issued.enterpriseId) === workspaceId,
    );
    return live.at(-1)?.token;
  }

  /**
   * Uninstalls the app from a workspace: its tokens stop working, and the returned `app_uninstalled` Events API
   * body is what Slack then posts to the app.
   */
  uninstall(workspaceId: string): Record<string, unknown> {
    this.revokeTokensOf(workspaceId);
    return this.eventCallback(workspaceId, { type: 'app_uninstalled' });
  }

  /** Revokes a workspace's bot tokens; returns the `tokens_revoked` Events API body naming the bot users. */
  revokeTokens(workspaceId: string): Record<string, unknown> {
    const botUsers = this.revokeTokensOf(workspaceId);
    return this.eventCallback(workspaceId, { type: 'tokens_revoked', tokens: { bot: botUsers } });
  }

  /** An Events API `event_callback` body for a workspace (team id, or enterprise id for an org-wide install). */
  eventCallback(workspaceId: string, event: Record<string, unknown>): Record<string, unknown> {
    this.eventCounter += 1;
    const org = this.workspaces.get(workspaceId) === undefined && workspaceId.startsWith('E');
    const teamId = org ? null : workspaceId;
    const enterpriseId = org ? workspaceId : (this.workspaces.get(workspaceId)?.enterpriseId ?? null);
    return {
      token: 'deprecated-verification-token',
      team_id: workspaceId,
      ...(enterpriseId === null ? {} : { enterprise_id: enterpriseId }),
      api_app_id: 'A0000APP',
      event: { ...event, event_ts: `1766000100.${String(this.eventCounter).padStart(6, '0')}` },
      type: 'event_callback',
      event_id: `Ev${String(this.eventCounter).padStart(8, '0')}`,
      event_time: 1766000100 + this.eventCounter,
      authorizations: [
        {
          enterprise_id: enterpriseId,
          team_id: teamId,
          user_id: `U0BOT${workspaceId}`,
          is_bot: true,
          is_enterprise_install: org,
        },
      ],
    };
  }

  /**
   * Stops the server. Sockets get a close frame and up to 2 s to answer it: terminating a socket in the middle
   * of its close handshake makes @slack/socket-mode arm a 30 s timer that keeps the process alive.
   */
  async stop(): Promise<void> {
    const closing = [...this.sockets].map(async (socket) => {
      if (socket.readyState === socket.CLOSED) return;
      const closed = once(socket, 'close');
      if (socket.readyState === socket.OPEN) socket.close(1000, 'server stopping');
      const timer = setTimeout(() => socket.terminate(), 2000);
      await closed;
      clearTimeout(timer);
    });
    await Promise.all(closing);
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private acceptSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => {
      const ack = JSON.parse(String(data)) as SocketAck;
      this.acks.push(ack);
      this.ackWaiters.get(ack.envelope_id)?.(ack);
      this.ackWaiters.delete(ack.envelope_id);
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake-slack', approximate_connection_time: 3600 },
        connection_info: { app_id: 'A0000APP' },
      }),
    );
    for (const resolve of this.socketWaiters.splice(0)) resolve();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname);
    const raw = await readBody(req);
    if (path === '/oauth/v2/authorize' && req.method === 'GET') {
      this.answerAuthorize(url.searchParams, req, res);
      return;
    }
    if (path.startsWith('/api/')) {
      const method = path.slice('/api/'.length);
      const body = parseBody(req.headers['content-type'], raw);
      const { status, response, headers } = this.answerApi(method, body, req.headers);
      this.record({ kind: 'api', name: method, headers: req.headers, body, status, response });
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(response));
      return;
    }
    if (path.startsWith('/response/')) {
      const id = path.slice('/response/'.length);
      const body = parseBody(req.headers['content-type'], raw);
      const errors = validateMessage(body);
      // response_url answers a bad payload with a non-2xx status, which Bolt's respond() turns into RespondError
      const status = errors.length === 0 ? 200 : 400;
      const response = errors.length === 0 ? { ok: true } : { ok: false, error: errorCode(errors), errors };
      this.record({ kind: 'response', name: id, headers: req.headers, body, status, response });
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(response));
      return;
    }
    res.writeHead(404).end();
  }

  /** The user approves the install on Slack's authorize page; Slack redirects back with a one-time code. */
  private answerAuthorize(params: URLSearchParams, req: IncomingMessage, res: ServerResponse): void {
    const outcome = this.authorize(params);
    const status = 'error' in outcome ? 400 : 302;
    const response = 'error' in outcome ? outcome.error : outcome.location;
    const body = Object.fromEntries(params);
    this.record({ kind: 'authorize', name: 'oauth/v2/authorize', headers: req.headers, body, status, response });
    if ('error' in outcome) res.writeHead(400, { 'content-type': 'text/plain' }).end(outcome.error);
    else res.writeHead(302, { location: outcome.location }).end();
  }

  private authorize(params: URLSearchParams): { location: string } | { error: string } {
    const app = this.oauthApp;
    if (app === undefined || params.get('client_id') !== app.clientId) return { error: 'invalid_client_id' };
    const redirectUri = params.get('redirect_uri') ?? app.redirectUri;
    if (redirectUri !== app.redirectUri) return { error: 'bad_redirect_uri' };
    // `team` picks the workspace the user installs into; `enterprise` makes it an org-wide install
    const enterpriseId = params.get('enterprise');
    const teamId = enterpriseId === null ? (params.get('team') ?? this.workspaces.keys().next().value) : null;
    if (teamId !== null && (teamId === undefined || !this.workspaces.has(teamId))) return { error: 'unknown_team' };
    const code = randomUUID();
    this.codes.set(code, { teamId, enterpriseId, scope: params.get('scope') ?? '' });
    const location = new URL(redirectUri);
    location.searchParams.set('code', code);
    const state = params.get('state');
    if (state !== null) location.searchParams.set('state', state);
    return { location: location.href };
  }

  private answerApi(
    method: string,
    body: Record<string, unknown>,
    headers: IncomingMessage['headers'],
  ): { status: number; response: unknown; headers?: Record<string, string> } {
    switch (method) {
      case 'auth.test':
        return this.answerAuthTest(tokenOf(headers, body));
      case 'oauth.v2.access':
        return this.answerOAuthAccess(body, headers);
      case 'apps.connections.open':
        return ok({ url: `ws://127.0.0.1:${this.port}/socket?ticket=${randomUUID()}` });
      case 'chat.postMessage':
      case 'chat.postEphemeral':
      case 'chat.update':
        return this.answerMessage(method, body, tokenOf(headers, body));
      default:
        return { status: 200, response: { ok: false, error: 'unknown_method' } };
    }
  }

  private answerAuthTest(token: string | undefined): { status: number; response: unknown } {
    const issued = token === undefined ? undefined : this.issuedTokens.get(token);
    if (issued === undefined) {
      return ok({
        url: 'https://fake.slack.com/',
        team: 'Fake',
        user: 'newsdesk',
        team_id: DEFAULT_TEAM_ID,
        user_id: 'U0000BOT',
        bot_id: 'B0000BOT',
      });
    }
    if (issued.revoked) return ok({ ok: false, error: 'token_revoked' });
    const workspaceId = issued.teamId ?? issued.enterpriseId ?? '';
    return ok({
      url: `https://${workspaceId.toLowerCase()}.fake.slack.com/`,
      team: this.workspaces.get(workspaceId)?.name ?? workspaceId,
      user: 'newsdesk',
      team_id: workspaceId,
      user_id: issued.botUserId,
      bot_id: issued.botId,
      ...(issued.enterpriseId === null ? {} : { enterprise_id: issued.enterpriseId }),
      is_enterprise_install: issued.teamId === null,
    });
  }

  /** Exchanges a one-time code for a bot token of the workspace that approved the install. */
  private answerOAuthAccess(
    body: Record<string, unknown>,
    headers: IncomingMessage['headers'],
  ): { status: number; response: unknown } {
    const app = this.oauthApp;
    const credentials = clientCredentialsOf(body, headers);
    if (app === undefined || credentials.clientId !== app.clientId)
      return ok({ ok: false, error: 'invalid_client_id' });
    if (credentials.clientSecret !== app.clientSecret) return ok({ ok: false, error: 'bad_client_secret' });
    const code = typeof body.code === 'string' ? body.code : '';
    const pending = this.codes.get(code);
    if (pending === undefined) return ok({ ok: false, error: 'invalid_code' });
    this.codes.delete(code);
    if (body.redirect_uri !== undefined && body.redirect_uri !== app.redirectUri) {
      return ok({ ok: false, error: 'bad_redirect_uri' });
    }
    const issued = this.issueToken(pending);
    const team = pending.teamId === null ? undefined : this.workspaces.get(pending.teamId);
    const enterpriseId = pending.enterpriseId ?? team?.enterpriseId ?? null;
    return ok({
      app_id: 'A0000APP',
      authed_user: { id: 'U0INSTALLER' },
      scope: pending.scope,
      token_type: 'bot',
      access_token: issued.token,
      bot_user_id: issued.botUserId,
      team: team === undefined ? null : { id: team.teamId, name: team.name },
      enterprise: enterpriseId === null ? null : { id: enterpriseId, name: `Org ${enterpriseId}` },
      is_enterprise_install: pending.teamId === null,
    });
  }

  private issueToken(pending: PendingCode): IssuedToken {
    this.tokenCounter += 1;
    const workspaceId = pending.teamId ?? pending.enterpriseId ?? 'unknown';
    const team = pending.teamId === null ? undefined : this.workspaces.get(pending.teamId);
    const issued: IssuedToken = {
      token: `xoxb-${workspaceId}-${this.tokenCounter}-${randomUUID().slice(0, 8)}`,
      teamId: pending.teamId,
      enterpriseId: pending.enterpriseId ?? team?.enterpriseId ?? null,
      botId: `B0${workspaceId}`,
      botUserId: `U0BOT${workspaceId}`,
      revoked: false,
    };
    this.issuedTokens.set(issued.token, issued);
    return issued;
  }

  private revokeTokensOf(workspaceId: string): string[] {
    const botUsers = new Set<string>();
    for (const issued of this.issuedTokens.values()) {
      if ((issued.teamId ?? issued.enterpriseId) !== workspaceId || issued.revoked) continue;
      issued.revoked = true;
      botUsers.add(issued.botUserId);
    }
    return [...botUsers];
  }

  /** Whether a token may post into a channel: a known channel only takes tokens of its own workspace (or org). */
  private tokenReaches(token: string | undefined, channel: string): boolean {
    const owner = [...this.workspaces.values()].find((workspace) => workspace.channels.has(channel));
    if (owner === undefined) return true;
    const issued = token === undefined ? undefined : this.issuedTokens.get(token);
    if (issued === undefined) return owner.teamId === DEFAULT_TEAM_ID;
    if (issued.teamId !== null) return issued.teamId === owner.teamId;
    return issued.enterpriseId !== null && issued.enterpriseId === owner.enterpriseId;
  }

  private answerMessage(
    method: string,
    body: Record<string, unknown>,
    token: string | undefined,
  ): { status: number; response: unknown; headers?: Record<string, string> } {
    if (method === 'chat.postMessage' && this.rateLimitNextPosts > 0) {
      this.rateLimitNextPosts -= 1;
      return {
        status: 429,
        response: { ok: false, error: 'ratelimited' },
        headers: { 'retry-after': String(this.rateLimitRetryAfter) },
      };
    }
    if (token !== undefined && this.issuedTokens.get(token)?.revoked === true) {
      return ok({ ok: false, error: 'token_revoked' });
    }
    if (typeof body.channel !== 'string' || body.channel === '') return ok({ ok: false, error: 'channel_not_found' });
    // Slack cannot see a channel of another workspace with this token
    if (!this.tokenReaches(token, body.channel)) return ok({ ok: false, error: 'channel_not_found' });
    if (body.text === undefined && body.blocks === undefined) return ok({ ok: false, error: 'no_text' });
    const errors = validateMessage(body);
    if (errors.length > 0) {
      return ok({ ok: false, error: errorCode(errors), errors, response_metadata: { messages: errors } });
    }
    this.messageCounter += 1;
    const ts = `1766000000.${String(this.messageCounter).padStart(6, '0')}`;
    return ok({ channel: body.channel, ts, message: { type: 'message', text: body.text, blocks: body.blocks, ts } });
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(call)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    }
  }
}

/** The bearer token of a Web API call (Authorization header, or a `token` form field). */
function tokenOf(headers: IncomingMessage['headers'], body: Record<string, unknown>): string | undefined {
  const authorization = headers.authorization;
  if (typeof authorization === 'string' && authorization.startsWith('Bearer ')) return authorization.slice(7);
  return typeof body.token === 'string' ? body.token : undefined;
}

/** oauth.v2.access takes the client credentials as form fields or as HTTP Basic auth. */
function clientCredentialsOf(
  body: Record<string, unknown>,
  headers: IncomingMessage['headers'],
): { clientId: unknown; clientSecret: unknown } {
  const authorization = headers.authorization;
  if (typeof authorization === 'string' && authorization.startsWith('Basic ')) {
    const [clientId, clientSecret] = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':');
    return { clientId, clientSecret };
  }
  return { clientId: body.client_id, clientSecret: body.client_secret };
}

function ok(fields: Record<string, unknown>): { status: number; response: unknown } {
  return { status: 200, response: { ok: true, ...fields } };
}

function errorCode(errors: string[]): string {
  return errors.includes('msg_blocks_too_long') ? 'msg_blocks_too_long' : 'invalid_blocks';
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (raw === '') return {};
  if ((contentType ?? '').includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // the Web API client sends objects and arrays as JSON strings inside form fields
    body[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return body;
}

/** Checks a message's blocks against Slack's limits; returns Slack-style error strings (empty when valid). */
export function validateMessage(body: Record<string, unknown>): string[] {
  const errors: string[] = [];
  if (body.blocks === undefined) return errors;
  const blocks = body.blocks;
  if (!Array.isArray(blocks)) return ['must be an array [json-pointer:/blocks]'];
  if (blocks.length > FAKE_SLACK_LIMITS.blocks) {
    errors.push(`no more than ${FAKE_SLACK_LIMITS.blocks} items allowed [json-pointer:/blocks]`);
  }
  blocks.forEach((block, index) => {
    errors.push(...validateBlock(block as Record<string, unknown>, `/blocks/${index}`));
  });
  if (errors.length === 0 && totalText(blocks) > FAKE_SLACK_LIMITS.totalBlockText) errors.push('msg_blocks_too_long');
  return errors;
}

function validateBlock(block: Record<string, unknown>, pointer: string): string[] {
  const errors: string[] = [];
  const check = (condition: boolean, message: string, at: string) => {
    if (!condition) errors.push(`${message} [json-pointer:${at}]`);
  };
  if (typeof block.block_id === 'string') {
    check(
      block.block_id.length <= FAKE_SLACK_LIMITS.blockId,
      'must be less than 256 characters',
      `${pointer}/block_id`,
    );
  }
  switch (block.type) {
    case 'header': {
      const text = textOf(block.text);
      check(isTextObject(block.text, 'plain_text'), 'must be a plain_text object', `${pointer}/text`);
      checkLength(check, text, FAKE_SLACK_LIMITS.headerText, `${pointer}/text/text`);
      break;
    }
    case 'section': {
      check(block.text !== undefined || Array.isArray(block.fields), 'must provide text or fields', pointer);
      if (block.text !== undefined) {
        check(isTextObject(block.text), 'must be a text object', `${pointer}/text`);
        checkLength(check, textOf(block.text), FAKE_SLACK_LIMITS.sectionText, `${pointer}/text/text`);
      }
      if (Array.isArray(block.fields)) {
        check(
          block.fields.length <= FAKE_SLACK_LIMITS.sectionFields,
          'no more than 10 items allowed',
          `${pointer}/fields`,
        );
        block.fields.forEach((field, index) => {
          checkLength(check, textOf(field), FAKE_SLACK_LIMITS.fieldText, `${pointer}/fields/${index}/text`);
        });
      }
      break;
    }
    case 'context': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      check(elements.length >= 1, 'must provide at least 1 item', `${pointer}/elements`);
      check(
        elements.length <= FAKE_SLACK_LIMITS.contextElements,
        'no more than 10 items allowed',
        `${pointer}/elements`,
      );
      elements.forEach((element, index) => {
        checkLength(check, textOf(element), FAKE_SLACK_LIMITS.sectionText, `${pointer}/elements/${index}/text`);
      });
      break;
    }
    case 'actions': {
      const elements = Array.isArray(block.elements) ? (block.elements as Record<string, unknown>[]) : [];
      check(elements.length >= 1, 'must provide at least 1 item', `${pointer}/elements`);
      check(
        elements.length <= FAKE_SLACK_LIMITS.actionsElements,
        'no more than 25 items allowed',
        `${pointer}/elements`,
      );
      elements.forEach((element, index) => {
        const at = `${pointer}/elements/${index}`;
        if (element.type !== 'button') return;
        checkLength(check, textOf(element.text), FAKE_SLACK_LIMITS.buttonText, `${at}/text/text`);
        if (typeof element.value === 'string') {
          check(
            element.value.length <= FAKE_SLACK_LIMITS.buttonValue,
            'must be less than 2001 characters',
            `${at}/value`,
          );
        }
        if (typeof element.action_id === 'string') {
          check(
            element.action_id.length <= FAKE_SLACK_LIMITS.actionId,
            'must be less than 256 characters',
            `${at}/action_id`,
          );
        }
      });
      break;
    }
    case 'divider':
      break;
    default:
      errors.push(`unsupported block type in this fake [json-pointer:${pointer}/type]`);
  }
  return errors;
}

function checkLength(
  check: (condition: boolean, message: string, at: string) => void,
  text: string | undefined,
  max: number,
  at: string,
): void {
  check(text !== undefined && text.length >= 1, 'must be more than 0 characters', at);
  if (text !== undefined) check(text.length <= max, `must be less than ${max + 1} characters`, at);
}

function isTextObject(value: unknown, type?: 'plain_text' | 'mrkdwn'): boolean {
  if (value === null || typeof value !== 'object') return false;
  const object = value as Record<string, unknown>;
  const typeOk = type === undefined ? object.type === 'plain_text' || object.type === 'mrkdwn' : object.type === type;
  return typeOk && typeof object.text === 'string';
}

function textOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const text = (value as Record<string, unknown>).text;
  return typeof text === 'string' ? text : undefined;
}

function totalText(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + totalText(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.entries(value as Record<string, unknown>).reduce(
    (sum, [key, child]) => sum + (key === 'text' && typeof child === 'string' ? child.length : totalText(child)),
    0,
  );
}

/** Fields of a `/news` slash command as Slack posts them (HTTP form fields, or a Socket Mode payload). */
export function slashCommandFields(text: string, responseUrl: string, overrides: Record<string, string> = {}) {
  return {
    token: 'deprecated-verification-token',
    team_id: DEFAULT_TEAM_ID,
    team_domain: 'fake',
    channel_id: 'C0000CHAN',
    channel_name: 'general',
    user_id: 'U0000USER',
    user_name: 'alice',
    command: '/news',
    text,
    api_app_id: 'A0000APP',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '1234567890.1234567890.abcdef',
    ...overrides,
  };
}

/** A `block_actions` payload for a button press on a message newsdesk sent, in workspace `teamId`. */
export function blockActionsPayload(
  action: { action_id: string; value: string },
  responseUrl: string,
  teamId = DEFAULT_TEAM_ID,
) {
  return {
    type: 'block_actions',
    team: { id: teamId, domain: 'fake' },
    user: { id: 'U0000USER', username: 'alice', name: 'alice', team_id: teamId },
    api_app_id: 'A0000APP',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: '1766000000.000001', channel_id: 'C0000CHAN', is_ephemeral: true },
    trigger_id: '1234567890.1234567890.abcdef',
    channel: { id: 'C0000CHAN', name: 'general' },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        block_id: 'b1',
        action_id: action.action_id,
        value: action.value,
        text: { type: 'plain_text', text: 'button' },
        action_ts: '1766000001.000001',
      },
    ],
  };
}

/** The `x-slack-signature` for a request body, as Slack computes it. */
export function signSlackRequest(signingSecret: string, body: string, timestamp: number): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs an Events API body (JSON) to a Bolt HTTP endpoint, signed like Slack signs it. */
export function postSignedJson(
  url: string,
  signingSecret: string,
  payload: Record<string, unknown>,
  timestamp = Math.floor(Date.now() / 1000),
): Promise<Response> {
  const body = JSON.stringify(payload);
  return fetch(url, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signSlackRequest(signingSecret, body, timestamp),
    },
  });
}

/** POSTs a form body to a Bolt HTTP endpoint, signed with `signingSecret` at `timestamp` (seconds). */
export function postSigned(
  url: string,
  signingSecret: string,
  form: Record<string, string>,
  timestamp = Math.floor(Date.now() / 1000),
): Promise<Response> {
  const body = new URLSearchParams(form).toString();
  return fetch(url, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signSlackRequest(signingSecret, body, timestamp),
    },
  });
}
