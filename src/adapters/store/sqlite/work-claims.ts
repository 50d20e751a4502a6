import type Database from 'better-sqlite3';
import type { WorkClaims } from '../../../core/ports.js';
import { createSqlWorkClaims } from '../sql-work-claims.js';
import { sqliteRunner } from './database.js';

/** Work claims in the SQLite database (table `work_claims`), atomic even when several processes open the file. */
export function createSqliteWorkClaims(db: Database.Database): WorkClaims {
  return createSqlWorkClaims(sqliteRunner(db), 'key');
}
