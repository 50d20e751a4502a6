import type Database from 'better-sqlite3';
import type { InstallationStore } from '../../../core/ports.js';
import { type InstallationRow, toInstallation } from '../../../core/store/installations.js';

/**
 * Chat platform installations in the SQLite database (table `installations`, migration 3): one row per
 * (platform, workspace), replaced when the workspace installs the app again.
 */
export function createSqliteInstallationStore(db: Database.Database): InstallationStore {
  const save = db.prepare(`INSERT INTO installations (platform, workspace_id, enterprise_id, data, installed_at)
    VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (platform, workspace_id) DO UPDATE SET
      enterprise_id = excluded.enterprise_id, data = excluded.data, installed_at = excluded.installed_at`);
  const get = db.prepare<[string, string], InstallationRow>(
    'SELECT platform, workspace_id, enterprise_id, data, installed_at FROM installations WHERE platform = ? AND workspace_id = ?',
  );
  const remove = db.prepare('DELETE FROM installations WHERE platform = ? AND workspace_id = ?');
  const count = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM installations WHERE platform = ?');

  return {
    async save(record) {
      save.run(record.platform, record.workspaceId, record.enterpriseId, record.data, record.installedAt);
    },
    async get(platform, workspaceId) {
      const row = get.get(platform, workspaceId);
      return row === undefined ? null : toInstallation(row);
    },
    async remove(platform, workspaceId) {
      return remove.run(platform, workspaceId).changes > 0;
    },
    async count(platform) {
      return count.get(platform)?.n ?? 0;
    },
  };
}
