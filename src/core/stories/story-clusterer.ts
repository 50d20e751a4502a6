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

import { heaviestEntries } from './heaviest.js';
import type { StoryFeatures, StoryKeys, TermWeight } from './story-features.js';
import type { StoryIndex, StoryState } from './story-index.js';

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
 * Whether a key's document frequency is counted. Quote fingerprints are not: nearly each is an article's own, so
 * counting them would fill the frequency table (and its writes) with ones; they always weigh as unseen keys.
 */
export function isCountedKey(key: string): boolean {
  return !key.startsWith('q:');
}

/** The keys of an article's features counted in the document frequencies: terms, and names prefixed. */
export function countedKeys(features: StoryKeys): string[] {
  const keys = features.terms.map((term) => term.term);
  for (const name of features.names) keys.push(`n:${name}`);
  return keys;
}

/** The keys of an article's features, each once: terms as they are, names and quotes prefixed. */
export function featureKeys(features: StoryFeatures, config: ClusterConfig): TermWeight[] {
  const keys: TermWeight[] = [...features.terms];
  for (const name of features.names) keys.push({ term: `n:${name}`, weight: config.nameWeight });
  for (const hash of features.quotes) keys.push({ term: `q:${hash.toString(36)}`, weight: config.quoteWeight });
  return keys;
}

/**
 * The article's unit TF-IDF vector, heaviest key first. `articles` counts the articles before this one and `df[i]`
 * those among them with `keys[i]`.
 */
export function weighFeatures(keys: readonly TermWeight[], articles: number, df: readonly number[]): TermWeight[] {
  const vector: TermWeight[] = [];
  let sum = 0;
  for (let i = 0; i < keys.length; i++) {
    const { term, weight } = keys[i]!;
    // this article counts too
    const w = weight * idf(articles + 1, (df[i] ?? 0) + 1);
    vector.push({ term, weight: w });
    sum += w * w;
  }
  const norm = Math.sqrt(sum) || 1;
  for (const entry of vector) entry.weight /= norm;
  vector.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return vector;
}

/** Smoothed IDF (as scikit-learn's): never zero, so a word in every article still counts a little. */
export function idf(articles: number, df: number): number {
  return Math.log((articles + 1) / (df + 1)) + 1;
}

/** Score one story for an article vector (unit) with its time. */
export function matchStory(
  vector: readonly TermWeight[],
  time: number | null,
  seq: number,
  story: StoryState,
  config: ClusterConfig,
): StoryMatch {
  let dot = 0;
  for (const { term, weight } of vector) dot += weight * (story.centroid.get(term) ?? 0);
  const cosine = story.norm > 0 ? dot / story.norm : 0;
  let score = cosine;
  if (time !== null && story.lastTime !== null) {
    if (config.halfLifeHours > 0) score *= 0.5 ** (Math.max(0, time - story.lastTime) / HOUR / config.halfLifeHours);
  } else if (config.halfLifeArticles > 0) {
    score *= 0.5 ** (Math.max(0, seq - story.lastSeq) / config.halfLifeArticles);
  }
  return { story, score, cosine };
}

/** The story after an article joins it (or a new one): its centroid summed and pruned to its heaviest keys. */
export function absorb(
  story: StoryState | null,
  articleId: string,
  vector: readonly TermWeight[],
  time: number | null,
  seq: number,
  config: ClusterConfig,
): StoryState {
  if (story === null) {
    const unit = new Map(vector.map(({ term, weight }) => [term, weight]));
    return { id: articleId, size: 1, firstTime: time, lastTime: time, lastSeq: seq, centroid: unit, norm: 1 };
  }
  const summed = new Map(story.centroid);
  for (const { term, weight } of vector) summed.set(term, (summed.get(term) ?? 0) + weight);
  const centroid = heaviestEntries(summed, config.maxStoryKeys);
  let norm = 0;
  for (const value of centroid.values()) norm += value * value;
  return {
    id: story.id,
    size: story.size + 1,
    firstTime: minTime(story.firstTime, time),
    lastTime: maxTime(story.lastTime, time),
    lastSeq: seq,
    centroid,
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
 * Put one article into a story: look up candidates in the index, score them, join the best one that passes or
 * start a story, and save. Call in arrival order; the stores run it in a transaction under a lock, over an
 * in-memory index they keep in step with the database (story-batch.ts).
 */
export function assignStory(
  articleId: string,
  features: StoryFeatures,
  index: StoryIndex,
  config: ClusterConfig = DEFAULT_CLUSTERING,
): StoryAssignment {
  const keys = featureKeys(features, config);
  const names = keys.map((key) => key.term);
  const { articles, df } = index.frequencies(names);
  const vector = weighFeatures(keys, articles, df);
  const seq = articles;
  const candidates = index.candidates({
    lookup: vector.slice(0, config.lookupKeys),
    sinceTime: features.time === null ? null : features.time - config.windowHours * HOUR,
    // with times the window is in time alone: a burst of articles must not close the day's stories
    sinceSeq: features.time === null ? seq - config.recentArticles : Number.NEGATIVE_INFINITY,
    limit: config.maxCandidates,
  });
  let best: StoryMatch | null = null;
  for (const story of candidates) {
    const match = matchStory(vector, features.time, seq, story, config);
    if (best === null || match.score > best.score || (match.score === best.score && story.id < best.story.id)) {
      best = match;
    }
  }
  const joined = best !== null && best.score >= config.threshold ? best : null;
  const story = absorb(joined?.story ?? null, articleId, vector, features.time, seq, config);
  index.save({ keys: names.filter(isCountedKey), articleId, story, score: joined?.score ?? 0 });
  return { storyId: story.id, created: joined === null, score: joined?.score ?? 0, size: story.size };
}
