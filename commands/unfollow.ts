import { z } from 'zod';
import { textReply } from '../src/core/reply.js';
import type { CommandSpec } from './spec.js';

const options = z.object({
  follow: z
    .string()
    .trim()
    .min(1, 'Give the follow’s number or name shown by /news following, for example: /news unfollow 3')
    .max(300),
});

export const unfollow = {
  name: 'unfollow',
  description: 'Stop one of this channel’s alerts, by its number or name',
  options,
  optionInfo: [
    { name: 'follow', description: 'Number or name from /news following', type: 'string', required: true, rest: true },
  ],
  example: '/news unfollow 3',
  permission: 'manage-channel',
  paged: false,
  async run({ follow }, { follows, context }) {
    if (!follows || !context) {
      return textReply('Unfollow', 'Alerts are posted into chat channels: run this in Discord or Slack.', {
        isError: true,
      });
    }
    if (!context.canManageChannel) {
      return textReply('Unfollow', 'Only members who can manage this channel can change its alerts.', {
        isError: true,
      });
    }
    const removed = await follows.unfollow(context, follow);
    if (removed.length === 0) {
      return textReply('Unfollow', `This channel follows no "${follow}". See /news following.`, { isError: true });
    }
    return textReply('Unfollowed', `Stopped ${removed.map((f) => `#${f.id} (${f.kind} ${f.label})`).join(', ')}.`);
  },
} satisfies CommandSpec<typeof options>;
