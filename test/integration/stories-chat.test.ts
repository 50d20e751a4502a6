import { randomUUID } from 'node:crypto';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleConsoleLine } from '../../src/adapters/console/console-adapter.js';
import { createDiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { openSqliteStore, type SqliteArticleStore } from '../../src/adapters/store/sqlite/article-store.js';
import { createNewsService } from '../../src/core/news.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { FakeSlack, postSigned, slashCommandFields } from '../fakes/fake-slack.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { floodArticles, storyArticles } from '../fixtures/story-articles.js';
import { fileRecord, replaceFile } from '../helpers/article-store-contract.js';
import { createTestLogger } from '../helpers/test-logger.js';

// stories through the real discord.js Client, the real Bolt App and the console, on articles written for the tests

const SIGNING_SECRET = 'test-signing-secret-0123456789';
const articles = storyArticles();
const [herald, wire] = articles;

let store: SqliteArticleStore;
let deps: { news: ReturnType<typeof createNewsService>; clock: FixedClock };
let discord: FakeDiscord;
let discordAdapter: ReturnType<typeof createDiscordAdapter>;
let slack: FakeSlack;
let slackAdapter: SlackAdapter;

beforeAll(async () => {
  const clock = new FixedClock('2026-03-10T13:00:00Z');
  store = openSqliteStore({ path: ':memory:', clock });
  for (const [i, article] of articles.entries()) await replaceFile(store, fileRecord(`feed-${i}`), [article]);
  deps = { news: createNewsService({ store }), clock };
  discord = await FakeDiscord.start();
  discordAdapter = createDiscordAdapter({
    token: 'MTIz.fake-bot.token-never-logged',
    applicationId: discord.applicationId,
    apiUrl: discord.apiUrl,
    deps,
    logger: createTestLogger(),
    restOptions: { retries: 0, timeout: 5_000 },
  });
  await discordAdapter.start();
  slack = await new FakeSlack().start();
  slackAdapter = createSlackAdapter({
    botToken: 'xoxb-111-222-testtoken',
    signingSecret: SIGNING_SECRET,
    port: 0,
    apiUrl: slack.apiUrl,
    deps,
    logger: createTestLogger(),
    botId: 'B0000BOT',
    botUserId: 'U0000BOT',
  });
  await slackAdapter.start();
});

afterAll(async () => {
  await discordAdapter?.stop();
  await discord?.stop();
  await slackAdapter?.stop();
  await slack?.stop();
  await store?.close();
});

async function discordEmbeds(subcommand: string, options: Record<string, string | number>): Promise<APIEmbed[]> {
  const interaction = discord.sendCommand(subcommand, options);
  const callback = await discord.waitForCallback(interaction);
  const type = (callback.body as { type: number }).type;
  if (type === 5) {
    await discord.waitFor((c) => c.method === 'PATCH' && c.path.includes(`/${interaction.token}/messages/@original`));
  }
  return (discord.responseOf(interaction)?.embeds ?? []) as APIEmbed[];
}

async function slackText(text: string): Promise<string> {
  const id = randomUUID();
  await postSigned(
    `http://127.0.0.1:${slackAdapter.port()}/slack/events`,
    SIGNING_SECRET,
    slashCommandFields(text, slack.responseUrl(id)),
  );
  const response = await slack.waitForResponse(id);
  return JSON.stringify(response.body.blocks);
}

describe('stories in chat', () => {
  it('lists stories on Discord with the lead headline and the outlets carrying each', async () => {
    const embeds = await discordEmbeds('latest', { count: 3 });
    expect(embeds.map((embed) => embed.title)).toEqual([herald!.title, wire!.title, articles[3]!.title]);
    expect(embeds[0]?.description).toMatch(/^\*\*3 outlets\*\*: Herald, Gazette, Courier\n/);
    expect(embeds[0]?.url).toBe(herald!.url);
    expect(embeds[1]?.description).toMatch(/^\*\*2 outlets\*\*: Wire, Post\n/);
    // a story of one outlet looks as an article does
    expect(embeds[2]?.description).not.toContain('outlets');
  });

  it('shows one story on Discord: each outlet’s headline and link, and who is quoted by which outlets', async () => {
    const embeds = await discordEmbeds('story', { story: 'Altena' });
    const text = JSON.stringify(embeds);
    expect(text).toContain('3 outlets: Herald, Gazette, Courier');
    expect(text).toContain('Uwe Kessler: Herald, Courier');
    const articleEmbeds = embeds.filter((embed) => embed.url);
    expect(articleEmbeds.map((embed) => embed.title)).toEqual(
      [articles[0], articles[2], articles[5]].map((a) => a!.title),
    );
  });

  it('lists stories and shows one on Slack', async () => {
    const latest = await slackText('latest 2');
    expect(latest).toContain('_3 outlets:_ Herald, Gazette, Courier');
    expect(latest).toContain('_2 outlets:_ Wire, Post');
    const story = await slackText(`story ${wire!.id.slice(0, 10)}`);
    expect(story).toContain(wire!.title);
    expect(story).toContain('2 outlets: Wire, Post');
    expect(story).toContain('https://post.example/2026-03-10');
  });

  it('shows words several outlets quote once, with how many others carry them, on Discord, Slack and the console', async () => {
    const embeds = await discordEmbeds('who', { name: 'Kessler' });
    const quotes = embeds.filter((embed) => embed.description?.startsWith('> “'));
    const water = quotes.filter((embed) => embed.description?.includes('The water rose faster'));
    expect(water).toHaveLength(1);
    expect(water[0]?.description).toMatch(/The water rose faster.*\n— .* · also in 1 outlet\n/);
    expect(await slackText('who Kessler')).toContain('also in 1 outlet');
    const terminal = await handleConsoleLine('/news who Kessler', deps, createTestLogger());
    expect(terminal.match(/The water rose faster/g)).toHaveLength(1);
    expect(terminal).toContain('also in 1 outlet');
  });

  it('lists stories and shows one in the console', async () => {
    const latest = await handleConsoleLine('/news latest 3', deps, createTestLogger());
    expect(latest).toContain(`▸ ${herald!.title}`);
    expect(latest).toContain('  3 outlets: Herald, Gazette, Courier');
    const story = await handleConsoleLine('/news story River Lenne bursts', deps, createTestLogger());
    expect(story).toContain(`== ${herald!.title} ==`);
    expect(story).toContain('Uwe Kessler: Herald, Courier');
    expect(story).toContain('https://courier.example/2026-03-10');
  });

  it('pages a story of many outlets five articles at a time', async () => {
    const clock = new FixedClock('2026-03-10T13:00:00Z');
    const big = openSqliteStore({ path: ':memory:', clock });
    try {
      const flood = floodArticles();
      // four more outlets retell the Herald's article under their own names
      const retold = [1, 2, 3, 4].map((n) => ({
        ...flood[0]!,
        id: `${flood[0]!.id.slice(0, 12)}${n}`,
        title: `${flood[0]!.title} (${n})`,
        source: `Outlet ${n}`,
        url: `https://outlet${n}.example/flood`,
      }));
      for (const [i, article] of [...flood, ...retold].entries()) {
        await replaceFile(big, fileRecord(`flood-${i}`), [article]);
      }
      const bigDeps = { news: createNewsService({ store: big }), clock };
      const first = await handleConsoleLine('/news story Altena', bigDeps, createTestLogger());
      expect(first).toContain('7 outlets: Herald, Gazette, Courier, Outlet 1, Outlet 2, Outlet 3, Outlet 4');
      expect(first).toContain('Page 1 of 2. Next: /news story Altena page 2');
      const second = await handleConsoleLine('/news story Altena page 2', bigDeps, createTestLogger());
      expect(second.match(/▸ /g)).toHaveLength(2);
      expect(second).toContain('https://outlet4.example/flood');
      expect(second).not.toContain('Quoted');
    } finally {
      await big.close();
    }
  });
});
