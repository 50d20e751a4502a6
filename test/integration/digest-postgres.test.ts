import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { createSlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { createPgArticleStore } from '../../src/adapters/store/postgres/article-store.js';
import { createPgPool, migratePostgres, type PgPool } from '../../src/adapters/store/postgres/database.js';
import { createPgSubscriptionStore } from '../../src/adapters/store/postgres/subscription-store.js';
import { createDigestScheduler, type DigestScheduler } from '../../src/core/digest/scheduler.js';
import { createNewsService } from '../../src/core/news.js';
import type { AnalyzedArticle, ArticleStore, ChatAdapter, SubscriptionStore } from '../../src/core/ports.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { holdNextCall } from '../fakes/recording-adapter.js';
import { madeUpWords } from '../fixtures/story-articles.js';
import { makeArticle } from '../helpers/article-store-contract.js';
import { createTestDatabase, describePg } from '../helpers/postgres.js';
import { createTestLogger } from '../helpers/test-logger.js';

// two bot processes (two pools, two schedulers, two pairs of platform clients) on one PostgreSQL database,
// posting digests over REST into the loopback Discord and Slack fakes

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const LEASE = 5 * MINUTE;
const SLACK_CHANNEL = 'C0DIGESTS';

interface BotProcess {
  pool: PgPool;
  articles: ArticleStore;
  subscriptions: SubscriptionStore;
  scheduler: DigestScheduler;
  /** graceful shutdown: the scheduler, the platform clients, then the pool */
  stop(): Promise<void>;
  /** the process dies: its connections close and nothing it had in hand is finished or released */
  kill(): Promise<void>;
}

interface ProcessOptions {
  /** replace a platform client, e.g. with one that dies mid-post */
  wrapAdapter?: (adapter: ChatAdapter) => ChatAdapter;
  /** replace the article store the scheduler reads, e.g. to hold it between claim and post */
  wrapArticles?: (articles: ArticleStore) => ArticleStore;
}

describePg('digests from two processes on one PostgreSQL database', () => {
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

  async function startProcess(instanceId: string, options: ProcessOptions = {}): Promise<BotProcess> {
    const pool = createPgPool({ url: database.url, max: 4, applicationName: instanceId });
    await migratePostgres(pool);
    const articles = createPgArticleStore(pool, clock);
    const subscriptions = createPgSubscriptionStore(pool);
    const deps = { news: createNewsService({ store: articles }), clock };
    // digests go over REST, so the platform clients need no gateway or HTTP listener here
    const discord = createDiscordAdapter({
      token: 'MTIz.digest.token',
      applicationId: discordFake.applicationId,
      apiUrl: discordFake.apiUrl,
      deps,
      logger,
      restOptions: { retries: 0, timeout: 5_000 },
    });
    const slack = createSlackAdapter({
      botToken: 'xoxb-digest-test',
      signingSecret: 'digest-test-signing-secret',
      port: 0,
      apiUrl: slackFake.apiUrl,
      deps,
      logger,
      botId: 'B0DIGEST',
      botUserId: 'U0DIGEST',
      clientOptions: { retryConfig: { retries: 0 } },
    });
    const wrap = options.wrapAdapter ?? ((adapter: ChatAdapter) => adapter);
    const scheduler = createDigestScheduler({
      subscriptions,
      articles: options.wrapArticles?.(articles) ?? articles,
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
      subscriptions,
      scheduler,
      async stop() {
        if (killed) return;
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

  function article(token: string): AnalyzedArticle {
    return makeArticle(`article-${token}`, `Harbour ferries: ${madeUpWords(token, 8)} (${token})`);
  }

  async function addArticle(into: BotProcess, token: string): Promise<void> {
    await into.articles.applyFiles([
      { record: { path: `${token}.txt`, size: 1, mtimeMs: 1, hash: token }, articles: [article(token)] },
    ]);
  }

  async function subscribe(into: BotProcess, platform: 'discord' | 'slack', keywords: string[] = []) {
    const channelId = platform === 'discord' ? discordFake.channelId : SLACK_CHANNEL;
    const { subscription } = await into.subscriptions.add(
      {
        platform,
        channelId,
        workspaceId: null,
        schedule: 'hourly',
        cron: '0 * * * *',
        timezone: 'UTC',
        filter: { people: [], keywords },
        origin: 'chat',
        createdBy: 'u1',
      },
      clock.now(),
      await into.articles.maxSeq(),
    );
    return subscription;
  }

  /** The digest messages each fake received after the `since` marks (from {@link mark}), as JSON text. */
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

  it('posts each slot of every subscription exactly once while both processes tick at the same moments', async () => {
    const a = await startProcess('a');
    const b = await startProcess('b');
    // three subscriptions per platform: distinct filters that all match every story
    for (const platform of ['discord', 'slack'] as const) {
      for (const keywords of [[], ['harbour'], ['ferries']]) await subscribe(a, platform, keywords);
    }
    const since = mark();
    const hours = 8;
    let posted = 0;
    for (let hour = 0; hour < hours; hour++) {
      await addArticle(hour % 2 === 0 ? a : b, `h${String(hour).padStart(2, '0')}x`);
      clock.advance(HOUR);
      const reports = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      expect(reports.reduce((n, r) => n + r.failed, 0)).toBe(0);
      posted += reports.reduce((n, r) => n + r.posted, 0);
    }
    expect(posted).toBe(6 * hours);
    const posts = postsSince(since);
    expect(posts.discord).toHaveLength(3 * hours);
    expect(posts.slack).toHaveLength(3 * hours);
    // every story reached each subscription once: three messages per platform name it, never more
    for (let hour = 0; hour < hours; hour++) {
      const token = `h${String(hour).padStart(2, '0')}x`;
      expect(posts.discord.filter((p) => p.includes(token))).toHaveLength(3);
      expect(posts.slack.filter((p) => p.includes(token))).toHaveLength(3);
    }
    const { rows } = await a.pool.query<{ done: number; messages: number }>(
      "SELECT count(*)::int AS done, count(DISTINCT message_id)::int AS messages FROM digest_slots WHERE state = 'done'",
    );
    expect(rows[0]).toEqual({ done: 6 * hours, messages: 6 * hours });
  });

  it('lets the other process post a slot whose claimer died mid-digest, once, after the claim lease', async () => {
    let died!: () => void;
    const dying = new Promise<void>((resolve) => {
      died = resolve;
    });
    // the first process is killed while posting: its post never completes and nothing reaches the platform
    const a = await startProcess('a', {
      wrapAdapter: (adapter) => ({
        ...adapter,
        postDigest: () => {
          died();
          return new Promise<never>(() => undefined);
        },
      }),
    });
    const b = await startProcess('b');
    const sub = await subscribe(a, 'discord');
    await addArticle(a, 'killedx');
    clock.set('2026-03-27T13:00:00Z');
    const since = mark();
    void a.scheduler.tick();
    await dying;
    await a.kill();

    expect(await b.scheduler.tick()).toMatchObject({ posted: 0, claimedElsewhere: 1 });
    clock.advance(LEASE - MINUTE);
    expect(await b.scheduler.tick()).toMatchObject({ posted: 0, claimedElsewhere: 1 });
    clock.advance(2 * MINUTE);
    expect(await b.scheduler.tick()).toMatchObject({ posted: 1 });
    expect(await b.scheduler.tick()).toMatchObject({ posted: 0, claimedElsewhere: 0 });
    const posts = postsSince(since);
    expect(posts.discord).toHaveLength(1);
    expect(posts.discord[0]).toContain('killedx');
    expect(await b.subscriptions.isDone(sub.id, '2026-03-27T13:00:00.000Z')).toBe(true);
  });

  it('releases an unposted claim on graceful stop so the other process posts the slot at once', async () => {
    let held: ReturnType<typeof holdNextCall<ArticleStore>>['held'] | undefined;
    const a = await startProcess('a', {
      // hold the first process between its claim and its post: composing reads the new articles
      wrapArticles: (articles) => {
        const hold = holdNextCall(articles, 'articlesAfterSeq');
        held = hold.held;
        return hold.proxy;
      },
    });
    const b = await startProcess('b');
    await subscribe(a, 'slack');
    await addArticle(a, 'handedx');
    clock.advance(HOUR);
    const since = mark();
    const ticking = a.scheduler.tick();
    await held?.started;
    const stopping = a.scheduler.stop();
    held?.release();
    await stopping;
    expect(await ticking).toMatchObject({ posted: 0, released: 1 });
    // the clock has not moved: no lease to wait out
    expect(await b.scheduler.tick()).toMatchObject({ posted: 1, claimedElsewhere: 0 });
    const posts = postsSince(since);
    expect(posts.slack).toHaveLength(1);
    expect(posts.slack[0]).toContain('handedx');
  });
});
