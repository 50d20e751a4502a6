/** Median and 99th percentile (nearest rank) of a sample, in the sample's unit. */
export interface Summary {
  median: number;
  p99: number;
  runs: number;
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return { median: round(at(0.5)), p99: round(at(0.99)), runs: sorted.length };
}

/** Time `fn` `runs` times (after `warmup` untimed runs), in milliseconds. */
export async function timeRuns(runs: number, fn: () => unknown, warmup = 5): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function mb(bytes: number): number {
  return round(bytes / 1024 / 1024, 1);
}
