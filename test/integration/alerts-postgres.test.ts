import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { createSlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { createPgArticleStore } from '../../src/adapters/store/postgres/article-store.js';
import { createPgPool, migratePostgres, type PgPool } from '../../src/adapters/store/postgres/database.js';
import { createPgFollowStore } from '../../src/adapters/store/postgres/follow-store.js';
import { type AlertScheduler, createAlertScheduler } from '../../src/core/alerts/alert-scheduler.js';
import { createFollowService, type FollowService } from '../../src/core/alerts/follow-service.js';
import { createNewsService } from '../../src/core/news.js';
import type { ArticleStore, ChatAdapter, FollowKind } from '../../src/core/ports.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { makeArticle, makeQuote } from '../helpers/article-store-contract.js';
import { createTestDatabase, describePg } from '../helpers/postgres.js';
import { createTestLogger } from '../helpers/test-logger.js';

// two bot processes (two pools, two alert schedulers, two pairs of platform clients) on one PostgreSQL database,
// posting live alerts over REST into the loopback Discord and Slack fakes

const MINUTE = 60_000;
const LEASE = 5 * MINUTE;
const SLACK_CHANNEL = 'C0ALERTS';

interface BotProcess {
  pool: PgPool;
  articles: ArticleStore;
  follows: FollowService;
  scheduler: AlertScheduler;
  stop(): Promise<void>;
  /** the process dies: its connections close and nothing it had in hand is finished or released */
  kill(): Promise<void>;
}

describePg('live alerts from two processes on one PostgreSQL database', () => {
  let discordFake: FakeDiscord;
  let slackFake: FakeSlack;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let clock: FixedClock;
  let processes: BotProcess[] = [];
  const logger = createTestLogger();

  beforeAll(async () => {
    discordFake = await FakeDiscord.start();
    slackFake = await new FakeSlack().start();
  });

  afterAll(async () => {
    await discordFake?.stop();
    await slackFake?.stop();
  });

  beforeEach(async () => {
    database = await createTestDatabase();
    clock = new FixedClock('2026-03-27T12:00:00Z');
  });

  afterEach(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    processes = [];
    await database.drop();
  });

  async function startProcess(
    instanceId: string,
    wrap: (adapter: ChatAdapter) => ChatAdapter = (adapter) => adapter,
  ): Promise<BotProcess> {
    const pool = createPgPool({ url: database.url, max: 4, applicationName: instanceId });
    await migratePostgres(pool);
    const articles = createPgArticleStore(pool, clock);
    const store = createPgFollowStore(pool);
    const news = createNewsService({ store: articles });
    const deps = { news, clock };
    const discord = createDiscordAdapter({
      token: 'MTIz.alert.token',
      applicationId: discordFake.applicationId,
      apiUrl: discordFake.apiUrl,
      deps,
      logger,
      restOptions: { retries: 0, timeout: 5_000 },
    });
    const slack = createSlackAdapter({
      botToken: 'xoxb-alert-test',
      signingSecret: 'alert-test-signing-secret',
      port: 0,
      apiUrl: slackFake.apiUrl,
      deps,
      logger,
      botId: 'B0ALERT',
      botUserId: 'U0ALERT',
      clientOptions: { retryConfig: { retries: 0 } },
    });
    const scheduler = createAlertScheduler({
      follows: store,
      articles,
      adapters: new Map<string, ChatAdapter>([
        ['discord', wrap(discord)],
        ['slack', wrap(slack)],
      ]),
      clock,
      logger,
      instanceId,
      claimLeaseMs: LEASE,
    });
    let killed = false;
    const bot: BotProcess = {
      pool,
      articles,
      follows: createFollowService({ store, articles, news, clock }),
      scheduler,
      async stop() {
        if (killed) return;
        killed = true;
        await scheduler.stop();
        await Promise.all([discord.stop(), slack.stop()]);
        await pool.end();
      },
      async kill() {
        killed = true;
        await pool.end();
      },
    };
    processes.push(bot);
    return bot;
  }

  /** One article with a quote by the made-up finance minister, named by `token`. */
  async function addArticle(into: BotProcess, token: string): Promise<void> {
    const article = makeArticle(`article-${token}`, `Harbour story ${token} about ferries`, {
      people: [{ name: 'Marta Ruiz', aliases: ['Ruiz'], roles: ['Finance Minister'] }],
      quotes: [makeQuote(`The ferries keep running, ${token}`, 'Marta Ruiz')],
    });
    await into.articles.applyFiles([
      { record: { path: `${token}.txt`, size: 1, mtimeMs: 1, hash: token }, articles: [article] },
    ]);
  }

  async function follow(into: BotProcess, platform: 'discord' | 'slack', kind: FollowKind, target: string) {
    const channelId = platform === 'discord' ? discordFake.channelId : SLACK_CHANNEL;
    const result = await into.follows.follow(
      { platform, channelId, workspaceId: null, userId: 'u1' },
      { kind, target, ping: null },
    );
    expect(result.ok).toBe(true);
  }

  function postsSince(since: { discord: number; slack: number }): { discord: string[]; slack: string[] } {
    return {
      discord: discordFake.calls
        .slice(since.discord)
        .filter((c) => c.method === 'POST' && c.path === `/channels/${discordFake.channelId}/messages`)
        .map((c) => JSON.stringify(c.body)),
      slack: slackFake
        .apiCalls('chat.postMessage')
        .slice(since.slack)
        .filter((c) => c.body.channel === SLACK_CHANNEL)
        .map((c) => JSON.stringify(c.body)),
    };
  }

  const mark = () => ({ discord: discordFake.calls.length, slack: slackFake.apiCalls('chat.postMessage').length });

  it('posts each alert of every follow exactly once while both processes tick at the same moments', async () => {
    const a = await startProcess('a');
    const b = await startProcess('b');
    await addArticle(a, 'before0');
    for (const platform of ['discord', 'slack'] as const) {
      await follow(a, platform, 'who', 'Ruiz');
      await follow(b, platform, 'topic', 'ferries');
    }
    const since = mark();
    const rounds = 6;
    let posted = 0;
    for (let round = 0; round < rounds; round++) {
      await addArticle(round % 2 === 0 ? a : b, `r${round}x`);
      clock.advance(MINUTE);
      const reports = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      expect(reports.reduce((n, r) => n + r.failed, 0)).toBe(0);
      posted += reports.reduce((n, r) => n + r.posted, 0);
    }
    expect(posted).toBe(4 * rounds);
    const posts = postsSince(since);
    expect(posts.discord).toHaveLength(2 * rounds);
    expect(posts.slack).toHaveLength(2 * rounds);
    for (let round = 0; round < rounds; round++) {
      // one quote alert and one topic alert per platform name each story
      expect(posts.discord.filter((p) => p.includes(`r${round}x`))).toHaveLength(2);
      expect(posts.slack.filter((p) => p.includes(`r${round}x`))).toHaveLength(2);
    }
    expect(posts.discord.join('\n')).not.toContain('before0');
    const { rows } = await a.pool.query<{ done: number; messages: number }>(
      `SELECT count(*)::int AS done, count(DISTINCT message_id)::int AS messages FROM follow_deliveries
       WHERE state = 'done' AND message_id IS NOT NULL`,
    );
    expect(rows[0]).toEqual({ done: 4 * rounds, messages: 4 * rounds });
  });

  it('lets the other process post an alert whose claimer died mid-post, once, after the claim lease', async () => {
    let died!: () => void;
    const dying = new Promise<void>((resolve) => {
      died = resolve;
    });
    const a = await startProcess('a', (adapter) => ({
      ...adapter,
      postAlert: () => {
        died();
        return new Promise<never>(() => undefined);
      },
    }));
    const b = await startProcess('b');
    await follow(a, 'discord', 'who', 'Marta Ruiz');
    await addArticle(a, 'killedx');
    const since = mark();
    void a.scheduler.tick();
    await dying;
    await a.kill();

    expect(await b.scheduler.tick()).toMatchObject({ posted: 0, claimedElsewhere: 1 });
    clock.advance(LEASE + MINUTE);
    expect(await b.scheduler.tick()).toMatchObject({ posted: 1 });
    clock.advance(MINUTE);
    expect(await b.scheduler.tick()).toMatchObject({ posted: 0, claimedElsewhere: 0 });
    const posts = postsSince(since);
    expect(posts.discord).toHaveLength(1);
    expect(posts.discord[0]).toContain('killedx');
  });
});
