import type { Migration } from '../migration.js';

/**
 * The SQLite schema, in order; `user_version` records the last version applied. Append new steps (and
 * the same change to PG_MIGRATIONS); never edit one that has shipped.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, people and quotes',
    sql: `
  CREATE TABLE files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ms REAL NOT NULL,
    hash TEXT NOT NULL
  );

  CREATE TABLE articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    url TEXT,
    source TEXT,
    author TEXT,
    published_at TEXT,
    published_approx INTEGER NOT NULL DEFAULT 0,
    dateline TEXT,
    caption TEXT,
    highlights TEXT NOT NULL,
    paragraphs TEXT NOT NULL,
    summary TEXT NOT NULL,
    short TEXT NOT NULL,
    summary_method TEXT NOT NULL,
    -- people and quotes as analysed, JSON
    analysis TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    -- newest first: the publication time where known, else the arrival time
    sort_key TEXT NOT NULL
  );
  CREATE INDEX articles_by_sort ON articles (sort_key DESC, id DESC);
  CREATE INDEX articles_by_ingest ON articles (ingested_at, seq);

  CREATE TABLE article_origins (
    origin TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (origin, article_id)
  ) WITHOUT ROWID;
  CREATE INDEX article_origins_by_article ON article_origins (article_id);

  -- contentless: the text lives in articles.paragraphs; the index alone is written twice less
  CREATE VIRTUAL TABLE article_fts USING fts5 (
    title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  );

  -- one row per (person, article); how the article presents them is in articles.analysis
  CREATE TABLE person_mentions (
    person_key TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    -- the article's sort key, so a person's newest articles come straight off an index
    sort_key TEXT NOT NULL,
    PRIMARY KEY (person_key, article_id)
  ) WITHOUT ROWID;
  CREATE INDEX person_mentions_by_article ON person_mentions (article_id);
  CREATE INDEX person_mentions_by_recent ON person_mentions (person_key, sort_key DESC);

  -- every normalised form a person can be looked up by (full name, surname, aliases), once per person
  CREATE TABLE person_keys (
    name_key TEXT NOT NULL,
    person_key TEXT NOT NULL,
    PRIMARY KEY (name_key, person_key)
  ) WITHOUT ROWID;
  CREATE INDEX person_keys_by_person ON person_keys (person_key);

  -- totals kept current in the same transactions as the rows they count (count(*) scans whole tables)
  CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO counters (name, value) VALUES ('articles', 0), ('people', 0), ('quotes', 0);

  -- aggregate per person, kept current on every write, for fast autocomplete
  CREATE TABLE persons (
    person_key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    roles TEXT NOT NULL,
    aliases TEXT NOT NULL,
    article_count INTEGER NOT NULL,
    -- direct and partial quotes; reported speech counted apart
    quote_count INTEGER NOT NULL,
    reported_count INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    person_key TEXT,
    speaker TEXT,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    score REAL NOT NULL,
    -- copied from the quote kind and the article, so a person's quotes page straight off the index
    kind_rank INTEGER NOT NULL,
    sort_key TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
  ) WITHOUT ROWID;
  CREATE INDEX quotes_by_person ON quotes (person_key, kind_rank, sort_key DESC, article_id, position);
  `,
  },
  {
    version: 2,
    name: 'digest subscriptions and slot claims',
    sql: `
  CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    -- the schedule as the user typed it, and the cron expression it stands for
    schedule TEXT NOT NULL,
    cron TEXT NOT NULL,
    timezone TEXT NOT NULL,
    filter TEXT NOT NULL,
    -- 'chat' (made with /news subscribe) or 'file' (declared in digests.json)
    origin TEXT NOT NULL,
    created_by TEXT,
    created_at TEXT NOT NULL,
    -- the last digest delivered, and the newest article (seq) it covered
    last_success_at TEXT,
    watermark INTEGER NOT NULL DEFAULT 0,
    failure_count INTEGER NOT NULL DEFAULT 0,
    failure_reason TEXT,
    retry_at TEXT,
    UNIQUE (platform, channel_id, cron, timezone, filter)
  );

  -- one row per (subscription, slot): claimed before posting, done after, so a slot is posted once
  CREATE TABLE digest_slots (
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    slot TEXT NOT NULL,
    state TEXT NOT NULL,
    claimed_by TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    watermark_to INTEGER NOT NULL,
    message_id TEXT,
    PRIMARY KEY (subscription_id, slot)
  );
  `,
  },
  {
    version: 3,
    name: 'feed sources, items and stories',
    sql: `
  -- feed sources: from sources.json ('file') or added in chat ('chat'), with polling state
  CREATE TABLE feed_sources (
    url TEXT PRIMARY KEY,
    name TEXT,
    interval_minutes INTEGER NOT NULL,
    origin TEXT NOT NULL,
    added_by TEXT,
    added_at TEXT NOT NULL,
    -- the feed's own title, shown when no name is configured
    feed_title TEXT,
    etag TEXT,
    last_modified TEXT,
    -- 1 once the first poll recorded the feed's backlog
    baselined INTEGER NOT NULL DEFAULT 0,
    last_polled_at TEXT,
    last_success_at TEXT,
    next_poll_at TEXT,
    failure_count INTEGER NOT NULL DEFAULT 0,
    failure_reason TEXT,
    failing INTEGER NOT NULL DEFAULT 0,
    page_failures INTEGER NOT NULL DEFAULT 0
  );

  -- every item a source has shown, so a restart neither re-ingests nor misses items
  CREATE TABLE feed_items (
    source_url TEXT NOT NULL REFERENCES feed_sources (url) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    -- the story (article origin) the item was stored as; null for backlog items never ingested
    story TEXT,
    first_seen_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    PRIMARY KEY (source_url, item_id)
  );
  CREATE INDEX feed_items_by_story ON feed_items (story);

  -- one row per article origin written from feeds, for cross-feed duplicate detection
  CREATE TABLE feed_stories (
    origin TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    title_key TEXT NOT NULL,
    -- JSON array of word-shingle hashes of the text
    shingles TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX feed_stories_by_title ON feed_stories (title_key);
  CREATE INDEX feed_stories_by_article ON feed_stories (article_id);
  `,
  },
  {
    version: 4,
    name: 'work claims, chat platform installations, subscription workspaces',
    sql: `
  -- work units (article files, feed items) claimed by one process of several sharing the database
  CREATE TABLE work_claims (
    key TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    claimed_at TEXT NOT NULL
  );
  CREATE INDEX work_claims_by_owner ON work_claims (owner);

  -- Slack workspaces that installed the app through OAuth
  CREATE TABLE installations (
    platform TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    enterprise_id TEXT,
    data TEXT NOT NULL,
    installed_at TEXT NOT NULL,
    PRIMARY KEY (platform, workspace_id)
  );

  -- the Slack workspace a subscription's channel belongs to, where one deployment serves several
  ALTER TABLE subscriptions ADD COLUMN workspace_id TEXT;
  `,
  },
  {
    version: 5,
    name: 'quote offsets named text_start and text_end',
    sql: `
  -- the quote offsets named as in PostgreSQL, so both stores read one row shape
  ALTER TABLE quotes RENAME COLUMN start TO text_start;
  ALTER TABLE quotes RENAME COLUMN "end" TO text_end;
  `,
  },
  {
    version: 6,
    name: 'analysis versions, organisations among speakers, role uses',
    sql: `
  -- the analysis that wrote each article's people and quotes; older ones are re-analysed at start-up
  ALTER TABLE articles ADD COLUMN analysis_version INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX articles_by_analysis ON articles (analysis_version, seq);

  -- a speaker is a person or an organisation ("the Home Office said")
  ALTER TABLE persons ADD COLUMN kind TEXT NOT NULL DEFAULT 'person';
  -- JSON array of {text, weight, last}: how much and how lately each role is given, to rank the roles
  ALTER TABLE persons ADD COLUMN role_uses TEXT NOT NULL DEFAULT '[]';
  UPDATE persons SET role_uses = (
    SELECT json_group_array(json_object('text', value, 'weight', 1, 'last', '')) FROM json_each(persons.roles)
  );
  `,
  },
  {
    version: 7,
    name: 'quote search index, channel follows and their deliveries',
    sql: `
  -- attributed quotes by their words and their paragraph's, and by speaker; rowid = article seq * 512 + position
  CREATE VIRTUAL TABLE quote_fts USING fts5 (
    body, speaker, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  );
  INSERT INTO quote_fts (rowid, body, speaker)
    SELECT seq * 512 + position,
      CASE WHEN instr(coalesce(paragraph, ''), text) > 0 THEN paragraph ELSE text || char(10) || coalesce(paragraph, '') END,
      'qqs ' || person_key || ' qqe'
    FROM (SELECT seq, position, text, person_key,
        CASE WHEN pi IS NULL THEN NULL ELSE json_extract(paragraphs, '$[' || pi || '].text') END AS paragraph
      FROM (SELECT a.seq, q.position, q.text, q.person_key, a.paragraphs,
          json_extract(a.analysis, '$.quotes[' || q.position || '].paragraphIndex') AS pi
        FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.person_key IS NOT NULL));

  -- what a channel follows (a speaker, a topic, a feed), with its delivery state
  CREATE TABLE follows (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    workspace_id TEXT,
    -- 'who', 'topic' or 'source'; target is what is matched (a name key, search terms, a feed URL or outlet)
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    label TEXT NOT NULL,
    -- a Discord role id or Slack user group id mentioned in each alert
    ping TEXT,
    created_by TEXT,
    created_at TEXT NOT NULL,
    -- the newest article (seq) already delivered or passed over; alerts are for articles after it
    watermark INTEGER NOT NULL,
    last_success_at TEXT,
    last_posted_at TEXT,
    failure_count INTEGER NOT NULL DEFAULT 0,
    failure_reason TEXT,
    retry_at TEXT,
    UNIQUE (platform, channel_id, kind, target)
  );

  -- one row per delivery of a follow (the articles after from_seq, up to to_seq): claimed before posting and
  -- done after, so of several processes one posts it
  CREATE TABLE follow_deliveries (
    follow_id INTEGER NOT NULL REFERENCES follows (id) ON DELETE CASCADE,
    from_seq INTEGER NOT NULL,
    to_seq INTEGER NOT NULL,
    state TEXT NOT NULL,
    claimed_by TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    message_id TEXT,
    PRIMARY KEY (follow_id, from_seq)
  );
  `,
  },
  {
    version: 8,
    name: 'stories',
    sql: `
  -- one row per story: its bounded centroid as JSON (keys and base64 weights: src/core/stories/centroid-codec.ts), times in ms (null: none known)
  CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    first_time INTEGER,
    last_time INTEGER,
    -- stream position (articles clustered before) of its latest article
    last_seq INTEGER NOT NULL,
    norm REAL NOT NULL,
    centroid TEXT NOT NULL,
    -- the newest member's sort key: stories list newest activity first
    sort_key TEXT NOT NULL
  );
  CREATE INDEX stories_by_sort ON stories (sort_key DESC, id DESC);
  CREATE INDEX stories_by_last_seq ON stories (last_seq);
  CREATE INDEX stories_by_last_time ON stories (last_time);

  -- the story of each article, written when it is clustered (in arrival order)
  CREATE TABLE article_stories (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    score REAL NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX article_stories_by_story ON article_stories (story_id, seq);

  -- document frequency of each story feature key over the articles clustered
  CREATE TABLE story_df (
    term TEXT PRIMARY KEY,
    df INTEGER NOT NULL
  ) WITHOUT ROWID;

  -- articles clustered (the stream position), the article seq clustered up to, and stories: a store of an older release
  -- starts at 0 and is clustered by the background re-analysis
  INSERT INTO counters (name, value) VALUES ('stories_clustered', 0), ('stories_watermark', 0), ('stories', 0);
  `,
  },
  {
    version: 9,
    name: 'pending story document frequencies',
    sql: `
  -- document frequency increments not yet in story_df: one row per clustered batch, added to story_df (each key once)
  -- every so many articles
  CREATE TABLE story_df_pending (
    -- articles clustered after the batch
    clustered INTEGER PRIMARY KEY,
    -- JSON object: key -> increment
    counts TEXT NOT NULL
  );

  -- articles clustered when story_df last took the pending increments (a store before this step has none pending)
  INSERT INTO counters (name, value)
    SELECT 'stories_df_folded', value FROM counters WHERE name = 'stories_clustered';
  `,
  },
  {
    version: 10,
    name: 'person mentions keyed by article',
    sql: `
  -- keyed by article, the table is also the index of an article's mentions: each write goes into two trees, not three,
  -- and an article's mentions share a page where keyed by person they were spread over as many (same rows and queries)
  CREATE TABLE person_mentions_by_article_key (
    person_key TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    -- the article's sort key, so a person's newest articles come straight off an index
    sort_key TEXT NOT NULL,
    PRIMARY KEY (article_id, person_key)
  ) WITHOUT ROWID;
  INSERT INTO person_mentions_by_article_key (person_key, article_id, sort_key)
    SELECT person_key, article_id, sort_key FROM person_mentions ORDER BY article_id, person_key;
  DROP TABLE person_mentions;
  ALTER TABLE person_mentions_by_article_key RENAME TO person_mentions;
  CREATE INDEX person_mentions_by_recent ON person_mentions (person_key, sort_key DESC);
  `,
  },
];
