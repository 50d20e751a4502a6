import { z } from 'zod';
import { textReply } from '../src/core/reply.js';
import type { CommandContext, CommandSpec, OptionInfo } from './spec.js';

const KINDS = ['who', 'topic', 'source'] as const;
const NOT_IN_CHAT =
  'Alerts are posted into chat channels: run this in Discord or Slack (or a direct message with the bot).';
const EXAMPLES = 'Examples: /news follow who Rubio, /news follow topic tariffs, /news follow source BBC World';

const options = z
  .object({
    kind: z.enum(KINDS, { error: `Say what to follow: who, topic or source. ${EXAMPLES}` }),
    // typed on Slack and in the console: the rest of the line, which may end with ping:<group>
    target: z.string().trim().max(300).optional(),
    // Discord's subcommands name the target by kind
    name: z.string().trim().max(100).optional(),
    terms: z.string().trim().max(200).optional(),
    feed: z.string().trim().max(300).optional(),
    ping: z.string().trim().max(100).optional(),
  })
  .transform((input, ctx) => {
    let target = input.target ?? input.name ?? input.terms ?? input.feed ?? '';
    let ping = input.ping;
    const typed = /(?:^|\s)ping:(\S+)\s*$/i.exec(target);
    if (typed && ping === undefined) {
      ping = typed[1];
      target = target.slice(0, typed.index).trim();
    }
    if (target === '') {
      ctx.addIssue({ code: 'custom', path: ['target'], message: `Say whom or what to follow. ${EXAMPLES}` });
      return z.NEVER;
    }
    return { kind: input.kind, target, ping };
  });

const ping = (description: string): OptionInfo => ({ name: 'ping', description, type: 'role', required: false });
const PING = 'A role to mention in each alert (only that role is pinged)';

export const follow = {
  name: 'follow',
  description: 'Post each new quote by a person, or each new article on a topic or from a feed, in this channel',
  options,
  optionInfo: [
    { name: 'kind', description: 'who, topic or source', type: 'string', required: true },
    {
      name: 'target',
      description: 'A name, search words or a feed; end with ping:<user group> to mention a group',
      type: 'string',
      required: true,
      rest: true,
    },
  ],
  group: {
    option: 'kind',
    subcommands: [
      {
        name: 'who',
        description: 'Every new quote by this person or organisation, as it is ingested',
        optionInfo: [
          {
            name: 'name',
            description: 'A person or organisation, e.g. Rubio or "Home Office"',
            type: 'string',
            required: true,
            autocomplete: 'people',
          },
          ping(PING),
        ],
      },
      {
        name: 'topic',
        description: 'Every new article matching these words (as /news search finds them)',
        optionInfo: [
          { name: 'terms', description: 'Words to match, e.g. tariffs steel', type: 'string', required: true },
          ping(PING),
        ],
      },
      {
        name: 'source',
        description: 'Every new article of this feed or outlet',
        optionInfo: [
          { name: 'feed', description: 'A feed URL or name (see /news sources)', type: 'string', required: true },
          ping(PING),
        ],
      },
    ],
  },
  example: '/news follow who Rubio',
  permission: 'manage-channel',
  paged: false,
  async run(input, { follows, context }) {
    if (!follows || !context) return textReply('Follow', NOT_IN_CHAT, { isError: true });
    if (!context.canManageChannel) {
      return textReply('Follow', 'Only members who can manage this channel can add alerts to it.', {
        isError: true,
      });
    }
    const ping = input.ping === undefined ? null : pingId(input.ping, context);
    if (ping === undefined) {
      const how =
        context.platform === 'discord'
          ? 'Pick a role for ping (not @everyone).'
          : 'Give a user group as ping:<!subteam^S0123ABCD> or ping:S0123ABCD (its id, from the group’s page).';
      return textReply(
        'Follow',
        `That ping is not a ${context.platform === 'discord' ? 'role' : 'user group'}. ${how}`,
        {
          isError: true,
        },
      );
    }
    const result = await follows.follow(
      {
        platform: context.platform,
        channelId: context.channelId,
        workspaceId: context.workspaceId ?? null,
        userId: context.userId,
      },
      { kind: input.kind, target: input.target, ping },
    );
    if (!result.ok) return textReply('Follow', result.reason, { isError: true });
    const { follow: made, created } = result;
    const what =
      made.kind === 'who'
        ? `every new quote by ${made.label}`
        : made.kind === 'topic'
          ? `every new article about "${made.label}"`
          : `every new article from ${made.label}`;
    const pinged = made.ping ? ', mentioning the chosen group' : '';
    return textReply(
      created ? 'Following' : 'Already following',
      `${created ? 'This channel will get' : 'This channel already gets'} ${what}${pinged} — follow #${made.id}. See /news following; stop with /news unfollow ${made.id}.`,
    );
  },
} satisfies CommandSpec<typeof options>;

/** The id to mention: a Discord role id, or a Slack user group id (typed bare or as Slack writes a mention). */
function pingId(value: string, context: CommandContext): string | undefined {
  if (context.platform === 'discord') {
    const id = /^<@&(\d+)>$/.exec(value)?.[1] ?? value;
    // the @everyone role has the server's id: a ping must name one role, never everyone
    return /^\d{5,25}$/.test(id) && id !== context.guildId ? id : undefined;
  }
  const id = /^<!subteam\^([A-Z0-9]+)(?:\|[^>]*)?>$/.exec(value)?.[1] ?? value;
  return /^S[A-Z0-9]{2,20}$/.test(id) ? id : undefined;
}
