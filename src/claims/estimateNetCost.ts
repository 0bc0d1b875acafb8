/**
 * The regnskapstall pipeline: net extra folketrygd cost per agreement-year from a claims extract.
 *
 *   doctor table (zod) + normaltariff periods -> DuckDB
 *   claims file (or folder of Parquet files) -> validate + aggregate in one SQL pass (validateClaims)
 *   -> practice periods (given or inferred) and sufficient statistics (sufficientStats)
 *   -> stacked DiD estimate + practice-clustered bootstrap (didProblem, bootstrap): superpopulation interval; residual
 *      variance + comparison-only bootstrap: interval for the agreements in the extract
 *   -> joint pre-trend test, sensitivity bounds (preTrend), heterogeneity by cohort and groups, warnings
 *   -> comparison with HOD's 500 000 kr (compareWithHod); analysis/compareWithSimulation adds the cost model's
 *
 * "Folketrygd cost" of a claim line = refusjon_ore + egenandel_ore when patient_exempt = ja (folketrygden pays the
 * egenandel of exempt patients and frikort holders); for intro doctors it is all extra, for avgivende fastleger only the
 * fall against their counterfactual (didProblem) is subtracted.
 */
import {
  CLAIMS_MAX_ANTICIPATION_MONTHS,
  CLAIMS_MAX_BASELINE_MONTHS,
  CLAIMS_PERIOD_GAP_MONTHS,
  CLAIMS_PRE_WINDOW_MONTHS,
  CLAIMS_PRETREND_ALPHA,
  CLAIMS_PRETREND_BIN_MONTHS,
  CLAIMS_SENSITIVITY_MBAR,
  DEFAULT_BOOTSTRAP,
  DEFAULT_SEED,
} from "../constants";
import { percentileSorted, sortedCopy } from "../stats/summarise";
import { UserError } from "../errors/userError";
import { loadParams, type ParamSet } from "../params/loadParams";
import { packageVersion } from "../manifest/manifest";
import { clusterBootstrap } from "./bootstrap";
import { compareWithHod, type Interval, type ReferenceComparison, type SimulationComparison } from "./compareWithHod";
import { didProblem, residualVariance, type DidProblem } from "./didProblem";
import { closeEngine, openEngine } from "./duckdb";
import { jointPreTrendTest, preTrendSlope, sensitivityBounds, type JointPreTrendTest, type SensitivityBound } from "./preTrend";
import { loadDoctors } from "./readDoctors";
import { stampFile, type FileStamp } from "./readTable";
import { sufficientStats, type AgreementStats, type PeriodReport } from "./sufficientStats";
import { createTariffDays, tariffPeriods } from "./tariffTable";
import { rejectionSummary, validateClaims, type ClaimsValidation } from "./validateClaims";
import { formatNok } from "../format/norwegian";

export interface EstimateOptions {
  /** Bootstrap replications (default DEFAULT_BOOTSTRAP = 999). */
  bootstrap?: number;
  /** Seed of the bootstrap (default DEFAULT_SEED). */
  seed?: number;
  /** Parameter set (default: data/params). */
  params?: ParamSet;
  /** DuckDB threads (default: all cores). */
  threads?: number;
  /** Longest baseline before the start, months (default CLAIMS_PRE_WINDOW_MONTHS = 12; at most CLAIMS_MAX_BASELINE_MONTHS). */
  baselineMonths?: number;
  /**
   * Months right before the start left out of the baseline and counted in the effect, for hand-overs that begin before
   * the formal start (default 0; at most CLAIMS_MAX_ANTICIPATION_MONTHS).
   */
  anticipationMonths?: number;
  /** Inferred practice periods (doctor table without active_from): empty months in a row that end a period (default CLAIMS_PERIOD_GAP_MONTHS = 3). */
  periodGapMonths?: number;
  /** Called before each long step with a short description (the CLI shows it on a terminal). */
  onStep?: (step: string) => void;
}

export interface EventCoefficient {
  /** Months from the agreement's start (0 = the start month). */
  e: number;
  /** Change in the avgivende fastleger's folketrygd cost against the comparison, kr per doctor-month. */
  estimate: number;
  ci95: [number, number];
  /** Agreements with this month in their window. */
  agreements: number;
}

export interface PreTrendCheck {
  /** Baseline event months checked (e < −k). */
  months: number;
  coefficients: EventCoefficient[];
  /** Least-squares slope of the pre-start coefficients, kr per doctor-month per month. */
  slopeNokPerMonth: Interval;
  /** Pre-start coefficients whose 95 % interval excludes 0 (about 5 % of them by chance under parallel trends). */
  coefficientsExcludingZero: number;
  /** The joint test of all baseline coefficients (null with too few months). */
  joint: JointPreTrendTest | null;
  /** Level of the joint test; parallelTrendsPlausible = its bootstrap p-value is at or above it. */
  alpha: number;
  parallelTrendsPlausible: boolean;
  statement: string;
}

/** The headline: the estimate with its interval for the agreements in the extract (ci95) and for a superpopulation of agreements. */
export interface NetInterval extends Interval {
  ci95Superpopulation: [number, number];
}

export interface Sensitivity {
  /** Largest |β_e| before the start, kr per avgivende doctor-month. */
  largestPreDeviationNok: number;
  /** Avgivende doctor-months in the effect window per agreement-year. */
  doctorMonthsPerAgreementYear: number;
  bounds: SensitivityBound[];
  /** True when the pre-trend test fails: the bounds, not the point estimate, are the result to show first. */
  showFirst: boolean;
  statement: string;
}

export interface GroupEstimate {
  by: "cohort" | "employment_form" | "sentralitet";
  group: string;
  agreements: number;
  agreementYears: number;
  /** Net cost per agreement-year with the superpopulation (practice bootstrap) interval. */
  estimate: number;
  ci95: [number, number];
}

export interface ClaimsEstimate {
  netCostPerAgreementYear: NetInterval;
  /** Net cost after subtracting what the intro doctors billed before the agreement and would have billed anyway (null when none did). */
  netCostAdjustedForPriorActivity: (Interval & { displacedPerAgreementYear: Interval; introDoctorsWithPriorActivity: number }) | null;
  components: {
    /** Intro doctors' folketrygd cost (refusjon + egenandel paid by folketrygden) per agreement-year. */
    introCostPerAgreementYear: Interval;
    /** Fall in the handing-over fastleger's folketrygd cost (DiD) per agreement-year; positive = they bill less. */
    avgivendeFallPerAgreementYear: Interval;
    introRefusjonNok: number;
    introEgenandelPaidNok: number;
    introCostNok: number;
    avgivendeFallNok: number;
  };
  agreementYears: number;
  agreements: { included: number; excluded: Array<{ agreementId: string; reason: string }> };
  comparisonDoctors: number;
  span: { from: string; to: string };
  eventStudy: EventCoefficient[];
  preTrend: PreTrendCheck;
  sensitivity: Sensitivity;
  heterogeneity: GroupEstimate[];
  periods: PeriodReport;
  design: { baselineMonths: number; anticipationMonths: number; periodGapMonths: number; intervalPopulation: string };
  reference: ReferenceComparison;
  simulation?: SimulationComparison;
  validation: {
    claims: ClaimsValidation;
    doctors: { file: string; rows: number; doctors: number; byRole: Record<string, number>; withoutClaims: number; periodsGiven: boolean };
  };
  manifest: {
    tool: "introsim";
    version: string;
    claims: FileStamp & { rowsRead: number };
    doctors: FileStamp & { rows: number };
    seed: number;
    bootstrap: number;
    method: string;
    data: { hash: string };
  };
  warnings: string[];
}

const monthLabel = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;

function interval(estimate: number, draws: Float64Array): Interval {
  const finite = sortedCopy(draws.filter(Number.isFinite));
  if (finite.length === 0) return { estimate, ci95: [Number.NaN, Number.NaN] };
  return { estimate, ci95: [percentileSorted(finite, 0.025), percentileSorted(finite, 0.975)] };
}

function wholeIn(name: string, v: number, min: number, max: number): number {
  if (!Number.isInteger(v) || v < min || v > max) throw new UserError("flag", name, `must be a whole number from ${min} to ${max}; got ${v}`);
  return v;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- @stdlib packages are CommonJS without types
const quantileNormal = (p: number): number => (require("@stdlib/stats-base-dists-normal-quantile") as (p: number, mu: number, s: number) => number)(p, 0, 1);

function variance(x: Float64Array): number {
  const f = x.filter(Number.isFinite);
  if (f.length < 2) return 0;
  const m = f.reduce((a, b) => a + b, 0) / f.length;
  return f.reduce((a, b) => a + (b - m) * (b - m), 0) / (f.length - 1);
}

/** Estimates by start cohort and, when the doctor table has them, employment form and sentralitet (groups of at least 2 agreements). */
function heterogeneity(problem: DidProblem, included: AgreementStats[], B: number, seed: number): GroupEstimate[] {
  const out: GroupEstimate[] = [];
  const keys: Array<[GroupEstimate["by"], (a: AgreementStats) => string | null]> = [
    ["cohort", (a) => a.cohort],
    ["employment_form", (a) => a.employmentForm],
    ["sentralitet", (a) => a.sentralitet],
  ];
  for (const [by, key] of keys) {
    const groups = [...new Set(included.map(key).filter((g): g is string => g !== null))].sort();
    if (groups.length < 2 && by !== "cohort") continue;
    for (const group of groups) {
      const mask = Float64Array.from(included, (a) => (key(a) === group ? 1 : 0));
      const n = mask.reduce((s, x) => s + x, 0);
      if (n < 2) continue;
      const { point, draws } = clusterBootstrap(problem, B, seed, { unitMask: mask });
      const iv = interval(point.netPerAgreementYear, draws.net);
      out.push({ by, group, agreements: n, agreementYears: point.agreementYears, estimate: iv.estimate, ci95: iv.ci95 });
    }
  }
  return out;
}

function checkUsable(agreements: AgreementStats[], comparisonDoctors: number, claimsFile: string): void {
  const included = agreements.filter((a) => a.excludedBecause === null);
  if (included.length === 0) {
    const why = agreements.length
      ? agreements
          .slice(0, 5)
          .map((a) => `${a.agreementId}: ${a.excludedBecause}`)
          .join("; ")
      : "the doctor table has no intro or avgivende_fastlege rows";
    throw new UserError("io", claimsFile, `no agreement can be estimated (${why})`);
  }
  if (comparisonDoctors === 0)
    throw new UserError("io", claimsFile, "no comparison fastlege (role fastlege) has accepted claims; the difference-in-differences needs them");
}

/** Estimates the net extra folketrygd cost per agreement-year from a claims file and a doctor table. */
export async function estimateNetCost(claimsFile: string, doctorsFile: string, opts: EstimateOptions = {}): Promise<ClaimsEstimate> {
  const params = opts.params ?? loadParams();
  const B = opts.bootstrap ?? DEFAULT_BOOTSTRAP;
  const seed = opts.seed ?? DEFAULT_SEED;
  const baselineMonths = wholeIn("--baseline-months", opts.baselineMonths ?? CLAIMS_PRE_WINDOW_MONTHS, 3, CLAIMS_MAX_BASELINE_MONTHS);
  const anticipationMonths = wholeIn("--anticipation-months", opts.anticipationMonths ?? 0, 0, CLAIMS_MAX_ANTICIPATION_MONTHS);
  const periodGapMonths = wholeIn("--period-gap", opts.periodGapMonths ?? CLAIMS_PERIOD_GAP_MONTHS, 1, 120);
  const step = opts.onStep ?? (() => {});
  const engine = await openEngine(opts.threads ? { threads: opts.threads } : {});
  try {
    await createTariffDays(engine, tariffPeriods(params));
    step("reading the doctor table");
    const doctors = await loadDoctors(engine, doctorsFile);
    const periodsGiven = doctors.periods !== null;
    step("validating and aggregating claim lines");
    const validation = await validateClaims(engine, claimsFile, { withPeriods: periodsGiven });
    if (validation.accepted === 0)
      throw new UserError("io", claimsFile, `no claim line was accepted (${validation.read} read; rejected: ${rejectionSummary(validation) || "none"})`);
    step("building the doctor × month panel");
    const stats = await sufficientStats(engine, { baselineMonths, anticipationMonths, gapMonths: periodGapMonths, periodsGiven });
    checkUsable(stats.agreements, stats.comparisonDoctors, claimsFile);
    const problem = didProblem(stats);
    step(`bootstrap (${B} replications, clustered by practice)`);
    const { point, draws } = clusterBootstrap(problem, B, seed);
    const comp = clusterBootstrap(problem, B, seed, { comparisonOnly: true }).draws;
    const warnings: string[] = [];
    if (problem.strata[0].length < 10)
      warnings.push(`only ${problem.strata[0].length} practices host an agreement: the bootstrap interval is rough with so few clusters`);

    const eventStudy: EventCoefficient[] = [];
    const column = new Float64Array(B);
    for (let j = 0; j < problem.events; j++) {
      if (!Number.isFinite(point.beta[j]!)) continue;
      for (let b = 0; b < B; b++) column[b] = draws.beta[b * problem.events + j]!;
      let agreements = 0;
      for (let u = 0; u < problem.units; u++) if (problem.nev[u * problem.events + j]! > 0) agreements++;
      const iv = interval(point.beta[j]!, column);
      eventStudy.push({ e: problem.eventMin + j, estimate: iv.estimate, ci95: iv.ci95, agreements });
    }
    const k = anticipationMonths;
    const pre = eventStudy.filter((c) => c.e < -k);
    const slope = interval(preTrendSlope(point.beta, problem.eventMin, k), draws.preTrendSlope);
    const joint = jointPreTrendTest(point.beta, draws.beta, B, problem.eventMin, k, CLAIMS_PRETREND_BIN_MONTHS, problem.strata[0].length);
    const plausible = joint === null || joint.p >= CLAIMS_PRETREND_ALPHA;
    const pText = joint
      ? `joint test of ${joint.coefficients} baseline bins of ${joint.binMonths} months, p = ${joint.p.toFixed(3)} (Hotelling's T² over ${joint.clusters} hosting practices)`
      : "";
    const preTrend: PreTrendCheck = {
      months: pre.length,
      coefficients: pre,
      slopeNokPerMonth: slope,
      coefficientsExcludingZero: pre.filter((c) => c.ci95[0] > 0 || c.ci95[1] < 0).length,
      joint,
      alpha: CLAIMS_PRETREND_ALPHA,
      parallelTrendsPlausible: plausible,
      statement:
        joint === null
          ? "Too few months before the starts to test the trends."
          : plausible
            ? `Parallel trends look plausible: before the start the handing-over fastleger moved like the comparison fastleger (${pText}; slope ${slope.estimate.toFixed(0)} kr per doctor-month per month).`
            : `Parallel trends are rejected: before the start the handing-over fastleger did not move like the comparison (${pText}; slope ${slope.estimate.toFixed(0)} kr per doctor-month per month); the fall may be mis-measured, see the sensitivity bounds.`,
    };
    const bounds = sensitivityBounds(
      { net: point.netPerAgreementYear, beta: point.beta, doctorMonths: point.fallDoctorMonthsPerAgreementYear },
      { net: draws.net, beta: draws.beta, doctorMonths: draws.fallDoctorMonths, replications: B },
      problem.eventMin,
      k,
      CLAIMS_SENSITIVITY_MBAR,
    );
    const b1 = bounds.find((x) => x.mBar === 1);
    const sensitivity: Sensitivity = {
      largestPreDeviationNok: Math.max(0, ...pre.map((c) => Math.abs(c.estimate))),
      doctorMonthsPerAgreementYear: point.fallDoctorMonthsPerAgreementYear,
      bounds,
      showFirst: !plausible,
      statement: b1
        ? `If after the start the trends may part by as much as the largest gap before it (M̄ = 1), the net cost lies in ${formatNok(b1.lower)} – ${formatNok(b1.upper)} (95 % ${formatNok(b1.ci95[0])} – ${formatNok(b1.ci95[1])}).`
        : "",
    };
    if (!plausible)
      warnings.push(`the pre-trend test rejects parallel trends (p = ${joint!.p.toFixed(3)}): the headline may be biased; ${sensitivity.statement}`);

    const z = quantileNormal(0.975);
    const sdExtract = Math.sqrt(variance(comp.net) + residualVariance(problem));
    const superpop = interval(point.netPerAgreementYear, draws.net);
    const net: NetInterval = {
      estimate: point.netPerAgreementYear,
      ci95: [point.netPerAgreementYear - z * sdExtract, point.netPerAgreementYear + z * sdExtract],
      ci95Superpopulation: superpop.ci95,
    };
    const v = validation;
    const pct = (x: number) => `${(100 * x).toFixed(1).replace(".", ",")} %`;
    if (v.unknownTakster.length > 0) {
      const kr = v.unknownTakster.reduce((s, x) => s + x.kroner, 0);
      warnings.push(
        `${v.unknownTakster.reduce((s, x) => s + x.lines, 0)} accepted lines have takster unknown to the normaltariff on their date (${v.unknownTakster
          .slice(0, 5)
          .map((x) => x.takst)
          .join(", ")}${v.unknownTakster.length > 5 ? ", …" : ""}): ${formatNok(kr)}, ${pct(kr / v.acceptedKroner)} of the accepted cost, counted as paid`,
      );
    }
    if (v.tariffMismatches.length > 0) {
      const kr = v.tariffMismatches.reduce((s, x) => s + x.kroner, 0);
      warnings.push(
        `${v.tariffMismatches.reduce((s, x) => s + x.lines, 0)} accepted lines have amounts outside the dated tariff (± ${pct(v.tariffTolerance)}) for ${v.tariffMismatches
          .slice(0, 5)
          .map((x) => x.takst)
          .join(", ")}: ${formatNok(kr)}, ${pct(kr / v.acceptedKroner)} of the accepted cost, counted as paid`,
      );
    }
    const included = stats.agreements.filter((a) => a.excludedBecause === null);
    const firstStart = included.map((a) => a.start).sort()[0]!;
    const reference = compareWithHod(net, params, firstStart);
    const adjusted =
      problem.priorUnit.length > 0
        ? {
            ...interval(point.netAdjustedPerAgreementYear, draws.netAdjusted),
            displacedPerAgreementYear: interval(point.displacedPerAgreementYear, draws.displaced),
            introDoctorsWithPriorActivity: problem.priorUnit.length,
          }
        : null;
    step("estimates by cohort and group");
    const groups = heterogeneity(problem, included, Math.min(B, 499), seed);
    step("hashing input files");
    const claimsStamp = stampFile(claimsFile);
    const doctorsStamp = stampFile(doctorsFile);
    return {
      netCostPerAgreementYear: net,
      netCostAdjustedForPriorActivity: adjusted,
      components: {
        introCostPerAgreementYear: interval(point.introPerAgreementYear, draws.intro),
        avgivendeFallPerAgreementYear: interval(point.fallPerAgreementYear, draws.fall),
        introRefusjonNok: included.reduce((s, a) => s + a.introRefusjonNok, 0),
        introEgenandelPaidNok: included.reduce((s, a) => s + a.introEgenandelPaidNok, 0),
        introCostNok: point.introTotal,
        avgivendeFallNok: point.fallTotal,
      },
      agreementYears: point.agreementYears,
      agreements: {
        included: included.length,
        excluded: stats.agreements.filter((a) => a.excludedBecause !== null).map((a) => ({ agreementId: a.agreementId, reason: a.excludedBecause! })),
      },
      comparisonDoctors: stats.comparisonDoctors,
      span: { from: monthLabel(stats.m0), to: monthLabel(stats.m1) },
      eventStudy,
      preTrend,
      sensitivity,
      heterogeneity: groups,
      periods: stats.periods,
      design: {
        baselineMonths,
        anticipationMonths,
        periodGapMonths,
        intervalPopulation:
          "ci95: the agreements in the extract (their own counterfactual error: handing-over doctors' month-to-month noise and the comparison mean); ci95Superpopulation: agreements like these in general (practices resampled)",
      },
      reference,
      validation: {
        claims: validation,
        doctors: {
          file: doctorsFile,
          rows: doctors.rows,
          doctors: doctors.doctors.length,
          byRole: doctors.counts,
          withoutClaims: stats.doctorsWithoutClaims,
          periodsGiven,
        },
      },
      manifest: {
        tool: "introsim",
        version: packageVersion(),
        claims: { ...claimsStamp, rowsRead: validation.read },
        doctors: { ...doctorsStamp, rows: doctors.rows },
        seed,
        bootstrap: B,
        method: `stacked difference-in-differences per agreement against never-treated comparison fastleger; baseline = mean of up to ${baselineMonths} months ending ${anticipationMonths} months before the start; doctor-months outside practice periods (${periodsGiven ? "given" : `inferred, gap ${periodGapMonths} months`}) missing; ci95 for the agreements in the extract (residual variance + comparison bootstrap, normal), ci95Superpopulation a percentile bootstrap clustered by practice and stratified by hosting/comparison practices; joint pre-trend Wald test with bootstrap covariance; sensitivity bounds after Rambachan & Roth (2023)`,
        data: { hash: params.dataHash },
      },
      warnings,
    };
  } finally {
    closeEngine(engine);
  }
}
