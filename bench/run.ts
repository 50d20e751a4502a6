/**
 * `npm run bench [-- --sizes 1000,10000,100000] [--out bench/results.json] [--runs 200] [--skip-e2e]
 *   [--ingest-load 10000] [--skip-pool] [--skip-alerts] [--alert-store 10000] [--skip-peer] [--skip-stories]
 *   [--skip-process] [--postgres postgres://user@host/db] [--stories-at 100000]`
 *
 * Ingest throughput (full pipeline, one core) beside wink-nlp's readDoc on the same texts, core query
 * latency at each corpus size, end-to-end command latency through the real discord.js and Bolt clients
 * against the loopback fakes, cold start and memory of the bot process on the largest store.
 * Prints a table and writes the same figures as JSON. With --postgres, ingest and queries run on
 * PostgreSQL instead (a fresh database per size is created on that server), end to end and process
 * figures are skipped. Story clustering is timed per article once each size is already clustered: in memory, and
 * through the store as what it adds to writing articles (one and fifty per transaction, clustering held back and
 * not, alternately). `--stories-at N` times only the latter, on a store of N articles built without analysing
 * each copy.
 * Analysis is timed on adversarial shapes (many quotes in one paragraph, one huge line...) at two sizes, to show it
 * grows linearly. Live alerts are timed from an article file landing in the watched folder (and from an article
 * stored by another process, found by the poll alone) to the alert reaching the Discord fake, with the default
 * polling, on a folder and store of --alert-store articles.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStores, type Stores } from '../src/adapters/store/open-stores.js';
import type { SqliteArticleStore } from '../src/adapters/store/sqlite/article-store.js';
import { createNewsService } from '../src/core/news.js';
import { systemClock } from '../src/desk.js';
import { type AdversarialFigures, benchAdversarial } from './adversarial.js';
import { type AlertFigures, benchAlerts } from './alerts.js';
import { buildCorpus, loadBaseTexts } from './corpus.js';
import { benchEndToEnd, type EndToEndFigures } from './e2e.js';
import { benchIngest, benchWinkReadDoc, type IngestFigures, type PeerFigures } from './ingest.js';
import {
  benchPoolIngest,
  benchWhoDuringIngest,
  type PoolIngestFigures,
  type WhoDuringIngestFigures,
  writeCorpusFolder,
} from './ingest-pool.js';
import { benchProcess, type ProcessFigures } from './process.js';
import { benchQueries, type QueryFigures } from './queries.js';
import type { Summary } from './stats.js';
import {
  benchStoredStories,
  benchStoredStoriesAt,
  benchStories,
  formatStoredStoryFigures,
  formatStoryFigures,
  type StoredStoryFigures,
  type StoryCounters,
  type StoryFigures,
  storedStoryFiguresHeader,
  storyFiguresHeader,
} from './stories.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    out: { type: 'string', default: 'bench/results.json' },
    runs: { type: 'string', default: '200' },
    'skip-e2e': { type: 'boolean', default: false },
    'ingest-load': { type: 'string', default: '10000' },
    'skip-pool': { type: 'boolean', default: false },
    'skip-alerts': { type: 'boolean', default: false },
    // for a short run of the query and alert figures alone
    'skip-peer': { type: 'boolean', default: false },
    'skip-stories': { type: 'boolean', default: false },
    'skip-process': { type: 'boolean', default: false },
    'alert-store': { type: 'string', default: '10000' },
    postgres: { type: 'string' },
    'stories-at': { type: 'string' },
  },
});
const postgres = values.postgres;
/** the database of the size being measured, on the --postgres server */
let currentPgUrl = '';
const sizes = values.sizes
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const runs = Number(values.runs);

interface SizeFigures {
  size: number;
  ingest: IngestFigures;
  peer: PeerFigures;
  /** our full pipeline's throughput divided by wink readDoc's (>= 0.5 is the target, >= 1 the ambition) */
  ratioToPeer: number;
  queries: QueryFigures;
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const base = loadBaseTexts();
log(`newsdesk bench: Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'})`);
log(`corpus: ${base.texts.length} base texts from the ${base.source}, varied to reach each size\n`);

if (values['stories-at']) {
  // only story clustering through a store of that many articles (quick to build: no analysis per copy)
  const size = Number(values['stories-at']);
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-stories-'));
  const stores = await openBenchStores(size, join(dir, 'stories.db'));
  try {
    log(`story clustering through a ${stores.kind} store of ${size} articles...`);
    const figures = await benchStoredStoriesAt(base.texts, size, stores.articles, stores.kind, storyCounters(stores));
    log(storedStoryFiguresHeader());
    log(formatStoredStoryFigures(figures));
    log(
      `(building the store: ${figures.ingestMsPerArticle} ms per article written and clustered, 100 per transaction)`,
    );
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
    if (postgres) await dropBenchDatabase(size);
  }
  process.exit(0);
}

const results: SizeFigures[] = [];
const storedStories: StoredStoryFigures[] = [];
let largestDb = '';
for (const size of sizes) {
  const corpus = buildCorpus(base.texts, size);
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-'));
  const dbPath = join(dir, 'bench.db');
  const stores = await openBenchStores(size, dbPath);
  const store = stores.articles;
  log(`ingesting ${size} articles into ${stores.kind}...`);
  const ingest = await benchIngest(store, corpus);
  // skipped: zeros, and a ratio of 0
  const peer: PeerFigures = values['skip-peer']
    ? { articles: 0, articlesPerSecond: 0, wordsPerSecond: 0, seconds: 0, perArticle: { median: 0, p99: 0, runs: 0 } }
    : benchWinkReadDoc(corpus);
  const news = createNewsService({ store });
  const queries = await benchQueries(news, store, runs);
  log(`  story clustering through the store at ${size} articles...`);
  storedStories.push(await benchStoredStories(store, stores.kind, base.texts, size, storyCounters(stores)));
  await stores.close();
  largestDb = dbPath;
  const ratio =
    peer.articlesPerSecond > 0 ? Math.round((ingest.articlesPerSecond / peer.articlesPerSecond) * 100) / 100 : 0;
  results.push({ size, ingest, peer, ratioToPeer: ratio, queries });
  log(
    `  ours ${ingest.articlesPerSecond} art/s (${ingest.wordsPerSecond} words/s), wink readDoc ${peer.articlesPerSecond} art/s: ratio ${ratio}; peak RSS ${ingest.peakRssMb} MB`,
  );
}

const stories: StoryFigures[] = [];
for (const size of values['skip-stories'] ? [] : sizes) {
  log(`clustering ${size} articles into stories...`);
  stories.push(await benchStories(base.texts, size));
}

let endToEnd: EndToEndFigures | null = null;
if (!values['skip-e2e'] && !postgres) {
  log('\nend to end through discord.js and Bolt against the loopback fakes...');
  const stores = await openStores({ path: largestDb }, systemClock);
  const who = (await stores.articles.peopleByPrefix('', 1))[0]?.name ?? 'Nobody';
  const news = createNewsService({ store: stores.articles });
  endToEnd = await benchEndToEnd({ news, clock: systemClock }, who, Math.min(runs, 200));
  await stores.close();
}

const poolIngest: PoolIngestFigures[] = [];
const whoDuringIngest: WhoDuringIngestFigures[] = [];
if (!values['skip-pool'] && !postgres) {
  const load = Number(values['ingest-load']);
  const texts = buildCorpus(base.texts, 1000 + load);
  const seed = writeCorpusFolder(texts.slice(0, 1000));
  const dir = writeCorpusFolder(texts.slice(1000));
  const cores = availableParallelism();
  // 0: everything on the event loop, as before the pool; 1 worker; one worker per core
  for (const threads of [...new Set([0, 1, cores])]) {
    log(`\ningesting ${load} article files with ${threads} analysis threads...`);
    poolIngest.push(await benchPoolIngest(dir, load, threads));
  }
  for (const threads of [...new Set([0, Math.max(1, cores - 1), cores])]) {
    log(`/news who every 10 ms while ${load} articles are ingested, ${threads} analysis threads...`);
    whoDuringIngest.push(await benchWhoDuringIngest({ seed, dir, articles: load, threads }));
  }
  rmSync(seed, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
}

let alerts: AlertFigures | null = null;
if (!values['skip-alerts'] && !postgres) {
  const size = Number(values['alert-store']);
  log(`\nlive alerts: file landing to alert posted, on a folder and store of ${size} articles...`);
  alerts = await benchAlerts(buildCorpus(base.texts, size), Math.min(runs, 50));
}

log('\nanalysing adversarial shapes at two sizes...');
const adversarial: AdversarialFigures[] = benchAdversarial();

let processFigures: ProcessFigures | null = null;
if (!postgres && !values['skip-process']) {
  log('\nstarting the bot process on the largest store...');
  processFigures = await benchProcess(largestDb, 300);
}

const fmt = (s: Summary) => `${s.median.toFixed(3).padStart(9)} ${s.p99.toFixed(3).padStart(9)}`;
log('\n== Ingest (full pipeline, one core) ==');
log('size      ours art/s   words/s  wink art/s  ratio  per-article ms (median p99)  peak RSS MB');
for (const r of results) {
  log(
    `${String(r.size).padEnd(9)} ${String(r.ingest.articlesPerSecond).padStart(10)} ${String(r.ingest.wordsPerSecond).padStart(9)} ${String(r.peer.articlesPerSecond).padStart(11)} ${String(r.ratioToPeer).padStart(6)}  ${fmt(r.ingest.perArticle)}  ${String(r.ingest.peakRssMb).padStart(11)}`,
  );
}
log('\n== Core query latency, ms (median p99) ==');
log(`query${' '.repeat(23)}${sizes.map((s) => String(s).padStart(20)).join('')}`);
for (const name of Object.keys(results[0]?.queries ?? {})) {
  log(`${name.padEnd(28)}${results.map((r) => fmt(r.queries[name] as Summary)).join(' ')}`);
}
log('\n== Story clustering per article, after that many are clustered (target: assign <= 0.2 ms) ==');
log(storyFiguresHeader());
for (const figures of stories) log(formatStoryFigures(figures));
log('\n== Story clustering through the store, ms per article (target <= 0.2 ms at 100,000 stored) ==');
log(storedStoryFiguresHeader());
for (const figures of storedStories) log(formatStoredStoryFigures(figures));
if (endToEnd) {
  log('\n== End to end, interaction in to reply out, ms (median p99) ==');
  for (const [name, s] of Object.entries(endToEnd)) log(`${name.padEnd(40)}${fmt(s as Summary)}`);
}
if (poolIngest.length > 0) {
  log('\n== Ingest of a folder through the analysis pool (read, parse, analyse, SQLite) ==');
  for (const r of poolIngest) {
    log(
      `${String(r.threads).padStart(2)} threads: ${r.articlesPerSecond} art/s (${r.articles} articles in ${r.seconds} s)`,
    );
  }
  log('\n== /news who while a folder is ingested, ms from due to reply (median p99 max) ==');
  for (const r of whoDuringIngest) {
    log(
      `${String(r.threads).padStart(2)} threads: ${fmt(r.who)} ${r.maxMs.toFixed(3).padStart(9)}  (${r.who.runs} commands, ingest ${r.ingestSeconds} s)`,
    );
  }
}
log('\n== Analysis of adversarial shapes, ms at a size and at four times it (linear: about 4x) ==');
for (const r of adversarial) {
  log(
    `${r.shape.padEnd(36)} ${String(r.smallKb).padStart(5)} kB ${String(r.smallMs).padStart(8)} ms  ${String(r.largeKb).padStart(5)} kB ${String(r.largeMs).padStart(8)} ms  x${r.growth}`,
  );
}
if (alerts) {
  log(
    `\n== Live alerts, ms to the alert reaching Discord (median p99), polling every ${alerts.pollMs} ms, ${alerts.storeArticles} articles, ${alerts.follows} follows ==`,
  );
  log(`article file lands in the watched folder  ${fmt(alerts.fileToAlert)}`);
  log(`article stored, found by the poll alone   ${fmt(alerts.storedToAlert)}`);
}
if (processFigures) {
  log('\n== Bot process on the largest store ==');
  log(`cold start to ready: ${processFigures.coldStartMs} ms; first reply after: ${processFigures.firstReplyMs} ms`);
  log(
    `RSS at rest: ${processFigures.rssAfterStartMb} MB after start, ${processFigures.rssAfterCommandsMb} MB after ${processFigures.commands} commands`,
  );
}

const out = resolve(values.out);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      corpus: base.source,
      database: postgres ? 'postgres' : 'sqlite',
      date: new Date().toISOString(),
      sizes: results,
      stories,
      storedStories,
      endToEnd,
      poolIngest,
      whoDuringIngest,
      adversarial,
      alerts,
      process: processFigures,
    },
    null,
    2,
  )}\n`,
);
log(`\nwrote ${out}`);

/** The story counters beside the store: the bench holds clustering back (and clusters itself) and sees the folds. */
function storyCounters(stores: Stores): StoryCounters {
  const query = async (sql: string, params: unknown[]): Promise<{ value: number | string }[]> => {
    if (stores.kind === 'sqlite') {
      const statement = (stores.articles as SqliteArticleStore).db.prepare(sql.replace(/\$\d/g, '?'));
      if (statement.reader) return statement.all(...params) as { value: number }[];
      statement.run(...params);
      return [];
    }
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: currentPgUrl });
    await client.connect();
    try {
      return (await client.query<{ value: string }>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    setWatermark: async (value) => {
      await query("UPDATE counters SET value = $1 WHERE name = 'stories_watermark'", [value]);
    },
    folded: async () =>
      Number((await query("SELECT value FROM counters WHERE name = 'stories_df_folded'", []))[0]?.value ?? 0),
  };
}

/** Drop the database `openBenchStores` made for `size` on the --postgres server. */
async function dropBenchDatabase(size: number): Promise<void> {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: postgres });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS newsdesk_bench_${size}_${process.pid} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** SQLite in a temp folder, or a fresh PostgreSQL database per size on the --postgres server. */
async function openBenchStores(size: number, sqlitePath: string): Promise<Stores> {
  if (!postgres) return openStores({ path: sqlitePath }, systemClock);
  const { default: pg } = await import('pg');
  const name = `newsdesk_bench_${size}_${process.pid}`;
  const admin = new pg.Client({ connectionString: postgres });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgres);
  url.pathname = `/${name}`;
  currentPgUrl = url.toString();
  return openStores({ url: currentPgUrl, poolSize: 4 }, systemClock);
}
