import { z } from 'zod';
import { articleBlock } from '../src/core/reply.js';
import { pageInfo, pageOption, paginate } from './options.js';
import type { CommandSpec } from './spec.js';

const PER_PAGE = 8;
const DAY_MS = 24 * 60 * 60 * 1000;

const options = z.object({
  since: z
    .string()
    .trim()
    .max(40)
    .optional()
    .refine((value) => value === undefined || value === '' || parseSince(value, new Date()) !== null, {
      message: 'Give a date like 2025-12-19, a time like 2025-12-19T08:00Z, or a span like 24h, 3d or yesterday.',
    }),
  page: pageOption,
});

export const digest = {
  name: 'digest',
  description: 'What arrived since a time (default: the last 24 hours), with the key quote of each article',
  options,
  optionInfo: [
    {
      name: 'since',
      description: 'A date (2025-12-19), a time, or a span like 24h, 3d, yesterday',
      type: 'string',
      required: false,
    },
  ],
  example: '/news digest 3d',
  paged: true,
  async run({ since, page }, { news, clock }) {
    const from = digestStart(since, clock.now());
    const items = await news.digest({ since: from, limit: 200 });
    const title = `Digest since ${from.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    if (items.length === 0) return { title, blocks: [{ type: 'text', text: 'Nothing new since then.' }] };
    const pages = paginate(items, page, PER_PAGE);
    return {
      title: `${title}: ${items.length} ${items.length === 1 ? 'story' : 'stories'}`,
      blocks: pages.items.map(({ article, quote, outlets }) =>
        articleBlock(
          article,
          article.short,
          quote ? { text: quote.text, speaker: quote.speaker } : undefined,
          outlets ? { outlets } : undefined,
        ),
      ),
      ...pageInfo(pages.index, pages.total),
    };
  },
} satisfies CommandSpec<typeof options>;

/** Where a digest starts: `since` (as {@link parseSince} reads it), or 24 hours before `now`. */
export function digestStart(since: string | undefined, now: Date): Date {
  return (since ? parseSince(since, now) : null) ?? new Date(now.getTime() - DAY_MS);
}

/** A point in time from an ISO date/time, a span ("24h", "3d", "90m") or a word ("yesterday", "today"). */
export function parseSince(value: string, now: Date): Date | null {
  const text = value.trim().toLowerCase();
  if (text === 'today') return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (text === 'yesterday') return new Date(now.getTime() - DAY_MS);
  const span = /^(\d{1,4})\s*(m|min|h|d|w)$/.exec(text);
  if (span) {
    const unit = { m: 60_000, min: 60_000, h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS }[
      span[2] as 'm' | 'min' | 'h' | 'd' | 'w'
    ];
    return new Date(now.getTime() - Number(span[1]) * unit);
  }
  if (!/^\d{4}-\d{2}-\d{2}([t ][\d:.]+(z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return null;
  const date = new Date(text.length === 10 ? `${text}T00:00:00Z` : text.toUpperCase().replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? null : date;
}
