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
];
