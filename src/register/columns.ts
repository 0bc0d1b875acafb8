/**
 * The agreement register's columns (one row per doctor per agreement) and how each CSV cell is read: a value, unknown
 * (an empty cell), or a format problem that names the field and what is allowed.
 */
import { isIsoDate } from "../time/isoDate";
import { EMPLOYMENT_FORMS, type EmploymentForm } from "../flows/parties";
import { positionCodes, specialistSchemeCodes } from "./referenceLists";

export type Lis1 = "completed" | "eu_exception" | "no";
export const UTDANNINGSVIRKSOMHET = ["registered", "applied", "no"] as const;
export type Utdanningsvirksomhet = (typeof UTDANNINGSVIRKSOMHET)[number];

export interface RegisterRow {
  /** 1-based data row number (header excluded). */
  row: number;
  agreement_id?: string;
  kommunenr?: string;
  doctor_id?: string;
  period?: 1 | 2;
  decision_date?: string;
  start_date?: string;
  end_date?: string;
  fte_pct?: number;
  lis1?: Lis1;
  lis_start_date?: string;
  patient_base?: number;
  fastleger_count?: number;
  veileder_specialist?: boolean;
  utdanningsplan?: boolean;
  leave_extension_months?: number;
  employment?: EmploymentForm;
  other_gp_work_before?: boolean;
  specialist_approved_date?: string;
  became_fastlege_date?: string;
  left_kommune_date?: string;
  /** Specialist training rules the doctor follows: a code of data/reference/specialist-schemes.yaml (new, old). */
  specialist_scheme?: string;
  /** The kommune is registered as utdanningsvirksomhet, has applied, or neither (R17). */
  utdanningsvirksomhet?: Utdanningsvirksomhet;
  /** For a part-time doctor: the other work is specified in the agreement and reporting (R18). */
  other_work_specified?: boolean;
  /** Changes on this row (new doctor, leave, stillingsprosent, end) were reported to Helfo and the directorate (R19). */
  changes_reported?: boolean;
  /** doctor_id of a doctor on leave in the same agreement and period whom this row's doctor covers (R11). */
  substitute_for?: string;
  /** Position 12 / 24 months after the doctor's agreement ended: a code of data/reference/positions.yaml. */
  position_12m?: string;
  position_24m?: string;
}

export type Parsed = { ok: true; value: unknown } | { ok: false; allowed: string };

const ok = (value: unknown): Parsed => ({ ok: true, value });
const bad = (allowed: string): Parsed => ({ ok: false, allowed });

const text = (s: string) => ok(s);
export const kommunenr = (s: string) => (/^\d{4}$/.test(s) ? ok(s) : bad("4 digits, e.g. 0301"));
const date = (s: string) => (isIsoDate(s) ? ok(s) : bad("a date written YYYY-MM-DD"));
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (s: string) =>
    (values as readonly string[]).includes(s) ? ok(s) : bad(`one of ${values.join(", ")}`);
export const jaNei = (s: string) => (s === "ja" ? ok(true) : s === "nei" ? ok(false) : bad("ja or nei"));
const count = (s: string) => (/^\d+$/.test(s) ? ok(Number(s)) : bad("a whole number 0 or more"));
/** A plain decimal number (digits, optionally a decimal comma or point): not "0x32", "5e1" or "80 %". */
const DECIMAL = /^\d+([.,]\d+)?$/;
const nonNegative = (s: string) => (DECIMAL.test(s) ? ok(Number(s.replace(",", "."))) : bad("a number 0 or more, e.g. 3 or 2,5"));
const percent = (s: string) => {
  const v = Number(s.replace(",", "."));
  return DECIMAL.test(s) && v > 0 && v <= 100 ? ok(v) : bad("a percentage above 0 and at most 100, e.g. 80");
};
/** A code from a reference list in data/reference/, read when the first cell is parsed. */
const referenceCode = (codes: () => readonly string[], file: string) => (s: string) => {
  const all = codes();
  return all.includes(s) ? ok(s) : bad(`one of ${all.join(", ")} (${file})`);
};
const period = (s: string) => (s === "1" || s === "2" ? ok(Number(s)) : bad("1 or 2"));

export interface ColumnDef {
  name: keyof Omit<RegisterRow, "row">;
  required: boolean;
  /** The column may be left out of the header (added with issue 15; older registers lack it). */
  mayBeAbsent?: boolean;
  parse: (cell: string) => Parsed;
}

export const REGISTER_COLUMNS: ReadonlyArray<ColumnDef> = [
  { name: "agreement_id", required: true, parse: text },
  { name: "kommunenr", required: true, parse: kommunenr },
  { name: "doctor_id", required: true, parse: text },
  { name: "period", required: true, parse: period },
  { name: "decision_date", required: true, parse: date },
  { name: "start_date", required: true, parse: date },
  { name: "end_date", required: true, parse: date },
  { name: "fte_pct", required: true, parse: percent },
  { name: "lis1", required: true, parse: oneOf(["completed", "eu_exception", "no"] as const) },
  { name: "lis_start_date", required: false, parse: date },
  { name: "patient_base", required: false, parse: count },
  { name: "fastleger_count", required: false, parse: count },
  { name: "veileder_specialist", required: false, parse: jaNei },
  { name: "utdanningsplan", required: false, parse: jaNei },
  { name: "leave_extension_months", required: false, parse: nonNegative },
  { name: "employment", required: false, parse: oneOf(EMPLOYMENT_FORMS) },
  { name: "other_gp_work_before", required: false, parse: jaNei },
  { name: "specialist_approved_date", required: false, parse: date },
  { name: "became_fastlege_date", required: false, parse: date },
  { name: "left_kommune_date", required: false, parse: date },
  { name: "specialist_scheme", required: false, mayBeAbsent: true, parse: referenceCode(specialistSchemeCodes, "data/reference/specialist-schemes.yaml") },
  { name: "utdanningsvirksomhet", required: false, mayBeAbsent: true, parse: oneOf(UTDANNINGSVIRKSOMHET) },
  { name: "other_work_specified", required: false, mayBeAbsent: true, parse: jaNei },
  { name: "changes_reported", required: false, mayBeAbsent: true, parse: jaNei },
  { name: "substitute_for", required: false, mayBeAbsent: true, parse: text },
  { name: "position_12m", required: false, mayBeAbsent: true, parse: referenceCode(() => [...positionCodes().keys()], "data/reference/positions.yaml") },
  { name: "position_24m", required: false, mayBeAbsent: true, parse: referenceCode(() => [...positionCodes().keys()], "data/reference/positions.yaml") },
];

export interface FormatProblem {
  field: string;
  message: string;
}

/** Reads one CSV record (column name -> cell) into a typed row and the problems found in its cells. */
export function parseRegisterRecord(record: Record<string, string>, row: number): { row: RegisterRow; problems: FormatProblem[] } {
  const out: RegisterRow = { row };
  const problems: FormatProblem[] = [];
  for (const col of REGISTER_COLUMNS) {
    const cell = (record[col.name] ?? "").trim();
    if (cell === "") {
      if (col.required) problems.push({ field: col.name, message: `${col.name} is empty; it is required` });
      continue;
    }
    const p = col.parse(cell);
    if (p.ok) (out as unknown as Record<string, unknown>)[col.name] = p.value;
    else problems.push({ field: col.name, message: `"${cell}" is not allowed in ${col.name}; expected ${p.allowed}` });
  }
  return { row: out, problems };
}
