/**
 * Opens a claims or doctor file (CSV or Parquet) as a DuckDB relation with every expected column present, or refuses
 * with one message that names the file, the missing columns and the columns expected. Values are not converted here:
 * CSV cells stay text so that a bad cell becomes a counted rejection (validateClaims), not a crash.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { UserError } from "../errors/userError";
import { displayPath } from "../io/paths";
import { fileSha256 } from "../io/fileSha256";
import { rows, sqlString, type Engine } from "./duckdb";
import type { ColumnSpec } from "./schema";

export type TableFormat = "csv" | "parquet";

export interface TableSource {
  /** The path as given, for messages. */
  file: string;
  absolutePath: string;
  format: TableFormat;
  /** SQL relation that reads the file (all columns; CSV as text). */
  relation: string;
  /** Same, with a 1-based `file_row` column (the data row number; a CSV's line number is file_row + 1). */
  numberedRelation: string;
  /** Columns in the file that are not in the schema (ignored). */
  extraColumns: string[];
  /** DuckDB type of each column as read (all VARCHAR for CSV). */
  types: Record<string, string>;
  bytes: number;
}

export interface FileStamp {
  file: string;
  bytes: number;
  sha256: string;
}

function formatOf(file: string): TableFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".parquet") return "parquet";
  if (ext === ".csv" || ext === ".txt") return "csv";
  throw new UserError("io", displayPath(file), `unknown file type "${ext || "(none)"}"; expected .csv or .parquet`);
}

/** Opens `file` as a relation and checks its columns against `columns`. */
export async function openTable(engine: Engine, file: string, columns: ReadonlyArray<ColumnSpec>): Promise<TableSource> {
  const shown = displayPath(file);
  if (!fs.existsSync(file)) throw new UserError("io", shown, "file not found");
  if (!fs.statSync(file).isFile()) throw new UserError("io", shown, "is a folder; expected a .csv or .parquet file");
  const format = formatOf(file);
  const abs = path.resolve(file);
  const relation = format === "parquet" ? `read_parquet(${sqlString(abs)})` : `read_csv(${sqlString(abs)}, header = true, all_varchar = true)`;
  const numberedRelation =
    format === "parquet"
      ? `(SELECT *, file_row_number + 1 AS file_row FROM read_parquet(${sqlString(abs)}, file_row_number = true))`
      : `(SELECT *, row_number() OVER () AS file_row FROM ${relation})`;
  let described: Array<{ column_name: string; column_type: string }>;
  try {
    described = await rows<{ column_name: string; column_type: string }>(engine, `DESCRIBE SELECT * FROM ${relation}`);
  } catch (e) {
    throw new UserError("io", shown, `cannot be read as ${format} (${firstLine((e as Error).message)})`);
  }
  const found = described.map((r) => r.column_name);
  const expected = columns.map((c) => c.name);
  const missing = expected.filter((c) => !found.includes(c));
  if (missing.length > 0) {
    const hint = format === "csv" && found.length === 1 && /[;\t|]/.test(found[0]!) ? "; the header looks like one column: write the file comma-separated" : "";
    throw new UserError(
      "io",
      shown,
      `missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")}; expected columns: ${expected.join(", ")}; found: ${found.join(", ")}${hint}`,
    );
  }
  return {
    file,
    absolutePath: abs,
    format,
    relation,
    numberedRelation,
    extraColumns: found.filter((c) => !expected.includes(c)),
    types: Object.fromEntries(described.map((r) => [r.column_name, r.column_type])),
    bytes: fs.statSync(file).size,
  };
}

/** Size and SHA-256 of a file (for the manifest). */
export function stampFile(file: string): FileStamp {
  return { file, bytes: fs.statSync(file).size, sha256: fileSha256(file) };
}

function firstLine(s: string): string {
  return s.split("\n")[0]!.slice(0, 300);
}
