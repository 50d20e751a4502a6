import 'dotenv/config';
import { hostname } from 'node:os';
import type { CommandDeps } from '../commands/spec.js';
import { createConsoleAdapter } from './adapters/console/console-adapter.js';
import { createLogger } from './adapters/logger.js';
import { startFeeds } from './adapters/sources/feeds/start-feeds.js';
import { watchArticlesDir } from './adapters/sources/file-source.js';
import { type Config, loadConfig } from './config.js';
import { createDigestScheduler } from './core/digest/scheduler.js';
import { createSubscriptionService } from './core/digest/subscription-service.js';
import { createSqliteSubscriptionStore } from './core/digest/subscription-store.js';
import { isNewsdeskError } from './core/errors.js';
import type { ChatAdapter, Logger, Summarizer } from './core/ports.js';
import { openDesk, systemClock } from './desk.js';
import { loadDigestsFile } from './digests-file.js';

/** The composition root: config, store, core, file watcher and every configured chat adapter. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${isNewsdeskError(error) ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);
  const summarizer = await createSummarizer(config, logger);
  const desk = openDesk({
    articlesDir: config.ARTICLES_DIR,
    databasePath: config.DATABASE_PATH,
    logger,
    summarizer,
  });
  await desk.sync();
  const subscriptionStore = createSqliteSubscriptionStore(desk.store.db);
  const declared = await loadDigestsFile(config.DIGESTS_PATH, config.DIGEST_TIMEZONE);
  const synced = subscriptionStore.syncDeclared(declared, systemClock.now(), desk.store.maxSeq());
  if (synced.added + synced.removed > 0) logger.info({ ...synced, path: config.DIGESTS_PATH }, 'digests.json applied');
  const subscriptions = createSubscriptionService({
    store: subscriptionStore,
    articles: desk.store,
    clock: systemClock,
    defaultTimezone: config.DIGEST_TIMEZONE,
  });
  const feeds = await startFeeds({
    store: desk.store,
    clock: systemClock,
    logger,
    summarizer,
    sourcesPath: config.SOURCES_PATH,
    backlogHours: config.FEED_BACKLOG_HOURS,
    allowPrivateAddresses: config.FEED_ALLOW_PRIVATE,
  });
  const deps: CommandDeps = { news: desk.news, clock: systemClock, subscriptions, sources: feeds.poller };

  const adapters: ChatAdapter[] = [];
  let shuttingDown = false;
  const shutdown = async (signal: string, code = 0): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    watcher?.close();
    await scheduler?.stop();
    await feeds.stop();
    await Promise.allSettled(adapters.map((adapter) => adapter.stop()));
    desk.close();
    process.exit(code);
  };

  if (config.DISCORD_TOKEN && config.DISCORD_APPLICATION_ID) {
    const { createDiscordAdapter } = await import('./adapters/discord/discord-adapter.js');
    adapters.push(
      createDiscordAdapter({
        token: config.DISCORD_TOKEN,
        applicationId: config.DISCORD_APPLICATION_ID,
        apiUrl: config.DISCORD_API_URL,
        deps,
        logger,
      }),
    );
  }
  if (config.SLACK_BOT_TOKEN) {
    const { createSlackAdapter } = await import('./adapters/slack/slack-adapter.js');
    adapters.push(
      createSlackAdapter({
        botToken: config.SLACK_BOT_TOKEN,
        ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
        ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
        ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
        port: config.SLACK_PORT,
        deps,
        logger,
      }),
    );
  }
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

  const watcher = config.WATCH_ARTICLES
    ? watchArticlesDir({ dir: desk.articlesDir, logger, onChange: () => void desk.sync().catch(logSyncError(logger)) })
    : undefined;

  // digests go to the chat adapters; the console has no channels to post in
  const chat = new Map(adapters.filter((a) => a.postDigest).map((a) => [a.name, a] as const));
  const scheduler =
    chat.size > 0
      ? createDigestScheduler({
          subscriptions: subscriptionStore,
          articles: desk.store,
          adapters: chat,
          clock: systemClock,
          logger,
          instanceId: `${hostname()}:${process.pid}`,
          postEmpty: config.DIGEST_POST_EMPTY,
        })
      : undefined;

  process.on('SIGINT', () => void shutdown('SIGINT'));
  // operators edit sources.json and send SIGHUP to apply it without a restart
  process.on('SIGHUP', () => void feeds.reloadSourcesFile().catch(logSyncError(logger)));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
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
