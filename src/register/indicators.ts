/**
 * Måloppnåelse indicators from the agreement register, by group (all, agreement, kommune, helseregion, start year):
 * FTE months of open unselected practice accrued, share who reached 24 FTE months, specialist approval, became
 * fastlege within 1 and 3 years (among those observed that long), retention in the kommune after 1, 2 and 3 years
 * (Kaplan–Meier, censored at the as-of date), share from other general-practice work (the main purpose), slot
 * utilisation, and cost per specialist and per new fastlege from the cost model. A group with fewer than
 * MIN_CELL_PERSONS doctors is suppressed (every value null), and so is any share whose denominator is that small.
 *
 *   rows -> doctors (one per doctor_id, rows merged) -> groups -> indicators (suppressed where n < 5)
 */
import { MIN_CELL_PERSONS } from "../constants";
import { kaplanMeier, survivalAt } from "../stats/kaplanMeier";
import { calendarMonthsBetween, dayNumber } from "../time/isoDate";
import type { RegisterRow } from "./columns";
import { helseregionOf } from "./helseregion";
import type { ParamSet } from "../params/loadParams";
import { fixedScalarAt } from "../params/lookup";

export interface DoctorRecord {
  doctor_id: string;
  /** The doctor's first agreement. */
  agreement_id: string;
  kommunenr: string;
  helseregion: string;
  startYear: number;
  firstStart: string;
  /** FTE months of open unselected practice accrued under agreements up to the as-of date. */
  fteMonths: number;
  otherGpWorkBefore?: boolean;
  specialistApproved?: string;
  becameFastlege?: string;
  leftKommune?: string;
}

export interface IndicatorValues {
  /** Doctors in the group; null when the group is suppressed (a count under 5 is itself a small cell). */
  doctors: number | null;
  suppressed: boolean;
  meanFteMonths: number | null;
  shareReached24FteMonths: number | null;
  shareSpecialistApproved: number | null;
  shareFastlegeWithin1Year: number | null;
  shareFastlegeWithin3Years: number | null;
  retention1Year: number | null;
  retention2Years: number | null;
  retention3Years: number | null;
  shareFromOtherGpWork: number | null;
}

export interface IndicatorsReport {
  asOf: string;
  minCellPersons: number;
  /** Register rows left out because a field the indicators need is missing, malformed or inconsistent. */
  excludedRows: number;
  overall: IndicatorValues;
  byAgreement: Record<string, IndicatorValues>;
  byKommune: Record<string, IndicatorValues>;
  byHelseregion: Record<string, IndicatorValues>;
  byStartYear: Record<string, IndicatorValues>;
  /** Active agreement-days / (cap × days from the first decision to the as-of date). */
  slotUtilisation: { share: number; activeAgreementYears: number; cap: number; from: string; to: string };
  costPerOutcome?: { costPerAgreementYearNok: number; totalCostNok: number; perSpecialistNok: number | null; perNewFastlegeNok: number | null };
}

/** Rows the indicators can use: identified, dated in order, with a stillingsprosent, started by asOf. */
export function usableRow(r: RegisterRow, asOf: string): boolean {
  return !!r.doctor_id && !!r.kommunenr && !!r.start_date && !!r.end_date && r.start_date < r.end_date && r.start_date <= asOf && r.fte_pct !== undefined;
}

/** An outcome date, or undefined when it is before the start (a data error that validate reports as R13). */
const outcome = (date: string | undefined, start: string) => (date && date >= start ? date : undefined);

/** Time to leaving the kommune (months since start), censored at asOf: the Kaplan–Meier observation of a doctor. */
export function retentionObservation(d: DoctorRecord, asOf: string): { time: number; event: boolean } {
  const left = d.leftKommune && d.leftKommune <= asOf ? d.leftKommune : undefined;
  return { time: calendarMonthsBetween(d.firstStart, left ?? asOf), event: !!left };
}

/** Groups items by a key, keys sorted. */
export function groupByKey<T>(items: ReadonlyArray<T>, key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const g = groups.get(k);
    if (g) g.push(t);
    else groups.set(k, [t]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** One record per doctor (rows of a doctor in several agreements are merged), from usable rows. */
export function doctorRecords(rows: ReadonlyArray<RegisterRow>, asOf: string): DoctorRecord[] {
  const byDoctor = groupByKey(
    rows.filter((r) => usableRow(r, asOf)),
    (r) => r.doctor_id!,
  );
  return [...byDoctor.entries()].map(([doctor_id, rs]) => {
    rs.sort((a, b) => (a.start_date! < b.start_date! ? -1 : 1));
    const first = rs[0]!;
    const fteMonths = rs.reduce((sum, r) => sum + (calendarMonthsBetween(r.start_date!, r.end_date! < asOf ? r.end_date! : asOf) * r.fte_pct!) / 100, 0);
    const known = <K extends keyof RegisterRow>(k: K) => rs.map((r) => r[k]).find((x) => x !== undefined);
    return {
      doctor_id,
      agreement_id: first.agreement_id ?? "ukjent",
      kommunenr: first.kommunenr!,
      helseregion: helseregionOf(first.kommunenr!) ?? "ukjent",
      startYear: Number(first.start_date!.slice(0, 4)),
      firstStart: first.start_date!,
      fteMonths,
      otherGpWorkBefore: known("other_gp_work_before"),
      specialistApproved: outcome(known("specialist_approved_date"), first.start_date!),
      becameFastlege: outcome(known("became_fastlege_date"), first.start_date!),
      leftKommune: outcome(known("left_kommune_date"), first.start_date!),
    };
  });
}

const within = (from: string, date: string | undefined, months: number, asOf: string) => !!date && date <= asOf && calendarMonthsBetween(from, date) <= months;
const observedFor = (from: string, months: number, asOf: string) => calendarMonthsBetween(from, asOf) >= months;

/** A share, or null when its denominator is below the suppression limit. */
function share(numerator: number, denominator: number): number | null {
  return denominator >= MIN_CELL_PERSONS ? numerator / denominator : null;
}

/** @param requiredFteMonths FTE months of open practice that count as completed (data/params/rules/required_open_practice_fte_months) */
export function indicatorValues(doctors: ReadonlyArray<DoctorRecord>, asOf: string, requiredFteMonths: number): IndicatorValues {
  const n = doctors.length;
  if (n < MIN_CELL_PERSONS) return suppressedValues();
  return computeValues(doctors, asOf, requiredFteMonths);
}

/** A suppressed cell: nothing published, not even the count. */
export function suppressedValues(): IndicatorValues {
  return {
    doctors: null,
    suppressed: true,
    meanFteMonths: null,
    shareReached24FteMonths: null,
    shareSpecialistApproved: null,
    shareFastlegeWithin1Year: null,
    shareFastlegeWithin3Years: null,
    retention1Year: null,
    retention2Years: null,
    retention3Years: null,
    shareFromOtherGpWork: null,
  };
}

function computeValues(doctors: ReadonlyArray<DoctorRecord>, asOf: string, requiredFteMonths: number): IndicatorValues {
  const n = doctors.length;
  // Fixed-horizon shares count only doctors observed for the whole horizon (counting early events of the others
  // but not their non-events would bias the share upwards).
  const obs1 = doctors.filter((d) => observedFor(d.firstStart, 12, asOf));
  const obs3 = doctors.filter((d) => observedFor(d.firstStart, 36, asOf));
  const knownOther = doctors.filter((d) => d.otherGpWorkBefore !== undefined);
  const times = doctors.map((d) => retentionObservation(d, asOf));
  const km = kaplanMeier(times);
  // Retention at t is published only while at least MIN_CELL_PERSONS doctors are still observed beyond t.
  const retention = (months: number) => (times.filter((o) => o.time > months).length >= MIN_CELL_PERSONS ? survivalAt(km, months) : null);
  return {
    doctors: n,
    suppressed: false,
    meanFteMonths: doctors.reduce((a, d) => a + d.fteMonths, 0) / n,
    shareReached24FteMonths: share(doctors.filter((d) => d.fteMonths >= requiredFteMonths - 1e-9).length, n),
    shareSpecialistApproved: share(doctors.filter((d) => d.specialistApproved && d.specialistApproved <= asOf).length, n),
    shareFastlegeWithin1Year: share(obs1.filter((d) => within(d.firstStart, d.becameFastlege, 12, asOf)).length, obs1.length),
    shareFastlegeWithin3Years: share(obs3.filter((d) => within(d.firstStart, d.becameFastlege, 36, asOf)).length, obs3.length),
    retention1Year: retention(12),
    retention2Years: retention(24),
    retention3Years: retention(36),
    shareFromOtherGpWork: share(knownOther.filter((d) => d.otherGpWorkBefore).length, knownOther.length),
  };
}

/**
 * Indicators per group with primary and secondary suppression: groups under MIN_CELL_PERSONS are suppressed, and
 * while the suppressed groups together hold fewer than MIN_CELL_PERSONS doctors (so that subtracting the shown groups
 * from the overall figure would reveal them), the smallest shown group is suppressed too.
 */
function groupBy(doctors: ReadonlyArray<DoctorRecord>, key: (d: DoctorRecord) => string, asOf: string, required: number): Record<string, IndicatorValues> {
  const groups = groupByKey(doctors, key);
  const suppressed = new Set([...groups.keys()].filter((k) => groups.get(k)!.length < MIN_CELL_PERSONS));
  const hidden = () => [...suppressed].reduce((s, k) => s + groups.get(k)!.length, 0);
  while (hidden() > 0 && hidden() < MIN_CELL_PERSONS) {
    const shown = [...groups.keys()].filter((k) => !suppressed.has(k)).sort((a, b) => groups.get(a)!.length - groups.get(b)!.length || (a < b ? -1 : 1));
    if (shown.length === 0) break;
    suppressed.add(shown[0]!);
  }
  return Object.fromEntries([...groups.keys()].map((k) => [k, suppressed.has(k) ? suppressedValues() : indicatorValues(groups.get(k)!, asOf, required)]));
}

/**
 * The default as-of date: the latest recorded event (decision, start or outcome), so the same file gives the same
 * indicators. End dates are left out: they may be planned, and an as-of date in the future would count doctors as
 * observed for years they have not yet been.
 */
export function latestDate(rows: ReadonlyArray<RegisterRow>): string {
  const dates = rows
    .flatMap((r) => [r.decision_date, r.start_date, r.specialist_approved_date, r.became_fastlege_date, r.left_kommune_date])
    .filter((d): d is string => !!d);
  return dates.sort()[dates.length - 1] ?? "1970-01-01";
}

/** Active agreement-days (any doctor working) over cap × days, from the first decision to asOf. */
export function slotUtilisation(rows: ReadonlyArray<RegisterRow>, cap: number, asOf: string): IndicatorsReport["slotUtilisation"] {
  const from =
    rows
      .map((r) => r.decision_date)
      .filter((d): d is string => !!d)
      .sort()[0] ?? asOf;
  const byAgreement = new Map<string, Array<[number, number]>>();
  for (const r of rows) {
    if (!r.agreement_id || !r.start_date || !r.end_date || r.start_date >= r.end_date) continue;
    const a = Math.max(dayNumber(r.start_date), dayNumber(from));
    const b = Math.min(dayNumber(r.end_date), dayNumber(asOf));
    if (b > a) byAgreement.set(r.agreement_id, [...(byAgreement.get(r.agreement_id) ?? []), [a, b]]);
  }
  let activeDays = 0;
  for (const spans of byAgreement.values()) {
    spans.sort((x, y) => x[0] - y[0]);
    let [s, e] = spans[0]!;
    for (const [a, b] of spans.slice(1)) {
      if (a > e) {
        activeDays += e - s;
        [s, e] = [a, b];
      } else e = Math.max(e, b);
    }
    activeDays += e - s;
  }
  const days = Math.max(0, dayNumber(asOf) - dayNumber(from));
  return { share: days > 0 && cap > 0 ? activeDays / (cap * days) : 0, activeAgreementYears: activeDays / 365.25, cap, from, to: asOf };
}

export function registerIndicators(
  rows: ReadonlyArray<RegisterRow>,
  params: ParamSet,
  opts: { asOf?: string; cap?: number; costPerAgreementYearNok?: number } = {},
): IndicatorsReport {
  const asOf = opts.asOf ?? latestDate(rows);
  const required = fixedScalarAt(params, "rules/required_open_practice_fte_months", asOf);
  const cap = opts.cap ?? fixedScalarAt(params, "budget/max_agreements", asOf);
  const doctors = doctorRecords(rows, asOf);
  const utilisation = slotUtilisation(rows, cap, asOf);
  const overall = indicatorValues(doctors, asOf, required);
  const specialists = doctors.filter((d) => d.specialistApproved && d.specialistApproved <= asOf).length;
  const fastleger = doctors.filter((d) => d.becameFastlege && d.becameFastlege <= asOf).length;
  const c = opts.costPerAgreementYearNok;
  return {
    asOf,
    minCellPersons: MIN_CELL_PERSONS,
    excludedRows: rows.filter((r) => !usableRow(r, asOf)).length,
    overall,
    byAgreement: groupBy(doctors, (d) => d.agreement_id, asOf, required),
    byKommune: groupBy(doctors, (d) => d.kommunenr, asOf, required),
    byHelseregion: groupBy(doctors, (d) => d.helseregion, asOf, required),
    byStartYear: groupBy(doctors, (d) => String(d.startYear), asOf, required),
    slotUtilisation: utilisation,
    ...(c !== undefined
      ? {
          costPerOutcome: {
            costPerAgreementYearNok: c,
            totalCostNok: c * utilisation.activeAgreementYears,
            perSpecialistNok: specialists >= MIN_CELL_PERSONS ? (c * utilisation.activeAgreementYears) / specialists : null,
            perNewFastlegeNok: fastleger >= MIN_CELL_PERSONS ? (c * utilisation.activeAgreementYears) / fastleger : null,
          },
        }
      : {}),
  };
}
