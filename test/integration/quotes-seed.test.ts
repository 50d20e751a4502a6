import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParsedArticle, Quote } from '../../src/core/articles/article.js';
import { parseArticleFile } from '../../src/core/ingest/parse-file.js';
import { attributeQuotes } from '../../src/core/nlp/attribution/pipeline.js';

const seedPath = fileURLToPath(new URL('../../articles/000_a81465b85111eb58.txt', import.meta.url));
const bytes = readFileSync(seedPath);
const source = bytes.toString('utf8');
const { articles } = parseArticleFile({ path: 'articles/000_a81465b85111eb58.txt', bytes, retrievedAt: new Date(0) });
const results = articles.map((article: ParsedArticle) => attributeQuotes(article));
const quotes = results.flatMap((result) => result.quotes);
const people = results.flatMap((result) => result.people);

function quotesBy(speaker: string, kind: Quote['kind']): Quote[] {
  return quotes.filter((quote) => quote.speaker === speaker && quote.kind === kind);
}

describe('the seed articles', () => {
  it('finds both articles of the seed file', () => {
    expect(articles).toHaveLength(2);
  });

  it('gives Marco Rubio the role US Secretary of State', () => {
    const rubio = people.filter((person) => person.name === 'Marco Rubio');
    expect(rubio.length).toBeGreaterThan(0);
    expect(rubio.flatMap((person) => person.roles)).toContain('US Secretary of State');
    expect(rubio.flatMap((person) => person.roles)).toContain('Trump’s top diplomat and national security adviser');
  });

  it('attributes exactly the five direct quotes of Rubio, the continuation paragraph included', () => {
    const beginnings = quotesBy('Marco Rubio', 'direct').map((quote) => quote.text);
    const expected = [
      'In the end, it’s up to them to make a deal',
      'The role we’re trying to play',
      'These are countries that are very strong with us',
      'The President said he’s very supportive of him',
      'But obviously we were going to do that visit as a bilateral visit',
    ];
    expect(beginnings).toHaveLength(expected.length);
    expected.forEach((start, index) => {
      expect(beginnings[index]?.startsWith(start)).toBe(true);
    });
  });

  it('gives Umerov his Telegram quote', () => {
    const umerov = quotesBy('Rustem Umerov', 'direct');
    expect(umerov).toHaveLength(1);
    expect(umerov[0]?.text.startsWith('We agreed with our American partners')).toBe(true);
  });

  it('marks Fico’s “deep crisis” as a partial quote', () => {
    expect(quotesBy('Robert Fico', 'partial').map((quote) => quote.text)).toEqual(['deep crisis']);
  });

  it('gives Putin, Trump and Orban no direct quote', () => {
    for (const name of ['Vladimir Putin', 'Donald Trump', 'Viktor Orban']) {
      expect(quotes.filter((quote) => quote.speaker === name && quote.kind !== 'reported')).toEqual([]);
    }
  });

  it('records Rubio telling reporters that progress has been made as reported speech', () => {
    const reported = quotesBy('Marco Rubio', 'reported').map((quote) => quote.text);
    expect(reported.some((text) => text.startsWith('progress has been made in discussions'))).toBe(true);
  });

  it('keeps every quote and speaker mention verbatim at its offsets in the file', () => {
    for (const quote of quotes) {
      expect(source.slice(quote.start, quote.end)).toBe(quote.text);
      if (quote.speakerMention) {
        expect(source.slice(quote.speakerMention.start, quote.speakerMention.end)).toBe(quote.speakerMention.text);
      }
    }
  });

  it('names only people of the article as speakers', () => {
    for (const result of results) {
      const names = new Set(result.people.map((person) => person.name));
      for (const quote of result.quotes) {
        if (quote.speaker !== null) expect(names.has(quote.speaker)).toBe(true);
      }
    }
  });
});
