import { findCommand } from './index.js';
import type { OptionInfo } from './spec.js';
import { tokenize } from './tokenize.js';

/**
 * Turn the text after `/news` into a command name and raw options, using each command's options in
 * order: `who "Marco Rubio"`, `latest 5`, `search ukraine talks`. Empty text means help. Validation is
 * left to the command's schema (so `latest many` is reported as a bad count, not swallowed).
 */
export function parseCommandText(text: string): { name: string; options: Record<string, unknown> } {
  const stripped = text
    .trim()
    .replace(/^\/?news\b/i, '')
    .trim();
  const [first, ...rest] = tokenize(stripped);
  if (!first) return { name: 'help', options: {} };
  const name = first.toLowerCase();
  const command = findCommand(name);
  if (!command) return { name, options: {} };
  const options: Record<string, unknown> = {};
  let remaining = rest;
  // a trailing "page N" (as the console shows for paged replies) selects a page
  const pageAt = remaining.length - 2;
  if (
    command.paged &&
    pageAt >= 0 &&
    remaining[pageAt]?.toLowerCase() === 'page' &&
    /^\d+$/.test(remaining[pageAt + 1] ?? '')
  ) {
    options.page = Number(remaining[pageAt + 1]);
    remaining = remaining.slice(0, pageAt);
  }
  return { name, options: { ...options, ...assignWords(command.optionInfo, remaining).options } };
}

/**
 * Give words to options in order: each takes one word, a `rest` option or the last one takes all that are left
 * (joined by spaces). `extra` holds the words no option took.
 */
export function assignWords(
  optionInfo: readonly Pick<OptionInfo, 'name' | 'rest'>[],
  words: readonly string[],
): { options: Record<string, string>; extra: string[] } {
  const options: Record<string, string> = {};
  let remaining = [...words];
  optionInfo.forEach((option, index) => {
    if (remaining.length === 0) return;
    if (option.rest || index === optionInfo.length - 1) {
      options[option.name] = remaining.join(' ');
      remaining = [];
    } else {
      options[option.name] = remaining[0]!;
      remaining = remaining.slice(1);
    }
  });
  return { options, extra: remaining };
}
