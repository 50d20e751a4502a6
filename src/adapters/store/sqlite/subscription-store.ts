import type Database from 'better-sqlite3';
import type * as port from '../../../core/ports.js';
import { insertValues, type SubscriptionRow, toSubscription } from '../../../core/store/subscriptions.js';
import { heldParams, identityParams, SqlSubscriptionStore, SUBSCRIPTION_SQL } from '../sql-subscription-store.js';
import { sqliteRunner } from './database.js';

const DECLARED = "SELECT id FROM subscriptions WHERE origin = 'file'";
// a posted message is recorded whoever holds the claim now, and even if it was freed; a done slot keeps its record
const POSTED = `INSERT INTO digest_slots (subscription_id, slot, state, claimed_by, claimed_at, watermark_to, message_id)
  SELECT $1, $2, 'done', $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM subscriptions WHERE id = $1)
  ON CONFLICT (subscription_id, slot) DO UPDATE SET state = 'done', claimed_by = excluded.claimed_by,
    claimed_at = excluded.claimed_at, watermark_to = excluded.watermark_to, message_id = excluded.message_id
  WHERE digest_slots.state = 'claimed'`;
// never moves back: a process with a stale view may complete an older slot after a newer one
const SUCCESS = `UPDATE subscriptions SET last_success_at = max(coalesce(last_success_at, $2), $2),
  watermark = max(watermark, $3), failure_count = 0, failure_reason = NULL, retry_at = NULL WHERE id = $1`;

/**
 * The SQLite subscription store, sharing the article store's database (tables from migrations 2 and 4).
 * Claims are single statements or IMMEDIATE transactions, so they are atomic across processes on one file.
 */
export function createSqliteSubscriptionStore(db: Database.Database): port.SubscriptionStore {
  return new SqliteSubscriptionStore(db);
}

class SqliteSubscriptionStore extends SqlSubscriptionStore {
  private readonly syncNow;
  private readonly completeNow;
  private readonly failNow;

  constructor(db: Database.Database) {
    const sqlite = sqliteRunner(db);
    super(sqlite);
    this.syncNow = db.transaction((declared: port.NewSubscription[], now: Date, watermark: number) => {
      const keep = new Set<number>();
      let added = 0;
      for (const sub of declared) {
        const created = sqlite.runNow(SUBSCRIPTION_SQL.insert, [...insertValues(sub, now, watermark)]) === 1;
        const [row] = sqlite.rowsNow<SubscriptionRow>(SUBSCRIPTION_SQL.find, identityParams(sub));
        if (row) keep.add(toSubscription(row).id);
        if (created) added++;
      }
      let removed = 0;
      for (const { id } of sqlite.rowsNow<{ id: number }>(DECLARED)) {
        if (!keep.has(id)) removed += sqlite.runNow(SUBSCRIPTION_SQL.remove, [id]);
      }
      return { added, removed };
    });
    this.completeNow = db.transaction((held: port.HeldSlot, messageId: string | null): boolean => {
      const recorded =
        messageId === null
          ? sqlite.runNow(SUBSCRIPTION_SQL.emptyDone, heldParams(held))
          : sqlite.runNow(POSTED, [...heldParams(held), held.watermarkTo, messageId]);
      if (recorded !== 1) return false;
      sqlite.runNow(SUCCESS, [held.subscriptionId, held.slot, held.watermarkTo]);
      sqlite.runNow(SUBSCRIPTION_SQL.prune, [held.subscriptionId]);
      return true;
    });
    this.failNow = db.transaction((held: port.HeldSlot, reason: string, retryAt: Date): boolean => {
      if (sqlite.runNow(SUBSCRIPTION_SQL.release, heldParams(held)) !== 1) return false;
      sqlite.runNow(SUBSCRIPTION_SQL.failure, [held.subscriptionId, reason, retryAt.toISOString()]);
      return true;
    });
  }

  async syncDeclared(declared: port.NewSubscription[], now: Date, watermark: number) {
    return this.syncNow.immediate(declared, now, watermark);
  }

  async completeSlot(held: port.HeldSlot, messageId: string | null): Promise<boolean> {
    return this.completeNow.immediate(held, messageId);
  }

  async failSlot(held: port.HeldSlot, reason: string, retryAt: Date): Promise<boolean> {
    return this.failNow.immediate(held, reason, retryAt);
  }
}
