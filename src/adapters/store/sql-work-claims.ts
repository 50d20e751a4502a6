import type { WorkClaims } from '../../core/ports.js';
import type { SqlRunner } from './sql.js';

// an existing claim is kept unless it is ours (renewed) or stale (its owner died: taken over); one
// INSERT ... ON CONFLICT DO UPDATE ... WHERE, atomic in both databases: of several processes claiming
// one key at once, exactly one gets it
const CLAIM = `INSERT INTO work_claims (key, owner, claimed_at) VALUES ($1, $2, $3)
  ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, claimed_at = excluded.claimed_at
  WHERE work_claims.owner = excluded.owner OR work_claims.claimed_at < $4`;

/**
 * Work claims (table `work_claims`) on either database. `keyOrder` sorts keys byte by byte (SQLite's
 * default; PostgreSQL needs COLLATE "C").
 */
export function createSqlWorkClaims(sql: SqlRunner, keyOrder: string): WorkClaims {
  return {
    async claim(key, owner, now, staleBefore) {
      return (await sql.run(CLAIM, [key, owner, now.toISOString(), staleBefore.toISOString()])) === 1;
    },
    async release(key, owner) {
      await sql.run('DELETE FROM work_claims WHERE key = $1 AND owner = $2', [key, owner]);
    },
    releaseAll: (owner) => sql.run('DELETE FROM work_claims WHERE owner = $1', [owner]),
    async holder(key) {
      const [row] = await sql.rows<{ owner: string; claimed_at: string }>(
        'SELECT owner, claimed_at FROM work_claims WHERE key = $1',
        [key],
      );
      return row ? { owner: row.owner, claimedAt: row.claimed_at } : null;
    },
    async holders(prefix) {
      const rows = await sql.rows<{ key: string; owner: string; claimed_at: string }>(
        `SELECT key, owner, claimed_at FROM work_claims WHERE substr(key, 1, length($1)) = $1 ORDER BY ${keyOrder}`,
        [prefix],
      );
      return rows.map((row) => ({ key: row.key, owner: row.owner, claimedAt: row.claimed_at }));
    },
  };
}
