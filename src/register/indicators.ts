/**
 * Måloppnåelse indicators from the agreement register, by group (all, agreement, kommune, helseregion, start year),
 * answering the scheme's goals (data/reference/scheme-goals.yaml):
 * - specialisation: FTE months of open unselected practice accrued, share who reached 24 FTE months, and the
 *   cumulative incidence of specialist approval 24 and 36 months after start (Aalen–Johansen: leaving the kommune is
 *   a competing event, the as-of date censors);
 * - recruitment and stability: cumulative incidence of becoming fastlege (12 and 36 months, same method), retention in
 *   the kommune since start (Kaplan–Meier), and — overall — the position 12 and 24 months after the agreement ended
 *   (in the kommune, in general practice, fastlege, sykehjem/legevakt/other kommunal work) with Wilson intervals;
 * - the share from other general-practice work (the main purpose), slot utilisation, and cost per specialist — gross,
 *   and per additional specialist against a comparison register or a stated external rate.
 * A group with fewer than MIN_CELL_PERSONS doctors is suppressed (every value null), and so is any share whose
 * denominator is that small, and any curve value with fewer than MIN_CELL_PERSONS still at risk beyond it.
 *
 *   rows -> doctors (one per doctor_id, rows merged) -> groups -> indicators (suppressed where n < 5)
 */
import { MIN_CELL_PERSONS } from "../constants";
import { kaplanMeier, survivalAt } from "../stats/kaplanMeier";
import { aalenJohansen, cumulativeIncidenceAt } from "../stats/aalenJohansen";
import { wilsonInterval, type ShareInterval } from "../stats/wilsonInterval";
import { addMonths } from "../time/isoDate";
import { formatPercent } from "../format/norwegian";
import { positionCodes, type PositionDef } from "./referenceLists";
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
  /** The end of the doctor's last agreement row. */
  lastEnd: string;
  /** Position codes (data/reference/positions.yaml) 12 and 24 months after lastEnd, when recorded. */
  position12m?: string;
  position24m?: string;
}

/** Horizons (months from the doctor's first start) of the cumulative incidences; analysis choices, not rules. */
export const SPECIALIST_HORIZONS_MONTHS = [24, 36] as const;
export const FASTLEGE_HORIZONS_MONTHS = [12, 36] as const;
/** Months after the agreement ended at which the register records the doctor's position (position_12m, position_24m). */
export const POSITION_HORIZONS_MONTHS = [12, 24] as const;
/** Confidence level of the intervals published around shares. */
export const INTERVAL_LEVEL = 0.95;

export interface IndicatorValues {
  /** Doctors in the group; null when the group is suppressed (a count under 5 is itself a small cell). */
  doctors: number | null;
  suppressed: boolean;
  meanFteMonths: number | null;
  shareReached24FteMonths: number | null;
  /** Cumulative incidence of specialist approval in the kommune by 24 / 36 months from start (Aalen–Johansen). */
  specialistBy24Months: number | null;
  specialistBy36Months: number | null;
  /** Cumulative incidence of becoming fastlege in the kommune by 12 / 36 months from start (Aalen–Johansen). */
  fastlegeBy12Months: number | null;
  fastlegeBy36Months: number | null;
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
  /** Position 12 and 24 months after the agreement ended, overall (doctors with a recorded position at that horizon). */
  afterAgreement: AfterAgreement[];
  /** The specialist cumulative incidence of the comparison (register or external rate) at COMPARISON_HORIZON_MONTHS. */
  comparison?: ComparisonResult;
  costPerOutcome?: {
    costPerAgreementYearNok: number;
    totalCostNok: number;
    /** Gross: total cost / specialists approved by the as-of date. */
    perSpecialistNok: number | null;
    /** Total cost / (doctors × (intro − comparison cumulative incidence at the horizon)); null without a comparison. */
    perAdditionalSpecialistNok: number | null;
    perNewFastlegeNok: number | null;
  };
}

export interface AfterAgreement {
  months: number;
  /** Doctors with a recorded position at this horizon; null when under MIN_CELL_PERSONS (then every share is null). */
  doctors: number | null;
  inKommune: ShareInterval | null;
  inGeneralPractice: ShareInterval | null;
  fastlege: ShareInterval | null;
  otherKommunalWork: ShareInterval | null;
}

/** What the intro doctors are compared with: a register of comparison doctors, or an external rate with its source. */
export type Comparison =
  { kind: "register"; file: string; doctors: ReadonlyArray<ComparisonDoctor> } | { kind: "rate"; specialistShare: number; source: string };

export interface ComparisonDoctor {
  doctor_id: string;
  start: string;
  specialistApproved?: string;
  leftKommune?: string;
}

export interface ComparisonResult {
  kind: "register" | "rate";
  /** The register file, or the source of the external rate. */
  source: string;
  horizonMonths: number;
  /** Comparison doctors (register), or null for a rate. */
  doctors: number | null;
  /** Cumulative incidence of specialist approval at the horizon: intro doctors and comparison. */
  introSpecialistShare: number | null;
  comparisonSpecialistShare: number | null;
  /** Doctors × the difference: the specialists the agreements added, under the comparison's assumption. */
  additionalSpecialists: number | null;
  assumption: string;
}

/** Horizon of the comparison and of cost per additional specialist (months from start). */
export const COMPARISON_HORIZON_MONTHS = 36;

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
    const last = rs.reduce((a, r) => (r.end_date! > a.end_date! ? r : a), first);
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
      lastEnd: last.end_date!,
      position12m: last.position_12m,
      position24m: last.position_24m,
    };
  });
}

/**
 * A doctor's competing-risks observation for an outcome (cause 1) against leaving the kommune (cause 2), in months
 * from `start`, censored at asOf. An outcome on the day the doctor leaves counts as the outcome.
 */
export function competingObservation(
  start: string,
  outcomeDate: string | undefined,
  leftDate: string | undefined,
  asOf: string,
): { time: number; cause: number } {
  const o = outcomeDate && outcomeDate >= start && outcomeDate <= asOf ? outcomeDate : undefined;
  const l = leftDate && leftDate >= start && leftDate <= asOf ? leftDate : undefined;
  if (o && (!l || o <= l)) return { time: calendarMonthsBetween(start, o), cause: 1 };
  if (l) return { time: calendarMonthsBetween(start, l), cause: 2 };
  return { time: calendarMonthsBetween(start, asOf), cause: 0 };
}

/** Aalen–Johansen F(months) of an outcome with leaving the kommune competing; null while under MIN_CELL_PERSONS remain at risk beyond it. */
function cumulativeIncidenceOf(obs: ReadonlyArray<{ time: number; cause: number }>, months: number): number | null {
  if (obs.filter((o) => o.time > months).length < MIN_CELL_PERSONS) return null;
  return cumulativeIncidenceAt(aalenJohansen(obs, 2), 1, months);
}

function cumulativeIncidence(doctors: ReadonlyArray<DoctorRecord>, date: (d: DoctorRecord) => string | undefined, months: number, asOf: string): number | null {
  return cumulativeIncidenceOf(
    doctors.map((d) => competingObservation(d.firstStart, date(d), d.leftKommune, asOf)),
    months,
  );
}

/** Positions 12 and 24 months after the agreement ended: shares with Wilson intervals, suppressed under 5 doctors. */
export function afterAgreement(doctors: ReadonlyArray<DoctorRecord>, asOf: string): AfterAgreement[] {
  const codes = positionCodes();
  return POSITION_HORIZONS_MONTHS.map((months) => {
    const recorded = doctors
      .filter((d) => addMonths(d.lastEnd, months) <= asOf)
      .map((d) => codes.get((months === POSITION_HORIZONS_MONTHS[0] ? d.position12m : d.position24m) ?? ""))
      .filter((p): p is PositionDef => p !== undefined);
    const n = recorded.length;
    if (n < MIN_CELL_PERSONS) return { months, doctors: null, inKommune: null, inGeneralPractice: null, fastlege: null, otherKommunalWork: null };
    const interval = (k: "inKommune" | "inGeneralPractice" | "fastlege" | "otherKommunalWork") =>
      wilsonInterval(recorded.filter((p) => p[k]).length, n, INTERVAL_LEVEL);
    return {
      months,
      doctors: n,
      inKommune: interval("inKommune"),
      inGeneralPractice: interval("inGeneralPractice"),
      fastlege: interval("fastlege"),
      otherKommunalWork: interval("otherKommunalWork"),
    };
  });
}

/** The comparison at COMPARISON_HORIZON_MONTHS: intro doctors' specialist cumulative incidence against the comparison's. */
export function compareSpecialists(doctors: ReadonlyArray<DoctorRecord>, comparison: Comparison, asOf: string): ComparisonResult {
  const h = COMPARISON_HORIZON_MONTHS;
  const intro = doctors.length >= MIN_CELL_PERSONS ? cumulativeIncidence(doctors, (d) => d.specialistApproved, h, asOf) : null;
  const comp =
    comparison.kind === "rate"
      ? comparison.specialistShare
      : comparison.doctors.length >= MIN_CELL_PERSONS
        ? cumulativeIncidenceOf(
            comparison.doctors.map((d) => competingObservation(d.start, d.specialistApproved, d.leftKommune, asOf)),
            h,
          )
        : null;
  const additional = intro !== null && comp !== null ? doctors.length * (intro - comp) : null;
  return {
    kind: comparison.kind,
    source: comparison.kind === "rate" ? comparison.source : comparison.file,
    horizonMonths: h,
    doctors: comparison.kind === "register" ? (comparison.doctors.length >= MIN_CELL_PERSONS ? comparison.doctors.length : null) : null,
    introSpecialistShare: intro,
    comparisonSpecialistShare: comp,
    additionalSpecialists: additional,
    assumption:
      comparison.kind === "rate"
        ? `uten avtale ville ${formatPercent(comparison.specialistShare, 1)} av introduksjonslegene vært spesialister ${h} måneder etter start (${comparison.source})`
        : `sammenligningslegene (annet allmennlegearbeid, uten avtale) viser hva introduksjonslegene ville gjort uten avtale: samme kumulative andel spesialister ${h} måneder etter start`,
  };
}

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
    specialistBy24Months: null,
    specialistBy36Months: null,
    fastlegeBy12Months: null,
    fastlegeBy36Months: null,
    retention1Year: null,
    retention2Years: null,
    retention3Years: null,
    shareFromOtherGpWork: null,
  };
}

function computeValues(doctors: ReadonlyArray<DoctorRecord>, asOf: string, requiredFteMonths: number): IndicatorValues {
  const n = doctors.length;
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
    specialistBy24Months: cumulativeIncidence(doctors, (d) => d.specialistApproved, SPECIALIST_HORIZONS_MONTHS[0], asOf),
    specialistBy36Months: cumulativeIncidence(doctors, (d) => d.specialistApproved, SPECIALIST_HORIZONS_MONTHS[1], asOf),
    fastlegeBy12Months: cumulativeIncidence(doctors, (d) => d.becameFastlege, FASTLEGE_HORIZONS_MONTHS[0], asOf),
    fastlegeBy36Months: cumulativeIncidence(doctors, (d) => d.becameFastlege, FASTLEGE_HORIZONS_MONTHS[1], asOf),
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
  opts: { asOf?: string; cap?: number; costPerAgreementYearNok?: number; comparison?: Comparison } = {},
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
  const comparison = opts.comparison ? compareSpecialists(doctors, opts.comparison, asOf) : undefined;
  const total = c === undefined ? 0 : c * utilisation.activeAgreementYears;
  const additional = comparison?.additionalSpecialists ?? null;
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
    afterAgreement: afterAgreement(doctors, asOf),
    ...(comparison ? { comparison } : {}),
    ...(c !== undefined
      ? {
          costPerOutcome: {
            costPerAgreementYearNok: c,
            totalCostNok: total,
            perSpecialistNok: specialists >= MIN_CELL_PERSONS ? total / specialists : null,
            perAdditionalSpecialistNok: additional !== null && additional > 0 ? total / additional : null,
            perNewFastlegeNok: fastleger >= MIN_CELL_PERSONS ? total / fastleger : null,
          },
        }
      : {}),
  };
}
