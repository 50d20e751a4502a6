import type * as port from '../../core/ports.js';
import { type FollowRow, followValues, KEPT_DONE_DELIVERIES, toFollow } from '../../core/store/follows.js';
import type { SqlRunner } from './sql.js';

/** The follow store's statements, the same in both databases (each store runs its transactions its own way). */
export const FOLLOW_SQL = {
  insert: `INSERT INTO follows (platform, channel_id, workspace_id, kind, target, label, ping, created_by, created_at,
      watermark) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
    ON CONFLICT (platform, channel_id, kind, target) DO NOTHING`,
  find: 'SELECT * FROM follows WHERE platform = $1 AND channel_id = $2 AND kind = $3 AND target = $4',
  get: 'SELECT * FROM follows WHERE id = $1',
  remove: 'DELETE FROM follows WHERE id = $1',
  forChannel: 'SELECT * FROM follows WHERE platform = $1 AND channel_id = $2 ORDER BY id',
  all: 'SELECT * FROM follows ORDER BY id',
  // a new delivery is claimed; an existing one only when its claim is stale (the claimer died mid-post)
  claim: `INSERT INTO follow_deliveries (follow_id, from_seq, to_seq, state, claimed_by, claimed_at)
    VALUES ($1, $2, $3, 'claimed', $4, $5)
    ON CONFLICT (follow_id, from_seq) DO UPDATE SET claimed_by = excluded.claimed_by,
      claimed_at = excluded.claimed_at, to_seq = excluded.to_seq
    WHERE follow_deliveries.state = 'claimed' AND follow_deliveries.claimed_at < $6`,
  release: `DELETE FROM follow_deliveries WHERE follow_id = $1 AND from_seq = $2 AND state = 'claimed'
    AND claimed_by = $3 AND claimed_at = $4`,
  emptyDone: `UPDATE follow_deliveries SET state = 'done' WHERE follow_id = $1 AND from_seq = $2 AND state = 'claimed'
    AND claimed_by = $3 AND claimed_at = $4`,
  exists: 'SELECT 1 AS found FROM follows WHERE id = $1',
  // a posted message is recorded whoever holds the claim now, and even if it was freed; a done delivery keeps
  // its first record
  posted: `INSERT INTO follow_deliveries (follow_id, from_seq, claimed_by, claimed_at, to_seq, message_id, state)
    VALUES ($1, $2, $3, $4, $5, $6, 'done')
    ON CONFLICT (follow_id, from_seq) DO UPDATE SET state = 'done', claimed_by = excluded.claimed_by,
      claimed_at = excluded.claimed_at, to_seq = excluded.to_seq, message_id = excluded.message_id
    WHERE follow_deliveries.state = 'claimed'`,
  failure: 'UPDATE follows SET failure_count = failure_count + 1, failure_reason = $2, retry_at = $3 WHERE id = $1',
  prune: `DELETE FROM follow_deliveries WHERE follow_id = $1 AND state = 'done' AND from_seq < (
    SELECT min(from_seq) FROM (SELECT from_seq FROM follow_deliveries WHERE follow_id = $1 AND state = 'done'
    ORDER BY from_seq DESC LIMIT ${KEPT_DONE_DELIVERIES}) recent)`,
};

/** The parameters naming one claim: follow, delivery, owner, claim time. */
export function heldBatchParams(held: port.HeldBatch): unknown[] {
  return [held.followId, held.fromSeq, held.owner, held.claimedAt];
}

/**
 * Follows and delivery claims, written once for both databases, the way {@link SqlSubscriptionStore} does slots:
 * a claim is one atomic `INSERT ... ON CONFLICT DO UPDATE ... WHERE`. Each store adds the writes that take a
 * transaction.
 */
export abstract class SqlFollowStore implements port.FollowStore {
  protected constructor(private readonly sql: SqlRunner) {}

  abstract completeBatch(held: port.HeldBatch, messageId: string | null, now: Date): Promise<boolean>;
  abstract failBatch(held: port.HeldBatch, reason: string, retryAt: Date): Promise<boolean>;

  async add(follow: port.NewFollow, now: Date, watermark: number): Promise<{ follow: port.Follow; created: boolean }> {
    for (;;) {
      const created = (await this.sql.run(FOLLOW_SQL.insert, [...followValues(follow, now, watermark)])) === 1;
      const [row] = await this.sql.rows<FollowRow>(FOLLOW_SQL.find, [
        follow.platform,
        follow.channelId,
        follow.kind,
        follow.target,
      ]);
      // the conflicting row was deleted between the two statements: a retry inserts it
      if (row) return { follow: toFollow(row), created };
    }
  }

  async remove(id: number): Promise<boolean> {
    return (await this.sql.run(FOLLOW_SQL.remove, [id])) === 1;
  }

  async get(id: number): Promise<port.Follow | null> {
    const [row] = await this.sql.rows<FollowRow>(FOLLOW_SQL.get, [id]);
    return row ? toFollow(row) : null;
  }

  async forChannel(platform: string, channelId: string): Promise<port.Follow[]> {
    return (await this.sql.rows<FollowRow>(FOLLOW_SQL.forChannel, [platform, channelId])).map(toFollow);
  }

  async all(): Promise<port.Follow[]> {
    return (await this.sql.rows<FollowRow>(FOLLOW_SQL.all)).map(toFollow);
  }

  async claimBatch(
    batch: port.FollowBatch,
    owner: string,
    now: Date,
    staleBefore: Date,
  ): Promise<port.HeldBatch | null> {
    const claimedAt = now.toISOString();
    const changed = await this.sql.run(FOLLOW_SQL.claim, [
      batch.followId,
      batch.fromSeq,
      batch.toSeq,
      owner,
      claimedAt,
      staleBefore.toISOString(),
    ]);
    return changed === 1 ? { ...batch, owner, claimedAt } : null;
  }

  async releaseBatch(held: port.HeldBatch): Promise<boolean> {
    return (await this.sql.run(FOLLOW_SQL.release, heldBatchParams(held))) === 1;
  }
}
