/**
 * The candidate index of story clustering: what the clusterer reads and writes per article, as a port the stores
 * implement. `InMemoryStoryIndex` below serves the evaluation, the benchmark and the tests.
 *
 * Design note for the SQLite and PostgreSQL stores (issue 20). Four tables:
 *
 *   story_terms_df (term TEXT PRIMARY KEY, df INTEGER)
 *       document frequency of each feature key (stemmed term, `n:` name word, `q:` quote hash) over every
 *       article clustered so far; the article count itself is the row with term ''.
 *   stories (id TEXT PRIMARY KEY, size INTEGER, first_time BIGINT NULL, last_time BIGINT NULL, last_seq BIGINT,
 *            norm REAL, state TEXT/JSONB)
 *       one row per story; `state` holds its bounded centroid as JSON;
 *       index on last_time and last_seq for the window.
 *   story_terms (term TEXT, story_id TEXT, weight REAL, PRIMARY KEY (term, story_id))
 *       the inverted index: the centroid's weights of OPEN stories only. A story leaves it once it falls out of
 *       the window (a sweep deletes its rows), so postings stay bounded by the window, not by the archive.
 *   article_stories (article_id TEXT PRIMARY KEY, story_id TEXT, seq BIGINT, score REAL, features TEXT/JSONB)
 *       the assignment and the article's StoryFeatures, so a restart recomputes nothing.
 *
 * `candidates` is one query: the probe's weights (json_each / unnest) joined to story_terms on term, summed per
 * story (the dot product with the centroid), filtered on the window, ordered by that sum, limited. `save` runs in
 * the same transaction as the read, under a lock (PostgreSQL: pg_advisory_xact_lock on a fixed key; SQLite:
 * BEGIN IMMEDIATE), so two processes on one database put an article in one story and never both start one.
 */
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
  /** the story's centroid keys before this change (empty for a new story): postings to drop */
  previousKeys: readonly string[];
}

/** The port a store implements for story clustering. */
export interface StoryIndex {
  /** how many articles were clustered and the document frequency of each key among them */
  frequencies(keys: readonly string[]): Promise<{ articles: number; df: Map<string, number> }>;
  /** open stories by the dot product of their centroid with the probe, largest first */
  candidates(probe: CandidateProbe): Promise<StoryState[]>;
  save(change: StoryChange): Promise<void>;
}

/**
 * The index in memory. Open stories sit in a Map in order of their latest article; stories that fall out of the
 * window are dropped from the postings as the stream moves on, so memory and lookups are bounded by the window.
 */
export class InMemoryStoryIndex implements StoryIndex {
  private readonly df = new Map<string, number>();
  private articles = 0;
  /** open stories, least recently joined first */
  private readonly open = new Map<string, StoryState>();
  private readonly postings = new Map<string, Set<string>>();
  /** the story of each article */
  readonly assignments = new Map<string, string>();

  /** `prior`: document frequencies to start from, as if that many articles had been seen */
  constructor(prior?: { articles: number; df: ReadonlyMap<string, number> }) {
    if (prior) {
      this.articles = prior.articles;
      for (const [key, count] of prior.df) this.df.set(key, count);
    }
  }

  async frequencies(keys: readonly string[]): Promise<{ articles: number; df: Map<string, number> }> {
    const df = new Map<string, number>();
    for (const key of keys) df.set(key, this.df.get(key) ?? 0);
    return { articles: this.articles, df };
  }

  async candidates(probe: CandidateProbe): Promise<StoryState[]> {
    this.close(probe.sinceTime, probe.sinceSeq);
    const dots = new Map<string, number>();
    for (const { term, weight } of probe.lookup) {
      const stories = this.postings.get(term);
      if (!stories) continue;
      for (const id of stories) {
        const story = this.open.get(id)!;
        if (!isOpen(story, probe.sinceTime, probe.sinceSeq)) continue;
        dots.set(id, (dots.get(id) ?? 0) + weight * (story.centroid.get(term) ?? 0));
      }
    }
    return [...dots]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, probe.limit)
      .map(([id]) => this.open.get(id)!);
  }

  async save(change: StoryChange): Promise<void> {
    this.articles++;
    for (const key of change.keys) this.df.set(key, (this.df.get(key) ?? 0) + 1);
    const { story } = change;
    for (const key of change.previousKeys) {
      if (!story.centroid.has(key)) this.postings.get(key)?.delete(story.id);
    }
    for (const key of story.centroid.keys()) {
      let stories = this.postings.get(key);
      if (!stories) {
        stories = new Set();
        this.postings.set(key, stories);
      }
      stories.add(story.id);
    }
    // re-inserting keeps the Map ordered by latest article
    this.open.delete(story.id);
    this.open.set(story.id, story);
    this.assignments.set(change.articleId, story.id);
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
      for (const key of story.centroid.keys()) {
        const stories = this.postings.get(key);
        stories?.delete(story.id);
        if (stories?.size === 0) this.postings.delete(key);
      }
    }
  }
}

/** Whether a story still takes articles: its latest article is inside the window. */
export function isOpen(story: StoryState, sinceTime: number | null, sinceSeq: number): boolean {
  const timeOpen = sinceTime === null || story.lastTime === null || story.lastTime >= sinceTime;
  return timeOpen && story.lastSeq >= sinceSeq;
}
