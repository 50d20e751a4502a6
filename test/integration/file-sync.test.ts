import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestPaths, syncArticlesDir, watchArticlesDir } from '../../src/adapters/sources/file-source.js';
import { readAndAnalyzeFile } from '../../src/adapters/sources/read-file.js';
import { openStores, type Stores } from '../../src/adapters/store/open-stores.js';
import { openSqliteStore, type SqliteArticleStore } from '../../src/adapters/store/sqlite/article-store.js';
import { inlineAnalyzer } from '../../src/core/ingest/analyze.js';
import { hashBytes } from '../../src/core/ingest/ingest-file.js';
import type { AnalyzedFile, ArticleAnalyzer } from '../../src/core/ports.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { createTestDatabase, describePg } from '../helpers/postgres.js';
import { createTestLogger } from '../helpers/test-logger.js';

let dir: string;
let store: SqliteArticleStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-sync-'));
  store = openSqliteStore({ path: ':memory:', clock: new FixedClock() });
});
afterEach(() => store.close());

const plain = (title: string, body: string) => `${title}\n\n${body}\n`;

describe('syncArticlesDir', () => {
  it('ingests new files, skips unchanged ones, updates edited ones and forgets deleted ones', async () => {
    writeFileSync(join(dir, 'a.txt'), plain('Harbour reopens after storm', 'The harbour reopened on Monday.'));
    mkdirSync(join(dir, 'nested'));
    writeFileSync(join(dir, 'nested', 'b.txt'), plain('Library extends hours', 'The city library will open later.'));
    const first = await syncArticlesDir({ dir, store });
    expect(first).toMatchObject({ added: 2, updated: 0, removed: 0, articles: 2 });

    const again = await syncArticlesDir({ dir, store });
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 2, articles: 0 });

    // touched but identical: recorded, not re-analysed
    utimesSync(join(dir, 'a.txt'), new Date(), new Date(Date.now() + 5000));
    expect(await syncArticlesDir({ dir, store })).toMatchObject({ unchanged: 2, updated: 0 });
    expect(await syncArticlesDir({ dir, store })).toMatchObject({ unchanged: 2, updated: 0 });

    writeFileSync(join(dir, 'a.txt'), plain('Harbour reopens after long storm', 'The harbour reopened on Tuesday.'));
    expect(await syncArticlesDir({ dir, store })).toMatchObject({ updated: 1, articles: 1 });
    expect((await store.latest({ limit: 10 })).items.map((a) => a.title).sort()).toEqual([
      'Harbour reopens after long storm',
      'Library extends hours',
    ]);

    rmSync(join(dir, 'nested', 'b.txt'));
    expect(await syncArticlesDir({ dir, store })).toMatchObject({ removed: 1 });
    expect((await store.counts()).articles).toBe(1);
  });

  it('warns about bad files by name and still loads the rest', async () => {
    writeFileSync(join(dir, 'good.txt'), plain('Bridge repairs finish early', 'Work ended two weeks ahead of plan.'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]));
    writeFileSync(join(dir, 'bad.json'), '{"title": 5}');
    writeFileSync(
      join(dir, 'latin1.txt'),
      Buffer.from('Orbán visits Vienna\n\nViktor Orbán arrived on Monday.\n', 'latin1'),
    );
    const report = await syncArticlesDir({ dir, store });
    expect(report.articles).toBe(2);
    const files = report.warnings.map((w) => w.file).sort();
    expect(files).toEqual(expect.arrayContaining(['bad.json', 'binary.txt', 'empty.txt']));
    expect((await store.findArticles('Orbán Vienna', 5))[0]?.title).toBe('Orbán visits Vienna');
  });

  it('reports a file whose analysis died in the analyzer (a worker out of memory) and still loads the rest', async () => {
    writeFileSync(join(dir, 'good.txt'), plain('Bridge repairs finish early', 'Work ended two weeks ahead of plan.'));
    writeFileSync(join(dir, 'crash.txt'), plain('Parser crash', 'A worker died reading this.'));
    // a worker pool whose worker ran out of memory on one of the files
    const dying: ArticleAnalyzer = {
      analyzeFile: async (file) => {
        if (file.path === 'crash.txt')
          throw new Error('Worker terminated due to reaching memory limit: JS heap out of memory');
        return inlineAnalyzer.analyzeFile(file);
      },
      analyze: (article) => inlineAnalyzer.analyze(article),
    };
    const report = await syncArticlesDir({ dir, store, analyzer: dying });
    expect(report).toMatchObject({ added: 2, articles: 1 });
    expect(report.warnings.map((w) => `${w.file}: ${w.message}`)).toEqual([
      'crash.txt: could not analyse file: Worker terminated due to reaching memory limit: JS heap out of memory',
    ]);
    expect((await store.latest({ limit: 5 })).items.map((a) => a.title)).toEqual(['Bridge repairs finish early']);
    // recorded: the file is not retried (and the worker not killed again) until it changes
    expect(await syncArticlesDir({ dir, store, analyzer: dying })).toMatchObject({ unchanged: 2, warnings: [] });
  });

  it('has an analyzer that reads files itself (the pool) read, hash and analyse them there, skipping touched copies by hash', async () => {
    writeFileSync(join(dir, 'a.txt'), plain('Harbour reopens after storm', 'The harbour reopened on Monday.'));
    writeFileSync(join(dir, 'b.txt'), plain('Library extends hours', 'The city library will open later.'));
    const asked: { path: string; knownHash: string | undefined }[] = [];
    // bytes never reach the caller: analyzeFile (bytes in) must not be called
    const reading: ArticleAnalyzer = {
      analyzeFile: () => Promise.reject(new Error('bytes sent to the analyzer')),
      analyze: (article) => inlineAnalyzer.analyze(article),
      analyzeFileAt: (file) => {
        asked.push({ path: file.path, knownHash: file.knownHash });
        return readAndAnalyzeFile(file);
      },
    };
    expect(await syncArticlesDir({ dir, store, analyzer: reading })).toMatchObject({ added: 2, articles: 2 });
    expect(asked).toEqual([
      { path: 'a.txt', knownHash: undefined },
      { path: 'b.txt', knownHash: undefined },
    ]);
    expect((await store.findArticles('library hours', 5))[0]?.title).toBe('Library extends hours');
    const stored = await store.file('a.txt');
    expect(stored?.hash).toBe(
      hashBytes(Buffer.from(plain('Harbour reopens after storm', 'The harbour reopened on Monday.'))),
    );

    // touched but identical: the analyzer is given the stored hash and does not analyse it again
    utimesSync(join(dir, 'a.txt'), new Date(), new Date(Date.now() + 5000));
    expect(await syncArticlesDir({ dir, store, analyzer: reading })).toMatchObject({ unchanged: 2, updated: 0 });
    expect(asked.at(-1)).toEqual({ path: 'a.txt', knownHash: stored?.hash });

    writeFileSync(join(dir, 'a.txt'), plain('Harbour reopens after long storm', 'The harbour reopened on Tuesday.'));
    expect(await syncArticlesDir({ dir, store, analyzer: reading })).toMatchObject({ updated: 1, articles: 1 });
    expect((await store.latest({ limit: 10 })).items.map((a) => a.title).sort()).toEqual([
      'Harbour reopens after long storm',
      'Library extends hours',
    ]);
  });

  it('records a file whose analysis died where the analyzer read it, hashed here, and does not retry it', async () => {
    writeFileSync(join(dir, 'good.txt'), plain('Bridge repairs finish early', 'Work ended two weeks ahead of plan.'));
    writeFileSync(join(dir, 'crash.txt'), plain('Parser crash', 'A worker died reading this.'));
    const dying: ArticleAnalyzer = {
      ...inlineAnalyzer,
      analyzeFileAt: async (file) => {
        if (file.path === 'crash.txt') throw new Error('Worker terminated due to reaching memory limit');
        return readAndAnalyzeFile(file);
      },
    };
    const report = await syncArticlesDir({ dir, store, analyzer: dying });
    expect(report).toMatchObject({ added: 2, articles: 1 });
    expect(report.warnings.map((w) => `${w.file}: ${w.message}`)).toEqual([
      'crash.txt: could not analyse file: Worker terminated due to reaching memory limit',
    ]);
    expect((await store.file('crash.txt'))?.hash).toBe(
      hashBytes(Buffer.from(plain('Parser crash', 'A worker died reading this.'))),
    );
    expect(await syncArticlesDir({ dir, store, analyzer: dying })).toMatchObject({ unchanged: 2, warnings: [] });
  });

  it('reports a file that vanished before the analyzer read it as unreadable', async () => {
    writeFileSync(join(dir, 'gone.txt'), plain('Gone', 'Deleted between listing and reading.'));
    const vanishing: ArticleAnalyzer = {
      ...inlineAnalyzer,
      analyzeFileAt: (file) => {
        rmSync(file.absolute);
        return readAndAnalyzeFile(file);
      },
    };
    const report = await syncArticlesDir({ dir, store, analyzer: vanishing });
    expect(report.warnings).toEqual([{ file: 'gone.txt', message: 'unreadable: ENOENT' }]);
    expect(await store.file('gone.txt')).toBeNull();
  });

  it('lets the event loop turn between the write transactions of analysed files', async () => {
    for (let i = 0; i < 60; i++)
      writeFileSync(join(dir, `s${i}.txt`), plain(`Council vote ${i}`, `Councillors voted ${i} times.`));
    let turns = 0;
    let done = false;
    const tick = () => {
      turns++;
      if (!done) setImmediate(tick);
    };
    const turnsAtWrite: number[] = [];
    const applyFiles = store.applyFiles.bind(store);
    store.applyFiles = (changes) => {
      turnsAtWrite.push(turns);
      return applyFiles(changes);
    };
    // analyses that are all ready before the first write: nothing else would give the loop a turn
    const ready = new Map<string, Promise<AnalyzedFile>>();
    const prepared: ArticleAnalyzer = {
      ...inlineAnalyzer,
      analyzeFile: (file) => {
        const analysis = ready.get(file.path) ?? inlineAnalyzer.analyzeFile(file);
        ready.set(file.path, analysis);
        return analysis;
      },
    };
    await syncArticlesDir({
      dir,
      store: openSqliteStore({ path: ':memory:', clock: new FixedClock() }),
      analyzer: prepared,
    });
    setImmediate(tick);
    const report = await syncArticlesDir({ dir, store, analyzer: prepared });
    done = true;
    expect(report.added).toBe(60);
    expect(turnsAtWrite.length).toBeGreaterThanOrEqual(6);
    // a command arriving meanwhile waits for one transaction, not for every one whose files are ready
    for (let i = 1; i < turnsAtWrite.length; i++)
      expect(turnsAtWrite[i]).toBeGreaterThan(turnsAtWrite[i - 1] as number);
  });

  it('lets the event loop turn while it forgets many deleted files', async () => {
    for (let i = 0; i < 100; i++)
      writeFileSync(join(dir, `s${i}.txt`), plain(`Council vote ${i}`, `Councillors voted ${i} times.`));
    await syncArticlesDir({ dir, store });
    for (let i = 0; i < 100; i++) rmSync(join(dir, `s${i}.txt`));
    let turns = 0;
    let done = false;
    const tick = () => {
      turns++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    const report = await syncArticlesDir({ dir, store });
    done = true;
    expect(report.removed).toBe(100);
    // one turn at least every ten removals: a command arriving meanwhile is not held up by them all
    expect(turns).toBeGreaterThanOrEqual(10);
  });

  it('reports a missing articles directory as a warning', async () => {
    const report = await syncArticlesDir({ dir: join(dir, 'nope'), store });
    expect(report.warnings[0]?.message).toMatch(/cannot read the articles directory: ENOENT/);
  });

  it('keeps files ingested by absolute path when the folder is synced', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'newsdesk-outside-'));
    writeFileSync(join(outside, 'x.txt'), plain('Outside story', 'Ingested by path.'));
    expect(await ingestPaths({ paths: [join(outside, 'x.txt')], store })).toMatchObject({ added: 1, articles: 1 });
    await syncArticlesDir({ dir, store });
    expect((await store.counts()).articles).toBe(1);
  });
});

describe('watchArticlesDir', () => {
  it('notices a file added while running', async () => {
    const logger = createTestLogger();
    let resolveChange: () => void = () => {};
    const changed = new Promise<void>((resolve) => {
      resolveChange = resolve;
    });
    const watcher = watchArticlesDir({ dir, logger, onChange: () => resolveChange(), debounceMs: 20 });
    try {
      writeFileSync(join(dir, 'new.txt'), plain('Late story', 'Arrived while the bot ran.'));
      await changed;
      expect(await syncArticlesDir({ dir, store })).toMatchObject({ added: 1 });
    } finally {
      watcher.close();
    }
  });
});

describePg('syncArticlesDir with several processes on one PostgreSQL database', () => {
  it('ingests each file once when two processes sync the same folder at the same time', async () => {
    const database = await createTestDatabase();
    const clock = new FixedClock();
    const opened: Stores[] = [];
    try {
      for (let i = 0; i < 30; i++) {
        writeFileSync(join(dir, `story-${i}.txt`), plain(`Council vote number ${i}`, `Councillors voted ${i} times.`));
      }
      const a = await openStores({ url: database.url, poolSize: 3 }, clock);
      opened.push(a);
      const b = await openStores({ url: database.url, poolSize: 3 }, clock);
      opened.push(b);
      const sync = (stores: Stores, owner: string) =>
        syncArticlesDir({ dir, store: stores.articles, claims: { claims: stores.claims, owner, clock } });
      const [first, second] = await Promise.all([sync(a, 'host-a:1'), sync(b, 'host-b:2')]);
      // every file was written by exactly one process; the other skipped it or found it already stored
      expect(first.added + second.added).toBe(30);
      expect(first.added + first.claimedElsewhere + first.unchanged).toBe(30);
      expect((await a.articles.counts()).articles).toBe(30);
      expect((await b.articles.latest({ limit: 100 })).items).toHaveLength(30);
      // nothing is left claimed, and a later sync in either process has nothing to do
      expect(await a.claims.releaseAll('host-a:1')).toBe(0);
      expect(await sync(b, 'host-b:2')).toMatchObject({ added: 0, updated: 0, unchanged: 30 });
    } finally {
      for (const stores of opened) await stores.close();
      await database.drop();
    }
  });
});
