import type Database from 'better-sqlite3';
import type { InstallationStore } from '../../../core/ports.js';
import { createSqlInstallationStore } from '../sql-installation-store.js';
import { sqliteRunner } from './database.js';

/** Chat platform installations in the SQLite database (table `installations`). */
export function createSqliteInstallationStore(db: Database.Database): InstallationStore {
  return createSqlInstallationStore(sqliteRunner(db));
}
