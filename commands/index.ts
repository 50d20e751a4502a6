import { digest } from './digest.js';
import { follow } from './follow.js';
import { following } from './following.js';
import { createHelpCommand } from './help.js';
import { latest } from './latest.js';
import { quotes } from './quotes.js';
import { read } from './read.js';
import { search } from './search.js';
import { source } from './source.js';
import { sources } from './sources.js';
import type { CommandSpec } from './spec.js';
import { story } from './story.js';
import { subscribe } from './subscribe.js';
import { subscriptions } from './subscriptions.js';
import { unfollow } from './unfollow.js';
import { unsubscribe } from './unsubscribe.js';
import { who } from './who.js';

/** Every /news subcommand, in the order help lists them. Discord, Slack and the console are generated from this. */
export const commands: readonly CommandSpec[] = [
  latest,
  story,
  who,
  quotes,
  read,
  search,
  digest,
  subscribe,
  unsubscribe,
  subscriptions,
  follow,
  following,
  unfollow,
  sources,
  source,
  createHelpCommand(() => commands),
];

export function findCommand(name: string): CommandSpec | undefined {
  const wanted = name.trim().toLowerCase();
  return commands.find((command) => command.name === wanted);
}

export type { CommandDeps, CommandSpec, OptionInfo } from './spec.js';
