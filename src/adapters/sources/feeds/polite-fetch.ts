import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import pLimit, { type LimitFunction } from 'p-limit';
import type { Clock } from '../../../core/ports.js';
import { parseRetryAfter } from '../../http/retry-after.js';

/** The User-Agent every request carries: the bot's name, version and where to read about it. */
export const NEWSDESK_USER_AGENT = 'newsdesk/0.1 (chat news bot; feed reader)';

/** Why a fetch failed, for logs, backoff and `/news sources`. */
export type FetchFailureKind = 'blocked' | 'timeout' | 'too-large' | 'http' | 'redirects' | 'network';

/** A failed fetch. `message` is a short reason safe to show in chat (no bodies, no credentials). */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly kind: FetchFailureKind;
  /** the HTTP status, for 'http' failures */
  readonly status: number | null;
  /** how long the server asked us to wait (Retry-After), in milliseconds */
  readonly retryAfterMs: number | null;

  constructor(
    kind: FetchFailureKind,
    message: string,
    options: { status?: number; retryAfterMs?: number | null; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/** What a conditional GET returned. */
export type FetchResult =
  | { notModified: true; url: string }
  | {
      notModified: false;
      /** the final URL, after redirects */
      url: string;
      status: number;
      body: Buffer;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    };

export interface GetOptions {
  /** validators from the previous response, for a conditional GET */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

/** Fetches web resources politely and safely; see {@link createPoliteFetcher}. */
export interface PoliteFetcher {
  get(url: string, options?: GetOptions): Promise<FetchResult>;
}

type LookupFunction = typeof dnsLookup;

export interface PoliteFetcherOptions {
  userAgent?: string;
  /** deadline for one request, headers and body included (default 15 s) */
  timeoutMs?: number;
  /** largest body accepted, after decompression (default 5 MiB) */
  maxBytes?: number;
  /** redirects followed before giving up (default 5) */
  maxRedirects?: number;
  /** minimum time between the end of one request to a host and the start of the next (default 1 s) */
  minGapMs?: number;
  /** allow loopback, private, link-local and metadata addresses (tests, intranet feeds) */
  allowPrivateAddresses?: boolean;
  clock?: Clock;
  /** waits between requests to one host; injected so tests need no sleeps */
  delay?: (ms: number) => Promise<void>;
  /** DNS resolution, injectable for tests */
  lookup?: LookupFunction;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const DISALLOWED = buildBlockList();

function buildBlockList(): BlockList {
  const list = new BlockList();
  const v4: [string, number][] = [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['224.0.0.0', 4],
    ['240.0.0.0', 4],
  ];
  for (const [network, prefix] of v4) list.addSubnet(network, prefix, 'ipv4');
  const v6: [string, number][] = [
    ['::', 128],
    ['::1', 128],
    ['fc00::', 7],
    ['fe80::', 10],
    ['ff00::', 8],
  ];
  for (const [network, prefix] of v6) list.addSubnet(network, prefix, 'ipv6');
  return list;
}

/**
 * Whether an IP address is loopback, private, link-local (which includes the cloud metadata
 * address 169.254.169.254), carrier-grade NAT, multicast or reserved: addresses a feed URL
 * given in chat must not reach.
 */
export function isDisallowedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return DISALLOWED.check(address, 'ipv4');
  if (family !== 6) return true;
  const embedded = embeddedIpv4(address);
  if (embedded !== null) return DISALLOWED.check(embedded, 'ipv4');
  return DISALLOWED.check(address, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) IPv6 address. */
function embeddedIpv4(address: string): string | null {
  const match = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!match) return null;
  if (match[1]) return match[1];
  const high = Number.parseInt(match[2] ?? '0', 16);
  const low = Number.parseInt(match[3] ?? '0', 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Check that a URL may be fetched at all: http(s) only, and no disallowed IP literal. */
export function checkFetchableUrl(raw: string, allowPrivateAddresses: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError('blocked', 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('blocked', `only http and https URLs are fetched, not ${url.protocol.replace(/:$/, '')}`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivateAddresses && isIP(host) !== 0 && isDisallowedAddress(host)) {
    throw new FetchError('blocked', `the address ${host} is private, loopback or link-local`);
  }
  return url;
}

/**
 * A fetcher for feeds and article pages that behaves like a good citizen and cannot be turned
 * against the machine it runs on: a User-Agent naming the bot, conditional GET, one request at a
 * time per host with a minimum gap, a deadline, a body size cap, bounded redirects followed by hand
 * (each hop checked), http(s) only, and the resolved address checked at connect time.
 */
export function createPoliteFetcher(options: PoliteFetcherOptions = {}): PoliteFetcher {
  const clock = options.clock ?? { now: () => new Date() };
  const settings = {
    clock,
    userAgent: options.userAgent ?? NEWSDESK_USER_AGENT,
    timeoutMs: options.timeoutMs ?? 15_000,
    maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    allowPrivateAddresses: options.allowPrivateAddresses ?? false,
    lookup: guardedLookup(options.lookup ?? dnsLookup, options.allowPrivateAddresses ?? false),
  };
  const queue = createHostQueue({
    minGapMs: options.minGapMs ?? 1000,
    clock,
    delay: options.delay ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  });

  return {
    async get(raw, getOptions = {}) {
      let current = checkFetchableUrl(raw, settings.allowPrivateAddresses);
      const visited = new Set<string>();
      for (let hop = 0; ; hop++) {
        visited.add(current.href);
        const target = current;
        const response = await queue.run(target.host, () => requestOnce(target, getOptions, settings));
        if (response.kind !== 'redirect') return response.result;
        if (hop >= settings.maxRedirects || visited.has(response.location)) {
          throw new FetchError('redirects', `too many redirects (more than ${settings.maxRedirects}, or a loop)`);
        }
        current = checkFetchableUrl(response.location, settings.allowPrivateAddresses);
      }
    },
  };
}

/** Serialises requests per host (p-limit, one at a time) and keeps a minimum gap between them. */
function createHostQueue(options: { minGapMs: number; clock: Clock; delay: (ms: number) => Promise<void> }) {
  const limits = new Map<string, LimitFunction>();
  const lastDone = new Map<string, number>();
  return {
    async run<T>(host: string, task: () => Promise<T>): Promise<T> {
      let limit = limits.get(host);
      if (!limit) {
        limit = pLimit(1);
        limits.set(host, limit);
      }
      const hostLimit = limit;
      try {
        return await hostLimit(async () => {
          const last = lastDone.get(host);
          const wait = last === undefined ? 0 : last + options.minGapMs - options.clock.now().getTime();
          if (wait > 0) await options.delay(wait);
          try {
            return await task();
          } finally {
            lastDone.set(host, options.clock.now().getTime());
          }
        });
      } finally {
        // forget idle hosts so the map does not grow with every host ever fetched (the gap is kept)
        if (hostLimit.activeCount === 0 && hostLimit.pendingCount === 0) limits.delete(host);
      }
    },
  };
}

/** A DNS lookup that refuses hosts resolving to any disallowed address (checked at connect time). */
function guardedLookup(lookup: LookupFunction, allowPrivate: boolean): LookupFunction {
  const guarded = (
    hostname: string,
    options: unknown,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    const wantAll = typeof options === 'object' && options !== null && (options as { all?: boolean }).all === true;
    const base = typeof options === 'object' && options !== null ? options : {};
    lookup(hostname, { ...base, all: true }, (error, addresses) => {
      if (error) return callback(error, wantAll ? [] : '');
      const list = addresses as LookupAddress[];
      const refused = allowPrivate ? undefined : list.find((entry) => isDisallowedAddress(entry.address));
      if (refused) {
        const blocked = new FetchError('blocked', `${hostname} resolves to a private or link-local address`);
        return callback(blocked as NodeJS.ErrnoException, wantAll ? [] : '');
      }
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
      return wantAll ? callback(null, list) : callback(null, first.address, first.family);
    });
  };
  return guarded as unknown as LookupFunction;
}

type Hop = { kind: 'done'; result: FetchResult } | { kind: 'redirect'; location: string };

interface RequestSettings {
  clock: Clock;
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  lookup: LookupFunction;
}

function requestHeaders(getOptions: GetOptions, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    accept: getOptions.accept ?? '*/*',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (getOptions.etag) headers['if-none-match'] = getOptions.etag;
  if (getOptions.lastModified) headers['if-modified-since'] = getOptions.lastModified;
  return headers;
}

/** One request, no redirects followed. Rejects with a FetchError for every failure. */
function requestOnce(url: URL, getOptions: GetOptions, settings: RequestSettings): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    let settled = false;
    const fail = (error: FetchError) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      request.destroy();
      reject(error);
    };
    const succeed = (hop: Hop) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(hop);
    };
    const request = client.request(url, {
      method: 'GET',
      headers: requestHeaders(getOptions, settings.userAgent),
      lookup: settings.lookup,
    });
    const deadline = setTimeout(
      () => fail(new FetchError('timeout', `no complete response within ${settings.timeoutMs} ms`)),
      settings.timeoutMs,
    );
    request.on('error', (error) => fail(toFetchError(error)));
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      if (status === 304) {
        response.resume();
        return succeed({ kind: 'done', result: { notModified: true, url: url.href } });
      }
      const location = response.headers.location;
      if (REDIRECT_STATUSES.has(status) && location) {
        response.resume();
        return succeed({ kind: 'redirect', location: new URL(location, url).href });
      }
      if (status < 200 || status > 299) {
        response.resume();
        const retryAfterMs = parseRetryAfter(response.headers['retry-after'], settings.clock.now().getTime());
        return fail(new FetchError('http', `HTTP ${status}`, { status, retryAfterMs }));
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > settings.maxBytes) {
        return fail(tooLarge(settings.maxBytes));
      }
      readBody(response, settings.maxBytes, () => fail(tooLarge(settings.maxBytes))).then(
        (body) =>
          succeed({
            kind: 'done',
            result: {
              notModified: false,
              url: url.href,
              status,
              body,
              contentType: response.headers['content-type'] ?? null,
              etag: headerValue(response.headers.etag),
              lastModified: headerValue(response.headers['last-modified']),
            },
          }),
        (error: unknown) => fail(error instanceof FetchError ? error : toFetchError(error)),
      );
    });
    request.end();
  });
}

/** The body, decompressed; past `maxBytes` it stops reading and calls `onTooLarge` (which fails the request). */
function readBody(response: http.IncomingMessage, maxBytes: number, onTooLarge: () => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const stream = decoded(response);
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // fail first, so the errors that destroying the streams causes are ignored
        onTooLarge();
        stream.destroy();
        response.destroy();
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (error) => reject(toFetchError(error)));
    response.on('aborted', () => reject(new FetchError('network', 'the connection closed mid-response')));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

function decoded(response: http.IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return response.pipe(zlib.createGunzip());
  if (encoding === 'deflate') return response.pipe(zlib.createInflate());
  if (encoding === 'br') return response.pipe(zlib.createBrotliDecompress());
  return response;
}

function tooLarge(maxBytes: number): FetchError {
  return new FetchError('too-large', `the response is larger than ${Math.round(maxBytes / 1024)} KiB`);
}

function headerValue(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? null : first;
}

function toFetchError(error: unknown): FetchError {
  if (error instanceof FetchError) return error;
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  const reasons: Record<string, string> = {
    ENOTFOUND: 'the host name does not resolve',
    EAI_AGAIN: 'the host name could not be resolved (DNS)',
    ECONNREFUSED: 'the connection was refused',
    ECONNRESET: 'the connection was reset',
    ETIMEDOUT: 'the connection timed out',
    EHOSTUNREACH: 'the host is unreachable',
    Z_DATA_ERROR: 'the compressed response is corrupt',
  };
  const reason = reasons[code] ?? (error instanceof Error ? error.message : String(error));
  return new FetchError('network', reason, { cause: error });
}
