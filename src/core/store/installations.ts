import type { InstallationRecord } from '../ports.js';

/** An installations row as both stores read it (times as ISO strings). */
export interface InstallationRow {
  platform: 'slack';
  workspace_id: string;
  enterprise_id: string | null;
  data: string;
  installed_at: string;
}

export function toInstallation(row: InstallationRow): InstallationRecord {
  return {
    platform: row.platform,
    workspaceId: row.workspace_id,
    enterpriseId: row.enterprise_id,
    data: row.data,
    installedAt: row.installed_at,
  };
}
