import { describe, expect, it } from 'vitest';
import { extractArticlePage } from '../../src/adapters/sources/feeds/extract-page.js';
import { htmlToBlocks } from '../../src/adapters/sources/feeds/html-text.js';
import { buildArticle } from '../../src/adapters/sources/feeds/ingest-item.js';
import { articlePage } from '../fakes/fake-web.js';

const paragraphs = [
  'The city council approved the new tram line on Tuesday after a debate that lasted most of the evening.',
  '"This is the biggest investment in public transport for a generation," said Mayor Ana Lopes after the vote.',
  'Construction is due to start next spring and the first trams should run within three years, officials said.',
  'Opponents argued that the money would be better spent on buses, which already serve the outer districts.',
];

describe('htmlToBlocks', () => {
  it('makes one block per paragraph, list item, heading and line break, without scripts or captions', () => {
    const html =
      '<p>First <b>bold</b>&nbsp;para.</p><script>track()</script><figure><img src="x"><figcaption>Photo: AP</figcaption></figure>' +
      '<h2>Background</h2><ul><li>One</li><li>Two</li></ul>Line one<br>Line two';
    expect(htmlToBlocks(html)).toEqual([
      { text: 'First bold para.', kind: 'body' },
      { text: 'Background', kind: 'heading' },
      { text: 'One', kind: 'body' },
      { text: 'Two', kind: 'body' },
      { text: 'Line one', kind: 'body' },
      { text: 'Line two', kind: 'body' },
    ]);
  });
});

describe('extractArticlePage', () => {
  it('finds the article text on a page with navigation, asides and footer', () => {
    const page = extractArticlePage(articlePage('Council approves tram line', paragraphs), 'https://news.example/t');
    expect(page?.blocks.map((block) => block.text).filter((text) => paragraphs.includes(text))).toEqual(paragraphs);
    const all = page?.blocks.map((block) => block.text).join(' ') ?? '';
    expect(all).not.toContain('Most read');
    expect(all).not.toContain('All rights reserved');
  });

  it('returns null for a page without an article', () => {
    expect(extractArticlePage('<html><body><nav>Home</nav></body></html>', 'https://news.example/')).toBeNull();
  });
});

describe('buildArticle', () => {
  it('joins blocks with blank lines and gives each paragraph its exact offsets', () => {
    const article = buildArticle({
      title: 'Council approves tram line',
      blocks: [
        { text: 'Council approves tram line', kind: 'heading' },
        { text: 'LISBON: The city council approved the new tram line.', kind: 'body' },
        { text: 'Advertisement', kind: 'body' },
        { text: 'Background', kind: 'heading' },
        { text: paragraphs[1] as string, kind: 'body' },
      ],
      url: 'https://news.example/tram',
      source: 'City Desk',
      author: 'Jane Roe',
      publishedAt: '2025-12-20T09:00:00.000Z',
    });
    const source = `LISBON: The city council approved the new tram line.\n\nBackground\n\n${paragraphs[1]}`;
    expect(article.dateline).toBe('LISBON');
    expect(article.paragraphs.map((p) => p.text)).toEqual([
      'The city council approved the new tram line.',
      'Background',
      paragraphs[1],
    ]);
    for (const paragraph of article.paragraphs) {
      expect(source.slice(paragraph.start, paragraph.end)).toBe(paragraph.text);
    }
    expect(article.paragraphs[1]?.kind).toBe('heading');
    expect(article).toMatchObject({ source: 'City Desk', author: 'Jane Roe', highlights: [], caption: null });
  });
});
