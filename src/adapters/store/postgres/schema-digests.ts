/**
 * PostgreSQL tables for digest subscriptions, their per-slot delivery claims and the generic work
 * claims (article files, feed items). Times are TIMESTAMPTZ; the stores return them as ISO 8601 strings.
 */
export const DIGEST_TABLES = `
CREATE TABLE subscriptions (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  platform TEXT NOT NULL CHECK (platform IN ('discord', 'slack')),
  channel_id TEXT NOT NULL,
  -- the Slack workspace the channel belongs to, where one deployment serves several
  workspace_id TEXT,
  -- the schedule as the user typed it, and the cron expression it stands for
  schedule TEXT NOT NULL,
  cron TEXT NOT NULL,
  timezone TEXT NOT NULL,
  -- canonical JSON (sorted lists), so equal filters compare equal in the unique constraint
  filter TEXT NOT NULL,
  -- 'chat' (made with /news subscribe) or 'file' (declared in digests.json)
  origin TEXT NOT NULL CHECK (origin IN ('chat', 'file')),
  created_by TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  -- the last digest delivered, and the newest article (seq) it covered
  last_success_at TIMESTAMPTZ,
  watermark BIGINT NOT NULL DEFAULT 0,
  failure_count INTEGER NOT NULL DEFAULT 0,
  failure_reason TEXT,
  retry_at TIMESTAMPTZ,
  UNIQUE (platform, channel_id, cron, timezone, filter)
);

-- one row per (subscription, slot): claimed before posting, done after, so a slot is posted once
-- by whichever process claims it first
CREATE TABLE digest_slots (
  subscription_id BIGINT NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
  slot TIMESTAMPTZ NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('claimed', 'done')),
  claimed_by TEXT NOT NULL,
  claimed_at TIMESTAMPTZ NOT NULL,
  watermark_to BIGINT NOT NULL,
  message_id TEXT,
  PRIMARY KEY (subscription_id, slot)
);

-- work units (article files, feed items) claimed by one process of several sharing the database
CREATE TABLE work_claims (
  key TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  claimed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX work_claims_by_owner ON work_claims (owner);
`;
