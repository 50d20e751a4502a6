import type * as port from '../../core/ports.js';
import { type SourceRow, type StoryRow, TITLE_CANDIDATES, toSource, toStory } from '../../core/store/feeds.js';
import type { SqlRunner } from './sql.js';

/** How the two databases order feed sources by display name (SQLite's NOCASE: ASCII case folded, then bytes). */
export interface FeedDialect {
  /** ORDER BY for feed_sources `s` by display name, then URL */
  sourceOrder: string;
  /** ORDER BY for contributing sources by `name`, then `url` */
  contributorOrder: string;
  /** `item_id` is one of the list parameter $3 */
  itemInList: string;
}

const SOURCE_COLUMNS = 's.*, (SELECT count(*) FROM feed_items i WHERE i.source_url = s.url) AS item_count';
const STORY_COLUMNS = 'origin, article_id, title_key, shingles';

/** The feed store's statements both databases share, built once per dialect. */
export function feedQueries(dialect: FeedDialect) {
  return {
    deleteSource: 'DELETE FROM feed_sources WHERE url = $1',
    source: `SELECT ${SOURCE_COLUMNS} FROM feed_sources s WHERE s.url = $1`,
    sources: `SELECT ${SOURCE_COLUMNS} FROM feed_sources s ORDER BY ${dialect.sourceOrder}`,
    recordSuccess: `UPDATE feed_sources SET etag = $2, last_modified = $3, feed_title = coalesce($4, feed_title),
      baselined = TRUE, last_polled_at = $5, last_success_at = $5, next_poll_at = $6, failure_count = 0,
      failure_reason = NULL, failing = FALSE
      WHERE url = $1`,
    recordNotModified: `UPDATE feed_sources SET last_polled_at = $2, last_success_at = $2, next_poll_at = $3,
      failure_count = 0, failure_reason = NULL, failing = FALSE
      WHERE url = $1`,
    schedule: 'UPDATE feed_sources SET next_poll_at = $2 WHERE url = $1',
    countPageFailure: 'UPDATE feed_sources SET page_failures = page_failures + 1 WHERE url = $1',
    item: 'SELECT content_hash, story FROM feed_items WHERE source_url = $1 AND item_id = $2',
    upsertItem: `INSERT INTO feed_items (source_url, item_id, content_hash, story, first_seen_at, last_seen_at)
      VALUES ($1, $2, $3, $4, $5, $5)
      ON CONFLICT (source_url, item_id) DO UPDATE SET content_hash = excluded.content_hash, story = excluded.story,
        last_seen_at = excluded.last_seen_at`,
    touchItems: `UPDATE feed_items SET last_seen_at = $1 WHERE source_url = $2 AND ${dialect.itemInList}`,
    pruneItems: 'DELETE FROM feed_items WHERE source_url = $1 AND last_seen_at < $2',
    story: `SELECT ${STORY_COLUMNS} FROM feed_stories WHERE origin = $1`,
    storiesByTitle: `SELECT ${STORY_COLUMNS} FROM feed_stories WHERE title_key = $1 ORDER BY created_at DESC LIMIT $2`,
    storiesOfArticle: `SELECT ${STORY_COLUMNS} FROM feed_stories WHERE article_id = $1`,
    upsertStory: `INSERT INTO feed_stories (origin, article_id, title_key, shingles, created_at)
      VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (origin) DO UPDATE SET article_id = excluded.article_id, title_key = excluded.title_key,
        shingles = excluded.shingles`,
    sourcesOfArticle: `SELECT url, name FROM (
        SELECT DISTINCT s.url AS url, coalesce(s.name, s.feed_title, s.url) AS name
        FROM feed_stories st JOIN feed_items i ON i.story = st.origin JOIN feed_sources s ON s.url = i.source_url
        WHERE st.article_id = $1
      ) contributing
      ORDER BY ${dialect.contributorOrder}`,
  };
}

export type FeedQueries = ReturnType<typeof feedQueries>;

/** The parameters of {@link FeedQueries.upsertStory} for one story. */
export function storyParams(story: port.FeedStory, createdAt: string): unknown[] {
  // JSON text, which both databases' shingles column reads
  return [story.origin, story.articleId, story.titleKey, JSON.stringify(story.shingles), createdAt];
}

/** A new source's row, in the column order (url, name, interval_minutes, origin, added_by, added_at) both insert. */
export function sourceParams(input: port.SourceInput, now: string): unknown[] {
  return [input.url, input.name, input.intervalMinutes, input.origin, input.addedBy ?? null, now];
}

/** The parameters of {@link FeedQueries.upsertItem}. */
export function itemParams(sourceUrl: string, itemId: string, item: port.SeenItem, now: string): unknown[] {
  return [sourceUrl, itemId, item.contentHash, item.story, now];
}

/**
 * Feed polling state, written once for both databases. Each store adds what takes a transaction or a
 * row lock in its own way: adding sources, syncing sources.json, counting failures, storing an item.
 */
export abstract class SqlFeedStore implements port.FeedStore {
  protected readonly queries: FeedQueries;

  protected constructor(
    private readonly sql: SqlRunner,
    dialect: FeedDialect,
    protected readonly clock: port.Clock,
  ) {
    this.queries = feedQueries(dialect);
  }

  abstract upsertSource(input: port.SourceInput): Promise<'added' | 'updated'>;
  abstract applySourcesFile(
    declared: readonly port.DeclaredSource[],
  ): Promise<{ added: number; updated: number; removed: number }>;
  abstract recordFailure(
    url: string,
    failure: { reason: string; nextPollAt: Date; failingAfter: number },
  ): Promise<port.FailureResult>;
  abstract recordStoredItem(stored: port.StoredItem): Promise<void>;

  protected now(): string {
    return this.clock.now().toISOString();
  }

  async removeSource(url: string): Promise<boolean> {
    return (await this.sql.run(this.queries.deleteSource, [url])) > 0;
  }

  async source(url: string): Promise<port.FeedSourceRecord | null> {
    const [row] = await this.sql.rows<SourceRow>(this.queries.source, [url]);
    return row ? toSource(row) : null;
  }

  async sources(): Promise<port.FeedSourceRecord[]> {
    return (await this.sql.rows<SourceRow>(this.queries.sources)).map(toSource);
  }

  async recordSuccess(
    url: string,
    poll: { etag: string | null; lastModified: string | null; feedTitle: string | null; nextPollAt: Date },
  ): Promise<void> {
    await this.sql.run(this.queries.recordSuccess, [
      url,
      poll.etag,
      poll.lastModified,
      poll.feedTitle,
      this.now(),
      poll.nextPollAt.toISOString(),
    ]);
  }

  async recordNotModified(url: string, nextPollAt: Date): Promise<void> {
    await this.sql.run(this.queries.recordNotModified, [url, this.now(), nextPollAt.toISOString()]);
  }

  async scheduleSource(url: string, when: Date): Promise<void> {
    await this.sql.run(this.queries.schedule, [url, when.toISOString()]);
  }

  async countPageFailure(url: string): Promise<void> {
    await this.sql.run(this.queries.countPageFailure, [url]);
  }

  async seenItem(sourceUrl: string, itemId: string): Promise<port.SeenItem | null> {
    const [row] = await this.sql.rows<{ content_hash: string; story: string | null }>(this.queries.item, [
      sourceUrl,
      itemId,
    ]);
    return row ? { contentHash: row.content_hash, story: row.story } : null;
  }

  async recordItem(sourceUrl: string, itemId: string, item: port.SeenItem): Promise<void> {
    await this.sql.run(this.queries.upsertItem, itemParams(sourceUrl, itemId, item, this.now()));
  }

  async touchItems(sourceUrl: string, itemIds: readonly string[]): Promise<void> {
    if (itemIds.length === 0) return;
    await this.sql.run(this.queries.touchItems, [this.now(), sourceUrl, [...itemIds]]);
  }

  async pruneItems(sourceUrl: string, before: Date): Promise<number> {
    return this.sql.run(this.queries.pruneItems, [sourceUrl, before.toISOString()]);
  }

  async story(origin: string): Promise<port.FeedStory | null> {
    const [row] = await this.sql.rows<StoryRow>(this.queries.story, [origin]);
    return row ? toStory(row) : null;
  }

  async storiesByTitle(titleKey: string, limit = TITLE_CANDIDATES): Promise<port.FeedStory[]> {
    return (await this.sql.rows<StoryRow>(this.queries.storiesByTitle, [titleKey, limit])).map(toStory);
  }

  async storiesOfArticle(articleId: string): Promise<port.FeedStory[]> {
    return (await this.sql.rows<StoryRow>(this.queries.storiesOfArticle, [articleId])).map(toStory);
  }

  async sourcesOfArticle(articleId: string): Promise<port.ArticleSource[]> {
    return this.sql.rows<port.ArticleSource>(this.queries.sourcesOfArticle, [articleId]);
  }
}
