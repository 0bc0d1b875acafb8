/**
 * The scheme's third goal: less workload for the fastleger who hand over patients. From a claims extract (the
 * regnskapstall machinery in src/claims, used only through its exported functions), per handing-over fastlege:
 * consultations (takst group 2a, counted with antall) and distinct patients in the WINDOW_MONTHS before the agreement
 * started and in the WINDOW_MONTHS from its start; the same calendar windows for the comparison fastleger give the
 * change without an agreement (a difference in differences). The extract has no list sizes, so distinct patients seen
 * stand in for the list. Groups under MIN_CELL_PERSONS doctors are suppressed.
 *
 *   claims + doctors -> accepted lines (checkedSql) -> doctor-month totals -> windows around each agreement start -> means
 */
import { MIN_CELL_PERSONS } from "../constants";
import { closeEngine, openEngine, rows } from "../claims/duckdb";
import { loadDoctors } from "../claims/readDoctors";
import { openTable } from "../claims/readTable";
import { CLAIM_COLUMNS } from "../claims/schema";
import { createTariffDays, tariffPeriods } from "../claims/tariffTable";
import { checkedSql } from "../claims/validateClaims";
import { loadParams, type ParamSet } from "../params/loadParams";

/** Takst group 2a of the normaltariff: konsultasjon (2ad, 2ae, 2ak, 2aek …), the contacts counted as consultations. */
export const CONSULTATION_TAKST_PREFIX = "2a";
/** Months before and after the agreement's start that are compared. */
export const WINDOW_MONTHS = 12;

export interface WorkloadGroup {
  /** Doctors in the group; null (and every value null) under MIN_CELL_PERSONS. */
  doctors: number | null;
  consultationsBefore: number | null;
  consultationsAfter: number | null;
  patientsBefore: number | null;
  patientsAfter: number | null;
  /** (after − before) / before of the mean consultations per doctor. */
  consultationsChange: number | null;
  patientsChange: number | null;
}

export interface FastlegeWorkload {
  windowMonths: number;
  handingOver: WorkloadGroup;
  /** Comparison fastleger over the same calendar windows (each handing-over fastlege's start, averaged). */
  comparison: WorkloadGroup;
  /** Change of the handing-over fastleger minus the change of the comparison fastleger (consultations). */
  consultationsDifference: number | null;
}

const EMPTY: WorkloadGroup = {
  doctors: null,
  consultationsBefore: null,
  consultationsAfter: null,
  patientsBefore: null,
  patientsAfter: null,
  consultationsChange: null,
  patientsChange: null,
};

function group(r: { doctors: number; cb: number; ca: number; pb: number; pa: number } | undefined): WorkloadGroup {
  if (!r || r.doctors < MIN_CELL_PERSONS) return EMPTY;
  return {
    doctors: r.doctors,
    consultationsBefore: r.cb,
    consultationsAfter: r.ca,
    patientsBefore: r.pb,
    patientsAfter: r.pa,
    consultationsChange: r.cb > 0 ? (r.ca - r.cb) / r.cb : null,
    patientsChange: r.pb > 0 ? (r.pa - r.pb) / r.pb : null,
  };
}

/** Workload of the handing-over fastleger before and after the agreement, against comparison fastleger, from a claims extract. */
export async function fastlegeWorkload(claimsFile: string, doctorsFile: string, opts: { params?: ParamSet } = {}): Promise<FastlegeWorkload> {
  const engine = await openEngine();
  try {
    await createTariffDays(engine, tariffPeriods(opts.params ?? loadParams()));
    await loadDoctors(engine, doctorsFile);
    const source = await openTable(engine, claimsFile, CLAIM_COLUMNS);
    const w = WINDOW_MONTHS;
    const antall = source.present.has("antall") ? "coalesce(antall, 1)" : "1";
    const result = await rows<{ grp: string; doctors: number; cb: number; ca: number; pb: number; pa: number }>(
      engine,
      `WITH ok AS (SELECT doctor_id, role, date, patient_id, CASE WHEN takst LIKE '${CONSULTATION_TAKST_PREFIX}%' THEN ${antall} ELSE 0 END AS consultations
                   FROM (${checkedSql(source, source.relation, false)}) WHERE reason IS NULL),
       anchors AS (SELECT doctor_id, agreement_start AS a FROM doctors WHERE role = 'avgivende_fastlege' AND agreement_start IS NOT NULL),
       windows AS (
         SELECT 'handingOver' AS grp, n.doctor_id, n.a, o.date, o.patient_id, o.consultations
           FROM anchors n JOIN ok o ON o.doctor_id = n.doctor_id
         UNION ALL
         SELECT 'comparison' AS grp, o.doctor_id || '@' || n.doctor_id AS doctor_id, n.a, o.date, o.patient_id, o.consultations
           FROM anchors n JOIN ok o ON o.role = 'fastlege'
             AND o.date >= n.a - INTERVAL ${w} MONTH AND o.date < n.a + INTERVAL ${w} MONTH),
       per_doctor AS (
         SELECT grp, doctor_id,
           sum(CASE WHEN date >= a - INTERVAL ${w} MONTH AND date < a THEN consultations ELSE 0 END)::DOUBLE AS cb,
           sum(CASE WHEN date >= a AND date < a + INTERVAL ${w} MONTH THEN consultations ELSE 0 END)::DOUBLE AS ca,
           count(DISTINCT CASE WHEN date >= a - INTERVAL ${w} MONTH AND date < a THEN patient_id END)::DOUBLE AS pb,
           count(DISTINCT CASE WHEN date >= a AND date < a + INTERVAL ${w} MONTH THEN patient_id END)::DOUBLE AS pa
         FROM windows GROUP BY ALL)
       SELECT grp, count(DISTINCT split_part(doctor_id, '@', 1))::DOUBLE AS doctors, avg(cb) AS cb, avg(ca) AS ca, avg(pb) AS pb, avg(pa) AS pa
       FROM per_doctor GROUP BY grp`,
    );
    const handingOver = group(result.find((r) => r.grp === "handingOver"));
    const comparison = group(result.find((r) => r.grp === "comparison"));
    const difference =
      handingOver.consultationsChange !== null && comparison.consultationsChange !== null
        ? handingOver.consultationsChange - comparison.consultationsChange
        : null;
    return { windowMonths: w, handingOver, comparison, consultationsDifference: difference };
  } finally {
    closeEngine(engine);
  }
}
