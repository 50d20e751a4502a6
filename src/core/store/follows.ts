import type { Follow, FollowKind, NewFollow } from '../ports.js';

/* What the SQLite and PostgreSQL follow stores share: the row shape and its mapping. */

/** A follows row as either database returns it (times as ISO text or Dates). */
export interface FollowRow {
  id: number;
  platform: 'discord' | 'slack';
  channel_id: string;
  workspace_id: string | null;
  kind: FollowKind;
  target: string;
  label: string;
  ping: string | null;
  created_by: string | null;
  created_at: string | Date;
  watermark: number;
  last_success_at: string | Date | null;
  last_posted_at: string | Date | null;
  failure_count: number;
  failure_reason: string | null;
  retry_at: string | Date | null;
}

function isoOrNull(value: string | Date | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/**
 * The values of a new follows row, in the order both stores insert: platform, channel_id, workspace_id, kind,
 * target, label, ping, created_by, created_at, watermark.
 */
export function followValues(follow: NewFollow, now: Date, watermark: number) {
  return [
    follow.platform,
    follow.channelId,
    follow.workspaceId,
    follow.kind,
    follow.target,
    follow.label,
    follow.ping,
    follow.createdBy,
    now.toISOString(),
    watermark,
  ] as const;
}

export function toFollow(row: FollowRow): Follow {
  return {
    id: Number(row.id),
    platform: row.platform,
    channelId: row.channel_id,
    workspaceId: row.workspace_id,
    kind: row.kind,
    target: row.target,
    label: row.label,
    ping: row.ping,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    watermark: Number(row.watermark),
    lastSuccessAt: isoOrNull(row.last_success_at),
    lastPostedAt: isoOrNull(row.last_posted_at),
    failureCount: row.failure_count,
    failureReason: row.failure_reason,
    retryAt: isoOrNull(row.retry_at),
  };
}

/** How many done deliveries each follow keeps (a late process finds its delivery done, not free). */
export const KEPT_DONE_DELIVERIES = 50;
