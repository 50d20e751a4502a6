import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { latest } from '../../commands/latest.js';
import { integerBounds } from '../../commands/options.js';
import {
  AnalyzeOutput,
  DigestOutput,
  LatestOutput,
  PeopleOutput,
  ReadOutput,
  ReanalyzeOutput,
  SearchOutput,
  StoryOutput,
  WhoOutput,
} from '../../src/cli/output-schemas.js';
import { runCli, USAGE } from '../../src/cli/run-cli.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { SEED_RETRIEVED_AT } from '../helpers/seed-deps.js';
import { createTestLogger } from '../helpers/test-logger.js';

const SEED = new URL('../../articles/000_a81465b85111eb58.txt', import.meta.url).pathname;
const CHROME = ['Short Url', 'Follow', 'Updated 20 December 2025', '(Sputnik)'];

let articles: string;
let db: string;

beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), 'newsdesk-cli-'));
  articles = join(root, 'articles');
  mkdirSync(articles);
  copyFileSync(SEED, join(articles, '000_a81465b85111eb58.txt'));
  // a fixed retrieval time so the relative date line resolves the same way every run
  utimesSync(join(articles, '000_a81465b85111eb58.txt'), SEED_RETRIEVED_AT / 1000, SEED_RETRIEVED_AT / 1000);
  db = join(root, 'data', 'test.db');
});

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args, '--articles', articles, '--db', db], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: {},
    logger: createTestLogger(),
    clock: new FixedClock('2026-02-14T12:00:00Z'),
  });
  return { code, stdout, stderr };
}

describe('newsdesk CLI', () => {
  it('latest --json lists the two seed articles newest first with their titles', async () => {
    const { code, stdout } = await cli('latest', '--json');
    expect(code).toBe(0);
    const out = LatestOutput.parse(JSON.parse(stdout));
    expect(out.articles.map((a) => a.title)).toEqual([
      'Rubio to visit eastern Europe, bolster ties with pro-Trump leaders',
      'US, Russian officials to meet in Florida for more Ukraine talks',
    ]);
    expect(out.articles[1]?.publishedAt).toBe('2025-12-20T00:00:00.000Z');
    expect(out.articles[0]?.publishedAt).toBe(new Date(SEED_RETRIEVED_AT - (55 * 60 + 41) * 1000).toISOString());
    expect(out.articles.every((a) => a.summary.length > 0)).toBe(true);
    // two events: two stories of one article each, each named by its article
    expect(out.articles.map((a) => a.story)).toEqual(out.articles.map((a) => ({ id: a.id, outlets: [], size: 1 })));
    expect(out.next).toBeNull();
  });

  it('story --json gives one story with its articles and who is quoted, and the candidates of a vague reference', async () => {
    const { code, stdout } = await cli('story', 'Rubio eastern Europe', '--json');
    expect(code).toBe(0);
    const out = StoryOutput.parse(JSON.parse(stdout));
    expect(out.found).toBe(true);
    expect(out.story?.articles.map((a) => a.title)).toEqual([
      'Rubio to visit eastern Europe, bolster ties with pro-Trump leaders',
    ]);
    expect(out.story?.quoted.map((q) => q.speaker)).toContain('Marco Rubio');
    const none = StoryOutput.parse(JSON.parse((await cli('story', 'zebra crossing', '--json')).stdout));
    expect(none).toEqual({ found: false, story: null, candidates: [] });
  });

  it('read shows highlights and paragraphs without page chrome', async () => {
    for (const ref of ['Florida Ukraine talks', 'Rubio eastern Europe']) {
      const { code, stdout } = await cli('read', ref, '--json');
      expect(code).toBe(0);
      const out = ReadOutput.parse(JSON.parse(stdout));
      expect(out.found).toBe(true);
      expect(out.article?.highlights).toHaveLength(2);
      const text = out.article?.paragraphs.map((p) => p.text).join('\n') ?? '';
      for (const chrome of CHROME) expect(text).not.toContain(chrome);
      expect(out.article?.paragraphs.filter((p) => p.text === out.article?.title)).toEqual([]);
    }
    const { stdout } = await cli('read', 'Rubio eastern Europe');
    expect(stdout).toContain('HIGHLIGHTS');
    expect(stdout).toContain('Energy cooperation and NATO commitments will be discussed');
  });

  it('who Rubio --json gives Marco Rubio, his role and only his direct quotes', async () => {
    const { code, stdout } = await cli('who', 'Rubio', '--json');
    expect(code).toBe(0);
    const out = WhoOutput.parse(JSON.parse(stdout));
    const [marco] = out.matches;
    expect(marco?.name).toBe('Marco Rubio');
    expect(marco?.roles).toContain('US Secretary of State');
    const direct = marco?.quotes.filter((q) => q.kind === 'direct').map((q) => q.text) ?? [];
    const openings = [
      'In the end, it’s up to them to make a deal',
      'The role we’re trying to play',
      'These are countries that are very strong with us',
      'The President said he’s very supportive of him',
      'But obviously we were going to do that visit as a bilateral visit',
    ];
    for (const opening of openings)
      expect(
        direct.some((t) => t.startsWith(opening)),
        opening,
      ).toBe(true);
    expect(direct).toHaveLength(openings.length);
    expect(direct.some((t) => t.includes('We agreed with our American partners'))).toBe(false);
  });

  it('who finds the other seed speakers and no direct quote for the people only reported on', async () => {
    const umerov = WhoOutput.parse(JSON.parse((await cli('who', 'Umerov', '--json')).stdout));
    expect(umerov.matches[0]?.quotes[0]?.text).toMatch(/^We agreed with our American partners/);
    const fico = WhoOutput.parse(JSON.parse((await cli('who', 'Fico', '--json')).stdout));
    expect(fico.matches[0]?.quotes.find((q) => q.kind === 'partial')?.text).toBe('deep crisis');
    for (const name of ['Putin', 'Trump', 'Orban']) {
      const out = WhoOutput.parse(JSON.parse((await cli('who', name, '--json')).stdout));
      expect(out.matches.length, name).toBeGreaterThan(0);
      expect(
        out.matches.flatMap((m) => m.quotes).filter((q) => q.kind === 'direct'),
        name,
      ).toEqual([]);
    }
  });

  it('who suggests close names for a near miss', async () => {
    const out = WhoOutput.parse(JSON.parse((await cli('who', 'Rubbio', '--json')).stdout));
    expect(out.matches).toEqual([]);
    expect(out.suggestions).toContain('Marco Rubio');
  });

  it('search, people and digest print documents that match their schemas', async () => {
    const search = SearchOutput.parse(JSON.parse((await cli('search', 'Florida', '--json')).stdout));
    expect(search.hits[0]?.title).toBe('US, Russian officials to meet in Florida for more Ukraine talks');
    const people = PeopleOutput.parse(JSON.parse((await cli('people', 'ru', '--json')).stdout));
    expect(people.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Marco Rubio', 'Rustem Umerov']));
    const digest = DigestOutput.parse(JSON.parse((await cli('digest', '--since', '2020-01-01', '--json')).stdout));
    expect(digest.articles).toHaveLength(2);
  });

  it('analyze --json gives quote offsets that point at the quote text in the file', async () => {
    const { code, stdout } = await cli('analyze', SEED, '--json');
    expect(code).toBe(0);
    const out = AnalyzeOutput.parse(JSON.parse(stdout));
    const text = readFileSync(SEED, 'utf8');
    expect(out.articles).toHaveLength(2);
    const quotes = out.articles.flatMap((a) => a.quotes);
    expect(quotes.length).toBeGreaterThan(5);
    for (const q of quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  it('ingest reports what it did and a second run changes nothing', async () => {
    writeFileSync(join(articles, 'extra.md'), '---\ntitle: Extra story\n---\nA paragraph about the extra story.\n');
    const first = await cli('ingest');
    expect(first.stdout).toMatch(/^2 added, 0 updated, 0 removed, 0 unchanged files; 3 articles ingested\./);
    const second = await cli('ingest');
    expect(second.stdout).toMatch(/^0 added, 0 updated, 0 removed, 2 unchanged files; 0 articles/);
  });

  it('a query with another articles folder keeps what the database holds; ingest mirrors the folder', async () => {
    const other = mkdtempSync(join(tmpdir(), 'newsdesk-cli-other-'));
    writeFileSync(join(other, 'other.md'), '---\ntitle: Other story\n---\nA paragraph about the other story.\n');
    // `newsdesk <args> --articles <other> --db <the same database>`
    const inOther = async (...args: string[]) => {
      let stdout = '';
      const code = await runCli([...args, '--articles', other, '--db', db], {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: () => undefined },
        env: {},
        logger: createTestLogger(),
        clock: new FixedClock('2026-02-14T12:00:00Z'),
      });
      return { code, stdout };
    };
    expect(await cli('ingest')).toMatchObject({ code: 0 });
    // a query adds the other folder's story and takes none of the seed's out
    const latestThere = await inOther('latest', '10', '--json');
    expect(LatestOutput.parse(JSON.parse(latestThere.stdout)).articles.map((a) => a.title)).toEqual([
      'Other story',
      'Rubio to visit eastern Europe, bolster ties with pro-Trump leaders',
      'US, Russian officials to meet in Florida for more Ukraine talks',
    ]);
    const who = await inOther('who', 'Rubio', '--json');
    expect(WhoOutput.parse(JSON.parse(who.stdout)).matches.length).toBeGreaterThan(0);
    // ingest makes the database the folder's again: the seed's articles leave it
    expect((await inOther('ingest')).stdout).toMatch(/^0 added, 0 updated, 1 removed, 1 unchanged files/);
  });

  it('rejects an unknown command or a bad flag with exit code 2 and usage on stderr', async () => {
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe('newsdesk: unknown command "frobnicate"');
    expect(unknown.stderr).toContain('Usage: newsdesk');
    expect(unknown.stdout).toBe('');
    const flag = await cli('latest', '--bogus');
    expect(flag.code).toBe(2);
    expect(flag.stderr.split('\n')[0]).toMatch(/^newsdesk: Unknown option '--bogus'/);
    const limit = await cli('latest', '--limit', 'lots');
    expect(limit.code).toBe(2);
    expect(limit.stderr.split('\n')[0]).toBe('newsdesk: --limit must be a whole number from 1 to 10');
  });
});

describe('newsdesk CLI on the /news command registry', () => {
  it('takes the count of /news latest as an argument or by name, with the same limit as chat', async () => {
    const one = LatestOutput.parse(JSON.parse((await cli('latest', '1', '--json')).stdout));
    expect(one.articles).toHaveLength(1);
    const next = LatestOutput.parse(
      JSON.parse((await cli('latest', '--count', '1', '--cursor', one.next ?? '', '--json')).stdout),
    );
    expect(next.articles.map((a) => a.title)).toEqual([
      'US, Russian officials to meet in Florida for more Ukraine talks',
    ]);
    // the limit is the one /news latest has in chat, read from its schema
    const max = integerBounds(latest.options.shape.count)?.max ?? Number.NaN;
    expect((await cli('latest', String(max), '--json')).code).toBe(0);
    const tooMany = await cli('latest', '--count', String(max + 1));
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr.split('\n')[0]).toBe(`newsdesk: --count must be a whole number from 1 to ${max}`);
    expect(tooMany.stderr).toContain('Usage: newsdesk latest [count]');
  });

  it('reads a digest start the way /news digest does: a span, a date or a word', async () => {
    const span = DigestOutput.parse(JSON.parse((await cli('digest', '3d', '--json')).stdout));
    expect(span.since).toBe('2026-02-11T12:00:00.000Z');
    const named = DigestOutput.parse(JSON.parse((await cli('digest', '--since', 'yesterday', '--json')).stdout));
    expect(named.since).toBe('2026-02-13T12:00:00.000Z');
    const bad = await cli('digest', 'whenever');
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toMatch(/^newsdesk: <since>: Give a date like 2025-12-19/);
  });

  it('refuses an option the command does not take, and a script-only option without --json', async () => {
    const other = await cli('who', 'Rubio', '--since', '3d');
    expect(other.code).toBe(2);
    expect(other.stderr.split('\n')[0]).toBe('newsdesk: --since is not an option of who');
    const cursor = await cli('latest', '--cursor', 'abc');
    expect(cursor.code).toBe(2);
    expect(cursor.stderr.split('\n')[0]).toBe('newsdesk: --cursor works with --json only');
    const missing = await cli('who');
    expect(missing.stderr.split('\n')[0]).toBe('newsdesk: <name> is required');
  });

  it('pages text and JSON results with --page, and names the command line of the next page under text', async () => {
    const { code, stdout } = await cli('latest', '1');
    expect(code).toBe(0);
    expect(stdout).toContain('Page 1 of 2. Next: newsdesk latest 1 --page 2');
    expect((await cli('latest', '1', '--page', '2')).stdout).toContain('US, Russian officials to meet in Florida');
    const second = LatestOutput.parse(JSON.parse((await cli('latest', '1', '--page', '2', '--json')).stdout));
    expect(second.articles.map((a) => a.title)).toEqual([
      'US, Russian officials to meet in Florida for more Ukraine talks',
    ]);
  });

  it('lists in its help every /news command it runs, with the description and options of the registry', async () => {
    const shared = ['latest', 'who', 'read', 'search', 'digest'];
    for (const name of shared) {
      const spec = commands.find((c) => c.name === name);
      expect(USAGE).toContain(spec?.description);
      const help = await cli('help', name);
      expect(help.code).toBe(0);
      for (const option of spec?.optionInfo ?? []) expect(help.stdout).toContain(option.description);
    }
    for (const own of ['people [prefix] [--limit N]', 'ingest [path...]', 'analyze <file...>', 'reanalyze'])
      expect(USAGE).toContain(own);
    expect((await cli('--help')).stdout).toBe(`${USAGE}\n`);
  });

  it('reanalyze --json finds nothing to do in a store its own analysis has just written', async () => {
    const { code, stdout } = await cli('reanalyze', '--json');
    expect(code).toBe(0);
    expect(ReanalyzeOutput.parse(JSON.parse(stdout))).toEqual({
      reanalyzed: 0,
      clustered: 0,
      failed: 0,
      complete: true,
    });
  });
});
