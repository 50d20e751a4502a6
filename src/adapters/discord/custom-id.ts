import { DISCORD_LIMITS } from './text.js';

/**
 * Everything a Previous / Next button needs to re-run its command after a restart: the command, its options,
 * the page to show and the user allowed to turn pages. It travels in the button's `custom_id`.
 */
export interface PagerState {
  command: string;
  options: Record<string, string>;
  /** 1-based page the button leads to */
  page: number;
  /** the Discord user id of whoever ran the command */
  userId: string;
}

export type PagerDirection = 'prev' | 'next';

// bump the version when the layout changes: older buttons then get the "expired" answer instead of a wrong page
const PREFIX = 'nd1';
const DIRECTIONS: Record<PagerDirection, string> = { prev: 'p', next: 'n' };
const MAX_PAGE = 1000;

/**
 * Encodes a pager button id: `nd1:<p|n>:<page>:<userId>:<command>:<urlencoded options>`.
 * Returns null when it would not fit Discord's 100-character limit (e.g. very long search terms).
 */
export function encodePagerId(state: PagerState, direction: PagerDirection): string | null {
  const query = new URLSearchParams(state.options).toString();
  const id = [PREFIX, DIRECTIONS[direction], state.page, state.userId, state.command, query].join(':');
  return id.length <= DISCORD_LIMITS.customId ? id : null;
}

/** Decodes a pager button id; null for anything malformed, stale or not ours. */
export function decodePagerId(customId: string): PagerState | null {
  const parts = customId.split(':');
  const [prefix, direction, pageText, userId, command] = parts;
  if (prefix !== PREFIX || (direction !== 'p' && direction !== 'n')) return null;
  if (pageText === undefined || userId === undefined || command === undefined) return null;
  const page = Number(pageText);
  if (!/^\d{1,4}$/.test(pageText) || page < 1 || page > MAX_PAGE) return null;
  if (!/^\d{1,20}$/.test(userId) || !/^[a-z][a-z0-9-]{0,31}$/.test(command)) return null;
  const options = Object.fromEntries(new URLSearchParams(parts.slice(5).join(':')));
  return { command, options, page, userId };
}
