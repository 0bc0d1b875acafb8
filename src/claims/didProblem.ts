/**
 * The difference-in-differences estimator on the sufficient statistics, as typed arrays, evaluated for any weighting
 * of the practice clusters (all ones = the estimate; bootstrap multiplicities = one replicate) and of the agreements
 * (a 0/1 mask = one subgroup: a start cohort, an employment form).
 *
 * Definition (stacked by agreement, with never-treated comparison fastleger as the only controls; parallel trends in
 * proportions, because holidays, list growth and each year's tariff change move a doctor's cost in proportion to it):
 *   C(t)            = Σ comparison cost in month t / comparison doctors active in month t      (kr per doctor-month)
 *   agreement a: start month g, last month h, anticipation k, baseline months B = [g − k − L, g − k − 1], L ≤ L_max;
 *   b_d             = mean over B (months d was active) of Y_d, for each avgivende doctor d of a
 *   counterfactual  Σ_{d active at t} Y_dt(0) = Σ_{d active at t} b_d · C(t) / mean_B(C)     for t in [g − k, h]
 *   fall_a          = Σ_{t=g−k..h} (counterfactual − Σ_{d active at t} Y_dt)
 *   displaced_a     = Σ over a's intro doctors i with own lines before their start:
 *                     mean_B(i)(Y_i) · Σ_{t in i's months} C(t) / mean_B(i)(C)   (what i would have billed anyway)
 *   net per agreement-year = (Σ_a intro cost_a − Σ_a fall_a) / (Σ_a (h − g + 1) / 12); "adjusted" also − Σ displaced
 *   event-study β_e = Σ_a (Σ_d Y_d,g+e − Σ_d b_d · C(g+e) / mean_B(C)) / Σ_a #d, over agreements with e in their
 *                     window: kr per avgivende doctor-month. For e in the baseline they are the pre-trend (≈ 0 under
 *                     parallel trends; per agreement they sum to 0 over B by construction, so one is redundant).
 *                     Months before the baseline (up to CLAIMS_PRETREND_MONTHS before the start) are placebo
 *                     coefficients against the same baseline: ≈ 0 under parallel trends, a line under a differential
 *                     trend. They lengthen the window the linear pre-trend test and the smoothness bounds fit a line to
 *                     (a slope's standard error falls with the window's length to the power 3/2).
 * A doctor month outside the doctor's active periods is missing, not 0 kr: a comparison doctor who retires leaves
 * C(t)'s denominator, and an avgivende doctor who stops leaves both the actual and the counterfactual.
 * Each agreement is compared with the comparison doctors in its own calendar months (a stacked DiD), so staggered
 * starts never use an already-treated doctor as a control (the problem of two-way fixed effects; Goodman-Bacon 2021,
 * doi:10.1016/j.jeconom.2021.03.014; Cengiz et al. 2019, doi:10.1093/qje/qjz014).
 */
import type { ClaimsStats } from "./sufficientStats";

export interface DidProblem {
  /** Months in the data (t = 0 … months − 1 is calendar month m0 + t). */
  months: number;
  m0: number;
  anticipation: number;
  clusters: number;
  /** Practice id of each cluster. */
  clusterIds: string[];
  /** Cluster indices per stratum: [0] practices hosting an agreement, [1] practices with comparison doctors only. */
  strata: [Int32Array, Int32Array];
  /** Comparison cost Σ and active comparison doctors by cluster × month (clusters × months). */
  compSum: Float64Array;
  compN: Float64Array;
  units: number;
  unitIds: string[];
  unitCluster: Int32Array;
  /** Start month, last month (relative to m0) and baseline length of each agreement. */
  g: Int32Array;
  h: Int32Array;
  preLen: Int32Array;
  /** Longest baseline (the joint pre-trend test and the relative-magnitude bounds look at e ≥ −k − this). */
  maxPreLen: number;
  introCost: Float64Array;
  /** Agreement-months counted (h − g + 1). */
  agreementMonths: Float64Array;
  /** Event months e = eventMin … eventMin + events − 1. */
  eventMin: number;
  events: number;
  /** units × events: Σ cost of the agreement's avgivende doctors active then, their number (0 = e not in the window), Σ of their baseline means. */
  ysum: Float64Array;
  nev: Float64Array;
  bsum: Float64Array;
  /** Intro doctors with prior activity: agreement (unit), own start and last month (relative to m0), baseline length, mean kr per month. */
  priorUnit: Int32Array;
  priorG: Int32Array;
  priorH: Int32Array;
  priorLen: Int32Array;
  priorMean: Float64Array;
}

export interface DidValue {
  netPerAgreementYear: number;
  introPerAgreementYear: number;
  fallPerAgreementYear: number;
  /** Intro doctors' displaced prior activity per agreement-year, and the net cost after subtracting it. */
  displacedPerAgreementYear: number;
  netAdjustedPerAgreementYear: number;
  introTotal: number;
  fallTotal: number;
  displacedTotal: number;
  agreementYears: number;
  /** Avgivende doctor-months in the effect window (e ≥ −k), per agreement-year: how much a deviation of 1 kr per doctor-month moves the net. */
  fallDoctorMonthsPerAgreementYear: number;
  /** Σ over the effect window of e × doctor-months per agreement-year: with the above, a deviation a + b·e moves the net by a·that + b·this. */
  fallEventMonthsPerAgreementYear: number;
  /** Σ over the effect window of s(s + 1)/2 × doctor-months per agreement-year, s = e + k + 1 months after the last baseline month (smoothness bounds). */
  fallCurvaturePerAgreementYear: number;
  /** The avgivende doctors' mean baseline cost per doctor-month over the effect window (kr), the scale of the smoothness bounds. */
  baselinePerDoctorMonth: number;
  /** β_e by event month (NaN where no agreement has that month). */
  beta: Float64Array;
}

/** Builds the typed problem from the SQL statistics (included agreements only). */
export function didProblem(stats: ClaimsStats): DidProblem {
  const months = stats.m1 - stats.m0 + 1;
  const k = stats.anticipationMonths;
  const included = stats.agreements.filter((a) => a.excludedBecause === null);
  const clusterIndex = new Map<string, number>();
  const clusterOf = (p: string) => {
    let i = clusterIndex.get(p);
    if (i === undefined) clusterIndex.set(p, (i = clusterIndex.size));
    return i;
  };
  const unitCluster = Int32Array.from(included, (a) => clusterOf(a.practiceId ?? `(agreement ${a.agreementId})`));
  const treatedClusters = clusterIndex.size;
  for (const c of stats.comparison) clusterOf(c.practiceId);
  const clusters = clusterIndex.size;
  const compSum = new Float64Array(clusters * months);
  const compN = new Float64Array(clusters * months);
  for (const c of stats.comparison) {
    const i = clusterIndex.get(c.practiceId)! * months + (c.m - stats.m0);
    compSum[i] = c.s;
    compN[i] = c.k;
  }
  const maxPost = Math.max(0, ...included.map((a) => a.h - a.g));
  const maxPre = Math.max(0, ...included.map((a) => Math.max(a.preLen, a.preTrendLen) + k));
  const eventMin = -maxPre;
  const events = maxPre + maxPost + 1;
  const unitIndex = new Map(included.map((a, i) => [a.agreementId, i]));
  const ysum = new Float64Array(included.length * events);
  const nev = new Float64Array(included.length * events);
  const bsum = new Float64Array(included.length * events);
  for (const ev of stats.events) {
    const u = unitIndex.get(ev.agreementId);
    if (u === undefined || ev.e < eventMin) continue;
    const i = u * events + (ev.e - eventMin);
    ysum[i] = ev.ysum;
    nev[i] = ev.nev;
    bsum[i] = ev.bsum;
  }
  const prior = stats.prior.filter((p) => unitIndex.has(p.agreementId));
  const treated: number[] = [];
  const comparisonOnly: number[] = [];
  for (let c = 0; c < clusters; c++) (c < treatedClusters ? treated : comparisonOnly).push(c);
  return {
    months,
    m0: stats.m0,
    anticipation: k,
    clusters,
    clusterIds: [...clusterIndex.keys()],
    strata: [Int32Array.from(treated), Int32Array.from(comparisonOnly)],
    compSum,
    compN,
    units: included.length,
    unitIds: included.map((a) => a.agreementId),
    unitCluster,
    g: Int32Array.from(included, (a) => a.g - stats.m0),
    h: Int32Array.from(included, (a) => a.h - stats.m0),
    preLen: Int32Array.from(included, (a) => a.preLen),
    maxPreLen: Math.max(0, ...included.map((a) => a.preLen)),
    introCost: Float64Array.from(included, (a) => a.introCostNok),
    agreementMonths: Float64Array.from(included, (a) => a.h - a.g + 1),
    eventMin,
    events,
    ysum,
    nev,
    bsum,
    priorUnit: Int32Array.from(prior, (p) => unitIndex.get(p.agreementId)!),
    priorG: Int32Array.from(prior, (p) => p.g - stats.m0),
    priorH: Int32Array.from(prior, (p) => p.h - stats.m0),
    priorLen: Int32Array.from(prior, (p) => p.preLen),
    priorMean: Float64Array.from(prior, (p) => p.meanNok),
  };
}

/** Reusable buffers for evaluateDid (one set per bootstrap run, none per replicate). */
export interface DidScratch {
  c: Float64Array;
  n: Float64Array;
  prefix: Float64Array;
  num: Float64Array;
  den: Float64Array;
}

export function didScratch(p: DidProblem): DidScratch {
  return {
    c: new Float64Array(p.months),
    n: new Float64Array(p.months),
    prefix: new Float64Array(p.months + 1),
    num: new Float64Array(p.events),
    den: new Float64Array(p.events),
  };
}

/** C(t) for cluster weights `w` into s.c, and its prefix sums into s.prefix. */
function comparisonMean(p: DidProblem, w: Float64Array, s: DidScratch): void {
  const { months } = p;
  const { c, n, prefix } = s;
  c.fill(0);
  n.fill(0);
  for (let k = 0; k < p.clusters; k++) {
    const wk = w[k]!;
    if (wk === 0) continue;
    const base = k * months;
    for (let t = 0; t < months; t++) {
      c[t]! += wk * p.compSum[base + t]!;
      n[t]! += wk * p.compN[base + t]!;
    }
  }
  prefix[0] = 0;
  for (let t = 0; t < months; t++) {
    c[t] = c[t]! / n[t]!;
    prefix[t + 1] = prefix[t]! + c[t]!;
  }
}

/**
 * The estimator with cluster weights `w` (length p.clusters; 1 = in the sample once) and optional agreement weights
 * `unitMask` (length p.units; 0 leaves an agreement out). Writes β into `out.beta`.
 * Cost: O(clusters × months + agreements × event months).
 */
export function evaluateDid(p: DidProblem, w: Float64Array, s: DidScratch, out: DidValue, unitMask?: Float64Array): DidValue {
  const { events, eventMin } = p;
  const k = p.anticipation;
  comparisonMean(p, w, s);
  const { c, prefix, num, den } = s;
  num.fill(0);
  den.fill(0);
  let intro = 0;
  let fall = 0;
  let agreementMonths = 0;
  let fallDoctorMonths = 0;
  let fallEventMonths = 0;
  let fallCurvature = 0;
  let baseline = 0;
  for (let u = 0; u < p.units; u++) {
    const wu = w[p.unitCluster[u]!]! * (unitMask ? unitMask[u]! : 1);
    if (wu === 0) continue;
    const g = p.g[u]!;
    const L = p.preLen[u]!;
    const cPre = (prefix[g - k]! - prefix[g - k - L]!) / L;
    intro += wu * p.introCost[u]!;
    agreementMonths += wu * p.agreementMonths[u]!;
    const base = u * events;
    for (let j = 0; j < events; j++) {
      const n = p.nev[base + j]!;
      if (n === 0) continue;
      const e = eventMin + j;
      const gap = p.ysum[base + j]! - (p.bsum[base + j]! * c[g + e]!) / cPre;
      num[j]! += wu * gap;
      den[j]! += wu * n;
      if (e >= -k) {
        const s = e + k + 1;
        fall -= wu * gap;
        fallDoctorMonths += wu * n;
        fallEventMonths += wu * n * e;
        fallCurvature += (wu * n * s * (s + 1)) / 2;
        baseline += wu * p.bsum[base + j]!;
      }
    }
  }
  let displaced = 0;
  for (let i = 0; i < p.priorUnit.length; i++) {
    const u = p.priorUnit[i]!;
    const wu = w[p.unitCluster[u]!]! * (unitMask ? unitMask[u]! : 1);
    if (wu === 0) continue;
    const g = p.priorG[i]!;
    const L = p.priorLen[i]!;
    const cPre = (prefix[g - k]! - prefix[g - k - L]!) / L;
    displaced += (wu * p.priorMean[i]! * (prefix[p.priorH[i]! + 1]! - prefix[g]!)) / cPre;
  }
  const years = agreementMonths / 12;
  out.introTotal = intro;
  out.fallTotal = fall;
  out.displacedTotal = displaced;
  out.agreementYears = years;
  out.introPerAgreementYear = intro / years;
  out.fallPerAgreementYear = fall / years;
  out.netPerAgreementYear = (intro - fall) / years;
  out.displacedPerAgreementYear = displaced / years;
  out.netAdjustedPerAgreementYear = (intro - fall - displaced) / years;
  out.fallDoctorMonthsPerAgreementYear = fallDoctorMonths / years;
  out.fallEventMonthsPerAgreementYear = fallEventMonths / years;
  out.fallCurvaturePerAgreementYear = fallCurvature / years;
  out.baselinePerDoctorMonth = baseline / fallDoctorMonths;
  for (let j = 0; j < events; j++) out.beta[j] = den[j]! > 0 ? num[j]! / den[j]! : Number.NaN;
  return out;
}

export function emptyDidValue(p: DidProblem): DidValue {
  return {
    netPerAgreementYear: 0,
    introPerAgreementYear: 0,
    fallPerAgreementYear: 0,
    displacedPerAgreementYear: 0,
    netAdjustedPerAgreementYear: 0,
    introTotal: 0,
    fallTotal: 0,
    displacedTotal: 0,
    agreementYears: 0,
    fallDoctorMonthsPerAgreementYear: 0,
    fallEventMonthsPerAgreementYear: 0,
    fallCurvaturePerAgreementYear: 0,
    baselinePerDoctorMonth: 0,
    beta: new Float64Array(p.events),
  };
}

/**
 * Variance of the net cost per agreement-year that comes from the handing-over doctors' own month-to-month noise, for
 * the interval about the agreements in the extract: under parallel trends a post-start month's counterfactual misses
 * the actual by as much as a baseline month's residual does (ysum_e − bsum_e · C / mean_B(C)), so per agreement
 *   var(fall_a error) ≈ s²_a · (n + n² / L),  s²_a = Σ_B residual² / (L − 1),  n = months in the effect window,
 * the first term the n post-start months' own noise, the second the error of the baseline mean carried over n months.
 * The comparison mean's share is added by the bootstrap over comparison practices only (estimateNetCost).
 */
export function residualVariance(p: DidProblem): number {
  const s = didScratch(p);
  comparisonMean(p, new Float64Array(p.clusters).fill(1), s);
  const { c, prefix } = s;
  const k = p.anticipation;
  let total = 0;
  let months = 0;
  for (let u = 0; u < p.units; u++) {
    const g = p.g[u]!;
    const L = p.preLen[u]!;
    const cPre = (prefix[g - k]! - prefix[g - k - L]!) / L;
    let ss = 0;
    let nb = 0;
    const base = u * p.events;
    for (let j = 0; j < p.events; j++) {
      if (p.nev[base + j]! === 0) continue;
      const e = p.eventMin + j;
      if (e >= -k || e < -k - L) continue; // baseline months only (not the placebo months before them)
      const r = p.ysum[base + j]! - (p.bsum[base + j]! * c[g + e]!) / cPre;
      ss += r * r;
      nb++;
    }
    const n = p.agreementMonths[u]! + k;
    if (nb > 1) total += (ss / (nb - 1)) * (n + (n * n) / nb);
    months += p.agreementMonths[u]!;
  }
  const years = months / 12;
  return total / (years * years);
}
