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
  sqlType: "VARCHAR" | "DATE" | "BIGINT";
  description: string;
}

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
  })
  .superRefine((d, ctx) => {
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
  negative_amount: "refusjon_ore or egenandel_ore is negative",
  unknown_doctor: "doctor_id is not in the doctor table",
  outside_agreement_window: "an intro doctor's claim dated outside the doctor's agreement_start – agreement_end",
  unknown_takst_for_date: "the takst does not exist in the normaltariff on that date",
} as const;
export type RejectionReason = keyof typeof REJECTION_REASONS;
