import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer of the fake chat-completions API. */
export interface FakeLlmReply {
  status?: number;
  /** a chat completion whose message content is this string (JSON-encode model output yourself) */
  content?: string;
  /** a raw body instead of a chat completion */
  rawBody?: string;
  headers?: Record<string, string>;
  /** answer only after this many milliseconds (to exceed the client's timeout) */
  delayMs?: number;
}

export interface RecordedLlmRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A loopback fake of `POST /v1/chat/completions`, scripted per test with a queue of replies. */
export interface FakeLlm {
  /** like `http://127.0.0.1:PORT/v1` */
  baseUrl: string;
  requests: RecordedLlmRequest[];
  /** most requests in flight at the same time */
  maxInFlight: number;
  /** queue replies, answered in order; when the queue is empty the fake answers 500 */
  enqueue(...replies: FakeLlmReply[]): void;
  close(): Promise<void>;
}

function completion(content: string): string {
  return JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  });
}

export async function startFakeLlm(): Promise<FakeLlm> {
  const queue: FakeLlmReply[] = [];
  const requests: RecordedLlmRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  const state = { maxInFlight: 0 };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // recorded as text
      }
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, inFlight);
      const reply = queue.shift() ?? { status: 500, rawBody: '{"error":{"message":"no scripted reply"}}' };
      const answer = () => {
        inFlight--;
        if (res.destroyed) return;
        const payload = reply.rawBody ?? completion(reply.content ?? '');
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers }).end(payload);
      };
      if (reply.delayMs === undefined) {
        answer();
      } else {
        const timer = setTimeout(() => {
          timers.delete(timer);
          answer();
        }, reply.delayMs);
        timers.add(timer);
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    get maxInFlight() {
      return state.maxInFlight;
    },
    enqueue: (...replies) => queue.push(...replies),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
