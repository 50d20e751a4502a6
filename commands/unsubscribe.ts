import { z } from 'zod';
import { textReply } from '../src/core/reply.js';
import type { CommandSpec } from './spec.js';

const options = z.object({
  id: z.coerce.number().int().min(1, 'Give the subscription number shown by /news subscriptions.').optional(),
});

export const unsubscribe = {
  name: 'unsubscribe',
  description: "Stop this channel's digests (all, or one by its number)",
  options,
  optionInfo: [
    {
      name: 'id',
      description: 'Subscription number from /news subscriptions',
      type: 'integer',
      required: false,
      min: 1,
    },
  ],
  example: '/news unsubscribe 3',
  permission: 'manage-channel',
  paged: false,
  async run({ id }, { subscriptions, context }) {
    if (!subscriptions || !context) {
      return textReply('Unsubscribe', 'Digests are delivered to chat channels: run this in Discord or Slack.', {
        isError: true,
      });
    }
    if (!context.canManageChannel) {
      return textReply('Unsubscribe', 'Only members who can manage this channel can change its digests.', {
        isError: true,
      });
    }
    const removed = await subscriptions.unsubscribe(context, id);
    if (removed.length === 0) {
      const declared = (await subscriptions.list(context)).some(
        (s) => s.origin === 'file' && (id === undefined || s.id === id),
      );
      const why = declared
        ? 'That digest is declared by the operator in digests.json; ask them to remove it there.'
        : id === undefined
          ? 'This channel has no digest subscriptions.'
          : `This channel has no subscription #${id}. See /news subscriptions.`;
      return textReply('Unsubscribe', why, { isError: true });
    }
    return textReply('Unsubscribed', `Removed ${removed.map((s) => `#${s.id} (${s.schedule})`).join(', ')}.`);
  },
} satisfies CommandSpec<typeof options>;
