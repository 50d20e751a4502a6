import type Database from 'better-sqlite3';
import type { WorkClaims } from '../../../core/ports.js';

/**
 * Work claims in the SQLite database (table `work_claims`, migration 3). Each claim is one upsert,
 * atomic even when several processes open the same database file.
 */
export function createSqliteWorkClaims(db: Database.Database): WorkClaims {
  // an existing claim is kept unless it is ours (renewed) or stale (its owner died: taken over)
  const claim = db.prepare(`INSERT INTO work_claims (key, owner, claimed_at) VALUES (?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, claimed_at = excluded.claimed_at
    WHERE work_claims.owner = excluded.owner OR work_claims.claimed_at < ?`);
  const release = db.prepare('DELETE FROM work_claims WHERE key = ? AND owner = ?');
  const releaseAll = db.prepare('DELETE FROM work_claims WHERE owner = ?');
  const holder = db.prepare<[string], { owner: string; claimedAt: string }>(
    'SELECT owner, claimed_at AS claimedAt FROM work_claims WHERE key = ?',
  );
  const holders = db.prepare<[string, string], { key: string; owner: string; claimedAt: string }>(
    'SELECT key, owner, claimed_at AS claimedAt FROM work_claims WHERE substr(key, 1, length(?)) = ? ORDER BY key',
  );

  return {
    async claim(key, owner, now, staleBefore) {
      return claim.run(key, owner, now.toISOString(), staleBefore.toISOString()).changes === 1;
    },
    async release(key, owner) {
      release.run(key, owner);
    },
    async releaseAll(owner) {
      return releaseAll.run(owner).changes;
    },
    async holder(key) {
      return holder.get(key) ?? null;
    },
    async holders(prefix) {
      return holders.all(prefix, prefix);
    },
  };
}
