import type { ArticleStore, Clock } from '../ports.js';
import { nextSlot, type ParsedSchedule } from './schedule.js';
import type { Subscription, SubscriptionStore } from './subscription-store.js';

export interface SubscriptionView extends Subscription {
  nextRunAt: string | null;
}

/** What the subscribe / unsubscribe / subscriptions commands use. */
export interface SubscriptionService {
  readonly defaultTimezone: string;
  subscribe(
    channel: { platform: 'discord' | 'slack'; channelId: string; userId: string },
    schedule: ParsedSchedule,
  ): { subscription: SubscriptionView; created: boolean };
  unsubscribe(channel: { platform: string; channelId: string }, id?: number): Subscription[];
  list(channel: { platform: string; channelId: string }): SubscriptionView[];
}

export function createSubscriptionService(deps: {
  store: SubscriptionStore;
  articles: ArticleStore;
  clock: Clock;
  defaultTimezone: string;
}): SubscriptionService {
  const view = (sub: Subscription): SubscriptionView => ({
    ...sub,
    nextRunAt: nextSlot(sub.cron, sub.timezone, deps.clock.now())?.toISOString() ?? null,
  });
  return {
    defaultTimezone: deps.defaultTimezone,
    subscribe(channel, schedule) {
      // a new subscription starts from what is already stored: the first digest brings what is new
      const result = deps.store.add(
        { ...channel, ...schedule, origin: 'chat', createdBy: channel.userId },
        deps.clock.now(),
        deps.articles.maxSeq(),
      );
      return { subscription: view(result.subscription), created: result.created };
    },
    unsubscribe(channel, id) {
      const mine = deps.store.forChannel(channel.platform, channel.channelId);
      const chosen = id === undefined ? mine.filter((s) => s.origin === 'chat') : mine.filter((s) => s.id === id);
      return chosen.filter((s) => s.origin === 'chat' && deps.store.remove(s.id));
    },
    list: (channel) => deps.store.forChannel(channel.platform, channel.channelId).map(view),
  };
}
