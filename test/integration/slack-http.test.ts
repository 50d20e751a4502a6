import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import type { NewsService } from '../../src/core/news-service.js';
import type { Reply } from '../../src/core/reply.js';
import {
  blockActionsPayload,
  FakeSlack,
  postSigned,
  type RecordedCall,
  slashCommandFields,
  validateMessage,
} from '../fakes/fake-slack.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { ARTICLES_DIR, createDepsFromArticles, type TestDesk } from '../helpers/seed-deps.js';
import { createTestLogger } from '../helpers/test-logger.js';

const SIGNING_SECRET = 'test-signing-secret-0123456789';
const BOT_TOKEN = 'xoxb-111-222-testtoken';
const SEED_FILE = '000_a81465b85111eb58.txt';

// written for these tests: an article whose text tries to ping the channel and smuggle a link
const HOSTILE_ARTICLE = `Harbour board <!channel> vote delayed & disputed

By Test Desk, Example Wire

The harbour board postponed its vote on Monday. <!channel> <!here> <@U0BADUSER> see <http://evil.example|the real results>.
"We need more time <!everyone>," said board chair Lena Okafor, who called the delay "regrettable & necessary".
`;

// written for these tests: one enormous paragraph full of characters that grow when escaped
const GIANT_ARTICLE = `Enormous omnibus bill text published in full

By Test Desk, Example Wire

${'Section & subsection <a> > b, AT&T and R&D clauses follow. '.repeat(400)}
`;

let fake: FakeSlack;
let desk: TestDesk;
let adapter: SlackAdapter;
let endpoint: string;
const logger = createTestLogger();
const failing = { search: false };

/** A news service whose search can be made to fail like a broken database. */
function withFailingSearch(news: NewsService): NewsService {
  return new Proxy(news, {
    get(target, property, receiver) {
      if (property === 'search' && failing.search) {
        return async () => {
          throw new Error('SQLITE_BUSY: database is locked');
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

beforeAll(async () => {
  fake = await new FakeSlack().start();
  desk = await createDepsFromArticles(
    [
      { name: SEED_FILE, text: readFileSync(join(ARTICLES_DIR, SEED_FILE), 'utf8') },
      { name: 'hostile.txt', text: HOSTILE_ARTICLE },
      { name: 'giant.txt', text: GIANT_ARTICLE },
    ],
    new FixedClock('2026-02-14T12:00:00Z'),
  );
  adapter = createSlackAdapter({
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    port: 0,
    apiUrl: fake.apiUrl,
    deps: { ...desk.deps, news: withFailingSearch(desk.deps.news) },
    logger,
    clientOptions: { retryConfig: { retries: 1, factor: 1, minTimeout: 0, maxTimeout: 10 } },
    botId: 'B0000BOT',
    botUserId: 'U0000BOT',
  });
  await adapter.start();
  endpoint = `http://127.0.0.1:${adapter.port()}/slack/events`;
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.stop();
  await desk?.close();
});

interface Answer {
  status: number;
  ack: string;
  response: RecordedCall;
}

/** Sends a signed `/news <text>` and waits for the answer on its response_url. */
async function slash(text: string): Promise<Answer> {
  const id = randomUUID();
  const res = await postSigned(endpoint, SIGNING_SECRET, slashCommandFields(text, fake.responseUrl(id)));
  const ack = await res.text();
  return { status: res.status, ack, response: await fake.waitForResponse(id) };
}

/** Presses a button (block_actions) and waits for `count` posts on the action's response_url. */
async function press(button: { action_id: string; value: string }, count = 1): Promise<RecordedCall[]> {
  const id = randomUUID();
  const payload = JSON.stringify(blockActionsPayload(button, fake.responseUrl(id)));
  const res = await postSigned(endpoint, SIGNING_SECRET, { payload });
  expect(res.status).toBe(200);
  await fake.waitForResponse(id, count);
  return fake.responses(id);
}

type Block = {
  type: string;
  text?: { text: string };
  elements?: { action_id?: string; value?: string; text?: unknown }[];
};

function blocksOf(call: RecordedCall): Block[] {
  return (call.body.blocks ?? []) as Block[];
}

function headerOf(call: RecordedCall): string | undefined {
  return blocksOf(call).find((block) => block.type === 'header')?.text?.text;
}

function button(call: RecordedCall, actionId: string): { action_id: string; value: string } {
  const element = blocksOf(call)
    .flatMap((block) => block.elements ?? [])
    .find((candidate) => candidate.action_id === actionId);
  if (element?.value === undefined) throw new Error(`no ${actionId} button in ${JSON.stringify(call.body)}`);
  return { action_id: actionId, value: element.value };
}

/** The mrkdwn strings Slack would parse: the fallback, section texts and context elements. */
function mrkdwnOf(call: RecordedCall): string[] {
  const texts = [String(call.body.text ?? '')];
  for (const block of blocksOf(call)) {
    if (block.type === 'section' && block.text) texts.push(block.text.text);
    if (block.type === 'context') for (const element of block.elements ?? []) texts.push(String(element.text ?? ''));
  }
  return texts;
}

function expectAccepted(call: RecordedCall): void {
  expect(call.status).toBe(200);
  expect(validateMessage(call.body)).toEqual([]);
  expect(String(call.body.text ?? '').length).toBeGreaterThan(0);
}

describe('Slack adapter over HTTP (signed requests to a real Bolt app)', () => {
  it('answers /news who Rubio with Marco Rubio and his quotes as block quotes, privately, after an empty ack', async () => {
    const { status, ack, response } = await slash('who Rubio');
    expect(status).toBe(200);
    expect(ack).toBe('');
    expectAccepted(response);
    expect(response.body.response_type).toBe('ephemeral');
    expect(headerOf(response)).toBe('Marco Rubio');
    const sections = blocksOf(response)
      .filter((block) => block.type === 'section')
      .map((block) => block.text?.text ?? '');
    const quotes = sections.filter((text) => text.startsWith('>'));
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(quote).toContain('— *Marco Rubio*');
    expect(String(response.body.text)).toContain('Marco Rubio');
    expect(button(response, 'news_share').value).toContain('"c":"who"');
  });

  it('takes a quoted full name as one argument', async () => {
    const { response } = await slash('who "Marco Rubio"');
    expectAccepted(response);
    expect(headerOf(response)).toBe('Marco Rubio');
  });

  it.each([
    ['latest', 'Latest news'],
    ['latest 2', 'Latest news'],
    ['search Ukraine talks', undefined],
    ['read Florida Ukraine talks', 'US, Russian officials to meet in Florida for more Ukraine talks'],
    ['digest 3650d', undefined],
    ['help', 'newsdesk: news summaries and who said what'],
    ['', 'newsdesk: news summaries and who said what'],
  ])('answers /news %s with a valid Block Kit message', async (text, header) => {
    const { response } = await slash(text);
    expectAccepted(response);
    if (header !== undefined) expect(headerOf(response)).toBe(header);
    expect(JSON.stringify(response.body.blocks)).not.toContain('Something went wrong');
  });

  it('shows help, naming the mistake, for an unknown subcommand', async () => {
    const { response } = await slash('frobnicate now');
    expectAccepted(response);
    const text = JSON.stringify(response.body.blocks);
    expect(text).toContain('There is no /news frobnicate');
    expect(text).toContain('/news who');
  });

  it('reports an invalid option as a private error without a share button', async () => {
    const { response } = await slash('latest many');
    expectAccepted(response);
    expect(JSON.stringify(response.body.blocks)).not.toContain('news_share');
  });

  it('rejects a wrong signature and a stale timestamp with 401 without running the handler', async () => {
    const badId = randomUUID();
    const staleId = randomUUID();
    const wrong = await postSigned(
      endpoint,
      'not-the-secret',
      slashCommandFields('who Rubio', fake.responseUrl(badId)),
    );
    const staleAt = Math.floor(Date.now() / 1000) - 6 * 60;
    const stale = await postSigned(
      endpoint,
      SIGNING_SECRET,
      slashCommandFields('who Rubio', fake.responseUrl(staleId)),
      staleAt,
    );
    expect(wrong.status).toBe(401);
    expect(stale.status).toBe(401);
    // a valid command answered afterwards shows the queue is drained: the rejected ones never got an answer
    await slash('help');
    expect(fake.responses(badId)).toEqual([]);
    expect(fake.responses(staleId)).toEqual([]);
  });

  it('pages with Next and Previous buttons that replace the message', async () => {
    const { response } = await slash('read Florida Ukraine talks');
    expect(JSON.stringify(response.body.blocks)).toMatch(/Page 1 of \d+/);
    const [next] = await press(button(response, 'news_page_next'));
    if (!next) throw new Error('no answer to Next');
    expectAccepted(next);
    expect(next.body.replace_original).toBe(true);
    expect(next.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(next.body.blocks)).toMatch(/Page 2 of \d+/);
    const [previous] = await press(button(next, 'news_page_previous'));
    if (!previous) throw new Error('no answer to Previous');
    expect(previous.body.replace_original).toBe(true);
    expect(JSON.stringify(previous.body.blocks)).toMatch(/Page 1 of \d+/);
  });

  it('shares a result in the channel and tells the user so', async () => {
    const { response } = await slash('who Rubio');
    const [shared, note] = await press(button(response, 'news_share'), 2);
    if (!shared || !note) throw new Error('expected two posts on the response_url');
    expectAccepted(shared);
    expect(shared.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(headerOf(shared)).toBe('Marco Rubio');
    expect(JSON.stringify(shared.body.blocks)).toContain('Shared by <@U0000USER>');
    expect(JSON.stringify(shared.body.blocks)).not.toContain('news_share');
    expect(note.body).toMatchObject({
      response_type: 'ephemeral',
      replace_original: true,
      text: 'Shared to the channel.',
    });
  });

  it('answers a forged button value with a short private note', async () => {
    const [answer] = await press({ action_id: 'news_page_next', value: '{"not":"ours"}' });
    expect(answer?.body).toMatchObject({
      response_type: 'ephemeral',
      text: 'That button no longer works. Run /news again.',
    });
  });

  it('escapes <!channel>, mentions and links from an article so nothing pings or links', async () => {
    const { response } = await slash('read Harbour board vote delayed');
    expectAccepted(response);
    const mrkdwn = mrkdwnOf(response).join('\n');
    expect(mrkdwn).toContain('&lt;!channel&gt;');
    expect(mrkdwn).not.toMatch(/<!(channel|here|everyone)>/);
    expect(mrkdwn).not.toContain('<@U0BADUSER>');
    expect(mrkdwn).not.toContain('<http://evil.example');
  });

  it('keeps an enormous article within Slack limits so the message is accepted', async () => {
    const { response } = await slash('read Enormous omnibus bill');
    expectAccepted(response);
    expect(blocksOf(response).length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(response.body.blocks)).toContain('AT&amp;T');
  });

  it('turns a failing core into a short apology and a log line naming the command', async () => {
    failing.search = true;
    try {
      const { response } = await slash('search harbour');
      expect(response.body.response_type).toBe('ephemeral');
      expect(JSON.stringify(response.body.blocks)).toContain('Sorry, /news search failed on our side.');
      expect(JSON.stringify(response.body)).not.toContain('SQLITE_BUSY');
    } finally {
      failing.search = false;
    }
    const record = logger.records.find(
      (entry) => entry.level === 'error' && JSON.stringify(entry.obj).includes('SQLITE_BUSY'),
    );
    expect(record?.obj).toMatchObject({ command: 'search' });
    // the app keeps serving after the failure
    const { response } = await slash('who Rubio');
    expect(headerOf(response)).toBe('Marco Rubio');
  });
});

describe('signed requests', () => {
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  it('refuses a command signed ten minutes in the future, and runs nothing', async () => {
    const id = randomUUID();
    const fields = slashCommandFields('who Rubio', fake.responseUrl(id));
    const res = await postSigned(endpoint, SIGNING_SECRET, fields, nowSeconds() + 600);
    expect(res.status).toBe(401);
    // the wall clock may tick past a second between signing and the check: about 600 s, never less than 590
    const skew = Number(/request timestamp is (\d+) s in the future/.exec(await res.text())?.[1]);
    expect(skew).toBeGreaterThanOrEqual(590);
    expect(skew).toBeLessThanOrEqual(600);
    // a request that was let in has been answered before this one's answer arrives
    expect((await slash('help')).status).toBe(200);
    expect(fake.responses(id)).toEqual([]);
  });

  it('refuses a command signed ten minutes ago, as Bolt does', async () => {
    const id = randomUUID();
    const res = await postSigned(
      endpoint,
      SIGNING_SECRET,
      slashCommandFields('help', fake.responseUrl(id)),
      nowSeconds() - 600,
    );
    expect(res.status).toBe(401);
  });

  it('runs a signed request once: the same request sent again is refused', async () => {
    const id = randomUUID();
    const fields = slashCommandFields('who Rubio', fake.responseUrl(id));
    const timestamp = nowSeconds();
    const first = await postSigned(endpoint, SIGNING_SECRET, fields, timestamp);
    expect(first.status).toBe(200);
    await fake.waitForResponse(id);
    const replay = await postSigned(endpoint, SIGNING_SECRET, fields, timestamp);
    expect(replay.status).toBe(401);
    expect(await replay.text()).toBe('request already received (a replay)\n');
    expect((await slash('help')).status).toBe(200);
    expect(fake.responses(id)).toHaveLength(1);
    expect(logger.text()).toContain('request already received (a replay)');
  });

  it('still refuses a request with a bad signature through Bolt', async () => {
    const id = randomUUID();
    const res = await postSigned(
      endpoint,
      'not-the-secret-0123456789',
      slashCommandFields('help', fake.responseUrl(id)),
    );
    expect(res.status).toBe(401);
  });
});

describe('postDigest', () => {
  const digest: Reply = {
    title: 'Morning digest',
    blocks: [
      {
        type: 'article',
        id: 'abc123',
        title: 'Ministers <!channel> agree',
        url: 'https://news.example/a',
        source: 'Example Wire',
        publishedAt: '2025-12-20T08:00:00Z',
        publishedApprox: false,
        summary: 'A deal & a timetable.',
      },
    ],
  };

  it('posts to the channel with blocks and a fallback, retrying after a 429', async () => {
    fake.rateLimitNextPosts = 1;
    fake.rateLimitRetryAfter = 0;
    const before = fake.apiCalls('chat.postMessage').length;
    // one workspace, one token: a workspace id on the target changes nothing
    const { messageId } = await adapter.postDigest({ channelId: 'C0DIGEST', workspaceId: 'T0OTHER' }, digest);
    const calls = fake.apiCalls('chat.postMessage').slice(before);
    expect(calls.map((call) => call.status)).toEqual([429, 200]);
    const posted = calls[1] as RecordedCall;
    expect(messageId).toBe((posted.response as { ts: string }).ts);
    expect(posted.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(posted.body.channel).toBe('C0DIGEST');
    expectAccepted(posted);
    expect(mrkdwnOf(posted).join('\n')).not.toContain('<!channel>');
  });

  it('splits a digest too large for one message over several accepted messages', async () => {
    const big: Reply = {
      title: 'Weekly digest',
      blocks: Array.from({ length: 80 }, (_, i) => ({
        type: 'article' as const,
        id: `id${i}`,
        title: `Story number ${i}`,
        url: `https://news.example/${i}`,
        source: 'Example Wire',
        publishedAt: '2025-12-20T08:00:00Z',
        publishedApprox: false,
        summary: `Summary ${i}. ${'More detail here. '.repeat(40)}`,
      })),
    };
    const before = fake.apiCalls('chat.postMessage').length;
    const { messageId } = await adapter.postDigest({ channelId: 'C0DIGEST', workspaceId: null }, big);
    const calls = fake.apiCalls('chat.postMessage').slice(before);
    expect(calls.length).toBeGreaterThan(1);
    for (const call of calls) expectAccepted(call);
    expect(messageId).toBe((calls[0] as RecordedCall & { response: { ts: string } }).response.ts);
  });

  it('never logs the bot token or the signing secret', () => {
    const logged = logger.text();
    expect(logged).not.toContain(BOT_TOKEN);
    expect(logged).not.toContain(SIGNING_SECRET);
  });
});
