import type { Clock, Logger, Summarizer } from '../../../core/ports.js';
import { SqliteFeedStore } from '../../../core/store/feed-store.js';
import type { SqliteArticleStore } from '../../../core/store/sqlite-store.js';
import { createFeedPoller, type FeedPoller, type Timers } from './feed-poller.js';
import { createPoliteFetcher, type PoliteFetcher } from './polite-fetch.js';
import { loadSourcesFile } from './sources-file.js';

export interface StartFeedsOptions {
  store: SqliteArticleStore;
  clock: Clock;
  logger: Logger;
  summarizer?: Summarizer | undefined;
  /** sources.json; a missing file means no configured sources */
  sourcesPath: string;
  /** on a feed's first poll, only items from the last this-many hours are ingested (default 24) */
  backlogHours?: number;
  /** allow feeds on loopback, private and link-local addresses (default false) */
  allowPrivateAddresses?: boolean;
  /** overrides for tests */
  fetcher?: PoliteFetcher;
  timers?: Timers;
}

/** The running feed machinery: `admin` goes into the command deps as `sources`. */
export interface Feeds {
  poller: FeedPoller;
  feedStore: SqliteFeedStore;
  /** re-read sources.json (e.g. on SIGHUP); an invalid file is logged and the current sources kept */
  reloadSourcesFile(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Wire the feed store, the polite fetcher and the poller over an opened article store, apply
 * sources.json and start polling. Throws a CONFIG_INVALID error when sources.json is invalid.
 */
export async function startFeeds(options: StartFeedsOptions): Promise<Feeds> {
  const { clock, logger } = options;
  const feedStore = new SqliteFeedStore(options.store.db, clock);
  const allowPrivateAddresses = options.allowPrivateAddresses ?? false;
  const fetcher = options.fetcher ?? createPoliteFetcher({ allowPrivateAddresses, clock });
  const poller = createFeedPoller({
    store: options.store,
    feedStore,
    fetcher,
    clock,
    logger,
    summarizer: options.summarizer,
    backlogHours: options.backlogHours ?? 24,
    allowPrivateAddresses,
    ...(options.timers ? { timers: options.timers } : {}),
  });
  const applyFile = async () => {
    const configs = await loadSourcesFile(options.sourcesPath);
    const counts = poller.applySourcesFile(configs);
    if (counts.added + counts.removed > 0) logger.info({ path: options.sourcesPath, ...counts }, 'feed sources loaded');
  };
  await applyFile();
  poller.start();
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
