import type {
  ArticleTextRow,
  PendingCountsRow,
  StoryBatchWrites,
  StoryClustering,
  StoryPosition,
  StoryRow,
  UnclusteredRow,
} from '../../core/stories/story-batch.js';

/*
 * Story clustering on either database: the statements, and the one sequence of them both stores run under their
 * write lock: read the position, bring the index up to date (`clusterSteps.load`), read the articles past the
 * watermark and the document frequencies of their keys, cluster, and write. Document frequencies are written in two
 * steps: each batch's increments as one row of story_df_pending, and every DF_FOLD_EVERY articles all of them into
 * story_df, each key once. SQLite runs the steps synchronously
 * inside its transaction and writes row by row (`batchWrites`: cheap in-process); PostgreSQL runs them on the
 * transaction's client and writes each table in one set-based statement (a round trip per row would not be).
 */

export interface StoryDialect {
  /** `column` is one of the values in the text list parameter `param` */
  inTextList(column: string, param: string): string;
  /** the larger of two text values */
  greatest: string;
  /** the centroid parameter `param` (JSON text) as the column stores it */
  centroid(param: string): string;
}

const STORY_COLUMNS = 'id, size, first_time, last_time, last_seq, norm, centroid, sort_key';

export function storyStatements(d: StoryDialect) {
  return {
    counters: `SELECT name, value FROM counters
      WHERE name IN ('stories_clustered', 'stories_watermark', 'stories_df_folded')`,
    setCounter: 'UPDATE counters SET value = $1 WHERE name = $2',
    addToCounter: 'UPDATE counters SET value = value + $1 WHERE name = $2',
    // a batch's three counters in one statement, for PostgreSQL (one round trip): clustered and watermark set,
    // stories added to
    advanceCounters: `UPDATE counters SET value = CASE name WHEN 'stories_clustered' THEN CAST($1 AS bigint)
        WHEN 'stories_watermark' THEN CAST($2 AS bigint) ELSE value + CAST($3 AS bigint) END
      WHERE name IN ('stories_clustered', 'stories_watermark', 'stories')`,
    maxSeq: 'SELECT coalesce(max(seq), 0) AS seq FROM articles',
    // the stories still open at the stream's end: by position, or by time before the latest story's
    openStories: `SELECT ${STORY_COLUMNS} FROM stories
      WHERE last_seq >= $1 OR last_time >= (SELECT max(last_time) FROM stories) - $2`,
    changedStories: `SELECT ${STORY_COLUMNS} FROM stories WHERE last_seq >= $1`,
    unclustered: `SELECT seq, id, published_at, ingested_at, sort_key FROM articles
      WHERE seq > $1 ORDER BY seq LIMIT $2`,
    // the same articles' texts, when this process does not hold their story keys
    unclusteredTexts: `SELECT id, title, paragraphs, analysis FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2`,
    countUnclustered: 'SELECT count(*) AS count FROM articles WHERE seq > $1',
    df: `SELECT term, df FROM story_df WHERE ${d.inTextList('term', '$1')}`,
    // one key, for SQLite: a list bound as JSON builds a temporary table per statement, which cost SQLite about 35 us
    // where most batches read one or two keys (a lookup by key: about 2 us each)
    dfOfKey: 'SELECT df FROM story_df WHERE term = $1',
    addDfKey: `INSERT INTO story_df (term, df) VALUES ($1, $2)
      ON CONFLICT (term) DO UPDATE SET df = story_df.df + excluded.df`,
    pendingCounts: 'SELECT clustered, counts FROM story_df_pending WHERE clustered > $1 ORDER BY clustered',
    addPending: 'INSERT INTO story_df_pending (clustered, counts) VALUES ($1, $2)',
    clearPending: 'DELETE FROM story_df_pending',
    upsertStory: `INSERT INTO stories (${STORY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, ${d.centroid('$7')}, $8)
      ON CONFLICT (id) DO UPDATE SET size = excluded.size, first_time = excluded.first_time,
        last_time = excluded.last_time, last_seq = excluded.last_seq, norm = excluded.norm,
        centroid = excluded.centroid, sort_key = ${d.greatest}(stories.sort_key, excluded.sort_key)`,
    insertMembership: `INSERT INTO article_stories (article_id, story_id, seq, score) VALUES ($1, $2, $3, $4)
      ON CONFLICT (article_id) DO NOTHING`,
  };
}

export type StoryStatements = ReturnType<typeof storyStatements>;

/** Read the position from `counters` rows. */
export function storyPosition(rows: readonly { name: string; value: number | string }[]): StoryPosition {
  const value = (name: string) => Number(rows.find((row) => row.name === name)?.value ?? 0);
  return {
    clustered: value('stories_clustered'),
    watermark: value('stories_watermark'),
    dfFolded: value('stories_df_folded'),
  };
}

/**
 * A frequency map as the JSON object a story_df_pending row holds. Written by hand: through an object, keys that
 * look like numbers ("2021") turn it into a slow dictionary.
 */
export function countsJson(counts: ReadonlyMap<string, number>): string {
  const members: string[] = [];
  for (const [key, count] of counts) members.push(`${JSON.stringify(key)}:${count}`);
  return `{${members.join(',')}}`;
}

/** Keys in order: an index's neighbouring pages are written together. */
export function sortedCounts(counts: ReadonlyMap<string, number>): [string, number][] {
  // the default sort orders strings by code unit as `<` does, at a third of a comparator's cost (12,000 keys a fold)
  return [...counts.keys()].sort().map((key) => [key, counts.get(key)!]);
}

/** The statements of one batch's writes, in order, one row each (SQLite's way: statements are calls, not round trips). */
export function batchWrites(
  q: StoryStatements,
  writes: StoryBatchWrites,
): { sql: string; params: readonly unknown[] }[] {
  const out: { sql: string; params: readonly unknown[] }[] = [];
  for (const s of writes.stories) {
    out.push({
      sql: q.upsertStory,
      params: [s.id, s.size, s.first_time, s.last_time, s.last_seq, s.norm, JSON.stringify(s.centroid), s.sort_key],
    });
  }
  for (const m of writes.memberships)
    out.push({ sql: q.insertMembership, params: [m.article_id, m.story_id, m.seq, m.score] });
  if (writes.pending) out.push({ sql: q.addPending, params: [writes.clustered, countsJson(writes.pending)] });
  if (writes.fold) {
    // one statement per key (SQLite parses no JSON for them: three times faster than through json_each)
    for (const [key, count] of sortedCounts(writes.fold)) out.push({ sql: q.addDfKey, params: [key, count] });
    out.push({ sql: q.clearPending, params: [] });
    out.push({ sql: q.setCounter, params: [writes.clustered, 'stories_df_folded'] });
  }
  // one row per statement: in a transaction that has written articles already, an UPDATE of several rows makes
  // SQLite open a statement journal (to undo it alone on failure), which costs more the more the transaction wrote
  out.push({ sql: q.setCounter, params: [writes.clustered, 'stories_clustered'] });
  out.push({ sql: q.setCounter, params: [writes.watermark, 'stories_watermark'] });
  if (writes.created > 0) out.push({ sql: q.addToCounter, params: [writes.created, 'stories'] });
  return out;
}

/** What a batch reads, step by step: the stores drive these with their own (sync or async) runner. */
export const clusterSteps = {
  /** the stories and pending frequency rows to load for the index, if any */
  load(
    clustering: StoryClustering,
    q: StoryStatements,
    position: StoryPosition,
  ): {
    stories: { sql: string; params: readonly unknown[] };
    pending: { sql: string; params: readonly unknown[] };
    apply(stories: StoryRow[], pending: PendingCountsRow[]): void;
  } | null {
    const plan = clustering.plan(position);
    if (plan.kind === 'current') return null;
    return {
      stories:
        plan.kind === 'window'
          ? { sql: q.openStories, params: [plan.sinceSeq, plan.sinceTimeBeforeLatest] }
          : { sql: q.changedStories, params: [plan.fromSeq] },
      pending: { sql: q.pendingCounts, params: [plan.pendingSince] },
      apply: (stories, pending) => clustering.load(plan, position, stories, pending),
    };
  },
  /**
   * The batch from the articles the caller's transaction wrote, caught up (so they are every article past the
   * watermark): those past it, in arrival order, up to `limit`; the same rows as the unclustered statement reads.
   */
  written(written: readonly UnclusteredRow[], position: StoryPosition, limit: number): UnclusteredRow[] {
    return written
      .filter((row) => row.seq > position.watermark)
      .sort((a, b) => a.seq - b.seq)
      .slice(0, limit);
  },
  /** the statement reading back the batch's texts, or null when this process holds every article's story keys */
  texts(
    clustering: StoryClustering,
    q: StoryStatements,
    position: StoryPosition,
    pending: readonly UnclusteredRow[],
  ): { sql: string; params: readonly unknown[] } | null {
    return clustering.needsTexts(pending)
      ? { sql: q.unclusteredTexts, params: [position.watermark, pending.length] }
      : null;
  },
  /** the batch's features, from the story keys held and the texts read back */
  features(clustering: StoryClustering, pending: readonly UnclusteredRow[], texts: readonly ArticleTextRow[]) {
    return clustering.features(pending, new Map(texts.map((row) => [row.id, row])));
  },
};
