import type * as port from '../../../core/ports.js';
import { type FeedDialect, itemParams, SqlFeedStore, sourceParams, storyParams } from '../sql-feed-store.js';
import { type PgPool, type PgQueryable, pgRunner, withTransaction } from './database.js';

// display-name order as SQLite's COLLATE NOCASE gives it: ASCII case folded, then byte order
const PG_FEEDS: FeedDialect = {
  sourceOrder: 'lower(coalesce(s.name, s.feed_title, s.url)) COLLATE "C", s.url COLLATE "C"',
  contributorOrder: 'lower(name) COLLATE "C", url COLLATE "C"',
  itemInList: 'item_id = ANY($3::text[])',
};

const UPSERT_SOURCE = `INSERT INTO feed_sources (url, name, interval_minutes, origin, added_by, added_at)
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (url) DO UPDATE SET
    name = coalesce(excluded.name, feed_sources.name),
    interval_minutes = excluded.interval_minutes,
    origin = CASE WHEN feed_sources.origin = 'file' OR excluded.origin = 'file' THEN 'file' ELSE 'chat' END
  RETURNING (xmax = 0) AS inserted`;

// the row is locked while read, so two processes counting the same source's failures at once add up
const RECORD_FAILURE = `WITH before AS (
    SELECT url, failure_count, failure_reason, failing FROM feed_sources WHERE url = $1 FOR UPDATE
  )
  UPDATE feed_sources s SET failure_count = before.failure_count + 1, failure_reason = $2,
    failing = before.failure_count + 1 >= $3, last_polled_at = $4, next_poll_at = $5
  FROM before WHERE s.url = before.url
  RETURNING s.failure_count, s.failing, before.failure_reason AS previous_reason, before.failing AS was_failing`;

/**
 * The feed store on PostgreSQL (tables from FEED_TABLES), for several processes sharing one
 * database. The pool must be migrated already. Compound writes are single statements or
 * transactions on one connection; the rest is shared with SQLite in SqlFeedStore.
 */
export function createPgFeedStore(pool: PgPool, clock: port.Clock): port.FeedStore {
  return new PgFeedStore(pool, clock);
}

class PgFeedStore extends SqlFeedStore {
  constructor(
    private readonly pool: PgPool,
    clock: port.Clock,
  ) {
    super(pgRunner(pool), PG_FEEDS, clock);
  }

  upsertSource(input: port.SourceInput): Promise<'added' | 'updated'> {
    return this.upsertSourceOn(this.pool, input);
  }

  applySourcesFile(
    declared: readonly port.DeclaredSource[],
  ): Promise<{ added: number; updated: number; removed: number }> {
    return withTransaction(this.pool, async (client) => {
      const counts = { added: 0, updated: 0, removed: 0 };
      for (const source of declared) {
        const result = await this.upsertSourceOn(client, {
          url: source.url,
          name: source.name ?? null,
          intervalMinutes: source.intervalMinutes,
          origin: 'file',
        });
        counts[result]++;
      }
      const removed = await client.query(
        `DELETE FROM feed_sources WHERE origin = 'file' AND NOT (url = ANY($1::text[]))`,
        [declared.map((source) => source.url)],
      );
      counts.removed = removed.rowCount ?? 0;
      return counts;
    });
  }

  async recordFailure(
    url: string,
    failure: { reason: string; nextPollAt: Date; failingAfter: number },
  ): Promise<port.FailureResult> {
    const { rows } = await this.pool.query<{
      failure_count: number;
      failing: boolean;
      previous_reason: string | null;
      was_failing: boolean;
    }>(RECORD_FAILURE, [url, failure.reason, failure.failingAfter, this.now(), failure.nextPollAt.toISOString()]);
    const row = rows[0];
    // a source removed meanwhile: nothing was counted; report it as a first failure, as SQLite does
    if (!row) {
      const failing = 1 >= failure.failingAfter;
      return { failureCount: 1, failing, newReason: true, becameFailing: failing };
    }
    return {
      failureCount: row.failure_count,
      failing: row.failing,
      newReason: row.previous_reason !== failure.reason,
      becameFailing: row.failing && !row.was_failing,
    };
  }

  recordStoredItem(stored: port.StoredItem): Promise<void> {
    return withTransaction(this.pool, async (client) => {
      const tx = pgRunner(client);
      const now = this.now();
      for (const story of stored.stories) await tx.run(this.queries.upsertStory, storyParams(story, now));
      const item = { contentHash: stored.contentHash, story: stored.story };
      await tx.run(this.queries.upsertItem, itemParams(stored.sourceUrl, stored.itemId, item, now));
    });
  }

  private async upsertSourceOn(db: PgQueryable, input: port.SourceInput): Promise<'added' | 'updated'> {
    const { rows } = await db.query<{ inserted: boolean }>(UPSERT_SOURCE, sourceParams(input, this.now()));
    return rows[0]?.inserted ? 'added' : 'updated';
  }
}
