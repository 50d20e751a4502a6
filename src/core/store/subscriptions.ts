import type { DigestFilter } from '../digest/schedule.js';
import type { NewSubscription, Subscription } from '../ports.js';

/* What the SQLite and PostgreSQL subscription stores share: the row shape, its mapping and the insert values. */

/** A subscriptions row as either database returns it: SQLite gives ISO text, PostgreSQL gives Dates. */
export interface SubscriptionRow {
  id: number;
  platform: 'discord' | 'slack';
  channel_id: string;
  workspace_id: string | null;
  schedule: string;
  cron: string;
  timezone: string;
  filter: string;
  origin: 'chat' | 'file';
  created_by: string | null;
  created_at: string | Date;
  last_success_at: string | Date | null;
  watermark: number;
  failure_count: number;
  failure_reason: string | null;
  retry_at: string | Date | null;
}

function isoOrNull(value: string | Date | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/**
 * The values of a new subscriptions row, in the column order both stores insert:
 * platform, channel_id, workspace_id, schedule, cron, timezone, filter, origin, created_by, created_at, watermark.
 */
export function insertValues(sub: NewSubscription, now: Date, watermark: number) {
  return [
    sub.platform,
    sub.channelId,
    sub.workspaceId,
    sub.schedule,
    sub.cron,
    sub.timezone,
    filterKey(sub.filter),
    sub.origin,
    sub.createdBy,
    now.toISOString(),
    watermark,
  ] as const;
}

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    platform: row.platform,
    channelId: row.channel_id,
    workspaceId: row.workspace_id,
    schedule: row.schedule,
    cron: row.cron,
    timezone: row.timezone,
    filter: JSON.parse(row.filter) as DigestFilter,
    origin: row.origin,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    lastSuccessAt: isoOrNull(row.last_success_at),
    watermark: row.watermark,
    failureCount: row.failure_count,
    failureReason: row.failure_reason,
    retryAt: isoOrNull(row.retry_at),
  };
}

/** Canonical JSON of a filter, so equal filters compare equal in the UNIQUE constraint (both databases). */
export function filterKey(filter: DigestFilter): string {
  return JSON.stringify({ people: [...filter.people].sort(), keywords: [...filter.keywords].sort() });
}

/** How many delivered slots each subscription keeps, so isDone answers for recent slots and the table stays small. */
export const KEPT_DONE_SLOTS = 50;
