import type { RespondArguments } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleShareAction, handleSlashCommand, stateFromText } from '../../src/adapters/slack/handlers.js';
import { encodeState } from '../../src/adapters/slack/interaction.js';
import { createSlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { createSeedDeps, type TestDesk } from '../helpers/seed-deps.js';
import { createTestLogger } from '../helpers/test-logger.js';

let desk: TestDesk;

beforeAll(async () => {
  desk = await createSeedDeps();
});

afterAll(async () => {
  await desk.close();
});

/** A respond() that fails for the first `failures` calls, like an expired or rejecting response_url. */
function flakyRespond(failures: number) {
  const sent: RespondArguments[] = [];
  let remaining = failures;
  const respond = async (message: RespondArguments) => {
    sent.push(message);
    if (remaining > 0) {
      remaining -= 1;
      throw new Error('Failed to respond to the response_url: 400 Bad Request');
    }
  };
  return { sent, respond };
}

describe('Slack handlers', () => {
  it('acknowledges before doing any work', async () => {
    const order: string[] = [];
    await handleSlashCommand(
      {
        text: 'help',
        ack: async () => {
          order.push('ack');
        },
        respond: async () => {
          order.push('respond');
        },
      },
      { deps: desk.deps, logger: createTestLogger() },
    );
    expect(order).toEqual(['ack', 'respond']);
  });

  it('falls back to a short text apology when the answer is refused, and logs it', async () => {
    const logger = createTestLogger();
    const { sent, respond } = flakyRespond(1);
    await handleSlashCommand({ text: 'who Rubio', ack: async () => {}, respond }, { deps: desk.deps, logger });
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Sorry, the answer to /news who could not be shown.',
    });
    expect(logger.records.map((record) => record.msg)).toContain('slack: could not send the answer');
  });

  it('does not claim a share happened when posting to the channel failed', async () => {
    const logger = createTestLogger();
    const { sent, respond } = flakyRespond(1);
    const value = encodeState({ command: 'latest', options: {}, page: 1 }) ?? undefined;
    await handleShareAction({ value, userId: 'U0000USER', ack: async () => {}, respond }, { deps: desk.deps, logger });
    expect(sent.map((message) => message.text)).not.toContain('Shared to the channel.');
  });

  it('maps /news text to a command state, sending unknown subcommands to help', () => {
    expect(stateFromText('who "Marco Rubio"')).toEqual({ command: 'who', options: { name: 'Marco Rubio' }, page: 1 });
    expect(stateFromText('')).toEqual({ command: 'help', options: {}, page: 1 });
    expect(stateFromText('weather today')).toEqual({ command: 'help', options: { command: 'weather' }, page: 1 });
    expect(stateFromText('search ukraine page 3')).toEqual({
      command: 'search',
      options: { terms: 'ukraine', page: 3 },
      page: 3,
    });
  });

  it('refuses to start without a signing secret (HTTP mode) or an app token (Socket Mode)', () => {
    expect(() => createSlackAdapter({ botToken: 'xoxb-1', deps: desk.deps, logger: createTestLogger() })).toThrow(
      'Slack needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) besides SLACK_BOT_TOKEN.',
    );
  });
});
