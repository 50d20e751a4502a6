import { randomUUID } from 'node:crypto';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleConsoleLine } from '../../src/adapters/console/console-adapter.js';
import { createDiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { FakeSlack, slashCommandFields, validateMessage } from '../fakes/fake-slack.js';
import { createDepsFromArticles, type TestDesk } from '../helpers/seed-deps.js';
import { createTestLogger } from '../helpers/test-logger.js';

// "the Home Office said": organisations speak, and /news who finds them, marked as organisations, on every platform

const ARTICLE = `Visa rules stay as they are

Home Secretary Joan Harper defended the visa rules on Monday.

"The rules have not changed," the Home Office said.

"We are reviewing every case," a Home Office spokesman said.

"We will not back down," Ms Harper said.
`;

let desk: TestDesk;
let discord: FakeDiscord;
let discordAdapter: ReturnType<typeof createDiscordAdapter>;
let slack: FakeSlack;
let slackAdapter: SlackAdapter;

beforeAll(async () => {
  desk = await createDepsFromArticles([{ name: 'visas.txt', text: ARTICLE }]);
  discord = await FakeDiscord.start();
  discordAdapter = createDiscordAdapter({
    token: 'MTIz.fake-bot.organisations',
    applicationId: discord.applicationId,
    apiUrl: discord.apiUrl,
    deps: desk.deps,
    logger: createTestLogger(),
    restOptions: { retries: 0, timeout: 5_000 },
  });
  await discordAdapter.start();
  slack = await new FakeSlack().start();
  slackAdapter = createSlackAdapter({
    botToken: 'xoxb-1-2-organisations',
    appToken: 'xapp-1-A1-organisations',
    apiUrl: slack.apiUrl,
    deps: desk.deps,
    logger: createTestLogger(),
    clientOptions: { retryConfig: { retries: 0 } },
  });
  await slackAdapter.start();
  await slack.waitForSocket();
});

afterAll(async () => {
  await discordAdapter?.stop();
  await discord?.stop();
  await slackAdapter?.stop();
  await slack?.stop();
  await desk?.close();
});

describe('organisations as speakers', () => {
  it('answers /news who Home Office in Discord with an organisation card and both of its quotes', async () => {
    const interaction = discord.sendCommand('who', { name: 'Home Office' });
    await discord.waitForCallback(interaction);
    const message = discord.responseOf(interaction);
    const [card, quotes] = (message?.embeds ?? []) as APIEmbed[];
    expect(card?.author?.name).toBe('Organisation');
    expect(card?.title).toBe('Home Office');
    expect(quotes?.description).toContain('“The rules have not changed”');
    expect(quotes?.description).toContain('“We are reviewing every case”');
  });

  it('answers /news who Home Office in Slack with the kind in the card', async () => {
    const id = randomUUID();
    await slack.sendEnvelope('slash_commands', slashCommandFields('who Home Office', slack.responseUrl(id)));
    const response = await slack.waitForResponse(id);
    expect(validateMessage(response.body)).toEqual([]);
    const text = JSON.stringify(response.body.blocks);
    expect(text).toContain('Organisation · appears in 1 article');
    expect(text).toContain('We are reviewing every case');
  });

  it('shows a person as a person, with her role, in the console', async () => {
    const harper = await handleConsoleLine('/news who Harper', desk.deps, createTestLogger());
    expect(harper).toContain('Joan Harper (person)');
    expect(harper).toContain('Home Secretary');
    expect(await handleConsoleLine('/news who Home Office', desk.deps, createTestLogger())).toContain(
      'Home Office (organisation)',
    );
  });
});
