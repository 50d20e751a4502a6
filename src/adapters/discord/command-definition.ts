import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandGroupOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandSpec, OptionInfo } from '../../../commands/spec.js';
import { cutAtWord, DISCORD_LIMITS } from './text.js';

/** The name of the one Discord slash command; every newsdesk command is a subcommand of it. */
export const NEWS_COMMAND_NAME = 'news';

/**
 * Builds the `/news` command JSON for `PUT /applications/{id}/commands`: one subcommand per command spec (a
 * subcommand group for a spec with `group`), with the options in spec order (required first, as Discord demands),
 * integer bounds, role pickers and autocomplete where the spec asks.
 */
export function buildNewsCommand(specs: readonly CommandSpec[]): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    name: NEWS_COMMAND_NAME,
    type: ApplicationCommandType.ChatInput,
    description: 'News summaries and who said what',
    options: specs.map(toSubcommand),
  };
}

function toSubcommand(
  spec: Pick<CommandSpec, 'name' | 'description' | 'optionInfo' | 'group'>,
): APIApplicationCommandSubcommandOption | APIApplicationCommandSubcommandGroupOption {
  const description = cutAtWord(spec.description, DISCORD_LIMITS.commandDescription);
  if (spec.group) {
    return {
      type: ApplicationCommandOptionType.SubcommandGroup,
      name: spec.name,
      description,
      options: spec.group.subcommands.map((sub) => toSubcommand(sub) as APIApplicationCommandSubcommandOption),
    };
  }
  // Array#sort is stable, so options keep the spec's order within the required and optional groups
  const ordered = [...spec.optionInfo].sort((a, b) => Number(b.required) - Number(a.required));
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: spec.name,
    description,
    options: ordered.map(toOption),
  };
}

function toOption(info: OptionInfo): APIApplicationCommandBasicOption {
  const common = {
    name: info.name,
    description: cutAtWord(info.description, DISCORD_LIMITS.commandDescription),
    required: info.required,
  };
  if (info.type === 'role') return { ...common, type: ApplicationCommandOptionType.Role };
  if (info.type === 'integer') {
    return {
      ...common,
      type: ApplicationCommandOptionType.Integer,
      ...(info.min !== undefined ? { min_value: info.min } : {}),
      ...(info.max !== undefined ? { max_value: info.max } : {}),
    };
  }
  return {
    ...common,
    type: ApplicationCommandOptionType.String,
    ...(info.autocomplete ? { autocomplete: true } : {}),
  };
}
