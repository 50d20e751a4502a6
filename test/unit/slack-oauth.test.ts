import type { Installation } from '@slack/bolt';
import { beforeEach, describe, expect, it } from 'vitest';
import { botOf, createBoltInstallationStore, MissingInstallationError } from '../../src/adapters/slack/oauth.js';
import { describeSlackFailure } from '../../src/adapters/slack/slack-adapter.js';
import { installationKey } from '../../src/adapters/slack/workspace.js';
import { openSqliteDatabase } from '../../src/adapters/store/sqlite/database.js';
import { createSqliteInstallationStore } from '../../src/adapters/store/sqlite/installation-store.js';
import { NewsdeskError } from '../../src/core/errors.js';
import type { InstallationStore } from '../../src/core/ports.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { slackInstallation } from '../helpers/installation-store-contract.js';

const teamInstall: Installation<'v2', false> = {
  team: { id: 'T0AAA', name: 'Alpha News' },
  enterprise: undefined,
  user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
  bot: { token: 'xoxb-team-token', scopes: ['commands'], id: 'B0AAA', userId: 'U0BOTAAA' },
  isEnterpriseInstall: false,
  authVersion: 'v2',
};

const orgInstall: Installation<'v2', true> = {
  team: undefined,
  enterprise: { id: 'E0ORG', name: 'Org' },
  user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
  bot: { token: 'xoxb-org-token', scopes: ['commands'], id: 'B0ORG', userId: 'U0BOTORG' },
  isEnterpriseInstall: true,
  authVersion: 'v2',
};

describe("Bolt's installation store over newsdesk's", () => {
  let store: InstallationStore;
  const clock = new FixedClock('2026-02-14T09:30:00Z');

  beforeEach(() => {
    const db = openSqliteDatabase(':memory:');
    store = createSqliteInstallationStore(db);
  });

  it('keeps a workspace install under its team id, as Bolt gave it, stamped by the clock', async () => {
    const bolt = createBoltInstallationStore(store, clock);
    await bolt.storeInstallation(teamInstall);
    expect(await store.get('slack', 'T0AAA')).toEqual({
      platform: 'slack',
      workspaceId: 'T0AAA',
      enterpriseId: null,
      data: JSON.stringify(teamInstall),
      installedAt: '2026-02-14T09:30:00.000Z',
    });
    const query = { teamId: 'T0AAA', enterpriseId: undefined, isEnterpriseInstall: false } as const;
    expect(await bolt.fetchInstallation(query)).toEqual(teamInstall);
  });

  it('keeps an org-wide install under its enterprise id and finds it by that id', async () => {
    const bolt = createBoltInstallationStore(store, clock);
    await bolt.storeInstallation(orgInstall);
    expect(await store.get('slack', 'E0ORG')).toMatchObject({ workspaceId: 'E0ORG', enterpriseId: 'E0ORG' });
    const fromOrg = { teamId: undefined, enterpriseId: 'E0ORG', isEnterpriseInstall: true } as const;
    expect(await bolt.fetchInstallation(fromOrg)).toEqual(orgInstall);
  });

  it('fails a lookup for a workspace without an installation, naming it', async () => {
    const bolt = createBoltInstallationStore(store, clock);
    const query = { teamId: 'T0NONE', enterpriseId: undefined, isEnterpriseInstall: false } as const;
    await expect(bolt.fetchInstallation(query)).rejects.toThrow(new MissingInstallationError('T0NONE'));
  });

  it('deletes the installation Bolt asks to delete', async () => {
    const bolt = createBoltInstallationStore(store, clock);
    await bolt.storeInstallation(teamInstall);
    await bolt.deleteInstallation?.({ teamId: 'T0AAA', enterpriseId: undefined, isEnterpriseInstall: false });
    expect(await store.count('slack')).toBe(0);
  });
});

describe('installationKey', () => {
  it('is the team id for a workspace install and the enterprise id for an org-wide one', () => {
    expect(installationKey({ teamId: 'T1', enterpriseId: 'E1', isEnterpriseInstall: false })).toBe('T1');
    expect(installationKey({ teamId: 'T1', enterpriseId: 'E1', isEnterpriseInstall: true })).toBe('E1');
    expect(installationKey({ teamId: '', isEnterpriseInstall: false })).toBeUndefined();
    expect(installationKey({ teamId: 'T1', isEnterpriseInstall: true })).toBeUndefined();
  });
});

describe('botOf', () => {
  it('reads the bot token and bot user of a stored installation', () => {
    expect(botOf(slackInstallation('T1', {}, 'xoxb-stored'))).toEqual({ token: 'xoxb-stored', userId: 'U0BOT' });
  });

  it('finds no bot in an installation without one, or in data that is not JSON', () => {
    expect(botOf(slackInstallation('T1', { data: '{"team":{"id":"T1"}}' }))).toBeNull();
    expect(botOf(slackInstallation('T1', { data: 'not json' }))).toBeNull();
    expect(botOf(slackInstallation('T1', { data: '{"bot":{"token":""}}' }))).toBeNull();
  });
});

describe('describeSlackFailure', () => {
  it('treats a digest for a workspace without an installation as permanent', () => {
    const wrapped = (workspaceId: string | undefined) =>
      new NewsdeskError('PLATFORM_FAILURE', 'Could not post the digest to Slack.', {
        cause: new MissingInstallationError(workspaceId),
      });
    expect(describeSlackFailure(wrapped('T1'))).toEqual({
      permanent: true,
      reason: 'Slack: newsdesk is not installed in this workspace',
    });
    expect(describeSlackFailure(wrapped(undefined))).toEqual({
      permanent: true,
      reason: 'Slack: the subscription names no workspace',
    });
  });
});
