import { z } from 'zod';
import { describeFilter } from '../src/core/digest/schedule.js';
import { textReply } from '../src/core/reply.js';
import type { CommandSpec } from './spec.js';

const options = z.object({});

export const subscriptions = {
  name: 'subscriptions',
  description: "This channel's digest subscriptions and their state",
  options,
  optionInfo: [],
  example: '/news subscriptions',
  paged: false,
  async run(_input, { subscriptions: service, context }) {
    if (!service || !context) {
      return textReply('Subscriptions', 'Digests are delivered to chat channels: run this in Discord or Slack.', {
        isError: true,
      });
    }
    const list = await service.list(context);
    if (list.length === 0) {
      return textReply('Subscriptions', 'No digests here yet. Example: /news subscribe weekdays 08:00 Europe/Berlin');
    }
    return {
      title: 'Digest subscriptions in this channel',
      blocks: [
        {
          type: 'list',
          items: list.map((s) => {
            const filter = describeFilter(s.filter);
            const state = s.failureReason
              ? `FAILING: ${s.failureReason}; retrying after ${s.retryAt?.slice(0, 16).replace('T', ' ') ?? 'soon'} UTC`
              : `last sent ${s.lastSuccessAt ? `${s.lastSuccessAt.slice(0, 16).replace('T', ' ')} UTC` : 'never'}`;
            const next = s.nextRunAt ? `, next ${s.nextRunAt.slice(0, 16).replace('T', ' ')} UTC` : '';
            const declared = s.origin === 'file' ? ' [digests.json]' : '';
            return `#${s.id} ${s.schedule} (${s.timezone})${filter ? ` about ${filter}` : ''}${declared}: ${state}${next}`;
          }),
        },
      ],
    };
  },
} satisfies CommandSpec<typeof options>;
