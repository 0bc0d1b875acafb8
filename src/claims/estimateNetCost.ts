/**
 * The regnskapstall pipeline: net extra folketrygd cost per agreement-year from a claims extract.
 *
 *   doctor table (zod) + normaltariff periods -> DuckDB
 *   claims file (or folder of Parquet files) -> validate + aggregate in one SQL pass (validateClaims)
 *   -> practice periods (given or inferred) and sufficient statistics (sufficientStats)
 *   -> stacked DiD estimate + practice-clustered bootstrap (didProblem, bootstrap): superpopulation interval (t with
 *      G − 1 degrees of freedom on the bootstrap standard error); residual variance + comparison-only bootstrap:
 *      interval for the agreements in the extract
 *   -> pre-trend tests (joint Wald + linear trend, Bonferroni), sensitivity bounds of two kinds (relative magnitudes
 *      for dips and shocks, smoothness for trends; preTrend), heterogeneity by cohort and groups, warnings
 *   -> comparison with HOD's 500 000 kr (compareWithHod); analysis/compareWithSimulation adds the cost model's
 *
 * "Folketrygd cost" of a claim line = refusjon_ore + egenandel_ore when patient_exempt = ja (folketrygden pays the
 * egenandel of exempt patients and frikort holders); for intro doctors it is all extra, for avgivende fastleger only the
 * fall against their counterfactual (didProblem) is subtracted.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  CLAIMS_MAX_ANTICIPATION_MONTHS,
  CLAIMS_MAX_BASELINE_MONTHS,
  CLAIMS_PERIOD_GAP_MONTHS,
  CLAIMS_PRE_WINDOW_MONTHS,
  CLAIMS_PRETREND_ALPHA_JOINT,
  CLAIMS_PRETREND_ALPHA_LINEAR,
  CLAIMS_PRETREND_BIN_MONTHS,
  CLAIMS_PRETREND_MONTHS,
  CLAIMS_SENSITIVITY_MBAR,
  CLAIMS_SMOOTHNESS_M_SHARES,
  CLAIMS_ESTIMATE_MEMORY_LIMIT,
  DEFAULT_BOOTSTRAP,
  DEFAULT_SEED,
} from "../constants";
import { percentileSorted, sortedCopy } from "../stats/summarise";
import { UserError } from "../errors/userError";
import { loadParams, type ParamSet } from "../params/loadParams";
import { packageVersion } from "../manifest/manifest";
import { clusterBootstrap, trendBias } from "./bootstrap";
import { compareWithHod, type Interval, type ReferenceComparison, type SimulationComparison } from "./compareWithHod";
import { didProblem, residualVariance, type DidProblem } from "./didProblem";
import { closeEngine, openEngine, run, sqlString } from "./duckdb";
import {
  jointPreTrendTest,
  linearPreTrendTest,
  preTrendLine,
  sensitivityBounds,
  smoothnessBounds,
  type JointPreTrendTest,
  type LinearPreTrendTest,
  type SensitivityBound,
  type SmoothnessBound,
} from "./preTrend";
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
  /** Event months before the start checked (e < −k): the baseline and the placebo months before it (CLAIMS_PRETREND_MONTHS). */
  months: number;
  coefficients: EventCoefficient[];
  /** Least-squares slope of the pre-start coefficients, kr per doctor-month per month. */
  slopeNokPerMonth: Interval;
  /** Pre-start coefficients whose 95 % interval excludes 0 (about 5 % of them by chance under parallel trends). */
  coefficientsExcludingZero: number;
  /** The joint test of all baseline coefficients (null with too few months). */
  joint: JointPreTrendTest | null;
  /** The t test of a linear trend in the baseline coefficients (null with too few months). */
  linear: LinearPreTrendTest | null;
  /**
   * Levels of the two tests: parallelTrendsPlausible = neither rejects at its level (Bonferroni: under parallel trends
   * the check warns in at most joint + linear of extracts).
   */
  alpha: { joint: number; linear: number };
  parallelTrendsPlausible: boolean;
  statement: string;
}

/**
 * The headline: the estimate with its interval for the agreements in the extract (ci95: what these agreements cost,
 * uncertain only through their counterfactual) and for a superpopulation of agreements (ci95Superpopulation: what an
 * agreement like these costs in general; the agreements are a draw).
 */
export interface NetInterval extends Interval {
  ci95Superpopulation: [number, number];
}

export interface Sensitivity {
  /** Largest |β_e| before the start, kr per avgivende doctor-month. */
  largestPreDeviationNok: number;
  /** Avgivende doctor-months in the effect window per agreement-year. */
  doctorMonthsPerAgreementYear: number;
  bounds: SensitivityBound[];
  /**
   * Bounds for a differential trend (Rambachan & Roth's smoothness restriction): the baseline's linear pre-trend
   * continues after the start, its slope changing by at most M per month; M = 0 is the trend-adjusted estimate.
   */
  smoothness: SmoothnessBound[];
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

/**
 * The superpopulation interval: estimate ± t(G − 1, 0.975) · sd · √(G / (G − 1)), sd the bootstrap standard error and
 * G the hosting practices (the clusters that carry the agreements' variation). With G ≈ 30 a percentile interval of a
 * cluster bootstrap is too narrow: the bootstrap variance of a mean over G clusters is (G − 1)/G of the unbiased one,
 * and the normal's 1.96 ignores that the standard error is itself estimated from G clusters (Cameron, Gelbach &
 * Miller 2008, doi:10.1162/rest.90.3.414, use G − 1 degrees of freedom). Measured in bench/claims-worlds.mjs.
 */
function tInterval(estimate: number, draws: Float64Array, G: number): [number, number] {
  if (G < 2) return [Number.NaN, Number.NaN];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- @stdlib packages are CommonJS without types
  const tQuantile = require("@stdlib/stats-base-dists-t-quantile") as (p: number, v: number) => number;
  const half = tQuantile(0.975, G - 1) * Math.sqrt((variance(draws) * G) / (G - 1));
  return [estimate - half, estimate + half];
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
  // This run's own spill folder, removed afterwards: DuckDB's default (.tmp in the working folder) is shared, and two
  // runs spilling at once corrupted each other's blocks (seen with the generator). The memory cap makes a national
  // extract spill instead of growing.
  const spill = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-estimate-"));
  try {
    await run(engine, `SET memory_limit = '${CLAIMS_ESTIMATE_MEMORY_LIMIT}'; SET temp_directory = ${sqlString(path.join(spill, "spill"))}`);
    await createTariffDays(engine, tariffPeriods(params));
    step("reading the doctor table");
    const doctors = await loadDoctors(engine, doctorsFile);
    const periodsGiven = doctors.periods !== null;
    step("validating and aggregating claim lines");
    const validation = await validateClaims(engine, claimsFile, { withPeriods: periodsGiven });
    if (validation.accepted === 0)
      throw new UserError("io", claimsFile, `no claim line was accepted (${validation.read} read; rejected: ${rejectionSummary(validation) || "none"})`);
    step("building the doctor × month panel");
    const stats = await sufficientStats(engine, {
      baselineMonths,
      preTrendMonths: CLAIMS_PRETREND_MONTHS,
      anticipationMonths,
      gapMonths: periodGapMonths,
      periodsGiven,
    });
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
    const line = preTrendLine(point.beta, problem.eventMin, k);
    const slope = interval(line.slope, draws.preTrendSlope);
    const G = problem.strata[0].length;
    const joint = jointPreTrendTest(point.beta, draws.beta, B, problem.eventMin, k, CLAIMS_PRETREND_BIN_MONTHS, G, problem.maxPreLen);
    const linear = linearPreTrendTest(line.slope, draws.preTrendSlope, G);
    const plausible = (joint === null || joint.p >= CLAIMS_PRETREND_ALPHA_JOINT) && (linear === null || linear.p >= CLAIMS_PRETREND_ALPHA_LINEAR);
    const levels = `levels ${CLAIMS_PRETREND_ALPHA_JOINT} and ${CLAIMS_PRETREND_ALPHA_LINEAR}`;
    const pText = [
      joint
        ? `joint test of ${joint.coefficients} baseline bins of ${joint.binMonths} months, p = ${joint.p.toFixed(3)} (Hotelling's T² over ${joint.clusters} hosting practices)`
        : "",
      linear ? `linear trend t = ${linear.t.toFixed(2)}, p = ${linear.p.toFixed(3)} (t with ${linear.df} degrees of freedom)` : "",
    ]
      .filter(Boolean)
      .join("; ");
    const pMin = Math.min(joint?.p ?? 1, linear?.p ?? 1);
    const preTrend: PreTrendCheck = {
      months: pre.length,
      coefficients: pre,
      slopeNokPerMonth: slope,
      coefficientsExcludingZero: pre.filter((c) => c.ci95[0] > 0 || c.ci95[1] < 0).length,
      joint,
      linear,
      alpha: { joint: CLAIMS_PRETREND_ALPHA_JOINT, linear: CLAIMS_PRETREND_ALPHA_LINEAR },
      parallelTrendsPlausible: plausible,
      statement:
        joint === null && linear === null
          ? "Too few months before the starts to test the trends."
          : plausible
            ? `Parallel trends look plausible: before the start the handing-over fastleger moved like the comparison fastleger (${pText}; ${levels}; slope ${slope.estimate.toFixed(0)} kr per doctor-month per month).`
            : `Parallel trends are rejected: before the start the handing-over fastleger did not move like the comparison (${pText}; ${levels}; slope ${slope.estimate.toFixed(0)} kr per doctor-month per month); the fall may be mis-measured, see the sensitivity bounds.`,
    };
    const bounds = sensitivityBounds(
      { net: point.netPerAgreementYear, beta: point.beta, doctorMonths: point.fallDoctorMonthsPerAgreementYear },
      { net: draws.net, beta: draws.beta, doctorMonths: draws.fallDoctorMonths, replications: B },
      problem.eventMin,
      k,
      problem.maxPreLen,
      CLAIMS_SENSITIVITY_MBAR,
    );
    const b1 = bounds.find((x) => x.mBar === 1);
    const smoothness = smoothnessBounds(
      {
        net: point.netPerAgreementYear,
        trendBias: trendBias(point, line),
        curvature: point.fallCurvaturePerAgreementYear,
        baselineNok: point.baselinePerDoctorMonth,
      },
      { net: draws.net, trendBias: draws.trendBias, curvature: draws.fallCurvature, replications: B },
      CLAIMS_SMOOTHNESS_M_SHARES,
    );
    const s0 = smoothness[0];
    const sensitivity: Sensitivity = {
      largestPreDeviationNok: Math.max(0, ...pre.filter((c) => c.e >= -k - problem.maxPreLen).map((c) => Math.abs(c.estimate))),
      doctorMonthsPerAgreementYear: point.fallDoctorMonthsPerAgreementYear,
      bounds,
      smoothness,
      showFirst: !plausible,
      statement: [
        b1
          ? `If after the start the trends may part by as much as the largest gap before it (M̄ = 1), the net cost lies in ${formatNok(b1.lower)} – ${formatNok(b1.upper)} (95 % ${formatNok(b1.ci95[0])} – ${formatNok(b1.ci95[1])}).`
          : "",
        s0 && Number.isFinite(s0.lower)
          ? `If the pre-start trend continues in a straight line, the net cost is ${formatNok(s0.lower)} (95 % ${formatNok(s0.ci95[0])} – ${formatNok(s0.ci95[1])}).`
          : "",
      ]
        .filter(Boolean)
        .join(" "),
    };
    if (!plausible)
      warnings.push(`the pre-trend test rejects parallel trends (smallest p = ${pMin.toFixed(3)}): the headline may be biased; ${sensitivity.statement}`);

    const z = quantileNormal(0.975);
    const sdExtract = Math.sqrt(variance(comp.net) + residualVariance(problem));
    const net: NetInterval = {
      estimate: point.netPerAgreementYear,
      ci95: [point.netPerAgreementYear - z * sdExtract, point.netPerAgreementYear + z * sdExtract],
      ci95Superpopulation: tInterval(point.netPerAgreementYear, draws.net, G),
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
          "ci95: the agreements in the extract (their own counterfactual error: handing-over doctors' month-to-month noise and the comparison mean); ci95Superpopulation: agreements like these in general (practices resampled; t with hosting practices − 1 degrees of freedom)",
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
        method: `stacked difference-in-differences per agreement against never-treated comparison fastleger; baseline = mean of up to ${baselineMonths} months ending ${anticipationMonths} months before the start; doctor-months outside practice periods (${periodsGiven ? "given" : `inferred, gap ${periodGapMonths} months`}) missing; ci95 for the agreements in the extract (residual variance + comparison bootstrap, normal), ci95Superpopulation t with G − 1 degrees of freedom on the standard error of a bootstrap clustered by practice and stratified by hosting/comparison practices (G hosting practices); pre-trend: joint Wald test of the baseline with bootstrap covariance (level ${CLAIMS_PRETREND_ALPHA_JOINT}) and a t test of a linear trend over the baseline and ${CLAIMS_PRETREND_MONTHS - baselineMonths > 0 ? "placebo months before it" : "no placebo months"} (level ${CLAIMS_PRETREND_ALPHA_LINEAR}); sensitivity bounds after Rambachan & Roth (2023): relative magnitudes and smoothness (linear pre-trend extrapolated)`,
        data: { hash: params.dataHash },
      },
      warnings,
    };
  } finally {
    closeEngine(engine);
    fs.rmSync(spill, { recursive: true, force: true });
  }
}
