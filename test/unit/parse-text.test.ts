import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../../src/core/articles/article.js';
import { parseDateLine } from '../../src/core/ingest/dates.js';
import { isHeadingLine, matchDateline, parseByline, splitLines } from '../../src/core/ingest/lines.js';
import { parseArticleFile } from '../../src/core/ingest/parse-file.js';
import { parseTextArticles, splitArticleBlocks } from '../../src/core/ingest/parse-text.js';

const seedPath = new URL('../../articles/000_a81465b85111eb58.txt', import.meta.url);
const fixture = (name: string) => new URL(`../fixtures/articles/${name}`, import.meta.url);
const retrievedAt = new Date('2025-12-20T10:00:00Z');

function parseText(text: string, at = retrievedAt) {
  return parseTextArticles(text, { file: 'test.txt', retrievedAt: at });
}

function expectExactOffsets(source: string, articles: ParsedArticle[]) {
  for (const paragraph of articles.flatMap((article) => article.paragraphs)) {
    expect(source.slice(paragraph.start, paragraph.end)).toBe(paragraph.text);
  }
}

describe('the seed file', () => {
  const source = readFileSync(seedPath, 'utf8');
  const { articles, warnings } = parseArticleFile({
    path: 'articles/000_a81465b85111eb58.txt',
    bytes: readFileSync(seedPath),
    retrievedAt,
  });
  const [first, second] = articles as [ParsedArticle, ParsedArticle];

  it('holds exactly two articles with their titles and no warnings', () => {
    expect(articles.map((article) => article.title)).toEqual([
      'US, Russian officials to meet in Florida for more Ukraine talks',
      'Rubio to visit eastern Europe, bolster ties with pro-Trump leaders',
    ]);
    expect(warnings).toEqual([]);
  });

  it('dates the first article 20 December 2025 exactly', () => {
    expect(first.publishedAt).toBe('2025-12-20T00:00:00.000Z');
    expect(first.publishedApprox).toBe(false);
  });

  it('dates the second article 55 min 41 sec before retrieval, approximately', () => {
    expect(second.publishedAt).toBe(new Date(retrievedAt.getTime() - (55 * 60 + 41) * 1000).toISOString());
    expect(second.publishedApprox).toBe(true);
  });

  it('keeps the photo caption with its credit apart from the body', () => {
    expect(first.caption).toMatch(/^Russian presidential envoy Kirill Dmitriev.*\(Sputnik\)$/);
    expect(first.paragraphs.some((paragraph) => paragraph.text.includes('(Sputnik)'))).toBe(false);
    expect(second.caption).toBeNull();
  });

  it('drops page chrome, title repeats and highlights from the paragraphs', () => {
    for (const article of articles) {
      const texts = article.paragraphs.map((paragraph) => paragraph.text);
      expect(texts).not.toContain('Short Url');
      expect(texts).not.toContain('Follow');
      expect(texts).not.toContain(article.title);
      for (const highlight of article.highlights) expect(texts.some((text) => text.includes(highlight))).toBe(false);
    }
  });

  it('reads two bullet highlights per article', () => {
    expect(first.highlights).toEqual([
      'US negotiators held talks with Ukrainian, European officials on Friday',
      'Putin says Ukraine must abandon NATO ambitions, withdraw from claimed regions',
    ]);
    expect(second.highlights).toEqual([
      'Energy cooperation and NATO commitments will be discussed',
      'Trump’s hard-right supporters view Hungary’s Orban as a model',
    ]);
  });

  it('records the datelines and removes them from the first paragraphs', () => {
    expect([first.dateline, second.dateline]).toEqual(['WASHINGTON', 'MUNICH']);
    expect(first.paragraphs[0]?.text).toMatch(/^Negotiators are set to meet/);
    expect(second.paragraphs[0]?.text).toMatch(/^US Secretary of State Marco Rubio/);
  });

  it('marks the ALL-CAPS section titles as headings', () => {
    const headings = articles.map((article) =>
      article.paragraphs.filter((paragraph) => paragraph.kind === 'heading').map((paragraph) => paragraph.text),
    );
    expect(headings).toEqual([
      ['PUTIN OFFERING NO COMPROMISE'],
      ['WILL MEET VIKTOR ORBAN ON MONDAY', 'TIES WITH MOSCOW AND CLASHES WITH THE EU'],
    ]);
  });

  it('has one paragraph per body line: 12 in the first article and 20 in the second', () => {
    expect(first.paragraphs).toHaveLength(12);
    expect(second.paragraphs).toHaveLength(20);
    expect(second.paragraphs.at(-1)?.text).toMatch(/^He also said after meeting the chief/);
  });

  it('gives every paragraph offsets that slice its exact text out of the file', () => {
    expectExactOffsets(source, articles);
  });

  it('has no url, source or author', () => {
    expect(first).toMatchObject({ url: null, source: null, author: null });
  });
});

describe('plain text parsing', () => {
  it('reads a title line and paragraphs as one article, with a byline', () => {
    const source = readFileSync(fixture('plain-export.txt'), 'utf8');
    const { articles, warnings } = parseText(source);
    expect(warnings).toEqual([]);
    expect(articles).toHaveLength(1);
    const [article] = articles as [ParsedArticle];
    expect(article.title).toBe('City council approves new cycling lanes for the harbour district');
    expect(article).toMatchObject({ author: 'Maria Lindqvist', source: 'Harbour Gazette', publishedAt: null });
    expect(article.paragraphs.map((paragraph) => paragraph.text.slice(0, 20))).toEqual([
      'The city council vot',
      '"This is a safer str',
      'Shop owners on Quay ',
      'Construction is expe',
    ]);
    expectExactOffsets(source, articles);
  });

  it('resolves relative dates against a retrieved: line that holds for the whole file', () => {
    const source = readFileSync(fixture('two-pages.txt'), 'utf8');
    const { articles, warnings } = parseText(source);
    expect(warnings).toEqual([]);
    expect(articles.map((article) => article.title)).toEqual([
      'Central bank holds interest rates steady as inflation cools',
      'Storm closes mountain passes ahead of holiday weekend',
    ]);
    const [bank, storm] = articles as [ParsedArticle, ParsedArticle];
    expect(bank).toMatchObject({
      publishedAt: '2024-03-03T14:05:00.000Z',
      publishedApprox: false,
      dateline: 'MADRID',
      caption: 'Finance minister Ana Ruiz speaks to reporters outside the ministry. (Reuters/Carlos Mendez)',
      highlights: ['Policy rate kept at 4.5 percent for a third meeting', 'Governor hints at cuts later in the year'],
    });
    expect(bank.paragraphs.map((paragraph) => paragraph.kind)).toEqual(['body', 'body', 'heading', 'body']);
    expect(storm).toMatchObject({ publishedAt: '2026-03-04T10:00:00.000Z', publishedApprox: true });
    expectExactOffsets(source, articles);
  });

  it('reads Source: and URL: header lines and keeps them out of the paragraphs', () => {
    const source =
      'Source: Example Wire\nURL: https://example.com/a/1\nTrain strike called off\n\nUnions agreed a deal.\n';
    const [article] = parseText(source).articles;
    expect(article).toMatchObject({
      title: 'Train strike called off',
      source: 'Example Wire',
      url: 'https://example.com/a/1',
    });
    expect(article?.paragraphs.map((paragraph) => paragraph.text)).toEqual(['Unions agreed a deal.']);
  });

  it('treats a line ending in parentheses as body text when the page shows no other header structure', () => {
    const source =
      'Alliance leaders meet\n\nThe summit was hosted by the North Atlantic Treaty Organization (NATO)\nTalks end on Friday.\n';
    const [article] = parseText(source).articles;
    expect(article?.caption).toBeNull();
    expect(article?.paragraphs).toHaveLength(2);
  });

  it('keeps a single article when body paragraphs are separated by double blank lines', () => {
    const source =
      'Museum reopens\n\nThe museum reopened on Monday.\n\n\nVisitors queued for hours.\n\n\nEntry is free.\n';
    const { articles } = parseText(source);
    expect(articles).toHaveLength(1);
    expect(articles[0]?.paragraphs).toHaveLength(3);
  });

  it('joins hard-wrapped lines into one paragraph per blank-separated group', () => {
    const source = [
      'Bridge repairs to finish early',
      '',
      'Engineers said on Wednesday that repairs to the old',
      'bridge would finish two weeks ahead of schedule, and',
      'that traffic would return to both lanes next month.',
      '',
      'The work has cost less than the budget allowed for,',
      'the city said.',
      '',
    ].join('\n');
    const { articles } = parseText(source);
    expect(articles[0]?.paragraphs.map((paragraph) => paragraph.text.split('\n').length)).toEqual([3, 2]);
    expectExactOffsets(source, articles);
  });

  it('keeps offsets exact with CRLF line endings and indented lines', () => {
    const source = 'Port reopens\r\n\r\n  WELLINGTON: The port reopened today.  \r\nShips were waiting.\r\n';
    const { articles } = parseText(source);
    expect(articles[0]?.dateline).toBe('WELLINGTON');
    expect(articles[0]?.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      'The port reopened today.',
      'Ships were waiting.',
    ]);
    expectExactOffsets(source, articles);
  });

  it('uses the first non-empty line as the title when nothing else looks like one', () => {
    const { articles } = parseText('\n\nShare\n');
    expect(articles[0]?.title).toBe('Share');
  });

  it('warns when a file holds header lines but no article', () => {
    expect(parseText('retrieved: 2025-12-20T10:00:00Z\n\n').warnings).toEqual([
      { file: 'test.txt', message: 'no article text found' },
    ]);
  });

  it('warns about an unreadable retrieved: value and falls back to the given retrieval time', () => {
    const { articles, warnings } = parseText('retrieved: yesterday-ish\nTitle\n\n1 hour ago\nFollow\n\nBody text.\n');
    expect(warnings).toEqual([{ file: 'test.txt', line: 1, field: 'retrieved', message: 'unreadable retrieved date' }]);
    expect(articles[0]?.publishedAt).toBe('2025-12-20T09:00:00.000Z');
  });
});

describe('article boundaries', () => {
  it('starts a new article after two blank lines at a title followed by its repeat', () => {
    const lines = splitLines('One\n\nFirst body.\n\n\nTwo\n\nTwo\n\nSecond body.\n');
    expect(splitArticleBlocks(lines).map((block) => block.from)).toEqual([0, 5]);
  });

  it('does not split on a double blank line followed by ordinary paragraphs', () => {
    const lines = splitLines('One\n\nFirst body.\n\n\nMore body.\nAnd more.\n');
    expect(splitArticleBlocks(lines)).toEqual([{ from: 0, to: 8 }]);
  });
});

describe('date lines', () => {
  it.each([
    ['Updated 20 December 2025', '2025-12-20T00:00:00.000Z'],
    ['Published 3 March 2024', '2024-03-03T00:00:00.000Z'],
    ['Updated 20 December 2025 14:05', '2025-12-20T14:05:00.000Z'],
    ['December 20, 2025', '2025-12-20T00:00:00.000Z'],
    ['Dec. 20, 2025 at 2:05 pm GMT', '2025-12-20T14:05:00.000Z'],
    ['Saturday, 20 Dec 2025 09:30 EST', '2025-12-20T14:30:00.000Z'],
    ['Published: 2025-12-20 10:00 +03:00', '2025-12-20T07:00:00.000Z'],
  ])('reads "%s" as the exact time %s', (line, iso) => {
    expect(parseDateLine(line, retrievedAt)).toEqual({ iso, approx: false });
  });

  it.each([
    ['Updated 55 min 41 sec ago', 55 * 60 + 41],
    ['2 hours ago', 7200],
    ['Updated 1 day ago', 86400],
    ['an hour ago', 3600],
  ])('reads "%s" as %i seconds before retrieval, approximately', (line, seconds) => {
    expect(parseDateLine(line, retrievedAt)).toEqual({
      iso: new Date(retrievedAt.getTime() - seconds * 1000).toISOString(),
      approx: true,
    });
  });

  it.each(['31 February 2025', 'Updated soon', 'Two officials said 3 hours ago', 'May the talks go well, 2025'])(
    'does not read "%s" as a date',
    (line) => {
      expect(parseDateLine(line, retrievedAt)).toBeNull();
    },
  );
});

describe('headings', () => {
  it.each(['PUTIN OFFERING NO COMPROMISE', 'WHAT’S NEXT.', '2. U.N. PANEL RULES'])(
    'reads "%s" as a heading',
    (line) => {
      expect(isHeadingLine(line)).toBe(true);
    },
  );

  it.each(['(CROSSTALK)', '"(BEGIN VIDEO CLIP)', 'NATO', 'Putin offers no compromise'])(
    'does not read "%s" as a heading',
    (line) => {
      expect(isHeadingLine(line)).toBe(false);
    },
  );
});

describe('datelines and bylines', () => {
  it.each([
    ['WASHINGTON: Talks began.', 'WASHINGTON', 'Talks began.'],
    ['NEW YORK (Reuters) - Stocks rose.', 'NEW YORK', 'Stocks rose.'],
    ['LONDON, Dec 3 (AFP) - Rain fell.', 'LONDON', 'Rain fell.'],
    ['KYIV, Ukraine (AP) — Sirens sounded.', 'KYIV', 'Sirens sounded.'],
    ['WASHINGTON—The vote passed.', 'WASHINGTON', 'The vote passed.'],
  ])('finds the dateline of "%s"', (text, place, rest) => {
    const match = matchDateline(text);
    expect(match?.place).toBe(place);
    expect(text.slice(match?.bodyOffset)).toBe(rest);
  });

  it.each(['US intelligence reports continue.', 'BREAKING: a story', 'Reuters - not a place'])(
    'finds no dateline in "%s"',
    (text) => {
      expect(matchDateline(text)).toBeNull();
    },
  );

  it('reads a byline with and without an affiliation, and refuses lower-case prose', () => {
    expect(parseByline('By Jane Doe')).toEqual({ author: 'Jane Doe', affiliation: null });
    expect(parseByline('By Jane Doe, Reuters')).toEqual({ author: 'Jane Doe', affiliation: 'Reuters' });
    expect(parseByline('By the end of the week, prices rose')).toBeNull();
  });
});
