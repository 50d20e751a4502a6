import { afterAll, beforeAll, describe } from 'vitest';
import { createPgPool, migratePostgres, type PgPool } from '../../src/adapters/store/postgres/database.js';
import { createPgInstallationStore } from '../../src/adapters/store/postgres/installation-store.js';
import { openSqliteDatabase } from '../../src/adapters/store/sqlite/database.js';
import { createSqliteInstallationStore } from '../../src/adapters/store/sqlite/installation-store.js';
import { installationStoreContract } from '../helpers/installation-store-contract.js';
import { createTestDatabase, describePg } from '../helpers/postgres.js';

describe('the SQLite installation store', () => {
  installationStoreContract(async () => {
    const db = openSqliteDatabase(':memory:');
    return createSqliteInstallationStore(db);
  });
});

describePg('the PostgreSQL installation store', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: PgPool;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPgPool({ url: database.url, max: 2 });
    await migratePostgres(pool);
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  installationStoreContract(async () => {
    await pool.query('TRUNCATE installations');
    return createPgInstallationStore(pool);
  });
});
