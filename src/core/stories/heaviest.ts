/** Selecting the heaviest keys of a weight list: story centroids are pruned and posted by them. */

/** The values being selected among, reused: a typed array per call costs more than the selection (two per join). */
let scratch = new Float64Array(256);
let picked = new Int32Array(256);

/**
 * The positions of the `limit` heaviest of the first `length` weights, found by selection rather than a sort (this
 * runs on every join): those above the cut in their order, then those at the cut ordered by key name while room
 * is left. The positions are a view of a reused buffer: read them before the next call.
 */
export function selectHeaviest(
  weights: Float64Array,
  length: number,
  limit: number,
  nameAt: (position: number) => string,
): Int32Array {
  if (picked.length < length) picked = new Int32Array(Math.max(length, picked.length * 2));
  if (length <= limit) {
    for (let i = 0; i < length; i++) picked[i] = i;
    return picked.subarray(0, length);
  }
  if (scratch.length <= length) scratch = new Float64Array(Math.max(length + 1, scratch.length * 2));
  scratch.set(weights.subarray(0, length));
  // past the values the scan stops as it did at the end of an array of them
  scratch[length] = Number.NEGATIVE_INFINITY;
  const cutoff = selectDescending(scratch, length, limit - 1);
  let count = 0;
  const tied: number[] = [];
  for (let i = 0; i < length; i++) {
    const value = weights[i]!;
    if (value > cutoff) picked[count++] = i;
    else if (value === cutoff) tied.push(i);
  }
  if (tied.length > 0) {
    const names = tied.map((position) => ({ position, name: nameAt(position) }));
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { position } of names) {
      if (count < limit) picked[count++] = position;
    }
  }
  return picked.subarray(0, count);
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
