import type { CliCommand, CliOption } from './cli-command.js';

const GLOBAL_FLAGS = `Global flags:
  --json          print exactly one JSON document (see the README for the shapes)
  --articles DIR  articles directory (default: ARTICLES_DIR or ./articles)
  --db PATH       SQLite database (default: DATABASE_URL if set, else DATABASE_PATH or ./data/newsdesk.db)
  -h, --help      this help; newsdesk help <command> for one command`;

/** The help text of the command line, generated from its command list. */
export function usage(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => synopsis(command, 'short').length)) + 2;
  const section = (chat: boolean) =>
    commands
      .filter((command) => command.chat === chat)
      .map((command) => `  ${synopsis(command, 'short').padEnd(width)}${command.description}`);
  return [
    'Usage: newsdesk <command> [arguments] [--json] [--articles DIR] [--db PATH]',
    '',
    'Commands (as /news in chat):',
    ...section(true),
    '',
    'Command line only:',
    ...section(false),
    '',
    'Arguments may also be given by name (newsdesk latest --count 3); paged results take --page N.',
    '',
    GLOBAL_FLAGS,
  ].join('\n');
}

/** The help text of one command: its synopsis, every option with its limits, and an example. */
export function commandUsage(command: CliCommand): string {
  const labels = command.options.map((option) => optionLabel(option));
  const width = Math.max(0, ...labels.map((label) => label.length)) + 2;
  return [
    `Usage: newsdesk ${synopsis(command, 'all')}`,
    command.description,
    ...command.options.map((option, i) => `  ${labels[i]?.padEnd(width)}${optionText(option)}`),
    `Example: ${command.example}`,
    'Run newsdesk --help for every command and the global flags.',
  ].join('\n');
}

function synopsis(command: CliCommand, which: 'short' | 'all'): string {
  // --page is the same everywhere: the overview says so once
  const shown = which === 'all' ? command.options : command.options.filter((option) => option.name !== 'page');
  return [command.name, ...shown.map(optionToken)].join(' ');
}

function optionToken(option: CliOption): string {
  if (option.form === 'flag') return `[--${option.name} ${option.placeholder ?? 'VALUE'}]`;
  const name = option.form === 'args' ? `${option.name}...` : option.name;
  return option.required ? `<${name}>` : `[${name}]`;
}

function optionLabel(option: CliOption): string {
  return option.form === 'flag' ? `--${option.name} ${option.placeholder ?? 'VALUE'}` : option.name;
}

function optionText(option: CliOption): string {
  const notes = [
    option.form === 'arg' ? `or --${option.name}` : undefined,
    option.alias ? `or --${option.alias}` : undefined,
    option.jsonOnly ? 'with --json only' : undefined,
  ].filter((note) => note !== undefined);
  return notes.length > 0 ? `${option.description}; ${notes.join(', ')}` : option.description;
}
