import type { CandidateSentence } from './summary-sentences.js';

/** Weights of the sentence ranking; one default configuration serves all news. */
export interface RankingConfig {
  /** the content score is TextRank centrality times min(words, maxWords) ** lengthExponent: longer sentences carry more */
  lengthExponent: number;
  /** word count beyond which a sentence gains nothing more from its length */
  maxWords: number;
  /** weight of the lede prior, which favours the opening sentences of a flat article (see `leadPriorStrength`) */
  lead: number;
  /** sentences until the lede prior halves */
  leadHalfLife: number;
  /** weight of the sharper opening prior, multiplied with the lede prior: the first sentence or two of a flat article */
  opening: number;
  /** sentences until the opening prior halves */
  openingHalfLife: number;
  /** share of sentences outside multi-sentence paragraphs from which an article counts as flat (0 to 1) */
  flatLayoutFrom: number;
  /** a paragraph with more sentences than this is an undivided block of text, not a paragraph */
  maxParagraphSentences: number;
  /** a sentence sharing more than this share of its words with a chosen one is redundant */
  maxSimilarity: number;
  /** how many sentences take part in centrality (long articles are cut for speed) */
  maxCandidates: number;
}

/**
 * The default ranking, tuned on the CNN/DailyMail sample and the BBC News Summary set together (each checked on
 * held-out halves): centrality decides in articles written in multi-sentence paragraphs, the lede decides in flat ones.
 */
export const DEFAULT_RANKING: RankingConfig = {
  lengthExponent: 0.5,
  maxWords: 60,
  lead: 2,
  leadHalfLife: 8,
  opening: 4,
  openingHalfLife: 1,
  flatLayoutFrom: 0.8,
  maxParagraphSentences: 10,
  maxSimilarity: 0.6,
  maxCandidates: 80,
};

/** Each sentence as an ascending array of its distinct term ids. */
function termSets(sentences: readonly CandidateSentence[]): Int32Array[] {
  const ids = new Map<string, number>();
  return sentences.map((sentence) => {
    const sorted = new Int32Array(sentence.terms.length);
    for (let i = 0; i < sentence.terms.length; i++) {
      const term = sentence.terms[i] as string;
      let id = ids.get(term);
      if (id === undefined) {
        id = ids.size;
        ids.set(term, id);
      }
      sorted[i] = id;
    }
    // a typed array sorts by number natively, without calling a comparator per pair
    sorted.sort();
    return distinctSorted(sorted);
  });
}

/** The distinct values of a sorted array (a view of its front, rewritten in place). */
function distinctSorted(sorted: Int32Array): Int32Array {
  let length = 0;
  for (let i = 0; i < sorted.length; i++) {
    const value = sorted[i] as number;
    if (length === 0 || value !== sorted[length - 1]) sorted[length++] = value;
  }
  return sorted.subarray(0, length);
}

/** How many values two ascending arrays share (a merge walk, no sets). */
export function sharedCount(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) {
      i++;
    } else {
      j++;
    }
  }
  return shared;
}

/** TextRank over term-overlap similarity (Mihalcea and Tarau 2004), scaled so the best sentence scores 1. */
function textRank(sets: readonly ArrayLike<number>[]): number[] {
  const n = sets.length;
  // the graph as ascending neighbour lists: pairs are visited in (i, j) order, so each list fills in ascending order
  const neighbours: number[][] = [];
  const weights: number[][] = [];
  const outSum: number[] = [];
  for (let i = 0; i < n; i++) {
    neighbours.push([]);
    weights.push([]);
    outSum.push(0);
  }
  for (let i = 0; i < n; i++) {
    const a = sets[i] as ArrayLike<number>;
    for (let j = i + 1; j < n; j++) {
      const b = sets[j] as ArrayLike<number>;
      if (a.length === 0 || b.length === 0) continue;
      const shared = sharedCount(a, b);
      if (shared === 0) continue;
      const w = shared / (Math.log(a.length + 1) + Math.log(b.length + 1));
      (neighbours[i] as number[]).push(j);
      (weights[i] as number[]).push(w);
      (neighbours[j] as number[]).push(i);
      (weights[j] as number[]).push(w);
      outSum[i] = (outSum[i] as number) + w;
      outSum[j] = (outSum[j] as number) + w;
    }
  }
  // w / outSum of each edge, the factor its neighbour's score is taken with
  const shares = weights.map((row, i) =>
    row.map((w, k) => w / (outSum[(neighbours[i] as number[])[k] as number] as number)),
  );
  const damping = 0.85;
  let scores: number[] = new Array<number>(n).fill(1);
  for (let iteration = 0; iteration < 30; iteration++) {
    const next: number[] = new Array<number>(n);
    let delta = 0;
    for (let i = 0; i < n; i++) {
      const from = neighbours[i] as number[];
      const share = shares[i] as number[];
      let sum = 0;
      for (let k = 0; k < from.length; k++) sum += (share[k] as number) * (scores[from[k] as number] as number);
      next[i] = 1 - damping + damping * sum;
      delta += Math.abs((next[i] as number) - (scores[i] as number));
    }
    scores = next;
    if (delta < 1e-4 * n) break;
  }
  let max = 0;
  for (const score of scores) max = Math.max(max, score);
  if (max > 0) for (let i = 0; i < n; i++) scores[i] = (scores[i] as number) / max;
  return scores;
}

function scaleToOne(values: number[]): number[] {
  let max = 0;
  for (const value of values) max = Math.max(max, value);
  if (max > 0) for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) / max;
  return values;
}

/**
 * How strongly the lede prior applies to an article, from 0 to 1. Multi-sentence paragraphs give an article its own
 * structure (topic sentences, asides), so the summary may range over it; text written as one-sentence paragraphs, or
 * one undivided block, has only its order, and news puts what matters first (the inverted pyramid).
 */
export function leadPriorStrength(sentences: readonly CandidateSentence[], config: RankingConfig = DEFAULT_RANKING) {
  if (sentences.length === 0) return 0;
  const paragraphSizes = new Map<number, number>();
  for (const sentence of sentences) {
    paragraphSizes.set(sentence.paragraphIndex, (paragraphSizes.get(sentence.paragraphIndex) ?? 0) + 1);
  }
  let inParagraphs = 0;
  for (const size of paragraphSizes.values())
    if (size >= 2 && size <= config.maxParagraphSentences) inParagraphs += size;
  const flatShare = 1 - inParagraphs / sentences.length;
  if (config.flatLayoutFrom >= 1) return flatShare >= 1 ? 1 : 0;
  return Math.min(1, Math.max(0, (flatShare - config.flatLayoutFrom) / (1 - config.flatLayoutFrom)));
}

/** A score per candidate sentence (same order): higher is more summary-worthy. */
export function scoreSentences(
  sentences: readonly CandidateSentence[],
  config: RankingConfig = DEFAULT_RANKING,
): number[] {
  const considered = sentences.slice(0, config.maxCandidates);
  const centrality = textRank(termSets(considered));
  const content = scaleToOne(
    considered.map(
      (sentence, i) =>
        (centrality[i] as number) * Math.min(sentence.wordCount, config.maxWords) ** config.lengthExponent,
    ),
  );
  const strength = leadPriorStrength(sentences, config);
  return sentences.map((_, i) => {
    if (i >= considered.length) return 0;
    const lede = 1 + strength * config.lead * 0.5 ** (i / config.leadHalfLife);
    const opening = 1 + strength * config.opening * 0.5 ** (i / config.openingHalfLife);
    return (content[i] as number) * lede * opening;
  });
}

function similarity(setA: ReadonlySet<string>, setB: ReadonlySet<string>): number {
  if (setA.size === 0 || setB.size === 0) return 0;
  let shared = 0;
  for (const term of setA) if (setB.has(term)) shared++;
  return shared / Math.min(setA.size, setB.size);
}

/**
 * Pick up to `count` sentences by score. A sentence that opens with a back-reference ("He", "But", "The move") comes
 * only with the sentence before it (unless it opens the article): alone it is skipped, or it is taken as a pair with
 * its predecessor when the pair's mean score wins. Captions are never taken; near-duplicates only when nothing else is
 * left. Returns candidate indices in article order.
 */
export function selectSentences(
  sentences: readonly CandidateSentence[],
  scores: readonly number[],
  count: number,
  config: RankingConfig = DEFAULT_RANKING,
): number[] {
  const chosen = new Set<number>();
  // only sentences compared with a chosen one need their set: build each on first use
  const termSetsByIndex: (Set<string> | undefined)[] = [];
  const termSetOf = (i: number): Set<string> => {
    let set = termSetsByIndex[i];
    if (set === undefined) {
      set = new Set((sentences[i] as CandidateSentence).terms);
      termSetsByIndex[i] = set;
    }
    return set;
  };
  const limit = Math.min(count, sentences.length);
  const standsAlone = (i: number) => i === 0 || !(sentences[i] as CandidateSentence).isDangling || chosen.has(i - 1);
  const isAcceptable = (i: number, strict: boolean): boolean => {
    if (chosen.has(i) || (sentences[i] as CandidateSentence).isCaption) return false;
    if (!strict) return true;
    for (const j of chosen) {
      const shared = similarity(termSetOf(i), termSetOf(j));
      if (shared > config.maxSimilarity) return false;
    }
    return true;
  };
  for (const strict of [true, false]) {
    while (chosen.size < limit) {
      let bestValue = Number.NEGATIVE_INFINITY;
      let bestPick: number[] = [];
      for (let i = 0; i < sentences.length; i++) {
        if (!isAcceptable(i, strict)) continue;
        const score = scores[i] as number;
        if (standsAlone(i)) {
          if (score > bestValue) [bestValue, bestPick] = [score, [i]];
        } else if (chosen.size + 2 <= limit && isAcceptable(i - 1, strict) && standsAlone(i - 1)) {
          const pairValue = ((scores[i - 1] as number) + score) / 2;
          if (pairValue > bestValue) [bestValue, bestPick] = [pairValue, [i - 1, i]];
        }
      }
      if (bestPick.length === 0) break;
      for (const i of bestPick) chosen.add(i);
    }
  }
  return [...chosen].sort((a, b) => a - b);
}
