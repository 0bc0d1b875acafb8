/**
 * Writes sheets to an Excel workbook (exceljs) in memory, as an analyst pastes from it: each sheet is the title in
 * the first row and an Excel table (header filters, banded rows) from the second; numbers are stored as numbers with
 * a display format by their column (kroner '#,##0 "kr"', which Norwegian Excel shows as "500 000 kr"; per cent;
 * whole counts; weeks and months with the decimals their unit needs), months as real dates shown "mmmm yyyy"
 * ("august 2023"), and the run's manifest as a short key–value sheet (src/export/manifestSheet.ts). The zip entries
 * carry the run date, not the clock, so the same run gives a byte-identical file.
 *
 *   sheets -> worksheet per sheet (title, table, per-cell formats) -> manifest sheet -> zip with the run's date
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { startsLikeFormula } from "./formulaSafety";
import { manifestSheet } from "./manifestSheet";
import { cellFormat, type CellFormat, type Sheet } from "./sheet";

/** Excel's number format for a cell format (the separators are the reader's locale's). */
function numFmt(f: CellFormat): string {
  const decimals = f.digits > 0 ? `.${"0".repeat(f.digits)}` : "";
  switch (f.kind) {
    case "nok":
      return `#,##0${decimals} "kr"`;
    case "percent":
      return `0${decimals}%`;
    case "number":
      return `#,##0${decimals}`;
    case "month":
      return "mmmm yyyy";
  }
}

const EXCEL_SHEET_NAME_MAX = 31;
/** Column widths in characters: at least, at most, and the room a number needs. */
const WIDTH = { min: 12, max: 60, number: 14 };
const TABLE_STYLE = "TableStyleLight9";

/** An ISO date "YYYY-MM-DD" as the UTC midnight Excel stores (exceljs writes a Date as its UTC serial day). */
function isoDate(v: string, where: string): Date {
  const d = new Date(`${v.slice(0, 10)}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(d.getTime())) throw new Error(`xlsx: ${where}: "${v}" is not an ISO date`);
  return d;
}

/** A table name Excel accepts (letters, digits, underscore; unique in the workbook). */
function tableName(sheet: string, used: Set<string>): string {
  const base = `t_${sheet.replace(/[^A-Za-z0-9_]/g, "_")}`;
  let name = base;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}_${k}`;
  used.add(name.toLowerCase());
  return name;
}

/** Headers made unique (Excel refuses a table with two equal column names): "P10", "P10 (2)". */
function uniqueHeaders(headers: ReadonlyArray<string>): string[] {
  const seen = new Map<string, number>();
  return headers.map((h) => {
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n === 1 ? h : `${h} (${n})`;
  });
}

function writeSheet(wb: ExcelJS.Workbook, s: Sheet, tables: Set<string>): void {
  const ws = wb.addWorksheet(s.name.slice(0, EXCEL_SHEET_NAME_MAX));
  ws.addRow([s.title]).font = { bold: true, size: 12 };
  const rows = s.rows.map((r) =>
    s.columns.map((c, i) => {
      const v = r[i] ?? null;
      return c.format === "month" && typeof v === "string" ? isoDate(v, `${s.name}, ${c.header}`) : v;
    }),
  );
  const headers = uniqueHeaders(s.columns.map((c) => c.header));
  if (rows.length > 0)
    ws.addTable({
      name: tableName(s.name, tables),
      ref: "A2",
      headerRow: true,
      style: { theme: TABLE_STYLE, showRowStripes: true },
      columns: headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
  else ws.addRow(headers).font = { bold: true }; // Excel has no table without rows: the header alone
  s.rows.forEach((r, k) => {
    const row = ws.getRow(k + 3);
    s.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (typeof cell.value === "string" && startsLikeFormula(cell.value))
        cell.numFmt = "@"; // see formulaSafety.ts
      else if (cell.value !== null && typeof r[i] !== "string") {
        const f = cellFormat(c, r);
        if (f) cell.numFmt = numFmt(f);
      } else if (c.format === "month") cell.numFmt = numFmt({ kind: "month", digits: 0 });
    });
  });
  s.columns.forEach((c, i) => {
    const texts = s.rows.map((r) => (typeof r[i] === "string" && c.format !== "month" ? (r[i] as string).length + 2 : WIDTH.number));
    ws.getColumn(i + 1).width = Math.min(WIDTH.max, Math.max(WIDTH.min, c.header.length + 4, ...texts));
  });
  ws.views = [{ state: "frozen", ySplit: 2 }];
}

/**
 * The workbook as bytes. `date` (YYYY-MM-DD) is recorded as created/modified, so the file does not carry the clock;
 * `manifest` is the run's manifest (or one per scenario), shown as a key–value sheet.
 */
export async function workbookBytes(sheets: ReadonlyArray<Sheet>, meta: { date: string; manifest: unknown }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "introsim";
  wb.created = new Date(`${meta.date}T00:00:00Z`);
  wb.modified = wb.created;
  const tables = new Set<string>();
  for (const s of [...sheets, manifestSheet(meta.manifest, meta.date)]) writeSheet(wb, s, tables);
  // exceljs zips with JSZip, which stamps each entry with the current time unless a default date is set.
  const defaults = JSZip.defaults as { date: Date | null };
  const before = defaults.date;
  defaults.date = wb.created;
  try {
    const buf = await wb.xlsx.writeBuffer();
    return new Uint8Array(buf as ArrayBuffer);
  } finally {
    defaults.date = before;
  }
}
