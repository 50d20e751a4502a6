import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../commands/dispatch.js';
import { createAnalysisPool } from '../src/adapters/analysis/analysis-pool.js';
import { ingestPaths, syncArticlesDir } from '../src/adapters/sources/file-source.js';
import { openStores } from '../src/adapters/store/open-stores.js';
import { createNewsService } from '../src/core/news.js';
import { systemClock } from '../src/desk.js';
import type { BenchText } from './corpus.js';
import { round, type Summary, summarize } from './stats.js';

export interface PoolIngestFigures {
  /** worker threads (0: parsed and analysed on the event loop, as before the pool) */
  threads: number;
  articles: number;
  seconds: number;
  articlesPerSecond: number;
}

export interface WhoDuringIngestFigures {
  threads: number;
  /** articles ingested while the probes ran */
  articles: number;
  ingestSeconds: number;
  /** `/news who` latency from when it was due (every 10 ms) to its reply, in ms */
  who: Summary;
  maxMs: number;
}

/** Article files in a folder of their own, read by the file source as the bot reads its articles folder. */
export function writeCorpusFolder(corpus: BenchText[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-files-'));
  for (const item of corpus) {
    const path = join(dir, item.name.replace(/^\/bench\//, ''));
    writeFileSync(path, item.text);
  }
  return dir;
}

/**
 * Ingest a folder as the bot's file source does (read, parse and analyse in the pool, write in small SQLite
 * transactions on the event loop) into a fresh database, with `threads` workers.
 */
export async function benchPoolIngest(dir: string, articles: number, threads: number): Promise<PoolIngestFigures> {
  const scratch = freshDir();
  const stores = await openStores({ path: join(scratch, 'ingest.db') }, systemClock);
  const pool = createAnalysisPool({ threads });
  try {
    const start = performance.now();
    const report = await syncArticlesDir({ dir, store: stores.articles, analyzer: pool });
    const seconds = (performance.now() - start) / 1000;
    if (report.articles !== articles) throw new Error(`ingested ${report.articles} of ${articles} articles`);
    return { threads, articles, seconds: round(seconds, 2), articlesPerSecond: round(articles / seconds, 1) };
  } finally {
    await pool.close();
    await stores.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * `/news who` on a store of `seed` articles while the `dir` folder is ingested into it: a command is due every
 * 10 ms (open loop), and its latency counts from when it was due, so time the event loop was blocked counts too.
 */
export async function benchWhoDuringIngest(options: {
  seed: string;
  dir: string;
  articles: number;
  threads: number;
}): Promise<WhoDuringIngestFigures> {
  const scratch = freshDir();
  const stores = await openStores({ path: join(scratch, 'who.db') }, systemClock);
  const pool = createAnalysisPool({ threads: options.threads });
  try {
    // by path, so the folder sync below keeps them (it would remove files that are not in its folder)
    await ingestPaths({ paths: [options.seed], store: stores.articles, analyzer: pool });
    const deps = { news: createNewsService({ store: stores.articles }), clock: systemClock };
    // the most quoted person: the biggest answer `who` gives on this store
    const who = (await stores.articles.peopleByPrefix('', 1))[0]?.name ?? 'Nobody';
    const latencies: number[] = [];
    let ingesting = true;
    const probes = (async () => {
      let due = performance.now();
      while (ingesting) {
        due += 10;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        await runCommand('who', { name: who }, deps);
        latencies.push(performance.now() - due);
      }
    })();
    const start = performance.now();
    const report = await syncArticlesDir({ dir: options.dir, store: stores.articles, analyzer: pool });
    const ingestSeconds = (performance.now() - start) / 1000;
    ingesting = false;
    await probes;
    if (report.articles !== options.articles) {
      throw new Error(`ingested ${report.articles} of ${options.articles} articles`);
    }
    return {
      threads: options.threads,
      articles: options.articles,
      ingestSeconds: round(ingestSeconds, 2),
      who: summarize(latencies),
      maxMs: round(Math.max(...latencies)),
    };
  } finally {
    await pool.close();
    await stores.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

function freshDir(): string {
  return mkdtempSync(join(tmpdir(), 'newsdesk-bench-pool-'));
}
