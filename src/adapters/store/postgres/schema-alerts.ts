/**
 * PostgreSQL tables for quote search (by words and by speaker) and for live alerts: what channels follow and
 * the claims on each delivery. The existing attributed quotes enter the index here; their words are lowercased
 * by to_tsvector but keep their accents (the store folds accents of the quotes it writes from now on).
 */
export const ALERT_TABLES = `
-- attributed quotes by their words and their paragraph's, and by speaker; rows go with their quote
CREATE TABLE quote_search (
  article_id TEXT COLLATE "C" NOT NULL,
  position INTEGER NOT NULL,
  -- the article's arrival order: newest first is seq order
  seq BIGINT NOT NULL,
  person_key TEXT COLLATE "C" NOT NULL,
  search TSVECTOR NOT NULL,
  PRIMARY KEY (article_id, position),
  FOREIGN KEY (article_id, position) REFERENCES quotes (article_id, position) ON DELETE CASCADE
);
CREATE INDEX quote_search_words ON quote_search USING GIN (search) WITH (gin_pending_list_limit = 256);
CREATE INDEX quote_search_by_person ON quote_search (person_key, seq DESC, position);
INSERT INTO quote_search (article_id, position, seq, person_key, search)
SELECT q.article_id, q.position, a.seq, q.person_key,
  to_tsvector('simple', CASE WHEN strpos(coalesce(p.text, ''), q.text) > 0 THEN p.text
    ELSE q.text || ' ' || coalesce(p.text, '') END)
FROM quotes q JOIN articles a ON a.id = q.article_id
LEFT JOIN LATERAL (SELECT a.paragraphs -> ((a.analysis -> 'quotes' -> q.position ->> 'paragraphIndex')::int) ->> 'text' AS text) p
  ON true
WHERE q.person_key IS NOT NULL;

-- what a channel follows (a speaker, a topic, a feed), with its delivery state
CREATE TABLE follows (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  platform TEXT NOT NULL CHECK (platform IN ('discord', 'slack')),
  channel_id TEXT NOT NULL,
  workspace_id TEXT,
  -- what is matched: a name key ('who'), search terms ('topic'), a feed URL or outlet name ('source')
  kind TEXT NOT NULL CHECK (kind IN ('who', 'topic', 'source')),
  target TEXT NOT NULL,
  label TEXT NOT NULL,
  -- a Discord role id or Slack user group id mentioned in each alert
  ping TEXT,
  created_by TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  -- the newest article (seq) already delivered or passed over; alerts are for articles after it
  watermark BIGINT NOT NULL,
  last_success_at TIMESTAMPTZ,
  last_posted_at TIMESTAMPTZ,
  failure_count INTEGER NOT NULL DEFAULT 0,
  failure_reason TEXT,
  retry_at TIMESTAMPTZ,
  UNIQUE (platform, channel_id, kind, target)
);

-- one row per delivery of a follow (the articles after from_seq, up to to_seq): claimed before posting and done
-- after, so of several processes one posts it
CREATE TABLE follow_deliveries (
  follow_id BIGINT NOT NULL REFERENCES follows (id) ON DELETE CASCADE,
  from_seq BIGINT NOT NULL,
  to_seq BIGINT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('claimed', 'done')),
  claimed_by TEXT NOT NULL,
  claimed_at TIMESTAMPTZ NOT NULL,
  message_id TEXT,
  PRIMARY KEY (follow_id, from_seq)
);
`;
