import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { buildSlackManifest, commandUsage } from '../../src/adapters/slack/manifest.js';

describe('buildSlackManifest', () => {
  it('lists every command with its usage in the /news usage hint and the long description', () => {
    const manifest = buildSlackManifest(commands);
    const [news] = manifest.features.slash_commands;
    expect(news?.command).toBe('/news');
    for (const command of commands) {
      expect(news?.usage_hint).toContain(commandUsage(command));
      expect(manifest.display_information.long_description).toContain(`/news ${commandUsage(command)}`);
      expect(manifest.display_information.long_description).toContain(command.description);
    }
    expect(news?.usage_hint).toContain('who <name>');
  });

  it('asks for the command and chat scopes and enables Socket Mode and interactivity by default', () => {
    const manifest = buildSlackManifest(commands);
    expect(manifest.oauth_config.scopes.bot).toEqual(['commands', 'chat:write', 'chat:write.public']);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true });
    expect(manifest.features.slash_commands[0]?.url).toBeUndefined();
  });

  it('points the command and interactivity at the request URL in HTTP mode', () => {
    const url = 'https://bot.example/slack/events';
    const manifest = buildSlackManifest(commands, { requestUrl: url });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.interactivity.request_url).toBe(url);
    expect(manifest.features.slash_commands[0]?.url).toBe(url);
  });

  it('readies an HTTP-mode app for installs in many workspaces: OAuth redirect on the same host and uninstall events', () => {
    const manifest = buildSlackManifest(commands, { requestUrl: 'https://bot.example/slack/events' });
    expect(manifest.oauth_config.redirect_urls).toEqual(['https://bot.example/slack/oauth_redirect']);
    expect(manifest.settings.event_subscriptions).toEqual({
      request_url: 'https://bot.example/slack/events',
      bot_events: ['app_uninstalled', 'tokens_revoked'],
    });
  });

  it('asks for no redirect URL or events in Socket Mode, where the app serves one workspace', () => {
    const manifest = buildSlackManifest(commands);
    expect(manifest.oauth_config.redirect_urls).toBeUndefined();
    expect(manifest.settings.event_subscriptions).toBeUndefined();
  });

  it('stays within the manifest field limits Slack enforces', () => {
    const manifest = buildSlackManifest(commands);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.display_information.long_description.length).toBeGreaterThanOrEqual(175);
    expect(manifest.display_information.long_description.length).toBeLessThanOrEqual(4000);
    expect(manifest.features.slash_commands[0]?.description.length).toBeLessThanOrEqual(100);
    expect(manifest.features.slash_commands[0]?.usage_hint.length).toBeLessThanOrEqual(1000);
  });
});

describe('the committed slack-manifest.json', () => {
  it('is what npm run manifest:slack generates from the commands', () => {
    const committed = JSON.parse(readFileSync(new URL('../../slack-manifest.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildSlackManifest(commands))));
  });
});
