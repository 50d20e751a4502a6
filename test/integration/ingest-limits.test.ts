import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../commands/dispatch.js';
import { ingestPaths, syncArticlesDir } from '../../src/adapters/sources/file-source.js';
import { openSqliteStore, type SqliteArticleStore } from '../../src/adapters/store/sqlite/article-store.js';
import { IngestOutput } from '../../src/cli/output-schemas.js';
import { runCli } from '../../src/cli/run-cli.js';
import { INGEST_LIMITS } from '../../src/core/ingest/limits.js';
import { createNewsService } from '../../src/core/news.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { createTestLogger } from '../helpers/test-logger.js';

let root: string;
let dir: string;
let store: SqliteArticleStore;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'newsdesk-limits-'));
  dir = join(root, 'articles');
  mkdirSync(dir);
  store = openSqliteStore({ path: ':memory:', clock: new FixedClock() });
});
afterEach(() => store.close());

const plain = (title: string, body: string) => `${title}\n\n${body}\n`;
const hasMkfifo = process.platform !== 'win32' && existsSync('/usr/bin/mkfifo');

function mkfifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args, '--articles', dir, '--db', join(root, 'cli.db')], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: { ARTICLE_MAX_FILE_BYTES: String(64 * 1024) },
    logger: createTestLogger(),
    clock: new FixedClock('2026-02-14T12:00:00Z'),
  });
  return { code, stdout, stderr };
}

describe('only regular files are read', () => {
  it.skipIf(!hasMkfifo)('refuses a FIFO named to newsdesk ingest and analyze instead of waiting on it', async () => {
    const fifo = mkfifo(join(root, 'pipe.txt'));
    const ingest = await cli('ingest', '--json', fifo);
    expect(ingest.code).toBe(0);
    expect(IngestOutput.parse(JSON.parse(ingest.stdout)).warnings).toEqual([
      { file: fifo, message: 'not a regular file (a named pipe): skipped' },
    ]);
    const analyze = await cli('analyze', fifo);
    expect(analyze.code).toBe(1);
    expect(analyze.stderr).toBe(`warning: ${fifo}: not a regular file (a named pipe): skipped\n`);
  });

  it.skipIf(!existsSync('/dev/zero'))(
    'refuses a character device instead of reading it until memory runs out',
    async () => {
      const ingest = await cli('ingest', '/dev/zero');
      expect(ingest.stderr).toContain('warning: /dev/zero: not a regular file (a character device): skipped');
      const analyze = await cli('analyze', '--json', '/dev/zero');
      expect(JSON.parse(analyze.stdout).warnings).toEqual([
        { file: '/dev/zero', message: 'not a regular file (a character device): skipped' },
      ]);
    },
  );

  it.skipIf(!hasMkfifo)('skips a FIFO and a symbolic link inside the folder with one warning each, once', async () => {
    writeFileSync(join(dir, 'real.txt'), plain('Harbour reopens after storm', 'The harbour reopened on Monday.'));
    writeFileSync(join(root, 'secret.env'), 'SLACK_BOT_TOKEN=xoxb-not-for-chat\n');
    symlinkSync(join(root, 'secret.env'), join(dir, 'leak.txt'));
    symlinkSync(join(dir, 'real.txt'), join(dir, 'again.txt'));
    mkfifo(join(dir, 'pipe.txt'));

    const first = await syncArticlesDir({ dir, store });
    expect(first.articles).toBe(1);
    expect(first.warnings.map((w) => `${w.file}: ${w.message}`).sort()).toEqual([
      'again.txt: symbolic link skipped: links are not followed, so no file outside the folder is published',
      'leak.txt: symbolic link skipped: links are not followed, so no file outside the folder is published',
      'pipe.txt: not a regular file (a named pipe): skipped',
    ]);
    expect(await store.search('xoxb', { limit: 5, offset: 0 })).toMatchObject({ total: 0 });

    const second = await syncArticlesDir({ dir, store });
    expect(second.warnings).toEqual([]);
    expect(second).toMatchObject({ added: 0, unchanged: 4 });
  });
});

describe('a file size cap', () => {
  it('skips a file over the cap with one warning naming it and its size, and warns no more while it is unchanged', async () => {
    writeFileSync(join(dir, 'small.txt'), plain('Library extends hours', 'The city library will open later.'));
    writeFileSync(join(dir, 'huge.txt'), `${'word '.repeat(30_000)}\n`);
    const first = await syncArticlesDir({ dir, store, maxFileBytes: 64 * 1024 });
    expect(first.articles).toBe(1);
    expect(first.warnings).toEqual([
      { file: 'huge.txt', message: 'file of 146 KiB is over the 64 KiB limit (ARTICLE_MAX_FILE_BYTES): skipped' },
    ]);
    expect((await syncArticlesDir({ dir, store, maxFileBytes: 64 * 1024 })).warnings).toEqual([]);
  });

  it('takes the cap from ARTICLE_MAX_FILE_BYTES in the CLI, for ingest and analyze', async () => {
    const big = join(root, 'big.txt');
    writeFileSync(big, `${'word '.repeat(30_000)}\n`);
    expect((await cli('ingest', big)).stderr).toContain('over the 64 KiB limit (ARTICLE_MAX_FILE_BYTES): skipped');
    expect((await cli('analyze', big)).stderr).toContain('over the 64 KiB limit');
  });
});

describe('a one-line file', () => {
  const oneLine = `${'Breaking news about the harbour board and its long vote '.repeat(1_000)}\n`;

  it('becomes a title of at most 300 characters, and its warnings stay short', async () => {
    writeFileSync(join(dir, 'one-line.txt'), oneLine);
    const report = await syncArticlesDir({ dir, store });
    const [article] = (await store.latest({ limit: 1 })).items;
    expect(article?.title.length).toBeLessThanOrEqual(INGEST_LIMITS.titleChars);
    expect(article?.title.endsWith('…')).toBe(true);
    expect(report.warnings.length).toBeGreaterThan(0);
    for (const warning of report.warnings) expect(warning.message.length).toBeLessThanOrEqual(200);
    expect(report.warnings.map((w) => w.message)).toContain(
      'article "Breaking news about the harbour board and its long vote…": title cut to 300 characters',
    );

    const latest = await runCommand('latest', {}, { news: createNewsService({ store }), clock: new FixedClock() });
    expect(JSON.stringify(latest).length).toBeLessThan(2_000);
  });

  it('prints short warnings from ingest --json', async () => {
    writeFileSync(join(dir, 'one-line.txt'), oneLine);
    const { stdout, stderr } = await cli('ingest', '--json');
    expect(stdout.length).toBeLessThan(2_000);
    expect(stderr.length).toBeLessThan(2_000);
  });
});

describe('paragraph and quote caps', () => {
  it('keeps the first 1000 paragraphs of an article of a million short lines, with one warning', async () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `Line ${i} a.`).join('\n');
    writeFileSync(join(dir, 'lines.txt'), `Title of many lines\n\n${lines}\n`);
    const report = await syncArticlesDir({ dir, store });
    expect(report.warnings).toEqual([
      {
        file: 'lines.txt',
        message: `article "Title of many lines": only the first ${INGEST_LIMITS.paragraphs} of 100000 paragraphs kept`,
      },
    ]);
    const [view] = (await store.latest({ limit: 1 })).items;
    expect((await store.getArticle(view?.id ?? ''))?.paragraphs).toHaveLength(INGEST_LIMITS.paragraphs);
  });

  it('keeps the first 500 quotes of an article, with one warning naming the file', async () => {
    const paragraphs = Array.from({ length: 600 }, (_, i) => `"Quote number ${i} is on the record," Smith said.`);
    const file = join(root, 'quotes.txt');
    writeFileSync(file, `Smith speaks at length\n\nJohn Smith spoke on Monday.\n${paragraphs.join('\n')}\n`);
    const report = await ingestPaths({ paths: [file], store });
    expect(report.warnings).toEqual([
      {
        file: file,
        message: `article "Smith speaks at length": only the first ${INGEST_LIMITS.quotes} of 600 quotes kept`,
      },
    ]);
    const [view] = (await store.latest({ limit: 1 })).items;
    expect((await store.getArticle(view?.id ?? ''))?.quotes).toHaveLength(INGEST_LIMITS.quotes);
  });
});
