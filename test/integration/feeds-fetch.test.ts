import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createPoliteFetcher,
  FetchError,
  type FetchResult,
  NEWSDESK_USER_AGENT,
} from '../../src/adapters/sources/feeds/polite-fetch.js';
import { type FakeWeb, startFakeWeb } from '../fakes/fake-web.js';
import { FixedClock } from '../fakes/fixed-clock.js';

let web: FakeWeb;

beforeEach(async () => {
  web = await startFakeWeb();
});
afterEach(() => web.close());

const fetcher = (options: Parameters<typeof createPoliteFetcher>[0] = {}) =>
  createPoliteFetcher({ allowPrivateAddresses: true, minGapMs: 0, ...options });

async function failure(promise: Promise<FetchResult>): Promise<FetchError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof FetchError)) throw new Error(`expected a FetchError, got ${String(error)}`);
  return error;
}

describe('createPoliteFetcher', () => {
  it('names the bot in its User-Agent and returns the body with its validators', async () => {
    web.route('/feed', { body: 'hello', etag: '"v1"', lastModified: 'Sat, 20 Dec 2025 10:00:00 GMT' });
    const result = await fetcher().get(web.url('/feed'));
    expect(result).toMatchObject({ notModified: false, status: 200, etag: '"v1"' });
    expect(result.notModified ? '' : result.body.toString()).toBe('hello');
    const sent = web.requestsTo('/feed')[0]?.headers['user-agent'];
    expect(sent).toBe(NEWSDESK_USER_AGENT);
    expect(sent).toMatch(/^newsdesk\/\d/);
  });

  it('sends If-None-Match and If-Modified-Since and reports a 304 as not modified', async () => {
    const lastModified = 'Sat, 20 Dec 2025 10:00:00 GMT';
    web.route('/feed', { body: 'hello', etag: '"v1"', lastModified });
    const result = await fetcher().get(web.url('/feed'), { etag: '"v1"', lastModified });
    expect(result).toEqual({ notModified: true, url: web.url('/feed') });
    expect(web.requestsTo('/feed')[0]?.headers).toMatchObject({
      'if-none-match': '"v1"',
      'if-modified-since': lastModified,
    });
  });

  it('decompresses gzip responses', async () => {
    web.route('/gz', { body: gzipSync('compressed news'), headers: { 'content-encoding': 'gzip' } });
    const result = await fetcher().get(web.url('/gz'));
    expect(result.notModified ? '' : result.body.toString()).toBe('compressed news');
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    web.route('/slow', { hang: true });
    const error = await failure(fetcher({ timeoutMs: 200 }).get(web.url('/slow')));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('no complete response within 200 ms');
  });

  it('refuses a response larger than the cap, declared or streamed', async () => {
    const huge = Buffer.alloc(1024 * 1024, 'a');
    web.route('/declared', { body: huge });
    web.route('/streamed', { body: huge, chunked: true });
    const capped = fetcher({ maxBytes: 64 * 1024 });
    for (const path of ['/declared', '/streamed']) {
      const error = await failure(capped.get(web.url(path)));
      expect(error.kind).toBe('too-large');
      expect(error.message).toBe('the response is larger than 64 KiB');
    }
  });

  it('fails a response whose connection closes before the announced length, keeping none of it', async () => {
    web.route('/cut', { body: 'a whole feed', etag: '"v1"', cut: { after: 4, declaredLength: true } });
    const error = await failure(fetcher().get(web.url('/cut')));
    expect(error).toMatchObject({ kind: 'network', message: 'the connection closed mid-response' });
  });

  it('follows redirects to the final URL', async () => {
    web.route('/old', { status: 301, headers: { location: '/new' } });
    web.route('/new', { body: 'moved here' });
    const result = await fetcher().get(web.url('/old'));
    expect(result).toMatchObject({ notModified: false, url: web.url('/new') });
  });

  it('stops on a redirect loop and on too many redirects', async () => {
    web.route('/a', { status: 302, headers: { location: '/b' } });
    web.route('/b', { status: 302, headers: { location: '/a' } });
    expect((await failure(fetcher().get(web.url('/a')))).kind).toBe('redirects');
    for (let i = 0; i < 4; i++) web.route(`/hop${i}`, { status: 307, headers: { location: `/hop${i + 1}` } });
    web.route('/hop4', { body: 'far away' });
    expect((await failure(fetcher({ maxRedirects: 3 }).get(web.url('/hop0')))).kind).toBe('redirects');
    expect(web.requestsTo('/hop4')).toHaveLength(0);
  });

  it('treats 4xx and 5xx answers as failures with the status and Retry-After', async () => {
    web.route('/busy', { status: 503, headers: { 'retry-after': '120' } });
    const error = await failure(fetcher().get(web.url('/busy')));
    expect(error).toMatchObject({ kind: 'http', status: 503, retryAfterMs: 120_000, message: 'HTTP 503' });
    expect((await failure(fetcher().get(web.url('/missing')))).message).toBe('HTTP 404');
  });

  it('refuses file: URLs, metadata and loopback addresses unless private addresses are allowed', async () => {
    const strict = createPoliteFetcher({ minGapMs: 0 });
    const refused = [
      'file:///etc/passwd',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::ffff:169.254.169.254]/latest/',
      'http://10.0.0.8/feed',
      web.url('/feed'),
    ];
    for (const url of refused) expect((await failure(strict.get(url))).kind).toBe('blocked');
    web.route('/feed', { body: 'ok' });
    // a host name is checked after DNS resolution, so localhost is refused too
    const error = await failure(strict.get(web.url('/feed').replace('127.0.0.1', 'localhost')));
    expect(error).toMatchObject({ kind: 'blocked', message: 'localhost resolves to a private or link-local address' });
    expect(web.requests).toHaveLength(0);
  });

  it('checks every redirect hop, refusing one that leads to a file: URL', async () => {
    web.route('/jump', { status: 302, headers: { location: 'file:///etc/passwd' } });
    const error = await failure(fetcher().get(web.url('/jump')));
    expect(error).toMatchObject({ kind: 'blocked', message: 'only http and https URLs are fetched, not file' });
  });

  it('sends one request at a time per host, with the minimum gap between them', async () => {
    web.route('/one', { body: '1' });
    web.route('/two', { body: '2' });
    const clock = new FixedClock();
    const waits: number[] = [];
    const polite = createPoliteFetcher({
      allowPrivateAddresses: true,
      minGapMs: 1000,
      clock,
      delay: async (ms) => {
        waits.push(ms);
        clock.advance(ms);
      },
    });
    await Promise.all([polite.get(web.url('/one')), polite.get(web.url('/two'))]);
    expect(waits).toEqual([1000]);
    expect(web.requests.map((r) => r.path)).toEqual(['/one', '/two']);
  });
});
