import type { Paragraph, Person, Quote } from '../articles/article.js';
import { bareArticle } from '../articles/from-lines.js';
import type { StoredCentroid } from './centroid-codec.js';
import {
  assignKeyed,
  type ClusterConfig,
  DEFAULT_CLUSTERING,
  type KeyedFeatures,
  keyFeatures,
} from './story-clusterer.js';
import { type StoryKeys, storyKeys } from './story-features.js';
import { InMemoryStoryIndex, MAX_KEY_IDS, type StoredStory, type StoryJournal } from './story-index.js';

/*
 * Story clustering as both stores run it: each keeps one in-memory index per process, loaded from its tables
 * (the open stories only) and kept in step with what other processes clustered, and clusters the articles past
 * its watermark in arrival order, in the transaction that wrote them (or, for a store of an older release, in the
 * background re-analysis). This file is what the two stores share: rows, the catch-up and one batch's writes.
 */

const HOUR = 3_600_000;

/** An article to cluster, as read from the articles table. */
export interface UnclusteredRow {
  seq: number;
  id: string;
  published_at: string | null;
  ingested_at: string;
  sort_key: string;
}

/** An article's text and analysis, read back when its story keys are not at hand (a backlog, another process). */
export interface ArticleTextRow {
  id: string;
  title: string;
  paragraphs: Paragraph[];
  analysis: { people: Person[]; quotes: Quote[] };
}

/** Story keys kept for articles written and not yet clustered; past this, the oldest are read back instead. */
const MAX_REMEMBERED = 10_000;

/** A row of the stories table, as both stores read and write it. */
export interface StoryRow {
  id: string;
  size: number;
  first_time: number | null;
  last_time: number | null;
  last_seq: number;
  norm: number;
  centroid: StoredCentroid;
  /** the newest member's sort key: stories list newest activity first */
  sort_key: string;
}

/** A row of article_stories. */
export interface MembershipRow {
  article_id: string;
  story_id: string;
  seq: number;
  score: number;
}

/** Everything one batch writes, in one transaction. */
export interface StoryBatchWrites {
  stories: StoryRow[];
  memberships: MembershipRow[];
  /** the batch's document frequency increments by key, kept as one row of story_df_pending; null when folding */
  pending: Map<string, number> | null;
  /** every pending increment (the earlier rows' and this batch's), to add to story_df and empty story_df_pending */
  fold: Map<string, number> | null;
  /** the clustered-article counter after the batch */
  clustered: number;
  /** the article seq the batch clustered up to */
  watermark: number;
  /** stories the batch started */
  created: number;
}

export function toStoredStory(row: StoryRow): StoredStory {
  return {
    id: row.id,
    size: Number(row.size),
    firstTime: row.first_time === null ? null : Number(row.first_time),
    lastTime: row.last_time === null ? null : Number(row.last_time),
    lastSeq: Number(row.last_seq),
    centroid: row.centroid,
    norm: Number(row.norm),
  };
}

/** The time an article is clustered at: its publication, else its arrival. */
export function clusterTime(row: Pick<UnclusteredRow, 'published_at' | 'ingested_at'>): number | null {
  const published = row.published_at === null ? Number.NaN : Date.parse(row.published_at);
  if (!Number.isNaN(published)) return published;
  const ingested = Date.parse(row.ingested_at);
  return Number.isNaN(ingested) ? null : ingested;
}

export function keysOfRow(row: ArticleTextRow): StoryKeys {
  return storyKeys(bareArticle(row.title, row.paragraphs), row.analysis);
}

/** Where the database stands, read under the lock. */
export interface StoryPosition {
  /** articles clustered: the stream position */
  clustered: number;
  /** the article seq clustered up to */
  watermark: number;
  /** articles clustered when story_df last took the pending document frequencies */
  dfFolded: number;
}

/** A row of story_df_pending: one clustered batch's document frequency increments. */
export interface PendingCountsRow {
  /** articles clustered after the batch */
  clustered: number;
  /** JSON object: key -> increment */
  counts: string;
}

/**
 * What a store reads to bring its index up to date, given what the database says under the lock. Both kinds that
 * load also read the pending document frequency rows past `pendingSince`.
 */
export type StoryLoad =
  /** the index is current */
  | { kind: 'current' }
  /** no index yet: load the stories still open at the stream's end */
  | { kind: 'window'; sinceSeq: number; sinceTimeBeforeLatest: number; pendingSince: number }
  /**
   * another process clustered: reload the stories it changed (last_seq at or past `fromSeq`); if it also added the
   * pending frequencies to story_df (`refolded`), the frequencies known are forgotten and all pending rows read
   */
  | { kind: 'changed'; fromSeq: number; pendingSince: number; refolded: boolean };

/**
 * Articles between two additions of the pending document frequencies to story_df. Each key's count is one upsert
 * of an index of every key ever seen, the dearest write of clustering: done per batch it costs more than the rest
 * of clustering; done every so many articles, each key is written once for all of them.
 */
export const DF_FOLD_EVERY = 1000;

/**
 * The in-memory index of one store (one per process), with the position it has seen. Stores call `plan` under
 * their lock, load what it asks for, then `cluster` the batch and write what it returns.
 */
export class StoryClustering {
  private index: InMemoryStoryIndex | null = null;
  /** story keys of articles this process wrote, until they are clustered */
  private readonly remembered = new Map<string, StoryKeys>();
  /** the stream position story_df was last folded at, as this index knows it */
  private folded = 0;

  /**
   * `foldEvery`: articles between two additions of the pending frequencies to story_df; `maxKeyIds`: feature key ids
   * the index gives before it rebuilds its table (both small in tests)
   */
  constructor(
    private readonly config: ClusterConfig = DEFAULT_CLUSTERING,
    private readonly foldEvery = DF_FOLD_EVERY,
    private readonly maxKeyIds = MAX_KEY_IDS,
  ) {}

  /** What to load, given where the database stands. */
  plan(position: StoryPosition): StoryLoad {
    // the count going back means the tables were emptied: start over
    if (this.index === null || position.clustered < this.index.clustered) {
      return {
        kind: 'window',
        sinceSeq: position.clustered - this.config.recentArticles,
        sinceTimeBeforeLatest: this.config.windowHours * HOUR,
        pendingSince: position.dfFolded,
      };
    }
    if (this.index.clustered === position.clustered) return { kind: 'current' };
    const refolded = position.dfFolded !== this.folded;
    return {
      kind: 'changed',
      fromSeq: this.index.clustered,
      pendingSince: refolded ? position.dfFolded : this.index.clustered,
      refolded,
    };
  }

  /** Apply what `plan` asked for: the stories and the pending frequency rows it asked to read. */
  load(
    plan: StoryLoad,
    position: StoryPosition,
    rows: readonly StoryRow[],
    pendingRows: readonly PendingCountsRow[],
  ): void {
    if (plan.kind === 'current') return;
    const stories = rows.map(toStoredStory);
    const counts = pendingRows.map((row) => new Map(Object.entries(JSON.parse(row.counts) as Record<string, number>)));
    let index = this.index;
    if (plan.kind === 'window' || index === null) {
      index = new InMemoryStoryIndex(false, this.maxKeyIds);
      index.restore(position.clustered, stories);
      this.index = index;
      this.folded = position.dfFolded;
    } else {
      // another process clustered; if it also folded the pending frequencies, those known are stale
      index.catchUp(position.clustered, stories, plan.refolded);
      if (plan.refolded) {
        index.clearPending();
        this.folded = position.dfFolded;
      }
    }
    // the sum of the story_df_pending rows: what story_df lacks of each key's document frequency
    for (const batch of counts) index.addPending(batch);
  }

  /** Keep the story keys of an article just written (its analysis computed them), to cluster it without reading it. */
  remember(articleId: string, keys: StoryKeys | undefined): void {
    if (keys === undefined) return;
    if (this.remembered.size >= MAX_REMEMBERED) {
      const oldest = this.remembered.keys().next();
      if (!oldest.done) this.remembered.delete(oldest.value);
    }
    this.remembered.set(articleId, keys);
  }

  /** Whether some article of the batch must be read back for its story keys. */
  needsTexts(rows: readonly UnclusteredRow[]): boolean {
    return rows.some((row) => !this.remembered.has(row.id));
  }

  /**
   * The batch's features: remembered keys, else those of the texts read back (`texts`, by id), with each article's
   * time. The remembered keys of the batch are let go.
   */
  features(rows: readonly UnclusteredRow[], texts: ReadonlyMap<string, ArticleTextRow> = new Map()): KeyedFeatures[] {
    const index = this.requireIndex();
    // the only point where the key table may be rebuilt: the batch's ids hold until it is clustered
    index.beforeArticle();
    return rows.map((row) => {
      let keys = this.remembered.get(row.id);
      if (keys === undefined) {
        const text = texts.get(row.id);
        if (text === undefined) throw new Error(`article ${row.id} to cluster was not read back`);
        keys = keysOfRow(text);
      }
      this.remembered.delete(row.id);
      return keyFeatures({ ...keys, time: clusterTime(row) }, index, this.config);
    });
  }

  /** The feature keys of the batch whose document frequency the index lacks. */
  keysToRead(features: readonly KeyedFeatures[]): string[] {
    const index = this.requireIndex();
    return index.unknownKeys(features.map((article) => article.counted));
  }

  /** Document frequencies read from story_df, to which the pending increments are added. */
  learnFrequencies(keys: readonly string[], found: ReadonlyMap<string, number>): void {
    this.requireIndex().learnFrequencies(keys, found);
  }

  /** Cluster the batch in order; what to write. The index is dropped if the caller's transaction fails. */
  cluster(rows: readonly UnclusteredRow[], features: readonly KeyedFeatures[]): StoryBatchWrites {
    const index = this.requireIndex();
    const journal: StoryJournal = { stories: new Map(), memberships: [], df: new Map() };
    const sortKeys = new Map<string, string>();
    let watermark = 0;
    let created = 0;
    index.journal = journal;
    try {
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        const assignment = assignKeyed(row.id, features[i]!, index, this.config);
        if (assignment.created) created++;
        const known = sortKeys.get(assignment.storyId);
        if (known === undefined || row.sort_key > known) sortKeys.set(assignment.storyId, row.sort_key);
        watermark = Math.max(watermark, row.seq);
      }
    } finally {
      index.journal = null;
    }
    const stories = [...journal.stories.values()].map((story) => ({
      id: story.id,
      size: story.size,
      first_time: story.firstTime,
      last_time: story.lastTime,
      last_seq: story.lastSeq,
      norm: story.norm,
      centroid: index.centroidOf(story),
      sort_key: sortKeys.get(story.id) ?? '',
    }));
    index.addPendingIds(journal.df);
    const fold = index.clustered - this.folded >= this.foldEvery ? index.pending() : null;
    if (fold) {
      index.clearPending();
      this.folded = index.clustered;
    }
    let pending: Map<string, number> | null = null;
    if (!fold) {
      pending = new Map();
      for (const [id, count] of journal.df) pending.set(index.keys.name(id), count);
    }
    return {
      stories,
      memberships: journal.memberships,
      pending,
      fold,
      clustered: index.clustered,
      watermark,
      created,
    };
  }

  /** Forget the index (a transaction failed: it may hold changes the database does not). */
  reset(): void {
    this.index = null;
    this.folded = 0;
  }

  private requireIndex(): InMemoryStoryIndex {
    if (this.index === null) throw new Error('story index used before it was loaded');
    return this.index;
  }
}
