import { describe, expect, it } from 'vitest';
import { INGEST_LIMITS, limitArticle, limitWarnings, shortenText } from '../../src/core/ingest/limits.js';
import { parseArticleFile } from '../../src/core/ingest/parse-file.js';

function parse(text: string, path = 'x.txt') {
  return parseArticleFile({ path, bytes: Buffer.from(text, 'utf8'), retrievedAt: new Date('2026-01-01T00:00:00Z') });
}

describe('ingest limits', () => {
  it('shortens text at a word, never inside a surrogate pair, within the limit', () => {
    expect(shortenText('short', 10)).toBe('short');
    expect(shortenText('the harbour board voted', 16)).toBe('the harbour…');
    const emoji = '😀'.repeat(20);
    const cut = shortenText(emoji, 9);
    expect(cut.length).toBeLessThanOrEqual(9);
    expect(cut).toBe(`${'😀'.repeat(4)}…`);
  });

  it('cuts overlong paragraphs at a word and keeps their offsets true to the source', () => {
    const long = `${'Councillors debated the budget line by line. '.repeat(600)}`;
    const text = `Budget debate runs long\n\n${long}\nA short closing paragraph.\n`;
    const parsed = parse(text);
    const [article] = parsed.articles;
    expect(article?.paragraphs[0]?.text.length).toBeLessThanOrEqual(INGEST_LIMITS.paragraphChars);
    for (const p of article?.paragraphs ?? []) expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      `article "Budget debate runs long": 1 paragraph cut to ${INGEST_LIMITS.paragraphChars} characters`,
    ]);
  });

  it('leaves an article within the limits untouched', () => {
    const [article] = parse('Harbour reopens\n\nThe harbour reopened on Monday.\n').articles;
    if (!article) throw new Error('no article');
    expect(limitArticle(article)).toEqual({ article, cuts: [] });
  });

  it('keeps the first 2000 articles of a file and says how many there were', () => {
    const items = Array.from({ length: 2_005 }, (_, i) => ({ title: `Story ${i}`, body: `Text ${i}.` }));
    const parsed = parse(JSON.stringify(items), 'many.json');
    expect(parsed.articles).toHaveLength(INGEST_LIMITS.articlesPerFile);
    expect(parsed.warnings).toEqual([{ file: 'many.json', message: 'only the first 2000 of 2005 articles read' }]);
  });

  it('reports at most 20 warnings per file, the last counting the rest, each of them short', () => {
    // each element has two problems: a title that is not text and no body
    const items = Array.from({ length: 50 }, () => ({ title: 5 }));
    const parsed = parse(JSON.stringify(items), 'bad.json');
    expect(parsed.warnings).toHaveLength(INGEST_LIMITS.warningsPerFile);
    expect(parsed.warnings.at(-1)?.message).toBe('and 81 more problems in this file');
    const long = limitWarnings([{ file: 'f', message: 'x'.repeat(10_000) }]);
    expect(long[0]?.message.length).toBeLessThanOrEqual(INGEST_LIMITS.warningChars);
  });
});
