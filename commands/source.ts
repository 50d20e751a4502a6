import { z } from 'zod';
import type { PollSummary } from '../src/core/ports.js';
import { type Reply, textReply } from '../src/core/reply.js';
import type { CommandSpec } from './spec.js';

const options = z.object({
  action: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['add', 'remove'], { message: 'must be add or remove, for example: /news source add <url>' })),
  url: z
    .string()
    .trim()
    .min(1, 'Give the feed URL, for example: /news source add https://example.com/rss.xml')
    .max(2000),
  name: z.string().trim().max(100).optional(),
});

export const source = {
  name: 'source',
  description: 'Add or remove a news feed (channel managers)',
  options,
  optionInfo: [
    { name: 'action', description: 'add or remove', type: 'string', required: true },
    { name: 'url', description: 'The RSS, Atom or JSON Feed URL', type: 'string', required: true },
    { name: 'name', description: 'A name to show for the feed', type: 'string', required: false, rest: true },
  ],
  example: '/news source add https://example.com/rss.xml Example News',
  permission: 'manage-channel',
  paged: false,
  async run({ action, url, name }, { sources: admin, context }): Promise<Reply> {
    if (!admin) return textReply('News sources', 'Feed polling is not enabled in this deployment.', { isError: true });
    // no context means the terminal, whose user runs the bot
    if (context && !context.canManageChannel) {
      return textReply('News sources', 'Only members who can manage this channel can add or remove feeds.', {
        isError: true,
      });
    }
    if (action === 'remove') {
      const removed = await admin.remove(url);
      if (removed.ok) return textReply('Feed removed', `No longer polling ${removed.source.url}.`);
      const why =
        removed.reason === 'file-source'
          ? 'That feed is listed in sources.json; remove it there.'
          : `No feed ${url} is followed. /news sources lists them.`;
      return textReply('News sources', why, { isError: true });
    }
    const added = await admin.add({ url, name, addedBy: context?.userId });
    if (!added.ok) return textReply('News sources', added.reason, { isError: true });
    const label = added.source.name ?? added.source.feedTitle ?? added.source.url;
    const verb = added.status === 'added' ? 'Now polling' : 'Already polling';
    return textReply(
      added.status === 'added' ? 'Feed added' : 'Feed updated',
      `${verb} ${label} (${added.source.url}) every ${added.source.intervalMinutes} min. ${describeFirstPoll(added.firstPoll)}`,
    );
  },
} satisfies CommandSpec<typeof options>;

function describeFirstPoll(poll: PollSummary): string {
  if (poll.busy) return 'Another bot process is polling it right now; its recent items will appear shortly.';
  return poll.ok
    ? `${poll.items} items in the feed; ${poll.ingested} recent ones added, older ones kept out of digests.`
    : `The first poll failed (${poll.reason ?? 'unknown reason'}); it will be retried, and /news sources shows its state.`;
}
