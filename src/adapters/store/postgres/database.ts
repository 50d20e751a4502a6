import pg from 'pg';
import { NewsdeskError } from '../../../core/errors.js';
import type { Migration } from '../migration.js';
import type { SqlRunner } from '../sql.js';
import { PG_MIGRATIONS } from './migrations.js';

/** A pooled PostgreSQL connection shared by every store of one process. */
export type PgPool = pg.Pool;
/** One connection checked out of the pool, for a transaction. */
export type PgClient = pg.PoolClient;
/** Something queries can be sent to: the pool, or a client inside a transaction. */
export type PgQueryable = pg.Pool | pg.PoolClient;

// BIGINT (sequence numbers, counts) arrives as text by default; ours stay far below 2^53
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

/** Open a connection pool. Connection errors surface on the first query, with what to check. */
export function createPgPool(options: { url: string; max?: number; applicationName?: string }): PgPool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'newsdesk',
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // an idle client losing its connection (server restart) must not crash the process; the pool replaces it
  pool.on('error', () => undefined);
  return pool;
}

/**
 * `INSERT INTO table (a, b) SELECT a, b FROM json_populate_recordset(...)` of records passed as one
 * JSON array ($1, see {@link toJsonParam}): the table's own column types read them, so a column is
 * named once, in the record type's column list.
 */
export function insertRecords(table: string, columns: readonly string[], rest = ''): string {
  const list = columns.join(', ');
  return `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json) ${rest}`;
}

/** Records as one JSON parameter; PostgreSQL text cannot hold NUL, which a feed's JSON may carry. */
export function toJsonParam(rows: readonly object[]): string {
  return JSON.stringify(rows, (_key, value: unknown) =>
    typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '') : value,
  );
}

/** A row as the shared mappers take it: TIMESTAMPTZ values (Dates here) as ISO 8601 strings. */
export function fromPg<T>(row: object): T {
  if (!Object.values(row).some((value) => value instanceof Date)) return row as T;
  const out: Record<string, unknown> = { ...row };
  for (const [column, value] of Object.entries(out)) if (value instanceof Date) out[column] = value.toISOString();
  return out as T;
}

/** The shared queries on the pool, or on one client inside a transaction. */
export function pgRunner(db: PgQueryable): SqlRunner {
  return {
    async rows<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const { rows } = await db.query(sql, [...params]);
      return rows.map((row: object) => fromPg<T>(row));
    },
    async run(sql: string, params: readonly unknown[] = []): Promise<number> {
      return (await db.query(sql, [...params])).rowCount ?? 0;
    },
  };
}

/** Run `work` in one transaction on one connection; rolled back if it throws. */
export async function withTransaction<T>(pool: PgPool, work: (client: PgClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

// any constant: every process migrating the same database serialises on this advisory lock
const MIGRATION_LOCK = 7_346_981_202;

/**
 * Bring the schema up to date. Safe to run from several processes at once (they take turns on an
 * advisory lock) and idempotent. Refuses a database migrated by a newer newsdesk.
 */
export async function migratePostgres(
  pool: PgPool,
  migrations: readonly Migration[] = PG_MIGRATIONS,
): Promise<{ from: number; to: number }> {
  const client = await pool.connect().catch((error: unknown) => {
    throw new NewsdeskError(
      'STORE_FAILURE',
      `Cannot connect to PostgreSQL (${error instanceof Error ? error.message : String(error)}). Check DATABASE_URL and that the server is running.`,
    );
  });
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    const from = rows[0]?.version ?? 0;
    const latest = migrations.at(-1)?.version ?? 0;
    if (from > latest) {
      throw new NewsdeskError(
        'STORE_FAILURE',
        `The database schema is version ${from}, newer than this newsdesk understands (${latest}). Upgrade newsdesk.`,
      );
    }
    for (const migration of migrations) {
      if (migration.version <= from) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new NewsdeskError(
          'STORE_FAILURE',
          `Migration ${migration.version} (${migration.name}) failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    return { from, to: Math.max(from, latest) };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
