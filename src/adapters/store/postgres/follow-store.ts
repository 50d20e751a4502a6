import type * as port from '../../../core/ports.js';
import { FOLLOW_SQL, heldBatchParams, SqlFollowStore } from '../sql-follow-store.js';
import { type PgPool, pgRunner, withTransaction } from './database.js';

// never moves back: a process with a stale view may complete an older delivery after a newer one
const SUCCESS = `UPDATE follows SET watermark = GREATEST(watermark, $2), last_success_at = $3,
  last_posted_at = CASE WHEN $4 = 1 THEN $3 ELSE last_posted_at END,
  failure_count = 0, failure_reason = NULL, retry_at = NULL WHERE id = $1`;

/** Follows and delivery claims in PostgreSQL, for several bot processes on one database. */
export function createPgFollowStore(pool: PgPool): port.FollowStore {
  return new PgFollowStore(pool);
}

class PgFollowStore extends SqlFollowStore {
  constructor(private readonly pool: PgPool) {
    super(pgRunner(pool));
  }

  completeBatch(held: port.HeldBatch, messageId: string | null, now: Date): Promise<boolean> {
    return withTransaction(this.pool, async (client) => {
      const tx = pgRunner(client);
      // the follow row is locked, so it cannot be removed between the check and the insert
      const found = await tx.rows(`${FOLLOW_SQL.exists} FOR UPDATE`, [held.followId]);
      if (found.length === 0) return false;
      const recorded =
        messageId === null
          ? await tx.run(FOLLOW_SQL.emptyDone, heldBatchParams(held))
          : await tx.run(FOLLOW_SQL.posted, [...heldBatchParams(held), held.toSeq, messageId]);
      if (recorded !== 1) return false;
      await tx.run(SUCCESS, [held.followId, held.toSeq, now.toISOString(), messageId === null ? 0 : 1]);
      await tx.run(FOLLOW_SQL.prune, [held.followId]);
      return true;
    });
  }

  failBatch(held: port.HeldBatch, reason: string, retryAt: Date): Promise<boolean> {
    return withTransaction(this.pool, async (client) => {
      const tx = pgRunner(client);
      if ((await tx.run(FOLLOW_SQL.release, heldBatchParams(held))) !== 1) return false;
      await tx.run(FOLLOW_SQL.failure, [held.followId, reason, retryAt.toISOString()]);
      return true;
    });
  }
}
