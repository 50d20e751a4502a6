import type * as port from '../../../core/ports.js';
import { insertValues, type SubscriptionRow, toSubscription } from '../../../core/store/subscriptions.js';
import { heldParams, identityParams, SqlSubscriptionStore, SUBSCRIPTION_SQL } from '../sql-subscription-store.js';
import { type PgClient, type PgPool, pgRunner, withTransaction } from './database.js';

// a posted message is recorded whoever holds the claim now, and even if it was freed; a done slot keeps its record
const POSTED = `INSERT INTO digest_slots (subscription_id, slot, state, claimed_by, claimed_at, watermark_to, message_id)
  SELECT $1::bigint, $2::timestamptz, 'done', $3::text, $4::timestamptz, $5::bigint, $6::text
  WHERE EXISTS (SELECT 1 FROM subscriptions WHERE id = $1)
  ON CONFLICT (subscription_id, slot) DO UPDATE SET state = 'done', claimed_by = excluded.claimed_by,
    claimed_at = excluded.claimed_at, watermark_to = excluded.watermark_to, message_id = excluded.message_id
  WHERE digest_slots.state = 'claimed'`;
// never moves back: a process with a stale view may complete an older slot after a newer one
const SUCCESS = `UPDATE subscriptions SET last_success_at = GREATEST(last_success_at, $2), watermark = GREATEST(watermark, $3),
  failure_count = 0, failure_reason = NULL, retry_at = NULL WHERE id = $1`;

/**
 * Subscriptions and slot claims in PostgreSQL, for several bot processes on one database; the
 * transactions run on one pooled connection each.
 */
export function createPgSubscriptionStore(pool: PgPool): port.SubscriptionStore {
  return new PgSubscriptionStore(pool);
}

class PgSubscriptionStore extends SqlSubscriptionStore {
  constructor(private readonly pool: PgPool) {
    super(pgRunner(pool));
  }

  syncDeclared(declared: port.NewSubscription[], now: Date, watermark: number) {
    return withTransaction(this.pool, async (client) => {
      const keep: number[] = [];
      let added = 0;
      for (const sub of declared) {
        const result = await addOn(client, sub, now, watermark);
        keep.push(result.subscription.id);
        if (result.created) added++;
      }
      const removed = await client.query(
        "DELETE FROM subscriptions WHERE origin = 'file' AND NOT (id = ANY($1::bigint[]))",
        [keep],
      );
      return { added, removed: removed.rowCount ?? 0 };
    });
  }

  completeSlot(held: port.HeldSlot, messageId: string | null): Promise<boolean> {
    return withTransaction(this.pool, async (client) => {
      const tx = pgRunner(client);
      const recorded =
        messageId === null
          ? await tx.run(SUBSCRIPTION_SQL.emptyDone, heldParams(held))
          : await tx.run(POSTED, [...heldParams(held), held.watermarkTo, messageId]);
      if (recorded !== 1) return false;
      await tx.run(SUCCESS, [held.subscriptionId, held.slot, held.watermarkTo]);
      await tx.run(SUBSCRIPTION_SQL.prune, [held.subscriptionId]);
      return true;
    });
  }

  failSlot(held: port.HeldSlot, reason: string, retryAt: Date): Promise<boolean> {
    return withTransaction(this.pool, async (client) => {
      const tx = pgRunner(client);
      if ((await tx.run(SUBSCRIPTION_SQL.release, heldParams(held))) !== 1) return false;
      await tx.run(SUBSCRIPTION_SQL.failure, [held.subscriptionId, reason, retryAt.toISOString()]);
      return true;
    });
  }
}

/** Add a subscription inside a transaction, returning it (new or the equal one already there). */
async function addOn(
  client: PgClient,
  sub: port.NewSubscription,
  now: Date,
  watermark: number,
): Promise<{ subscription: port.Subscription; created: boolean }> {
  const inserted = await client.query<SubscriptionRow>(`${SUBSCRIPTION_SQL.insert} RETURNING *`, [
    ...insertValues(sub, now, watermark),
  ]);
  const created = inserted.rows[0];
  if (created) return { subscription: toSubscription(created), created: true };
  const existing = await client.query<SubscriptionRow>(SUBSCRIPTION_SQL.find, identityParams(sub));
  const row = existing.rows[0];
  // the conflicting row was deleted between the two statements: a retry inserts it
  if (!row) return addOn(client, sub, now, watermark);
  return { subscription: toSubscription(row), created: false };
}
