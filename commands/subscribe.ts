import { z } from 'zod';
import { describeFilter, parseSchedule, SCHEDULE_EXAMPLES } from '../src/core/digest/schedule.js';
import { textReply } from '../src/core/reply.js';
import type { CommandSpec } from './spec.js';
import { tokenize } from './tokenize.js';

const options = z.object({
  schedule: z.string().trim().min(1, `Give a schedule. ${SCHEDULE_EXAMPLES}`).max(200),
  timezone: z.string().trim().max(64).optional(),
  filter: z.string().trim().max(200).optional(),
});

export const subscribe = {
  name: 'subscribe',
  description: 'Post a digest of new articles in this channel on a schedule',
  options,
  optionInfo: [
    {
      name: 'schedule',
      description: 'daily 08:00, weekdays 18:30, hourly, weekly mon 09:00, or cron',
      type: 'string',
      required: true,
      rest: true,
    },
    { name: 'timezone', description: 'IANA timezone, e.g. Europe/Berlin', type: 'string', required: false },
    { name: 'filter', description: 'Only articles about: who:Rubio and/or keywords', type: 'string', required: false },
  ],
  example: '/news subscribe weekdays 08:00 Europe/Berlin who:Rubio',
  permission: 'manage-channel',
  paged: false,
  async run(input, { subscriptions, context }) {
    if (!subscriptions || !context) {
      return textReply('Subscribe', 'Digests are delivered to chat channels: run this in Discord or Slack.', {
        isError: true,
      });
    }
    if (!context.canManageChannel) {
      return textReply('Subscribe', 'Only members who can manage this channel can change its digests.', {
        isError: true,
      });
    }
    const parsed = parseSchedule(tokenize(input.schedule), {
      defaultTimezone: subscriptions.defaultTimezone,
      timezone: input.timezone,
      filter: input.filter,
    });
    if (!parsed.ok) return textReply('Subscribe', parsed.error, { isError: true });
    const { subscription, created } = await subscriptions.subscribe(
      {
        platform: context.platform,
        channelId: context.channelId,
        workspaceId: context.workspaceId ?? null,
        userId: context.userId,
      },
      parsed.value,
    );
    const filter = describeFilter(subscription.filter);
    const next = subscription.nextRunAt
      ? ` Next digest: ${subscription.nextRunAt.slice(0, 16).replace('T', ' ')} UTC.`
      : '';
    return textReply(
      'Subscribed',
      `${created ? 'This channel will get' : 'This channel already gets'} a digest ${subscription.schedule} (${subscription.timezone})${filter ? ` about ${filter}` : ''} — subscription #${subscription.id}.${next}`,
    );
  },
} satisfies CommandSpec<typeof options>;
