import type Database from 'better-sqlite3';
import type { Clock } from '../ports.js';

/** Where a source was declared: sources.json, or `/news source add` in chat. */
export type SourceOrigin = 'file' | 'chat';

/** A feed source with its polling state. Times are ISO 8601. */
export interface FeedSourceRecord {
  url: string;
  /** the configured name, if any */
  name: string | null;
  /** the feed's own title, learnt on the first successful poll */
  feedTitle: string | null;
  intervalMinutes: number;
  origin: SourceOrigin;
  addedBy: string | null;
  addedAt: string;
  etag: string | null;
  lastModified: string | null;
  /** true once the first poll recorded the backlog */
  baselined: boolean;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  nextPollAt: string | null;
  /** consecutive failed polls */
  failureCount: number;
  failureReason: string | null;
  /** set after repeated consecutive failures; cleared by the next success */
  failing: boolean;
  /** article pages that could not be fetched or extracted (the item's own text was kept) */
  pageFailures: number;
  /** items remembered for this source */
  itemCount: number;
}

/** What the store remembers of one item of one source. */
export interface SeenItem {
  contentHash: string;
  /** the story (article origin) it was stored as, or null for a backlog item never ingested */
  story: string | null;
}

/** An article origin written from a feed, with what near-duplicate detection compares. */
export interface FeedStory {
  origin: string;
  articleId: string;
  titleKey: string;
  shingles: number[];
}

/** A source that contributed an article. */
export interface ArticleSource {
  url: string;
  name: string;
}

interface SourceRow {
  url: string;
  name: string | null;
  feed_title: string | null;
  interval_minutes: number;
  origin: SourceOrigin;
  added_by: string | null;
  added_at: string;
  etag: string | null;
  last_modified: string | null;
  baselined: number;
  last_polled_at: string | null;
  last_success_at: string | null;
  next_poll_at: string | null;
  failure_count: number;
  failure_reason: string | null;
  failing: number;
  page_failures: number;
  item_count: number;
}

interface StoryRow {
  origin: string;
  article_id: string;
  title_key: string;
  shingles: string;
}

/**
 * Feed polling state in the article database (tables from the third migration): sources and their
 * HTTP validators and failures, the items each source has shown, and the stories written from
 * feeds. Open it on the database of an opened {@link SqliteArticleStore} so migrations have run.
 */
export class SqliteFeedStore {
  private readonly db: Database.Database;
  private readonly clock: Clock;
  private readonly statements;

  constructor(db: Database.Database, clock: Clock) {
    this.db = db;
    this.clock = clock;
    this.statements = prepareStatements(db);
  }

  /** Run `work` in one transaction. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /**
   * Add a source, or update its name and interval. A source declared in sources.json stays a file
   * source when added again in chat; a chat source listed in the file becomes a file source.
   */
  upsertSource(input: {
    url: string;
    name: string | null;
    intervalMinutes: number;
    origin: SourceOrigin;
    addedBy?: string | null;
  }): 'added' | 'updated' {
    const existing = this.source(input.url);
    if (!existing) {
      this.statements.insertSource.run({
        url: input.url,
        name: input.name,
        interval_minutes: input.intervalMinutes,
        origin: input.origin,
        added_by: input.addedBy ?? null,
        added_at: this.clock.now().toISOString(),
      });
      return 'added';
    }
    const origin = existing.origin === 'file' || input.origin === 'file' ? 'file' : 'chat';
    this.statements.updateSource.run(input.name ?? existing.name, input.intervalMinutes, origin, input.url);
    return 'updated';
  }

  /** Forget a source and the items it showed. Articles already stored stay. */
  removeSource(url: string): boolean {
    return this.statements.deleteSource.run(url).changes > 0;
  }

  source(url: string): FeedSourceRecord | null {
    const row = this.statements.sourceByUrl.get(url) as SourceRow | undefined;
    return row ? toSource(row) : null;
  }

  sources(): FeedSourceRecord[] {
    return (this.statements.allSources.all() as SourceRow[]).map(toSource);
  }

  /** Remember a successful poll: validators, title, baseline done, failures cleared. */
  recordSuccess(
    url: string,
    poll: { etag: string | null; lastModified: string | null; feedTitle: string | null; nextPollAt: Date },
  ): void {
    const now = this.clock.now().toISOString();
    this.statements.recordSuccess.run({
      url,
      etag: poll.etag,
      last_modified: poll.lastModified,
      feed_title: poll.feedTitle,
      polled_at: now,
      next_poll_at: poll.nextPollAt.toISOString(),
    });
  }

  /** A 304: nothing changed; failures are cleared and the next poll scheduled. */
  recordNotModified(url: string, nextPollAt: Date): void {
    const now = this.clock.now().toISOString();
    this.statements.recordNotModified.run({ now, next_poll_at: nextPollAt.toISOString(), url });
  }

  /**
   * Count a failed poll. Returns the new consecutive count, whether the source is now marked failing
   * and whether the reason is new (so the caller logs each distinct problem once).
   */
  recordFailure(
    url: string,
    failure: { reason: string; nextPollAt: Date; failingAfter: number },
  ): { failureCount: number; failing: boolean; newReason: boolean; becameFailing: boolean } {
    return this.transaction(() => {
      const before = this.source(url);
      const failureCount = (before?.failureCount ?? 0) + 1;
      const failing = failureCount >= failure.failingAfter;
      this.statements.recordFailure.run({
        url,
        reason: failure.reason,
        failure_count: failureCount,
        failing: failing ? 1 : 0,
        polled_at: this.clock.now().toISOString(),
        next_poll_at: failure.nextPollAt.toISOString(),
      });
      return {
        failureCount,
        failing,
        newReason: before?.failureReason !== failure.reason,
        becameFailing: failing && !before?.failing,
      };
    });
  }

  /** Poll a source at `when` (now, for a source just added). */
  scheduleSource(url: string, when: Date): void {
    this.statements.schedule.run(when.toISOString(), url);
  }

  countPageFailure(url: string): void {
    this.statements.countPageFailure.run(url);
  }

  seenItem(sourceUrl: string, itemId: string): SeenItem | null {
    const row = this.statements.itemById.get(sourceUrl, itemId) as
      | { content_hash: string; story: string | null }
      | undefined;
    return row ? { contentHash: row.content_hash, story: row.story } : null;
  }

  /** Remember an item (first sight or a new version). */
  recordItem(sourceUrl: string, itemId: string, item: SeenItem): void {
    const now = this.clock.now().toISOString();
    this.statements.upsertItem.run({
      source_url: sourceUrl,
      item_id: itemId,
      content_hash: item.contentHash,
      story: item.story,
      now,
    });
  }

  /** Mark items as still present in the feed. */
  touchItems(sourceUrl: string, itemIds: readonly string[]): void {
    const now = this.clock.now().toISOString();
    this.transaction(() => {
      for (const id of itemIds) this.statements.touchItem.run(now, sourceUrl, id);
    });
  }

  /** Forget items a source has not shown since `before` (they left the feed long ago). */
  pruneItems(sourceUrl: string, before: Date): number {
    return this.statements.pruneItems.run(sourceUrl, before.toISOString()).changes;
  }

  story(origin: string): FeedStory | null {
    const row = this.statements.storyByOrigin.get(origin) as StoryRow | undefined;
    return row ? toStory(row) : null;
  }

  /** Stories with the same normalised title, newest first: candidates for near-duplicate detection. */
  storiesByTitle(titleKey: string, limit = 20): FeedStory[] {
    return (this.statements.storiesByTitle.all(titleKey, limit) as StoryRow[]).map(toStory);
  }

  /** Every story currently stored as `articleId` (one per origin that points at it). */
  storiesOfArticle(articleId: string): FeedStory[] {
    return (this.statements.storiesByArticle.all(articleId) as StoryRow[]).map(toStory);
  }

  saveStory(story: FeedStory): void {
    this.statements.upsertStory.run({
      origin: story.origin,
      article_id: story.articleId,
      title_key: story.titleKey,
      shingles: JSON.stringify(story.shingles),
      created_at: this.clock.now().toISOString(),
    });
  }

  /** The feed sources an article came from, by name (configured name, else feed title, else URL). */
  sourcesOfArticle(articleId: string): ArticleSource[] {
    return this.statements.sourcesOfArticle.all(articleId) as ArticleSource[];
  }
}

function prepareStatements(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    insertSource: p(`INSERT INTO feed_sources (url, name, interval_minutes, origin, added_by, added_at)
      VALUES (@url, @name, @interval_minutes, @origin, @added_by, @added_at)`),
    updateSource: p('UPDATE feed_sources SET name = ?, interval_minutes = ?, origin = ? WHERE url = ?'),
    deleteSource: p('DELETE FROM feed_sources WHERE url = ?'),
    sourceByUrl: p(`SELECT s.*, (SELECT count(*) FROM feed_items i WHERE i.source_url = s.url) AS item_count
      FROM feed_sources s WHERE s.url = ?`),
    allSources: p(`SELECT s.*, (SELECT count(*) FROM feed_items i WHERE i.source_url = s.url) AS item_count
      FROM feed_sources s ORDER BY coalesce(s.name, s.feed_title, s.url) COLLATE NOCASE, s.url`),
    recordSuccess: p(`UPDATE feed_sources SET etag = @etag, last_modified = @last_modified,
      feed_title = coalesce(@feed_title, feed_title), baselined = 1, last_polled_at = @polled_at,
      last_success_at = @polled_at, next_poll_at = @next_poll_at, failure_count = 0, failure_reason = NULL, failing = 0
      WHERE url = @url`),
    recordNotModified: p(`UPDATE feed_sources SET last_polled_at = @now, last_success_at = @now,
      next_poll_at = @next_poll_at, failure_count = 0, failure_reason = NULL, failing = 0 WHERE url = @url`),
    recordFailure: p(`UPDATE feed_sources SET failure_count = @failure_count, failure_reason = @reason,
      failing = @failing, last_polled_at = @polled_at, next_poll_at = @next_poll_at WHERE url = @url`),
    schedule: p('UPDATE feed_sources SET next_poll_at = ? WHERE url = ?'),
    countPageFailure: p('UPDATE feed_sources SET page_failures = page_failures + 1 WHERE url = ?'),
    itemById: p('SELECT content_hash, story FROM feed_items WHERE source_url = ? AND item_id = ?'),
    upsertItem: p(`INSERT INTO feed_items (source_url, item_id, content_hash, story, first_seen_at, last_seen_at)
      VALUES (@source_url, @item_id, @content_hash, @story, @now, @now)
      ON CONFLICT (source_url, item_id) DO UPDATE SET content_hash = excluded.content_hash, story = excluded.story,
      last_seen_at = excluded.last_seen_at`),
    touchItem: p('UPDATE feed_items SET last_seen_at = ? WHERE source_url = ? AND item_id = ?'),
    pruneItems: p('DELETE FROM feed_items WHERE source_url = ? AND last_seen_at < ?'),
    storyByOrigin: p('SELECT origin, article_id, title_key, shingles FROM feed_stories WHERE origin = ?'),
    storiesByTitle: p(`SELECT origin, article_id, title_key, shingles FROM feed_stories WHERE title_key = ?
      ORDER BY created_at DESC LIMIT ?`),
    storiesByArticle: p('SELECT origin, article_id, title_key, shingles FROM feed_stories WHERE article_id = ?'),
    upsertStory: p(`INSERT INTO feed_stories (origin, article_id, title_key, shingles, created_at)
      VALUES (@origin, @article_id, @title_key, @shingles, @created_at)
      ON CONFLICT (origin) DO UPDATE SET article_id = excluded.article_id, title_key = excluded.title_key,
      shingles = excluded.shingles`),
    sourcesOfArticle: p(`SELECT DISTINCT s.url AS url, coalesce(s.name, s.feed_title, s.url) AS name
      FROM feed_stories st JOIN feed_items i ON i.story = st.origin JOIN feed_sources s ON s.url = i.source_url
      WHERE st.article_id = ? ORDER BY name COLLATE NOCASE`),
  };
}

function toSource(row: SourceRow): FeedSourceRecord {
  return {
    url: row.url,
    name: row.name,
    feedTitle: row.feed_title,
    intervalMinutes: row.interval_minutes,
    origin: row.origin,
    addedBy: row.added_by,
    addedAt: row.added_at,
    etag: row.etag,
    lastModified: row.last_modified,
    baselined: row.baselined === 1,
    lastPolledAt: row.last_polled_at,
    lastSuccessAt: row.last_success_at,
    nextPollAt: row.next_poll_at,
    failureCount: row.failure_count,
    failureReason: row.failure_reason,
    failing: row.failing === 1,
    pageFailures: row.page_failures,
    itemCount: row.item_count,
  };
}

function toStory(row: StoryRow): FeedStory {
  return {
    origin: row.origin,
    articleId: row.article_id,
    titleKey: row.title_key,
    shingles: JSON.parse(row.shingles) as number[],
  };
}

/** What the first poll of a newly added source found. */
export interface PollSummary {
  ok: boolean;
  /** items in the feed */
  items: number;
  /** articles written (new or linked to an existing story) */
  ingested: number;
  /** why the poll failed, when it did */
  reason: string | null;
}

/** The answer to adding a source from chat. */
export type AddSourceResult =
  | { ok: true; status: 'added' | 'updated'; source: FeedSourceRecord; firstPoll: PollSummary }
  | { ok: false; reason: string };

/** The answer to removing a source from chat. */
export type RemoveSourceResult =
  | { ok: true; source: FeedSourceRecord }
  | { ok: false; reason: 'not-found' | 'file-source' };

/**
 * Feed source management as the `/news sources` and `/news source` commands see it. The feed poller
 * implements it; commands receive it through their deps.
 */
export interface SourceAdmin {
  list(): FeedSourceRecord[];
  add(input: { url: string; name?: string | undefined; addedBy?: string | undefined }): Promise<AddSourceResult>;
  remove(url: string): RemoveSourceResult;
}
