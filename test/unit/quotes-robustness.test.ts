import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paragraph, ParsedArticle } from '../../src/core/articles/article.js';
import { runPipeline } from '../../src/core/nlp/attribution/pipeline.js';

/** An article whose paragraphs are the given lines, joined by newlines, with exact offsets. */
function articleOf(lines: readonly string[]): { article: ParsedArticle; source: string } {
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  for (const line of lines) {
    if (line.trim() !== '') paragraphs.push({ text: line, start: offset, end: offset + line.length, kind: 'body' });
    offset += line.length + 1;
  }
  const article: ParsedArticle = {
    title: 'Generated',
    url: null,
    source: null,
    author: null,
    publishedAt: null,
    publishedApprox: false,
    dateline: null,
    caption: null,
    highlights: [],
    paragraphs,
  };
  return { article, source: lines.join('\n') };
}

// words and marks that exercise the quote scanner and the attribution rules far more than random letters do
const pieces = [
  '"',
  '“',
  '”',
  '„',
  '«',
  '»',
  '‘',
  '’',
  "'",
  ',',
  '.',
  ':',
  ';',
  '?',
  '!',
  '—',
  '―',
  '-',
  '(',
  ')',
  '…',
  'said',
  'says',
  'told',
  'according to',
  'saying',
  'added',
  'he',
  'she',
  'they',
  'the',
  'a',
  'of',
  'three',
  'Mr.',
  'Sen.',
  'President',
  'Marco Rubio',
  'Rubio',
  'Helena Marsh',
  'Marsh’s',
  'Orbán',
  'the secretary',
  'Washington Post',
  'who',
  'because',
  'Face the Nation',
  'quickly',
  'came',
];

const word = fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 }));
const paragraph = fc.array(word, { maxLength: 30 }).map((words) => words.join(' ').replace(/\n/g, ' '));
const lines = fc.array(paragraph, { minLength: 1, maxLength: 6 });

describe('quote analysis robustness', () => {
  it('never throws and keeps every quote and mention verbatim at its offsets, for arbitrary paragraphs', () => {
    fc.assert(
      fc.property(lines, (generated) => {
        const { article, source } = articleOf(generated);
        // the unguarded analysis: the never-throws wrapper must not be what keeps this property true
        const { quotes, people } = runPipeline(article);
        expect(Array.isArray(people)).toBe(true);
        for (const quote of quotes) {
          expect(source.slice(quote.start, quote.end)).toBe(quote.text);
          if (quote.speakerMention) {
            const mention = quote.speakerMention;
            expect(source.slice(mention.start, mention.end)).toBe(mention.text);
          }
        }
      }),
      { numRuns: 600, seed: 20261128 },
    );
  });
});
