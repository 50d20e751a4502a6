import { porterStem } from './porter.js';

/** Precision, recall and F1 of one ROUGE measure, each in [0, 1]. */
export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

/** ROUGE-1, ROUGE-2 and ROUGE-Lsum of one candidate against one reference. */
export interface RougeScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeLsum: RougeScore;
}

const stemCache = new Map<string, string>();

function stemCached(token: string): string {
  let stem = stemCache.get(token);
  if (stem === undefined) {
    stem = porterStem(token);
    if (stemCache.size < 200_000) stemCache.set(token, stem);
  }
  return stem;
}

/** Tokenize as rouge-score does: lowercase, `[a-z0-9]+` runs, Porter stems for tokens longer than 3 characters. */
export function tokenizeForRouge(text: string): string[] {
  const tokens = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return tokens.map((token) => (token.length > 3 ? stemCached(token) : token));
}

function toScore(hits: number, candidateCount: number, referenceCount: number): RougeScore {
  const precision = candidateCount > 0 ? hits / candidateCount : 0;
  const recall = referenceCount > 0 ? hits / referenceCount : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function countNgrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N between token lists (clipped n-gram overlap). */
export function rougeN(referenceTokens: readonly string[], candidateTokens: readonly string[], n: number): RougeScore {
  const reference = countNgrams(referenceTokens, n);
  const candidate = countNgrams(candidateTokens, n);
  let hits = 0;
  for (const [gram, count] of reference) hits += Math.min(count, candidate.get(gram) ?? 0);
  const total = (counts: Map<string, number>) => {
    let sum = 0;
    for (const count of counts.values()) sum += count;
    return sum;
  };
  return toScore(hits, Math.max(total(candidate), 1), Math.max(total(reference), 1));
}

/** Reference indices of one longest common subsequence, backtracked the way rouge-score does. */
function lcsIndices(reference: readonly string[], candidate: readonly string[]): number[] {
  const rows = reference.length;
  const cols = candidate.length;
  const table = new Uint32Array((rows + 1) * (cols + 1));
  const at = (i: number, j: number) => table[i * (cols + 1) + j] as number;
  for (let i = 1; i <= rows; i++) {
    for (let j = 1; j <= cols; j++) {
      table[i * (cols + 1) + j] =
        reference[i - 1] === candidate[j - 1] ? at(i - 1, j - 1) + 1 : Math.max(at(i - 1, j), at(i, j - 1));
    }
  }
  const indices: number[] = [];
  let i = rows;
  let j = cols;
  while (i > 0 && j > 0) {
    if (reference[i - 1] === candidate[j - 1]) {
      indices.push(i - 1);
      i--;
      j--;
    } else if (at(i, j - 1) > at(i - 1, j)) {
      j--;
    } else {
      i--;
    }
  }
  return indices.reverse();
}

function countTokens(sentences: readonly (readonly string[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sentence of sentences) for (const token of sentence) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** Summary-level ROUGE-L (union LCS over sentences), without double counting, as rouge-score's `rougeLsum`. */
export function rougeLsum(
  referenceSentences: readonly (readonly string[])[],
  candidateSentences: readonly (readonly string[])[],
): RougeScore {
  const referenceCount = referenceSentences.reduce((sum, s) => sum + s.length, 0);
  const candidateCount = candidateSentences.reduce((sum, s) => sum + s.length, 0);
  if (referenceCount === 0 || candidateCount === 0) return { precision: 0, recall: 0, f1: 0 };
  const referenceLeft = countTokens(referenceSentences);
  const candidateLeft = countTokens(candidateSentences);
  let hits = 0;
  for (const reference of referenceSentences) {
    const union = new Set<number>();
    for (const candidate of candidateSentences) for (const index of lcsIndices(reference, candidate)) union.add(index);
    for (const index of [...union].sort((a, b) => a - b)) {
      const token = reference[index] as string;
      const inCandidate = candidateLeft.get(token) ?? 0;
      const inReference = referenceLeft.get(token) ?? 0;
      if (inCandidate > 0 && inReference > 0) {
        hits++;
        candidateLeft.set(token, inCandidate - 1);
        referenceLeft.set(token, inReference - 1);
      }
    }
  }
  return toScore(hits, candidateCount, referenceCount);
}

function splitLines(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map(tokenizeForRouge);
}

/** Score a candidate summary against a reference; sentences are separated by newlines (for ROUGE-Lsum). */
export function scoreRouge(reference: string, candidate: string): RougeScores {
  const referenceTokens = tokenizeForRouge(reference);
  const candidateTokens = tokenizeForRouge(candidate);
  return {
    rouge1: rougeN(referenceTokens, candidateTokens, 1),
    rouge2: rougeN(referenceTokens, candidateTokens, 2),
    rougeLsum: rougeLsum(splitLines(reference), splitLines(candidate)),
  };
}
