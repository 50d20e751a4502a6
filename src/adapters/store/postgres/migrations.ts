import type { Migration } from '../migration.js';
import { ALERT_TABLES } from './schema-alerts.js';
import { ARTICLE_TABLES } from './schema-articles.js';
import { DIGEST_TABLES } from './schema-digests.js';
import { FEED_TABLES } from './schema-feeds.js';
import { INSTALLATION_TABLES } from './schema-installations.js';

/**
 * The PostgreSQL schema, in order; `schema_migrations` records the versions applied. Append new steps
 * (and the same change to the SQLite MIGRATIONS); never edit one that has shipped.
 */
export const PG_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'articles, people and quotes', sql: ARTICLE_TABLES },
  { version: 2, name: 'digest subscriptions, slot claims and work claims', sql: DIGEST_TABLES },
  { version: 3, name: 'feed sources, items and stories', sql: FEED_TABLES },
  { version: 4, name: 'chat platform installations', sql: INSTALLATION_TABLES },
  {
    version: 5,
    name: 'analysis versions, organisations among speakers, role uses',
    sql: `
-- the analysis that wrote each article's people and quotes; older ones are re-analysed at start-up
ALTER TABLE articles ADD COLUMN analysis_version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX articles_by_analysis ON articles (analysis_version, seq);

-- a speaker is a person or an organisation ("the Home Office said")
ALTER TABLE persons ADD COLUMN kind TEXT NOT NULL DEFAULT 'person';
-- {text, weight, last} per role: how much and how lately each role is given, to rank the roles
ALTER TABLE persons ADD COLUMN role_uses JSONB NOT NULL DEFAULT '[]';
UPDATE persons SET role_uses = (
  SELECT coalesce(jsonb_agg(jsonb_build_object('text', role, 'weight', 1, 'last', '')), '[]'::jsonb)
  FROM jsonb_array_elements_text(persons.roles) AS role
);
`,
  },
  { version: 6, name: 'quote search index, channel follows and their deliveries', sql: ALERT_TABLES },
  {
    version: 7,
    name: 'stories',
    sql: `
-- one row per story: its bounded centroid as JSON (keys and base64 weights: src/core/stories/centroid-codec.ts), times in ms (null: none known)
CREATE TABLE stories (
  id TEXT COLLATE "C" PRIMARY KEY,
  size INTEGER NOT NULL,
  first_time BIGINT,
  last_time BIGINT,
  -- stream position (articles clustered before) of its latest article
  last_seq BIGINT NOT NULL,
  norm DOUBLE PRECISION NOT NULL,
  centroid JSONB NOT NULL,
  -- the newest member's sort key: stories list newest activity first
  sort_key TEXT COLLATE "C" NOT NULL
);
CREATE INDEX stories_by_sort ON stories (sort_key DESC, id DESC);
CREATE INDEX stories_by_last_seq ON stories (last_seq);
CREATE INDEX stories_by_last_time ON stories (last_time);

-- the story of each article, written when it is clustered (in arrival order)
CREATE TABLE article_stories (
  article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  story_id TEXT COLLATE "C" NOT NULL,
  seq BIGINT NOT NULL,
  score DOUBLE PRECISION NOT NULL
);
CREATE INDEX article_stories_by_story ON article_stories (story_id, seq);

-- document frequency of each story feature key over the articles clustered
CREATE TABLE story_df (
  term TEXT COLLATE "C" PRIMARY KEY,
  df INTEGER NOT NULL
);

-- articles clustered (the stream position), the article seq clustered up to, and stories: a store of an older release
-- starts at 0 and is clustered by the background re-analysis
INSERT INTO counters (name, value) VALUES ('stories_clustered', 0), ('stories_watermark', 0), ('stories', 0);
`,
  },
  {
    version: 8,
    name: 'pending story document frequencies',
    sql: `
-- document frequency increments not yet in story_df: one row per clustered batch, added to story_df (each key once)
-- every so many articles
CREATE TABLE story_df_pending (
  -- articles clustered after the batch
  clustered BIGINT PRIMARY KEY,
  -- JSON object: key -> increment
  counts TEXT NOT NULL
);

-- articles clustered when story_df last took the pending increments (a store before this step has none pending)
INSERT INTO counters (name, value)
  SELECT 'stories_df_folded', value FROM counters WHERE name = 'stories_clustered';
`,
  },
];
