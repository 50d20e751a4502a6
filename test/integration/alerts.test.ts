import { randomUUID } from 'node:crypto';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandDeps } from '../../commands/spec.js';
import { createDiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { createSqliteFollowStore } from '../../src/adapters/store/sqlite/follow-store.js';
import { type AlertScheduler, createAlertScheduler } from '../../src/core/alerts/alert-scheduler.js';
import { createFollowService } from '../../src/core/alerts/follow-service.js';
import { ingestFile } from '../../src/core/ingest/ingest-file.js';
import type { ChatAdapter, FollowStore } from '../../src/core/ports.js';
import { FakeDiscord, MANAGER_PERMISSIONS } from '../fakes/fake-discord.js';
import { FakeSlack, postSigned, slashCommandFields } from '../fakes/fake-slack.js';
import { madeUpWords } from '../fixtures/story-articles.js';
import { createSeedDeps, type TestDesk } from '../helpers/seed-deps.js';
import { createTestLogger } from '../helpers/test-logger.js';

// live alerts: /news follow through the real discord.js Client and Bolt App, new articles ingested, and the
// alerts the scheduler posts into the loopback Discord and Slack fakes

const MINUTE = 60_000;
const SECRET = 'alert-test-signing-secret';
const ROLE = '7000000000000000042';
const SLACK_CHANNEL = 'C0000CHAN';

let discordFake: FakeDiscord;
let slackFake: FakeSlack;
let desk: TestDesk;
let follows: FollowStore;
let discord: ReturnType<typeof createDiscordAdapter>;
let slack: SlackAdapter;
let adapters: Map<string, ChatAdapter>;
let scheduler: AlertScheduler;
let slackEndpoint: string;
let fileCount = 0;
const logger = createTestLogger();

/** Stores one JSON article (a file of its own), as the file source does when a file lands. */
async function addArticle(article: { title: string; body: string; source?: string; url?: string }): Promise<void> {
  const name = `alert-${++fileCount}.json`;
  const bytes = Buffer.from(
    JSON.stringify({ url: `https://news.example/${fileCount}`, publishedAt: '2026-03-27', ...article }),
  );
  await ingestFile({ store: desk.store }, { path: name, bytes, size: bytes.length, mtimeMs: fileCount });
}

/** An article with `count` distinct quotes by the made-up finance minister. */
function lindqvistArticle(tag: string, count = 1, source = 'Harbour Gazette') {
  const paragraphs = Array.from(
    { length: count },
    (_, i) =>
      `"The ${tag} plan number ${i + 1} keeps the ferries running for every island family," said Finance Minister Ada Lindqvist.`,
  );
  return {
    title: `Harbour council: ${tag}`,
    body: [`The harbour council met on Tuesday to debate the ${tag} budget.`, ...paragraphs].join('\n\n'),
    source,
  };
}

/** Made-up words of the test event below, so no other article here joins its story. */
const [PLACE = '', STORM = '', PIER = '', CREW = '', YARD = ''] = madeUpWords('alerts-story-event', 5).split(' ');

/** How each outlet words its headline and lead about the made-up bridge closure. */
const CLOSURE_WORDING = [
  [`${PLACE} bridge closed after the ${STORM} storm damaged its pillars`, 'was closed on Friday after'],
  [`Storm ${STORM} shuts the ${PLACE} bridge`, 'shut on Friday when'],
  [`${PLACE} bridge stays shut as ${STORM} storm hits ${PIER} pillars`, 'stayed shut on Friday after'],
  [`${STORM} storm: ${PLACE} bridge closed until further notice`, 'has been closed since Friday, when'],
] as const;

/** One outlet's report of the closure (wording `n`), quoting the mayor; `extra` adds a quote of her own. */
function closureArticle(source: string, n: number, extra?: string) {
  const [title, lead] = CLOSURE_WORDING[n] ?? CLOSURE_WORDING[0];
  const quotes = [
    `"The ${PLACE} bridge stays shut until the ${CREW} engineers have checked every ${PIER} pillar," said Mayor Tove Brekke.`,
    ...(extra ? [`"${extra}," Brekke added.`] : []),
  ];
  return {
    title,
    body: [
      `The ${PLACE} bridge ${lead} the ${STORM} storm damaged the ${PIER} pillars near the ${YARD} yard, the harbour office said.`,
      ...quotes,
    ].join('\n\n'),
    source,
  };
}

function channelPosts(channelId = discordFake.channelId) {
  return discordFake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`);
}

function slackPosts() {
  return slackFake.apiCalls('chat.postMessage').filter((c) => c.body.channel === SLACK_CHANNEL);
}

function textOf(body: unknown): string {
  const message = body as { content?: string; embeds?: APIEmbed[] };
  return [message.content ?? '', ...(message.embeds ?? []).map((e) => `${e.title ?? ''} ${e.description ?? ''}`)].join(
    '\n',
  );
}

beforeAll(async () => {
  discordFake = await FakeDiscord.start();
  slackFake = await new FakeSlack().start();
  desk = await createSeedDeps();
  desk.clock.set('2026-03-27T10:00:00Z');
  follows = createSqliteFollowStore(desk.store.db);
  const deps: CommandDeps = {
    ...desk.deps,
    follows: createFollowService({ store: follows, articles: desk.store, news: desk.deps.news, clock: desk.clock }),
  };
  discord = createDiscordAdapter({
    token: 'MTIz.alert.token',
    applicationId: discordFake.applicationId,
    apiUrl: discordFake.apiUrl,
    deps,
    logger,
    restOptions: { retries: 0, timeout: 5_000 },
  });
  slack = createSlackAdapter({
    botToken: 'xoxb-alert-test',
    signingSecret: SECRET,
    port: 0,
    apiUrl: slackFake.apiUrl,
    deps,
    logger,
    botId: 'B0ALERT',
    botUserId: 'U0ALERT',
    clientOptions: { retryConfig: { retries: 0 } },
  });
  await Promise.all([discord.start(), slack.start()]);
  slackEndpoint = `http://127.0.0.1:${slack.port()}/slack/events`;
  adapters = new Map<string, ChatAdapter>([
    ['discord', discord],
    ['slack', slack],
  ]);
  scheduler = newScheduler('process-1');
});

afterAll(async () => {
  await scheduler?.stop();
  await discord?.stop();
  await slack?.stop();
  await discordFake?.stop();
  await slackFake?.stop();
  await desk?.close();
});

/** A scheduler as a (re)started process would create it, over the same database. */
function newScheduler(instanceId: string): AlertScheduler {
  return createAlertScheduler({
    follows,
    articles: desk.store,
    people: desk.store,
    adapters,
    clock: desk.clock,
    logger,
    instanceId,
  });
}

async function discordCommand(name: string, options: Record<string, string | number>, permissions?: string) {
  const interaction = discordFake.sendCommand(name, options, permissions ? { permissions } : {});
  const callback = await discordFake.waitForCallback(interaction);
  if ((callback.body as { type: number }).type === 5) {
    await discordFake.waitFor(
      (c) => c.method === 'PATCH' && c.path.includes(`/${interaction.token}/messages/@original`),
    );
  }
  return textOf(discordFake.responseOf(interaction));
}

async function slackCommand(text: string): Promise<string> {
  const id = randomUUID();
  const response = await postSigned(slackEndpoint, SECRET, slashCommandFields(text, slackFake.responseUrl(id)));
  expect(response.status).toBe(200);
  const answer = await slackFake.waitForResponse(id);
  return JSON.stringify(answer.body);
}

/** Let a minute pass, so each follow may post again. */
function nextMinute(): void {
  desk.clock.advance(MINUTE);
}

describe('live alerts on Discord and Slack', () => {
  it('follows a speaker on Discord only for channel managers, and posts a new quote with a ping for that role only', async () => {
    const refused = await discordCommand('follow who', { name: 'Ada Lindqvist' });
    expect(refused).toContain('Only members who can manage this channel');
    // the @everyone role (the server's id) is no ping
    const everyone = await discordCommand(
      'follow who',
      { name: 'Ada Lindqvist', ping: discordFake.guildId },
      MANAGER_PERMISSIONS,
    );
    expect(everyone).toMatch(/That ping is not a role\. Pick a role for ping \(not @\W?everyone\)/);
    const answer = await discordCommand('follow who', { name: 'Ada Lindqvist', ping: ROLE }, MANAGER_PERMISSIONS);
    expect(answer).toContain('This channel will get every new quote by Ada Lindqvist');
    // what was stored before the follow is never alerted
    expect(await scheduler.tick()).toMatchObject({ posted: 0 });

    await addArticle(lindqvistArticle('ferry timetable'));
    const before = channelPosts().length;
    expect(await scheduler.tick()).toMatchObject({ posted: 1, failed: 0 });
    const [post] = channelPosts().slice(before);
    expect(post?.status).toBe(200);
    const body = post?.body as { content: string; allowed_mentions: unknown };
    expect(body.content.startsWith(`<@&${ROLE}> `)).toBe(true);
    expect(body.allowed_mentions).toEqual({ parse: [], roles: [ROLE] });
    const text = textOf(post?.body);
    expect(text).toContain('Ada Lindqvist');
    expect(text).toContain('The ferry timetable plan number 1 keeps the ferries running');
    expect(text).toContain('[Harbour council: ferry timetable](https://news.example/');
    expect(text).toContain('Harbour Gazette');
  });

  it('autocompletes the name of /news follow who like /news who', async () => {
    const interaction = discordFake.sendCommand('follow who', { name: 'Lindq' }, { focused: 'name' });
    const callback = await discordFake.waitForCallback(interaction);
    expect(callback.body).toMatchObject({
      type: 8,
      data: { choices: [expect.objectContaining({ value: 'Ada Lindqvist' })] },
    });
  });

  it('follows a speaker from a Slack slash command with a user group ping, posting one compact message', async () => {
    const answer = await slackCommand('follow who Lindqvist ping:<!subteam^S0ALERTS|@harbour-desk>');
    expect(answer).toContain('This channel will get every new quote by Ada Lindqvist');
    nextMinute();
    await addArticle(lindqvistArticle('pier repairs'));
    const before = slackPosts().length;
    expect(await scheduler.tick()).toMatchObject({ posted: 2, failed: 0 });
    const [post] = slackPosts().slice(before);
    expect(post?.response).toMatchObject({ ok: true });
    expect(String(post?.body.text)).toMatch(/^<!subteam\^S0ALERTS> /);
    expect(String(post?.body.unfurl_links)).toBe('false');
    expect(String(post?.body.unfurl_media)).toBe('false');
    expect(JSON.stringify(post?.body)).toContain('The pier repairs plan number 1 keeps the ferries running');
    const listed = await slackCommand('following');
    expect(listed).toContain('who Ada Lindqvist (with a ping): last alert 2026-03-27 10:01 UTC');
  });

  it('alerts a followed speaker’s quote given under the surname alone, as /news who lists it on the same card', async () => {
    nextMinute();
    await addArticle({
      title: 'Harbour council: lighthouse lease',
      body: [
        'The harbour council met on Wednesday to debate the lighthouse lease.',
        '"The lighthouse lease pays for the night ferry all winter," Lindqvist said after the vote.',
      ].join('\n\n'),
      source: 'Harbour Gazette',
    });
    const before = channelPosts().length;
    expect(await scheduler.tick()).toMatchObject({ posted: 2, failed: 0 });
    const text = textOf(channelPosts().slice(before)[0]?.body);
    expect(text).toContain('The lighthouse lease pays for the night ferry all winter');
  });

  it('posts a 40-quote burst as one message per channel within Discord’s and Slack’s limits, with where to read the rest', async () => {
    nextMinute();
    await addArticle(lindqvistArticle('speech transcript', 40));
    const discordBefore = channelPosts().length;
    const slackBefore = slackPosts().length;
    expect(await scheduler.tick()).toMatchObject({ posted: 2, failed: 0 });
    const discordNew = channelPosts().slice(discordBefore);
    const slackNew = slackPosts().slice(slackBefore);
    expect(discordNew).toHaveLength(1);
    expect(slackNew).toHaveLength(1);
    // the fakes reject anything over the documented limits (2000 content, 10 embeds, 6000 embed total; 50 blocks)
    expect(discordNew[0]?.status).toBe(200);
    expect(slackNew[0]?.response).toMatchObject({ ok: true });
    expect(textOf(discordNew[0]?.body)).toContain('…and 30 more. All of them: /news who Ada Lindqvist');
    expect(JSON.stringify(slackNew[0]?.body)).toContain('40 new quotes');
  });

  it('waits a minute between messages of one follow, then sends what came meanwhile as one', async () => {
    await addArticle(lindqvistArticle('early ferry'));
    const before = channelPosts().length;
    expect(await scheduler.tick()).toMatchObject({ posted: 0, waiting: 2 });
    await addArticle(lindqvistArticle('late ferry'));
    nextMinute();
    expect(await scheduler.tick()).toMatchObject({ posted: 2 });
    const posts = channelPosts().slice(before);
    expect(posts).toHaveLength(1);
    expect(textOf(posts[0]?.body)).toContain('2 new quotes');
  });

  it('lists the same quote carried by several outlets once, naming every outlet', async () => {
    nextMinute();
    const shared = (source: string) => ({
      title: `Lindqvist on the bridge (${source})`,
      body: 'The council met.\n\n"The bridge opens in May and the toll will be low," said Finance Minister Ada Lindqvist.',
      source,
    });
    await addArticle(shared('Harbour Gazette'));
    await addArticle(shared('Island Times'));
    const before = channelPosts().length;
    await scheduler.tick();
    const text = textOf(channelPosts().slice(before)[0]?.body);
    expect(text).toContain('1 new quote');
    expect(text.split('The bridge opens in May').length - 1).toBe(1);
    expect(text).toMatch(/Harbour Gazette, Island Times|Island Times, Harbour Gazette/);
  });

  it('posts nothing twice after a restart, and delivers what arrived while the bot was down as one message', async () => {
    nextMinute();
    const before = channelPosts().length;
    await scheduler.stop();
    scheduler = newScheduler('process-2');
    expect(await scheduler.tick()).toMatchObject({ posted: 0 });
    await scheduler.stop();
    // down: three articles arrive
    for (const tag of ['night ferry', 'night bus', 'night tram']) await addArticle(lindqvistArticle(tag));
    scheduler = newScheduler('process-3');
    expect(await scheduler.tick()).toMatchObject({ posted: 2 });
    const posts = channelPosts().slice(before);
    expect(posts).toHaveLength(1);
    expect(textOf(posts[0]?.body)).toContain('3 new quotes');
  });

  it('never alerts an old article analysed again', async () => {
    nextMinute();
    const [old] = (await desk.store.latest({ limit: 200 })).items.filter((a) => a.title.includes('ferry timetable'));
    const stored = old ? await desk.store.getArticle(old.id) : null;
    expect(stored).not.toBeNull();
    if (stored) await desk.store.replaceAnalyses([{ ...stored, id: stored.id, summary: stored.summary }]);
    expect(await scheduler.tick()).toMatchObject({ posted: 0 });
  });

  it('follows a topic and an outlet from Slack, posting each new matching article with its summary and link', async () => {
    expect(await slackCommand('follow topic lighthouse')).toContain('every new article about \\"lighthouse\\"');
    expect(await slackCommand('follow source Island Times')).toContain('every new article from Island Times');
    nextMinute();
    await addArticle({
      title: 'Lighthouse keepers return to the north cape',
      body: 'The old lighthouse on the north cape has keepers again after forty years, the harbour office said.',
      source: 'Coast Weekly',
    });
    await addArticle({
      title: 'Island Times: ferry fares frozen',
      body: 'Ferry fares will stay the same next year, the operator announced on Monday.',
      source: 'Island Times',
    });
    const before = slackPosts().length;
    await scheduler.tick();
    const posted = slackPosts()
      .slice(before)
      .map((c) => JSON.stringify(c.body));
    const topic = posted.find((p) => p.includes('New about \\"lighthouse\\"'));
    const source = posted.find((p) => p.includes('New from Island Times'));
    expect(topic).toContain('Lighthouse keepers return to the north cape');
    expect(topic).not.toContain('ferry fares frozen');
    expect(source).toContain('ferry fares frozen');
    expect(source).not.toContain('Lighthouse keepers');
  });

  it('alerts a topic once per story, naming its outlets, and a later outlet only when it brings a new quote', async () => {
    expect(await slackCommand(`follow topic ${PLACE}`)).toContain(`every new article about \\"${PLACE}\\"`);
    expect(await slackCommand('follow who Tove Brekke')).toContain('Tove Brekke');
    const tick = async () => {
      nextMinute();
      const before = slackPosts().length;
      await scheduler.tick();
      // the blocks alone: the notification text repeats the headlines
      const posted = slackPosts()
        .slice(before)
        .map((c) => JSON.stringify(c.body.blocks));
      return {
        topic: posted.filter((p) => p.includes(`New about \\"${PLACE}\\"`)),
        who: posted.filter((p) => p.includes('Tove Brekke: ')),
      };
    };
    // two outlets report the closure: one story, one entry naming both
    await addArticle(closureArticle('Fjord Post', 0));
    await addArticle(closureArticle('Valley Courier', 1));
    const first = await tick();
    expect(first.topic).toHaveLength(1);
    expect(first.topic[0]).toContain('1 story');
    expect(first.topic[0]).toContain(CLOSURE_WORDING[0][0]);
    expect(first.topic[0]).not.toContain(CLOSURE_WORDING[1][0]);
    expect(first.topic[0]).toContain('Fjord Post, Valley Courier');
    expect(first.who).toHaveLength(1);
    expect(first.who[0]).toContain('1 new quote');
    // a third outlet with nothing new: no alert for the topic, nor the quote again for the speaker
    await addArticle(closureArticle('North Wire', 2));
    expect(await tick()).toEqual({ topic: [], who: [] });
    // a fourth outlet brings a new quote: an update to the topic, and only the new quote to the speaker's followers
    await addArticle(closureArticle('Bay Record', 3, `The ${YARD} ferry runs every hour until the bridge reopens`));
    const update = await tick();
    expect(update.topic).toHaveLength(1);
    expect(update.topic[0]).toContain(`Update: ${CLOSURE_WORDING[3][0]}`);
    expect(update.topic[0]).toContain(`The ${YARD} ferry runs every hour`);
    expect(update.topic[0]).toContain('Bay Record');
    expect(update.who).toHaveLength(1);
    expect(update.who[0]).toContain('1 new quote');
    expect(update.who[0]).not.toContain('engineers have checked');
    expect(await slackCommand(`unfollow ${PLACE}`)).toContain('Stopped');
    expect(await slackCommand('unfollow Tove Brekke')).toContain('Stopped');
  });

  it('shows a quote carried by several outlets once in /news quotes, saying in how many more it is', async () => {
    // the blocks alone: the notification text repeats them
    const blocks = async (text: string) =>
      JSON.stringify((JSON.parse(await slackCommand(text)) as { blocks: unknown }).blocks);
    const answer = await blocks(`quotes ${CREW} engineers`);
    expect(answer).toContain(`Who said something about \\"${CREW} engineers\\": 1 quote, 1 speaker`);
    expect(answer).toContain('Tove Brekke (1 quote)');
    expect(answer.split('engineers have checked every').length).toBe(2);
    expect(answer).toContain('also in 3 outlets');
    // the Bay Record's own quote is in one outlet only
    const own = await blocks(`quotes ${YARD} ferry`);
    expect(own).toContain('runs every hour');
    expect(own).not.toContain('also in');
  });

  it('marks a follow whose channel forbids posting as failing, backs off, and recovers', async () => {
    nextMinute();
    discordFake.script({
      method: 'POST',
      path: /^\/channels\/\d+\/messages$/,
      status: 403,
      body: { code: 50013, message: 'Missing Permissions' },
    });
    await addArticle(lindqvistArticle('denied'));
    expect(await scheduler.tick()).toMatchObject({ failed: 1 });
    const listed = await discordCommand('following', {});
    expect(listed).toContain('FAILING: Discord: missing permission (50013)');
    const calls = discordFake.calls.length;
    desk.clock.advance(10 * MINUTE);
    await scheduler.tick();
    expect(discordFake.calls.slice(calls).some((c) => c.path.startsWith('/channels/'))).toBe(false);
    desk.clock.advance(2 * 60 * MINUTE);
    const before = channelPosts().length;
    expect(await scheduler.tick()).toMatchObject({ failed: 0 });
    expect(
      channelPosts()
        .slice(before)
        .map((c) => c.status),
    ).toEqual([200]);
    const [follow] = (await follows.forChannel('discord', discordFake.channelId)).filter((f) => f.kind === 'who');
    expect(follow?.failureReason).toBeNull();
  });

  it('finds who said something about a topic, and one speaker’s quotes about it, on both platforms', async () => {
    const grouped = await discordCommand('quotes', { terms: 'bridge toll' });
    expect(grouped).toContain('Who said something about "bridge toll"');
    expect(grouped).toContain('Ada Lindqvist');
    const about = await slackCommand('who Lindqvist about bridge');
    expect(about).toContain('Ada Lindqvist about \\"bridge\\"');
    expect(about).toContain('The bridge opens in May');
    const none = await discordCommand('who', { name: 'Lindqvist', about: 'volcano' });
    expect(none).toContain('No quotes from Ada Lindqvist about "volcano"');
  });

  it('stops a follow by its number or name', async () => {
    const [topic] = (await follows.forChannel('slack', SLACK_CHANNEL)).filter((f) => f.kind === 'topic');
    expect(await slackCommand(`unfollow ${topic?.id}`)).toContain('Stopped');
    expect(await slackCommand('unfollow Island Times')).toContain('(source Island Times)');
    expect(await slackCommand('unfollow nothing-like-this')).toContain('This channel follows no');
    expect((await follows.forChannel('slack', SLACK_CHANNEL)).map((f) => f.kind)).toEqual(['who']);
  });
});
