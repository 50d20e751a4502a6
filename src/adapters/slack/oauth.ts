import type { ServerResponse } from 'node:http';
import type {
  App,
  AppOptions,
  InstallationStore as BoltInstallationStore,
  Installation,
  InstallationQuery,
} from '@slack/bolt';
import { z } from 'zod';
import type { Clock, InstallationRecord, InstallationStore, Logger } from '../../core/ports.js';
import { describeError } from './handlers.js';
import { installationKey } from './workspace.js';

type CallbackOptions = NonNullable<NonNullable<AppOptions['installerOptions']>['callbackOptions']>;

/** Thrown when no installation answers a lookup: Bolt turns it into an authorization failure. */
export class MissingInstallationError extends Error {
  override readonly name = 'MissingInstallationError';
  readonly workspaceId: string | undefined;

  constructor(workspaceId: string | undefined) {
    super(
      workspaceId === undefined
        ? 'the request names no Slack workspace'
        : `newsdesk is not installed in Slack workspace ${workspaceId}`,
    );
    this.workspaceId = workspaceId;
  }
}

/**
 * Bolt's InstallationStore over newsdesk's: Bolt's installation object is kept as JSON, under the team id or,
 * for an org-wide install, the enterprise id. Installed-at times come from the injected clock.
 */
export function createBoltInstallationStore(store: InstallationStore, clock: Clock): BoltInstallationStore {
  return {
    async storeInstallation(installation) {
      const enterpriseId = installation.enterprise?.id;
      const workspaceId = installationKey({
        teamId: installation.team?.id,
        enterpriseId,
        isEnterpriseInstall: installation.isEnterpriseInstall,
      });
      if (workspaceId === undefined) throw new MissingInstallationError(undefined);
      await store.save({
        platform: 'slack',
        workspaceId,
        enterpriseId: enterpriseId ?? null,
        data: JSON.stringify(installation),
        installedAt: clock.now().toISOString(),
      });
    },
    async fetchInstallation(query) {
      const workspaceId = installationKey(query);
      const record = workspaceId === undefined ? null : await store.get('slack', workspaceId);
      if (record === null) throw new MissingInstallationError(workspaceId);
      return JSON.parse(record.data) as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      const workspaceId = installationKey(query);
      if (workspaceId !== undefined) await store.remove('slack', workspaceId);
    },
  };
}

const StoredBot = z.object({
  bot: z.object({ token: z.string().min(1), userId: z.string().optional() }).optional(),
});

/** The bot token and bot user of a stored installation; null when it holds no bot (or is not Bolt's JSON). */
export function botOf(record: InstallationRecord): { token: string; userId: string | undefined } | null {
  let json: unknown;
  try {
    json = JSON.parse(record.data);
  } catch {
    return null;
  }
  const parsed = StoredBot.safeParse(json);
  const bot = parsed.success ? parsed.data.bot : undefined;
  return bot === undefined ? null : { token: bot.token, userId: bot.userId };
}

/**
 * Deletes an installation when Slack says it is gone: `app_uninstalled`, or `tokens_revoked` naming its bot user.
 * Bolt delivers both without looking the installation up first, so they work after the token died.
 */
export function registerInstallationEvents(app: App, installations: InstallationStore, logger: Logger): void {
  const forget = async (workspaceId: string | undefined, reason: string) => {
    if (workspaceId === undefined) return;
    try {
      const removed = await installations.remove('slack', workspaceId);
      logger.info({ component: 'slack', workspaceId, reason, removed }, 'slack: installation deleted');
    } catch (error) {
      logger.error(
        { component: 'slack', workspaceId, reason, err: describeError(error) },
        'slack: could not delete an installation',
      );
    }
  };
  app.event('app_uninstalled', async ({ context }) => {
    await forget(installationKey(context), 'app_uninstalled');
  });
  app.event('tokens_revoked', async ({ event, context }) => {
    const revokedBots = event.tokens.bot ?? [];
    // only user tokens were revoked: the bot, and so the installation, still works
    if (revokedBots.length === 0) return;
    const workspaceId = installationKey(context);
    const record = workspaceId === undefined ? null : await installations.get('slack', workspaceId);
    if (record === null) return;
    const botUser = botOf(record)?.userId;
    if (botUser !== undefined && !revokedBots.includes(botUser)) return;
    await forget(workspaceId, 'tokens_revoked');
  });
}

/**
 * The pages a browser lands on at the end of the OAuth flow, and a log line for each outcome (workspace ids
 * and error codes only: never the code, the state or a token).
 */
export function installCallbacks(logger: Logger): CallbackOptions {
  return {
    success(installation, _options, _req, res) {
      const workspaceId = installationKey({
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall,
      });
      logger.info({ component: 'slack', workspaceId }, 'slack: installed in a workspace');
      const where = installation.team?.name ?? installation.enterprise?.name ?? 'your workspace';
      writePage(res, 200, 'newsdesk is installed', `Type /news help in any channel of ${where} to get started.`);
    },
    failure(error, _options, _req, res) {
      // a Web API error (oauth.v2.access refusing the code) carries Slack's own code
      const platform = (error as { data?: { error?: unknown } }).data?.error;
      const reason = typeof platform === 'string' ? platform : error.code;
      logger.warn({ component: 'slack', code: error.code, reason }, 'slack: an installation attempt failed');
      const [status, text] = FAILURE_PAGES[reason] ??
        FAILURE_PAGES[error.code] ?? [500, 'Something went wrong on our side. Please try again later.'];
      writePage(res, status, 'newsdesk could not be installed', text);
    },
  };
}

const EXPIRED_LINK = 'This installation link has expired or was not started here. Start again from the install page.';
const USED_LINK = 'This installation link was already used or has expired. Start again from the install page.';

/** Failures that are the browser's doing get a 400 and say what to do; anything else is ours (500). Keyed by
 * Bolt's error code, or by Slack's for a refused code exchange. */
const FAILURE_PAGES: Record<string, [number, string]> = {
  slack_oauth_missing_state: [400, EXPIRED_LINK],
  slack_oauth_invalid_state: [400, EXPIRED_LINK],
  slack_oauth_missing_code: [400, EXPIRED_LINK],
  // Slack's answer to a code used before (a replayed or reloaded callback) or kept past its ten minutes
  invalid_code: [400, USED_LINK],
  code_already_used: [400, USED_LINK],
  // Slack redirects with error=access_denied when the user cancels on the authorize page
  slack_oauth_installer_authorization_error: [400, 'The installation was cancelled. Nothing was installed.'],
};

function writePage(res: ServerResponse, status: number, title: string, text: string): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`;
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
