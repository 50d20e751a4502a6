import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSourcesFile, parseSourcesFile } from '../../src/adapters/sources/feeds/sources-file.js';

describe('sources.json', () => {
  it('reads sources with a default interval of 15 minutes and canonical URLs', () => {
    const sources = parseSourcesFile(
      JSON.stringify([
        { url: 'https://News.Example/rss.xml?utm_source=x', name: 'Example News' },
        { url: 'https://other.example/atom', intervalMinutes: 5 },
      ]),
      'sources.json',
    );
    expect(sources).toEqual([
      { url: 'https://news.example/rss.xml', name: 'Example News', intervalMinutes: 15 },
      { url: 'https://other.example/atom', intervalMinutes: 5 },
    ]);
  });

  it('rejects an interval under 2 minutes, a non-http URL, and unknown keys, saying what to fix', () => {
    const text = JSON.stringify([
      { url: 'https://a.example/feed', intervalMinutes: 1 },
      { url: 'file:///etc/passwd' },
      { url: 'https://b.example/feed', every: 5 },
    ]);
    expect(() => parseSourcesFile(text, 'sources.json')).toThrowErrorMatchingInlineSnapshot(`
      [NewsdeskError: The sources file sources.json is invalid.
      ✖ Unrecognized key: "every"
        → at [2]
      ✖ must be at least 2 (minutes); polling more often is impolite
        → at [0].intervalMinutes
      ✖ must be an http(s) feed URL
        → at [1].url
      It must be an array like [{ "url": "https://example.com/feed.xml", "name": "Example", "intervalMinutes": 15 }].]
    `);
  });

  it('rejects a feed listed twice, even when the URLs differ only by tracking or fragment', () => {
    const text = JSON.stringify([
      { url: 'https://a.example/feed' },
      { url: 'https://a.example/feed?utm_source=x#top' },
    ]);
    expect(() => parseSourcesFile(text, 'sources.json')).toThrow('https://a.example/feed is listed twice');
  });

  it('reports invalid JSON with the file name', () => {
    expect(() => parseSourcesFile('[{"url": ', 'conf/sources.json')).toThrow(
      /^The sources file conf\/sources\.json is not valid JSON/,
    );
  });

  it('treats a missing file as no sources and reads an existing one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-sources-'));
    expect(await loadSourcesFile(join(dir, 'missing.json'))).toEqual([]);
    writeFileSync(join(dir, 'sources.json'), '[{"url": "https://news.example/feed"}]');
    expect(await loadSourcesFile(join(dir, 'sources.json'))).toEqual([
      { url: 'https://news.example/feed', intervalMinutes: 15 },
    ]);
  });
});
