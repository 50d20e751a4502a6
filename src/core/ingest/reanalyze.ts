import type { ParsedArticle, StoredArticle } from '../articles/article.js';
import type { ArticleAnalyzer, ArticleReanalysis, Clock, Logger, WorkClaims } from '../ports.js';
import { ANALYSIS_VERSION } from './analysis-version.js';
import { analyzeArticle } from './analyze.js';

/*
 * Stores written by an older analysis get the current one: each article written with a lower ANALYSIS_VERSION is
 * analysed again from its stored text (people, organisations, roles and quotes; its summary, arrival and origins
 * stay), a batch per transaction, oldest first. The bot runs this in the background at start-up, so commands keep
 * answering and nothing is delivered again (digests and alerts go by arrival, which does not change);
 * `npm run reanalyze` runs it at once.
 * A store of a release before stories has its articles put into stories the same way, afterwards: in arrival
 * order, a batch per transaction, under the same claim.
 */

export interface ReanalyzeOptions {
  store: ArticleReanalysis;
  /** where the analysis runs: worker threads in the bot */
  analyzer?: ArticleAnalyzer | undefined;
  logger: Logger;
  clock: Clock;
  /** articles per transaction */
  batchSize?: number | undefined;
  /** at most one progress line per this many milliseconds */
  progressEveryMs?: number | undefined;
  /** stop between batches (the bot shutting down) */
  signal?: AbortSignal | undefined;
  /**
   * Asked before each batch: whether this process may go on (it holds the claim on the work; another process on
   * the same database re-analysing already is left to it). Absent: always.
   */
  mayContinue?: (() => Promise<boolean>) | undefined;
}

export interface ReanalyzeResult {
  reanalyzed: number;
  /** articles put into stories (a store of a release before stories) */
  clustered: number;
  /** articles that could not be analysed again (they keep their old analysis until the next start) */
  failed: number;
  /** false when stopped before the end (shutting down, or another process took the work over) */
  complete: boolean;
}

const DEFAULT_BATCH = 50;
/** articles put into stories per transaction: clustering is cheap next to analysis */
const STORY_BATCH = 500;
const DEFAULT_PROGRESS_MS = 10_000;

/** The stored text of an article as the analysis reads it. */
function parsedOf(article: StoredArticle): ParsedArticle {
  return {
    title: article.title,
    url: article.url,
    source: article.source,
    author: article.author,
    publishedAt: article.publishedAt,
    publishedApprox: article.publishedApprox,
    dateline: article.dateline,
    caption: article.caption,
    highlights: article.highlights,
    paragraphs: article.paragraphs,
  };
}

/** Re-analyse every article an older analysis wrote; logs progress, returns what was done. */
export async function reanalyzeStore(options: ReanalyzeOptions): Promise<ReanalyzeResult> {
  const { store, logger, clock } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const progressEvery = options.progressEveryMs ?? DEFAULT_PROGRESS_MS;
  const total = await store.countStale(ANALYSIS_VERSION);
  const unclustered = await store.countUnclustered();
  const result: ReanalyzeResult = { reanalyzed: 0, clustered: 0, failed: 0, complete: true };
  if (total === 0 && unclustered === 0) return result;
  if (options.mayContinue && !(await options.mayContinue())) return { ...result, complete: false };
  const stop = async () => options.signal?.aborted || (options.mayContinue && !(await options.mayContinue()));
  const started = clock.now().getTime();
  if (total > 0) {
    logger.info(
      { articles: total, version: ANALYSIS_VERSION },
      're-analysing stored articles written by an older analysis',
    );
    let lastProgress = started;
    // an article whose analysis fails keeps its old version: skip it for the rest of this run
    const skipped = new Set<string>();
    for (;;) {
      if (await stop()) {
        result.complete = false;
        break;
      }
      const ids = (await store.staleArticleIds(ANALYSIS_VERSION, batchSize + skipped.size)).filter(
        (id) => !skipped.has(id),
      );
      if (ids.length === 0) break;
      const batch = [];
      for (const id of ids.slice(0, batchSize)) {
        const stored = await store.getArticle(id);
        if (!stored) continue;
        try {
          const analyzed = await analyzeArticle(parsedOf(stored), { analyzer: options.analyzer });
          batch.push({ ...analyzed, id });
        } catch (error) {
          skipped.add(id);
          result.failed++;
          logger.warn(
            { article: id, error: error instanceof Error ? error.message : String(error) },
            'could not re-analyse an article; it keeps its old analysis',
          );
        }
      }
      await store.replaceAnalyses(batch);
      result.reanalyzed += batch.length;
      const now = clock.now().getTime();
      if (now - lastProgress >= progressEvery) {
        lastProgress = now;
        logger.info({ done: result.reanalyzed, of: total }, 're-analysis progress');
      }
    }
  }
  if (result.complete && unclustered > 0) {
    logger.info({ articles: unclustered }, 'putting stored articles into stories');
    for (;;) {
      if (await stop()) {
        result.complete = false;
        break;
      }
      const clustered = await store.clusterBacklog(STORY_BATCH);
      if (clustered === 0) break;
      result.clustered += clustered;
    }
  }
  logger.info(
    {
      reanalyzed: result.reanalyzed,
      clustered: result.clustered,
      failed: result.failed,
      ms: clock.now().getTime() - started,
    },
    result.complete ? 're-analysis finished' : 're-analysis stopped',
  );
  return result;
}

/** A claim on the re-analysis not renewed for this long is a dead process's: another one takes the work over. */
const CLAIM_STALE_MS = 5 * 60_000;

export interface BackgroundReanalysis {
  /** settles when the run ends (never rejects: failures are logged) */
  readonly done: Promise<ReanalyzeResult | null>;
  /** stop after the batch in flight */
  stop(): Promise<void>;
}

/**
 * Re-analyse in the background, one process of several on a database at a time: the one holding the
 * `reanalyze` claim (renewed before each batch) does the work, the others leave it.
 */
export function startReanalysis(
  options: Omit<ReanalyzeOptions, 'signal' | 'mayContinue'> & { claims: WorkClaims; owner: string },
): BackgroundReanalysis {
  const controller = new AbortController();
  const key = `reanalyze:${ANALYSIS_VERSION}`;
  const mayContinue = async (): Promise<boolean> => {
    const now = options.clock.now();
    return options.claims.claim(key, options.owner, now, new Date(now.getTime() - CLAIM_STALE_MS));
  };
  const done = reanalyzeStore({ ...options, signal: controller.signal, mayContinue })
    .catch((error: unknown) => {
      options.logger.error({ err: error instanceof Error ? error.message : String(error) }, 're-analysis failed');
      return null;
    })
    .finally(() => options.claims.release(key, options.owner).catch(() => undefined));
  return {
    done,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}
