import type Database from 'better-sqlite3';
import type { DigestFilter } from './schedule.js';

/** A channel's digest subscription with its delivery state. */
export interface Subscription {
  id: number;
  platform: 'discord' | 'slack';
  channelId: string;
  /** the Slack workspace (team id) the channel belongs to, where the deployment serves several; else null */
  workspaceId: string | null;
  schedule: string;
  cron: string;
  timezone: string;
  filter: DigestFilter;
  origin: 'chat' | 'file';
  createdBy: string | null;
  createdAt: string;
  lastSuccessAt: string | null;
  /** the newest article seq the last digest covered */
  watermark: number;
  failureCount: number;
  failureReason: string | null;
  retryAt: string | null;
}

export type NewSubscription = Pick<
  Subscription,
  'platform' | 'channelId' | 'workspaceId' | 'schedule' | 'cron' | 'timezone' | 'filter' | 'origin' | 'createdBy'
>;

/** A slot to claim: the subscription, the slot's scheduled time (ISO 8601) and the newest article seq it covers. */
export interface SlotClaim {
  subscriptionId: number;
  slot: string;
  watermarkTo: number;
}

/**
 * A claim this process holds: the slot plus who claimed it and when. Owner and time together name this
 * one claim, so a later takeover of the same slot (even by the same owner) is a different claim.
 */
export interface HeldSlot extends SlotClaim {
  owner: string;
  /** when the claim was taken (ISO 8601) */
  claimedAt: string;
}

/**
 * Persistence for subscriptions and slot claims. Claims are atomic so one slot is posted once across processes.
 *
 * Ownership: a claim older than the lease is taken over by another process, while its first holder may still be
 * running. So every call that ends a claim says which claim it ends (a {@link HeldSlot}) and reports whether it
 * took effect:
 * - `releaseSlot` and `failSlot` act only while the slot is still claimed by that very claim; otherwise they
 *   change nothing (a late holder never frees the claim that took over, which would let a third process post).
 * - `completeSlot` with a message id records the slot done even when the claim was taken over or freed meanwhile:
 *   the message exists, and recording it keeps anyone from posting again. A slot already done keeps its first
 *   record (message, watermark and subscription state untouched). Without a message (nothing was posted) it
 *   acts only for the holder, since the process that took over decides afresh.
 */
export interface SubscriptionStore {
  add(sub: NewSubscription, now: Date, watermark: number): Promise<{ subscription: Subscription; created: boolean }>;
  remove(id: number): Promise<boolean>;
  get(id: number): Promise<Subscription | null>;
  forChannel(platform: string, channelId: string): Promise<Subscription[]>;
  all(): Promise<Subscription[]>;
  /** Replace the subscriptions declared in digests.json with `declared`; chat ones are untouched. */
  syncDeclared(declared: NewSubscription[], now: Date, watermark: number): Promise<{ added: number; removed: number }>;
  /**
   * Claim (subscription, slot) for posting. Returns null when it is done or another live claim holds it;
   * a claim older than `staleBefore` (a process that died or stalled mid-digest) is taken over. Atomic
   * across every process on the database.
   */
  claimSlot(claim: SlotClaim, owner: string, now: Date, staleBefore: Date): Promise<HeldSlot | null>;
  /**
   * The slot was delivered (`messageId`) or had nothing to deliver (null): record it done and move the
   * subscription's watermark and last success. True when this call recorded it; false when the slot was
   * already done, the subscription is gone, or (without a message) the claim is no longer held.
   */
  completeSlot(held: HeldSlot, messageId: string | null): Promise<boolean>;
  /** Delivery failed: free the slot for a later retry and record why. False (nothing changed) unless still held. */
  failSlot(held: HeldSlot, reason: string, retryAt: Date): Promise<boolean>;
  /** Free a claim without counting a failure (graceful shutdown before posting). False unless still held. */
  releaseSlot(held: HeldSlot): Promise<boolean>;
  /** Whether (subscription, slot) was already delivered. */
  isDone(subscriptionId: number, slot: string): Promise<boolean>;
}

/** A subscriptions row as either database returns it: SQLite gives ISO text, PostgreSQL gives Dates. */
export interface SubscriptionRow {
  id: number;
  platform: 'discord' | 'slack';
  channel_id: string;
  workspace_id: string | null;
  schedule: string;
  cron: string;
  timezone: string;
  filter: string;
  origin: 'chat' | 'file';
  created_by: string | null;
  created_at: string | Date;
  last_success_at: string | Date | null;
  watermark: number;
  failure_count: number;
  failure_reason: string | null;
  retry_at: string | Date | null;
}
type Row = SubscriptionRow;

function isoOrNull(value: string | Date | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/**
 * The values of a new subscriptions row, in the column order both stores insert:
 * platform, channel_id, workspace_id, schedule, cron, timezone, filter, origin, created_by, created_at, watermark.
 */
export function insertValues(sub: NewSubscription, now: Date, watermark: number) {
  return [
    sub.platform,
    sub.channelId,
    sub.workspaceId,
    sub.schedule,
    sub.cron,
    sub.timezone,
    filterKey(sub.filter),
    sub.origin,
    sub.createdBy,
    now.toISOString(),
    watermark,
  ] as const;
}

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    platform: row.platform,
    channelId: row.channel_id,
    workspaceId: row.workspace_id,
    schedule: row.schedule,
    cron: row.cron,
    timezone: row.timezone,
    filter: JSON.parse(row.filter) as DigestFilter,
    origin: row.origin,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    lastSuccessAt: isoOrNull(row.last_success_at),
    watermark: row.watermark,
    failureCount: row.failure_count,
    failureReason: row.failure_reason,
    retryAt: isoOrNull(row.retry_at),
  };
}

/** Canonical JSON of a filter, so equal filters compare equal in the UNIQUE constraint (both databases). */
export function filterKey(filter: DigestFilter): string {
  return JSON.stringify({ people: [...filter.people].sort(), keywords: [...filter.keywords].sort() });
}

/** How many delivered slots each subscription keeps, so isDone answers for recent slots and the table stays small. */
export const KEPT_DONE_SLOTS = 50;

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
      ORDER BY slot DESC LIMIT ${KEPT_DONE_SLOTS}))`),
  };

  const add = (sub: NewSubscription, now: Date, watermark: number) => {
    const filter = filterKey(sub.filter);
    const result = s.insert.run(...insertValues(sub, now, watermark));
    const row = s.find.get(sub.platform, sub.channelId, sub.cron, sub.timezone, filter) as Row;
    return { subscription: toSubscription(row), created: result.changes === 1 };
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
      return row ? toSubscription(row) : null;
    },
    forChannel: async (platform, channelId) => (s.forChannel.all(platform, channelId) as Row[]).map(toSubscription),
    all: async () => (s.all.all() as Row[]).map(toSubscription),
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
