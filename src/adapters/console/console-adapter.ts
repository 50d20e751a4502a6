import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parseCommandText } from '../../../commands/command-line.js';
import { runCommand } from '../../../commands/dispatch.js';
import type { CommandDeps } from '../../../commands/spec.js';
import type { ChatAdapter, Logger } from '../../core/ports.js';
import { renderConsole } from './render.js';

export interface ConsoleAdapterOptions {
  deps: CommandDeps;
  logger: Logger;
  input: Readable;
  output: Writable;
  /** show a prompt and banner (a terminal); otherwise read commands line by line until end of input */
  interactive: boolean;
  /** called when the input ends or the user types exit */
  onClose?: () => void;
}

/** Run one line typed at the console and return the text to print. Never throws. */
export async function handleConsoleLine(line: string, deps: CommandDeps, logger: Logger): Promise<string> {
  const { name, options } = parseCommandText(line);
  const base = line.trim().replace(/\s+page\s+\d+$/i, '');
  try {
    const reply = await runCommand(name, options, deps);
    const typed = base.startsWith('/news') ? base : `/news ${base}`;
    return renderConsole(reply, (page) => `${typed} page ${page}`);
  } catch (error) {
    logger.error({ err: error instanceof Error ? error.message : String(error), command: name }, 'command failed');
    return `Sorry, /news ${name} failed. The error was logged.\n`;
  }
}

/** The terminal adapter: `/news latest`, `/news who Rubio` etc. typed at a prompt or piped in. */
export function createConsoleAdapter(options: ConsoleAdapterOptions): ChatAdapter {
  const { deps, logger, input, output, interactive } = options;
  let rl: ReturnType<typeof createInterface> | undefined;
  let queue = Promise.resolve();
  return {
    name: 'console',
    async start() {
      if (interactive) {
        const { articles, people, quotes } = await deps.news.stats();
        output.write(
          `newsdesk console: ${articles} articles, ${people} people, ${quotes} quotes loaded.\n` +
            'Type /news help, /news latest, /news who Rubio ... (exit or Ctrl-D to quit)\n',
        );
      }
      rl = createInterface({ input, ...(interactive ? { output, prompt: 'news> ' } : {}), terminal: interactive });
      rl.on('line', (line) => {
        const trimmed = line.trim();
        // lines are answered in order, one at a time
        queue = queue.then(async () => {
          if (trimmed === 'exit' || trimmed === 'quit') {
            rl?.close();
            return;
          }
          if (trimmed !== '' && !trimmed.startsWith('#')) output.write(await handleConsoleLine(trimmed, deps, logger));
          if (interactive) rl?.prompt();
        });
      });
      // Ctrl-C at the prompt ends the session like Ctrl-D
      rl.on('SIGINT', () => rl?.close());
      rl.on('close', () => {
        void queue.then(() => options.onClose?.());
      });
      if (interactive) rl.prompt();
    },
    async stop() {
      rl?.close();
      rl = undefined;
      await queue;
    },
    status: () => ({ connected: rl !== undefined, detail: rl ? 'reading commands' : 'stopped' }),
  };
}
