import type { z } from 'zod';
import { isNewsdeskError } from '../src/core/errors.js';
import { normalizeQuery } from '../src/core/query.js';
import { type Reply, textReply } from '../src/core/reply.js';
import { findCommand } from './index.js';
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
  const parsed = command.options.safeParse(normalizeOptions(raw));
  if (!parsed.success) {
    return textReply(
      `/news ${command.name}`,
      `${describeIssues(parsed.error)}\nUsage: ${usage(command)}. Example: ${command.example}`,
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
 * Text options are normalised (NFKC, no control or zero-width characters) so what is looked up is what is
 * shown; platforms send empty strings for options left blank, which are treated as absent.
 */
function normalizeOptions(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(raw)
      .map(([key, value]) => [key, typeof value === 'string' ? normalizeQuery(value) : value] as const)
      .filter(([, value]) => value !== '' && value !== undefined && value !== null),
  );
}

/** One readable line per problem, naming the option. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const option = issue.path.join('.');
      const message = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
      return option ? `Option "${option}": ${message}` : message;
    })
    .join('\n');
}
