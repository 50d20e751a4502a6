import { describe, expect, it } from 'vitest';
import {
  decodeFeedBody,
  FeedParseError,
  itemId,
  parseFeedDocument,
} from '../../src/adapters/sources/feeds/parse-feed.js';
import { atomFeed, jsonFeed, rssFeed } from '../fakes/fake-web.js';

const FEED_URL = 'https://news.example/feed.xml';

function parseError(document: string): FeedParseError {
  try {
    parseFeedDocument(document, FEED_URL);
  } catch (error) {
    if (error instanceof FeedParseError) return error;
    throw error;
  }
  throw new Error('expected the document to be refused');
}
const item = {
  title: 'Harbour reopens after storm',
  link: 'https://news.example/harbour?utm_source=rss',
  guid: 'harbour-1',
  author: 'Jane Roe',
  date: '2025-12-20T09:30:00Z',
  html: '<p>The harbour reopened on Monday.</p><p>Ferries resumed at noon.</p>',
};

describe('parseFeedDocument', () => {
  it('reads RSS 2.0 items with title, canonical link, guid, author, date and content', () => {
    const feed = parseFeedDocument(rssFeed('Coast News', [item]), FEED_URL);
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Coast News');
    expect(feed.items).toEqual([
      {
        id: 'harbour-1',
        title: 'Harbour reopens after storm',
        link: 'https://news.example/harbour',
        author: 'Jane Roe',
        publishedAt: '2025-12-20T09:30:00.000Z',
        html: item.html,
      },
    ]);
  });

  it('reads Atom entries, unescaping HTML content', () => {
    const feed = parseFeedDocument(atomFeed('Coast News', [item]), FEED_URL);
    expect(feed.format).toBe('atom');
    expect(feed.items[0]).toMatchObject({
      id: 'harbour-1',
      title: 'Harbour reopens after storm',
      link: 'https://news.example/harbour',
      author: 'Jane Roe',
      publishedAt: '2025-12-20T09:30:00.000Z',
      html: item.html,
    });
  });

  it('reads JSON Feed items', () => {
    const feed = parseFeedDocument(jsonFeed('Coast News', [item]), FEED_URL);
    expect(feed.format).toBe('json');
    expect(feed.items[0]).toMatchObject({ id: 'harbour-1', link: 'https://news.example/harbour', author: 'Jane Roe' });
  });

  it('takes the author name out of an RSS "email (Name)" author', () => {
    const xml = `<rss version="2.0"><channel><title>T</title><item><title>Budget passes</title>
      <author>desk@news.example (Sam Poe)</author><link>https://news.example/budget</link></item></channel></rss>`;
    expect(parseFeedDocument(xml, FEED_URL).items[0]?.author).toBe('Sam Poe');
  });

  it('uses the link as the id when there is no guid, and a title and date hash when there is neither', () => {
    const feed = parseFeedDocument(
      rssFeed('T', [
        { title: 'With link', link: 'https://news.example/with-link' },
        { title: 'Bare item', date: '2025-12-20T08:00:00Z', html: '<p>Text.</p>' },
      ]),
      FEED_URL,
    );
    expect(feed.items[0]?.id).toBe('https://news.example/with-link');
    expect(feed.items[1]?.id).toBe(itemId(null, null, 'Bare item', '2025-12-20T08:00:00.000Z'));
    expect(feed.items[1]?.id).toMatch(/^hash:[0-9a-f]{32}$/);
  });

  it('takes a guid as the link when there is no <link>, unless isPermaLink="false" or it is no URL', () => {
    const xml = `<rss version="2.0"><channel><title>T</title>
      <item><title>Guid only</title><guid>https://news.example/guid-only?utm_source=rss</guid></item>
      <item><title>Said permalink</title><guid isPermaLink="true">https://news.example/said</guid></item>
      <item><title>Not a permalink</title><guid isPermaLink="false">https://news.example/not-a-page</guid></item>
      <item><title>Not a URL</title><guid>story-4411</guid></item>
    </channel></rss>`;
    expect(parseFeedDocument(xml, FEED_URL).items.map((i) => [i.id, i.link])).toEqual([
      ['https://news.example/guid-only?utm_source=rss', 'https://news.example/guid-only'],
      ['https://news.example/said', 'https://news.example/said'],
      ['https://news.example/not-a-page', null],
      ['story-4411', null],
    ]);
  });

  it('resolves relative item links against the feed URL', () => {
    const feed = parseFeedDocument(rssFeed('T', [{ title: 'Relative', link: '/local/story-7' }]), FEED_URL);
    expect(feed.items[0]?.link).toBe('https://news.example/local/story-7');
  });

  it('skips items with neither a title nor any text', () => {
    const feed = parseFeedDocument(rssFeed('T', [{ link: 'https://news.example/empty' }, item]), FEED_URL);
    expect(feed.items).toHaveLength(1);
    expect(feed.skipped).toBe(1);
  });

  it('throws a FeedParseError for invalid XML and for documents that are not feeds', () => {
    expect(() => parseFeedDocument('<rss version="2.0"><channel><item><title>Broken</item>', FEED_URL)).toThrow(
      FeedParseError,
    );
    expect(() => parseFeedDocument('<html><body>Not a feed</body></html>', FEED_URL)).toThrow(
      'not an RSS, Atom or JSON feed',
    );
  });

  it('refuses a feed cut off before its end, even right after a complete item, saying where it stops', () => {
    const rss = rssFeed('Coast News', [item, { ...item, guid: 'harbour-2', title: 'Ferries run again' }]);
    const afterItem = rss.slice(0, rss.indexOf('</item>') + '</item>'.length);
    const midItem = rss.slice(0, rss.lastIndexOf('<title>'));
    const atom = atomFeed('Coast News', [item]);
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://news.example/"><title>Coast News</title></channel>
      <item rdf:about="https://news.example/harbour"><title>Harbour reopens after storm</title></item>`;
    const cases: [string, string][] = [
      [afterItem, 'incomplete feed (the XML ends before </channel>)'],
      [`${afterItem}\n</channel>`, 'incomplete feed (the XML ends before </rss>)'],
      [midItem, 'incomplete feed (the XML ends before </item>)'],
      [atom.slice(0, atom.indexOf('</entry>') + '</entry>'.length), 'incomplete feed (the XML ends before </feed>)'],
      [rdf, 'incomplete feed (the XML ends before </rdf:RDF>)'],
    ];
    for (const [document, reason] of cases) {
      const error = parseError(document);
      expect(error).toMatchObject({ kind: 'malformed', message: reason });
    }
  });

  it('refuses XML that is not well formed, with the line of the first mistake', () => {
    const crossed = '<rss version="2.0"><channel><title>T</title>\n<item><title>Crossed</item></title></channel></rss>';
    expect(parseError(crossed)).toMatchObject({
      kind: 'malformed',
      message: expect.stringMatching(/^malformed feed \(invalid XML at line 2: Expected closing tag 'title'/),
    });
  });

  it('refuses a JSON Feed cut off before its end as malformed JSON, not as some other document', () => {
    const json = jsonFeed('Coast News', [item, { ...item, guid: 'harbour-2' }]);
    expect(parseError(json.slice(0, json.indexOf('harbour-2') + 12))).toMatchObject({
      kind: 'malformed',
      message: expect.stringMatching(/^malformed feed \(invalid JSON: /),
    });
  });

  it('still reads feeds with whitespace before the XML declaration or an unescaped ampersand, as feed readers do', () => {
    const rss = rssFeed('Coast & Harbour', [{ ...item, title: 'Harbour reopens' }]);
    const sloppy = `\n\n${rss.replace('Coast &amp; Harbour', 'Coast & Harbour')}`;
    const feed = parseFeedDocument(sloppy, FEED_URL);
    expect(feed.title).toBe('Coast & Harbour');
    expect(feed.items.map((i) => i.title)).toEqual(['Harbour reopens']);
  });

  it('names the feed an HTML page advertises when given the page instead of the feed', () => {
    const page = `<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml?utm_source=x">
      </head><body><p>Front page</p></body></html>`;
    expect(() => parseFeedDocument(page, 'https://news.example/')).toThrow(
      'not an RSS, Atom or JSON feed (the page names a feed: https://news.example/rss.xml)',
    );
  });

  it('decodes a feed in the charset its XML declaration names', () => {
    const xml = rssFeed('T', [{ title: 'Orbán visits Vienna', link: 'https://news.example/o' }]).replace(
      'encoding="UTF-8"',
      'encoding="ISO-8859-1"',
    );
    const bytes = Buffer.from(xml, 'latin1');
    expect(decodeFeedBody(bytes, 'application/rss+xml')).toContain('Orbán');
    expect(parseFeedDocument(bytes, FEED_URL).items[0]?.title).toBe('Orbán visits Vienna');
  });

  it('repairs a title double-encoded upstream', () => {
    const xml = rssFeed('T', [{ title: 'OrbÃ¡n visits Vienna', link: 'https://news.example/o' }]);
    expect(parseFeedDocument(Buffer.from(xml, 'utf8'), FEED_URL).items[0]?.title).toBe('Orbán visits Vienna');
  });
});
