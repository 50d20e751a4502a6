import type Database from 'better-sqlite3';
import type * as port from '../../../core/ports.js';
import { mergedOrigin, TITLE_CANDIDATES, toSource, toStory } from '../../../core/store/feeds.js';
import { fromSqlite } from './database.js';

/**
 * The feed store in the SQLite article database (tables from the third migration). Open it on the
 * database of an opened SqliteArticleStore so migrations have run. The work is synchronous; the
 * methods are async to share the {@link port.FeedStore} port with PostgreSQL.
 */
export class SqliteFeedStore implements port.FeedStore {
  private readonly db: Database.Database;
  private readonly clock: port.Clock;
  private readonly statements;

  constructor(db: Database.Database, clock: port.Clock) {
    this.db = db;
    this.clock = clock;
    this.statements = prepareStatements(db);
  }

  async upsertSource(input: port.SourceInput): Promise<'added' | 'updated'> {
    return this.upsertSourceNow(input);
  }

  async applySourcesFile(
    declared: readonly port.DeclaredSource[],
  ): Promise<{ added: number; updated: number; removed: number }> {
    return this.db.transaction(() => {
      const counts = { added: 0, updated: 0, removed: 0 };
      const wanted = new Set<string>();
      for (const source of declared) {
        wanted.add(source.url);
        const result = this.upsertSourceNow({
          url: source.url,
          name: source.name ?? null,
          intervalMinutes: source.intervalMinutes,
          origin: 'file',
        });
        counts[result]++;
      }
      for (const row of this.statements.fileSourceUrls.all() as { url: string }[]) {
        if (!wanted.has(row.url)) counts.removed += this.statements.deleteSource.run(row.url).changes;
      }
      return counts;
    })();
  }

  async removeSource(url: string): Promise<boolean> {
    return this.statements.deleteSource.run(url).changes > 0;
  }

  async source(url: string): Promise<port.FeedSourceRecord | null> {
    return this.sourceNow(url);
  }

  async sources(): Promise<port.FeedSourceRecord[]> {
    return this.statements.allSources.all().map((row) => toSource(fromSqlite(row)));
  }

  async recordSuccess(
    url: string,
    poll: { etag: string | null; lastModified: string | null; feedTitle: string | null; nextPollAt: Date },
  ): Promise<void> {
    this.statements.recordSuccess.run({
      url,
      etag: poll.etag,
      last_modified: poll.lastModified,
      feed_title: poll.feedTitle,
      polled_at: this.clock.now().toISOString(),
      next_poll_at: poll.nextPollAt.toISOString(),
    });
  }

  async recordNotModified(url: string, nextPollAt: Date): Promise<void> {
    const now = this.clock.now().toISOString();
    this.statements.recordNotModified.run({ now, next_poll_at: nextPollAt.toISOString(), url });
  }

  async recordFailure(
    url: string,
    failure: { reason: string; nextPollAt: Date; failingAfter: number },
  ): Promise<port.FailureResult> {
    return this.db.transaction(() => {
      const before = this.sourceNow(url);
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
    })();
  }

  async scheduleSource(url: string, when: Date): Promise<void> {
    this.statements.schedule.run(when.toISOString(), url);
  }

  async countPageFailure(url: string): Promise<void> {
    this.statements.countPageFailure.run(url);
  }

  async seenItem(sourceUrl: string, itemId: string): Promise<port.SeenItem | null> {
    const row = this.statements.itemById.get(sourceUrl, itemId) as
      | { content_hash: string; story: string | null }
      | undefined;
    return row ? { contentHash: row.content_hash, story: row.story } : null;
  }

  async recordItem(sourceUrl: string, itemId: string, item: port.SeenItem): Promise<void> {
    this.recordItemNow(sourceUrl, itemId, item);
  }

  async recordStoredItem(stored: port.StoredItem): Promise<void> {
    this.db.transaction(() => {
      const createdAt = this.clock.now().toISOString();
      for (const story of stored.stories) {
        this.statements.upsertStory.run({
          origin: story.origin,
          article_id: story.articleId,
          title_key: story.titleKey,
          shingles: JSON.stringify(story.shingles),
          created_at: createdAt,
        });
      }
      this.recordItemNow(stored.sourceUrl, stored.itemId, { contentHash: stored.contentHash, story: stored.story });
    })();
  }

  async touchItems(sourceUrl: string, itemIds: readonly string[]): Promise<void> {
    const now = this.clock.now().toISOString();
    this.db.transaction(() => {
      for (const id of itemIds) this.statements.touchItem.run(now, sourceUrl, id);
    })();
  }

  async pruneItems(sourceUrl: string, before: Date): Promise<number> {
    return this.statements.pruneItems.run(sourceUrl, before.toISOString()).changes;
  }

  async story(origin: string): Promise<port.FeedStory | null> {
    const row = this.statements.storyByOrigin.get(origin);
    return row ? toStory(fromSqlite(row)) : null;
  }

  async storiesByTitle(titleKey: string, limit = TITLE_CANDIDATES): Promise<port.FeedStory[]> {
    return this.statements.storiesByTitle.all(titleKey, limit).map((row) => toStory(fromSqlite(row)));
  }

  async storiesOfArticle(articleId: string): Promise<port.FeedStory[]> {
    return this.statements.storiesByArticle.all(articleId).map((row) => toStory(fromSqlite(row)));
  }

  async sourcesOfArticle(articleId: string): Promise<port.ArticleSource[]> {
    return this.statements.sourcesOfArticle.all(articleId) as port.ArticleSource[];
  }

  private sourceNow(url: string): port.FeedSourceRecord | null {
    const row = this.statements.sourceByUrl.get(url);
    return row ? toSource(fromSqlite(row)) : null;
  }

  private upsertSourceNow(input: port.SourceInput): 'added' | 'updated' {
    const existing = this.sourceNow(input.url);
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
    const origin = mergedOrigin(existing.origin, input.origin);
    this.statements.updateSource.run(input.name ?? existing.name, input.intervalMinutes, origin, input.url);
    return 'updated';
  }

  private recordItemNow(sourceUrl: string, itemId: string, item: port.SeenItem): void {
    this.statements.upsertItem.run({
      source_url: sourceUrl,
      item_id: itemId,
      content_hash: item.contentHash,
      story: item.story,
      now: this.clock.now().toISOString(),
    });
  }
}

function prepareStatements(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    insertSource: p(`INSERT INTO feed_sources (url, name, interval_minutes, origin, added_by, added_at)
      VALUES (@url, @name, @interval_minutes, @origin, @added_by, @added_at)`),
    updateSource: p('UPDATE feed_sources SET name = ?, interval_minutes = ?, origin = ? WHERE url = ?'),
    deleteSource: p('DELETE FROM feed_sources WHERE url = ?'),
    fileSourceUrls: p("SELECT url FROM feed_sources WHERE origin = 'file'"),
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
