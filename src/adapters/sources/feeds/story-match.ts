import { fnv1a } from '../../../core/nlp/fingerprint.js';
import { sharedCount } from '../../../core/nlp/summary-ranking.js';

/** Words per shingle: three-word runs are specific enough that unrelated stories rarely share many. */
const SHINGLE_WORDS = 3;
/** Shingles kept per story; the opening of a story identifies it. */
const MAX_SHINGLES = 400;
/** Share of the smaller text's shingles the other must contain (a teaser is contained in the full text). */
const MIN_CONTAINMENT = 0.7;
/** Below this many shingles there is too little text to call two stories the same. */
const MIN_SHINGLES = 5;

/** The title as compared across feeds: case, accents, punctuation and spacing ignored. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Hashes of the word shingles of a text, sorted and unique. */
export function shingleHashes(text: string): number[] {
  const words = titleKey(text).split(' ').filter(Boolean);
  const hashes = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length && hashes.size < MAX_SHINGLES; i++) {
    hashes.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  }
  return [...hashes].sort((a, b) => a - b);
}

/** Share of the smaller set contained in the larger; both arrays sorted ascending. */
export function containment(a: readonly number[], b: readonly number[]): number {
  const smaller = Math.min(a.length, b.length);
  return smaller === 0 ? 0 : sharedCount(a, b) / smaller;
}

/**
 * Whether two texts under the same normalised title tell the same story: enough text on both sides,
 * and most of the shorter one found in the longer one.
 */
export function isSameStoryText(a: readonly number[], b: readonly number[]): boolean {
  if (Math.min(a.length, b.length) < MIN_SHINGLES) return false;
  return containment(a, b) >= MIN_CONTAINMENT;
}
