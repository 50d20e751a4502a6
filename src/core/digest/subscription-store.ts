import type Database from 'better-sqlite3';
import type { DigestFilter } from './schedule.js';

/** A channel's digest subscription with its delivery state. */
export interface Subscription {
  id: number;
  platform: 'discord' | 'slack';
  channelId: string;
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
  'platform' | 'channelId' | 'schedule' | 'cron' | 'timezone' | 'filter' | 'origin' | 'createdBy'
>;

/** A claimed slot: this process may post it. */
export interface SlotClaim {
  subscriptionId: number;
  slot: string;
  watermarkTo: number;
}

/** Persistence for subscriptions and slot claims. Claims are atomic so one slot is posted once across processes. */
export interface SubscriptionStore {
  add(sub: NewSubscription, now: Date, watermark: number): { subscription: Subscription; created: boolean };
  remove(id: number): boolean;
  get(id: number): Subscription | null;
  forChannel(platform: string, channelId: string): Subscription[];
  all(): Subscription[];
  /** Replace the subscriptions declared in digests.json with `declared`; chat ones are untouched. */
  syncDeclared(declared: NewSubscription[], now: Date, watermark: number): { added: number; removed: number };
  /**
   * Claim (subscription, slot) for posting. Returns null when it is done or another live claim holds it;
   * a claim older than `staleBefore` (a process that died mid-digest) is taken over.
   */
  claimSlot(claim: SlotClaim, owner: string, now: Date, staleBefore: Date): SlotClaim | null;
  /** The slot was delivered (or had nothing to deliver): record it and move the watermark. */
  completeSlot(claim: SlotClaim, messageId: string | null): void;
  /** Delivery failed: free the slot for a later retry and record why. */
  failSlot(claim: SlotClaim, reason: string, retryAt: Date): void;
  /** Whether (subscription, slot) was already delivered. */
  isDone(subscriptionId: number, slot: string): boolean;
}

interface Row {
  id: number;
  platform: 'discord' | 'slack';
  channel_id: string;
  schedule: string;
  cron: string;
  timezone: string;
  filter: string;
  origin: 'chat' | 'file';
  created_by: string | null;
  created_at: string;
  last_success_at: string | null;
  watermark: number;
  failure_count: number;
  failure_reason: string | null;
  retry_at: string | null;
}

function toSubscription(row: Row): Subscription {
  return {
    id: row.id,
    platform: row.platform,
    channelId: row.channel_id,
    schedule: row.schedule,
    cron: row.cron,
    timezone: row.timezone,
    filter: JSON.parse(row.filter) as DigestFilter,
    origin: row.origin,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastSuccessAt: row.last_success_at,
    watermark: row.watermark,
    failureCount: row.failure_count,
    failureReason: row.failure_reason,
    retryAt: row.retry_at,
  };
}

/** Canonical JSON of a filter, so equal filters compare equal in the UNIQUE constraint. */
function filterKey(filter: DigestFilter): string {
  return JSON.stringify({ people: [...filter.people].sort(), keywords: [...filter.keywords].sort() });
}

/** The SQLite implementation, sharing the article store's database (tables from migration 2). */
export function createSqliteSubscriptionStore(db: Database.Database): SubscriptionStore {
  const p = (sql: string) => db.prepare(sql);
  const s = {
    insert: p(`INSERT INTO subscriptions (platform, channel_id, schedule, cron, timezone, filter, origin, created_by,
      created_at, watermark) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (platform, channel_id, cron, timezone, filter) DO NOTHING`),
    find: p(
      'SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ? AND cron = ? AND timezone = ? AND filter = ?',
    ),
    get: p('SELECT * FROM subscriptions WHERE id = ?'),
    remove: p('DELETE FROM subscriptions WHERE id = ?'),
    forChannel: p('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ? ORDER BY id'),
    all: p('SELECT * FROM subscriptions ORDER BY id'),
    declared: p("SELECT * FROM subscriptions WHERE origin = 'file'"),
    slot: p('SELECT state, claimed_at FROM digest_slots WHERE subscription_id = ? AND slot = ?'),
    claim: p(`INSERT INTO digest_slots (subscription_id, slot, state, claimed_by, claimed_at, watermark_to)
      VALUES (?, ?, 'claimed', ?, ?, ?) ON CONFLICT (subscription_id, slot) DO NOTHING`),
    takeOver: p(`UPDATE digest_slots SET claimed_by = ?, claimed_at = ?, watermark_to = ?
      WHERE subscription_id = ? AND slot = ? AND state = 'claimed' AND claimed_at < ?`),
    done: p(`UPDATE digest_slots SET state = 'done', message_id = ? WHERE subscription_id = ? AND slot = ?`),
    success: p(`UPDATE subscriptions SET last_success_at = ?, watermark = max(watermark, ?), failure_count = 0,
      failure_reason = NULL, retry_at = NULL WHERE id = ?`),
    release: p(`DELETE FROM digest_slots WHERE subscription_id = ? AND slot = ? AND state = 'claimed'`),
    failure: p(`UPDATE subscriptions SET failure_count = failure_count + 1, failure_reason = ?, retry_at = ?
      WHERE id = ?`),
    prune: p(`DELETE FROM digest_slots WHERE subscription_id = ? AND state = 'done' AND slot < (
      SELECT min(slot) FROM (SELECT slot FROM digest_slots WHERE subscription_id = ? AND state = 'done'
      ORDER BY slot DESC LIMIT 50))`),
  };

  const add: SubscriptionStore['add'] = (sub, now, watermark) => {
    const filter = filterKey(sub.filter);
    const result = s.insert.run(
      sub.platform,
      sub.channelId,
      sub.schedule,
      sub.cron,
      sub.timezone,
      filter,
      sub.origin,
      sub.createdBy,
      now.toISOString(),
      watermark,
    );
    const row = s.find.get(sub.platform, sub.channelId, sub.cron, sub.timezone, filter) as Row;
    return { subscription: toSubscription(row), created: result.changes === 1 };
  };

  return {
    add,
    remove: (id) => s.remove.run(id).changes === 1,
    get: (id) => {
      const row = s.get.get(id) as Row | undefined;
      return row ? toSubscription(row) : null;
    },
    forChannel: (platform, channelId) => (s.forChannel.all(platform, channelId) as Row[]).map(toSubscription),
    all: () => (s.all.all() as Row[]).map(toSubscription),

    syncDeclared: (declared, now, watermark) =>
      db.transaction(() => {
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
      })(),

    claimSlot: (claim, owner, now, staleBefore) =>
      db
        .transaction(() => {
          const inserted = s.claim.run(claim.subscriptionId, claim.slot, owner, now.toISOString(), claim.watermarkTo);
          if (inserted.changes === 1) return claim;
          const taken = s.takeOver.run(
            owner,
            now.toISOString(),
            claim.watermarkTo,
            claim.subscriptionId,
            claim.slot,
            staleBefore.toISOString(),
          );
          return taken.changes === 1 ? claim : null;
        })
        .immediate(),

    completeSlot: (claim, messageId) =>
      db
        .transaction(() => {
          s.done.run(messageId, claim.subscriptionId, claim.slot);
          s.success.run(claim.slot, claim.watermarkTo, claim.subscriptionId);
          s.prune.run(claim.subscriptionId, claim.subscriptionId);
        })
        .immediate(),

    failSlot: (claim, reason, retryAt) =>
      db
        .transaction(() => {
          s.release.run(claim.subscriptionId, claim.slot);
          s.failure.run(reason, retryAt.toISOString(), claim.subscriptionId);
        })
        .immediate(),

    isDone: (subscriptionId, slot) => {
      const row = s.slot.get(subscriptionId, slot) as { state: string } | undefined;
      return row?.state === 'done';
    },
  };
}
