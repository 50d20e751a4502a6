import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { startLive } from '../helpers/bot-process.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const DISCORD_TOKEN = 'MTIz.fake-bot.log-level-token';
const SLACK_TOKEN = 'xoxb-111-222-loglevel';
const SIGNING_SECRET = 'log-level-signing-secret-0123';

let discord: FakeDiscord;
let slack: FakeSlack;
beforeAll(async () => {
  discord = await FakeDiscord.start();
  slack = await new FakeSlack().start();
});
afterAll(async () => {
  await discord?.stop();
  await slack?.stop();
});

/** Start the bot with Discord and Slack (HTTP mode) at `level`; the JSON log records of its start-up. */
async function startUpLog(level: string): Promise<{ records: Record<string, unknown>[]; text: string }> {
  const root = mkdtempSync(join(tmpdir(), 'newsdesk-log-'));
  const bot = startLive({
    LOG_LEVEL: level,
    DATABASE_PATH: join(root, 'n.db'),
    ARTICLES_DIR: join(ROOT, 'articles'),
    WATCH_ARTICLES: 'false',
    DIGESTS_PATH: join(root, 'digests.json'),
    SOURCES_PATH: join(root, 'sources.json'),
    DISCORD_TOKEN,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    SLACK_PORT: '0',
  });
  try {
    // each adapter logs this once it is up (the info line is there at every level up to info)
    await bot.untilLog('"adapter started"', 2);
  } finally {
    bot.child.kill('SIGTERM');
    await once(bot.child, 'close');
  }
  const lines = bot
    .err()
    .split('\n')
    .filter((line) => line.startsWith('{'));
  return { records: lines.map((line) => JSON.parse(line) as Record<string, unknown>), text: bot.err() };
}

describe('LOG_LEVEL', () => {
  it("reaches Bolt's and discord.js's own loggers at debug, with tokens redacted", async () => {
    const { records, text } = await startUpLog('debug');
    const debugFrom = (component: string) => records.filter((r) => r.level === 20 && r.component === component);
    expect(debugFrom('slack').length).toBeGreaterThan(0);
    expect(debugFrom('discord').length).toBeGreaterThan(0);
    expect(text).not.toContain(DISCORD_TOKEN);
    expect(text).not.toContain(DISCORD_TOKEN.split('.')[2]);
    expect(text).not.toContain(SLACK_TOKEN);
    expect(text).not.toContain(SIGNING_SECRET);
  });

  it('keeps them quiet at info', async () => {
    const { records } = await startUpLog('info');
    expect(records.filter((r) => r.level === 20)).toEqual([]);
  });
});
