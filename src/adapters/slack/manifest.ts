import type { CommandSpec } from '../../../commands/spec.js';
import { SLASH_COMMAND } from './handlers.js';

/**
 * Bot scopes the app asks for:
 * - `commands`: the `/news` slash command;
 * - `chat:write`: posting digests with chat.postMessage;
 * - `chat:write.public`: digests go to a configured public channel, and without this scope every such channel
 *   must first invite the bot (chat.postMessage fails with `not_in_channel`). Private channels still need an invite.
 * Replies and "Share to channel" go through the interaction's response_url, which needs no scope.
 */
export const SLACK_BOT_SCOPES = ['commands', 'chat:write', 'chat:write.public'] as const;

/** Events an app installed in many workspaces listens to, to delete an installation Slack has revoked. */
export const SLACK_INSTALLATION_EVENTS = ['app_uninstalled', 'tokens_revoked'] as const;

/** Where Bolt's OAuth flow sends the browser back to after the user approves the install. */
export const OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

/** A Slack app manifest (the subset newsdesk fills in); paste it at api.slack.com/apps → "From a manifest". */
export interface SlackManifest {
  display_information: { name: string; description: string; long_description: string; background_color: string };
  features: {
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: {
      command: string;
      description: string;
      usage_hint: string;
      should_escape: boolean;
      url?: string;
    }[];
  };
  oauth_config: { scopes: { bot: string[] }; redirect_urls?: string[] };
  settings: {
    event_subscriptions?: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

const USAGE_HINT_MAX = 1000;

/**
 * Builds the manifest from the command list, so Slack's `/news` help cannot drift from Discord's.
 * Socket Mode by default; with `requestUrl` (https://host/slack/events) the app is set up for HTTP mode instead,
 * ready to be installed in many workspaces: the OAuth redirect URL on the same host, and the uninstall events.
 */
export function buildSlackManifest(
  commands: readonly CommandSpec[],
  options: { name?: string; requestUrl?: string } = {},
): SlackManifest {
  const name = options.name ?? 'newsdesk';
  const url = options.requestUrl;
  const longDescription = [
    'newsdesk delivers news summaries and "who said what" quote attribution from the articles it ingests.',
    'Subcommands:',
    ...commands.map(
      (command) => `• /news ${commandUsage(command)}: ${command.description}. Example: ${command.example}`,
    ),
  ].join('\n');
  return {
    display_information: {
      name,
      description: 'News summaries and who said what, on demand.',
      long_description: longDescription,
      background_color: '#1d3557',
    },
    features: {
      bot_user: { display_name: name, always_online: true },
      slash_commands: [
        {
          command: SLASH_COMMAND,
          description: commandDescription(commands),
          usage_hint: usageHint(commands),
          should_escape: false,
          ...(url === undefined ? {} : { url }),
        },
      ],
    },
    oauth_config: {
      scopes: { bot: [...SLACK_BOT_SCOPES] },
      ...(url === undefined ? {} : { redirect_urls: [new URL(OAUTH_REDIRECT_PATH, url).href] }),
    },
    settings: {
      ...(url === undefined
        ? {}
        : { event_subscriptions: { request_url: url, bot_events: [...SLACK_INSTALLATION_EVENTS] } }),
      interactivity: { is_enabled: true, ...(url === undefined ? {} : { request_url: url }) },
      org_deploy_enabled: false,
      socket_mode_enabled: url === undefined,
      token_rotation_enabled: false,
    },
  };
}

/** `who <name>`, `latest [count]`: a subcommand with its positional options. */
export function commandUsage(command: CommandSpec): string {
  const args = command.optionInfo.map((option) => (option.required ? `<${option.name}>` : `[${option.name}]`));
  return [command.name, ...args].join(' ');
}

function commandDescription(commands: readonly CommandSpec[]): string {
  const names = commands.filter((command) => command.name !== 'help').map((command) => command.name);
  return `News summaries and who said what: ${names.join(', ')}`.slice(0, 100);
}

function usageHint(commands: readonly CommandSpec[]): string {
  const hint = commands.map(commandUsage).join(' | ');
  return hint.length <= USAGE_HINT_MAX ? hint : commands.map((command) => command.name).join(' | ');
}
