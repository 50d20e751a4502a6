import { z } from 'zod';

/** Action ids of the buttons newsdesk puts on its messages. */
export const ACTION_IDS = {
  previous: 'news_page_previous',
  next: 'news_page_next',
  share: 'news_share',
} as const;

/** Slack's limit on a button's `value`. */
export const BUTTON_VALUE_LIMIT = 2000;

/** What a button needs to run its command again: the subcommand, its raw options and the 1-based page. */
export interface CommandState {
  command: string;
  options: Record<string, unknown>;
  page: number;
}

const StateSchema = z.object({
  c: z.string().min(1).max(64),
  o: z.record(z.string(), z.unknown()),
  p: z.int().min(1),
});

/** Serialises a state into a button value, or null when it would not fit Slack's 2000-character limit. */
export function encodeState(state: CommandState): string | null {
  const { page: _page, ...options } = state.options;
  const value = JSON.stringify({ c: state.command, o: options, p: state.page });
  return value.length <= BUTTON_VALUE_LIMIT ? value : null;
}

/** Reads a button value back; null for anything newsdesk did not write (the value comes back from the client). */
export function decodeState(value: string | undefined): CommandState | null {
  if (value === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return null;
  }
  const parsed = StateSchema.safeParse(json);
  if (!parsed.success) return null;
  return { command: parsed.data.c, options: parsed.data.o, page: parsed.data.p };
}
