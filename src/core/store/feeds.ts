import type { FeedSourceRecord, FeedStory, SourceOrigin } from '../ports.js';

/* What the SQLite and PostgreSQL feed stores share. */

/** How many stories {@link FeedStore.storiesByTitle} returns by default. */
export const TITLE_CANDIDATES = 20;

/** The origin a re-declared source keeps: a file declaration wins over chat. */
export function mergedOrigin(existing: SourceOrigin, incoming: SourceOrigin): SourceOrigin {
  return existing === 'file' || incoming === 'file' ? 'file' : 'chat';
}

/** A feed_sources row with its item count, as both stores read it (flags as booleans, times as ISO strings). */
export interface SourceRow {
  url: string;
  name: string | null;
  feed_title: string | null;
  interval_minutes: number;
  origin: SourceOrigin;
  added_by: string | null;
  added_at: string;
  etag: string | null;
  last_modified: string | null;
  baselined: boolean;
  last_polled_at: string | null;
  last_success_at: string | null;
  next_poll_at: string | null;
  failure_count: number;
  failure_reason: string | null;
  failing: boolean;
  page_failures: number;
  item_count: number;
}

export interface StoryRow {
  origin: string;
  article_id: string;
  title_key: string;
  shingles: number[];
}

export function toSource(row: SourceRow): FeedSourceRecord {
  return {
    url: row.url,
    name: row.name,
    feedTitle: row.feed_title,
    intervalMinutes: row.interval_minutes,
    origin: row.origin,
    addedBy: row.added_by,
    addedAt: row.added_at,
    etag: row.etag,
    lastModified: row.last_modified,
    baselined: row.baselined,
    lastPolledAt: row.last_polled_at,
    lastSuccessAt: row.last_success_at,
    nextPollAt: row.next_poll_at,
    failureCount: row.failure_count,
    failureReason: row.failure_reason,
    failing: row.failing,
    pageFailures: row.page_failures,
    itemCount: row.item_count,
  };
}

export function toStory(row: StoryRow): FeedStory {
  return { origin: row.origin, articleId: row.article_id, titleKey: row.title_key, shingles: row.shingles };
}
