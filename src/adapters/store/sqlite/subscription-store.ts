import type Database from 'better-sqlite3';
import type { HeldSlot, NewSubscription, SubscriptionStore } from '../../../core/ports.js';
import * as shared from '../../../core/store/subscriptions.js';

type Row = shared.SubscriptionRow;

/**
 * The SQLite implementation, sharing the article store's database (tables from migrations 2 and 3).
 * Claims are single statements or IMMEDIATE transactions, so they are atomic across processes on one file.
 */
export function createSqliteSubscriptionStore(db: Database.Database): SubscriptionStore {
  const p = (sql: string) => db.prepare(sql);
  const s = {
    insert: p(`INSERT INTO subscriptions (platform, channel_id, workspace_id, schedule, cron, timezone, filter, origin,
      created_by, created_at, watermark) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (platform, channel_id, cron, timezone, filter) DO NOTHING`),
    find: p(
      'SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ? AND cron = ? AND timezone = ? AND filter = ?',
    ),
    get: p('SELECT * FROM subscriptions WHERE id = ?'),
    remove: p('DELETE FROM subscriptions WHERE id = ?'),
    forChannel: p('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ? ORDER BY id'),
    all: p('SELECT * FROM subscriptions ORDER BY id'),
    declared: p("SELECT * FROM subscriptions WHERE origin = 'file'"),
    slot: p('SELECT state FROM digest_slots WHERE subscription_id = ? AND slot = ?'),
    // a new slot is claimed; an existing one only when its claim is stale (the claimer died mid-digest)
    claim: p(`INSERT INTO digest_slots (subscription_id, slot, state, claimed_by, claimed_at, watermark_to)
      VALUES (?, ?, 'claimed', ?, ?, ?)
      ON CONFLICT (subscription_id, slot) DO UPDATE SET claimed_by = excluded.claimed_by,
        claimed_at = excluded.claimed_at, watermark_to = excluded.watermark_to
      WHERE digest_slots.state = 'claimed' AND digest_slots.claimed_at < ?`),
    // a posted message is recorded whoever holds the claim now, and even if it was freed; a done slot keeps its record
    posted: p(`INSERT INTO digest_slots (subscription_id, slot, state, claimed_by, claimed_at, watermark_to, message_id)
      SELECT ?, ?, 'done', ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM subscriptions WHERE id = ?)
      ON CONFLICT (subscription_id, slot) DO UPDATE SET state = 'done', claimed_by = excluded.claimed_by,
        claimed_at = excluded.claimed_at, watermark_to = excluded.watermark_to, message_id = excluded.message_id
      WHERE digest_slots.state = 'claimed'`),
    // nothing was posted: only the holder may close the slot
    emptyDone: p(`UPDATE digest_slots SET state = 'done' WHERE subscription_id = ? AND slot = ? AND state = 'claimed'
      AND claimed_by = ? AND claimed_at = ?`),
    // never moves back: a process with a stale view may complete an older slot after a newer one
    success: p(`UPDATE subscriptions SET last_success_at = max(coalesce(last_success_at, ?), ?),
      watermark = max(watermark, ?), failure_count = 0, failure_reason = NULL, retry_at = NULL WHERE id = ?`),
    release: p(`DELETE FROM digest_slots WHERE subscription_id = ? AND slot = ? AND state = 'claimed'
      AND claimed_by = ? AND claimed_at = ?`),
    failure: p(`UPDATE subscriptions SET failure_count = failure_count + 1, failure_reason = ?, retry_at = ?
      WHERE id = ?`),
    prune: p(`DELETE FROM digest_slots WHERE subscription_id = ? AND state = 'done' AND slot < (
      SELECT min(slot) FROM (SELECT slot FROM digest_slots WHERE subscription_id = ? AND state = 'done'
      ORDER BY slot DESC LIMIT ${shared.KEPT_DONE_SLOTS}))`),
  };

  const add = (sub: NewSubscription, now: Date, watermark: number) => {
    const filter = shared.filterKey(sub.filter);
    const result = s.insert.run(...shared.insertValues(sub, now, watermark));
    const row = s.find.get(sub.platform, sub.channelId, sub.cron, sub.timezone, filter) as Row;
    return { subscription: shared.toSubscription(row), created: result.changes === 1 };
  };

  const syncDeclared = db.transaction((declared: NewSubscription[], now: Date, watermark: number) => {
    const keep = new Set<number>();
    let added = 0;
    for (const sub of declared) {
      const result = add(sub, now, watermark);
      keep.add(result.subscription.id);
      if (result.created) added++;
    }
    let removed = 0;
    for (const row of s.declared.all() as Row[]) {
      if (!keep.has(row.id)) removed += s.remove.run(row.id).changes;
    }
    return { added, removed };
  });

  const release = (held: HeldSlot): boolean =>
    s.release.run(held.subscriptionId, held.slot, held.owner, held.claimedAt).changes === 1;

  const completeSlot = db.transaction((held: HeldSlot, messageId: string | null): boolean => {
    const { subscriptionId, slot, owner, claimedAt, watermarkTo } = held;
    const recorded =
      messageId === null
        ? s.emptyDone.run(subscriptionId, slot, owner, claimedAt)
        : s.posted.run(subscriptionId, slot, owner, claimedAt, watermarkTo, messageId, subscriptionId);
    if (recorded.changes !== 1) return false;
    s.success.run(slot, slot, watermarkTo, subscriptionId);
    s.prune.run(subscriptionId, subscriptionId);
    return true;
  });

  const failSlot = db.transaction((held: HeldSlot, reason: string, retryAt: Date): boolean => {
    if (!release(held)) return false;
    s.failure.run(reason, retryAt.toISOString(), held.subscriptionId);
    return true;
  });

  // async functions, so a SQLite error surfaces as a rejected promise like on PostgreSQL
  return {
    add: async (sub, now, watermark) => add(sub, now, watermark),
    remove: async (id) => s.remove.run(id).changes === 1,
    get: async (id) => {
      const row = s.get.get(id) as Row | undefined;
      return row ? shared.toSubscription(row) : null;
    },
    forChannel: async (platform, channelId) =>
      (s.forChannel.all(platform, channelId) as Row[]).map(shared.toSubscription),
    all: async () => (s.all.all() as Row[]).map(shared.toSubscription),
    syncDeclared: async (declared, now, watermark) => syncDeclared.immediate(declared, now, watermark),
    claimSlot: async (claim, owner, now, staleBefore) => {
      const claimedAt = now.toISOString();
      const result = s.claim.run(
        claim.subscriptionId,
        claim.slot,
        owner,
        claimedAt,
        claim.watermarkTo,
        staleBefore.toISOString(),
      );
      return result.changes === 1 ? { ...claim, owner, claimedAt } : null;
    },
    completeSlot: async (held, messageId) => completeSlot.immediate(held, messageId),
    failSlot: async (held, reason, retryAt) => failSlot.immediate(held, reason, retryAt),
    releaseSlot: async (held) => release(held),
    isDone: async (subscriptionId, slot) => {
      const row = s.slot.get(subscriptionId, slot) as { state: string } | undefined;
      return row?.state === 'done';
    },
  };
}
