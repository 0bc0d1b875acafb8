/**
 * CSV with Norwegian Excel conventions, so that a double-click opens it right in Norwegian Excel: semicolon as the
 * separator, decimal comma, no thousands separator (so cells stay numbers), UTF-8 with a byte-order mark (æøå), CRLF
 * line ends, and fields quoted when they hold a separator, a quote or a line break. Shares stay fractions (0,225).
 * Text that a spreadsheet would run as a formula is neutralised (see formulaSafety.ts).
 */
import { neutraliseCsvText } from "./formulaSafety";
import type { Cell, Sheet } from "./sheet";

const SEPARATOR = ";";
const BOM = "\ufeff";

function field(v: Cell): string {
  if (v === null) return "";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`csv: cannot write ${v} (a number that is not finite reached an export)`);
    return String(v).replace(".", ",");
  }
  // A text starting like a formula (=, +, -, @, tab, CR) gets a leading quote and is always quoted (OWASP).
  const text = neutraliseCsvText(v);
  return text !== v || /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function sheetCsv(s: Sheet): string {
  const lines = [s.columns.map((c) => field(c.header)).join(SEPARATOR), ...s.rows.map((r) => r.map(field).join(SEPARATOR))];
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
