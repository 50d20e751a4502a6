import { findCommand } from './index.js';
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
  command.optionInfo.forEach((option, index) => {
    if (remaining.length === 0) return;
    const isLast = index === command.optionInfo.length - 1;
    if (option.rest || isLast) {
      options[option.name] = remaining.join(' ');
      remaining = [];
    } else {
      options[option.name] = remaining[0];
      remaining = remaining.slice(1);
    }
  });
  return { name, options };
}
