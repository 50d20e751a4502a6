import type {
  ArticleAnalyzer,
  ArticleIngest,
  Clock,
  FeedStore,
  Logger,
  Summarizer,
  WorkClaims,
} from '../../../core/ports.js';
import { createFeedPoller, type FeedPoller, type Timers } from './feed-poller.js';
import { createPoliteFetcher, type PoliteFetcher } from './polite-fetch.js';
import { loadSourcesFile } from './sources-file.js';

export interface StartFeedsOptions {
  /** where feed items are written as articles */
  articles: ArticleIngest;
  /** polling state, on the same database as `articles` */
  feedStore: FeedStore;
  /** claims shared by every process on the database, so each poll and each item is worked on once */
  claims: WorkClaims;
  /** this process's name in claims (e.g. host:pid) */
  instanceId: string;
  clock: Clock;
  logger: Logger;
  summarizer?: Summarizer | undefined;
  /** where items are analysed (the worker pool); in-process when absent */
  analyzer?: ArticleAnalyzer | undefined;
  /** sources.json; a missing file means no configured sources */
  sourcesPath: string;
  /** on a feed's first poll, only items from the last this-many hours are ingested (default 24) */
  backlogHours?: number;
  /** allow feeds on loopback, private and link-local addresses (default false) */
  allowPrivateAddresses?: boolean;
  /** a claim older than this belongs to a process that died and is taken over (default 10 min) */
  claimStaleMs?: number;
  /** told after a poll that stored or changed articles (live alerts look at once) */
  onStored?: () => void;
  /** overrides for tests */
  fetcher?: PoliteFetcher;
  timers?: Timers;
}

/** The running feed machinery: `poller` goes into the command deps as `sources`. */
export interface Feeds {
  poller: FeedPoller;
  feedStore: FeedStore;
  /** re-read sources.json (e.g. on SIGHUP); an invalid file is logged and the current sources kept */
  reloadSourcesFile(): Promise<void>;
  /** stop polling; polls in flight stop after their current item and release their claims */
  stop(): Promise<void>;
}

/**
 * Wire the polite fetcher and the poller over the opened stores, apply sources.json and start
 * polling. Throws a CONFIG_INVALID error when sources.json is invalid.
 */
export async function startFeeds(options: StartFeedsOptions): Promise<Feeds> {
  const { clock, logger, feedStore } = options;
  const allowPrivateAddresses = options.allowPrivateAddresses ?? false;
  const fetcher = options.fetcher ?? createPoliteFetcher({ allowPrivateAddresses, clock });
  const poller = createFeedPoller({
    articles: options.articles,
    feedStore,
    claims: options.claims,
    instanceId: options.instanceId,
    fetcher,
    clock,
    logger,
    summarizer: options.summarizer,
    analyzer: options.analyzer,
    backlogHours: options.backlogHours ?? 24,
    allowPrivateAddresses,
    ...(options.claimStaleMs === undefined ? {} : { claimStaleMs: options.claimStaleMs }),
    ...(options.onStored === undefined ? {} : { onStored: options.onStored }),
    ...(options.timers ? { timers: options.timers } : {}),
  });
  const applyFile = async () => {
    const configs = await loadSourcesFile(options.sourcesPath);
    const counts = await poller.applySourcesFile(configs);
    if (counts.added + counts.removed > 0) logger.info({ path: options.sourcesPath, ...counts }, 'feed sources loaded');
  };
  await applyFile();
  await poller.start();
  return {
    poller,
    feedStore,
    async reloadSourcesFile() {
      try {
        await applyFile();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        logger.error({ path: options.sourcesPath, reason }, 'sources file not reloaded');
      }
    },
    stop: () => poller.stop(),
  };
}
