import type { ArticleView } from '../ports.js';
import type { Reply, ReplyBlock } from '../reply.js';
import { type StoryEntry, storyEntryBlock } from './story-entries.js';

/** One entry of a digest: a story (its lead, or its update) or an article alone. */
export type DigestEntry = StoryEntry;

/**
 * One tidy digest: newest first, grouped by source when there are several, one entry per story (its lead, the
 * outlets carrying it, its short summary and most newsworthy quote; a story delivered before comes as an update). Splitting into messages is the adapter's job (platform limits).
 */
export function composeDigest(entries: DigestEntry[], options: { since: string | null; now: Date }): Reply {
  const count = entries.length;
  const since = options.since ? ` since ${formatDay(options.since)}` : '';
  const title = `News digest: ${count} new ${count === 1 ? 'story' : 'stories'}${since}`;
  const sorted = [...entries].sort((a, b) => sortKey(b.article).localeCompare(sortKey(a.article)));
  const sources = new Set(sorted.map((e) => e.article.source ?? ''));
  const blocks: ReplyBlock[] = [];
  const toBlock = storyEntryBlock;
  if (sources.size <= 1) {
    blocks.push(...sorted.map(toBlock));
  } else {
    for (const source of [...sources].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))) {
      blocks.push({ type: 'heading', text: source || 'Other sources' });
      blocks.push(...sorted.filter((e) => (e.article.source ?? '') === source).map(toBlock));
    }
  }
  return { title, blocks };
}

/** The short "nothing new" message for subscriptions that ask for one. */
export function composeEmptyDigest(options: { since: string | null }): Reply {
  const since = options.since ? ` since ${formatDay(options.since)}` : '';
  return { title: 'News digest', blocks: [{ type: 'text', text: `Nothing new${since}.` }] };
}

function sortKey(article: ArticleView): string {
  return article.publishedAt ?? article.ingestedAt;
}

function formatDay(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}
