import type { CommandSpec } from './spec.js';

/** `/news who <name>` style usage line from a command's options. */
export function usage(command: CommandSpec): string {
  const args = command.optionInfo.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`));
  return ['/news', command.name, ...args].join(' ');
}
