import type { z } from 'zod';
import { describeProblem, parseOptions, runCommand } from '../../commands/dispatch.js';
import { integerBounds } from '../../commands/options.js';
import type { CommandDeps, CommandSpec } from '../../commands/spec.js';
import { renderConsole } from '../adapters/console/render.js';
import type { SyncReport } from '../adapters/sources/file-source.js';
import type { Config } from '../config.js';
import type { ArticleAnalyzer, Clock, Logger } from '../core/ports.js';
import type { Desk } from '../desk.js';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  logger: Logger;
  clock?: Clock;
}

/** What a command gets to run with. The store is opened only by the commands that ask for it. */
export interface CliContext {
  io: CliIo;
  json: boolean;
  config: Config;
  clock: Clock;
  analyzer: ArticleAnalyzer;
  /**
   * The store, brought up to date with the articles folder first (its warnings go to stderr); opened once. New and
   * changed files are stored; files gone from the folder are forgotten only with `forgetDeleted` (`ingest`), so a
   * query never takes articles out of a database (one built from another folder keeps them).
   */
  store(options?: { forgetDeleted?: boolean }): Promise<{ desk: Desk; synced: SyncReport }>;
  /** `newsdesk <command> <the arguments given>`, for the "--page N" hint under a paged result */
  commandLine: string;
}

/**
 * One option as the command line takes it: `arg` options come in order after the command (the last takes the
 * rest of the words) and may also be given as `--name value`; `args` takes every remaining word as a list; `flag`
 * is only given as `--name value`.
 */
export interface CliOption {
  name: string;
  description: string;
  form: 'arg' | 'args' | 'flag';
  required: boolean;
  /** only with --json */
  jsonOnly?: boolean;
  /** another flag name for it */
  alias?: string;
  /** the placeholder shown in usage for a flag's value */
  placeholder?: string;
}

/** A `newsdesk` command: a /news command of the registry, or one of the command line's own. */
export interface CliCommand {
  name: string;
  description: string;
  example: string;
  /** true for a /news command of `commands/`, false for a command only the command line has */
  chat: boolean;
  options: CliOption[];
  /** Validate the options (a UsageError names the bad one) and return the command ready to run. */
  prepare(raw: Record<string, unknown>, given: GivenAs, json: boolean): (context: CliContext) => Promise<number>;
}

/** How each option was given ("--limit", "<count>"), so a problem is reported in the user's own words. */
export type GivenAs = (option: string) => string;

/** A usage problem: reported on one line with the usage, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** the command whose usage to show; all commands when absent */
    readonly command?: CliCommand,
  ) {
    super(message);
  }
}

/** Validate against the public schema, then print exactly one JSON document. */
export function emit<S extends z.ZodType>(io: CliIo, schema: S, value: z.input<S>, code = 0): number {
  io.stdout.write(`${JSON.stringify(schema.parse(value), null, 2)}\n`);
  return code;
}

type Shape<S extends z.ZodObject> = S['shape'];

/**
 * A /news command of the registry on the command line: text output is the command's own reply, rendered for the
 * terminal; `--json` prints a document checked against `json.output`. The options, their limits and their
 * messages are the registry's; `json.options` may add options that only a script needs (a cursor, a bigger page).
 */
export function chatCommand<S extends z.ZodObject, J extends z.ZodObject = S, O extends z.ZodType = z.ZodType>(
  spec: CommandSpec<S>,
  cli: {
    /** older flag names kept working */
    aliases?: Partial<Record<keyof Shape<S> & string, string>>;
    json: {
      options?: J;
      /** a description for each option only the JSON output takes */
      flags?: { [K in Exclude<keyof Shape<J>, keyof Shape<S>> & string]: { description: string; placeholder: string } };
      output: O;
      run(input: z.output<J>, deps: CommandDeps): Promise<z.input<O>>;
    };
  },
): CliCommand {
  // without json.options, J is S by its default
  const jsonOptions = (cli.json.options ?? spec.options) as J;
  const jsonFlags: Record<string, { description: string; placeholder: string }> = cli.json.flags ?? {};
  const aliases: Record<string, string | undefined> = cli.aliases ?? {};
  const command: CliCommand = {
    name: spec.name,
    description: spec.description,
    example: spec.example.replace(/^\/news /, 'newsdesk '),
    chat: true,
    options: [
      ...spec.optionInfo.map((option): CliOption => {
        const alias = aliases[option.name];
        const { name, description, required } = option;
        return { name, description, form: 'arg', required, ...(alias ? { alias } : {}) };
      }),
      ...Object.entries(jsonFlags).map(
        ([name, flag]): CliOption => ({
          name,
          description: flag.description + rangeOf(jsonOptions.shape[name]),
          placeholder: flag.placeholder,
          form: 'flag',
          required: false,
          jsonOnly: true,
        }),
      ),
      ...(spec.paged
        ? [
            {
              name: 'page',
              description: `page of the result${rangeOf(spec.options.shape.page)}`,
              form: 'flag',
              required: false,
              placeholder: 'N',
            } as const,
          ]
        : []),
    ],
    prepare(raw, given, json) {
      if (json) {
        const input = validate(command, jsonOptions, raw, given);
        return async (context) => emit(context.io, cli.json.output, await cli.json.run(input, await depsOf(context)));
      }
      validate(command, spec.options, raw, given);
      return async (context) => {
        const reply = await runCommand(spec.name, raw, await depsOf(context));
        context.io.stdout.write(renderConsole(reply, (page) => `${context.commandLine} --page ${page}`));
        return reply.isError ? 1 : 0;
      };
    },
  };
  return command;
}

async function depsOf(context: CliContext): Promise<CommandDeps> {
  const { desk } = await context.store();
  return { news: desk.news, clock: context.clock };
}

/** A command only the command line has: its options are validated by `schema`. */
export function cliOnlyCommand<S extends z.ZodObject>(definition: {
  name: string;
  description: string;
  example: string;
  options: CliOption[];
  schema: S;
  run(input: z.output<S>, context: CliContext): Promise<number>;
}): CliCommand {
  const command: CliCommand = {
    name: definition.name,
    description: definition.description,
    example: definition.example,
    chat: false,
    options: definition.options.map((option) => ({
      ...option,
      description: option.description + rangeOf(definition.schema.shape[option.name]),
    })),
    prepare(raw, given) {
      const input = validate(command, definition.schema, raw, given);
      return (context) => definition.run(input, context);
    },
  };
  return command;
}

function validate<S extends z.ZodObject>(
  command: CliCommand,
  schema: S,
  raw: Record<string, unknown>,
  given: GivenAs,
): z.output<S> {
  const parsed = parseOptions(schema, raw);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  if (!issue) throw new UsageError('invalid options', command);
  const label = given(String(issue.path[0] ?? ''));
  const problem = describeProblem(issue, schema);
  throw new UsageError(problem.predicate ? `${label} ${problem.text}` : `${label}: ${problem.text}`, command);
}

/** " (1-100, default 10)" for an integer option, read from its schema; nothing for other options. */
function rangeOf(option: z.ZodType | undefined): string {
  const bounds = option ? integerBounds(option) : undefined;
  if (!bounds) return '';
  const fallback = bounds.fallback === undefined ? '' : `, default ${bounds.fallback}`;
  return ` (${bounds.min}-${bounds.max}${fallback})`;
}
