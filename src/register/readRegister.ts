/**
 * Reads the agreement register CSV (header row, UTF-8, comma-separated). A file that cannot be read as such a CSV, or
 * that lacks a required column, is a UserError (the CLI exits 2); problems inside rows are results, not errors.
 */
import { UserError } from "../errors/userError";
import { displayPath } from "../io/paths";
import { parseCsvRecords } from "../io/parseCsv";
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
  const { header, rows: records } = parseCsvRecords(text, where, "the register's columns");
  const missing = REGISTER_COLUMNS.filter((c) => !c.mayBeAbsent && !header.includes(c.name)).map((c) => c.name);
  if (missing.length > 0)
    throw new UserError("io", where, `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (the header has: ${header.join(", ")})`);
  const known = new Set<string>(REGISTER_COLUMNS.map((c) => c.name));
  const rows: RegisterRow[] = [];
  const problems: RegisterFile["problems"] = [];
  records.forEach((cells, k) => {
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
