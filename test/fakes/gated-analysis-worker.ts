import { workerData } from 'node:worker_threads';
import * as real from '../../src/adapters/analysis/analysis-worker.js';
import type { FileToParse, FileToRead } from '../../src/core/ports.js';

// the real analysis worker, held at a gate for files whose path names them adversarial: the test sees (state[0])
// when the worker has taken such a file, and opens the gate (state[1]) when it is done looking
const state = new Int32Array((workerData as { gate: SharedArrayBuffer }).gate);

export const analyze = real.analyze;

export function analyzeFile(file: FileToParse) {
  holdIfAdversarial(file.path);
  return real.analyzeFile(file);
}

export function analyzeFileAt(file: FileToRead) {
  holdIfAdversarial(file.path);
  return real.analyzeFileAt(file);
}

function holdIfAdversarial(path: string): void {
  if (path.includes('adversarial')) {
    Atomics.add(state, 0, 1);
    Atomics.notify(state, 0);
    Atomics.wait(state, 1, 0);
  }
}
