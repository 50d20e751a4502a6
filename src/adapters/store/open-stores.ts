import type {
  ArticleStore,
  Clock,
  FeedStore,
  FollowStore,
  InstallationStore,
  SubscriptionStore,
  WorkClaims,
} from '../../core/ports.js';

/** Every store of one deployment, on one database. */
export interface Stores {
  kind: 'sqlite' | 'postgres';
  articles: ArticleStore;
  subscriptions: SubscriptionStore;
  /** what channels follow (live alerts) */
  follows: FollowStore;
  feeds: FeedStore;
  claims: WorkClaims;
  installations: InstallationStore;
  /** A cheap round trip to the database, for /healthz; throws when it is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Which database: an SQLite file (the embedded default) or a PostgreSQL server shared by several processes. */
export type DatabaseOptions = { path: string } | { url: string; poolSize?: number };

/**
 * Open (and migrate) the stores. The PostgreSQL modules load only when a URL is given, so the embedded
 * default starts without them.
 */
export async function openStores(database: DatabaseOptions, clock: Clock): Promise<Stores> {
  return 'url' in database ? openPostgresStores(database, clock) : openSqliteStores(database.path, clock);
}

async function openSqliteStores(path: string, clock: Clock): Promise<Stores> {
  const [
    { openSqliteStore },
    { createSqliteSubscriptionStore },
    { createSqliteFollowStore },
    { SqliteFeedStore },
    claims,
    installations,
  ] = await Promise.all([
    import('./sqlite/article-store.js'),
    import('./sqlite/subscription-store.js'),
    import('./sqlite/follow-store.js'),
    import('./sqlite/feed-store.js'),
    import('./sqlite/work-claims.js'),
    import('./sqlite/installation-store.js'),
  ]);
  const articles = openSqliteStore({ path, clock });
  const { db } = articles;
  return {
    kind: 'sqlite',
    articles,
    subscriptions: createSqliteSubscriptionStore(db),
    follows: createSqliteFollowStore(db),
    feeds: new SqliteFeedStore(db, clock),
    claims: claims.createSqliteWorkClaims(db),
    installations: installations.createSqliteInstallationStore(db),
    async ping() {
      db.prepare('SELECT 1').get();
    },
    close: () => articles.close(),
  };
}

async function openPostgresStores(database: { url: string; poolSize?: number }, clock: Clock): Promise<Stores> {
  const [pg, articles, subscriptions, follows, feeds, claims, installations] = await Promise.all([
    import('./postgres/database.js'),
    import('./postgres/article-store.js'),
    import('./postgres/subscription-store.js'),
    import('./postgres/follow-store.js'),
    import('./postgres/feed-store.js'),
    import('./postgres/work-claims.js'),
    import('./postgres/installation-store.js'),
  ]);
  const pool = pg.createPgPool({ url: database.url, ...(database.poolSize ? { max: database.poolSize } : {}) });
  try {
    await pg.migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  let closed = false;
  return {
    kind: 'postgres',
    articles: articles.createPgArticleStore(pool, clock),
    subscriptions: subscriptions.createPgSubscriptionStore(pool),
    follows: follows.createPgFollowStore(pool),
    feeds: feeds.createPgFeedStore(pool, clock),
    claims: claims.createPgWorkClaims(pool),
    installations: installations.createPgInstallationStore(pool),
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
