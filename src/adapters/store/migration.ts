/**
 * One step of a database's schema. Each database has its list (sqlite/schema.ts, postgres/migrations.ts),
 * numbered 1, 2, 3... in order; a change to the tables is a new step appended to each list.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
