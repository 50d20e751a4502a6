import type { z } from 'zod';
import { isNewsdeskError } from '../src/core/errors.js';
import { normalizeQuery } from '../src/core/query.js';
import { type Reply, textReply } from '../src/core/reply.js';
import { findCommand } from './index.js';
import { integerBounds, optionShape } from './options.js';
import type { CommandDeps } from './spec.js';
import { usage } from './usage.js';

/**
 * Validate raw options with the command's schema and run it. Bad input (unknown command, invalid
 * options, an expected miss) becomes a Reply with `isError`; only bugs and broken infrastructure throw.
 */
export async function runCommand(name: string, raw: Record<string, unknown>, deps: CommandDeps): Promise<Reply> {
  const command = findCommand(name);
  if (!command) {
    const help = findCommand('help');
    if (help && name.trim() === '') return help.run({}, deps);
    return textReply(
      'Unknown command',
      `There is no /news ${name.trim().slice(0, 40)}. Try /news help to see the commands.`,
      { isError: true },
    );
  }
  const parsed = parseOptions(command.options, raw);
  if (!parsed.success) {
    return textReply(
      `/news ${command.name}`,
      `${describeIssues(parsed.error, command.options)}\nUsage: ${usage(command)}. Example: ${command.example}`,
      { isError: true },
    );
  }
  try {
    return await command.run(parsed.data, deps);
  } catch (error) {
    if (isNewsdeskError(error) && (error.code === 'BAD_INPUT' || error.code === 'NOT_FOUND')) {
      return textReply(`/news ${command.name}`, error.userMessage, { isError: true });
    }
    throw error;
  }
}

/**
 * Validate raw options with a schema. Text options are normalised first (NFKC, no control or zero-width
 * characters) so what is looked up is what is shown; platforms send empty strings for options left blank,
 * which are treated as absent.
 */
export function parseOptions<S extends z.ZodType>(
  schema: S,
  raw: Record<string, unknown>,
): z.ZodSafeParseResult<z.output<S>> {
  const normalized = Object.fromEntries(
    Object.entries(raw)
      .map(([key, value]) => [key, typeof value === 'string' ? normalizeQuery(value) : value] as const)
      .filter(([, value]) => value !== '' && value !== undefined && value !== null),
  );
  // with the input in each issue, a missing option can be told from a bad one (a word where a number belongs)
  return schema.safeParse(normalized, { reportInput: true });
}

/**
 * What is wrong with one option: a predicate ("is required", "must be a whole number from 1 to 10", with the
 * bounds read from the schema) or the schema's own message.
 */
export function describeProblem(issue: z.core.$ZodIssue, schema: z.ZodType): { text: string; predicate: boolean } {
  if (issue.code === 'invalid_type' && issue.input === undefined) return { text: 'is required', predicate: true };
  const option = optionShape(schema)[String(issue.path[0])];
  const bounds = option ? integerBounds(option) : undefined;
  if (bounds && issue.path.length === 1) {
    const range =
      bounds.max < Number.MAX_SAFE_INTEGER ? `from ${bounds.min} to ${bounds.max}` : `of ${bounds.min} or more`;
    return { text: `must be a whole number ${range}`, predicate: true };
  }
  return { text: issue.message, predicate: false };
}

/** One readable line per problem, naming the option. */
function describeIssues(error: z.ZodError, schema: z.ZodType): string {
  return error.issues
    .map((issue) => {
      const option = issue.path.join('.');
      const problem = describeProblem(issue, schema).text;
      return option ? `Option "${option}": ${problem}` : problem;
    })
    .join('\n');
}
