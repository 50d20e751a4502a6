/**
 * A story's centroid as the stores keep it, in a JSON column: its keys, and its weights as the base64 of their
 * little-endian 64-bit floats. A story row is rewritten on every join, and a JSON number per weight cost more to
 * write and read than the rest of the row; the bytes keep every bit of each weight, so an index restored from the
 * rows scores exactly as the one that wrote them. Rows written before this form hold [key, weight] pairs; both read.
 */

export interface EncodedCentroid {
  keys: string[];
  /** base64 of the weights, 8 bytes each, little-endian */
  weights: string;
}

/** A centroid as a row holds it: encoded, or (older rows) [key, weight] pairs. */
export type StoredCentroid = EncodedCentroid | (readonly [string, number])[];

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** The weights as stored. */
export function encodeWeights(weights: Float64Array): string {
  const bytes = Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength);
  return (LITTLE_ENDIAN ? bytes : Buffer.from(bytes).swap64()).toString('base64');
}

/** The keys and weights of a stored centroid, in its order. */
export function decodeCentroid(stored: StoredCentroid): { keys: readonly string[]; weights: Float64Array } {
  if (Array.isArray(stored)) {
    return { keys: stored.map(([key]) => key), weights: Float64Array.from(stored, ([, weight]) => weight) };
  }
  const { keys, weights } = stored as EncodedCentroid;
  const bytes = Buffer.from(weights, 'base64');
  if (bytes.length !== keys.length * 8) {
    throw new Error(`story centroid holds ${keys.length} keys but ${bytes.length / 8} weights`);
  }
  // a copy: the decoded bytes need not sit at a multiple of 8 in their buffer
  const copy = new Uint8Array(bytes);
  if (!LITTLE_ENDIAN) Buffer.from(copy.buffer).swap64();
  return { keys, weights: new Float64Array(copy.buffer) };
}
