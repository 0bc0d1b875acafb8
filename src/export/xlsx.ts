/**
 * Writes sheets to an Excel workbook (exceljs) in memory: one worksheet per sheet, a bold header row, numbers stored
 * as numbers with a display format (Excel shows them in the reader's locale: "500 000 kr" in Norwegian Excel), the
 * title in the first row and the run's manifest on its own sheet. The zip entries carry the run date, not the clock,
 * so the same run gives a byte-identical file.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { startsLikeFormula } from "./formulaSafety";
import type { ColumnFormat, Sheet } from "./sheet";

/** Excel number formats (the separators are the reader's locale's). */
const NUM_FMT: Record<ColumnFormat, string | undefined> = {
  text: undefined,
  nok: '#,##0 "kr"',
  share: "0.0%",
  number: "0.000",
  count: "0",
};

const EXCEL_SHEET_NAME_MAX = 31;

/** Gives text cells that start like a formula (=, +, -, @, tab, CR) the text format "@" (see formulaSafety.ts). */
function markFormulaLikeText(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    if (typeof cell.value === "string" && startsLikeFormula(cell.value)) cell.numFmt = "@";
  });
}

/** The workbook as bytes. `date` (YYYY-MM-DD) is recorded as created/modified, so the file does not carry the clock. */
export async function workbookBytes(sheets: ReadonlyArray<Sheet>, meta: { date: string; manifest: unknown }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "introsim";
  wb.created = new Date(`${meta.date}T00:00:00Z`);
  wb.modified = wb.created;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, EXCEL_SHEET_NAME_MAX));
    ws.addRow([s.title]).font = { bold: true, size: 12 };
    const header = ws.addRow(s.columns.map((c) => c.header));
    header.font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
    s.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      const fmt = NUM_FMT[c.format];
      if (fmt) col.numFmt = fmt;
      col.width = Math.min(60, Math.max(12, c.header.length + 2, ...s.rows.map((r) => (typeof r[i] === "string" ? (r[i] as string).length + 2 : 12))));
    });
    ws.eachRow(markFormulaLikeText); // after the column formats, which would otherwise overwrite the cell's
    ws.views = [{ state: "frozen", ySplit: 2 }];
  }
  const m = wb.addWorksheet("manifest");
  m.addRow(["Manifest (hvilke data, scenario og versjon som ga tallene)"]).font = { bold: true };
  // One line a row: a cell holds at most 32 767 characters, and several manifests together exceed that.
  for (const line of JSON.stringify(meta.manifest, null, 2).split("\n")) m.addRow([line]);
  m.getColumn(1).width = 120;
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
