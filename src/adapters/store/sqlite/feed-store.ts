import type Database from 'better-sqlite3';
import type * as port from '../../../core/ports.js';
import { mergedOrigin, type SourceRow, toSource } from '../../../core/store/feeds.js';
import { type FeedDialect, itemParams, SqlFeedStore, sourceParams, storyParams } from '../sql-feed-store.js';
import { type SqliteRunner, sqliteRunner } from './database.js';

const SQLITE_FEEDS: FeedDialect = {
  sourceOrder: 'coalesce(s.name, s.feed_title, s.url) COLLATE NOCASE, s.url',
  contributorOrder: 'name COLLATE NOCASE, url',
  itemInList: 'item_id IN (SELECT value FROM json_each($3))',
};

const INSERT_SOURCE = `INSERT INTO feed_sources (url, name, interval_minutes, origin, added_by, added_at)
  VALUES ($1, $2, $3, $4, $5, $6)`;
const UPDATE_SOURCE = 'UPDATE feed_sources SET name = $2, interval_minutes = $3, origin = $4 WHERE url = $1';
const FILE_SOURCE_URLS = "SELECT url FROM feed_sources WHERE origin = 'file'";
const RECORD_FAILURE = `UPDATE feed_sources SET failure_count = $2, failure_reason = $3, failing = $4,
  last_polled_at = $5, next_poll_at = $6 WHERE url = $1`;

/**
 * The feed store in the SQLite article database (tables from the third migration). Open it on the
 * database of an opened SqliteArticleStore so migrations have run. Compound writes are synchronous
 * transactions; the rest is shared with PostgreSQL in SqlFeedStore.
 */
export class SqliteFeedStore extends SqlFeedStore {
  private readonly db: Database.Database;
  private readonly sqlite: SqliteRunner;

  constructor(db: Database.Database, clock: port.Clock) {
    const sqlite = sqliteRunner(db);
    super(sqlite, SQLITE_FEEDS, clock);
    this.db = db;
    this.sqlite = sqlite;
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
      for (const { url } of this.sqlite.rowsNow<{ url: string }>(FILE_SOURCE_URLS)) {
        if (!wanted.has(url)) counts.removed += this.sqlite.runNow(this.queries.deleteSource, [url]);
      }
      return counts;
    })();
  }

  async recordFailure(
    url: string,
    failure: { reason: string; nextPollAt: Date; failingAfter: number },
  ): Promise<port.FailureResult> {
    return this.db.transaction(() => {
      const before = this.sourceNow(url);
      const failureCount = (before?.failureCount ?? 0) + 1;
      const failing = failureCount >= failure.failingAfter;
      this.sqlite.runNow(RECORD_FAILURE, [
        url,
        failureCount,
        failure.reason,
        failing ? 1 : 0,
        this.now(),
        failure.nextPollAt.toISOString(),
      ]);
      return {
        failureCount,
        failing,
        newReason: before?.failureReason !== failure.reason,
        becameFailing: failing && !before?.failing,
      };
    })();
  }

  async recordStoredItem(stored: port.StoredItem): Promise<void> {
    this.db.transaction(() => {
      const now = this.now();
      for (const story of stored.stories) this.sqlite.runNow(this.queries.upsertStory, storyParams(story, now));
      const item = { contentHash: stored.contentHash, story: stored.story };
      this.sqlite.runNow(this.queries.upsertItem, itemParams(stored.sourceUrl, stored.itemId, item, now));
    })();
  }

  private sourceNow(url: string): port.FeedSourceRecord | null {
    const [row] = this.sqlite.rowsNow<SourceRow>(this.queries.source, [url]);
    return row ? toSource(row) : null;
  }

  private upsertSourceNow(input: port.SourceInput): 'added' | 'updated' {
    const existing = this.sourceNow(input.url);
    if (!existing) {
      this.sqlite.runNow(INSERT_SOURCE, sourceParams(input, this.now()));
      return 'added';
    }
    const origin = mergedOrigin(existing.origin, input.origin);
    this.sqlite.runNow(UPDATE_SOURCE, [input.url, input.name ?? existing.name, input.intervalMinutes, origin]);
    return 'updated';
  }
}
