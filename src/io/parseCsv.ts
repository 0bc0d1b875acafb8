/**
 * Parses the text of a comma-separated file with a header row (UTF-8, an optional byte-order mark) into its trimmed
 * header and its data rows, with one clear message for what makes it unreadable: not CSV (the line), empty, or saved
 * semicolon-separated as Norwegian Excel does. The registers' readers check their own columns on the result.
 */
import { parse } from "csv-parse/sync";
import { UserError } from "../errors/userError";

export interface CsvRecords {
  header: string[];
  /** Data rows (after the header), as cells. */
  rows: string[][];
}

/** `where` names the file in messages; `expected` says what the header should hold ("the register's columns"). */
export function parseCsvRecords(text: string, where: string, expected: string): CsvRecords {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (e) {
    const m = e as { message?: string; lines?: number };
    throw new UserError("io", where, `cannot be read as CSV${m.lines ? ` (line ${m.lines})` : ""}: ${(m.message ?? String(e)).split("\n")[0]}`);
  }
  if (records.length === 0) throw new UserError("io", where, `is empty; expected a header row with ${expected}`);
  const header = records[0]!.map((h) => h.trim());
  if (header.length === 1 && header[0]!.includes(";"))
    throw new UserError("io", where, "looks semicolon-separated (as Norwegian Excel saves CSV); save it comma-separated (CSV UTF-8, comma) and try again");
  return { header, rows: records.slice(1) };
}
