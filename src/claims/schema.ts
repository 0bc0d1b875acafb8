/**
 * The claims extract's schema: the columns of the claim-line file and of the doctor table, their SQL types and allowed
 * values (the one place README's schema table is written from), the zod schema every doctor row must satisfy, and the
 * catalogue of reasons a claim line is rejected for.
 */
import { z } from "zod";
import { isIsoDate } from "../time/isoDate";

export interface ColumnSpec {
  name: string;
  /** DuckDB type the column is read as. */
  sqlType: "VARCHAR" | "DATE" | "BIGINT" | "DOUBLE";
  description: string;
  /** An optional column may be absent from the file (its default is described). */
  optional?: boolean;
}

/**
 * Parquet column types accepted for each schema type (CSV is read as text). Text must then match the type's pattern
 * (whole øre, YYYY-MM-DD); any other type (TIMESTAMP, DECIMAL, DOUBLE for an amount, …) is refused with one message
 * naming the column, because a silent conversion could round or shift a value.
 */
export const ACCEPTED_TYPES: Record<ColumnSpec["sqlType"], { pattern: RegExp; allowed: string }> = {
  VARCHAR: { pattern: /^(VARCHAR|TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/, allowed: "text (VARCHAR) or an integer type" },
  DATE: { pattern: /^(DATE|VARCHAR)$/, allowed: "DATE, or text written YYYY-MM-DD" },
  BIGINT: {
    pattern: /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|VARCHAR)$/,
    allowed: "an integer type (whole øre), or text of whole øre",
  },
  DOUBLE: {
    pattern: /^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL\(\d+,\d+\)|VARCHAR)$/,
    allowed: "a number, or text of a number",
  },
};

/** One row per claim line (one takst on one bill), pseudonymised. */
export const CLAIM_COLUMNS: ReadonlyArray<ColumnSpec> = [
  { name: "doctor_id", sqlType: "VARCHAR", description: "pseudonymous doctor id (key into the doctor table)" },
  { name: "practice_id", sqlType: "VARCHAR", description: "pseudonymous practice (legekontor) id; the bootstrap resamples practices" },
  { name: "kommunenr", sqlType: "VARCHAR", description: "kommune number, 4 digits" },
  { name: "date", sqlType: "DATE", description: "date of the contact, YYYY-MM-DD" },
  { name: "takst", sqlType: "VARCHAR", description: "takst code of the normaltariff, e.g. 2ad; must exist in data/params/normaltariff on that date" },
  { name: "refusjon_ore", sqlType: "BIGINT", description: "refusjon paid by folketrygden, øre, >= 0" },
  { name: "egenandel_ore", sqlType: "BIGINT", description: "egenandel of the takst, øre, >= 0 (paid by folketrygden when patient_exempt = ja)" },
  { name: "patient_exempt", sqlType: "VARCHAR", description: "ja | nei: patient exempt from egenandel (frikort, child under 16, …)" },
  { name: "patient_id", sqlType: "VARCHAR", description: "pseudonymous patient id" },
  {
    name: "antall",
    sqlType: "DOUBLE",
    optional: true,
    description: "uses of the takst on the line (> 0; default 1); the amounts are for all of them (checked against the tariff per use)",
  },
];

export const DOCTOR_ROLES = ["intro", "avgivende_fastlege", "fastlege"] as const;
export type DoctorRole = (typeof DOCTOR_ROLES)[number];

/** One row per doctor. */
export const DOCTOR_COLUMNS: ReadonlyArray<ColumnSpec> = [
  { name: "doctor_id", sqlType: "VARCHAR", description: "pseudonymous doctor id, unique" },
  { name: "role", sqlType: "VARCHAR", description: "intro | avgivende_fastlege | fastlege (comparison)" },
  { name: "agreement_id", sqlType: "VARCHAR", description: "the introduksjonsavtale; required for intro and avgivende_fastlege, empty for fastlege" },
  { name: "agreement_start", sqlType: "DATE", description: "intro: first day of this doctor's work under the agreement; avgivende: the agreement's start" },
  { name: "agreement_end", sqlType: "DATE", description: "intro: last day of this doctor's work; avgivende: the agreement's last day (inclusive)" },
  {
    name: "active_from",
    sqlType: "DATE",
    optional: true,
    description:
      "first day of a period the doctor practised (several rows per doctor allowed, one per period); without the column, periods are inferred from the claims",
  },
  {
    name: "active_to",
    sqlType: "DATE",
    optional: true,
    description: "last day of that period (inclusive); empty = still practising at the end of the extract",
  },
  {
    name: "employment_form",
    sqlType: "VARCHAR",
    optional: true,
    description: "intro doctor's employment form (e.g. fast_ansatt, naeringsdrivende); estimates are split by it",
  },
  { name: "sentralitet", sqlType: "VARCHAR", optional: true, description: "SSB sentralitet class (1-6) of the hosting kommune; estimates are split by it" },
];

const isoDay = z.string().refine(isIsoDate, { message: "expected a date written YYYY-MM-DD" });

/** A doctor row as read (empty cells are null). */
export const doctorRow = z
  .object({
    doctor_id: z.string().min(1, "doctor_id must not be empty"),
    role: z.enum(DOCTOR_ROLES, { message: `role must be one of ${DOCTOR_ROLES.join(", ")}` }),
    agreement_id: z.string().min(1).nullable(),
    agreement_start: isoDay.nullable(),
    agreement_end: isoDay.nullable(),
    active_from: isoDay.nullable().optional(),
    active_to: isoDay.nullable().optional(),
    employment_form: z.string().min(1).nullable().optional(),
    sentralitet: z.string().min(1).nullable().optional(),
  })
  .superRefine((d, ctx) => {
    if (d.active_from && d.active_to && d.active_to < d.active_from) {
      ctx.addIssue({ code: "custom", path: ["active_to"], message: `active_to ${d.active_to} is before active_from ${d.active_from}` });
    }
    if (!d.active_from && d.active_to) ctx.addIssue({ code: "custom", path: ["active_from"], message: "active_from is required when active_to is given" });
    if (d.role === "fastlege") return;
    for (const k of ["agreement_id", "agreement_start", "agreement_end"] as const) {
      if (d[k] === null) ctx.addIssue({ code: "custom", path: [k], message: `${k} is required when role is ${d.role}` });
    }
    if (d.agreement_start && d.agreement_end && d.agreement_end < d.agreement_start) {
      ctx.addIssue({ code: "custom", path: ["agreement_end"], message: `agreement_end ${d.agreement_end} is before agreement_start ${d.agreement_start}` });
    }
  });
export type DoctorRow = z.infer<typeof doctorRow>;

/**
 * Why a claim line is rejected, in the order they are checked (a line gets the first that applies). `column` is set
 * for the reasons that name one column.
 */
export const REJECTION_REASONS = {
  missing_value: "a required value is empty",
  bad_value: "a value cannot be read as its type (date YYYY-MM-DD, whole øre)",
  bad_patient_exempt: "patient_exempt is not ja or nei",
  negative_amount: "refusjon_ore or egenandel_ore is negative, or antall is not above 0",
  amount_out_of_range: "refusjon_ore or egenandel_ore is above the largest amount a claim line may carry",
  unknown_doctor: "doctor_id is not in the doctor table",
  outside_active_period: "dated outside every active period the doctor table gives for the doctor",
} as const;
export type RejectionReason = keyof typeof REJECTION_REASONS;
