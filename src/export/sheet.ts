/**
 * A result table as data: typed columns and raw values (numbers stay numbers). The same sheet becomes an Excel table
 * (src/export/xlsx.ts), a CSV file (src/export/csv.ts) and a formatted HTML table for the report (sheetTable). Each
 * column says how its numbers are shown (cellFormat), which fixes the Excel number format, the CSV's rounding and
 * the report's text alike.
 */
import { numberFormats } from "../format/localeNumbers";
import { unitPrecision } from "../format/norwegian";
import type { Lang } from "../i18n/messages";
import type { Table } from "../format/table";

/**
 * How a column is shown: text; whole kroner; a share shown as a percentage; a number with up to 3 decimals; a whole
 * count; a number with one decimal (weeks, months, agreement-years); a month (an ISO date "YYYY-MM-DD" in the sheet,
 * a real date in Excel shown "august 2023"); or "unit": each row by the unit named in the column `unitColumn`
 * (an assumption's P10 in "andel" is a percentage, in "uker" a number with one decimal).
 */
export type ColumnFormat = "text" | "nok" | "share" | "number" | "count" | "decimal1" | "month" | "unit";

export interface Column {
  header: string;
  format: ColumnFormat;
  /** For format "unit": the index of the column that holds each row's unit (e.g. "Enhet"). */
  unitColumn?: number;
}

export type Cell = string | number | null;

export interface Sheet {
  /** Sheet and file name (letters, digits, dashes; at most 31 characters, Excel's limit). */
  name: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
}

/** How one numeric cell is shown: its kind and decimals (of the percentage for "percent"). */
export interface CellFormat {
  kind: "nok" | "percent" | "number" | "month";
  digits: number;
}

const FIXED: Record<Exclude<ColumnFormat, "text" | "unit">, CellFormat> = {
  nok: { kind: "nok", digits: 0 },
  share: { kind: "percent", digits: 1 },
  number: { kind: "number", digits: 3 },
  count: { kind: "number", digits: 0 },
  decimal1: { kind: "number", digits: 1 },
  month: { kind: "month", digits: 0 },
};

/** The format of a cell of `column` in `row` (undefined for a text column). */
export function cellFormat(column: Column, row: ReadonlyArray<Cell>): CellFormat | undefined {
  if (column.format === "text") return undefined;
  if (column.format !== "unit") return FIXED[column.format];
  const unit = column.unitColumn === undefined ? undefined : row[column.unitColumn];
  if (typeof unit !== "string") throw new Error(`sheet: column "${column.header}" has format "unit" but no unit column`);
  return unitPrecision(unit);
}

/** A column list from [header, format] pairs: cols(["Mål", "text"], ["Beløp (kr)", "nok"]). */
export function cols(...spec: Array<[string, ColumnFormat] | [string, "unit", number]>): Column[] {
  return spec.map(([header, format, unitColumn]) => (unitColumn === undefined ? { header, format } : { header, format, unitColumn }));
}

/** A cell as text for the report or the terminal, in the language (bokmål by default; empty for null). */
export function formatCell(v: Cell, column: Column, row: ReadonlyArray<Cell> = [], lang: Lang = "nb"): string | number {
  if (v === null) return "";
  const f = cellFormat(column, row);
  if (!f) return String(v);
  const n = numberFormats(lang);
  if (typeof v === "string") return f.kind === "month" ? n.month(v) : v;
  switch (f.kind) {
    case "nok":
      return n.nok(v);
    case "percent":
      return n.percent(v, f.digits);
    case "number":
    case "month":
      return n.number(v, f.digits);
  }
}

/**
 * The sheet as a formatted table (for report.html and notebooks); `only` keeps the named columns (by header), for a
 * page where the whole sheet would be too wide.
 */
export function sheetTable(s: Sheet, only?: ReadonlyArray<string>, lang: Lang = "nb"): Table {
  const keep = s.columns.flatMap((c, i) => (!only || only.includes(c.header) ? [i] : []));
  if (only && keep.length !== only.length)
    throw new Error(`sheetTable: ${s.name} has no column ${only.filter((h) => !s.columns.some((c) => c.header === h)).join(", ")}`);
  return {
    caption: s.title,
    headers: keep.map((i) => s.columns[i]!.header),
    alignRight: keep.flatMap((i, k) => (s.columns[i]!.format === "text" ? [] : [k])),
    rows: s.rows.map((r) => keep.map((i) => formatCell(r[i]!, s.columns[i]!, r, lang))),
  };
}
