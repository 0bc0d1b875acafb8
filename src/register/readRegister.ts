/**
 * Reads the agreement register CSV (header row, UTF-8, comma-separated). A file that cannot be read as such a CSV, or
 * that lacks a required column, is a UserError (the CLI exits 2); problems inside rows are results, not errors.
 */
import { parse } from "csv-parse/sync";
import { UserError } from "../errors/userError";
import { displayPath } from "../io/paths";
import { readText } from "../io/readText";
import { sha256 } from "../io/sha256";
import { parseRegisterRecord, REGISTER_COLUMNS, type FormatProblem, type RegisterRow } from "./columns";

export interface RegisterFile {
  file: string;
  sha256: string;
  rows: RegisterRow[];
  /** Cell problems by data row (1-based). */
  problems: Array<FormatProblem & { row: number; agreement_id?: string }>;
  /** Columns present that the register does not use (ignored, with a notice). */
  extraColumns: string[];
}

/** Parses register CSV text; `where` names the file in messages. */
export function parseRegisterCsv(text: string, where: string): Omit<RegisterFile, "file" | "sha256"> {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (e) {
    const m = e as { message?: string; lines?: number };
    throw new UserError("io", where, `cannot be read as CSV${m.lines ? ` (line ${m.lines})` : ""}: ${(m.message ?? String(e)).split("\n")[0]}`);
  }
  if (records.length === 0) throw new UserError("io", where, "is empty; expected a header row with the register's columns");
  const header = records[0]!.map((h) => h.trim());
  const missing = REGISTER_COLUMNS.filter((c) => !c.mayBeAbsent && !header.includes(c.name)).map((c) => c.name);
  if (header.length === 1 && header[0]!.includes(";"))
    throw new UserError("io", where, "looks semicolon-separated (as Norwegian Excel saves CSV); save it comma-separated (CSV UTF-8, comma) and try again");
  if (missing.length > 0)
    throw new UserError("io", where, `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (the header has: ${header.join(", ")})`);
  const known = new Set<string>(REGISTER_COLUMNS.map((c) => c.name));
  const rows: RegisterRow[] = [];
  const problems: RegisterFile["problems"] = [];
  records.slice(1).forEach((cells, k) => {
    const record = Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ""]));
    const { row, problems: p } = parseRegisterRecord(record, k + 1);
    rows.push(row);
    for (const q of p) problems.push({ ...q, row: k + 1, agreement_id: row.agreement_id });
  });
  return { rows, problems, extraColumns: header.filter((h) => !known.has(h)) };
}

export function readRegister(file: string): RegisterFile {
  const where = displayPath(file);
  const text = readText(file, "io");
  return { file: where, sha256: sha256(text), ...parseRegisterCsv(text, where) };
}
