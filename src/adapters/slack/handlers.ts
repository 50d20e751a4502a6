import type { App, BlockAction, ButtonAction, RespondArguments } from '@slack/bolt';
import { parseCommandText } from '../../../commands/command-line.js';
import { runCommand } from '../../../commands/dispatch.js';
import { findCommand } from '../../../commands/index.js';
import type { CommandDeps } from '../../../commands/spec.js';
import { isNewsdeskError } from '../../core/errors.js';
import type { Logger } from '../../core/ports.js';
import { type Reply, textReply } from '../../core/reply.js';
import { ACTION_IDS, type CommandState, decodeState } from './interaction.js';
import { renderReply } from './render.js';
import { installationKey } from './workspace.js';

/** The slash command newsdesk answers (as declared in the app manifest). */
export const SLASH_COMMAND = '/news';

/** What every handler needs: the core behind the commands and a logger. */
export interface HandlerContext {
  deps: CommandDeps;
  logger: Logger;
  /** one deployment serves several workspaces (OAuth): commands learn which one they were run in */
  multiWorkspace?: boolean | undefined;
}

/** Where a command was run: the channel, the user and, with several workspaces, the workspace. */
export interface CommandOrigin {
  channelId: string;
  userId: string;
  /** the installation's key: the team id, or the enterprise id for an org-wide install */
  workspaceId?: string | undefined;
}

/** Posts to the interaction's `response_url` (Bolt's `respond`). */
export type Respond = (message: RespondArguments) => Promise<unknown>;

/** Acknowledges the request to Slack, which must happen within 3 seconds. */
export type Ack = () => Promise<void>;

/**
 * `/news <text>`: acknowledges at once, runs the subcommand and answers the asker privately (ephemeral)
 * with Previous/Next buttons for paged results and a "Share to channel" button.
 */
export async function handleSlashCommand(
  input: { text: string; ack: Ack; respond: Respond; channelId?: string; userId?: string; workspaceId?: string },
  context: HandlerContext,
): Promise<void> {
  await input.ack();
  const state = stateFromText(input.text);
  const where =
    input.channelId && input.userId
      ? { channelId: input.channelId, userId: input.userId, workspaceId: input.workspaceId }
      : undefined;
  const reply = await runSafely(state, context, where);
  await respondSafely(input.respond, { response_type: 'ephemeral', ...renderReply(reply, { state }) }, state, context);
}

/** Previous/Next: runs the command again for the page in the button and replaces the message with the result. */
export async function handlePageAction(
  input: { value: string | undefined; ack: Ack; respond: Respond },
  context: HandlerContext,
): Promise<void> {
  await input.ack();
  const state = decodeState(input.value);
  if (state === null) {
    await respondSafely(input.respond, expiredButtonMessage(), null, context);
    return;
  }
  const reply = await runSafely(state, context);
  const message = renderReply(reply, { state });
  await respondSafely(
    input.respond,
    { response_type: 'ephemeral', replace_original: true, ...message },
    state,
    context,
  );
}

/**
 * "Share to channel": posts the same result (same command, options and page) in the channel for everyone,
 * then replaces the private copy with a note saying it was shared.
 */
export async function handleShareAction(
  input: { value: string | undefined; userId: string; ack: Ack; respond: Respond },
  context: HandlerContext,
): Promise<void> {
  await input.ack();
  const state = decodeState(input.value);
  if (state === null) {
    await respondSafely(input.respond, expiredButtonMessage(), null, context);
    return;
  }
  const reply = await runSafely(state, context);
  if (reply.isError === true) {
    await respondSafely(input.respond, { response_type: 'ephemeral', ...renderReply(reply) }, state, context);
    return;
  }
  const shared = renderReply(reply, { sharedBy: input.userId });
  const posted = await respondSafely(
    input.respond,
    { response_type: 'in_channel', replace_original: false, ...shared },
    state,
    context,
  );
  if (!posted) return;
  await respondSafely(
    input.respond,
    { response_type: 'ephemeral', replace_original: true, text: 'Shared to the channel.' },
    state,
    context,
  );
}

/**
 * Runs a command at the adapter boundary: bad input comes back as an error reply from `runCommand`;
 * anything thrown is logged with the command name and becomes a short apology.
 */
export async function runSafely(state: CommandState, context: HandlerContext, where?: CommandOrigin): Promise<Reply> {
  // in Slack any member of a channel may manage its digests, as with Slack's own RSS app
  const deps = where
    ? { ...context.deps, context: { platform: 'slack' as const, ...where, canManageChannel: true } }
    : context.deps;
  try {
    return await runCommand(state.command, { ...state.options, page: state.page }, deps);
  } catch (error) {
    context.logger.error({ command: state.command, err: describeError(error) }, 'slack: /news command failed');
    if (isNewsdeskError(error)) return textReply(`/news ${state.command}`, error.userMessage, { isError: true });
    return textReply(
      'Something went wrong',
      `Sorry, /news ${state.command} failed on our side. The problem has been logged; please try again later.`,
      { isError: true },
    );
  }
}

/** Wires the handlers into a Bolt app, plus an error handler so nothing escapes as an unhandled rejection. */
export function registerSlackHandlers(app: App, context: HandlerContext): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, context: bolt }) => {
    const workspaceId = context.multiWorkspace === true ? installationKey(bolt) : undefined;
    await handleSlashCommand(
      {
        text: command.text,
        ack: () => ack(),
        respond,
        channelId: command.channel_id,
        userId: command.user_id,
        ...(workspaceId === undefined ? {} : { workspaceId }),
      },
      context,
    );
  });
  for (const actionId of [ACTION_IDS.previous, ACTION_IDS.next]) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ action, ack, respond }) => {
      await handlePageAction({ value: action.value, ack: () => ack(), respond }, context);
    });
  }
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.share, async ({ action, body, ack, respond }) => {
    await handleShareAction({ value: action.value, userId: body.user.id, ack: () => ack(), respond }, context);
  });
  app.error(async (error) => {
    // Bolt found no installation for the request's workspace: nothing ran, so there is nothing to fix here
    if (error.code === 'slack_bolt_authorization_error') {
      context.logger.warn(
        { err: describeError(error) },
        'slack: ignored a request from a workspace without an installation',
      );
      return;
    }
    context.logger.error({ err: describeError(error) }, 'slack: unhandled error in a listener');
  });
}

/** The error fields worth logging: never the stack or request details, which can carry tokens. */
export function describeError(error: unknown): { name: string; message: string; code?: string } {
  if (!(error instanceof Error)) return { name: 'NonError', message: String(error) };
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string'
    ? { name: error.name, message: error.message, code }
    : { name: error.name, message: error.message };
}

/** The command state for `/news <text>`; an unknown subcommand shows help, which names the mistake. */
export function stateFromText(text: string): CommandState {
  const parsed = parseCommandText(text);
  if (findCommand(parsed.name) === undefined) {
    return { command: 'help', options: { command: parsed.name.slice(0, 40) }, page: 1 };
  }
  return { command: parsed.name, options: parsed.options, page: pageOf(parsed.options) };
}

function pageOf(options: Record<string, unknown>): number {
  const page = Number(options.page);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

function expiredButtonMessage(): RespondArguments {
  return {
    response_type: 'ephemeral',
    replace_original: false,
    text: 'That button no longer works. Run /news again.',
  };
}

/**
 * Sends through `respond`; a failure (expired response_url, rejected blocks) is logged and, when the
 * message itself was refused, replaced by a short text so the asker is not left waiting. Returns whether it got through.
 */
async function respondSafely(
  respond: Respond,
  message: RespondArguments,
  state: CommandState | null,
  context: HandlerContext,
): Promise<boolean> {
  try {
    await respond(message);
    return true;
  } catch (error) {
    const command = state?.command ?? 'button';
    context.logger.error({ command, err: describeError(error) }, 'slack: could not send the answer');
    if (!('blocks' in message) || message.blocks === undefined) return false;
    try {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: `Sorry, the answer to /news ${command} could not be shown.`,
      });
    } catch (retryError) {
      context.logger.error({ command, err: describeError(retryError) }, 'slack: could not send the apology either');
    }
    return false;
  }
}
