import { afterAll, beforeAll } from 'vitest';
import { createPgPool, migratePostgres, type PgPool } from '../../src/adapters/store/postgres/database.js';
import { createPgFollowStore } from '../../src/adapters/store/postgres/follow-store.js';
import { createPgSubscriptionStore } from '../../src/adapters/store/postgres/subscription-store.js';
import { createPgWorkClaims } from '../../src/adapters/store/postgres/work-claims.js';
import { followStoreContract } from '../helpers/follow-store-contract.js';
import { createTestDatabase, describePg } from '../helpers/postgres.js';
import { subscriptionStoreContract } from '../helpers/subscription-store-contract.js';
import { workClaimsContract } from '../helpers/work-claims-contract.js';

// the digest, follow and work-claim contracts on PostgreSQL; the same suites run on SQLite in digest-scheduler.test.ts

describePg('PostgreSQL digest stores', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: PgPool;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPgPool({ url: database.url, max: 8 });
    await migratePostgres(pool);
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  /** Each test starts from empty tables (a fresh database per test would be slower for no gain). */
  async function emptyTables(): Promise<void> {
    await pool.query(
      'TRUNCATE subscriptions, digest_slots, work_claims, follows, follow_deliveries RESTART IDENTITY CASCADE',
    );
  }

  subscriptionStoreContract('PostgreSQL', async () => {
    await emptyTables();
    return { store: createPgSubscriptionStore(pool), close: async () => undefined };
  });

  followStoreContract('PostgreSQL', async () => {
    await emptyTables();
    return { store: createPgFollowStore(pool), close: async () => undefined };
  });

  workClaimsContract('PostgreSQL', async () => {
    await emptyTables();
    return { claims: createPgWorkClaims(pool), close: async () => undefined };
  });
});
