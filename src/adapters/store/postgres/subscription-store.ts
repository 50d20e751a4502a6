import type { HeldSlot, NewSubscription, Subscription, SubscriptionStore } from '../../../core/ports.js';
import * as shared from '../../../core/store/subscriptions.js';
import { type PgPool, type PgQueryable, withTransaction } from './database.js';

type Row = shared.SubscriptionRow;

async function addSubscription(
  db: PgQueryable,
  sub: NewSubscription,
  now: Date,
  watermark: number,
): Promise<{ subscription: Subscription; created: boolean }> {
  const filter = shared.filterKey(sub.filter);
  const inserted = await db.query<Row>(
    `INSERT INTO subscriptions (platform, channel_id, workspace_id, schedule, cron, timezone, filter, origin,
       created_by, created_at, watermark) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (platform, channel_id, cron, timezone, filter) DO NOTHING RETURNING *`,
    [...shared.insertValues(sub, now, watermark)],
  );
  const created = inserted.rows[0];
  if (created) return { subscription: shared.toSubscription(created), created: true };
  const existing = await db.query<Row>(
    'SELECT * FROM subscriptions WHERE platform = $1 AND channel_id = $2 AND cron = $3 AND timezone = $4 AND filter = $5',
    [sub.platform, sub.channelId, sub.cron, sub.timezone, filter],
  );
  const row = existing.rows[0];
  // the conflicting row was deleted between the two statements: a retry inserts it
  if (!row) return addSubscription(db, sub, now, watermark);
  return { subscription: shared.toSubscription(row), created: false };
}

/** Delete `held`'s claim if it is still the one on the slot (not taken over, not done); whether it was. */
async function releaseHeld(db: PgQueryable, held: HeldSlot): Promise<boolean> {
  const result = await db.query(
    `DELETE FROM digest_slots WHERE subscription_id = $1 AND slot = $2 AND state = 'claimed'
       AND claimed_by = $3 AND claimed_at = $4`,
    [held.subscriptionId, held.slot, held.owner, held.claimedAt],
  );
  return result.rowCount === 1;
}

/**
 * Mark `held`'s slot done; whether this call did. A posted message is recorded whoever holds the claim now,
 * and even if the claim was freed meanwhile; a slot already done keeps its record. Nothing posted: only the
 * holder may close the slot.
 */
async function markDone(db: PgQueryable, held: HeldSlot, messageId: string | null): Promise<boolean> {
  const { subscriptionId, slot, owner, claimedAt, watermarkTo } = held;
  const result =
    messageId === null
      ? await db.query(
          `UPDATE digest_slots SET state = 'done' WHERE subscription_id = $1 AND slot = $2 AND state = 'claimed'
             AND claimed_by = $3 AND claimed_at = $4`,
          [subscriptionId, slot, owner, claimedAt],
        )
      : await db.query(
          `INSERT INTO digest_slots (subscription_id, slot, state, claimed_by, claimed_at, watermark_to, message_id)
           SELECT $1::bigint, $2::timestamptz, 'done', $3::text, $4::timestamptz, $5::bigint, $6::text
           WHERE EXISTS (SELECT 1 FROM subscriptions WHERE id = $1)
           ON CONFLICT (subscription_id, slot) DO UPDATE SET state = 'done', claimed_by = excluded.claimed_by,
             claimed_at = excluded.claimed_at, watermark_to = excluded.watermark_to, message_id = excluded.message_id
           WHERE digest_slots.state = 'claimed'`,
          [subscriptionId, slot, owner, claimedAt, watermarkTo, messageId],
        );
  return result.rowCount === 1;
}

/**
 * Subscriptions and slot claims in PostgreSQL, for several bot processes on one database. A slot is
 * claimed with one `INSERT ... ON CONFLICT DO UPDATE ... WHERE` (atomic in PostgreSQL): of several
 * processes claiming the same (subscription, slot), exactly one gets it, and a claim left by a process
 * that died is taken over by exactly one other once it is older than `staleBefore`.
 */
export function createPgSubscriptionStore(pool: PgPool): SubscriptionStore {
  const select = async (sql: string, params: unknown[] = []): Promise<Subscription[]> =>
    (await pool.query<Row>(sql, params)).rows.map(shared.toSubscription);

  return {
    add: (sub, now, watermark) => addSubscription(pool, sub, now, watermark),

    async remove(id) {
      return (await pool.query('DELETE FROM subscriptions WHERE id = $1', [id])).rowCount === 1;
    },

    async get(id) {
      return (await select('SELECT * FROM subscriptions WHERE id = $1', [id]))[0] ?? null;
    },

    forChannel: (platform, channelId) =>
      select('SELECT * FROM subscriptions WHERE platform = $1 AND channel_id = $2 ORDER BY id', [platform, channelId]),

    all: () => select('SELECT * FROM subscriptions ORDER BY id'),

    syncDeclared: (declared, now, watermark) =>
      withTransaction(pool, async (client) => {
        const keep: number[] = [];
        let added = 0;
        for (const sub of declared) {
          const result = await addSubscription(client, sub, now, watermark);
          keep.push(result.subscription.id);
          if (result.created) added++;
        }
        const removed = await client.query(
          "DELETE FROM subscriptions WHERE origin = 'file' AND NOT (id = ANY($1::bigint[]))",
          [keep],
        );
        return { added, removed: removed.rowCount ?? 0 };
      }),

    async claimSlot(claim, owner, now, staleBefore) {
      const result = await pool.query(
        `INSERT INTO digest_slots (subscription_id, slot, state, claimed_by, claimed_at, watermark_to)
         VALUES ($1, $2, 'claimed', $3, $4, $5)
         ON CONFLICT (subscription_id, slot) DO UPDATE SET claimed_by = excluded.claimed_by,
           claimed_at = excluded.claimed_at, watermark_to = excluded.watermark_to
         WHERE digest_slots.state = 'claimed' AND digest_slots.claimed_at < $6`,
        [claim.subscriptionId, claim.slot, owner, now.toISOString(), claim.watermarkTo, staleBefore.toISOString()],
      );
      return result.rowCount === 1 ? { ...claim, owner, claimedAt: now.toISOString() } : null;
    },

    completeSlot: (held, messageId) =>
      withTransaction(pool, async (client) => {
        if (!(await markDone(client, held, messageId))) return false;
        await client.query(
          `UPDATE subscriptions SET last_success_at = GREATEST(last_success_at, $1), watermark = GREATEST(watermark, $2), failure_count = 0,
             failure_reason = NULL, retry_at = NULL WHERE id = $3`,
          [held.slot, held.watermarkTo, held.subscriptionId],
        );
        await client.query(
          `DELETE FROM digest_slots WHERE subscription_id = $1 AND state = 'done' AND slot < (
             SELECT min(slot) FROM (SELECT slot FROM digest_slots WHERE subscription_id = $1 AND state = 'done'
             ORDER BY slot DESC LIMIT ${shared.KEPT_DONE_SLOTS}) AS recent)`,
          [held.subscriptionId],
        );
        return true;
      }),

    failSlot: (held, reason, retryAt) =>
      withTransaction(pool, async (client) => {
        if (!(await releaseHeld(client, held))) return false;
        await client.query(
          `UPDATE subscriptions SET failure_count = failure_count + 1, failure_reason = $1, retry_at = $2
           WHERE id = $3`,
          [reason, retryAt.toISOString(), held.subscriptionId],
        );
        return true;
      }),

    releaseSlot: (held) => releaseHeld(pool, held),

    async isDone(subscriptionId, slot) {
      const result = await pool.query<{ state: string }>(
        'SELECT state FROM digest_slots WHERE subscription_id = $1 AND slot = $2',
        [subscriptionId, slot],
      );
      return result.rows[0]?.state === 'done';
    },
  };
}
