import { resolve } from 'node:path';
import { type SyncReport, syncArticlesDir } from './adapters/sources/file-source.js';
import { createNewsService } from './core/news.js';
import type { NewsService } from './core/news-service.js';
import type { Clock, Logger, Summarizer } from './core/ports.js';
import { openSqliteStore, type SqliteArticleStore } from './core/store/sqlite-store.js';

export const systemClock: Clock = { now: () => new Date() };

export interface Desk {
  store: SqliteArticleStore;
  news: NewsService;
  articlesDir: string;
  /** bring the store up to date with the articles directory; concurrent calls share one run */
  sync(): Promise<SyncReport>;
  close(): void;
}

/** Open the store and the core over it. Shared by `npm start` and the CLI. */
export function openDesk(options: {
  articlesDir: string;
  databasePath: string;
  logger: Logger;
  clock?: Clock;
  summarizer?: Summarizer | undefined;
}): Desk {
  const clock = options.clock ?? systemClock;
  const store = openSqliteStore({ path: options.databasePath, clock });
  const articlesDir = resolve(options.articlesDir);
  let running: Promise<SyncReport> | null = null;
  let again = false;
  const runSync = async (): Promise<SyncReport> => {
    const report = await syncArticlesDir({ dir: articlesDir, store, summarizer: options.summarizer });
    for (const warning of report.warnings) options.logger.warn({ ...warning }, 'article file problem');
    if (report.added + report.updated + report.removed > 0) {
      const { added, updated, removed, articles } = report;
      options.logger.info({ added, updated, removed, articles }, 'articles directory synced');
    }
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
      if (again) {
        again = false;
        void sync();
      }
    });
    return running;
  };
  return {
    store,
    news: createNewsService({ store }),
    articlesDir,
    sync,
    close: () => store.close(),
  };
}
