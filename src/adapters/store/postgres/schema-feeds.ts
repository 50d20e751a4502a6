/**
 * PostgreSQL tables for feed polling: sources with their HTTP validators and failures, the items
 * each source has shown, and the stories written from feeds. Times are TIMESTAMPTZ; the store
 * returns them as ISO 8601 strings, the same shapes as the SQLite tables.
 */
export const FEED_TABLES = `
-- feed sources: from sources.json ('file') or added in chat ('chat'), with polling state
CREATE TABLE feed_sources (
  url TEXT PRIMARY KEY,
  name TEXT,
  interval_minutes INTEGER NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('file', 'chat')),
  added_by TEXT,
  added_at TIMESTAMPTZ NOT NULL,
  -- the feed's own title, shown when no name is configured
  feed_title TEXT,
  etag TEXT,
  last_modified TEXT,
  -- true once the first poll recorded the feed's backlog
  baselined BOOLEAN NOT NULL DEFAULT false,
  last_polled_at TIMESTAMPTZ,
  last_success_at TIMESTAMPTZ,
  next_poll_at TIMESTAMPTZ,
  failure_count INTEGER NOT NULL DEFAULT 0,
  failure_reason TEXT,
  failing BOOLEAN NOT NULL DEFAULT false,
  page_failures INTEGER NOT NULL DEFAULT 0
);

-- every item a source has shown, so a restart neither re-ingests nor misses items
CREATE TABLE feed_items (
  source_url TEXT NOT NULL REFERENCES feed_sources (url) ON DELETE CASCADE,
  item_id TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  -- the story (article origin) the item was stored as; null for backlog items never ingested
  story TEXT,
  first_seen_at TIMESTAMPTZ NOT NULL,
  last_seen_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (source_url, item_id)
);
CREATE INDEX feed_items_by_story ON feed_items (story);

-- one row per article origin written from feeds, for cross-feed duplicate detection
CREATE TABLE feed_stories (
  origin TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  title_key TEXT NOT NULL,
  -- word-shingle hashes of the text, sorted
  shingles JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX feed_stories_by_title ON feed_stories (title_key, created_at DESC);
CREATE INDEX feed_stories_by_article ON feed_stories (article_id);
`;
