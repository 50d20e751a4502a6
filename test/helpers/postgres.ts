import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';

/**
 * PostgreSQL for tests: TEST_DATABASE_URL names a server the suite may create databases on
 * (`.ci/run` starts one with scripts/test-postgres.sh). Without it the PostgreSQL tests skip, and say so.
 */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL;

/** `describe` for tests that need PostgreSQL: skipped with the reason in its name when there is none. */
export const describePg: typeof describe.skip = testDatabaseUrl
  ? describe
  : (((name: string, ...rest: unknown[]) =>
      (describe.skip as (...args: unknown[]) => void)(
        `${name} (skipped: TEST_DATABASE_URL is not set; run eval "$(scripts/test-postgres.sh)" first)`,
        ...rest,
      )) as typeof describe.skip);

/** A new empty database on the test server; `drop()` removes it (closing any connection still open to it). */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!testDatabaseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `newsdesk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
