import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { NewsdeskError } from '../../../core/errors.js';
import type { SqlRunner } from '../sql.js';
import { MIGRATIONS } from './schema.js';

/** Columns SQLite keeps as JSON text; the other database has them as JSON values. */
const JSON_COLUMNS = new Set([
  'highlights',
  'paragraphs',
  'summary',
  'analysis',
  'roles',
  'role_uses',
  'aliases',
  'shingles',
  'centroid',
  // lists the shared queries build with json_group_array / json ->
  'origins',
  'people',
]);
/** Columns SQLite keeps as 0/1 for a boolean. */
const FLAG_COLUMNS = new Set(['published_approx', 'baselined', 'failing']);

/** Pages of WAL after which a commit copies it back into the database file (unless a worker does: wal-checkpointer). */
export const WAL_AUTOCHECKPOINT_PAGES = 8192;

/** Bytes per page of a database this opens first. */
export const PAGE_SIZE = 8192;

/** Open a database file (or ':memory:'), set it up for one writer and many readers, and migrate it. */
export function openSqliteDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (cause) {
    throw new NewsdeskError('STORE_FAILURE', `Cannot open the database at ${path}.`, { cause });
  }
  // 8 KiB pages: a commit of a hundred articles writes a third fewer pages than at 4 KiB (a new database only: an
  // existing one keeps the page size it was made with)
  db.pragma(`page_size = ${PAGE_SIZE}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // a 32 MiB page cache keeps the indexes ingest touches in memory (the default is 2 MiB)
  db.pragma('cache_size = -32768');
  // checkpoint every ~32 MiB of WAL instead of 4 MiB: fewer fsyncs while ingesting
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  migrate(db);
  return db;
}

/** Apply the steps after the file's `user_version`, each in its own transaction; refuse a newer schema. */
function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  if (version > latest) {
    throw new NewsdeskError(
      'STORE_FAILURE',
      `The database was written by a newer newsdesk (schema ${version}); upgrade newsdesk or use another DATABASE_PATH.`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= version) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/** A row as the shared mappers take it: JSON text parsed, 0/1 flags as booleans (in place: rows are fresh objects). */
export function fromSqlite<T>(row: unknown): T {
  const out = row as Record<string, unknown>;
  for (const column in out) decodeColumn(out, column);
  return out as T;
}

function decodeColumn(row: Record<string, unknown>, column: string): void {
  const value = row[column];
  if (typeof value === 'string' && JSON_COLUMNS.has(column)) row[column] = JSON.parse(value);
  else if (typeof value === 'number' && FLAG_COLUMNS.has(column)) row[column] = value === 1;
}

/** A value as SQLite binds it: JSON values as text, booleans as 0/1. */
function sqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : value;
}

/** A record's values in `columns` order, as SQLite binds them. */
export function rowOf<T extends object>(record: T, columns: readonly (keyof T & string)[]): unknown[] {
  const values = new Array<unknown>(columns.length);
  for (let i = 0; i < columns.length; i++) values[i] = sqliteValue(record[columns[i] as keyof T]);
  return values;
}

/** `insert` (`INSERT INTO table`, `INSERT OR IGNORE INTO table`) of `columns` with positional parameters, then `rest`. */
export function insertSql(insert: string, columns: readonly string[], rest = ''): string {
  return `${insert} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ${rest}`;
}

/** Writes rows (each its values in column order), in order. */
export type RowWriter = (rows: readonly (readonly unknown[])[]) => void;

/**
 * `insert` (`INSERT INTO table`, `INSERT OR IGNORE INTO table`) of `columns` with positional parameters (cheaper to
 * bind than named ones), `rest` after the values (an ON CONFLICT clause). One row per step: multi-row VALUES measured
 * no faster into tables and slower into FTS5.
 */
export function rowWriter(db: Database.Database, insert: string, columns: readonly string[], rest = ''): RowWriter {
  const statement = db.prepare(insertSql(insert, columns, rest));
  return (rows) => {
    for (const row of rows) statement.run(row);
  };
}

/** The shared queries on one connection, with synchronous twins for work inside a transaction. */
export interface SqliteRunner extends SqlRunner {
  rowsNow<T>(sql: string, params?: readonly unknown[]): T[];
  runNow(sql: string, params?: readonly unknown[]): number;
}

/**
 * The shared queries on one connection. Each statement is prepared once, its `$n` parameters turned into
 * positional ones and the columns to decode found once; list parameters are bound as JSON.
 */
export function sqliteRunner(db: Database.Database): SqliteRunner {
  const prepared = new Map<string, { statement: Database.Statement; order: number[]; decoded: string[] }>();
  const prepare = (sql: string) => {
    const order: number[] = [];
    const statement = db.prepare(
      sql.replace(/\$(\d+)/g, (_match, n: string) => {
        order.push(Number(n) - 1);
        return '?';
      }),
    );
    const decoded = statement.reader
      ? statement
          .columns()
          .map((column) => column.name)
          .filter((name) => JSON_COLUMNS.has(name) || FLAG_COLUMNS.has(name))
      : [];
    const entry = { statement, order, decoded };
    prepared.set(sql, entry);
    return entry;
  };
  const bind = (order: number[], params: readonly unknown[]): unknown[] => {
    const values = new Array<unknown>(order.length);
    for (let i = 0; i < order.length; i++) {
      const value = params[order[i] as number];
      values[i] = Array.isArray(value) ? JSON.stringify(value) : value;
    }
    return values;
  };
  const rowsNow = <T>(sql: string, params: readonly unknown[] = []): T[] => {
    const { statement, order, decoded } = prepared.get(sql) ?? prepare(sql);
    const rows = statement.all(...bind(order, params)) as Record<string, unknown>[];
    if (decoded.length > 0) for (const row of rows) for (const column of decoded) decodeColumn(row, column);
    return rows as T[];
  };
  const runNow = (sql: string, params: readonly unknown[] = []): number => {
    const { statement, order } = prepared.get(sql) ?? prepare(sql);
    return statement.run(...bind(order, params)).changes;
  };
  // an SQLite error surfaces as a rejected promise, as on PostgreSQL (without an async function's extra turn)
  const settle = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return {
    rowsNow,
    runNow,
    rows: (sql, params) => settle(() => rowsNow(sql, params)),
    run: (sql, params) => settle(() => runNow(sql, params)),
  };
}
