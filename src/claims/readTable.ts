/**
 * Opens a claims or doctor file (CSV or Parquet, or a folder of Parquet files, hive-partitioned or not, read as one
 * table) as a DuckDB relation with every required column present and of an accepted type, or refuses with one message
 * that names the file and the column: missing columns with the columns expected, or a column's type with the types
 * allowed. Values are not converted here: CSV cells stay text so that a bad cell becomes a counted rejection
 * (validateClaims), not a crash.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { UserError } from "../errors/userError";
import { displayPath } from "../io/paths";
import { fileSha256 } from "../io/fileSha256";
import { checkCsvText } from "./csvText";
import { rows, sqlString, type Engine } from "./duckdb";
import { ACCEPTED_TYPES, type ColumnSpec } from "./schema";

export type TableFormat = "csv" | "parquet";

export interface TableSource {
  /** The path as given, for messages. */
  file: string;
  absolutePath: string;
  format: TableFormat;
  /** SQL relation that reads the file (all columns; CSV as text). */
  relation: string;
  /**
   * Same, with a 1-based `file_row` column (the data row number within its file; a CSV's line number is file_row + 1)
   * and, for a folder, `file_name`: the Parquet file the row is in, relative to the folder.
   */
  numberedRelation: string;
  /** The numbered relation has `file_name` (a folder of files). */
  rowsNameFile: boolean;
  /** Columns in the file that are not in the schema (ignored). */
  extraColumns: string[];
  /** DuckDB type of each column as read (all VARCHAR for CSV). */
  types: Record<string, string>;
  bytes: number;
  /** The optional columns the file has. */
  present: Set<string>;
  /** Parquet files read (1 for a file; the folder's files for a folder). */
  files: string[];
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

/** The Parquet files under a folder (any depth, sorted), e.g. a hive-partitioned extract year=2023/month=1/part-0.parquet. */
function parquetFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.toLowerCase().endsWith(".parquet")) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Opens `file` (or a folder of Parquet files) as a relation and checks its columns against `columns`. */
export async function openTable(engine: Engine, file: string, columns: ReadonlyArray<ColumnSpec>): Promise<TableSource> {
  const shown = displayPath(file);
  if (!fs.existsSync(file)) throw new UserError("io", shown, "file not found");
  const abs = path.resolve(file);
  const isDir = fs.statSync(file).isDirectory();
  let format: TableFormat;
  let files: string[];
  let reader: string;
  if (isDir) {
    files = parquetFilesUnder(abs);
    if (files.length === 0)
      throw new UserError("io", shown, "is a folder without .parquet files; expected a .csv or .parquet file, or a folder of .parquet files");
    format = "parquet";
    // hive_partitioning adds the folder keys (year=2023) as columns; union_by_name lets parts differ in column order.
    reader = `read_parquet(${sqlString(path.join(abs, "**", "*.parquet"))}, hive_partitioning = true, union_by_name = true`;
  } else {
    if (!fs.statSync(file).isFile()) throw new UserError("io", shown, "is not a regular file; expected a .csv or .parquet file");
    format = formatOf(file);
    if (format === "csv")
      checkCsvText(
        abs,
        shown,
        columns
          .filter((c) => !c.optional)
          .map((c) => c.name)
          .join(","),
      );
    files = [abs];
    reader = `read_parquet(${sqlString(abs)}`;
  }
  const relation = format === "parquet" ? `${reader})` : `read_csv(${sqlString(abs)}, header = true, all_varchar = true)`;
  const numberedRelation =
    format === "parquet"
      ? isDir
        ? `(SELECT *, file_row_number + 1 AS file_row, substr(filename, ${abs.length + 2}) AS file_name FROM ${reader}, file_row_number = true, filename = true))`
        : `(SELECT *, file_row_number + 1 AS file_row FROM ${reader}, file_row_number = true))`
      : `(SELECT *, row_number() OVER () AS file_row FROM ${relation})`;
  let described: Array<{ column_name: string; column_type: string }>;
  try {
    described = await rows<{ column_name: string; column_type: string }>(engine, `DESCRIBE SELECT * FROM ${relation}`);
  } catch (e) {
    throw new UserError("io", shown, `cannot be read as ${format} (${firstLine((e as Error).message)})`);
  }
  const found = described.map((r) => r.column_name);
  const expected = columns.filter((c) => !c.optional).map((c) => c.name);
  const missing = expected.filter((c) => !found.includes(c));
  if (missing.length > 0) {
    const hint = format === "csv" && found.length === 1 && /[;\t|]/.test(found[0]!) ? "; the header looks like one column: write the file comma-separated" : "";
    throw new UserError(
      "io",
      shown,
      `missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")}; expected columns: ${expected.join(", ")}; found: ${found.join(", ")}${hint}`,
    );
  }
  const types = Object.fromEntries(described.map((r) => [r.column_name, r.column_type]));
  if (format === "parquet") {
    for (const c of columns) {
      const t = types[c.name];
      if (t === undefined) continue;
      const accepted = ACCEPTED_TYPES[c.sqlType];
      if (!accepted.pattern.test(t)) throw new UserError("io", `${shown}: column ${c.name}`, `is of type ${t}; allowed: ${accepted.allowed}`);
    }
  }
  const names = columns.map((c) => c.name);
  return {
    file,
    absolutePath: abs,
    format,
    relation,
    numberedRelation,
    rowsNameFile: isDir,
    extraColumns: found.filter((c) => !names.includes(c)),
    types,
    bytes: files.reduce((s, f) => s + fs.statSync(f).size, 0),
    present: new Set(columns.filter((c) => c.optional && found.includes(c.name)).map((c) => c.name)),
    files,
  };
}

/** Size and SHA-256 of a file (for the manifest); for a folder, the bytes of its Parquet files and the SHA-256 of their paths and hashes. */
export function stampFile(file: string): FileStamp {
  if (!fs.statSync(file).isDirectory()) return { file, bytes: fs.statSync(file).size, sha256: fileSha256(file) };
  const files = parquetFilesUnder(path.resolve(file));
  const lines = files.map((f) => `${path.relative(path.resolve(file), f)} ${fileSha256(f)}`).join("\n");
  return { file, bytes: files.reduce((s, f) => s + fs.statSync(f).size, 0), sha256: createHash("sha256").update(lines).digest("hex") };
}

function firstLine(s: string): string {
  return s.split("\n")[0]!.slice(0, 300);
}
