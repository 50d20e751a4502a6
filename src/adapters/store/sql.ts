/**
 * What the queries both databases share need of a connection. Statements number their parameters
 * $1, $2...; an array parameter is one list (PostgreSQL takes it as an array, SQLite as JSON, which
 * its statements read with json_each). Rows come back normalised for the shared mappers: JSON parsed,
 * flags as booleans, times as ISO strings.
 */
export interface SqlRunner {
  rows<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Run a statement that returns no rows; how many rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}
