import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { blockActionsPayload, FakeSlack, slashCommandFields, validateMessage } from '../fakes/fake-slack.js';
import { createSeedDeps, type TestDesk } from '../helpers/seed-deps.js';
import { createTestLogger } from '../helpers/test-logger.js';

const APP_TOKEN = 'xapp-1-A0000APP-socket-test';
const BOT_TOKEN = 'xoxb-333-444-sockettoken';

let fake: FakeSlack;
let desk: TestDesk;
let adapter: SlackAdapter;
const logger = createTestLogger();

beforeAll(async () => {
  fake = await new FakeSlack().start();
  desk = await createSeedDeps();
  adapter = createSlackAdapter({
    botToken: BOT_TOKEN,
    appToken: APP_TOKEN,
    apiUrl: fake.apiUrl,
    deps: desk.deps,
    logger,
    clientOptions: { retryConfig: { retries: 0 } },
  });
  await adapter.start();
  await fake.waitForSocket();
});

afterAll(async () => {
  // the client sends its close frame first; the fake then waits for the handshake instead of cutting it
  await adapter?.stop();
  await fake?.stop();
  await desk?.close();
});

describe('Slack adapter in Socket Mode (a real Bolt app over a loopback websocket)', () => {
  it('opens the connection with the app-level token at the configured API base and checks the bot token once', () => {
    const [open] = fake.apiCalls('apps.connections.open');
    expect(open?.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(fake.apiCalls('auth.test').map((call) => call.headers.authorization)).toEqual([`Bearer ${BOT_TOKEN}`]);
    expect(adapter.port()).toBeUndefined();
  });

  it('reports the socket as connected', () => {
    expect(adapter.status()).toEqual({ connected: true, detail: 'Socket Mode connected' });
  });

  it('acknowledges a /news envelope on the socket and answers through the response_url', async () => {
    const id = randomUUID();
    const ack = await fake.sendEnvelope(
      'slash_commands',
      slashCommandFields('who "Marco Rubio"', fake.responseUrl(id)),
    );
    expect(ack.envelope_id).toBeTruthy();
    const response = await fake.waitForResponse(id);
    expect(response.body.response_type).toBe('ephemeral');
    expect(validateMessage(response.body)).toEqual([]);
    const blocks = response.body.blocks as { type: string; text?: { text: string } }[];
    expect(blocks[0]?.text?.text).toBe('Marco Rubio');
    expect(blocks.some((block) => block.type === 'section' && block.text?.text.startsWith('>“'))).toBe(true);
  });

  it('handles a button press delivered as an interactive envelope', async () => {
    const id = randomUUID();
    await fake.sendEnvelope('slash_commands', slashCommandFields('who Rubio', fake.responseUrl(id)));
    const first = await fake.waitForResponse(id);
    const actions = (first.body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find(
      (block) => block.type === 'actions',
    );
    const next = actions?.elements?.find((element) => element.action_id === 'news_page_next');
    if (!next) throw new Error('expected a Next button for Rubio quotes');
    const pressId = randomUUID();
    await fake.sendEnvelope('interactive', blockActionsPayload(next, fake.responseUrl(pressId)));
    const page = await fake.waitForResponse(pressId);
    expect(page.body.replace_original).toBe(true);
    expect(JSON.stringify(page.body.blocks)).toContain('Page 2 of');
  });

  it('never logs the tokens', () => {
    expect(logger.text()).not.toContain(APP_TOKEN);
    expect(logger.text()).not.toContain(BOT_TOKEN);
  });
});
