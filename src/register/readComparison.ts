/**
 * Reads a register of comparison doctors: doctors in other general-practice work (sykehjem, legevakt, KAD) who did not
 * get an agreement, followed from `start_date`. One row per doctor; header row, UTF-8, comma-separated, dates
 * YYYY-MM-DD, empty = not (yet) happened. Unlike the agreement register, it is an auxiliary input: a wrong column or
 * a bad cell is one UserError naming the file, the row and the column.
 */
import { UserError } from "../errors/userError";
import { displayPath } from "../io/paths";
import { parseCsvRecords } from "../io/parseCsv";
import { readText } from "../io/readText";
import { isIsoDate } from "../time/isoDate";
import type { ComparisonDoctor } from "./indicators";

export const COMPARISON_COLUMNS = ["doctor_id", "kommunenr", "start_date", "specialist_approved_date", "became_fastlege_date", "left_kommune_date"] as const;

/** Parses comparison-register CSV text; `where` names the file in messages. */
export function parseComparisonCsv(text: string, where: string): ComparisonDoctor[] {
  const { header, rows } = parseCsvRecords(text, where, `the columns ${COMPARISON_COLUMNS.join(", ")}`);
  const missing = COMPARISON_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw new UserError(
      "io",
      `${where}: row 1 (header)`,
      `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}; a comparison register has the columns ${COMPARISON_COLUMNS.join(", ")} (the header has: ${header.join(", ")})`,
    );
  return rows.map((cells, k) => {
    const cell = (c: (typeof COMPARISON_COLUMNS)[number]) => (cells[header.indexOf(c)] ?? "").trim();
    const at = (c: string) => `${where}: row ${k + 1}, column ${c}`;
    const doctor_id = cell("doctor_id");
    if (!doctor_id) throw new UserError("io", at("doctor_id"), "is empty; every comparison doctor needs a pseudonymous id");
    if (!/^\d{4}$/.test(cell("kommunenr"))) throw new UserError("io", at("kommunenr"), `"${cell("kommunenr")}" is not allowed; expected 4 digits, e.g. 0301`);
    const date = (c: (typeof COMPARISON_COLUMNS)[number], required: boolean) => {
      const v = cell(c);
      if (v === "" && !required) return undefined;
      if (!isIsoDate(v)) throw new UserError("io", at(c), `"${v}" is not allowed; expected a date written YYYY-MM-DD${required ? "" : " or an empty cell"}`);
      return v;
    };
    const start = date("start_date", true)!;
    const specialistApproved = date("specialist_approved_date", false);
    const leftKommune = date("left_kommune_date", false);
    date("became_fastlege_date", false);
    return { doctor_id, start, ...(specialistApproved ? { specialistApproved } : {}), ...(leftKommune ? { leftKommune } : {}) };
  });
}

export function readComparison(file: string): { file: string; doctors: ComparisonDoctor[] } {
  const where = displayPath(file);
  return { file: where, doctors: parseComparisonCsv(readText(file, "io"), where) };
}
