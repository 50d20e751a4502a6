import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, isValidSlackRequest } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';

/** A signed request is accepted only this close to now, in either direction (Slack's own advice: five minutes). */
export const REQUEST_WINDOW_SECONDS = 5 * 60;

export interface RequestGuardOptions {
  signingSecret: string;
  /** the paths Slack posts events, commands and interactions to */
  endpoints: readonly string[];
  logger: Logger;
  /** milliseconds since the epoch; injected by tests */
  now?: () => number;
}

/**
 * Put in front of Bolt's HTTP receiver: refuses (401) a signed request whose timestamp is more than
 * {@link REQUEST_WINDOW_SECONDS} from now in either direction (Bolt refuses only old ones), and a request whose
 * valid signature this process has already seen, so a captured request cannot be run twice. Signatures are
 * remembered until their timestamp leaves the window, when the timestamp check refuses them anyway.
 * Requests without a valid signature go on to Bolt, which refuses them and logs why.
 */
export function guardSlackRequests(listener: RequestListener, options: RequestGuardOptions): RequestListener {
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>();
  const forget = (at: number) => {
    // oldest first: entries are added in arrival order, and each expires within the window of its arrival
    for (const [signature, expires] of seen) {
      if (expires > at) break;
      seen.delete(signature);
    }
  };
  const refuse = (res: ServerResponse, reason: string) => {
    options.logger.warn({ component: 'slack', reason }, 'slack: refused a request');
    res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`${reason}\n`);
  };
  const check = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit);
    const body = buffered.rawBody.toString();
    const signature = req.headers['x-slack-signature'];
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    // unsigned (an ssl_check) or malformed: Bolt answers or refuses those itself
    if (typeof signature !== 'string' || !Number.isInteger(timestamp)) return true;
    const at = now();
    const skew = timestamp - Math.floor(at / 1000);
    if (Math.abs(skew) > REQUEST_WINDOW_SECONDS) {
      refuse(res, `request timestamp is ${Math.abs(skew)} s in the ${skew > 0 ? 'future' : 'past'}`);
      return false;
    }
    const headers = { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp };
    if (!isValidSlackRequest({ signingSecret: options.signingSecret, body, headers, nowMilliseconds: at })) return true;
    forget(at);
    if (seen.has(signature)) {
      refuse(res, 'request already received (a replay)');
      return false;
    }
    seen.set(signature, (timestamp + REQUEST_WINDOW_SECONDS) * 1000);
    return true;
  };
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || !options.endpoints.includes(path)) {
      listener(req, res);
      return;
    }
    check(req, res).then(
      (admitted) => {
        if (admitted) listener(req, res);
      },
      (error: unknown) => {
        // the body could not be read (too large, aborted): Bolt would refuse it the same way
        const status = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413 ? 413 : 400;
        options.logger.warn({ component: 'slack', status }, 'slack: unreadable request body');
        if (!res.headersSent) res.writeHead(status).end();
      },
    );
  };
}
