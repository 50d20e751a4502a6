import type Database from 'better-sqlite3';
import type * as port from '../../../core/ports.js';
import { FOLLOW_SQL, heldBatchParams, SqlFollowStore } from '../sql-follow-store.js';
import { sqliteRunner } from './database.js';

// never moves back: a process with a stale view may complete an older delivery after a newer one
const SUCCESS = `UPDATE follows SET watermark = max(watermark, $2), last_success_at = $3,
  last_posted_at = CASE WHEN $4 = 1 THEN $3 ELSE last_posted_at END,
  failure_count = 0, failure_reason = NULL, retry_at = NULL WHERE id = $1`;

/** The SQLite follow store, sharing the article store's database (tables from migration 7). */
export function createSqliteFollowStore(db: Database.Database): port.FollowStore {
  return new SqliteFollowStore(db);
}

class SqliteFollowStore extends SqlFollowStore {
  private readonly completeNow;
  private readonly failNow;

  constructor(db: Database.Database) {
    const sqlite = sqliteRunner(db);
    super(sqlite);
    this.completeNow = db.transaction((held: port.HeldBatch, messageId: string | null, now: Date): boolean => {
      if (sqlite.rowsNow(FOLLOW_SQL.exists, [held.followId]).length === 0) return false;
      const recorded =
        messageId === null
          ? sqlite.runNow(FOLLOW_SQL.emptyDone, heldBatchParams(held))
          : sqlite.runNow(FOLLOW_SQL.posted, [...heldBatchParams(held), held.toSeq, messageId]);
      if (recorded !== 1) return false;
      sqlite.runNow(SUCCESS, [held.followId, held.toSeq, now.toISOString(), messageId === null ? 0 : 1]);
      sqlite.runNow(FOLLOW_SQL.prune, [held.followId]);
      return true;
    });
    this.failNow = db.transaction((held: port.HeldBatch, reason: string, retryAt: Date): boolean => {
      if (sqlite.runNow(FOLLOW_SQL.release, heldBatchParams(held)) !== 1) return false;
      sqlite.runNow(FOLLOW_SQL.failure, [held.followId, reason, retryAt.toISOString()]);
      return true;
    });
  }

  async completeBatch(held: port.HeldBatch, messageId: string | null, now: Date): Promise<boolean> {
    return this.completeNow.immediate(held, messageId, now);
  }

  async failBatch(held: port.HeldBatch, reason: string, retryAt: Date): Promise<boolean> {
    return this.failNow.immediate(held, reason, retryAt);
  }
}
