import type { Clock, DigestArticles, Subscription, SubscriptionStore } from '../ports.js';
import { nextSlot, type ParsedSchedule } from './schedule.js';

export interface SubscriptionView extends Subscription {
  nextRunAt: string | null;
}

/** The channel a subscription command was run in, and who ran it. */
export interface SubscribingChannel {
  platform: 'discord' | 'slack';
  channelId: string;
  /** the Slack workspace (team id) where one deployment serves several; null elsewhere */
  workspaceId: string | null;
  userId: string;
}

/** What the subscribe / unsubscribe / subscriptions commands use. */
export interface SubscriptionService {
  readonly defaultTimezone: string;
  subscribe(
    channel: SubscribingChannel,
    schedule: ParsedSchedule,
  ): Promise<{ subscription: SubscriptionView; created: boolean }>;
  /** Remove the channel's chat subscriptions (all, or the one numbered `id`); returns the ones removed. */
  unsubscribe(channel: { platform: string; channelId: string }, id?: number): Promise<Subscription[]>;
  list(channel: { platform: string; channelId: string }): Promise<SubscriptionView[]>;
}

export function createSubscriptionService(deps: {
  store: SubscriptionStore;
  articles: DigestArticles;
  clock: Clock;
  defaultTimezone: string;
}): SubscriptionService {
  const view = (sub: Subscription): SubscriptionView => ({
    ...sub,
    nextRunAt: nextSlot(sub.cron, sub.timezone, deps.clock.now())?.toISOString() ?? null,
  });
  return {
    defaultTimezone: deps.defaultTimezone,
    async subscribe(channel, schedule) {
      // a new subscription starts from what is already stored: the first digest brings what is new
      const result = await deps.store.add(
        {
          platform: channel.platform,
          channelId: channel.channelId,
          workspaceId: channel.workspaceId,
          ...schedule,
          origin: 'chat',
          createdBy: channel.userId,
        },
        deps.clock.now(),
        await deps.articles.maxSeq(),
      );
      return { subscription: view(result.subscription), created: result.created };
    },
    async unsubscribe(channel, id) {
      const mine = await deps.store.forChannel(channel.platform, channel.channelId);
      const chosen = mine.filter((s) => s.origin === 'chat' && (id === undefined || s.id === id));
      const removed: Subscription[] = [];
      for (const sub of chosen) {
        if (await deps.store.remove(sub.id)) removed.push(sub);
      }
      return removed;
    },
    list: async (channel) => (await deps.store.forChannel(channel.platform, channel.channelId)).map(view),
  };
}
