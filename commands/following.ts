import { z } from 'zod';
import type { Follow } from '../src/core/ports.js';
import { textReply } from '../src/core/reply.js';
import type { CommandSpec } from './spec.js';

const options = z.object({});

export const following = {
  name: 'following',
  description: "This channel's alerts (follows), their last delivery and state",
  options,
  optionInfo: [],
  example: '/news following',
  paged: false,
  async run(_input, { follows, context }) {
    if (!follows || !context) {
      return textReply('Following', 'Alerts are posted into chat channels: run this in Discord or Slack.', {
        isError: true,
      });
    }
    const list = await follows.list(context);
    if (list.length === 0) {
      return textReply('Following', 'This channel follows nothing yet. Example: /news follow who Rubio');
    }
    return { title: 'Alerts in this channel', blocks: [{ type: 'list', items: list.map(describeFollow) }] };
  },
} satisfies CommandSpec<typeof options>;

/** `#3 who Marco Rubio (ping): last alert 2026-03-27 10:00 UTC` or its failure. */
export function describeFollow(follow: Follow): string {
  const what = `#${follow.id} ${follow.kind} ${follow.label}${follow.ping ? ' (with a ping)' : ''}`;
  const state = follow.failureReason
    ? `FAILING: ${follow.failureReason}; retrying after ${minute(follow.retryAt) ?? 'soon'}`
    : `last alert ${minute(follow.lastPostedAt) ?? 'none yet'}`;
  return `${what}: ${state}`;
}

function minute(iso: string | null): string | null {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : null;
}
