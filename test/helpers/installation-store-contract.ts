import { beforeEach, expect, it } from 'vitest';
import type { InstallationRecord, InstallationStore } from '../../src/core/ports.js';

/** An installation as the Slack adapter stores it: Bolt's installation object as JSON, written for these tests. */
export function slackInstallation(
  workspaceId: string,
  overrides: Partial<InstallationRecord> = {},
  botToken = `xoxb-${workspaceId}-contract`,
): InstallationRecord {
  return {
    platform: 'slack',
    workspaceId,
    enterpriseId: null,
    data: JSON.stringify({ team: { id: workspaceId, name: 'Newsroom ✓' }, bot: { token: botToken, userId: 'U0BOT' } }),
    installedAt: '2026-02-14T10:00:00.000Z',
    ...overrides,
  };
}

/**
 * The behaviour every InstallationStore must have, run against SQLite and PostgreSQL. Call it inside a
 * `describe`; `fresh` returns a store over an empty `installations` table, once before each test.
 */
export function installationStoreContract(fresh: () => Promise<InstallationStore>): void {
  let store: InstallationStore;

  beforeEach(async () => {
    store = await fresh();
  });

  it('returns a saved installation as it was saved, data byte for byte', async () => {
    const record = slackInstallation('T0001');
    await store.save(record);
    expect(await store.get('slack', 'T0001')).toEqual(record);
  });

  it('returns null for a workspace that never installed', async () => {
    expect(await store.get('slack', 'T0NEVER')).toBeNull();
  });

  it('replaces the installation when a workspace installs again', async () => {
    await store.save(slackInstallation('T0001', {}, 'xoxb-old'));
    const again = slackInstallation('T0001', { installedAt: '2026-03-01T08:30:00.250Z' }, 'xoxb-new');
    await store.save(again);
    expect(await store.get('slack', 'T0001')).toEqual(again);
    expect(await store.count('slack')).toBe(1);
  });

  it('keeps an org-wide install under its enterprise id with the enterprise recorded', async () => {
    const org = slackInstallation('E0ORG', { enterpriseId: 'E0ORG' });
    await store.save(org);
    expect(await store.get('slack', 'E0ORG')).toEqual(org);
  });

  it('removes an installation once, saying whether there was one', async () => {
    await store.save(slackInstallation('T0001'));
    await store.save(slackInstallation('T0002'));
    expect(await store.remove('slack', 'T0001')).toBe(true);
    expect(await store.remove('slack', 'T0001')).toBe(false);
    expect(await store.get('slack', 'T0001')).toBeNull();
    expect(await store.get('slack', 'T0002')).not.toBeNull();
  });

  it('counts the installations of a platform', async () => {
    expect(await store.count('slack')).toBe(0);
    for (const id of ['T0001', 'T0002', 'E0ORG']) await store.save(slackInstallation(id));
    expect(await store.count('slack')).toBe(3);
  });
}
