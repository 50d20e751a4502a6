import { z } from 'zod';
import { commands } from './index.js';
import type { CommandSpec } from './spec.js';

const options = z.object({ command: z.string().trim().max(40).optional() });

export const help = {
  name: 'help',
  description: 'How to use /news',
  options,
  optionInfo: [{ name: 'command', description: 'A subcommand to explain', type: 'string', required: false }],
  example: '/news help who',
  paged: false,
  run({ command }, { news }) {
    const one = command ? commands.find((c) => c.name === command.toLowerCase()) : undefined;
    const list = one ? [one] : commands;
    const { articles, people } = news.stats();
    return {
      title: one ? `/news ${one.name}` : 'newsdesk: news summaries and who said what',
      blocks: [
        ...(one || !command
          ? []
          : [{ type: 'text' as const, text: `There is no /news ${command}. These are the commands:` }]),
        { type: 'list', items: list.map((c) => `${usage(c)}: ${c.description}. Example: ${c.example}`) },
        { type: 'text', text: `${articles} articles and ${people} people are in the store.` },
      ],
    };
  },
} satisfies CommandSpec<typeof options>;

/** `/news who <name>` style usage line from a command's options. */
export function usage(command: CommandSpec): string {
  const args = command.optionInfo.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`));
  return ['/news', command.name, ...args].join(' ');
}
