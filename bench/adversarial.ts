import { articleFromLines } from '../src/core/articles/from-lines.js';
import { analyzeArticleSync } from '../src/core/ingest/analyze.js';
import { limitArticle } from '../src/core/ingest/limits.js';
import { round } from './stats.js';

/**
 * Analysis time on the shapes an attacker (or a broken scraper) sends, at a size and at four times that size. Linear
 * work grows about 4x; quadratic work would grow about 16x. Articles are cut to the ingest limits first, as ingest
 * cuts them.
 */
export interface AdversarialFigures {
  shape: string;
  smallKb: number;
  smallMs: number;
  largeKb: number;
  largeMs: number;
  /** largeMs / smallMs for four times the text */
  growth: number;
}

/** Each shape with the units of its smaller size: four times it stays within the ingest limits (a paragraph of at
 * most 20,000 characters, 1,000 paragraphs), so both sizes are analysed whole. */
const SHAPES: Record<string, { units: number; make: (n: number) => string }> = {
  'short quotes in one paragraph': { units: 500, make: (n) => `He said ${'"a b c." '.repeat(n)}` },
  'attributed quotes in one paragraph': { units: 160, make: (n) => '"Hello there N," Smith said. '.repeat(n) },
  'a quote per paragraph': {
    units: 225,
    make: (n) => Array.from({ length: n }, (_, i) => `"Quote number ${i}," said Person${i % 50} Smith.`).join('\n'),
  },
  'names in one paragraph': { units: 95, make: (n) => 'Anna Smith met Bob Jones and Carl Lee on Monday. '.repeat(n) },
  'one huge line of words': { units: 950, make: (n) => 'word '.repeat(n) },
  'unclosed quotation marks': { units: 380, make: (n) => `"${'open "quote '.repeat(n)}` },
};

function timeOnce(text: string): number {
  const article = limitArticle(articleFromLines('Adversarial', text)).article;
  const start = performance.now();
  analyzeArticleSync(article);
  return performance.now() - start;
}

/** The median of five runs of each shape at its two sizes. */
export function benchAdversarial(): AdversarialFigures[] {
  timeOnce('Warm "up," he said.');
  return Object.entries(SHAPES).map(([shape, { units, make }]) => {
    const small = make(units);
    const large = make(units * 4);
    const median = (text: string) => {
      const times = Array.from({ length: 5 }, () => timeOnce(text)).sort((a, b) => a - b);
      return times[2]!;
    };
    const smallMs = median(small);
    const largeMs = median(large);
    return {
      shape,
      smallKb: round(small.length / 1024, 1),
      smallMs: round(smallMs, 2),
      largeKb: round(large.length / 1024, 1),
      largeMs: round(largeMs, 2),
      growth: round(largeMs / Math.max(smallMs, 0.01), 1),
    };
  });
}
