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
 * `sinceSeq` is -Infinity for an article with a time (no order bound then). The seq of an article is the article
 * count before it, read in that transaction. A store of the previous release gets its stories from the background
 * re-analysis: `storyFeatures` from the stored article and its people and quotes, then `assignStory` in order of
 * publication (else ingest) time.
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
  /** keys the story's centroid had before this change and lost to pruning: postings to drop */
  droppedKeys: readonly string[];
}

/** The port a store implements for story clustering. */
export interface StoryIndex {
  /** how many articles were clustered, and the document frequency of each key among them (in the keys' order) */
  frequencies(keys: readonly string[]): Promise<{ articles: number; df: number[] }>;
  /** open stories by the dot product of their centroid with the probe, largest first */
  candidates(probe: CandidateProbe): Promise<StoryState[]>;
  save(change: StoryChange): Promise<void>;
}

/** Postings longer than this are skipped in the lookup (the SQL stores can skip them by their document frequency). */
const MAX_POSTINGS = 1000;

/**
 * The index in memory. Open stories sit in a Map in order of their latest article; stories that fall out of the
 * window are dropped from the postings as the stream moves on, so memory and lookups are bounded by the window.
 */
export class InMemoryStoryIndex implements StoryIndex {
  private readonly df = new Map<string, number>();
  private articles = 0;
  /** open stories, least recently joined first */
  private readonly open = new Map<string, StoryState>();
  /** key -> open story -> the key's weight in its centroid */
  private readonly postings = new Map<string, Map<string, number>>();
  /** the story of each article */
  readonly assignments = new Map<string, string>();

  async frequencies(keys: readonly string[]): Promise<{ articles: number; df: number[] }> {
    return { articles: this.articles, df: keys.map((key) => this.df.get(key) ?? 0) };
  }

  async candidates(probe: CandidateProbe): Promise<StoryState[]> {
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

  async save(change: StoryChange): Promise<void> {
    this.articles++;
    for (const key of change.keys) this.df.set(key, (this.df.get(key) ?? 0) + 1);
    const { story } = change;
    for (const key of change.droppedKeys) this.postings.get(key)?.delete(story.id);
    for (const [key, weight] of story.centroid) {
      let stories = this.postings.get(key);
      if (!stories) {
        stories = new Map();
        this.postings.set(key, stories);
      }
      stories.set(story.id, weight);
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

/** Larger dot product first, then smaller story id: the order never depends on the order of insertion. */
function ranksBefore(dot: number, id: string, otherDot: number, otherId: string): boolean {
  return dot > otherDot || (dot === otherDot && id < otherId);
}
