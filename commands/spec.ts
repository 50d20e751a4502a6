import type { z } from 'zod';
import type { NewsService } from '../src/core/news-service.js';
import type { Clock } from '../src/core/ports.js';
import type { Reply } from '../src/core/reply.js';

/** What a command may use: the core API and a clock. Never a chat platform. */
export interface CommandDeps {
  news: NewsService;
  clock: Clock;
}

/** Describes one option for the adapters that build platform command definitions from it. */
export interface OptionInfo {
  name: string;
  description: string;
  type: 'string' | 'integer';
  required: boolean;
  /** the adapter may offer autocomplete for this option ('people' or 'articles') */
  autocomplete?: 'people' | 'articles';
  min?: number;
  max?: number;
  /** a positional option takes the rest of the text on Slack and in the console */
  rest?: boolean;
}

/** One `/news` subcommand, platform-neutral. */
export interface CommandSpec<S extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  /** the options schema every adapter validates input with */
  options: S;
  /** the options as shown to users, in order (Discord options, Slack/console positional order) */
  optionInfo: OptionInfo[];
  /** one usage example, shown in help */
  example: string;
  /** whether results are paged; then the options accept `page` (1-based) */
  paged: boolean;
  run(input: z.output<S>, deps: CommandDeps): Reply | Promise<Reply>;
}
