import type { InstallationStore } from '../../../core/ports.js';
import { createSqlInstallationStore } from '../sql-installation-store.js';
import { type PgPool, pgRunner } from './database.js';

/** Chat platform installations in PostgreSQL (table `installations`): every process sees an install at once. */
export function createPgInstallationStore(pool: PgPool): InstallationStore {
  return createSqlInstallationStore(pgRunner(pool));
}
