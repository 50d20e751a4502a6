/**
 * The candidate index of story clustering: what the clusterer reads and writes per article, as a port.
 * `InMemoryStoryIndex` below serves the evaluation, the benchmark, the tests, and the stores, which keep one per
 * process in step with their tables (story-batch.ts):
 *
 *   stories (id, size, first_time, last_time, last_seq, norm, centroid, sort_key)
 *       one row per story with its bounded centroid; the open ones (the recent window) are loaded at start.
 *   article_stories (article_id, story_id, seq, score)
 *       each article's story, written in the transaction that clusters it.
 *   story_df (term, df)
 *       the document frequency of each feature key over every article clustered so far, up to the last fold; read
 *       per batch for the batch's keys only.
 *   story_df_pending (clustered, counts)
 *       each batch's increments since then, one JSON row per batch, added to story_df every DF_FOLD_EVERY articles
 *       (story-batch.ts); every process adds them to what it reads.
 *
 * Clustering runs under the article write lock (PostgreSQL: an advisory lock; SQLite: its one writer), so two
 * processes on one database put an article in one story; a process whose index lags behind the counter of
 * clustered articles reloads the stories changed meanwhile before it clusters.
 */

import { heaviestEntries } from './heaviest.js';
import type { TermWeight } from './story-features.js';

/** A story as the clusterer keeps it: bounded whatever the number of its articles. */
export interface StoryState {
  /** the id of its first article */
  id: string;
  size: number;
  firstTime: number | null;
  lastTime: number | null;
  /** stream position (articles counted before) of its latest article: the recency bound without times */
  lastSeq: number;
  /** sum of the members' unit feature vectors, each weighted with the IDF of its day; the heaviest terms kept */
  centroid: Map<string, number>;
  /** euclidean norm of `centroid` */
  norm: number;
}

/** Which open stories may take an article: those sharing heavy features, inside the window. */
export interface CandidateProbe {
  /** the article's unit feature vector, heaviest first; only these keys are looked up */
  lookup: readonly TermWeight[];
  /** stories whose latest article is older than this are closed (null: no time bound) */
  sinceTime: number | null;
  /** stories whose latest article came before this stream position are closed */
  sinceSeq: number;
  limit: number;
}

/** Everything one assignment changes. */
export interface StoryChange {
  /** the article's feature keys, each counted once in the document frequencies */
  keys: readonly string[];
  articleId: string;
  story: StoryState;
  /** the score of the story joined (0 for a new one) */
  score: number;
}

/** The port a store implements for story clustering. */
export interface StoryIndex {
  /** how many articles were clustered, and the document frequency of each key among them (in the keys' order) */
  frequencies(keys: readonly string[]): { articles: number; df: number[] };
  /** open stories by the dot product of their centroid with the probe, largest first */
  candidates(probe: CandidateProbe): StoryState[];
  save(change: StoryChange): void;
}

/** Postings longer than this are skipped in the lookup (the SQL stores can skip them by their document frequency). */
const MAX_POSTINGS = 1000;
/**
 * A story is found by its heaviest keys only: an article about it shares some of them among its own heaviest (the
 * lookup), and the story's long tail of rare words would only lengthen the postings each join rewrites.
 */
const POSTED_KEYS = 30;
/** Document frequencies a store-backed index keeps between batches. */
const MAX_CACHED_KEYS = 200_000;

/**
 * The index in memory. Open stories sit in a Map in order of their latest article; stories that fall out of the
 * window are dropped from the postings as the stream moves on, so memory and lookups are bounded by the window.
 */
export class InMemoryStoryIndex implements StoryIndex {
  private readonly df = new Map<string, number>();
  private articles = 0;
  /** open stories, least recently joined first */
  private readonly open = new Map<string, StoryState>();
  /** key -> open story -> the key's weight in its centroid, for each story's POSTED_KEYS heaviest keys */
  private readonly postings = new Map<string, Map<string, number>>();
  /** the keys each open story is posted under */
  private readonly posted = new Map<string, string[]>();
  /** the story of each article (empty when told not to keep them) */
  readonly assignments = new Map<string, string>();

  /** `keepAssignments`: false for a long-lived index (a store's), whose assignments are in the database. */
  constructor(private readonly keepAssignments = true) {}

  frequencies(keys: readonly string[]): { articles: number; df: number[] } {
    return { articles: this.articles, df: keys.map((key) => this.df.get(key) ?? 0) };
  }

  candidates(probe: CandidateProbe): StoryState[] {
    this.close(probe.sinceTime, probe.sinceSeq);
    const dots = new Map<string, number>();
    for (const { term, weight } of probe.lookup) {
      const stories = this.postings.get(term);
      // a key in very many open stories picks out none of them
      if (!stories || stories.size > MAX_POSTINGS) continue;
      for (const [id, value] of stories) dots.set(id, (dots.get(id) ?? 0) + weight * value);
    }
    // the best `limit` by a small insertion list: a full sort of every touched story costs more than the lookup
    const best: { story: StoryState; dot: number }[] = [];
    for (const [id, dot] of dots) {
      const last = best[best.length - 1];
      if (best.length === probe.limit && last !== undefined && !ranksBefore(dot, id, last.dot, last.story.id)) continue;
      const story = this.open.get(id)!;
      if (!isOpen(story, probe.sinceTime, probe.sinceSeq)) continue;
      let at = best.length;
      while (at > 0 && ranksBefore(dot, id, best[at - 1]!.dot, best[at - 1]!.story.id)) at--;
      best.splice(at, 0, { story, dot });
      if (best.length > probe.limit) best.pop();
    }
    return best.map((entry) => entry.story);
  }

  save(change: StoryChange): void {
    this.articles++;
    for (const key of change.keys) this.df.set(key, (this.df.get(key) ?? 0) + 1);
    this.put(change.story);
    if (this.keepAssignments) this.assignments.set(change.articleId, change.story.id);
  }

  /** Articles clustered so far: the stream position of the next one. */
  get clustered(): number {
    return this.articles;
  }

  /** Start from a stored state: the stream position, and the stories that may still be open, in any order. */
  restore(articles: number, stories: readonly StoryState[]): void {
    this.articles = articles;
    for (const story of [...stories].sort((a, b) => a.lastSeq - b.lastSeq)) this.put(story);
  }

  /**
   * Another process clustered articles: take its stories as they are now; forget the frequencies read
   * (`forgetFrequencies`), or the caller adds its increments with `countKnown`.
   */
  catchUp(articles: number, changed: readonly StoryState[], forgetFrequencies: boolean): void {
    this.articles = articles;
    if (forgetFrequencies) this.df.clear();
    for (const story of [...changed].sort((a, b) => a.lastSeq - b.lastSeq)) this.put(story);
  }

  /** Add increments to the document frequencies this index holds (the others are read when needed). */
  countKnown(counts: ReadonlyMap<string, number>): void {
    for (const [key, count] of counts) {
      const known = this.df.get(key);
      if (known !== undefined) this.df.set(key, known + count);
    }
  }

  /** Keys whose document frequency this index does not hold (to read from the store before clustering). */
  unknownKeys(keys: Iterable<string>): string[] {
    // most batches know every key: no set to make
    let unknown: Set<string> | null = null;
    for (const key of keys) {
      if (this.df.has(key)) continue;
      unknown ??= new Set();
      unknown.add(key);
    }
    return unknown === null ? [] : [...unknown];
  }

  /** Document frequencies read from the store (keys absent from it count 0). */
  learnFrequencies(keys: readonly string[], found: ReadonlyMap<string, number>): void {
    // a cache of every key ever seen would grow with the archive: start over past a bound
    if (this.df.size + keys.length > MAX_CACHED_KEYS) this.df.clear();
    for (const key of keys) this.df.set(key, found.get(key) ?? 0);
  }

  /** Replace a story (or add one) with its postings, as the latest joined. */
  private put(story: StoryState): void {
    const posted = heaviestEntries(story.centroid, POSTED_KEYS);
    // only the keys the story leaves are taken out: the others just take their new weight below
    for (const key of this.posted.get(story.id) ?? []) {
      if (!posted.has(key)) this.unpostKey(key, story.id);
    }
    // re-inserting keeps the Map ordered by latest article
    this.open.delete(story.id);
    const keys: string[] = [];
    for (const [key, weight] of posted) {
      let stories = this.postings.get(key);
      if (!stories) {
        stories = new Map();
        this.postings.set(key, stories);
      }
      stories.set(story.id, weight);
      keys.push(key);
    }
    this.posted.set(story.id, keys);
    this.open.set(story.id, story);
  }

  private unpost(id: string): void {
    for (const key of this.posted.get(id) ?? []) this.unpostKey(key, id);
    this.posted.delete(id);
  }

  private unpostKey(key: string, id: string): void {
    const stories = this.postings.get(key);
    stories?.delete(id);
    if (stories?.size === 0) this.postings.delete(key);
  }

  /** Number of stories still open to new articles. */
  get openStories(): number {
    return this.open.size;
  }

  /** Drop stories whose latest article is before the window from the postings (they take no more articles). */
  private close(sinceTime: number | null, sinceSeq: number): void {
    for (const story of this.open.values()) {
      // stories are in order of their latest article: the first open one ends the sweep
      if (isOpen(story, sinceTime, sinceSeq)) break;
      this.open.delete(story.id);
      this.unpost(story.id);
    }
  }
}

/** Whether a story still takes articles: its latest article is inside the window. */
export function isOpen(story: StoryState, sinceTime: number | null, sinceSeq: number): boolean {
  const timeOpen = sinceTime === null || story.lastTime === null || story.lastTime >= sinceTime;
  return timeOpen && story.lastSeq >= sinceSeq;
}

/** Larger dot product first, then smaller story id: the order never depends on the order of insertion. */
function ranksBefore(dot: number, id: string, otherDot: number, otherId: string): boolean {
  return dot > otherDot || (dot === otherDot && id < otherId);
}
