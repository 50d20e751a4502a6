import { workerData } from 'node:worker_threads';
import * as real from '../../src/adapters/analysis/analysis-worker.js';
import type { ParsedArticle } from '../../src/core/articles/article.js';

// the real analysis worker, held at a gate for articles whose title starts with "Adversarial": the test sees
// (state[0]) when the worker has taken such an article, and opens the gate (state[1]) when it is done looking
const state = new Int32Array((workerData as { gate: SharedArrayBuffer }).gate);

export const parseFile = real.parseFile;

export function analyze(article: ParsedArticle) {
  if (article.title.startsWith('Adversarial')) {
    Atomics.add(state, 0, 1);
    Atomics.notify(state, 0);
    Atomics.wait(state, 1, 0);
  }
  return real.analyze(article);
}
