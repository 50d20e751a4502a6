import { describe, expect, it } from 'vitest';
import { type EvalArticle, scoreClusters, simulateStream } from '../../scripts/eval-stories.js';

describe('story clustering evaluation', () => {
  it('computes B-cubed and pairwise scores as in a worked example', () => {
    // gold {1,2,3} {4,5}; predicted {1,2} {3,4,5}
    const { bcubed, pairwise } = scoreClusters(['A', 'A', 'A', 'B', 'B'], ['x', 'x', 'y', 'y', 'y']);
    expect(bcubed.precision).toBeCloseTo((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5, 10);
    expect(bcubed.recall).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5, 10);
    expect(pairwise).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it('scores a perfect clustering 1 and everything in one cluster with full recall', () => {
    expect(scoreClusters(['A', 'B', 'A'], ['p', 'q', 'p']).bcubed).toEqual({ precision: 1, recall: 1, f1: 1 });
    const lumped = scoreClusters(['A', 'B', 'A', 'B'], ['p', 'p', 'p', 'p']).bcubed;
    expect(lumped.recall).toBe(1);
    expect(lumped.precision).toBe(0.5);
  });

  it('simulates a dated stream that keeps every cluster on one day, the same way every run', () => {
    const articles: EvalArticle[] = Array.from({ length: 30 }, (_, i) => ({
      id: `a${i}`,
      cluster: `c${i % 10}`,
      title: `Story ${i % 10} headline word${i % 10}`,
      text: `Text about topic${i % 10} and more topic${i % 10}.`,
      published: null,
      split: 'train',
    }));
    const stream = simulateStream(articles, 3);
    expect(stream).toHaveLength(30);
    expect(simulateStream(articles, 3)).toEqual(stream);
    const days = new Map<string, Set<number | null>>();
    for (const article of stream)
      days.set(article.cluster, (days.get(article.cluster) ?? new Set()).add(article.published));
    expect([...days.values()].every((set) => set.size === 1)).toBe(true);
    const published = stream.map((article) => article.published!);
    expect(published).toEqual([...published].sort((a, b) => a - b));
    expect(new Set(published).size).toBe(4);
  });
});
