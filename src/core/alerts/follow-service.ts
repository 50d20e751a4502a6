import type { NewsService } from '../news-service.js';
import { normalizeName, stripTitles } from '../nlp/names.js';
import type { Clock, DigestArticles, Follow, FollowKind, FollowStore, SourceAdmin } from '../ports.js';
import { normalizeQuery } from '../query.js';

/** The channel a follow command was run in, and who ran it. */
export interface FollowingChannel {
  platform: 'discord' | 'slack';
  channelId: string;
  /** the Slack workspace (team id) where one deployment serves several; null elsewhere */
  workspaceId: string | null;
  userId: string;
}

export interface FollowRequest {
  kind: FollowKind;
  /** a name, search terms, or a feed URL or name, as typed */
  target: string;
  ping: string | null;
}

export type FollowResult = { ok: true; follow: Follow; created: boolean } | { ok: false; reason: string };

/** What the follow / following / unfollow commands use. */
export interface FollowService {
  follow(channel: FollowingChannel, request: FollowRequest): Promise<FollowResult>;
  /** Remove the channel's follows numbered `ref` or named `ref` (their label or target); returns those removed. */
  unfollow(channel: { platform: string; channelId: string }, ref: string): Promise<Follow[]>;
  list(channel: { platform: string; channelId: string }): Promise<Follow[]>;
}

/** The target of an outlet follow (a `source` that is no polled feed: the article's own source line). */
export const OUTLET_PREFIX = 'outlet:';

/**
 * Follows as the commands see them. A follow starts at the newest stored article, so only what arrives after it
 * is alerted (never the backlog, never an old article analysed again). Names are resolved to the person the store
 * knows best under them ("Rubio" -> Marco Rubio), or kept as typed for someone not quoted yet.
 */
export function createFollowService(deps: {
  store: FollowStore;
  articles: Pick<DigestArticles, 'maxSeq'>;
  news: NewsService;
  clock: Clock;
  sources?: SourceAdmin | undefined;
}): FollowService {
  const resolve = async (request: FollowRequest): Promise<{ target: string; label: string } | { reason: string }> => {
    const typed = normalizeQuery(request.target).trim();
    switch (request.kind) {
      case 'who': {
        const result = await deps.news.who(typed, { quoteLimit: 0, articleLimit: 0 });
        const best = result.matches[0];
        if (best) return { target: normalizeName(best.name), label: best.name };
        const key = normalizeName(stripTitles(typed));
        return key ? { target: key, label: typed } : { reason: 'Give a name, for example: /news follow who Rubio' };
      }
      case 'topic': {
        const words = typed.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
        if (words.length === 0) return { reason: 'Give words to follow, for example: /news follow topic tariffs' };
        return { target: words.join(' '), label: typed };
      }
      case 'source': {
        const wanted = typed.toLowerCase().replace(/\/+$/, '');
        const feeds = (await deps.sources?.list()) ?? [];
        const feed = feeds.find(
          (f) =>
            f.url.toLowerCase().replace(/\/+$/, '') === wanted ||
            f.name?.toLowerCase() === wanted ||
            f.feedTitle?.toLowerCase() === wanted,
        );
        if (feed) return { target: feed.url, label: feed.name ?? feed.feedTitle ?? feed.url };
        if (/^https?:\/\//i.test(typed)) {
          return { reason: `${typed} is not a feed newsdesk polls. Add it first with /news source add ${typed}` };
        }
        if (!wanted) return { reason: 'Give a feed URL or name, for example: /news follow source BBC World' };
        // no feed by that name: the outlet articles name as their source (files as well as feeds)
        return { target: `${OUTLET_PREFIX}${wanted}`, label: typed };
      }
    }
  };
  return {
    async follow(channel, request) {
      const resolved = await resolve(request);
      if ('reason' in resolved) return { ok: false, reason: resolved.reason };
      const result = await deps.store.add(
        {
          platform: channel.platform,
          channelId: channel.channelId,
          workspaceId: channel.workspaceId,
          kind: request.kind,
          target: resolved.target,
          label: resolved.label,
          ping: request.ping,
          createdBy: channel.userId,
        },
        deps.clock.now(),
        await deps.articles.maxSeq(),
      );
      return { ok: true, ...result };
    },
    async unfollow(channel, ref) {
      const mine = await deps.store.forChannel(channel.platform, channel.channelId);
      const wanted = normalizeQuery(ref).trim().replace(/^#/, '').toLowerCase();
      const chosen = /^\d+$/.test(wanted)
        ? mine.filter((f) => f.id === Number(wanted))
        : mine.filter((f) => f.label.toLowerCase() === wanted || f.target.toLowerCase() === wanted);
      const removed: Follow[] = [];
      for (const follow of chosen) if (await deps.store.remove(follow.id)) removed.push(follow);
      return removed;
    },
    list: (channel) => deps.store.forChannel(channel.platform, channel.channelId),
  };
}
