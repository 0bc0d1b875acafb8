/**
 * The regnskapstall pipeline: net extra folketrygd cost per agreement-year from a claims extract.
 *
 *   doctor table (zod) + normaltariff periods -> DuckDB
 *   claims file -> validate + aggregate in one SQL pass (validateClaims) -> sufficient statistics (sufficientStats)
 *   -> stacked DiD estimate + practice-clustered bootstrap (didProblem, bootstrap) -> pre-trend check (preTrend)
 *   -> comparison with HOD's 500 000 kr (compareWithHod); analysis/compareWithSimulation adds the cost model's
 *
 * "Folketrygd cost" of a claim line = refusjon_ore + egenandel_ore when patient_exempt = ja (folketrygden pays the
 * egenandel of exempt patients and frikort holders); for intro doctors it is all extra, for avgivende fastleger only the
 * fall against their counterfactual (didProblem) is subtracted.
 */
import { DEFAULT_BOOTSTRAP, DEFAULT_SEED } from "../constants";
import { percentileSorted, sortedCopy } from "../stats/summarise";
import { UserError } from "../errors/userError";
import { loadParams, type ParamSet } from "../params/loadParams";
import { packageVersion } from "../manifest/manifest";
import { clusterBootstrap } from "./bootstrap";
import { compareWithHod, type Interval, type ReferenceComparison, type SimulationComparison } from "./compareWithHod";
import { didProblem } from "./didProblem";
import { closeEngine, openEngine } from "./duckdb";
import { preTrendSlope } from "./preTrend";
import { loadDoctors } from "./readDoctors";
import { stampFile, type FileStamp } from "./readTable";
import { sufficientStats, type AgreementStats } from "./sufficientStats";
import { createTariffDays, tariffPeriods } from "./tariffTable";
import { validateClaims, type ClaimsValidation } from "./validateClaims";

export interface EstimateOptions {
  /** Bootstrap replications (default DEFAULT_BOOTSTRAP = 999). */
  bootstrap?: number;
  /** Seed of the bootstrap (default DEFAULT_SEED). */
  seed?: number;
  /** Parameter set (default: data/params). */
  params?: ParamSet;
  /** DuckDB threads (default: all cores). */
  threads?: number;
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
  /** Event months checked: e = −months … −1. */
  months: number;
  coefficients: EventCoefficient[];
  /** Least-squares slope of the pre-start coefficients, kr per doctor-month per month. */
  slopeNokPerMonth: Interval;
  /** Pre-start coefficients whose 95 % interval excludes 0 (about 5 % of them by chance under parallel trends). */
  coefficientsExcludingZero: number;
  parallelTrendsPlausible: boolean;
  statement: string;
}

export interface ClaimsEstimate {
  netCostPerAgreementYear: Interval;
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
  reference: ReferenceComparison;
  simulation?: SimulationComparison;
  validation: { claims: ClaimsValidation; doctors: { file: string; rows: number; byRole: Record<string, number>; withoutClaims: number } };
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
  const step = opts.onStep ?? (() => {});
  const engine = await openEngine(opts.threads ? { threads: opts.threads } : {});
  try {
    await createTariffDays(engine, tariffPeriods(params));
    step("reading the doctor table");
    const doctors = await loadDoctors(engine, doctorsFile);
    step("validating and aggregating claim lines");
    const validation = await validateClaims(engine, claimsFile);
    step("building the doctor × month panel");
    const stats = await sufficientStats(engine);
    checkUsable(stats.agreements, stats.comparisonDoctors, claimsFile);
    const problem = didProblem(stats);
    step(`bootstrap (${B} replications, clustered by practice)`);
    const { point, draws } = clusterBootstrap(problem, B, seed);
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
    const pre = eventStudy.filter((c) => c.e < 0);
    const slope = interval(preTrendSlope(point.beta, problem.eventMin), draws.preTrendSlope);
    const plausible = Number.isFinite(slope.estimate) && slope.ci95[0] <= 0 && 0 <= slope.ci95[1];
    const preTrend: PreTrendCheck = {
      months: pre.length,
      coefficients: pre,
      slopeNokPerMonth: slope,
      coefficientsExcludingZero: pre.filter((c) => c.ci95[0] > 0 || c.ci95[1] < 0).length,
      parallelTrendsPlausible: plausible,
      statement: !Number.isFinite(slope.estimate)
        ? "Too few months before the starts to check the trends."
        : plausible
          ? `Parallel trends look plausible: before the start the handing-over fastleger moved like the comparison fastleger (slope ${slope.estimate.toFixed(0)} kr per doctor-month per month, 95 % interval ${slope.ci95[0].toFixed(0)} – ${slope.ci95[1].toFixed(0)}, includes 0).`
          : `Parallel trends are doubtful: before the start the handing-over fastleger drifted against the comparison (slope ${slope.estimate.toFixed(0)} kr per doctor-month per month, 95 % interval ${slope.ci95[0].toFixed(0)} – ${slope.ci95[1].toFixed(0)}, excludes 0); the fall may be mis-measured.`,
    };

    const net = interval(point.netPerAgreementYear, draws.net);
    const included = stats.agreements.filter((a) => a.excludedBecause === null);
    const firstStart = included.map((a) => a.start).sort()[0]!;
    const reference = compareWithHod(net, params, firstStart);
    step("hashing input files");
    const claimsStamp = stampFile(claimsFile);
    const doctorsStamp = stampFile(doctorsFile);
    return {
      netCostPerAgreementYear: net,
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
      reference,
      validation: {
        claims: validation,
        doctors: { file: doctorsFile, rows: doctors.doctors.length, byRole: doctors.counts, withoutClaims: stats.doctorsWithoutClaims },
      },
      manifest: {
        tool: "introsim",
        version: packageVersion(),
        claims: { ...claimsStamp, rowsRead: validation.read },
        doctors: { ...doctorsStamp, rows: doctors.doctors.length },
        seed,
        bootstrap: B,
        method:
          "stacked difference-in-differences per agreement against never-treated comparison fastleger; baseline = mean of up to 12 months before the start; 95 % percentile interval from a practice-clustered bootstrap stratified by hosting/comparison practices",
        data: { hash: params.dataHash },
      },
      warnings,
    };
  } finally {
    closeEngine(engine);
  }
}
