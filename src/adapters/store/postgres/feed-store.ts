import type * as port from '../../../core/ports.js';
import { TITLE_CANDIDATES, toSource, toStory } from '../../../core/store/feeds.js';
import { fromPg, type PgPool, type PgQueryable, withTransaction } from './database.js';

// display-name order as SQLite's COLLATE NOCASE gives it: ASCII case folded, then byte order
const SOURCE_COLUMNS = `s.*, (SELECT count(*) FROM feed_items i WHERE i.source_url = s.url) AS item_count`;
const SOURCE_ORDER = `lower(coalesce(s.name, s.feed_title, s.url)) COLLATE "C", s.url COLLATE "C"`;
const STORY_COLUMNS = 'origin, article_id, title_key, shingles';

const UPSERT_SOURCE = `INSERT INTO feed_sources (url, name, interval_minutes, origin, added_by, added_at)
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (url) DO UPDATE SET
    name = coalesce(excluded.name, feed_sources.name),
    interval_minutes = excluded.interval_minutes,
    origin = CASE WHEN feed_sources.origin = 'file' OR excluded.origin = 'file' THEN 'file' ELSE 'chat' END
  RETURNING (xmax = 0) AS inserted`;

const UPSERT_ITEM = `INSERT INTO feed_items (source_url, item_id, content_hash, story, first_seen_at, last_seen_at)
  VALUES ($1, $2, $3, $4, $5, $5)
  ON CONFLICT (source_url, item_id) DO UPDATE SET content_hash = excluded.content_hash, story = excluded.story,
    last_seen_at = excluded.last_seen_at`;

const UPSERT_STORY = `INSERT INTO feed_stories (origin, article_id, title_key, shingles, created_at)
  VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (origin) DO UPDATE SET article_id = excluded.article_id, title_key = excluded.title_key,
    shingles = excluded.shingles`;

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
 * database. The pool must be migrated already. Same behaviour and shapes as SqliteFeedStore.
 */
export function createPgFeedStore(pool: PgPool, clock: port.Clock): port.FeedStore {
  const now = () => clock.now().toISOString();

  const upsertSource = async (db: PgQueryable, input: port.SourceInput): Promise<'added' | 'updated'> => {
    const { rows } = await db.query<{ inserted: boolean }>(UPSERT_SOURCE, [
      input.url,
      input.name,
      input.intervalMinutes,
      input.origin,
      input.addedBy ?? null,
      now(),
    ]);
    return rows[0]?.inserted ? 'added' : 'updated';
  };

  const recordItem = async (db: PgQueryable, sourceUrl: string, itemId: string, item: port.SeenItem) => {
    await db.query(UPSERT_ITEM, [sourceUrl, itemId, item.contentHash, item.story, now()]);
  };

  const stories = async (sql: string, params: unknown[]): Promise<port.FeedStory[]> =>
    (await pool.query(sql, params)).rows.map((row) => toStory(fromPg(row)));

  return {
    upsertSource: (input) => upsertSource(pool, input),

    applySourcesFile: (declared: readonly port.DeclaredSource[]) =>
      withTransaction(pool, async (client) => {
        const counts = { added: 0, updated: 0, removed: 0 };
        for (const source of declared) {
          const result = await upsertSource(client, {
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
      }),

    async removeSource(url) {
      const result = await pool.query('DELETE FROM feed_sources WHERE url = $1', [url]);
      return (result.rowCount ?? 0) > 0;
    },

    async source(url) {
      const { rows } = await pool.query(`SELECT ${SOURCE_COLUMNS} FROM feed_sources s WHERE s.url = $1`, [url]);
      return rows[0] ? toSource(fromPg(rows[0])) : null;
    },

    async sources() {
      const { rows } = await pool.query(`SELECT ${SOURCE_COLUMNS} FROM feed_sources s ORDER BY ${SOURCE_ORDER}`);
      return rows.map((row) => toSource(fromPg(row)));
    },

    async recordSuccess(url, poll) {
      const polledAt = now();
      await pool.query(
        `UPDATE feed_sources SET etag = $2, last_modified = $3, feed_title = coalesce($4, feed_title),
          baselined = true, last_polled_at = $5, last_success_at = $5, next_poll_at = $6, failure_count = 0,
          failure_reason = NULL, failing = false
         WHERE url = $1`,
        [url, poll.etag, poll.lastModified, poll.feedTitle, polledAt, poll.nextPollAt.toISOString()],
      );
    },

    async recordNotModified(url, nextPollAt) {
      await pool.query(
        `UPDATE feed_sources SET last_polled_at = $2, last_success_at = $2, next_poll_at = $3, failure_count = 0,
          failure_reason = NULL, failing = false
         WHERE url = $1`,
        [url, now(), nextPollAt.toISOString()],
      );
    },

    async recordFailure(url, failure): Promise<port.FailureResult> {
      const { rows } = await pool.query<{
        failure_count: number;
        failing: boolean;
        previous_reason: string | null;
        was_failing: boolean;
      }>(RECORD_FAILURE, [url, failure.reason, failure.failingAfter, now(), failure.nextPollAt.toISOString()]);
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
    },

    async scheduleSource(url, when) {
      await pool.query('UPDATE feed_sources SET next_poll_at = $2 WHERE url = $1', [url, when.toISOString()]);
    },

    async countPageFailure(url) {
      await pool.query('UPDATE feed_sources SET page_failures = page_failures + 1 WHERE url = $1', [url]);
    },

    async seenItem(sourceUrl, itemId) {
      const { rows } = await pool.query<{ content_hash: string; story: string | null }>(
        'SELECT content_hash, story FROM feed_items WHERE source_url = $1 AND item_id = $2',
        [sourceUrl, itemId],
      );
      const row = rows[0];
      return row ? { contentHash: row.content_hash, story: row.story } : null;
    },

    recordItem: (sourceUrl, itemId, item) => recordItem(pool, sourceUrl, itemId, item),

    recordStoredItem: (stored: port.StoredItem) =>
      withTransaction(pool, async (client) => {
        const createdAt = now();
        for (const story of stored.stories) {
          await client.query(UPSERT_STORY, [
            story.origin,
            story.articleId,
            story.titleKey,
            JSON.stringify(story.shingles),
            createdAt,
          ]);
        }
        await recordItem(client, stored.sourceUrl, stored.itemId, {
          contentHash: stored.contentHash,
          story: stored.story,
        });
      }),

    async touchItems(sourceUrl, itemIds) {
      if (itemIds.length === 0) return;
      await pool.query('UPDATE feed_items SET last_seen_at = $1 WHERE source_url = $2 AND item_id = ANY($3::text[])', [
        now(),
        sourceUrl,
        [...itemIds],
      ]);
    },

    async pruneItems(sourceUrl, before) {
      const result = await pool.query('DELETE FROM feed_items WHERE source_url = $1 AND last_seen_at < $2', [
        sourceUrl,
        before.toISOString(),
      ]);
      return result.rowCount ?? 0;
    },

    async story(origin) {
      return (await stories(`SELECT ${STORY_COLUMNS} FROM feed_stories WHERE origin = $1`, [origin]))[0] ?? null;
    },

    storiesByTitle: (titleKey, limit = TITLE_CANDIDATES) =>
      stories(`SELECT ${STORY_COLUMNS} FROM feed_stories WHERE title_key = $1 ORDER BY created_at DESC LIMIT $2`, [
        titleKey,
        limit,
      ]),

    storiesOfArticle: (articleId) =>
      stories(`SELECT ${STORY_COLUMNS} FROM feed_stories WHERE article_id = $1`, [articleId]),

    async sourcesOfArticle(articleId): Promise<port.ArticleSource[]> {
      const { rows } = await pool.query<port.ArticleSource>(
        `SELECT url, name FROM (
           SELECT DISTINCT s.url AS url, coalesce(s.name, s.feed_title, s.url) AS name
           FROM feed_stories st JOIN feed_items i ON i.story = st.origin JOIN feed_sources s ON s.url = i.source_url
           WHERE st.article_id = $1
         ) contributing
         ORDER BY lower(name) COLLATE "C", url COLLATE "C"`,
        [articleId],
      );
      return rows;
    },
  };
}
