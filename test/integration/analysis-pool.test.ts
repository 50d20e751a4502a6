import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../commands/dispatch.js';
import { type AnalysisPool, createAnalysisPool } from '../../src/adapters/analysis/analysis-pool.js';
import { type HealthServer, startHealthServer } from '../../src/adapters/health/health-server.js';
import { watchArticlesDir } from '../../src/adapters/sources/file-source.js';
import { inlineAnalyzer } from '../../src/core/ingest/analyze.js';
import { hashBytes } from '../../src/core/ingest/ingest-file.js';
import { type Desk, openDesk } from '../../src/desk.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { ARTICLES_DIR } from '../helpers/seed-deps.js';
import { createTestLogger } from '../helpers/test-logger.js';

const SEED = '000_a81465b85111eb58.txt';
// Node has had Atomics.waitAsync since 16; TypeScript types it from ES2024 on
const { waitAsync } = Atomics as unknown as {
  waitAsync(array: Int32Array, index: number, value: number): { value: Promise<string> | string };
};
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function pool(options: Parameters<typeof createAnalysisPool>[0]): AnalysisPool {
  const created = createAnalysisPool(options);
  closers.push(() => created.close());
  return created;
}

/** Plain-text article files of a few kilobytes each, written for these tests. */
function storyFiles(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const paragraphs = Array.from(
      { length: 12 },
      (_, j) =>
        `"The harbour plan number ${i} will be ready by spring, and the docks will reopen in stage ${j}," said harbour master Ines Alvarado on Monday.`,
    );
    const text = `Harbour plan ${i} moves ahead\n\nINES ALVARADO, the harbour master, spoke on Monday.\n${paragraphs.join('\n')}\n`;
    return { path: `story-${i}.txt`, bytes: Buffer.from(text), retrievedAt: new Date('2026-02-14T10:00:00Z') };
  });
}

describe('the analysis pool', () => {
  it('parses and analyses files and articles in worker threads with the same result as in-process', async () => {
    const workers = pool({ threads: 2 });
    const files = storyFiles(12);
    const viaWorkers = await Promise.all(files.map((file) => workers.analyzeFile(file)));
    expect(workers.workers()).toBeGreaterThan(0);
    for (const [index, file] of files.entries()) {
      const inline = await inlineAnalyzer.analyzeFile(file);
      expect(viaWorkers[index]).toEqual(inline);
      expect(inline.analyzed[0]?.quotes.length).toBeGreaterThan(0);
      const [article] = inline.analyzed;
      if (!article) throw new Error('no article');
      expect(await workers.analyze(article)).toEqual(await inlineAnalyzer.analyze(article));
    }
  });

  it('reads, hashes and analyses a file in a worker as on the calling thread, and skips it by its known hash', async () => {
    const workers = pool({ threads: 2 });
    const [file] = storyFiles(1);
    if (!file) throw new Error('no file');
    const folder = mkdtempSync(join(tmpdir(), 'newsdesk-pool-read-'));
    const absolute = join(folder, file.path);
    writeFileSync(absolute, file.bytes);
    const request = {
      absolute,
      followLinks: false,
      maxBytes: 1024 * 1024,
      size: file.bytes.length,
      path: file.path,
      retrievedAt: file.retrievedAt,
      knownHash: undefined,
    };
    const read = await workers.analyzeFileAt?.(request);
    expect(workers.workers()).toBeGreaterThan(0);
    expect(read).toEqual({
      kind: 'analyzed',
      hash: hashBytes(file.bytes),
      file: await inlineAnalyzer.analyzeFile(file),
    });
    const again = await workers.analyzeFileAt?.({ ...request, knownHash: hashBytes(file.bytes) });
    expect(again).toEqual({ kind: 'unchanged', hash: hashBytes(file.bytes) });
  });

  it('does a small file in-process within its inline budget, starting no worker', async () => {
    const workers = pool({ threads: 2, inlineBudgetChars: 16 * 1024 });
    const [file] = storyFiles(1);
    if (!file) throw new Error('no file');
    expect(await workers.analyzeFile(file)).toEqual(await inlineAnalyzer.analyzeFile(file));
    expect(workers.workers()).toBe(0);
  });

  it('sends even a small file to a worker by default, keeping the event loop free', async () => {
    const workers = pool({ threads: 2 });
    const [file] = storyFiles(1);
    if (!file) throw new Error('no file');
    expect(await workers.analyzeFile(file)).toEqual(await inlineAnalyzer.analyzeFile(file));
    expect(workers.workers()).toBe(1);
  });

  it('with 0 threads is the in-process analyzer', async () => {
    const inline = pool({ threads: 0 });
    const [file] = storyFiles(1);
    if (!file) throw new Error('no file');
    expect(await inline.analyzeFile(file)).toEqual(await inlineAnalyzer.analyzeFile(file));
    expect(inline.workers()).toBe(0);
  });
});

describe('a large adversarial article dropped into the watched folder', () => {
  it('is analysed in a worker while /healthz and commands keep answering on the event loop', async () => {
    const root = mkdtempSync(join(tmpdir(), 'newsdesk-pool-'));
    const dir = join(root, 'articles');
    mkdirSync(dir);
    writeFileSync(join(dir, SEED), readFileSync(join(ARTICLES_DIR, SEED)));
    const gate = new SharedArrayBuffer(8);
    const state = new Int32Array(gate);
    const workers = pool({
      threads: 1,
      workerUrl: new URL('../fakes/gated-analysis-worker.ts', import.meta.url),
      workerData: { gate },
    });
    const logger = createTestLogger();
    const clock = new FixedClock('2026-02-14T12:00:00Z');
    const desk: Desk = await openDesk({
      articlesDir: dir,
      database: { path: join(root, 'n.db') },
      logger,
      clock,
      analyzer: workers,
    });
    closers.push(() => desk.close());
    await desk.sync();
    const before = await desk.stores.articles.counts();
    const health: HealthServer = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      logger,
      sources: {
        databaseKind: 'sqlite',
        pingDatabase: () => desk.stores.ping(),
        adapters: () => [],
        shuttingDown: () => false,
      },
    });
    closers.push(() => health.close());
    const watcher = watchArticlesDir({ dir, logger, onChange: () => void desk.sync(), debounceMs: 20 });
    closers.push(() => watcher.close());

    // one paragraph of 500 kB of short quotes: the shape that made quote analysis quadratic
    writeFileSync(join(dir, 'adversarial.txt'), `Adversarial quotes\n\nHe said ${'"a b c." '.repeat(62_500)}\n`);
    // the worker has taken the article and holds it: its analysis is under way off the event loop
    await waitAsync(state, 0, 0).value;

    const probe = await fetch(`http://127.0.0.1:${health.port}/healthz`);
    expect(probe.status).toBe(200);
    const who = await runCommand('who', { name: 'Rubio' }, { news: desk.news, clock });
    expect(who.title).toBe('Marco Rubio');
    // still being analysed: nothing of it is stored yet
    expect(await desk.stores.articles.counts()).toEqual(before);

    Atomics.store(state, 1, 1);
    Atomics.notify(state, 1);
    await desk.sync();
    expect((await desk.stores.articles.findArticles('Adversarial quotes', 1))[0]?.title).toBe('Adversarial quotes');
  });
});
