import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { assignWords } from '../../commands/command-line.js';
import { createAnalysisPool } from '../adapters/analysis/analysis-pool.js';
import type { SyncReport } from '../adapters/sources/file-source.js';
import type { DatabaseOptions } from '../adapters/store/open-stores.js';
import { type Config, loadConfig } from '../config.js';
import { isNewsdeskError } from '../core/errors.js';
import { type Desk, openDesk, systemClock } from '../desk.js';
import { type CliCommand, type CliContext, type CliIo, UsageError } from './cli-command.js';
import { cliCommands } from './commands.js';
import { commandUsage, usage } from './usage.js';

/** The help text of `newsdesk --help`. */
export const USAGE = usage(cliCommands);

/** Text the CLI parses and analyses in-process before starting worker threads. */
const CLI_INLINE_CHARS = 1024 * 1024;

const GLOBAL_FLAGS = {
  json: { type: 'boolean', default: false },
  articles: { type: 'string' },
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Run the `newsdesk` command line; resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseCliArgs>;
  let run: ReturnType<CliCommand['prepare']>;
  try {
    parsed = parseCliArgs(argv);
    if (parsed.help) {
      io.stdout.write(`${parsed.command ? commandUsage(parsed.command) : USAGE}\n`);
      return 0;
    }
    run = parsed.command.prepare(parsed.raw, parsed.givenAs, parsed.json);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`newsdesk: ${error.message}\n\n${error.command ? commandUsage(error.command) : USAGE}\n`);
    return 2;
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
  let opened: Promise<{ desk: Desk; synced: SyncReport }> | undefined;
  const openStore = async (forgetDeleted: boolean) => {
    const desk = await openDesk({
      forgetDeletedFiles: forgetDeleted,
      articlesDir: parsed.articles ?? config.ARTICLES_DIR,
      database: databaseOf(config, parsed.db),
      maxFileBytes: config.ARTICLE_MAX_FILE_BYTES,
      analyzer: analysis,
      logger: io.logger,
      clock,
      instanceId: `${config.INSTANCE_ID ?? hostname()}:cli:${process.pid}`,
    });
    const synced = await desk.sync();
    for (const warning of synced.warnings) io.stderr.write(`warning: ${warning.file}: ${warning.message}\n`);
    return { desk, synced };
  };
  const context: CliContext = {
    io,
    json: parsed.json,
    config,
    clock,
    analyzer: analysis,
    store: (options) => {
      opened ??= openStore(options?.forgetDeleted === true);
      return opened;
    },
    commandLine: parsed.commandLine,
  };
  try {
    return await run(context);
  } catch (error) {
    if (isNewsdeskError(error)) {
      io.stderr.write(`newsdesk: ${error.userMessage}\n`);
      return 1;
    }
    throw error;
  } finally {
    await (await opened?.catch(() => undefined))?.desk.close();
    await analysis.close();
  }
}

/** `--db PATH` picks an SQLite file; otherwise DATABASE_URL (PostgreSQL) if set, else DATABASE_PATH. */
function databaseOf(config: Config, dbFlag: string | undefined): DatabaseOptions {
  if (dbFlag !== undefined) return { path: dbFlag };
  return config.DATABASE_URL ? { url: config.DATABASE_URL, poolSize: 2 } : { path: config.DATABASE_PATH };
}

/**
 * Read argv against the command list: the command, then its options as arguments in order or as `--name value`.
 * Anything the command does not take is a UsageError.
 */
function parseCliArgs(argv: string[]) {
  const flags = new Set(
    cliCommands.flatMap((command) =>
      command.options.filter((o) => o.form !== 'args').flatMap((o) => (o.alias ? [o.name, o.alias] : [o.name])),
    ),
  );
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...Object.fromEntries([...flags].map((flag) => [flag, { type: 'string' }] as const)),
        ...GLOBAL_FLAGS,
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const [name, ...words] = positionals;
  const global = {
    json: values.json === true,
    articles: typeof values.articles === 'string' ? values.articles : undefined,
    db: typeof values.db === 'string' ? values.db : undefined,
  };
  if (values.help === true || name === 'help') {
    const wanted = name === 'help' ? words[0] : name;
    return { ...global, help: true as const, command: wanted === undefined ? undefined : findCliCommand(wanted) };
  }
  if (name === undefined) throw new UsageError('no command given');
  const command = findCliCommand(name);
  const raw: Record<string, unknown> = {};
  const labels: Record<string, string> = {};
  const typed: string[] = [];
  for (const [flag, value] of Object.entries(values)) {
    if (flag in GLOBAL_FLAGS || typeof value !== 'string') continue;
    const option = command.options.find((o) => o.form !== 'args' && (o.name === flag || o.alias === flag));
    if (!option) throw new UsageError(`--${flag} is not an option of ${command.name}`, command);
    if (option.jsonOnly && !global.json) throw new UsageError(`--${flag} works with --json only`, command);
    if (option.name in raw) throw new UsageError(`${option.name} is given twice`, command);
    raw[option.name] = value;
    labels[option.name] = `--${flag}`;
    if (option.name !== 'page') typed.push(`--${flag}`, value);
  }
  const list = command.options.find((o) => o.form === 'args');
  if (list) {
    if (words.length > 0) raw[list.name] = words;
  } else {
    const assigned = assignWords(
      command.options.filter((o) => o.form === 'arg' && !(o.name in raw)),
      words,
    );
    if (assigned.extra.length > 0) throw new UsageError(`unexpected argument "${assigned.extra[0]}"`, command);
    Object.assign(raw, assigned.options);
  }
  const givenAs = (option: string) => {
    const known = command.options.find((o) => o.name === option);
    if (labels[option]) return labels[option];
    if (known?.form === 'flag') return `--${option}`;
    return `<${known?.form === 'args' ? `${option}...` : option}>`;
  };
  const commandLine = ['newsdesk', command.name, ...words, ...typed]
    .map((word) => (/\s/.test(word) ? JSON.stringify(word) : word))
    .join(' ');
  return { ...global, help: false as const, command, raw, givenAs, commandLine };
}

function findCliCommand(name: string): CliCommand {
  const command = cliCommands.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command "${name}"`);
  return command;
}
