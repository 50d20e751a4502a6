import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake server answers on one path. */
export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** answered with 304 when the request's If-None-Match matches */
  etag?: string;
  /** answered with 304 when the request's If-Modified-Since matches */
  lastModified?: string;
  /** send the body in pieces without a Content-Length */
  chunked?: boolean;
  /** never answer (for timeouts); the connection is dropped when the server closes */
  hang?: boolean;
  /**
   * die mid-response: send the first `after` bytes of the body, then drop the connection. With
   * `declaredLength` the full Content-Length was announced (the client can tell the body is short);
   * without, the body is delimited by the connection's end, as HTTP/1.0 servers send it, and looks complete.
   */
  cut?: { after: number; declaredLength: boolean };
}

/** A route: a fixed response or one computed per request. */
export type FakeRoute = FakeResponse | ((request: RecordedRequest) => FakeResponse);

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

/** A loopback HTTP server serving what each test scripts. */
export interface FakeWeb {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  url(path: string): string;
  route(path: string, route: FakeRoute): void;
  requests: RecordedRequest[];
  requestsTo(path: string): RecordedRequest[];
  close(): Promise<void>;
}

export async function startFakeWeb(): Promise<FakeWeb> {
  const routes = new Map<string, FakeRoute>();
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const recorded = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers };
    requests.push(recorded);
    const route = routes.get(recorded.path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    answer(res, typeof route === 'function' ? route(recorded) : route, req.headers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    route: (path, route) => void routes.set(path, route),
    requests,
    requestsTo: (path) => requests.filter((request) => request.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(res: ServerResponse, response: FakeResponse, headers: IncomingHttpHeaders): void {
  if (response.hang) return;
  const validators: Record<string, string> = {};
  if (response.etag) validators.etag = response.etag;
  if (response.lastModified) validators['last-modified'] = response.lastModified;
  const etagMatches = response.etag !== undefined && headers['if-none-match'] === response.etag;
  const dateMatches = response.lastModified !== undefined && headers['if-modified-since'] === response.lastModified;
  if (etagMatches || dateMatches) {
    res.writeHead(304, validators).end();
    return;
  }
  const body =
    typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : (response.body ?? Buffer.alloc(0));
  const status = response.status ?? 200;
  if (response.cut) {
    const { after, declaredLength } = response.cut;
    // no chunked framing: without a length, the end of the connection ends the body
    res.useChunkedEncodingByDefault = false;
    const framing = declaredLength ? { 'content-length': String(body.length) } : { connection: 'close' };
    res.writeHead(status, { ...validators, ...framing, ...response.headers });
    res.write(body.subarray(0, after), () => res.socket?.destroy());
    return;
  }
  if (response.chunked) {
    res.writeHead(status, { ...validators, ...response.headers });
    const piece = 16 * 1024;
    for (let offset = 0; offset < body.length; offset += piece) res.write(body.subarray(offset, offset + piece));
    res.end();
    return;
  }
  res.writeHead(status, { 'content-length': String(body.length), ...validators, ...response.headers }).end(body);
}

// ---- documents written for the tests ----

export interface TestItem {
  title?: string;
  link?: string;
  guid?: string;
  author?: string;
  date?: string;
  /** HTML content */
  html?: string;
}

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** An RSS 2.0 document. */
export function rssFeed(title: string, items: TestItem[]): string {
  const body = items
    .map((item) =>
      [
        '<item>',
        item.title === undefined ? '' : `<title>${escapeXml(item.title)}</title>`,
        item.link === undefined ? '' : `<link>${escapeXml(item.link)}</link>`,
        item.guid === undefined ? '' : `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>`,
        item.author === undefined ? '' : `<dc:creator>${escapeXml(item.author)}</dc:creator>`,
        item.date === undefined ? '' : `<pubDate>${new Date(item.date).toUTCString()}</pubDate>`,
        item.html === undefined ? '' : `<description><![CDATA[${item.html}]]></description>`,
        '</item>',
      ].join(''),
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${escapeXml(title)}</title><link>https://news.example/</link><description>Test feed</description>
${body}
</channel></rss>`;
}

/** An Atom 1.0 document. */
export function atomFeed(title: string, items: TestItem[]): string {
  const entries = items
    .map((item) =>
      [
        '<entry>',
        `<title type="text">${escapeXml(item.title ?? '')}</title>`,
        `<id>${escapeXml(item.guid ?? item.link ?? 'urn:missing')}</id>`,
        item.link === undefined ? '' : `<link rel="alternate" href="${escapeXml(item.link)}"/>`,
        item.author === undefined ? '' : `<author><name>${escapeXml(item.author)}</name></author>`,
        `<updated>${item.date ?? '2025-12-20T00:00:00Z'}</updated>`,
        item.date === undefined ? '' : `<published>${item.date}</published>`,
        item.html === undefined ? '' : `<content type="html">${escapeXml(item.html)}</content>`,
        '</entry>',
      ].join(''),
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeXml(title)}</title><id>urn:test:${escapeXml(title)}</id>
<updated>2025-12-20T00:00:00Z</updated>
${entries}
</feed>`;
}

/** A JSON Feed 1.1 document. */
export function jsonFeed(title: string, items: TestItem[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: items.map((item) => ({
      id: item.guid ?? item.link,
      ...(item.link === undefined ? {} : { url: item.link }),
      ...(item.title === undefined ? {} : { title: item.title }),
      ...(item.html === undefined ? {} : { content_html: item.html }),
      ...(item.date === undefined ? {} : { date_published: item.date }),
      ...(item.author === undefined ? {} : { authors: [{ name: item.author }] }),
    })),
  });
}

/** A news article page with site chrome around the story, for Readability. */
export function articlePage(title: string, paragraphs: string[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeXml(title)} | Test Gazette</title></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<header><div class="logo">The Test Gazette</div></header>
<main><article>
<h1>${escapeXml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('\n')}
</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Unrelated story one</a></li><li><a href="/b">Unrelated story two</a></li></ul></aside>
<footer>Copyright The Test Gazette. All rights reserved.</footer>
</body></html>`;
}
