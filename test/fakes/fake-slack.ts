import { createHmac, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** One request that reached the fake: a Web API call or a `response_url` post. */
export interface RecordedCall {
  /** 'api' for Web API methods, 'response' for response_url posts */
  kind: 'api' | 'response';
  /** the Web API method (`chat.postMessage`) or the response_url id */
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

/**
 * A loopback fake of Slack for tests driving a real Bolt App: the Web API under `/api/`, a `response_url` sink
 * under `/response/:id`, and a Socket Mode websocket at `/socket`. It records every call and rejects oversized
 * Block Kit the way Slack does.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
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
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://fake').pathname);
    const raw = await readBody(req);
    if (path.startsWith('/api/')) {
      const method = path.slice('/api/'.length);
      const body = parseBody(req.headers['content-type'], raw);
      const { status, response, headers } = this.answerApi(method, body);
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

  private answerApi(
    method: string,
    body: Record<string, unknown>,
  ): { status: number; response: unknown; headers?: Record<string, string> } {
    switch (method) {
      case 'auth.test':
        return ok({
          url: 'https://fake.slack.com/',
          team: 'Fake',
          user: 'newsdesk',
          team_id: 'T0000TEAM',
          user_id: 'U0000BOT',
          bot_id: 'B0000BOT',
        });
      case 'apps.connections.open':
        return ok({ url: `ws://127.0.0.1:${this.port}/socket?ticket=${randomUUID()}` });
      case 'chat.postMessage':
      case 'chat.postEphemeral':
      case 'chat.update':
        return this.answerMessage(method, body);
      default:
        return { status: 200, response: { ok: false, error: 'unknown_method' } };
    }
  }

  private answerMessage(
    method: string,
    body: Record<string, unknown>,
  ): { status: number; response: unknown; headers?: Record<string, string> } {
    if (method === 'chat.postMessage' && this.rateLimitNextPosts > 0) {
      this.rateLimitNextPosts -= 1;
      return {
        status: 429,
        response: { ok: false, error: 'ratelimited' },
        headers: { 'retry-after': String(this.rateLimitRetryAfter) },
      };
    }
    if (typeof body.channel !== 'string' || body.channel === '') return ok({ ok: false, error: 'channel_not_found' });
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
    team_id: 'T0000TEAM',
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

/** A `block_actions` payload for a button press on a message newsdesk sent. */
export function blockActionsPayload(action: { action_id: string; value: string }, responseUrl: string) {
  return {
    type: 'block_actions',
    team: { id: 'T0000TEAM', domain: 'fake' },
    user: { id: 'U0000USER', username: 'alice', name: 'alice', team_id: 'T0000TEAM' },
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
