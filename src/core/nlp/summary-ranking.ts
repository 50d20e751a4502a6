import type { CandidateSentence } from './summary-sentences.js';

/** Weights of the sentence ranking; one default configuration serves all news. */
export interface RankingConfig {
  /** weight of TextRank centrality in the content score */
  centrality: number;
  /** weight of term-frequency centrality (Luhn: how often the article repeats a sentence's words) */
  frequency: number;
  /** the content score is multiplied by min(words, maxWords) ** lengthExponent: longer sentences carry more */
  lengthExponent: number;
  /** word count beyond which a sentence gains nothing more from its length */
  maxWords: number;
  /** weight of the position prior over the whole article */
  position: number;
  /** sentences until the position prior halves */
  positionHalfLife: number;
  /** the content score is multiplied by 1 + this weight times the in-paragraph position prior (topic sentences) */
  paragraphPosition: number;
  /** sentences until the in-paragraph prior halves */
  paragraphHalfLife: number;
  /** weight of the share of title words a sentence contains */
  title: number;
  /** a sentence sharing more than this share of its words with a chosen one is redundant */
  maxSimilarity: number;
  /** how many sentences take part in centrality (long articles are cut for speed) */
  maxCandidates: number;
}

/** The default ranking, tuned on the CNN/DailyMail sample and the BBC News Summary set together. */
export const DEFAULT_RANKING: RankingConfig = {
  centrality: 1,
  frequency: 0,
  lengthExponent: 0.5,
  maxWords: 60,
  position: 0.1,
  positionHalfLife: 1,
  paragraphPosition: 16,
  paragraphHalfLife: 8,
  title: 0,
  maxSimilarity: 0.6,
  maxCandidates: 80,
};

/** Sentence ids by term: each sentence as a sorted array of distinct term ids. */
function termSets(sentences: readonly CandidateSentence[]): { sets: Int32Array[]; ids: Map<string, number> } {
  const ids = new Map<string, number>();
  const sets = sentences.map((sentence) => {
    const unique = new Set<number>();
    for (const term of sentence.terms) {
      let id = ids.get(term);
      if (id === undefined) {
        id = ids.size;
        ids.set(term, id);
      }
      unique.add(id);
    }
    return Int32Array.from(unique).sort();
  });
  return { sets, ids };
}

function overlap(a: Int32Array, b: Int32Array): number {
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
function textRank(sets: readonly Int32Array[]): Float64Array {
  const n = sets.length;
  const weights = new Float64Array(n * n);
  const outSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = sets[i] as Int32Array;
    for (let j = i + 1; j < n; j++) {
      const b = sets[j] as Int32Array;
      if (a.length === 0 || b.length === 0) continue;
      const shared = overlap(a, b);
      if (shared === 0) continue;
      const w = shared / (Math.log(a.length + 1) + Math.log(b.length + 1));
      weights[i * n + j] = w;
      weights[j * n + i] = w;
      outSum[i] = (outSum[i] as number) + w;
      outSum[j] = (outSum[j] as number) + w;
    }
  }
  const damping = 0.85;
  let scores = new Float64Array(n).fill(1);
  for (let iteration = 0; iteration < 30; iteration++) {
    const next = new Float64Array(n);
    let delta = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) {
        const w = weights[j * n + i] as number;
        if (w > 0) sum += (w / (outSum[j] as number)) * (scores[j] as number);
      }
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

/** How often the article repeats each sentence's content words elsewhere (Luhn's significance), scaled to 1. */
function termFrequencyCentrality(
  sets: readonly Int32Array[],
  sentences: readonly CandidateSentence[],
  ids: Map<string, number>,
): Float64Array {
  const counts = new Float64Array(ids.size);
  for (const sentence of sentences) for (const term of sentence.terms) counts[ids.get(term) as number]! += 1;
  const scores = new Float64Array(sets.length);
  let max = 0;
  sentences.forEach((sentence, i) => {
    let sum = 0;
    for (const term of sentence.terms) sum += (counts[ids.get(term) as number] as number) - 1;
    const score = sum;
    scores[i] = score;
    max = Math.max(max, score);
  });
  if (max > 0) for (let i = 0; i < scores.length; i++) scores[i] = (scores[i] as number) / max;
  return scores;
}

function scaleToOne(values: Float64Array): Float64Array {
  let max = 0;
  for (const value of values) max = Math.max(max, value);
  if (max > 0) for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) / max;
  return values;
}

/** A score per candidate sentence (same order): higher is more summary-worthy. */
export function scoreSentences(
  sentences: readonly CandidateSentence[],
  titleTerms: readonly string[],
  config: RankingConfig = DEFAULT_RANKING,
): number[] {
  const considered = sentences.slice(0, config.maxCandidates);
  const { sets, ids } = termSets(considered);
  const centrality = config.centrality > 0 ? textRank(sets) : new Float64Array(considered.length);
  const frequency =
    config.frequency > 0 ? termFrequencyCentrality(sets, considered, ids) : new Float64Array(considered.length);
  const content = scaleToOne(
    Float64Array.from(considered, (sentence, i) => {
      const base = config.centrality * (centrality[i] as number) + config.frequency * (frequency[i] as number);
      return base * Math.min(sentence.wordCount, config.maxWords) ** config.lengthExponent;
    }),
  );
  const titleIds = new Set<number>();
  for (const term of titleTerms) {
    const id = ids.get(term);
    if (id !== undefined) titleIds.add(id);
  }
  return sentences.map((sentence, i) => {
    if (i >= considered.length) return 0;
    let titleShared = 0;
    for (const id of sets[i] as Int32Array) if (titleIds.has(id)) titleShared++;
    return (
      (content[i] as number) *
        (1 + config.paragraphPosition * 0.5 ** (sentence.indexInParagraph / config.paragraphHalfLife)) +
      config.position * 0.5 ** (i / config.positionHalfLife) +
      (titleIds.size > 0 ? config.title * (titleShared / titleIds.size) : 0)
    );
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
 * its predecessor when the pair's mean score wins. Captions and near-duplicates are taken only when nothing else is
 * left. Returns candidate indices in article order.
 */
export function selectSentences(
  sentences: readonly CandidateSentence[],
  scores: readonly number[],
  count: number,
  config: RankingConfig = DEFAULT_RANKING,
): number[] {
  const chosen = new Set<number>();
  const termSetsByIndex = sentences.map((sentence) => new Set(sentence.terms));
  const limit = Math.min(count, sentences.length);
  const standsAlone = (i: number) => i === 0 || !(sentences[i] as CandidateSentence).isDangling || chosen.has(i - 1);
  const isAcceptable = (i: number, strict: boolean): boolean => {
    if (chosen.has(i)) return false;
    if (!strict) return true;
    const sentence = sentences[i] as CandidateSentence;
    if (sentence.isCaption) return false;
    for (const j of chosen) {
      const shared = similarity(termSetsByIndex[i] as Set<string>, termSetsByIndex[j] as Set<string>);
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
