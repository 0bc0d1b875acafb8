/**
 * CSV with Norwegian Excel conventions, so that a double-click opens it right in Norwegian Excel: semicolon as the
 * separator, decimal comma, no thousands separator (so cells stay numbers), UTF-8 with a byte-order mark (æøå), CRLF
 * line ends, and fields quoted when they hold a separator, a quote or a line break. Numbers are rounded to their
 * column's precision (cellFormat): kroner to whole kroner, shares to 4 decimals as fractions (0,2247), counts whole,
 * weeks and months to one decimal — never a 16-digit float. Months are ISO dates (2023-08-01), which Excel reads as
 * dates. Text that a spreadsheet would run as a formula is neutralised (see formulaSafety.ts).
 */
import { neutraliseCsvText } from "./formulaSafety";
import { cellFormat, type Cell, type CellFormat, type Sheet } from "./sheet";

const SEPARATOR = ";";
const BOM = "\ufeff";
/** Decimals of a share (a fraction) in CSV: 0,2247 is 22,47 %, one digit beyond the tables' 22,5 %. */
const SHARE_DECIMALS = 4;

/** x rounded to `decimals` (half away from zero), written the shortest way: round(0.1 + 0.2, 4) is 0.3, not 0.30000000000000004. */
function rounded(x: number, decimals: number): number {
  const scale = 10 ** decimals;
  const r = (Math.sign(x) * Math.round(Math.abs(x) * scale)) / scale;
  return r === 0 ? 0 : r; // never "-0"
}

function field(v: Cell, format?: CellFormat): string {
  if (v === null) return "";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`csv: cannot write ${v} (a number that is not finite reached an export)`);
    const decimals = !format ? undefined : format.kind === "percent" ? SHARE_DECIMALS : format.digits;
    return String(decimals === undefined ? v : rounded(v, decimals)).replace(".", ",");
  }
  // A text starting like a formula (=, +, -, @, tab, CR) gets a leading quote and is always quoted (OWASP).
  const text = neutraliseCsvText(v);
  return text !== v || /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function sheetCsv(s: Sheet): string {
  const lines = [
    s.columns.map((c) => field(c.header)).join(SEPARATOR),
    ...s.rows.map((r) =>
      r
        .map((v, i) => {
          const column = s.columns[i];
          return field(v, typeof v === "number" && column ? cellFormat(column, r) : undefined);
        })
        .join(SEPARATOR),
    ),
  ];
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
