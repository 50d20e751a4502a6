import type { WorkClaims } from '../../../core/ports.js';
import { createSqlWorkClaims } from '../sql-work-claims.js';
import { type PgPool, pgRunner } from './database.js';

/** Work claims in PostgreSQL (table `work_claims`), shared by every process on the database. */
export function createPgWorkClaims(pool: PgPool): WorkClaims {
  return createSqlWorkClaims(pgRunner(pool), 'key COLLATE "C"');
}
