/**
 * A result table as data: typed columns and raw values (numbers stay numbers). The same sheet becomes an Excel sheet
 * (src/export/xlsx.ts), a CSV file (src/export/csv.ts) and a formatted HTML table for the report (sheetTable).
 */
import { formatNok, formatNumber, formatPercent } from "../format/norwegian";
import type { Table } from "../format/table";

/** How a column is shown: text; whole kroner; a share shown as a percentage; a number with up to 3 decimals; a count. */
export type ColumnFormat = "text" | "nok" | "share" | "number" | "count";

export interface Column {
  header: string;
  format: ColumnFormat;
}

export type Cell = string | number | null;

export interface Sheet {
  /** Sheet and file name (letters, digits, dashes; at most 31 characters, Excel's limit). */
  name: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
}

/** A cell as Norwegian text for the report (empty for null). */
export function formatCell(v: Cell, format: ColumnFormat): string | number {
  if (v === null) return "";
  if (typeof v === "string") return v;
  switch (format) {
    case "nok":
      return formatNok(v);
    case "share":
      return formatPercent(v);
    case "count":
      return formatNumber(v, 0);
    case "number":
      return formatNumber(v, 3);
    case "text":
      return String(v);
  }
}

/**
 * The sheet as a formatted table (for report.html and notebooks); `only` keeps the named columns (by header), for a
 * page where the whole sheet would be too wide.
 */
export function sheetTable(s: Sheet, only?: ReadonlyArray<string>): Table {
  const keep = s.columns.flatMap((c, i) => (!only || only.includes(c.header) ? [i] : []));
  if (only && keep.length !== only.length)
    throw new Error(`sheetTable: ${s.name} has no column ${only.filter((h) => !s.columns.some((c) => c.header === h)).join(", ")}`);
  return {
    caption: s.title,
    headers: keep.map((i) => s.columns[i]!.header),
    alignRight: keep.flatMap((i, k) => (s.columns[i]!.format === "text" ? [] : [k])),
    rows: s.rows.map((r) => keep.map((i) => formatCell(r[i]!, s.columns[i]!.format))),
  };
}
