import { z } from 'zod';
import type { FeedSourceRecord } from '../src/core/ports.js';
import type { Reply, ReplyBlock } from '../src/core/reply.js';
import { textReply } from '../src/core/reply.js';
import type { CommandSpec } from './spec.js';

const options = z.object({});

export const sources = {
  name: 'sources',
  description: 'The news feeds the bot follows, with their status (failing ones say why)',
  options,
  optionInfo: [],
  example: '/news sources',
  paged: false,
  async run(_input, { sources: admin, clock }): Promise<Reply> {
    if (!admin) return textReply('News sources', 'Feed polling is not enabled in this deployment.');
    const list = await admin.list();
    if (list.length === 0) {
      return textReply(
        'News sources',
        'No feeds yet. List them in sources.json, or add one with /news source add <url> [name].',
      );
    }
    const now = clock.now();
    const failing = list.filter((source) => source.failing);
    const others = list.filter((source) => !source.failing);
    const blocks: ReplyBlock[] = [];
    if (failing.length > 0) {
      blocks.push(
        { type: 'heading', text: `Failing (${failing.length})` },
        { type: 'list', items: failing.map((source) => describeSource(source, now)) },
      );
      if (others.length > 0) blocks.push({ type: 'heading', text: `Working (${others.length})` });
    }
    if (others.length > 0) blocks.push({ type: 'list', items: others.map((source) => describeSource(source, now)) });
    return { title: `News sources: ${list.length} ${list.length === 1 ? 'feed' : 'feeds'}`, blocks };
  },
} satisfies CommandSpec<typeof options>;

/** One line per source: name, URL, schedule and state. */
export function describeSource(source: FeedSourceRecord, now: Date): string {
  const name = source.name ?? source.feedTitle ?? new URL(source.url).hostname;
  const declared = source.origin === 'file' ? ' [sources.json]' : '';
  const every = `every ${source.intervalMinutes} min`;
  return `${name} (${source.url})${declared}, ${every}: ${describeState(source, now)}`;
}

function describeState(source: FeedSourceRecord, now: Date): string {
  const next = source.nextPollAt ? `; next try ${relative(source.nextPollAt, now)}` : '';
  if (source.failing) {
    const since = source.lastSuccessAt ? `last worked ${relative(source.lastSuccessAt, now)}` : 'never worked';
    return `FAILING after ${source.failureCount} failed polls: ${source.failureReason ?? 'unknown reason'} (${since})${next}`;
  }
  if (source.failureCount > 0) {
    const plural = source.failureCount === 1 ? '' : 's';
    return `retrying after ${source.failureCount} failure${plural}: ${source.failureReason ?? 'unknown reason'}${next}`;
  }
  if (!source.lastSuccessAt) return 'waiting for its first poll';
  const pages = source.pageFailures > 0 ? `; ${source.pageFailures} article pages could not be read` : '';
  return `ok, checked ${relative(source.lastSuccessAt, now)}, ${source.itemCount} items seen${pages}`;
}

/** "5 min ago", "in 3 h", "2 d ago": coarse, for a status line. */
function relative(iso: string, now: Date): string {
  const ms = Date.parse(iso) - now.getTime();
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const span =
    minutes < 1
      ? 'under a minute'
      : minutes < 90
        ? `${minutes} min`
        : minutes < 36 * 60
          ? `${Math.round(minutes / 60)} h`
          : `${Math.round(minutes / 1440)} d`;
  if (minutes < 1) return ms < 0 ? 'just now' : 'now';
  return ms < 0 ? `${span} ago` : `in ${span}`;
}
