/**
 * Online story clustering: as articles arrive, in time order, each joins the most similar open story or starts
 * one. Different outlets' own articles about one event end up in one story.
 *
 * Representation (chosen by measurement, see scripts/eval-stories.ts): a TF-IDF vector of the title and lead,
 * with the article's name words and quote fingerprints as extra keys, IDF from the stream seen so far. A story is
 * the sum of its members' unit vectors, bounded to its heaviest keys. The score is the cosine with that centroid,
 * halved per day since the story's latest article (without times: per so many articles); an article joins the
 * best-scoring open story when the score passes one threshold.
 * The stores keep an `InMemoryStoryIndex` of the open stories in step with their tables (story-batch.ts).
 */

import { selectHeaviest } from './heaviest.js';
import { grownFloat64, grownInt32, type KeyTable } from './key-table.js';
import { KeyPositions } from './positions.js';
import type { StoryFeatures, StoryKeys } from './story-features.js';
import type { ArticleVector, InMemoryStoryIndex, StoryState } from './story-index.js';

/** The clustering settings; one default serves all news. */
export interface ClusterConfig {
  /** weight of a name word relative to a content word, before IDF */
  nameWeight: number;
  /** weight of a quote fingerprint relative to a content word, before IDF */
  quoteWeight: number;
  /** join the best story when its score reaches this */
  threshold: number;
  /** a story takes articles until this long after its latest one */
  windowHours: number;
  /** the score halves per this many hours between the story's latest article and this one (0: no decay) */
  halfLifeHours: number;
  /** without times, a story takes articles until this many more have arrived after its latest one */
  recentArticles: number;
  /** without times, the score halves per this many articles since the story's latest one (0: no decay) */
  halfLifeArticles: number;
  /** the article's heaviest keys used to look up candidates */
  lookupKeys: number;
  /** stories scored in full per article */
  maxCandidates: number;
  /** keys kept in a story's centroid */
  maxStoryKeys: number;
}

export const DEFAULT_CLUSTERING: ClusterConfig = {
  nameWeight: 1,
  quoteWeight: 1,
  threshold: 0.22,
  windowHours: 72,
  halfLifeHours: 24,
  recentArticles: 300,
  halfLifeArticles: 15,
  lookupKeys: 12,
  maxCandidates: 10,
  maxStoryKeys: 100,
};

const HOUR = 3_600_000;

/** Where an article went. */
export interface StoryAssignment {
  storyId: string;
  /** true when the article started the story */
  created: boolean;
  /** the score of the story it joined (0 for a new story) */
  score: number;
  /** articles in the story, this one included */
  size: number;
}

/** How well an article matches one story: the cosine with its centroid, lowered with the time since its latest article. */
export interface StoryMatch {
  story: StoryState;
  score: number;
  cosine: number;
}

/**
 * The keys of an article's features counted in the document frequencies: terms, and names prefixed. Quote
 * fingerprints are not: nearly each is an article's own, so counting them would fill the frequency table (and its
 * writes) with ones; they always weigh as unseen keys.
 */
export function countedKeys(features: StoryKeys): string[] {
  const keys = features.terms.map((term) => term.term);
  for (const name of features.names) keys.push(`n:${name}`);
  return keys;
}

/**
 * The article's unit TF-IDF vector, heaviest key first, ties by key name. `articles` counts the articles before
 * this one and `df[i]` those among them with the key `ids[i]`, whose weight before IDF is `weights[i]`.
 */
export function weighFeatures(
  ids: Int32Array,
  weights: ArrayLike<number>,
  articles: number,
  df: ArrayLike<number>,
  table: KeyTable,
): ArticleVector {
  const n = ids.length;
  const vector: ArticleVector = { keys: new Int32Array(n), weights: new Float64Array(n) };
  weighInto(ids, weights, articles, df, table, vector);
  return vector;
}

/** {@link weighFeatures} into `vector`, whose arrays are as long as `ids`. */
function weighInto(
  ids: Int32Array,
  weights: ArrayLike<number>,
  articles: number,
  df: ArrayLike<number>,
  table: KeyTable,
  vector: ArticleVector,
): void {
  const n = ids.length;
  work.raw = grownFloat64(work.raw, n);
  const raw = work.raw;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    // this article counts too
    const w = weights[i]! * idf(articles + 1, (df[i] ?? 0) + 1);
    raw[i] = w;
    sum += w * w;
  }
  const norm = Math.sqrt(sum) || 1;
  for (let i = 0; i < n; i++) raw[i]! /= norm;
  const order = orderByWeight(raw, n, ids, table);
  for (let i = 0; i < n; i++) {
    const from = order[i]!;
    vector.keys[i] = ids[from]!;
    vector.weights[i] = raw[from]!;
  }
}

/**
 * Positions 0..n-1 by `values`, largest first, equal values by key name: the order a stable sort with that
 * comparison gives. Names are looked up for equal values only (a name is a string far off in memory).
 */
function orderByWeight(values: Float64Array, n: number, ids: Int32Array, table: KeyTable): Int32Array {
  work.order = grownInt32(work.order, n);
  const order = work.order;
  // binary insertion, each value after those at least as large: stable, and no comparator call per comparison
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    let low = 0;
    let high = i;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (values[order[mid]!]! >= value) low = mid + 1;
      else high = mid;
    }
    for (let k = i; k > low; k--) order[k] = order[k - 1]!;
    order[low] = i;
  }
  for (let start = 0; start < n; ) {
    const value = values[order[start]!]!;
    let end = start + 1;
    while (end < n && values[order[end]!] === value) end++;
    if (end - start > 1) orderRunByName(order, start, end, ids, table);
    start = end;
  }
  return order;
}

/** Order `order[start..end)` by the names of their keys, stably (insertion: runs are short). */
function orderRunByName(order: Int32Array, start: number, end: number, ids: Int32Array, table: KeyTable): void {
  const names = work.names;
  names.length = 0;
  for (let k = start; k < end; k++) names.push(table.name(ids[order[k]!]!));
  for (let i = 1; i < names.length; i++) {
    const name = names[i]!;
    const position = order[start + i]!;
    let k = i;
    while (k > 0 && names[k - 1]! > name) {
      names[k] = names[k - 1]!;
      order[start + k] = order[start + k - 1]!;
      k--;
    }
    names[k] = name;
    order[start + k] = position;
  }
}

/** Smoothed IDF (as scikit-learn's): never zero, so a word in every article still counts a little. */
export function idf(articles: number, df: number): number {
  return Math.log((articles + 1) / (df + 1)) + 1;
}

/**
 * An article's vector ready to score stories against: where each key stands in it, and, per position, the position
 * of that key's first occurrence (features hold each key once, but a repeated one would read the story's weight at
 * each place, as a lookup per key does). One per assignment.
 */
export class ScoringVector {
  private readonly positions = new KeyPositions();
  private first = new Int32Array(128);
  /** a story's weight per position of the vector, while it is scored; zero otherwise */
  private storyWeights = new Float64Array(128);
  vector: ArticleVector = { keys: new Int32Array(0), weights: new Float64Array(0) };

  load(vector: ArticleVector): void {
    const n = vector.keys.length;
    this.vector = vector;
    this.positions.reset(n);
    if (this.first.length < n) {
      this.first = new Int32Array(n);
      this.storyWeights = new Float64Array(n);
    }
    for (let j = 0; j < n; j++) this.first[j] = this.positions.add(vector.keys[j]!, j);
  }

  /** The dot product of the vector with a story's centroid, summed in the vector's order. */
  dot(story: StoryState): number {
    const { keys, weights } = story;
    const { positions, first, storyWeights } = this;
    let touched = false;
    for (let i = 0; i < keys.length; i++) {
      const position = positions.get(keys[i]!);
      if (position >= 0) {
        storyWeights[position] = weights[i]!;
        touched = true;
      }
    }
    let dot = 0;
    if (!touched) return dot;
    const articleWeights = this.vector.weights;
    const n = articleWeights.length;
    for (let j = 0; j < n; j++) dot += articleWeights[j]! * storyWeights[first[j]!]!;
    storyWeights.fill(0, 0, n);
    return dot;
  }
}

/** Arrays one assignment works in, reused: typed arrays of this size are each an allocation outside the heap. */
const work = {
  scoring: new ScoringVector(),
  positions: new KeyPositions(),
  raw: new Float64Array(0),
  order: new Int32Array(0),
  names: [] as string[],
  vectorKeys: new Int32Array(0),
  vectorWeights: new Float64Array(0),
  df: new Int32Array(0),
  keys: new Int32Array(0),
  weights: new Float64Array(0),
};

/** Score one story for an article vector (unit, loaded in `scoring`) with its time. */
export function matchStory(
  scoring: ScoringVector,
  time: number | null,
  seq: number,
  story: StoryState,
  config: ClusterConfig,
): StoryMatch {
  const dot = scoring.dot(story);
  const cosine = story.norm > 0 ? dot / story.norm : 0;
  let score = cosine;
  if (time !== null && story.lastTime !== null) {
    if (config.halfLifeHours > 0) score *= 0.5 ** (Math.max(0, time - story.lastTime) / HOUR / config.halfLifeHours);
  } else if (config.halfLifeArticles > 0) {
    score *= 0.5 ** (Math.max(0, seq - story.lastSeq) / config.halfLifeArticles);
  }
  return { story, score, cosine };
}

/**
 * The story after an article joins it (or a new one): its centroid summed and pruned to its heaviest keys, in the
 * order the keys first came. `at` is reset and used for the keys' positions in the sum.
 */
export function absorb(
  story: StoryState | null,
  articleId: string,
  vector: ArticleVector,
  time: number | null,
  seq: number,
  config: ClusterConfig,
  at: KeyPositions,
  table: KeyTable,
): StoryState {
  const before = story?.keys.length ?? 0;
  const most = before + vector.keys.length;
  work.keys = grownInt32(work.keys, most);
  const keys = work.keys;
  work.weights = grownFloat64(work.weights, most);
  const weights = work.weights;
  let n = 0;
  at.reset(most);
  if (story !== null) {
    keys.set(story.keys);
    weights.set(story.weights);
    n = before;
    for (let i = 0; i < n; i++) at.add(keys[i]!, i);
  }
  for (let j = 0; j < vector.keys.length; j++) {
    const key = vector.keys[j]!;
    const position = at.add(key, n);
    if (position < n) {
      // a key seen twice in one new story keeps its last weight, as a map built from the vector would
      if (story === null) weights[position] = vector.weights[j]!;
      else weights[position]! += vector.weights[j]!;
    } else {
      keys[n] = key;
      weights[n] = vector.weights[j]!;
      n++;
    }
  }
  if (story === null) {
    return {
      id: articleId,
      size: 1,
      firstTime: time,
      lastTime: time,
      lastSeq: seq,
      keys: keys.slice(0, n),
      weights: weights.slice(0, n),
      norm: 1,
    };
  }
  const picked = selectHeaviest(weights, n, config.maxStoryKeys, (position) => table.name(keys[position]!));
  const kept = picked.length;
  const centroid = { keys: new Int32Array(kept), weights: new Float64Array(kept) };
  let norm = 0;
  for (let i = 0; i < kept; i++) {
    const position = picked[i]!;
    centroid.keys[i] = keys[position]!;
    const value = weights[position]!;
    centroid.weights[i] = value;
    norm += value * value;
  }
  return {
    id: story.id,
    size: story.size + 1,
    firstTime: minTime(story.firstTime, time),
    lastTime: maxTime(story.lastTime, time),
    lastSeq: seq,
    keys: centroid.keys,
    weights: centroid.weights,
    norm: Math.sqrt(norm),
  };
}

function minTime(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function maxTime(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

/**
 * An article's feature keys in order, given ids of the index's table: terms as they are, names and quotes
 * prefixed ("n:", "q:"), with their weights before IDF. What one assignment reads.
 */
export interface KeyedFeatures {
  time: number | null;
  ids: Int32Array;
  weights: Float64Array;
  /** the ids of the keys counted in the document frequencies: the terms and names (the first ones) */
  counted: Int32Array;
}

/** Give an article's feature keys their ids. */
export function keyFeatures(features: StoryFeatures, index: InMemoryStoryIndex, config: ClusterConfig): KeyedFeatures {
  const { terms, names, quotes } = features;
  const table = index.keys;
  const n = terms.length + names.length + quotes.length;
  const ids = new Int32Array(n);
  const weights = new Float64Array(n);
  let at = 0;
  for (const { term, weight } of terms) {
    ids[at] = table.termId(term);
    weights[at++] = weight;
  }
  for (const name of names) {
    ids[at] = table.nameId(name);
    weights[at++] = config.nameWeight;
  }
  // a view: the ids are not changed once given
  const counted = ids.subarray(0, at);
  for (const hash of quotes) {
    ids[at] = table.quoteId(hash);
    weights[at++] = config.quoteWeight;
  }
  return { time: features.time, ids, weights, counted };
}

/**
 * Put one article into a story: look up candidates in the index, score them, join the best one that passes or
 * start a story, and save. Call in arrival order; the stores run it in a transaction under a lock, over an
 * in-memory index they keep in step with the database (story-batch.ts).
 */
export function assignStory(
  articleId: string,
  features: StoryFeatures,
  index: InMemoryStoryIndex,
  config: ClusterConfig = DEFAULT_CLUSTERING,
): StoryAssignment {
  index.beforeArticle();
  return assignKeyed(articleId, keyFeatures(features, index, config), index, config);
}

/** {@link assignStory} of features already given their ids (by this index, with no rebuild of its table since). */
export function assignKeyed(
  articleId: string,
  features: KeyedFeatures,
  index: InMemoryStoryIndex,
  config: ClusterConfig = DEFAULT_CLUSTERING,
): StoryAssignment {
  const articles = index.clustered;
  work.df = grownInt32(work.df, features.ids.length);
  const df = work.df;
  index.frequenciesOf(features.ids, df);
  // the vector lives for this assignment: views of reused arrays (a typed array of this size is an allocation)
  const n = features.ids.length;
  work.vectorKeys = grownInt32(work.vectorKeys, n);
  work.vectorWeights = grownFloat64(work.vectorWeights, n);
  const vector: ArticleVector = { keys: work.vectorKeys.subarray(0, n), weights: work.vectorWeights.subarray(0, n) };
  weighInto(features.ids, features.weights, articles, df, index.keys, vector);
  const seq = articles;
  const candidates = index.candidates({
    vector,
    lookup: Math.min(config.lookupKeys, vector.keys.length),
    sinceTime: features.time === null ? null : features.time - config.windowHours * HOUR,
    // with times the window is in time alone: a burst of articles must not close the day's stories
    sinceSeq: features.time === null ? seq - config.recentArticles : Number.NEGATIVE_INFINITY,
    limit: config.maxCandidates,
  });
  const scoring = work.scoring;
  scoring.load(vector);
  let best: StoryMatch | null = null;
  for (const story of candidates) {
    const match = matchStory(scoring, features.time, seq, story, config);
    if (best === null || match.score > best.score || (match.score === best.score && story.id < best.story.id)) {
      best = match;
    }
  }
  const joined = best !== null && best.score >= config.threshold ? best : null;
  const story = absorb(
    joined?.story ?? null,
    articleId,
    vector,
    features.time,
    seq,
    config,
    work.positions,
    index.keys,
  );
  index.save({ keys: features.counted, articleId, story, score: joined?.score ?? 0 });
  return { storyId: story.id, created: joined === null, score: joined?.score ?? 0, size: story.size };
}
