import type * as port from '../../core/ports.js';
import {
  filterKey,
  insertValues,
  KEPT_DONE_SLOTS,
  type SubscriptionRow,
  toSubscription,
} from '../../core/store/subscriptions.js';
import type { SqlRunner } from './sql.js';

/** The subscription store's statements both databases share. */
export const SUBSCRIPTION_SQL = {
  insert: `INSERT INTO subscriptions (platform, channel_id, workspace_id, schedule, cron, timezone, filter, origin,
      created_by, created_at, watermark) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
    ON CONFLICT (platform, channel_id, cron, timezone, filter) DO NOTHING`,
  find: `SELECT * FROM subscriptions
    WHERE platform = $1 AND channel_id = $2 AND cron = $3 AND timezone = $4 AND filter = $5`,
  get: 'SELECT * FROM subscriptions WHERE id = $1',
  remove: 'DELETE FROM subscriptions WHERE id = $1',
  forChannel: 'SELECT * FROM subscriptions WHERE platform = $1 AND channel_id = $2 ORDER BY id',
  all: 'SELECT * FROM subscriptions ORDER BY id',
  slotState: 'SELECT state FROM digest_slots WHERE subscription_id = $1 AND slot = $2',
  // a new slot is claimed; an existing one only when its claim is stale (the claimer died mid-digest)
  claim: `INSERT INTO digest_slots (subscription_id, slot, state, claimed_by, claimed_at, watermark_to)
    VALUES ($1, $2, 'claimed', $3, $4, $5)
    ON CONFLICT (subscription_id, slot) DO UPDATE SET claimed_by = excluded.claimed_by,
      claimed_at = excluded.claimed_at, watermark_to = excluded.watermark_to
    WHERE digest_slots.state = 'claimed' AND digest_slots.claimed_at < $6`,
  // only the claim that is still on the slot (not taken over, not done) is freed
  release: `DELETE FROM digest_slots WHERE subscription_id = $1 AND slot = $2 AND state = 'claimed'
    AND claimed_by = $3 AND claimed_at = $4`,
  // nothing was posted: only the holder may close the slot
  emptyDone: `UPDATE digest_slots SET state = 'done' WHERE subscription_id = $1 AND slot = $2 AND state = 'claimed'
    AND claimed_by = $3 AND claimed_at = $4`,
  failure:
    'UPDATE subscriptions SET failure_count = failure_count + 1, failure_reason = $2, retry_at = $3 WHERE id = $1',
  prune: `DELETE FROM digest_slots WHERE subscription_id = $1 AND state = 'done' AND slot < (
    SELECT min(slot) FROM (SELECT slot FROM digest_slots WHERE subscription_id = $1 AND state = 'done'
    ORDER BY slot DESC LIMIT ${KEPT_DONE_SLOTS}) recent)`,
};

/** The parameters of {@link SUBSCRIPTION_SQL.release} and {@link SUBSCRIPTION_SQL.emptyDone}: which claim. */
export function heldParams(held: port.HeldSlot): unknown[] {
  return [held.subscriptionId, held.slot, held.owner, held.claimedAt];
}

/** The parameters of {@link SUBSCRIPTION_SQL.find}: the unique columns of a subscription. */
export function identityParams(sub: port.NewSubscription): unknown[] {
  return [sub.platform, sub.channelId, sub.cron, sub.timezone, filterKey(sub.filter)];
}

/**
 * Subscriptions and slot claims, written once for both databases. A claim is one `INSERT ... ON CONFLICT
 * DO UPDATE ... WHERE` (atomic in both): of several processes claiming one (subscription, slot), exactly
 * one gets it, and a claim left by a process that died is taken over by exactly one other once it is
 * older than `staleBefore`. Each store adds the three writes that take a transaction.
 */
export abstract class SqlSubscriptionStore implements port.SubscriptionStore {
  protected constructor(private readonly sql: SqlRunner) {}

  abstract syncDeclared(
    declared: port.NewSubscription[],
    now: Date,
    watermark: number,
  ): Promise<{ added: number; removed: number }>;
  abstract completeSlot(held: port.HeldSlot, messageId: string | null): Promise<boolean>;
  abstract failSlot(held: port.HeldSlot, reason: string, retryAt: Date): Promise<boolean>;

  async add(
    sub: port.NewSubscription,
    now: Date,
    watermark: number,
  ): Promise<{ subscription: port.Subscription; created: boolean }> {
    for (;;) {
      const created = (await this.sql.run(SUBSCRIPTION_SQL.insert, [...insertValues(sub, now, watermark)])) === 1;
      const [row] = await this.sql.rows<SubscriptionRow>(SUBSCRIPTION_SQL.find, identityParams(sub));
      // the conflicting row was deleted between the two statements: a retry inserts it
      if (row) return { subscription: toSubscription(row), created };
    }
  }

  async remove(id: number): Promise<boolean> {
    return (await this.sql.run(SUBSCRIPTION_SQL.remove, [id])) === 1;
  }

  async get(id: number): Promise<port.Subscription | null> {
    const [row] = await this.sql.rows<SubscriptionRow>(SUBSCRIPTION_SQL.get, [id]);
    return row ? toSubscription(row) : null;
  }

  async forChannel(platform: string, channelId: string): Promise<port.Subscription[]> {
    return (await this.sql.rows<SubscriptionRow>(SUBSCRIPTION_SQL.forChannel, [platform, channelId])).map(
      toSubscription,
    );
  }

  async all(): Promise<port.Subscription[]> {
    return (await this.sql.rows<SubscriptionRow>(SUBSCRIPTION_SQL.all)).map(toSubscription);
  }

  async claimSlot(claim: port.SlotClaim, owner: string, now: Date, staleBefore: Date): Promise<port.HeldSlot | null> {
    const claimedAt = now.toISOString();
    const changed = await this.sql.run(SUBSCRIPTION_SQL.claim, [
      claim.subscriptionId,
      claim.slot,
      owner,
      claimedAt,
      claim.watermarkTo,
      staleBefore.toISOString(),
    ]);
    return changed === 1 ? { ...claim, owner, claimedAt } : null;
  }

  async releaseSlot(held: port.HeldSlot): Promise<boolean> {
    return (await this.sql.run(SUBSCRIPTION_SQL.release, heldParams(held))) === 1;
  }

  async isDone(subscriptionId: number, slot: string): Promise<boolean> {
    const [row] = await this.sql.rows<{ state: string }>(SUBSCRIPTION_SQL.slotState, [subscriptionId, slot]);
    return row?.state === 'done';
  }
}
