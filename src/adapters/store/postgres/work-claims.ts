import type { WorkClaims } from '../../../core/ports.js';
import type { PgPool } from './database.js';

/**
 * Work claims in PostgreSQL (table `work_claims`). A claim is one `INSERT ... ON CONFLICT DO UPDATE
 * ... WHERE`, which PostgreSQL runs atomically: of several processes claiming one key at once, exactly
 * one gets it.
 */
export function createPgWorkClaims(pool: PgPool): WorkClaims {
  return {
    async claim(key, owner, now, staleBefore) {
      // an existing claim is kept unless it is ours (renewed) or stale (its owner died: taken over)
      const result = await pool.query(
        `INSERT INTO work_claims (key, owner, claimed_at) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, claimed_at = excluded.claimed_at
         WHERE work_claims.owner = excluded.owner OR work_claims.claimed_at < $4`,
        [key, owner, now.toISOString(), staleBefore.toISOString()],
      );
      return result.rowCount === 1;
    },
    async release(key, owner) {
      await pool.query('DELETE FROM work_claims WHERE key = $1 AND owner = $2', [key, owner]);
    },
    async releaseAll(owner) {
      const result = await pool.query('DELETE FROM work_claims WHERE owner = $1', [owner]);
      return result.rowCount ?? 0;
    },
    async holder(key) {
      const result = await pool.query<{ owner: string; claimed_at: Date }>(
        'SELECT owner, claimed_at FROM work_claims WHERE key = $1',
        [key],
      );
      const row = result.rows[0];
      return row ? { owner: row.owner, claimedAt: row.claimed_at.toISOString() } : null;
    },
    async holders(prefix) {
      const result = await pool.query<{ key: string; owner: string; claimed_at: Date }>(
        'SELECT key, owner, claimed_at FROM work_claims WHERE left(key, length($1)) = $1 ORDER BY key COLLATE "C"',
        [prefix],
      );
      return result.rows.map((row) => ({ key: row.key, owner: row.owner, claimedAt: row.claimed_at.toISOString() }));
    },
  };
}
