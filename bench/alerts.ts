import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDiscordAdapter } from '../src/adapters/discord/discord-adapter.js';
import { watchArticlesDir } from '../src/adapters/sources/file-source.js';
import { createAlertScheduler } from '../src/core/alerts/alert-scheduler.js';
import { createFollowService } from '../src/core/alerts/follow-service.js';
import { ingestFile } from '../src/core/ingest/ingest-file.js';
import type { Logger } from '../src/core/ports.js';
import { openDesk, systemClock } from '../src/desk.js';
import { FakeDiscord } from '../test/fakes/fake-discord.js';
import type { BenchText } from './corpus.js';
import { writeCorpusFolder } from './ingest-pool.js';
import { type Summary, summarize } from './stats.js';

export interface AlertFigures {
  /** articles in the store and the watched folder before the runs */
  storeArticles: number;
  /** an article file written into the watched folder until its alert reaches the platform */
  fileToAlert: Summary;
  /**
   * an article stored by a writer that does not nudge the scheduler (another process on the database), found by
   * the alert poll, until its alert reaches the platform: the poll's worst case
   */
  storedToAlert: Summary;
  /** the alert poll interval used (the default) */
  pollMs: number;
  /** follows ticking on each new article */
  follows: number;
}

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };
/** The bot's defaults: ALERT_POLL_MS and the watcher's debounce. */
const POLL_MS = 2000;
const FIRST = [
  'Ingrid',
  'Bartholomew',
  'Oksana',
  'Ferdinand',
  'Lucinda',
  'Rasmus',
  'Priya',
  'Gunnar',
  'Esther',
  'Matthias',
];
const LAST = [
  'Vandermeer',
  'Kowalczyk',
  'Abernathy',
  'Lindahl',
  'Okonkwo',
  'Fairbairn',
  'Castellano',
  'Haugland',
  'Pemberton',
  'Szabo',
];

/** The i-th made-up speaker, distinct for up to 100 runs (each follow may post once a minute). */
function speaker(i: number): string {
  return `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
}

function articleText(i: number, token: string): string {
  return `Harbour board approves ${token}\n\nThe harbour board approved the ${token} plan on Tuesday after a long debate.\n"This plan keeps the ferries running for every island family," said Finance Minister ${speaker(i)}.\nCritics said the plan ignored the northern piers.\n`;
}

/**
 * File-to-alert latency with the bot's default polling: a folder of `corpus` article files synced into a fresh
 * SQLite store, then the watcher, the sync of the whole folder, the alert scheduler and discord.js posting into the
 * loopback Discord fake, as the bot runs them. Each run follows a speaker of its own (one message per follow per
 * minute is a rule, not a delay); every follow is looked at for each new article.
 */
export async function benchAlerts(corpus: BenchText[], runs: number): Promise<AlertFigures> {
  const count = Math.min(runs, 50);
  const dir = writeCorpusFolder(corpus);
  const dbDir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-alerts-'));
  const fake = await FakeDiscord.start();
  let nudge = () => {};
  const desk = await openDesk({
    articlesDir: dir,
    database: { path: join(dbDir, 'alerts.db') },
    logger: silent,
    onStored: () => nudge(),
  });
  await desk.sync();
  const { stores } = desk;
  const follows = createFollowService({
    store: stores.follows,
    articles: stores.articles,
    news: desk.news,
    clock: systemClock,
  });
  const channel = { platform: 'discord' as const, channelId: fake.channelId, workspaceId: null, userId: 'bench' };
  for (let i = 0; i < 2 * count; i++) {
    await follows.follow(channel, { kind: 'who', target: speaker(i), ping: null });
  }
  const discord = createDiscordAdapter({
    token: 'MTIz.bench.token',
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    deps: { news: desk.news, clock: systemClock },
    logger: silent,
    restOptions: { retries: 0, timeout: 30_000 },
  });
  const alerts = createAlertScheduler({
    follows: stores.follows,
    articles: stores.articles,
    people: stores.articles,
    adapters: new Map([['discord', discord]]),
    clock: systemClock,
    logger: silent,
    instanceId: 'bench',
  });
  nudge = () => alerts.nudge();
  // as the bot watches its folder (src/main.ts)
  const watcher = watchArticlesDir({ dir: desk.articlesDir, logger: silent, onChange: () => void desk.sync() });
  alerts.start(POLL_MS);
  const posted = (token: string) =>
    fake.waitFor(
      (c) =>
        c.method === 'POST' &&
        c.path === `/channels/${fake.channelId}/messages` &&
        JSON.stringify(c.body).includes(token),
      30_000,
    );

  const fileSamples: number[] = [];
  for (let i = 0; i < count; i++) {
    const token = `fileplan${i}x`;
    const arrived = posted(token);
    const start = performance.now();
    writeFileSync(join(dir, `alert-${i}.txt`), articleText(i, token));
    await arrived;
    fileSamples.push(performance.now() - start);
  }
  const storedSamples: number[] = [];
  for (let i = 0; i < count; i++) {
    const token = `feedplan${i}x`;
    const bytes = Buffer.from(articleText(count + i, token));
    const arrived = posted(token);
    const start = performance.now();
    // stored as a feed item is (its origin is the item's URL), but by no one who nudges: the alert poll finds it
    const path = `https://feeds.example/item-${i}`;
    await ingestFile({ store: stores.articles }, { path, bytes, size: bytes.length, mtimeMs: 1 });
    await arrived;
    storedSamples.push(performance.now() - start);
  }
  watcher.close();
  await alerts.stop();
  await discord.stop();
  await desk.close();
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(dbDir, { recursive: true, force: true });
  return {
    storeArticles: corpus.length,
    fileToAlert: summarize(fileSamples),
    storedToAlert: summarize(storedSamples),
    pollMs: POLL_MS,
    follows: 2 * count,
  };
}
