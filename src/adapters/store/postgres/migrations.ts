import type { Migration } from '../migration.js';
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
];
