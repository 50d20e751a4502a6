import type { z } from 'zod';
import type { FollowService } from '../src/core/alerts/follow-service.js';
import type { SubscriptionService } from '../src/core/digest/subscription-service.js';
import type { NewsService } from '../src/core/news-service.js';
import type { Clock, SourceAdmin } from '../src/core/ports.js';
import type { Reply } from '../src/core/reply.js';

/** Where a command was run from, for commands that act on the channel (digest subscriptions). */
export interface CommandContext {
  platform: 'discord' | 'slack';
  channelId: string;
  /** the Slack workspace (team id) where one deployment serves several; absent on Discord and the console */
  workspaceId?: string | undefined;
  userId: string;
  /** the Discord server the command was run in (absent in a direct message and elsewhere) */
  guildId?: string | undefined;
  /** whether the user may manage the channel (Discord: Manage Channels; Slack: any member) */
  canManageChannel: boolean;
}

/** What a command may use: the core API, a clock and, in chat, where it was run. Never a chat platform. */
export interface CommandDeps {
  news: NewsService;
  clock: Clock;
  /** digest subscriptions; absent where the deployment has no scheduler */
  subscriptions?: SubscriptionService | undefined;
  /** live alerts (`/news follow`, `/news following`, `/news unfollow`); absent where nothing posts them */
  follows?: FollowService | undefined;
  /** feed sources (`/news sources`, `/news source`); absent where feeds are not polled */
  sources?: SourceAdmin | undefined;
  context?: CommandContext | undefined;
}

/** Describes one option for the adapters that build platform command definitions from it. */
export interface OptionInfo {
  name: string;
  description: string;
  /** 'role': a Discord role picker (the value is the role id); typed text on Slack and in the console */
  type: 'string' | 'integer' | 'role';
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
  /** who may run it: 'manage-channel' commands change what a channel receives */
  permission?: 'manage-channel';
  /**
   * Discord shows the command as a subcommand group: one subcommand per value of the option named `option`, each
   * with its own options (`/news follow who name:Rubio`); Slack and the console type the same words in order.
   */
  group?: { option: string; subcommands: { name: string; description: string; optionInfo: OptionInfo[] }[] };
  /** whether results are paged; then the options accept `page` (1-based) */
  paged: boolean;
  run(input: z.output<S>, deps: CommandDeps): Reply | Promise<Reply>;
}
