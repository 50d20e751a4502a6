import {
  type ApplicationCommandOptionChoiceData,
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  DiscordAPIError,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import { runCommand } from '../../../commands/dispatch.js';
import type { CommandContext, CommandDeps, CommandSpec } from '../../../commands/spec.js';
import { isNewsdeskError } from '../../core/errors.js';
import type { Logger } from '../../core/ports.js';
import type { Reply } from '../../core/reply.js';
import { NEWS_COMMAND_NAME } from './command-definition.js';
import { decodePagerId, encodePagerId, type PagerState } from './custom-id.js';
import { type PagerButtons, type RenderedMessage, renderReply } from './render.js';
import { cutAtWord, DISCORD_LIMITS } from './text.js';

/** Runs a command by name with raw options; the core's `runCommand` unless a test supplies another. */
export type CommandRunner = (name: string, raw: Record<string, unknown>, deps: CommandDeps) => Promise<Reply>;

/** What the interaction handlers need. */
export interface HandlerContext {
  deps: CommandDeps;
  logger: Logger;
  /** the command specs, for the autocomplete kind of each option */
  commands: readonly CommandSpec[];
  run?: CommandRunner;
  /**
   * Commands that always defer before running: they may scan many articles (on a shared database, over the
   * network), so they acknowledge first rather than risk Discord's 3 s.
   */
  deferredCommands?: ReadonlySet<string>;
  /** Any other command still unfinished after this many ms is deferred too (it awaits something slow). */
  deferAfterMs?: number;
}

/** `search` and `digest` scan the whole store; the others look up by key and answer in milliseconds. */
export const DEFAULT_DEFERRED_COMMANDS: ReadonlySet<string> = new Set(['search', 'digest']);
/** Discord allows 3 s for the first response; leave room for the round trip. */
export const DEFAULT_DEFER_AFTER_MS = 1500;

export const MESSAGES = {
  apology: 'Sorry, something went wrong while answering that. Please try again in a moment.',
  expiredButton: 'These buttons have expired. Run the command again to get fresh results.',
  notYourButtons: 'Only the person who ran this command can turn its pages. Run the command yourself to browse.',
  restarting: 'I am restarting right now. Please try again in a moment.',
  unknownCommand: 'That command is not available. Try `/news help` to see what I can do.',
} as const;

const NO_MENTIONS = { parse: [] };

/** Routes any interaction to its handler. Never throws: failures are answered and logged. */
export async function handleInteraction(interaction: Interaction, context: HandlerContext): Promise<void> {
  if (interaction.isChatInputCommand()) await handleChatInput(interaction, context);
  else if (interaction.isAutocomplete()) await handleAutocomplete(interaction, context);
  else if (interaction.isButton()) await handleButton(interaction, context);
}

/**
 * Answers an interaction that arrives while the bot shuts down: a short private note (no suggestions for
 * autocomplete), so the user knows to retry rather than wait. Never throws.
 */
export async function refuseInteraction(interaction: Interaction, context: { logger: Logger }): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await interaction.respond([]);
    else if (interaction.isRepliable()) await interaction.reply(ephemeral(MESSAGES.restarting));
  } catch (error) {
    context.logger.warn(
      { interactionId: interaction.id, err: describeError(error) },
      'could not refuse an interaction',
    );
  }
}

/** `/news <subcommand> ...`: runs the command and answers with its rendered reply. */
export async function handleChatInput(
  interaction: ChatInputCommandInteraction,
  context: HandlerContext,
): Promise<void> {
  const isNews = interaction.commandName === NEWS_COMMAND_NAME;
  const group = isNews ? interaction.options.getSubcommandGroup(false) : null;
  const subcommand = isNews ? interaction.options.getSubcommand(false) : null;
  // a subcommand group (/news follow who) runs the group's command with the subcommand as its option
  const command = group ?? subcommand;
  await withErrorAnswer(interaction, command ?? interaction.commandName, context, async () => {
    if (command === null) {
      await interaction.reply(ephemeral(MESSAGES.unknownCommand));
      return;
    }
    const options = commandOptions(interaction);
    const option = context.commands.find((c) => c.name === group)?.group?.option;
    if (group !== null && option !== undefined && subcommand !== null) options[option] = subcommand;
    await answerCommand(interaction, context, { command, options, page: 1, userId: interaction.user.id });
  });
}

/** A Previous / Next press: re-runs the command from the state in the button's custom_id and edits the message. */
export async function handleButton(interaction: ButtonInteraction, context: HandlerContext): Promise<void> {
  const state = decodePagerId(interaction.customId);
  await withErrorAnswer(interaction, state?.command ?? 'button', context, async () => {
    if (state === null) {
      await interaction.reply(ephemeral(MESSAGES.expiredButton));
      return;
    }
    if (state.userId !== interaction.user.id) {
      await interaction.reply(ephemeral(MESSAGES.notYourButtons));
      return;
    }
    await answerCommand(interaction, context, state);
  });
}

/** Suggests people or article titles for options marked `autocomplete` in the command specs. */
export async function handleAutocomplete(interaction: AutocompleteInteraction, context: HandlerContext): Promise<void> {
  const group = interaction.options.getSubcommandGroup(false);
  const subcommand = interaction.options.getSubcommand(false) ?? '';
  try {
    const focused = interaction.options.getFocused(true);
    const spec = context.commands.find((c) => c.name === (group ?? subcommand));
    const options = group ? spec?.group?.subcommands.find((s) => s.name === subcommand)?.optionInfo : spec?.optionInfo;
    const info = options?.find((o) => o.name === focused.name);
    const typed = String(focused.value);
    const choices =
      info?.autocomplete === 'people'
        ? await peopleChoices(context.deps, typed)
        : info?.autocomplete === 'articles'
          ? await articleChoices(context.deps, typed)
          : [];
    await interaction.respond(choices.slice(0, DISCORD_LIMITS.choices));
  } catch (error) {
    context.logger.error(
      { command: subcommand, kind: 'autocomplete', err: describeError(error) },
      'autocomplete failed',
    );
    if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
  }
}

/** People whose name starts with what was typed, most quoted first, labelled with their first role. */
export async function peopleChoices(
  deps: CommandDeps,
  typed: string,
): Promise<ApplicationCommandOptionChoiceData<string>[]> {
  const people = await deps.news.people(typed.trim(), DISCORD_LIMITS.choices);
  return people.map((person) => {
    const role = person.roles[0];
    return {
      name: cutAtWord(role ? `${person.name} (${role})` : person.name, DISCORD_LIMITS.choiceName),
      value: person.name.slice(0, DISCORD_LIMITS.choiceValue),
    };
  });
}

/** Newest titles when nothing is typed, else search hits; the value is the article id `read` accepts. */
export async function articleChoices(
  deps: CommandDeps,
  typed: string,
): Promise<ApplicationCommandOptionChoiceData<string>[]> {
  const text = typed.trim();
  const articles =
    text.length < 2
      ? (await deps.news.latest({ limit: DISCORD_LIMITS.choices })).items
      : (await deps.news.search(text, { limit: DISCORD_LIMITS.choices })).hits.map((hit) => hit.article);
  return articles.map((article) => ({
    name: cutAtWord(article.title.trim() || article.id, DISCORD_LIMITS.choiceName),
    value: article.id.slice(0, DISCORD_LIMITS.choiceValue),
  }));
}

// ---- answering ----

type CommandInteraction = ChatInputCommandInteraction | ButtonInteraction;

/**
 * Runs the command and answers within Discord's 3 s: heavy commands defer first; the others answer directly
 * unless still running after `deferAfterMs`. Replies with `isError` are shown only to the asker.
 */
async function answerCommand(
  interaction: CommandInteraction,
  context: HandlerContext,
  state: PagerState,
): Promise<void> {
  const run = context.run ?? runCommand;
  const raw = { ...state.options, ...(state.page > 1 ? { page: state.page } : {}) };
  const deps: CommandDeps = { ...context.deps, context: commandContext(interaction) };
  const deferred = context.deferredCommands ?? DEFAULT_DEFERRED_COMMANDS;
  if (deferred.has(state.command)) {
    await acknowledgeLater(interaction);
    await deliver(interaction, state, await run(state.command, raw, deps));
    return;
  }
  const pending = run(state.command, raw, deps);
  const early = await settleWithin(pending, context.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS);
  if (!early.settled) await acknowledgeLater(interaction);
  await deliver(interaction, state, await pending);
}

/** Where the command runs and whether its user may change what the channel receives (digest subscriptions). */
export function commandContext(interaction: CommandInteraction): CommandContext {
  return {
    platform: 'discord',
    channelId: interaction.channelId ?? '',
    userId: interaction.user.id,
    ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
    // outside a server (a DM with the bot) the user is the only one the channel's digests reach
    canManageChannel: interaction.inGuild()
      ? (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false)
      : true,
  };
}

/** `deferReply` for a command, `deferUpdate` for a button (the page is edited in place). */
async function acknowledgeLater(interaction: CommandInteraction): Promise<void> {
  if (interaction.isButton()) await interaction.deferUpdate();
  else await interaction.deferReply();
}

async function deliver(interaction: CommandInteraction, state: PagerState, reply: Reply): Promise<void> {
  if (reply.isError) {
    await sendEphemeral(interaction, renderReply(reply));
    return;
  }
  const message = renderReply(reply, { pager: pagerButtons(state, reply) });
  if (interaction.deferred) await interaction.editReply(editOptions(message));
  else if (interaction.isButton()) await interaction.update(editOptions(message));
  else await interaction.reply(replyOptions(message));
}

/** Button ids for the neighbouring pages, or undefined when the state does not fit a custom_id. */
function pagerButtons(state: PagerState, reply: Reply): PagerButtons | undefined {
  if (!reply.page) return undefined;
  const { index, total } = reply.page;
  const previous = encodePagerId({ ...state, page: Math.max(1, index - 1) }, 'prev');
  const next = encodePagerId({ ...state, page: Math.min(total, index + 1) }, 'next');
  return previous && next ? { previous, next } : undefined;
}

/** Shows a message to the asker only, however far the interaction got (fresh, deferred or answered). */
async function sendEphemeral(interaction: CommandInteraction, message: RenderedMessage | string): Promise<void> {
  const options =
    typeof message === 'string'
      ? ephemeral(message)
      : { ...replyOptions(message), flags: MessageFlags.Ephemeral as const };
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(options);
    return;
  }
  // a public "thinking…" placeholder must not stay behind an ephemeral answer
  if (interaction.deferred && !interaction.isButton()) await interaction.deleteReply().catch(() => undefined);
  await interaction.followUp(options);
}

/** Runs `action`; on failure tells the user (their NewsdeskError message, else an apology) and logs the command. */
async function withErrorAnswer(
  interaction: CommandInteraction,
  command: string,
  context: HandlerContext,
  action: () => Promise<void>,
): Promise<void> {
  try {
    await action();
  } catch (error) {
    context.logger.error({ command, interactionId: interaction.id, err: describeError(error) }, 'command failed');
    const text = isNewsdeskError(error) ? error.userMessage : MESSAGES.apology;
    await sendEphemeral(interaction, text).catch((sendError: unknown) => {
      context.logger.warn({ command, err: describeError(sendError) }, 'could not tell the user about a failure');
    });
  }
}

function commandOptions(interaction: ChatInputCommandInteraction): Record<string, string> {
  const first = interaction.options.data[0];
  // under a subcommand group the options belong to its one subcommand
  const subcommand = first?.type === ApplicationCommandOptionType.SubcommandGroup ? first.options?.[0] : first;
  const entries = (subcommand?.options ?? []).map((option) => [option.name, String(option.value ?? '')] as const);
  return Object.fromEntries(entries.filter(([, value]) => value !== ''));
}

function replyOptions(message: RenderedMessage): InteractionReplyOptions {
  return { ...editOptions(message), allowedMentions: NO_MENTIONS } as InteractionReplyOptions;
}

function editOptions(message: RenderedMessage): InteractionEditReplyOptions & { content: string } {
  return {
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    allowedMentions: NO_MENTIONS,
  };
}

function ephemeral(text: string): InteractionReplyOptions & { flags: MessageFlags.Ephemeral } {
  return { content: text, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral };
}

/** Resolves `{ settled: true }` if `promise` settles within `ms`, else `{ settled: false }`; never rejects. */
function settleWithin(promise: Promise<unknown>, ms: number): Promise<{ settled: boolean }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ settled: false }), ms);
    const done = (): void => {
      clearTimeout(timer);
      resolve({ settled: true });
    };
    promise.then(done, done);
  });
}

/**
 * A log-safe view of an error: name, message and Discord's code and status. Discord errors carry the request URL,
 * which for interactions contains the interaction token, so the error object itself is never logged.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError) {
    return { name: error.name, message: error.message, code: error.code, status: error.status, method: error.method };
  }
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { message: String(error) };
}
