import { z } from 'zod';
import type { CommandSpec } from './spec.js';
import { usage } from './usage.js';

const options = z.object({ command: z.string().trim().max(40).optional() });

/** The help command lists the others; it gets the list lazily because it is part of it. */
export function createHelpCommand(list: () => readonly CommandSpec[]) {
  return {
    name: 'help',
    description: 'How to use /news',
    options,
    optionInfo: [{ name: 'command', description: 'A subcommand to explain', type: 'string', required: false }],
    example: '/news help who',
    paged: false,
    async run({ command }, { news }) {
      const commands = list();
      const one = command ? commands.find((c) => c.name === command.toLowerCase()) : undefined;
      const shown = one ? [one] : commands;
      const { articles, people } = await news.stats();
      return {
        title: one ? `/news ${one.name}` : 'newsdesk: news summaries and who said what',
        blocks: [
          ...(one || !command
            ? []
            : [{ type: 'text' as const, text: `There is no /news ${command}. These are the commands:` }]),
          { type: 'list', items: shown.map((c) => `${usage(c)}: ${c.description}. Example: ${c.example}`) },
          { type: 'text', text: `${articles} articles and ${people} people are in the store.` },
        ],
      };
    },
  } satisfies CommandSpec<typeof options>;
}
