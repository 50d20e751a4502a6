import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { createDiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { MESSAGES } from '../../src/adapters/discord/handlers.js';
import { EPHEMERAL_FLAG, FakeDiscord, type FakeMessage, type RecordedCall } from '../fakes/fake-discord.js';
import { createSeedDeps, type TestDesk } from '../helpers/seed-deps.js';
import { createTestLogger } from '../helpers/test-logger.js';

// a real discord.js Client answering /news on the seed articles, against the loopback fake

const TOKEN = 'MTIz.fake-bot.token-never-logged';
const USER = '5000000000000000001';
const OTHER_USER = '5000000000000000002';

let fake: FakeDiscord;
let desk: TestDesk;
const logger = createTestLogger();
let adapter: ReturnType<typeof createDiscordAdapter>;

function startAdapter(): ReturnType<typeof createDiscordAdapter> {
  return createDiscordAdapter({
    token: TOKEN,
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    deps: desk.deps,
    logger,
    restOptions: { retries: 0, timeout: 5_000 },
  });
}

beforeAll(async () => {
  expect(commands.length).toBeGreaterThan(0);
  fake = await FakeDiscord.start();
  desk = await createSeedDeps();
  adapter = startAdapter();
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.stop();
  await desk?.close();
});

/** Waits for the interaction's callback and, when it deferred, for the edit that completes it. */
async function answer(interaction: { id: string; token: string }): Promise<{ type: number; message: FakeMessage }> {
  const callback = await fake.waitForCallback(interaction);
  const type = (callback.body as { type: number }).type;
  if (type === 5 || type === 6) {
    await fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(`/${interaction.token}/messages/@original`));
  }
  const message = fake.responseOf(interaction);
  if (!message) throw new Error(`no response message for interaction ${interaction.id}`);
  return { type, message };
}

function embedsOf(message: FakeMessage): APIEmbed[] {
  return message.embeds as APIEmbed[];
}

function buttonsOf(message: FakeMessage): { custom_id: string; label: string; disabled?: boolean }[] {
  const rows = message.components as { components: { custom_id: string; label: string; disabled?: boolean }[] }[];
  return rows.flatMap((row) => row.components);
}

function callbackCall(interaction: { id: string; token: string }): RecordedCall | undefined {
  return fake.calls.find((c) => c.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
}

describe('/news subcommands end to end', () => {
  it('answers /news who Rubio with a person embed and Marco Rubio’s quotes as block quotes', async () => {
    const interaction = fake.sendCommand('who', { name: 'Rubio' });
    const { type, message } = await answer(interaction);
    expect(type).toBe(4);
    const [person, quotes] = embedsOf(message);
    expect(person?.title).toBe('Marco Rubio');
    expect(person?.description).toContain('US Secretary of State');
    expect(quotes?.description).toMatch(/^> “These are countries that are very strong with us/);
    // the seed article's date comes from "55 min 41 sec ago": marked approximate
    expect(quotes?.description).toContain(
      '— *Rubio to visit eastern Europe, bolster ties with pro-Trump leaders* · ~<t:',
    );
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.flags & EPHEMERAL_FLAG).toBe(0);
  });

  it('answers /news latest with one embed per article: title, timestamp, footer and summary', async () => {
    const { message } = await answer(fake.sendCommand('latest', { count: 5 }));
    const embeds = embedsOf(message);
    expect(message.content).toBe('**Latest news**');
    expect(embeds.map((e) => e.title)).toEqual([
      'Rubio to visit eastern Europe, bolster ties with pro-Trump leaders',
      'US, Russian officials to meet in Florida for more Ukraine talks',
    ]);
    expect(embeds[1]?.timestamp).toBe('2025-12-20T00:00:00.000Z');
    expect(embeds[1]?.footer?.text).toBe('id c73f269d8ad0f68d');
    expect(embeds[0]?.footer?.text).toContain('date approximate');
    expect(embeds[1]?.description).toMatch(/^Negotiators are set to meet Russian officials in Florida/);
  });

  it('answers /news read with the article, its summary and its text', async () => {
    const { message } = await answer(fake.sendCommand('read', { article: 'c73f269d8ad0f68d' }));
    const [card, ...body] = embedsOf(message);
    expect(card?.title).toBe('US, Russian officials to meet in Florida for more Ukraine talks');
    expect(body.map((e) => e.description).join('\n')).toContain('**Highlights**');
    expect(message.content).toMatch(/page 1 of \d/);
  });

  it('defers /news search, then edits the answer in', async () => {
    const interaction = fake.sendCommand('search', { terms: 'ukraine talks' });
    const { type, message } = await answer(interaction);
    expect(type).toBe(5);
    expect(message.content).toBe('**Search: ukraine talks (1 article)**');
    expect(embedsOf(message)[0]?.title).toBe('US, Russian officials to meet in Florida for more Ukraine talks');
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers /news digest with each article and its key quote', async () => {
    const { type, message } = await answer(fake.sendCommand('digest', { since: '60d' }));
    expect(type).toBe(5);
    const embeds = embedsOf(message);
    expect(embeds).toHaveLength(2);
    expect(embeds[0]?.description).toContain('> “We agreed with our American partners');
    expect(embeds[0]?.description).toContain('— Rustem Umerov');
  });

  it('answers /news help with every command', async () => {
    const { message } = await answer(fake.sendCommand('help'));
    const text = embedsOf(message)[0]?.description ?? '';
    for (const command of commands) expect(text).toContain(`/news ${command.name}`);
  });

  it('shows invalid options only to the asker', async () => {
    const { message } = await answer(fake.sendCommand('latest', { count: 50 }));
    expect(message.flags & EPHEMERAL_FLAG).toBe(EPHEMERAL_FLAG);
    expect(embedsOf(message)[0]?.description).toContain('count');
  });

  it('moves a deferred answer about a bad request out of the channel, to the asker only', async () => {
    const interaction = fake.sendCommand('search', { terms: 'x' });
    expect((await fake.waitForCallback(interaction)).body).toMatchObject({ type: 5 });
    const followUp = await fake.waitFor(
      (c) => c.method === 'POST' && c.path === `/webhooks/${fake.applicationId}/${interaction.token}`,
    );
    expect(followUp.body).toMatchObject({ flags: EPHEMERAL_FLAG, allowed_mentions: { parse: [] } });
    expect(fake.callsFor(interaction).some((c) => c.method === 'DELETE')).toBe(true);
  });

  it('answers an unknown subcommand politely and only to the asker', async () => {
    const { message } = await answer(fake.sendCommand('subscribe-everything'));
    expect(message.flags & EPHEMERAL_FLAG).toBe(EPHEMERAL_FLAG);
    expect(embedsOf(message)[0]?.description).toContain('/news help');
  });
});

describe('autocomplete', () => {
  it('suggests people for who, best matches first, with their role', async () => {
    const interaction = fake.sendCommand('who', { name: 'ru' }, { focused: 'name' });
    await fake.waitForCallback(interaction);
    expect(fake.autocompleteResults.get(interaction.id)).toEqual([
      { name: 'Marco Rubio (US Secretary of State)', value: 'Marco Rubio' },
      { name: 'Rustem Umerov (Ukraine’s top negotiator)', value: 'Rustem Umerov' },
    ]);
  });

  it('suggests article titles for read, with ids as values', async () => {
    const interaction = fake.sendCommand('read', { article: 'florida' }, { focused: 'article' });
    await fake.waitForCallback(interaction);
    expect(fake.autocompleteResults.get(interaction.id)?.[0]).toEqual({
      name: 'US, Russian officials to meet in Florida for more Ukraine talks',
      value: 'c73f269d8ad0f68d',
    });
  });

  it('suggests the newest titles when nothing is typed yet', async () => {
    const interaction = fake.sendCommand('read', { article: '' }, { focused: 'article' });
    await fake.waitForCallback(interaction);
    expect(fake.autocompleteResults.get(interaction.id)).toHaveLength(2);
  });
});

describe('pagination buttons', () => {
  it('turns to the next page in place when the asker presses Next', async () => {
    const first = await answer(fake.sendCommand('latest', { count: 1 }, { userId: USER }));
    expect(first.message.content).toBe('**Latest news** · page 1 of 2');
    const [previous, next] = buttonsOf(first.message);
    expect(previous?.disabled).toBe(true);
    expect(next?.disabled).toBe(false);

    const press = fake.sendButton(first.message, next!.custom_id, USER);
    const { type, message } = await answer(press);
    expect(type).toBe(7);
    expect(message.id).toBe(first.message.id);
    expect(message.content).toBe('**Latest news** · page 2 of 2');
    expect(embedsOf(message)[0]?.title).toBe('US, Russian officials to meet in Florida for more Ukraine talks');
    expect(buttonsOf(message).map((b) => b.disabled)).toEqual([false, true]);
  });

  it('tells another user politely that only the asker can turn the pages', async () => {
    const first = await answer(fake.sendCommand('latest', { count: 1 }, { userId: USER }));
    const press = fake.sendButton(first.message, buttonsOf(first.message)[1]!.custom_id, OTHER_USER);
    const { type, message } = await answer(press);
    expect(type).toBe(4);
    expect(message.flags & EPHEMERAL_FLAG).toBe(EPHEMERAL_FLAG);
    expect(message.content).toBe(MESSAGES.notYourButtons);
    expect(fake.messages.get(first.message.id)?.content).toBe('**Latest news** · page 1 of 2');
  });

  it('answers a stale or malformed button politely', async () => {
    const old = fake.seedMessage({ content: 'an old page' });
    for (const customId of ['nd0:n:2:1:latest:count=1', 'something-else']) {
      const { message } = await answer(fake.sendButton(old, customId, USER));
      expect(message.flags & EPHEMERAL_FLAG).toBe(EPHEMERAL_FLAG);
      expect(message.content).toBe(MESSAGES.expiredButton);
    }
  });

  it('still turns pages after the bot restarts, from the state in the custom_id', async () => {
    const first = await answer(fake.sendCommand('read', { article: 'c73f269d8ad0f68d' }, { userId: USER }));
    await adapter.stop();
    adapter = startAdapter();
    await adapter.start();
    expect(fake.identifyCount).toBe(2);

    const press = fake.sendButton(first.message, buttonsOf(first.message)[1]!.custom_id, USER);
    const { message } = await answer(press);
    expect(message.content).toMatch(/page 2 of \d/);
    expect(callbackCall(press)?.status).toBe(204);
  });
});

describe('logging', () => {
  it('never logs the bot token', () => {
    expect(logger.records.length).toBeGreaterThan(0);
    expect(logger.text()).not.toContain(TOKEN);
  });
});
