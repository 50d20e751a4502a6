import { type APIEmbed, DiscordAPIError, Routes } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../commands/dispatch.js';
import { commands } from '../../commands/index.js';
import type { CommandDeps } from '../../commands/spec.js';
import { createDiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { type CommandRunner, MESSAGES } from '../../src/adapters/discord/handlers.js';
import { NewsdeskError } from '../../src/core/errors.js';
import type { NewsService } from '../../src/core/news-service.js';
import type { DigestTarget } from '../../src/core/ports.js';
import type { Reply, ReplyBlock } from '../../src/core/reply.js';
import { EPHEMERAL_FLAG, FakeDiscord, type FakeMessage, MANAGER_PERMISSIONS } from '../fakes/fake-discord.js';
import { createDepsFromArticles, type TestDesk } from '../helpers/seed-deps.js';
import { createTestLogger } from '../helpers/test-logger.js';

// failures, slowness, rate limits, oversized payloads and hostile article text, through a real discord.js Client

const TOKEN = 'MTIz.fake-bot.resilience-token';
const USER = '5000000000000000001';

/** 200 quotes from one person, some long, so `who` has many pages and long quotes to fit. */
function harbourArticle(): string {
  const filler = 'keep the ferries running through the night and ';
  const paragraphs = Array.from(
    { length: 200 },
    (_, i) => `"Budget line ${i} will ${filler.repeat(1 + ((i * 7) % 23))}pay for itself," Moreno said.`,
  );
  return [
    '---',
    'title: Harbour board backs night ferries',
    'url: https://example.org/harbour',
    'source: Coastal Herald',
    'published: 2025-11-03T08:15:00Z',
    '---',
    '',
    'Harbour board chair Ada Moreno on Monday defended the plan to run ferries at night.',
    '',
    paragraphs.join('\n\n'),
    '',
  ].join('\n');
}

/** Markdown and mention syntax in every untrusted field. */
const HOSTILE = [
  '---',
  'title: "@everyone <@123> **bold** `code` [link](http://x)"',
  'url: https://example.org/hostile',
  'source: <@&456> Wire @here',
  'published: 2025-11-04T08:15:00Z',
  '---',
  '',
  'Councillor Jane Okafor said the vote was rigged.',
  '',
  '"@everyone look at <@123> and <#789> and **this** `rm -rf` [click](http://x.example/evil)," Okafor said.',
  '',
].join('\n');

let fake: FakeDiscord;
let desk: TestDesk;
const logger = createTestLogger();
let adapter: ReturnType<typeof createDiscordAdapter>;

// switches the tests flip: hold commands until released, or make the core fail
let gate: Promise<void> | null = null;
let whoFailure: Error | null = null;

let lastContext: CommandDeps['context'];

const run: CommandRunner = async (name, raw, deps) => {
  lastContext = deps.context;
  if (gate) await gate;
  return runCommand(name, raw, deps);
};

function hold(): () => void {
  let release = (): void => undefined;
  gate = new Promise((resolve) => {
    release = resolve;
  });
  return release;
}

/** The real news service, except that `who` throws while `whoFailure` is set. */
function failingWho(news: NewsService): NewsService {
  return new Proxy(news, {
    get(target, property, receiver) {
      if (property === 'who' && whoFailure) {
        const failure = whoFailure;
        return async () => {
          throw failure;
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

beforeAll(async () => {
  expect(commands.length).toBeGreaterThan(0);
  fake = await FakeDiscord.start();
  desk = await createDepsFromArticles([
    { name: 'harbour.md', text: harbourArticle() },
    { name: 'hostile.md', text: HOSTILE },
  ]);
  adapter = createDiscordAdapter({
    token: TOKEN,
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    deps: { ...desk.deps, news: failingWho(desk.deps.news) },
    logger,
    restOptions: { retries: 0, timeout: 5_000 },
    answering: { run, deferAfterMs: 50 },
  });
  await adapter.start();
});

afterEach(() => {
  gate = null;
  whoFailure = null;
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.stop();
  await desk?.close();
});

/** A Discord digest target: a channel (Discord has no workspaces). */
function target(channelId: string): DigestTarget {
  return { channelId, workspaceId: null };
}

function editOf(interaction: { token: string }) {
  return fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(`/${interaction.token}/messages/@original`));
}

function followUpOf(interaction: { token: string }) {
  return fake.waitFor((c) => c.method === 'POST' && c.path === `/webhooks/${fake.applicationId}/${interaction.token}`);
}

function embedsOf(message: FakeMessage | undefined): APIEmbed[] {
  return (message?.embeds ?? []) as APIEmbed[];
}

describe('answering in time', () => {
  it('defers a command still running after the timer, then edits the answer in', async () => {
    const release = hold();
    const interaction = fake.sendCommand('who', { name: 'Ada Moreno' });
    const callback = await fake.waitForCallback(interaction);
    expect(callback.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(fake.callsFor(interaction).filter((c) => c.method === 'PATCH')).toHaveLength(0);
    release();
    const edit = await editOf(interaction);
    expect(edit.status).toBe(200);
    expect(embedsOf(fake.responseOf(interaction))[0]?.title).toBe('Ada Moreno');
  });

  it('replaces a deferred answer with a private apology when the command then fails', async () => {
    const release = hold();
    whoFailure = new Error('disk I/O error');
    const interaction = fake.sendCommand('who', { name: 'Ada Moreno' });
    await fake.waitForCallback(interaction);
    release();
    const followUp = await followUpOf(interaction);
    expect(followUp.body).toMatchObject({ content: MESSAGES.apology, flags: EPHEMERAL_FLAG });
    expect(fake.callsFor(interaction).some((c) => c.method === 'DELETE')).toBe(true);
  });
});

describe('command context', () => {
  it('tells commands the channel, the user and whether they may manage the channel', async () => {
    await fake.waitForCallback(fake.sendCommand('help', {}, { userId: USER }));
    expect(lastContext).toEqual({
      platform: 'discord',
      channelId: fake.channelId,
      userId: USER,
      guildId: fake.guildId,
      canManageChannel: false,
    });
    await fake.waitForCallback(fake.sendCommand('help', {}, { userId: USER, permissions: MANAGER_PERMISSIONS }));
    expect(lastContext).toMatchObject({ canManageChannel: true });
  });
});

describe('handler errors', () => {
  it('shows a short private apology and logs the command when the core throws, then keeps serving', async () => {
    whoFailure = new Error('database disk image is malformed');
    const failed = fake.sendCommand('who', { name: 'Moreno' });
    const callback = await fake.waitForCallback(failed);
    expect(callback.body).toMatchObject({ type: 4, data: { content: MESSAGES.apology, flags: EPHEMERAL_FLAG } });
    const record = logger.records.find(
      (r) => r.msg === 'command failed' && JSON.stringify(r.obj).includes('malformed'),
    );
    expect(record?.obj).toMatchObject({ command: 'who' });

    whoFailure = null;
    const next = fake.sendCommand('who', { name: 'Moreno' });
    expect((await fake.waitForCallback(next)).status).toBe(204);
  });

  it('shows the user message of a NewsdeskError', async () => {
    whoFailure = new NewsdeskError('STORE_FAILURE', 'The news store is unavailable right now. Try again in a minute.');
    const interaction = fake.sendCommand('who', { name: 'Moreno' });
    const callback = await fake.waitForCallback(interaction);
    expect(callback.body).toMatchObject({
      data: { content: 'The news store is unavailable right now. Try again in a minute.', flags: EPHEMERAL_FLAG },
    });
  });

  it('logs a reply Discord refused and still tells the user something went wrong', async () => {
    fake.script({
      method: 'POST',
      path: /^\/interactions\/.+\/callback$/,
      status: 500,
      body: { code: 0, message: 'boom' },
    });
    const interaction = fake.sendCommand('help');
    await fake.waitFor((c) => c.path.startsWith(`/interactions/${interaction.id}/`) && c.status === 204);
    const statuses = fake.callsFor(interaction).map((c) => c.status);
    expect(statuses).toEqual([500, 204]);
    expect(fake.responseOf(interaction)?.content).toBe(MESSAGES.apology);
    expect(
      logger.records.some((r) => r.msg === 'command failed' && (r.obj as { command?: string }).command === 'help'),
    );
  });
});

describe('payload limits', () => {
  it('gives a person with 200 quotes a valid first page with buttons, and a valid next page', async () => {
    const interaction = fake.sendCommand('who', { name: 'Ada Moreno' }, { userId: USER });
    const callback = await fake.waitForCallback(interaction);
    expect(callback.status).toBe(204);
    const message = fake.responseOf(interaction)!;
    expect(message.content).toBe('**Ada Moreno** · page 1 of 40');
    const quotes = embedsOf(message)
      .slice(1)
      .map((e) => e.description)
      .join('\n');
    expect(quotes.match(/^> “Budget line/gm)).toHaveLength(5);

    const rows = message.components as { components: { custom_id: string }[] }[];
    const press = fake.sendButton(message, rows[0]!.components[1]!.custom_id, USER);
    expect((await fake.waitForCallback(press)).body).toMatchObject({ type: 7 });
    expect(fake.messages.get(message.id)?.content).toBe('**Ada Moreno** · page 2 of 40');
  });

  it('is rejected by the fake like Discord when a payload breaks a limit', async () => {
    const oversized = adapter.client.rest.post(Routes.channelMessages(fake.channelId), {
      body: { content: 'x'.repeat(2001) },
    });
    await expect(oversized).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(oversized).rejects.toMatchObject({ code: 50035, status: 400 });
  });

  it('splits a digest too big for one message into several valid ones', async () => {
    const blocks: ReplyBlock[] = Array.from({ length: 25 }, (_, i) => ({
      type: 'article',
      id: `digest${i}`,
      title: `${'Very long headline '.repeat(20)}${i}`,
      url: `https://example.org/${i}`,
      source: 'Coastal Herald',
      publishedAt: '2025-11-03T08:15:00Z',
      publishedApprox: false,
      summary: 'A summary sentence that goes on. '.repeat(60),
      quote: { text: 'A quote that is rather long. '.repeat(40), speaker: 'Ada Moreno' },
    }));
    const before = fake.calls.length;
    const { messageId } = await adapter.postDigest(target(fake.channelId), { title: 'Digest', blocks });
    const posts = fake.calls.slice(before).filter((c) => c.path === `/channels/${fake.channelId}/messages`);
    expect(posts.length).toBeGreaterThan(2);
    expect(posts.every((c) => c.status === 200)).toBe(true);
    expect(
      posts.every((c) => JSON.stringify((c.body as { allowed_mentions: unknown }).allowed_mentions) === '{"parse":[]}'),
    );
    const posted = posts.flatMap((c) => (c.body as { embeds: APIEmbed[] }).embeds);
    expect(posted).toHaveLength(25);
    expect(fake.messages.get(messageId)?.content).toBe('**Digest**');
  });
});

describe('posting digests', () => {
  const digest: Reply = { title: 'Morning digest', blocks: [{ type: 'text', text: 'Two new articles.' }] };

  it('waits out a 429 on the channel post and posts the digest', async () => {
    fake.rateLimitNext('POST', /^\/channels\/\d+\/messages$/, 0.1);
    const before = fake.calls.length;
    const { messageId } = await adapter.postDigest(target(fake.channelId), digest);
    const statuses = fake.calls.slice(before).map((c) => c.status);
    expect(statuses).toEqual([429, 200]);
    expect(fake.messages.get(messageId)?.allowed_mentions).toEqual({ parse: [] });
  });

  it('throws a platform failure and logs it when the channel does not exist', async () => {
    await expect(adapter.postDigest(target('3999999999999999999'), digest)).rejects.toMatchObject({
      code: 'PLATFORM_FAILURE',
    });
    expect(logger.records.some((r) => r.msg === 'digest post failed')).toBe(true);
  });
});

describe('untrusted article text', () => {
  const assertInert = (payload: unknown): void => {
    const text = JSON.stringify(payload);
    expect(text).not.toMatch(/@(everyone|here)/);
    expect(text).not.toMatch(/<[@#]/);
    expect(text).not.toMatch(/(?<!\\\\)\*\*(bold|this)/);
    expect(text).not.toMatch(/(?<!\\\\)`(code|rm)/);
    expect(text).not.toMatch(/(?<!\\\\)\[(link|click)\]/);
  };

  it('cannot ping anyone or change formatting in who, latest and digests', async () => {
    const who = fake.sendCommand('who', { name: 'Okafor' });
    await fake.waitForCallback(who);
    const whoMessage = fake.responseOf(who)!;
    expect(embedsOf(whoMessage)[1]?.description).toContain('look at');
    assertInert({ content: whoMessage.content, embeds: whoMessage.embeds });
    expect(whoMessage.allowed_mentions).toEqual({ parse: [] });

    const latest = fake.sendCommand('latest', { count: 5 });
    await fake.waitForCallback(latest);
    const latestMessage = fake.responseOf(latest)!;
    expect(embedsOf(latestMessage).some((e) => e.footer?.text.includes('Wire'))).toBe(true);
    assertInert({ content: latestMessage.content, embeds: latestMessage.embeds });

    const reply = await runCommand('latest', { count: 5 }, desk.deps);
    const { messageId } = await adapter.postDigest(target(fake.channelId), reply);
    const posted = fake.messages.get(messageId)!;
    assertInert({ content: posted.content, embeds: posted.embeds });
    expect(posted.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('logging', () => {
  it('never logs the bot token', () => {
    expect(logger.text()).not.toContain(TOKEN);
  });
});
