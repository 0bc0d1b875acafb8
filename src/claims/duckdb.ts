/**
 * The embedded analytical engine for claim-level data: one in-process DuckDB (in memory) per pipeline run, and the
 * two ways we talk to it (run a statement; read a small result as plain JS rows). Claim rows never cross into
 * JavaScript: only aggregates and small tables do.
 */
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";

export interface Engine {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
}

/** Opens an in-memory DuckDB. `threads` defaults to DuckDB's choice (the machine's cores). */
export async function openEngine(options: { threads?: number } = {}): Promise<Engine> {
  // Loaded lazily: the native module costs ~100 ms and most introsim commands never need it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: the native module loads only for claims commands
  const { DuckDBInstance } = require("@duckdb/node-api") as typeof import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", options.threads ? { threads: String(options.threads) } : {});
  const connection = await instance.connect();
  return { instance, connection };
}

export function closeEngine(engine: Engine): void {
  engine.connection.closeSync();
  engine.instance.closeSync();
}

/** Runs statements (no result). */
export async function run(engine: Engine, sql: string): Promise<void> {
  await engine.connection.run(sql);
}

/** Runs a query and returns its rows as plain objects (BIGINT as bigint, DATE as Date: cast in SQL to what you need). */
export async function rows<T = Record<string, unknown>>(engine: Engine, sql: string): Promise<T[]> {
  const reader = await engine.connection.runAndReadAll(sql);
  return reader.getRowObjectsJS() as unknown as T[];
}

/** A SQL string literal. */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
