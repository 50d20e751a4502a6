import { resolve } from 'node:path';
import { type FileClaims, type SyncReport, syncArticlesDir } from './adapters/sources/file-source.js';
import { type DatabaseOptions, openStores, type Stores } from './adapters/store/open-stores.js';
import { createNewsService } from './core/news.js';
import type { NewsService } from './core/news-service.js';
import type { ArticleAnalyzer, Clock, Logger, Summarizer } from './core/ports.js';

export const systemClock: Clock = { now: () => new Date() };

export interface Desk {
  stores: Stores;
  news: NewsService;
  articlesDir: string;
  /** bring the store up to date with the articles directory; concurrent calls share one run */
  sync(): Promise<SyncReport>;
  close(): Promise<void>;
}

/** Open the stores and the core over them. Shared by `npm start` and the CLI. */
export async function openDesk(options: {
  articlesDir: string;
  database: DatabaseOptions;
  logger: Logger;
  clock?: Clock;
  summarizer?: Summarizer | undefined;
  /** where article files are parsed and analysed (the worker pool); in-process when absent */
  analyzer?: ArticleAnalyzer | undefined;
  /** article files larger than this are skipped with a warning (ARTICLE_MAX_FILE_BYTES) */
  maxFileBytes?: number | undefined;
  /** this process, for claims on article files shared with other processes (PostgreSQL) */
  instanceId?: string;
  /** false: a sync leaves stored files the folder no longer has (the CLI's queries); default true */
  forgetDeletedFiles?: boolean | undefined;
  /** told after each sync that stored or changed articles (live alerts look at once) */
  onStored?: (report: SyncReport) => void;
}): Promise<Desk> {
  const clock = options.clock ?? systemClock;
  const stores = await openStores(options.database, clock);
  const articlesDir = resolve(options.articlesDir);
  // several processes share a PostgreSQL database (and usually the folder): each file is ingested by one
  const claims: FileClaims | undefined =
    stores.kind === 'postgres' && options.instanceId
      ? { claims: stores.claims, owner: options.instanceId, clock }
      : undefined;
  let running: Promise<SyncReport> | null = null;
  let again = false;
  // closing stops a sync between batches instead of waiting for a whole backlog
  const closing = new AbortController();
  const runSync = async (): Promise<SyncReport> => {
    const report = await syncArticlesDir({
      dir: articlesDir,
      store: stores.articles,
      summarizer: options.summarizer,
      analyzer: options.analyzer,
      maxFileBytes: options.maxFileBytes,
      signal: closing.signal,
      claims,
      keepMissing: options.forgetDeletedFiles === false,
    });
    for (const warning of report.warnings) options.logger.warn({ ...warning }, 'article file problem');
    if (report.added + report.updated + report.removed > 0) {
      const { added, updated, removed, articles, claimedElsewhere } = report;
      options.logger.info({ added, updated, removed, articles, claimedElsewhere }, 'articles directory synced');
    }
    if (report.added + report.updated > 0) options.onStored?.(report);
    return report;
  };
  const sync = (): Promise<SyncReport> => {
    if (running) {
      // a change arrived during a sync: run once more afterwards
      again = true;
      return running;
    }
    running = runSync().finally(() => {
      running = null;
      if (again && !closing.signal.aborted) {
        again = false;
        void sync();
      }
    });
    return running;
  };
  return {
    stores,
    news: createNewsService({ store: stores.articles }),
    articlesDir,
    sync,
    async close() {
      closing.abort();
      await running?.catch(() => undefined);
      await stores.close();
    },
  };
}
