import type { InstallationStore } from '../../../core/ports.js';
import { toInstallation } from '../../../core/store/installations.js';
import { fromPg, type PgPool } from './database.js';

/**
 * Chat platform installations in PostgreSQL (table `installations`): one row per (platform, workspace),
 * replaced when the workspace installs the app again. Every process on the database sees an install at once.
 */
export function createPgInstallationStore(pool: PgPool): InstallationStore {
  return {
    async save(record) {
      await pool.query(
        `INSERT INTO installations (platform, workspace_id, enterprise_id, data, installed_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (platform, workspace_id) DO UPDATE SET
           enterprise_id = excluded.enterprise_id, data = excluded.data, installed_at = excluded.installed_at`,
        [record.platform, record.workspaceId, record.enterpriseId, record.data, record.installedAt],
      );
    },
    async get(platform, workspaceId) {
      const { rows } = await pool.query(
        `SELECT platform, workspace_id, enterprise_id, data, installed_at
         FROM installations WHERE platform = $1 AND workspace_id = $2`,
        [platform, workspaceId],
      );
      const row = rows[0];
      return row === undefined ? null : toInstallation(fromPg(row));
    },
    async remove(platform, workspaceId) {
      const result = await pool.query('DELETE FROM installations WHERE platform = $1 AND workspace_id = $2', [
        platform,
        workspaceId,
      ]);
      return (result.rowCount ?? 0) > 0;
    },
    async count(platform) {
      const { rows } = await pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM installations WHERE platform = $1',
        [platform],
      );
      return rows[0]?.n ?? 0;
    },
  };
}
