/** Selecting the heaviest keys of a weight map: story centroids are pruned and posted by them. */

/**
 * The `limit` heaviest entries (the map itself when it holds no more), found by selection rather than a sort: this
 * runs on every join. Ties by key.
 */
export function heaviestEntries(weights: Map<string, number>, limit: number): Map<string, number> {
  return weights.size <= limit ? weights : pruned(weights, limit);
}

/** The values being selected among, reused: a typed array per call costs more than the selection (two per join). */
let scratch = new Float64Array(256);

function pruned(weights: ReadonlyMap<string, number>, limit: number): Map<string, number> {
  if (scratch.length <= weights.size) scratch = new Float64Array(Math.max(weights.size + 1, scratch.length * 2));
  let n = 0;
  for (const value of weights.values()) scratch[n++] = value;
  // past the values the scan stops as it did at the end of an array of them
  scratch[n] = Number.NEGATIVE_INFINITY;
  const cutoff = selectDescending(scratch, n, limit - 1);
  const kept = new Map<string, number>();
  const tied: string[] = [];
  for (const [key, value] of weights) {
    if (value > cutoff) kept.set(key, value);
    else if (value === cutoff) tied.push(key);
  }
  tied.sort();
  for (const key of tied) {
    if (kept.size < limit) kept.set(key, cutoff);
  }
  return kept;
}

/** The value that would stand at `rank` (from 0) if the first `length` values were sorted largest first (Hoare's selection). */
function selectDescending(values: Float64Array, length: number, rank: number): number {
  let low = 0;
  let high = length - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (rank <= j) high = j;
    else if (rank >= i) low = i;
    else break;
  }
  return values[rank]!;
}
