/**
 * The candidate index of story clustering: what the clusterer reads and writes per article. `InMemoryStoryIndex`
 * below serves the evaluation, the benchmark, the tests, and the stores, which keep one per process in step with
 * their tables (story-batch.ts):
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

import { decodeCentroid, type EncodedCentroid, encodeWeights, type StoredCentroid } from './centroid-codec.js';
import { selectHeaviest } from './heaviest.js';
import { grownFloat64, grownInt32, KeyTable } from './key-table.js';
import { KeyPositions } from './positions.js';

/** An article's unit TF-IDF vector: key ids (of the index's key table) and weights, heaviest key first. */
export interface ArticleVector {
  keys: Int32Array;
  weights: Float64Array;
}

/** A story as the clusterer keeps it: bounded whatever the number of its articles. */
export interface StoryState {
  /** the id of its first article */
  id: string;
  size: number;
  firstTime: number | null;
  lastTime: number | null;
  /** stream position (articles counted before) of its latest article: the recency bound without times */
  lastSeq: number;
  /**
   * The centroid: the sum of the members' unit feature vectors, each weighted with the IDF of its day, the heaviest
   * keys kept. Key ids of the index's {@link KeyTable} in the order they first came, with their weights.
   */
  keys: Int32Array;
  weights: Float64Array;
  /** euclidean norm of the centroid */
  norm: number;
}

/** Which open stories may take an article: those sharing heavy features, inside the window. */
export interface CandidateProbe {
  /** the article's unit feature vector, heaviest first */
  vector: ArticleVector;
  /** only the first this many keys of the vector are looked up */
  lookup: number;
  /** stories whose latest article is older than this are closed (null: no time bound) */
  sinceTime: number | null;
  /** stories whose latest article came before this stream position are closed */
  sinceSeq: number;
  limit: number;
}

/** Everything one assignment changes. */
export interface StoryChange {
  /** the ids of the article's feature keys counted in the document frequencies */
  keys: ArrayLike<number>;
  articleId: string;
  story: StoryState;
  /** the score of the story joined (0 for a new one) */
  score: number;
}

/** What the assignments of a batch changed, kept while a store clusters one (its writes). */
export interface StoryJournal {
  /** each story changed, as it stands after the batch */
  stories: Map<string, StoryState>;
  memberships: { article_id: string; story_id: string; seq: number; score: number }[];
  /** the batch's document frequency increments by key id, in the order the keys came */
  df: Map<number, number>;
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
 * Key ids given before the table is rebuilt with the keys still in use: nearly every quote fingerprint is one
 * article's own, so the table would otherwise grow with the archive.
 */
export const MAX_KEY_IDS = 250_000;

/**
 * The index in memory. Open stories sit in a Map in order of their latest article; stories that fall out of the
 * window are dropped from the postings as the stream moves on, so memory and lookups are bounded by the window.
 * Per key id: its document frequency (-1: not known, to read from the store), its pending increments (those the
 * store's story_df lacks) and its postings.
 */
export class InMemoryStoryIndex {
  /** the ids of the feature keys; rebuilt past a bound, so ids are valid from one article to the next only */
  keys = new KeyTable();
  private df = new Int32Array(0);
  /** how many keys have a known document frequency */
  private knownKeys = 0;
  private pendingCounts = new Int32Array(0);
  /** the keys with pending increments, each once */
  private pendingKeys: number[] = [];
  private articles = 0;
  /** open stories, least recently joined first */
  private readonly open = new Map<string, StoryState>();
  /** per key id: the open stories (by slot) with the key among their POSTED_KEYS heaviest, and its weight in each */
  private postings: (Posting | undefined)[] = [];
  /** the key ids each open story is posted under */
  private readonly posted = new Map<string, Int32Array>();
  /** each open story's slot: a small integer, reused once the story closes */
  private readonly slots = new Map<string, number>();
  /** the open story in each slot */
  private readonly bySlot: (StoryState | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  /** per slot: the dot product of one lookup, valid when the slot's mark is the lookup's */
  private dots = new Float64Array(0);
  private dotMarks = new Int32Array(0);
  private lookups = 0;
  /** the keys a story is posted under now, while it is put */
  private readonly postedNow = new KeyPositions();
  /** past this many key ids the table is rebuilt */
  private keyBound: number;
  /** the story of each article (empty when told not to keep them) */
  readonly assignments = new Map<string, string>();
  /** set while a store clusters a batch: every change is recorded in it */
  journal: StoryJournal | null = null;

  /**
   * `keepAssignments`: false for a long-lived index (a store's), whose assignments are in the database;
   * `maxKeyIds`: key ids given before the table is rebuilt (small in tests).
   */
  constructor(
    private readonly keepAssignments = true,
    private readonly maxKeyIds = MAX_KEY_IDS,
  ) {
    this.keyBound = maxKeyIds;
  }

  /** Call before each article: rebuilds the key table once it is large (never inside a batch being recorded). */
  beforeArticle(): void {
    if (this.journal === null && this.keys.size > this.keyBound) this.compact();
  }

  /** The document frequency of each key id (0 when not known), into `out`. */
  frequenciesOf(ids: Int32Array, out: Int32Array): void {
    this.fit();
    for (let i = 0; i < ids.length; i++) out[i] = Math.max(0, this.df[ids[i]!]!);
  }

  /** How many articles were clustered, and the document frequency of each key among them (in the keys' order). */
  frequencies(keys: readonly string[]): { articles: number; df: number[] } {
    return {
      articles: this.articles,
      df: keys.map((key) => {
        const id = this.keys.find(key);
        return id === undefined || id >= this.df.length ? 0 : Math.max(0, this.df[id]!);
      }),
    };
  }

  /** Open stories by the dot product of their centroid with the probe's lookup keys, largest first. */
  candidates(probe: CandidateProbe): StoryState[] {
    this.close(probe.sinceTime, probe.sinceSeq);
    if (this.dots.length < this.bySlot.length) {
      this.dots = grownFloat64(this.dots, this.bySlot.length);
      this.dotMarks = grownInt32(this.dotMarks, this.bySlot.length);
    }
    if (++this.lookups === 0x7fffffff) {
      this.dotMarks.fill(0);
      this.lookups = 1;
    }
    const mark = this.lookups;
    const { dots, dotMarks } = this;
    const touched: number[] = [];
    const { keys, weights } = probe.vector;
    for (let j = 0; j < probe.lookup; j++) {
      const posting = this.postings[keys[j]!];
      // a key in very many open stories picks out none of them
      if (posting === undefined || posting.slots.length > MAX_POSTINGS) continue;
      const weight = weights[j]!;
      const { slots, weights: values } = posting;
      for (let e = 0; e < slots.length; e++) {
        const slot = slots[e]!;
        if (dotMarks[slot] !== mark) {
          dotMarks[slot] = mark;
          dots[slot] = 0;
          touched.push(slot);
        }
        dots[slot]! += weight * values[e]!;
      }
    }
    // the best `limit` by a small insertion list: a full sort of every touched story costs more than the lookup
    const best: { story: StoryState; dot: number }[] = [];
    for (const slot of touched) {
      const dot = dots[slot]!;
      const last = best[best.length - 1];
      const full = best.length === probe.limit && last !== undefined;
      // most touched stories score below a full list's last: those are passed over without reading the story
      if (full && dot < last.dot) continue;
      const story = this.bySlot[slot]!;
      const id = story.id;
      if (full && !ranksBefore(dot, id, last.dot, last.story.id)) continue;
      if (!isOpen(story, probe.sinceTime, probe.sinceSeq)) continue;
      let at = best.length;
      while (at > 0 && ranksBefore(dot, id, best[at - 1]!.dot, best[at - 1]!.story.id)) at--;
      best.splice(at, 0, { story, dot });
      if (best.length > probe.limit) best.pop();
    }
    return best.map((entry) => entry.story);
  }

  save(change: StoryChange): void {
    this.fit();
    const seq = this.articles;
    this.articles++;
    for (let i = 0; i < change.keys.length; i++) {
      const id = change.keys[i]!;
      const known = this.df[id]!;
      if (known < 0) this.knownKeys++;
      this.df[id] = Math.max(0, known) + 1;
    }
    this.put(change.story);
    if (this.keepAssignments) this.assignments.set(change.articleId, change.story.id);
    const journal = this.journal;
    if (journal !== null) {
      journal.stories.set(change.story.id, change.story);
      journal.memberships.push({ article_id: change.articleId, story_id: change.story.id, seq, score: change.score });
      for (let i = 0; i < change.keys.length; i++) {
        const id = change.keys[i]!;
        journal.df.set(id, (journal.df.get(id) ?? 0) + 1);
      }
    }
  }

  /** Articles clustered so far: the stream position of the next one. */
  get clustered(): number {
    return this.articles;
  }

  /**
   * Start from a stored state: the stream position, and the stories that may still be open, in any order.
   */
  restore(articles: number, stories: readonly StoredStory[]): void {
    this.articles = articles;
    this.putAll(stories);
  }

  /**
   * Another process clustered articles: take its stories as they are now; forget the frequencies read
   * (`forgetFrequencies`), or the caller adds its increments with `addPending`.
   */
  catchUp(articles: number, changed: readonly StoredStory[], forgetFrequencies: boolean): void {
    this.articles = articles;
    if (forgetFrequencies) this.forgetFrequencies();
    this.putAll(changed);
  }

  /** A story's centroid as the stores write it. */
  centroidOf(story: StoryState): EncodedCentroid {
    const keys: string[] = [];
    for (let i = 0; i < story.keys.length; i++) keys.push(this.keys.name(story.keys[i]!));
    return { keys, weights: encodeWeights(story.weights) };
  }

  /**
   * Increments the store's story_df lacks (a story_df_pending row, or a batch's): added to the pending counts, and
   * to the document frequencies this index holds (the others are read when needed, and the pending added then).
   */
  addPending(counts: ReadonlyMap<string, number>): void {
    for (const [key, count] of counts) {
      const id = this.keys.id(key);
      this.fit();
      this.countPending(id, count);
      if (this.df[id]! >= 0) this.df[id]! += count;
    }
  }

  /** A batch's own increments (already in the document frequencies) added to the pending counts. */
  addPendingIds(counts: ReadonlyMap<number, number>): void {
    this.fit();
    for (const [id, count] of counts) this.countPending(id, count);
  }

  /** The pending counts by key. */
  pending(): Map<string, number> {
    const out = new Map<string, number>();
    for (const id of this.pendingKeys) out.set(this.keys.name(id), this.pendingCounts[id]!);
    return out;
  }

  /** The store's story_df took the pending counts (or they are read again). */
  clearPending(): void {
    for (const id of this.pendingKeys) this.pendingCounts[id] = 0;
    this.pendingKeys = [];
  }

  /** Keys (lists of ids) whose document frequency this index does not hold (to read from the store before clustering). */
  unknownKeys(lists: readonly ArrayLike<number>[]): string[] {
    this.fit();
    // most batches know every key: no set to make
    let unknown: Set<number> | null = null;
    for (const ids of lists) {
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        if (this.df[id]! >= 0) continue;
        unknown ??= new Set();
        unknown.add(id);
      }
    }
    return unknown === null ? [] : [...unknown].map((id) => this.keys.name(id));
  }

  /** Document frequencies read from the store (keys absent from it count 0); the pending counts are added. */
  learnFrequencies(keys: readonly string[], found: ReadonlyMap<string, number>): void {
    // a cache of every key ever seen would grow with the archive: start over past a bound
    if (this.knownKeys + keys.length > MAX_CACHED_KEYS) this.forgetFrequencies();
    for (const key of keys) {
      const id = this.keys.id(key);
      this.fit();
      if (this.df[id]! < 0) this.knownKeys++;
      this.df[id] = (found.get(key) ?? 0) + this.pendingCounts[id]!;
    }
  }

  /** The keys an open story is found by, with its weight in each (for tests and inspection). */
  postingsOf(storyId: string): Map<string, number> {
    const out = new Map<string, number>();
    const slot = this.slots.get(storyId);
    for (const key of this.posted.get(storyId) ?? []) {
      const weight = slot === undefined ? undefined : this.postings[key]?.weightOf(slot);
      if (weight !== undefined) out.set(this.keys.name(key), weight);
    }
    return out;
  }

  /** Number of stories still open to new articles. */
  get openStories(): number {
    return this.open.size;
  }

  private forgetFrequencies(): void {
    this.df.fill(-1);
    this.knownKeys = 0;
  }

  private countPending(id: number, count: number): void {
    if (this.pendingCounts[id] === 0) this.pendingKeys.push(id);
    this.pendingCounts[id]! += count;
  }

  /** Stored stories put in order of their latest article, their keys given ids. */
  private putAll(stories: readonly StoredStory[]): void {
    for (const stored of [...stories].sort((a, b) => a.lastSeq - b.lastSeq)) {
      const { centroid, ...rest } = stored;
      const decoded = decodeCentroid(centroid);
      const keys = new Int32Array(decoded.keys.length);
      for (let i = 0; i < keys.length; i++) keys[i] = this.keys.id(decoded.keys[i]!);
      const weights = decoded.weights;
      this.fit();
      this.put({ ...rest, keys, weights });
    }
  }

  /** Size the per-key arrays for every key id given so far. */
  private fit(): void {
    const size = this.keys.size;
    if (this.df.length >= size) return;
    this.df = grownInt32(this.df, size, -1);
    this.pendingCounts = grownInt32(this.pendingCounts, size);
  }

  /** Replace a story (or add one) with its postings, as the latest joined. */
  private put(story: StoryState): void {
    const { keys, weights } = story;
    const picked = selectHeaviest(weights, keys.length, POSTED_KEYS, (position) => this.keys.name(keys[position]!));
    const count = picked.length;
    this.postedNow.reset(count);
    for (let i = 0; i < count; i++) this.postedNow.add(keys[picked[i]!]!, i);
    let slot = this.slots.get(story.id);
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.bySlot.length;
      this.slots.set(story.id, slot);
    }
    this.bySlot[slot] = story;
    // only the keys the story leaves are taken out: the others just take their new weight below
    const before = this.posted.get(story.id);
    if (before !== undefined) {
      for (const key of before) if (this.postedNow.get(key) < 0) this.unpostKey(key, slot);
    }
    // the keys posted before are read: their array takes the new ones when it is as long (nearly every join)
    const postedKeys = before !== undefined && before.length === count ? before : new Int32Array(count);
    for (let i = 0; i < count; i++) postedKeys[i] = keys[picked[i]!]!;
    // re-inserting keeps the Map ordered by latest article
    this.open.delete(story.id);
    // the picked positions hold: nothing selects in between
    for (let i = 0; i < count; i++) {
      const key = postedKeys[i]!;
      let posting = this.postings[key];
      if (posting === undefined) {
        posting = new Posting();
        this.postings[key] = posting;
      }
      posting.set(slot, weights[picked[i]!]!);
    }
    this.posted.set(story.id, postedKeys);
    this.open.set(story.id, story);
  }

  private unpost(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    for (const key of this.posted.get(id) ?? []) this.unpostKey(key, slot);
    this.posted.delete(id);
    this.slots.delete(id);
    this.bySlot[slot] = undefined;
    this.freeSlots.push(slot);
  }

  private unpostKey(key: number, slot: number): void {
    const posting = this.postings[key];
    if (posting === undefined) return;
    posting.delete(slot);
    if (posting.slots.length === 0) this.postings[key] = undefined;
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

  /**
   * Give new ids to the keys still in use: the open stories', the pending counts', and every key whose document
   * frequency is known (a store-backed index holds at most MAX_CACHED_KEYS of them; one in memory alone, every
   * counted key). What goes is mostly the quote fingerprints of closed stories.
   */
  private compact(): void {
    const old = this.keys;
    const table = new KeyTable();
    const remap = new Int32Array(old.size).fill(-1);
    const idOf = (id: number): number => {
      let next = remap[id]!;
      if (next < 0) {
        next = table.id(old.name(id));
        remap[id] = next;
      }
      return next;
    };
    for (const story of this.open.values())
      for (let i = 0; i < story.keys.length; i++) story.keys[i] = idOf(story.keys[i]!);
    for (const keys of this.posted.values()) for (let i = 0; i < keys.length; i++) keys[i] = idOf(keys[i]!);
    const pendingKeys = this.pendingKeys.map(idOf);
    const keptDf: [number, number][] = [];
    for (let id = 0; id < old.size; id++) if (this.df[id]! >= 0) keptDf.push([idOf(id), this.df[id]!]);
    const postings: (Posting | undefined)[] = [];
    for (let id = 0; id < this.postings.length; id++) {
      const posting = this.postings[id];
      if (posting !== undefined) postings[idOf(id)] = posting;
    }
    const pendingCounts = this.pendingKeys.map((id) => this.pendingCounts[id]!);
    this.keys = table;
    this.postings = postings;
    this.df = new Int32Array(0);
    this.pendingCounts = new Int32Array(0);
    this.fit();
    this.knownKeys = keptDf.length;
    for (const [id, df] of keptDf) this.df[id] = df;
    this.pendingKeys = pendingKeys;
    for (let i = 0; i < pendingKeys.length; i++) this.pendingCounts[pendingKeys[i]!] = pendingCounts[i]!;
    this.keyBound = Math.max(this.maxKeyIds, 2 * table.size);
  }
}

/** Postings this long find a story's entry through a map; shorter ones by a scan, which is quicker. */
const SCANNED_POSTING = 32;

/** The open stories posted under one key: their slots and the key's weight in each, in no order (exported for tests). */
export class Posting {
  readonly slots: number[] = [];
  readonly weights: number[] = [];
  /** each slot's entry, once the posting is long (a key many open stories share: a name in the news all week) */
  private entries: Map<number, number> | null = null;

  set(slot: number, weight: number): void {
    const at = this.entryOf(slot);
    if (at >= 0) {
      this.weights[at] = weight;
      return;
    }
    this.entries?.set(slot, this.slots.length);
    this.slots.push(slot);
    this.weights.push(weight);
    if (this.entries === null && this.slots.length > SCANNED_POSTING) {
      this.entries = new Map(this.slots.map((each, i) => [each, i]));
    }
  }

  delete(slot: number): void {
    const at = this.entryOf(slot);
    if (at < 0) return;
    // the last entry takes its place: the order of a posting's stories changes no dot product
    const last = this.slots.length - 1;
    const moved = this.slots[last]!;
    this.slots[at] = moved;
    this.weights[at] = this.weights[last]!;
    this.slots.pop();
    this.weights.pop();
    if (this.entries !== null) {
      this.entries.delete(slot);
      if (moved !== slot) this.entries.set(moved, at);
    }
  }

  weightOf(slot: number): number | undefined {
    const at = this.entryOf(slot);
    return at < 0 ? undefined : this.weights[at];
  }

  private entryOf(slot: number): number {
    return this.entries === null ? this.slots.indexOf(slot) : (this.entries.get(slot) ?? -1);
  }
}

/** A story as the stores read it back, its centroid as stored. */
export type StoredStory = Omit<StoryState, 'keys' | 'weights'> & { centroid: StoredCentroid };

/** Whether a story still takes articles: its latest article is inside the window. */
export function isOpen(story: StoryState, sinceTime: number | null, sinceSeq: number): boolean {
  const timeOpen = sinceTime === null || story.lastTime === null || story.lastTime >= sinceTime;
  return timeOpen && story.lastSeq >= sinceSeq;
}

/** Larger dot product first, then smaller story id: the order never depends on the order of insertion. */
function ranksBefore(dot: number, id: string, otherDot: number, otherId: string): boolean {
  return dot > otherDot || (dot === otherDot && id < otherId);
}
