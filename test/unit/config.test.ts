import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { EnvSchema, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('gives working defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.ARTICLES_DIR).toBe('./articles');
    expect(config.DATABASE_PATH).toBe('./data/newsdesk.db');
    expect(config.WATCH_ARTICLES).toBe(true);
    expect(config.SLACK_PORT).toBe(3000);
    expect(config.DISCORD_API_URL).toBe('https://discord.com/api');
    expect(config.DISCORD_TOKEN).toBeUndefined();
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', SLACK_PORT: ' ' }).SLACK_PORT).toBe(3000);
  });

  it('says which variable is wrong and how to fix it', () => {
    expect(() => loadConfig({ SLACK_PORT: 'eighty', DISCORD_TOKEN: 'abc' })).toThrowErrorMatchingInlineSnapshot(`
      [NewsdeskError: newsdesk cannot start: the configuration is invalid.
      ✖ Invalid input: expected number, received NaN
        → at SLACK_PORT
      Fix these variables in your environment or .env file (see .env.example and the README).]
    `);
  });

  it('reads the scale-out settings: PostgreSQL URL, shards and Slack OAuth', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://bot:secret@db:5432/newsdesk',
      DISCORD_SHARD_COUNT: '4',
      DISCORD_SHARD_IDS: '0, 2',
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'shh',
      SLACK_STATE_SECRET: 'a-long-random-state-secret',
      SLACK_SIGNING_SECRET: 'sign',
      HEALTH_PORT: '8080',
    });
    expect(config).toMatchObject({ DISCORD_SHARD_COUNT: 4, DISCORD_SHARD_IDS: [0, 2], HEALTH_PORT: 8080 });
    expect(loadConfig({}).DISCORD_SHARD_COUNT).toBe('auto');
  });

  it('says what is wrong with scale-out settings', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/newsdesk' })).toThrow(/must be a postgres:\/\/ URL/);
    expect(() => loadConfig({ DISCORD_SHARD_IDS: '1' })).toThrow(/must be a number when DISCORD_SHARD_IDS/);
    expect(() => loadConfig({ DISCORD_SHARD_COUNT: '2', DISCORD_SHARD_IDS: '0,2' })).toThrow(
      /shard ids must be below DISCORD_SHARD_COUNT \(2\)/,
    );
    expect(() => loadConfig({ SLACK_CLIENT_ID: '123.456' })).toThrow(/→ at SLACK_CLIENT_SECRET/);
    expect(() => loadConfig({ SLACK_CLIENT_ID: '1.2', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toThrow(
      /leave it blank with SLACK_CLIENT_ID[^\n]*\n {2}→ at SLACK_BOT_TOKEN/,
    );
  });

  it('takes any feed backlog from 0 hours up, a year or more included', () => {
    expect(loadConfig({ FEED_BACKLOG_HOURS: '8760' }).FEED_BACKLOG_HOURS).toBe(8760);
    expect(loadConfig({ FEED_BACKLOG_HOURS: '0' }).FEED_BACKLOG_HOURS).toBe(0);
    expect(() => loadConfig({ FEED_BACKLOG_HOURS: '-1' })).toThrow(
      /must be 0 or more hours[^\n]*\n {2}→ at FEED_BACKLOG_HOURS/,
    );
  });

  it('requires the Discord application id with a Discord token', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 'abc' })).toThrow(
      /is required when DISCORD_TOKEN is set[^\n]*\n {2}→ at DISCORD_APPLICATION_ID/,
    );
  });

  it('requires a Slack app token or signing secret with a Slack bot token', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(
      /set SLACK_APP_TOKEN \(Socket Mode\) or SLACK_SIGNING_SECRET \(HTTP mode\)/,
    );
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).SLACK_APP_TOKEN).toBe('xapp-1');
  });

  it('.env.example lists exactly the schema keys and parses', () => {
    const example = parse(readFileSync(new URL('../../.env.example', import.meta.url)));
    expect(Object.keys(example).sort()).toEqual(Object.keys(EnvSchema.shape).sort());
    expect(() => loadConfig(example)).not.toThrow();
  });
});
