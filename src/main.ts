import 'dotenv/config';
import { hostname } from 'node:os';
import type { CommandDeps } from '../commands/spec.js';
import { createAnalysisPool } from './adapters/analysis/analysis-pool.js';
import { createConsoleAdapter } from './adapters/console/console-adapter.js';
import { type HealthServer, startHealthServer } from './adapters/health/health-server.js';
import { createLogger } from './adapters/logger.js';
import { startFeeds } from './adapters/sources/feeds/start-feeds.js';
import { watchArticlesDir } from './adapters/sources/file-source.js';
import type { DatabaseOptions, Stores } from './adapters/store/open-stores.js';
import { type Config, loadConfig } from './config.js';
import { type AlertScheduler, createAlertScheduler } from './core/alerts/alert-scheduler.js';
import { createFollowService } from './core/alerts/follow-service.js';
import { createDigestScheduler } from './core/digest/scheduler.js';
import { createSubscriptionService } from './core/digest/subscription-service.js';
import { isNewsdeskError } from './core/errors.js';
import { type BackgroundReanalysis, startReanalysis } from './core/ingest/reanalyze.js';
import type { ChatAdapter, Logger, Summarizer } from './core/ports.js';
import { openDesk, systemClock } from './desk.js';
import { loadDigestsFile } from './digests-file.js';

/** The composition root: config, stores, core, file watcher, feeds, digests, chat adapters and /healthz. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${isNewsdeskError(error) ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);
  // names this process in claims shared with other processes on the same database
  const instanceId = `${config.INSTANCE_ID ?? hostname()}:${process.pid}`;
  const summarizer = await createSummarizer(config, logger);
  const database: DatabaseOptions = config.DATABASE_URL
    ? { url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }
    : { path: config.DATABASE_PATH };
  // files and feed items are parsed and analysed in worker threads: commands keep answering during ingest
  const analysis = createAnalysisPool({ threads: config.ANALYSIS_THREADS });
  // created once the chat adapters are; a sync that stores articles makes it look for alerts at once
  let alerts: AlertScheduler | undefined;
  const desk = await openDesk({
    onStored: () => alerts?.nudge(),
    articlesDir: config.ARTICLES_DIR,
    database,
    logger,
    summarizer,
    analyzer: analysis,
    maxFileBytes: config.ARTICLE_MAX_FILE_BYTES,
    instanceId,
  });
  const { stores } = desk;
  logger.info({ database: stores.kind, instance: instanceId, analysisThreads: analysis.threads }, 'store opened');
  await desk.sync();
  const declared = await loadDigestsFile(config.DIGESTS_PATH, config.DIGEST_TIMEZONE);
  const synced = await stores.subscriptions.syncDeclared(declared, systemClock.now(), await stores.articles.maxSeq());
  if (synced.added + synced.removed > 0) logger.info({ ...synced, path: config.DIGESTS_PATH }, 'digests.json applied');
  const subscriptions = createSubscriptionService({
    store: stores.subscriptions,
    articles: stores.articles,
    clock: systemClock,
    defaultTimezone: config.DIGEST_TIMEZONE,
  });
  const feeds = await startFeeds({
    articles: stores.articles,
    feedStore: stores.feeds,
    claims: stores.claims,
    instanceId,
    clock: systemClock,
    logger,
    summarizer,
    analyzer: analysis,
    sourcesPath: config.SOURCES_PATH,
    backlogHours: config.FEED_BACKLOG_HOURS,
    allowPrivateAddresses: config.FEED_ALLOW_PRIVATE,
    onStored: () => alerts?.nudge(),
  });
  const follows = createFollowService({
    store: stores.follows,
    articles: stores.articles,
    news: desk.news,
    clock: systemClock,
    sources: feeds.poller,
  });
  const deps: CommandDeps = { news: desk.news, clock: systemClock, subscriptions, follows, sources: feeds.poller };
  const adapters = await createChatAdapters(config, deps, logger, stores, instanceId);

  let shuttingDown = false;
  let health: HealthServer | undefined;
  let reanalysis: BackgroundReanalysis | undefined;
  const shutdown = async (signal: string, code = 0): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: finishing replies and digests in flight');
    watcher?.close();
    await reanalysis?.stop();
    // the schedulers finish what they are posting and release the claims they had not started
    await scheduler?.stop();
    await alerts?.stop();
    await feeds.stop();
    await Promise.allSettled(adapters.map((adapter) => adapter.stop()));
    const released = await stores.claims.releaseAll(instanceId).catch(() => 0);
    if (released > 0) logger.info({ released }, 'claims released');
    await desk.close();
    await analysis.close();
    await health?.close();
    process.exit(code);
  };

  if (adapters.length === 0) {
    adapters.push(
      createConsoleAdapter({
        deps,
        logger,
        input: process.stdin,
        output: process.stdout,
        interactive: Boolean(process.stdin.isTTY),
        onClose: () => void shutdown('end of input'),
      }),
    );
  }

  // digests go to the chat adapters; the console has no channels to post in
  const chat = new Map(adapters.filter((a) => a.postDigest).map((a) => [a.name, a] as const));
  const scheduler =
    chat.size > 0
      ? createDigestScheduler({
          subscriptions: stores.subscriptions,
          articles: stores.articles,
          adapters: chat,
          clock: systemClock,
          logger,
          instanceId,
          postEmpty: config.DIGEST_POST_EMPTY,
        })
      : undefined;

  alerts =
    chat.size > 0
      ? createAlertScheduler({
          follows: stores.follows,
          articles: stores.articles,
          people: stores.articles,
          feeds: stores.feeds,
          adapters: chat,
          clock: systemClock,
          logger,
          instanceId,
        })
      : undefined;

  const watcher = config.WATCH_ARTICLES
    ? watchArticlesDir({
        dir: desk.articlesDir,
        logger,
        onChange: () => void desk.sync().catch(logSyncError(logger)),
      })
    : undefined;

  process.on('SIGINT', () => void shutdown('SIGINT'));
  // operators edit sources.json and send SIGHUP to apply it without a restart
  process.on('SIGHUP', () => void feeds.reloadSourcesFile().catch(logSyncError(logger)));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  if (config.HEALTH_PORT !== undefined) {
    health = await startHealthServer({
      port: config.HEALTH_PORT,
      logger,
      sources: {
        databaseKind: stores.kind,
        pingDatabase: () => stores.ping(),
        adapters: () => adapters,
        shuttingDown: () => shuttingDown,
      },
    });
  }
  for (const adapter of adapters) {
    try {
      await adapter.start();
      logger.info({ adapter: adapter.name }, 'adapter started');
    } catch (error) {
      logger.error({ adapter: adapter.name, err: describe(error) }, 'adapter failed to start');
      await shutdown('start failure', 1);
    }
  }
  // the first tick delivers any digest that came due while the bot was down
  scheduler?.start();
  // and any alert for articles that arrived meanwhile, collapsed into one message per follow
  alerts?.start(config.ALERT_POLL_MS);
  // articles an older analysis wrote get the current one, while commands keep answering
  reanalysis = startReanalysis({
    store: stores.articles,
    analyzer: analysis,
    logger,
    clock: systemClock,
    claims: stores.claims,
    owner: instanceId,
  });
}

/** A Discord shard lease not renewed for this long is a dead process's, and another may take the shard. */
const SHARD_LEASE_STALE_MS = 90_000;
const SHARD_LEASE_RENEW_MS = 30_000;

/** Discord and Slack when configured; platform modules load only when used. */
async function createChatAdapters(
  config: Config,
  deps: CommandDeps,
  logger: Logger,
  stores: Stores,
  instanceId: string,
): Promise<ChatAdapter[]> {
  const adapters: ChatAdapter[] = [];
  if (config.DISCORD_TOKEN && config.DISCORD_APPLICATION_ID) {
    const [{ createDiscordAdapter }, { createShardLeaser }] = await Promise.all([
      import('./adapters/discord/discord-adapter.js'),
      import('./adapters/discord/shard-lease.js'),
    ]);
    // several processes share a PostgreSQL database; one SQLite process runs every shard it asks for
    const leaseShards =
      stores.kind === 'postgres'
        ? createShardLeaser({
            claims: stores.claims,
            owner: instanceId,
            clock: systemClock,
            staleMs: SHARD_LEASE_STALE_MS,
            renewMs: SHARD_LEASE_RENEW_MS,
            logger,
          })
        : undefined;
    adapters.push(
      createDiscordAdapter({
        token: config.DISCORD_TOKEN,
        applicationId: config.DISCORD_APPLICATION_ID,
        apiUrl: config.DISCORD_API_URL,
        shards: { count: config.DISCORD_SHARD_COUNT, ids: config.DISCORD_SHARD_IDS },
        ...(leaseShards ? { leaseShards } : {}),
        deps,
        logger,
        logLevel: config.LOG_LEVEL,
      }),
    );
  }
  const oauth =
    config.SLACK_CLIENT_ID && config.SLACK_CLIENT_SECRET && config.SLACK_STATE_SECRET
      ? {
          clientId: config.SLACK_CLIENT_ID,
          clientSecret: config.SLACK_CLIENT_SECRET,
          stateSecret: config.SLACK_STATE_SECRET,
          installations: stores.installations,
        }
      : undefined;
  if (config.SLACK_BOT_TOKEN || oauth) {
    const { createSlackAdapter } = await import('./adapters/slack/slack-adapter.js');
    adapters.push(
      createSlackAdapter({
        ...(config.SLACK_BOT_TOKEN ? { botToken: config.SLACK_BOT_TOKEN } : {}),
        ...(oauth ? { oauth } : {}),
        ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
        ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
        ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
        port: config.SLACK_PORT,
        deps,
        logger,
        logLevel: config.LOG_LEVEL,
      }),
    );
  }
  return adapters;
}

async function createSummarizer(config: Config, logger: Logger): Promise<Summarizer | undefined> {
  if (!config.LLM_BASE_URL || !config.LLM_MODEL) return undefined;
  const { createOpenAiCompatibleSummarizer } = await import('./adapters/summarizers/openai-compatible.js');
  return createOpenAiCompatibleSummarizer({
    baseUrl: config.LLM_BASE_URL,
    model: config.LLM_MODEL,
    ...(config.LLM_API_KEY ? { apiKey: config.LLM_API_KEY } : {}),
    timeoutMs: config.LLM_TIMEOUT_MS,
    logger,
  });
}

function logSyncError(logger: Logger) {
  return (error: unknown) => logger.error({ err: describe(error) }, 'articles sync failed');
}

function describe(error: unknown): string {
  return isNewsdeskError(error) ? error.userMessage : error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  process.stderr.write(`newsdesk failed to start: ${describe(error)}\n`);
  process.exit(1);
});
