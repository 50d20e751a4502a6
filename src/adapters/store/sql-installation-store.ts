import type { InstallationStore } from '../../core/ports.js';
import { type InstallationRow, toInstallation } from '../../core/store/installations.js';
import type { SqlRunner } from './sql.js';

/**
 * Chat platform installations (table `installations`) on either database: one row per (platform,
 * workspace), replaced when the workspace installs the app again. `data` holds the bot token: never logged.
 */
export function createSqlInstallationStore(sql: SqlRunner): InstallationStore {
  return {
    async save(record) {
      await sql.run(
        `INSERT INTO installations (platform, workspace_id, enterprise_id, data, installed_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (platform, workspace_id) DO UPDATE SET
           enterprise_id = excluded.enterprise_id, data = excluded.data, installed_at = excluded.installed_at`,
        [record.platform, record.workspaceId, record.enterpriseId, record.data, record.installedAt],
      );
    },
    async get(platform, workspaceId) {
      const [row] = await sql.rows<InstallationRow>(
        `SELECT platform, workspace_id, enterprise_id, data, installed_at
         FROM installations WHERE platform = $1 AND workspace_id = $2`,
        [platform, workspaceId],
      );
      return row ? toInstallation(row) : null;
    },
    async remove(platform, workspaceId) {
      return (
        (await sql.run('DELETE FROM installations WHERE platform = $1 AND workspace_id = $2', [
          platform,
          workspaceId,
        ])) > 0
      );
    },
    async count(platform) {
      const [row] = await sql.rows<{ n: number }>('SELECT count(*) AS n FROM installations WHERE platform = $1', [
        platform,
      ]);
      return Number(row?.n ?? 0);
    },
  };
}
