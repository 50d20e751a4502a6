import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { runCommand } from '../../commands/dispatch.js';
import type { CommandDeps } from '../../commands/spec.js';
import { createAnalysisPool } from '../adapters/analysis/analysis-pool.js';
import { renderConsole } from '../adapters/console/render.js';
import { ingestPaths, readRegularFile } from '../adapters/sources/file-source.js';
import type { DatabaseOptions } from '../adapters/store/open-stores.js';
import { type Config, loadConfig } from '../config.js';
import type { StoredArticle } from '../core/articles/article.js';
import { isNewsdeskError, NewsdeskError } from '../core/errors.js';
import { reanalyzeStore } from '../core/ingest/reanalyze.js';
import type { ArticleAnalyzer, Clock, Logger } from '../core/ports.js';
import { type Desk, openDesk, systemClock } from '../desk.js';
import {
  AnalyzeOutput,
  DigestOutput,
  IngestOutput,
  LatestOutput,
  PeopleOutput,
  ReadOutput,
  ReanalyzeOutput,
  SearchOutput,
  WhoOutput,
} from './output-schemas.js';

export const USAGE = `Usage: newsdesk <command> [arguments] [--json] [--articles DIR] [--db PATH]

Commands:
  latest [--limit N] [--cursor C]   newest articles first
  who <name>                        a person: roles and quotes
  read <article>                    one article, by id or words of its title
  search <terms>                    full-text search
  people [prefix]                   people in the store, most quoted first
  digest [--since ISO-date]         articles that arrived since (default: last 24 hours)
  ingest [path...]                  ingest files or folders (default: the articles directory)
  analyze <file...>                 parse and analyse files without storing them
  reanalyze                         give stored articles the current analysis (people, roles, quotes)

Global flags:
  --json          print exactly one JSON document (see the README for the shapes)
  --articles DIR  articles directory (default: ARTICLES_DIR or ./articles)
  --db PATH       SQLite database (default: DATABASE_URL if set, else DATABASE_PATH or ./data/newsdesk.db)
  --page N        page of a paged result (text output)
  -h, --help      this help`;

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  logger: Logger;
  clock?: Clock;
}

const COMMANDS = ['latest', 'who', 'read', 'search', 'people', 'digest', 'ingest', 'analyze', 'reanalyze'] as const;
type CliCommand = (typeof COMMANDS)[number];

/** Text the CLI parses and analyses in-process before starting worker threads. */
const CLI_INLINE_CHARS = 1024 * 1024;

/** A usage problem: reported on one line with the usage, exit code 2. */
class UsageError extends Error {}

/** Run the `newsdesk` command line; resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    io.stderr.write(`newsdesk: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    io.stderr.write(`${isNewsdeskError(error) ? error.message : String(error)}\n`);
    return 1;
  }
  const clock = io.clock ?? systemClock;
  // no event loop to keep free here: a small ingest runs in-process (quicker than starting workers), a large
  // one moves to the workers once past the first megabyte; a query on an up-to-date store starts none
  const analysis = createAnalysisPool({ threads: config.ANALYSIS_THREADS, inlineBudgetChars: CLI_INLINE_CHARS });
  let desk: Desk | undefined;
  try {
    if (parsed.command === 'analyze') {
      return await analyze(parsed.positionals, parsed.json, io, {
        analyzer: analysis,
        maxBytes: config.ARTICLE_MAX_FILE_BYTES,
      });
    }
    desk = await openDesk({
      articlesDir: parsed.values.articles ?? config.ARTICLES_DIR,
      database: databaseOf(config, parsed.values.db),
      maxFileBytes: config.ARTICLE_MAX_FILE_BYTES,
      analyzer: analysis,
      logger: io.logger,
      clock,
      instanceId: `${config.INSTANCE_ID ?? hostname()}:cli:${process.pid}`,
    });
    const report = await desk.sync();
    for (const warning of report.warnings) io.stderr.write(`warning: ${warning.file}: ${warning.message}\n`);
    if (parsed.command === 'ingest') {
      const extra =
        parsed.positionals.length > 0
          ? await ingestPaths({
              paths: parsed.positionals,
              store: desk.stores.articles,
              analyzer: analysis,
              maxFileBytes: config.ARTICLE_MAX_FILE_BYTES,
            })
          : null;
      for (const warning of extra?.warnings ?? []) io.stderr.write(`warning: ${warning.file}: ${warning.message}\n`);
      const result = extra ?? report;
      if (parsed.json) return emit(io, IngestOutput, result);
      io.stdout.write(
        `${result.added} added, ${result.updated} updated, ${result.removed} removed, ${result.unchanged} unchanged files; ${result.articles} articles ingested.\n`,
      );
      return 0;
    }
    if (parsed.command === 'reanalyze') {
      const result = await reanalyzeStore({
        store: desk.stores.articles,
        analyzer: analysis,
        logger: io.logger,
        clock,
      });
      if (parsed.json) return emit(io, ReanalyzeOutput, result, result.failed > 0 ? 1 : 0);
      const failed = result.failed > 0 ? `; ${result.failed} could not be analysed and keep their old analysis` : '';
      io.stdout.write(`${result.reanalyzed} articles re-analysed${failed}.\n`);
      return result.failed > 0 ? 1 : 0;
    }
    return await query(parsed, { news: desk.news, clock }, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`newsdesk: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (isNewsdeskError(error)) {
      io.stderr.write(`newsdesk: ${error.userMessage}\n`);
      return 1;
    }
    throw error;
  } finally {
    await desk?.close();
    await analysis.close();
  }
}

/** `--db PATH` picks an SQLite file; otherwise DATABASE_URL (PostgreSQL) if set, else DATABASE_PATH. */
function databaseOf(config: Config, dbFlag: string | undefined): DatabaseOptions {
  if (dbFlag !== undefined) return { path: dbFlag };
  return config.DATABASE_URL ? { url: config.DATABASE_URL, poolSize: 2 } : { path: config.DATABASE_PATH };
}

function parseCliArgs(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      articles: { type: 'string' },
      db: { type: 'string' },
      limit: { type: 'string' },
      cursor: { type: 'string' },
      since: { type: 'string' },
      page: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help)
    return { help: true as const, command: 'latest' as CliCommand, positionals: rest, values, json: false };
  if (!command) throw new Error('no command given');
  if (!(COMMANDS as readonly string[]).includes(command)) throw new Error(`unknown command "${command}"`);
  return { help: false as const, command: command as CliCommand, positionals: rest, values, json: values.json };
}

function integerFlag(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

function requireText(positionals: string[], what: string): string {
  const text = positionals.join(' ').trim();
  if (!text) throw new UsageError(`give ${what}`);
  return text;
}

async function query(parsed: ReturnType<typeof parseCliArgs>, deps: CommandDeps, io: CliIo): Promise<number> {
  const { news } = deps;
  const { values, positionals, json } = parsed;
  const page = integerFlag(values.page, 'page', 1, 1000) ?? 1;
  switch (parsed.command) {
    case 'latest': {
      const limit = integerFlag(values.limit, 'limit', 1, 100) ?? 10;
      if (json) {
        const result = await news.latest({ limit, cursor: values.cursor });
        return emit(io, LatestOutput, { articles: result.items.map(articleItem), next: result.next });
      }
      return show(io, await runCommand('latest', { count: Math.min(limit, 10), page }, deps), 'newsdesk latest');
    }
    case 'who': {
      const name = requireText(positionals, 'a name, e.g. newsdesk who Rubio');
      if (json) {
        // scripts get every quote, not a page
        const result = await news.who(name, { quoteLimit: 100_000, articleLimit: 100_000 });
        return emit(io, WhoOutput, {
          query: result.query,
          matches: result.matches.map((m) => ({
            name: m.name,
            kind: m.kind,
            aliases: m.aliases,
            roles: m.roles,
            quotes: m.quotes.map((q) => ({
              text: q.text,
              kind: q.kind,
              articleId: q.articleId,
              articleTitle: q.articleTitle,
              publishedAt: q.publishedAt,
            })),
          })),
          suggestions: result.suggestions,
        });
      }
      return show(io, await runCommand('who', { name, page }, deps), `newsdesk who ${name}`);
    }
    case 'read': {
      const ref = requireText(positionals, 'an article id or words of its title');
      if (json) {
        const result = await news.read(ref);
        return emit(io, ReadOutput, {
          found: result.found,
          article: result.found ? readItem(result.article) : null,
          candidates: result.found
            ? []
            : result.candidates.map((c) => ({ id: c.id, title: c.title, publishedAt: c.publishedAt })),
        });
      }
      return show(io, await runCommand('read', { article: ref, page }, deps), `newsdesk read ${ref}`);
    }
    case 'search': {
      const terms = requireText(positionals, 'words to search for');
      if (json) {
        const limit = integerFlag(values.limit, 'limit', 1, 100) ?? 10;
        const result = await news.search(terms, { limit, offset: (page - 1) * limit });
        return emit(io, SearchOutput, {
          query: terms,
          total: result.total,
          hits: result.hits.map((h) => ({ ...articleItem(h.article), snippet: h.snippet })),
        });
      }
      return show(io, await runCommand('search', { terms, page }, deps), `newsdesk search ${terms}`);
    }
    case 'people': {
      const limit = integerFlag(values.limit, 'limit', 1, 1000) ?? 25;
      const people = await news.people(positionals.join(' '), limit);
      if (json) return emit(io, PeopleOutput, { people });
      if (people.length === 0) io.stdout.write('No people found.\n');
      for (const p of people) {
        const roles = p.roles.length > 0 ? ` (${p.roles.join('; ')})` : '';
        const quotes = `${p.quoteCount} ${p.quoteCount === 1 ? 'quote' : 'quotes'}`;
        const articles = `${p.articleCount} ${p.articleCount === 1 ? 'article' : 'articles'}`;
        const body = p.kind === 'organisation' ? ' [organisation]' : '';
        io.stdout.write(`${p.name}${body}${roles}: ${quotes} in ${articles}\n`);
      }
      return 0;
    }
    case 'digest': {
      const since =
        values.since === undefined ? new Date(deps.clock.now().getTime() - 86_400_000) : new Date(values.since);
      if (Number.isNaN(since.getTime()))
        throw new UsageError('--since must be an ISO date, e.g. 2025-12-19 or 2025-12-19T08:00:00Z');
      if (json) {
        const items = await news.digest({ since, limit: 500 });
        return emit(io, DigestOutput, {
          since: since.toISOString(),
          articles: items.map(({ article, quote }) => ({
            ...articleItem(article),
            quote: quote ? { text: quote.text, speaker: quote.speaker } : null,
          })),
        });
      }
      return show(io, await runCommand('digest', { since: since.toISOString(), page }, deps), 'newsdesk digest');
    }
    default:
      throw new NewsdeskError('INTERNAL', `unhandled command ${parsed.command}`);
  }
}

async function analyze(
  files: string[],
  json: boolean,
  io: CliIo,
  { analyzer, maxBytes }: { analyzer: ArticleAnalyzer; maxBytes: number },
): Promise<number> {
  if (files.length === 0) {
    io.stderr.write(`newsdesk: give one or more files to analyze\n\n${USAGE}\n`);
    return 2;
  }
  const articles: z.input<typeof AnalyzeOutput>['articles'] = [];
  const warnings: { file: string; message: string }[] = [];
  for (const file of files) {
    let read: Awaited<ReturnType<typeof readRegularFile>>;
    try {
      read = await readRegularFile(file, { maxBytes, followLinks: true });
    } catch (error) {
      warnings.push({ file, message: `unreadable: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    if ('refused' in read) {
      warnings.push({ file, message: read.refused });
      continue;
    }
    const result = await analyzer.analyzeFile({ path: file, bytes: read.bytes, retrievedAt: new Date() });
    warnings.push(...result.warnings.map((w) => ({ file: w.file, message: w.message })));
    for (const a of result.analyzed) {
      articles.push({
        id: a.id,
        title: a.title,
        publishedAt: a.publishedAt,
        summary: a.summary.standard,
        highlights: a.highlights,
        people: a.people.map((p) => ({ name: p.name, kind: p.kind ?? 'person', aliases: p.aliases, roles: p.roles })),
        quotes: a.quotes.map((q) => ({ text: q.text, speaker: q.speaker, kind: q.kind, start: q.start, end: q.end })),
      });
    }
  }
  if (json)
    return emit(io, AnalyzeOutput, { articles, warnings }, warnings.length > 0 && articles.length === 0 ? 1 : 0);
  for (const w of warnings) io.stderr.write(`warning: ${w.file}: ${w.message}\n`);
  for (const a of articles) {
    io.stdout.write(`== ${a.title} ==\nid ${a.id} · ${a.publishedAt ?? 'undated'}\n`);
    io.stdout.write(`Summary: ${a.summary.join(' ')}\n`);
    for (const p of a.people) {
      const label = p.kind === 'organisation' ? 'Organisation' : 'Person';
      io.stdout.write(`${label}: ${p.name}${p.roles.length ? ` (${p.roles.join('; ')})` : ''}\n`);
    }
    for (const q of a.quotes) io.stdout.write(`Quote [${q.kind}] ${q.speaker ?? '(unattributed)'}: ${q.text}\n`);
    io.stdout.write('\n');
  }
  return warnings.length > 0 && articles.length === 0 ? 1 : 0;
}

function articleItem(a: {
  id: string;
  title: string;
  publishedAt: string | null;
  summary: string[];
  url: string | null;
}) {
  return { id: a.id, title: a.title, publishedAt: a.publishedAt, summary: a.summary, url: a.url };
}

function readItem(a: StoredArticle) {
  return {
    ...articleItem({ ...a, summary: a.summary.standard }),
    source: a.source,
    author: a.author,
    publishedApprox: a.publishedApprox,
    dateline: a.dateline,
    highlights: a.highlights,
    paragraphs: a.paragraphs.map((p) => ({ text: p.text, kind: p.kind })),
  };
}

/** Validate against the public schema, then print exactly one JSON document. */
function emit<S extends z.ZodType>(io: CliIo, schema: S, value: z.input<S>, code = 0): number {
  io.stdout.write(`${JSON.stringify(schema.parse(value), null, 2)}\n`);
  return code;
}

function show(io: CliIo, reply: import('../core/reply.js').Reply, more: string): number {
  io.stdout.write(renderConsole(reply, (page) => `${more} --page ${page}`));
  return reply.isError ? 1 : 0;
}
