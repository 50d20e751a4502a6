import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ArticleAnalysis, ParsedArticle } from '../../core/articles/article.js';
import { inlineAnalyzer } from '../../core/ingest/analyze.js';
import type { ArticleAnalyzer } from '../../core/ports.js';
import { readAndAnalyzeFile } from '../sources/read-file.js';

/** The worker module, with the extension this file runs under (`.ts` through tsx). */
const WORKER_URL = new URL(`./analysis-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

export interface AnalysisPoolOptions {
  /** worker threads (default: one per core); 0 parses and analyses on the calling thread */
  threads?: number | undefined;
  /** an idle worker exits after this long (default 60 s), so a bot at rest holds no worker memory */
  idleTimeoutMs?: number | undefined;
  /** the worker module (default `analysis-worker`); it exports `analyzeFile`, `analyzeFileAt` and `analyze` */
  workerUrl?: URL | undefined;
  /**
   * characters of input done on the calling thread while no worker runs (default 0). For a process with no event
   * loop to keep free (the CLI): a small ingest is quicker in-process than starting and warming up a worker. The
   * bot keeps 0: the first analysis in a process loads the word lists (about half a second), which must not
   * happen on the event loop.
   */
  inlineBudgetChars?: number | undefined;
  /** given to each worker as `workerData` (tests pass a shared buffer to a wrapping worker module) */
  workerData?: unknown;
}

/** An {@link ArticleAnalyzer} running in worker threads. */
export interface AnalysisPool extends ArticleAnalyzer {
  /** worker threads at most (0: in-process) */
  readonly threads: number;
  /** worker threads running now (0 at rest) */
  workers(): number;
  /** Stop the workers; tasks still queued are rejected. */
  close(): Promise<void>;
}

/**
 * Parsing and analysis in a pool of worker threads (piscina), so the event loop stays free for commands,
 * /healthz and digests while files and feed items are ingested, and ingest uses every core. Workers start
 * when work arrives and leave after `idleTimeoutMs` idle. A worker that crashes (say, out of memory) fails only
 * its task.
 */
export function createAnalysisPool(options: AnalysisPoolOptions = {}): AnalysisPool {
  const threads = options.threads ?? availableParallelism();
  if (threads === 0) return { ...inlineAnalyzer, threads, workers: () => 0, close: async () => undefined };
  const workerUrl = options.workerUrl ?? WORKER_URL;
  const pool = new Piscina({
    filename: workerUrl.href,
    // the task a new worker loads first; piscina looks for a default export otherwise
    name: 'analyze',
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: options.idleTimeoutMs ?? 60_000,
    execArgv: workerExecArgv(workerUrl),
    workerData: options.workerData,
    // on Linux, workers yield to the event loop when cores are busy: commands before ingest
    niceIncrement: 5,
    // one article's analysis is bounded by the ingest limits; this bounds what a bug could take. A young
    // generation as large as the main thread's keeps the many short-lived analysis objects cheap to collect
    resourceLimits: { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64 },
  });
  const budget = options.inlineBudgetChars ?? 0;
  let inlineLeft = budget;
  pool.on('workerDestroy', () => {
    // a pool gone cold again may do small work in-process again
    if (pool.threads.length === 0) inlineLeft = budget;
  });
  const inlineFits = (chars: number): boolean => {
    if (pool.threads.length > 0 || chars > inlineLeft) {
      inlineLeft = 0;
      return false;
    }
    inlineLeft -= chars;
    return true;
  };
  return {
    threads,
    workers: () => pool.threads.length,
    analyzeFile: (file) =>
      inlineFits(file.bytes.length) ? inlineAnalyzer.analyzeFile(file) : pool.run(file, { name: 'analyzeFile' }),
    analyzeFileAt: (file) =>
      inlineFits(file.size) ? readAndAnalyzeFile(file) : pool.run(file, { name: 'analyzeFileAt' }),
    analyze: async (article) => {
      if (inlineFits(articleChars(article))) return inlineAnalyzer.analyze(article);
      const analysis: ArticleAnalysis & { id: string } = await pool.run(article, { name: 'analyze' });
      return { ...article, ...analysis };
    },
    close: () => pool.destroy(),
  };
}

function articleChars(article: ParsedArticle): number {
  return article.paragraphs.reduce((total, p) => total + p.text.length, article.title.length);
}

/** Workers run TypeScript through tsx as the main thread does: its loader is added unless already inherited. */
function workerExecArgv(workerUrl: URL): string[] {
  const inherited = process.execArgv;
  if (!workerUrl.pathname.endsWith('.ts')) return inherited;
  const loader = import.meta.resolve('tsx');
  const loaded = inherited.some((arg) => arg === loader || arg === 'tsx' || arg === 'tsx/esm');
  return loaded ? inherited : [...inherited, '--import', loader];
}
