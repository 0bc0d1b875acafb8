/**
 * The difference-in-differences estimator on the sufficient statistics, as typed arrays, evaluated for any weighting
 * of the practice clusters (all ones = the estimate; bootstrap multiplicities = one replicate).
 *
 * Definition (stacked by agreement, with never-treated comparison fastleger as the only controls; parallel trends in
 * proportions, because holidays, list growth and each year's tariff change move a doctor's cost in proportion to it):
 *   C(t)            = Σ comparison cost in month t / comparison doctors                 (kr per doctor-month)
 *   for agreement a with start month g, last month h and baseline months B = [g − L, g − 1], L ≤ 12:
 *   baseline_a      = Σ_d mean_B(Y_d)  over its avgivende doctors d
 *   counterfactual  Σ_d Y_dt(0) = baseline_a · C(t) / mean_B(C)        for t in [g, h]
 *   fall_a          = Σ_{t=g..h} (Σ_d Y_dt(0) − Σ_d Y_dt)
 *   net per agreement-year = (Σ_a intro cost_a − Σ_a fall_a) / (Σ_a (h − g + 1) / 12)
 *   event-study β_e = Σ_a (Σ_d Y_d,g+e − baseline_a · C(g+e) / mean_B(C)) / Σ_a #d, over agreements with e in
 *                     their window: kr per avgivende doctor-month; for e < 0 the pre-trend check (≈ 0 under parallel
 *                     trends; they sum to 0 over a full baseline by construction, so their slope is what is tested).
 * Each agreement is compared with the comparison doctors in its own calendar months (a stacked DiD), so staggered
 * starts never use an already-treated doctor as a control (the problem of two-way fixed effects; Goodman-Bacon 2021,
 * doi:10.1016/j.jeconom.2021.03.014; Cengiz et al. 2019, doi:10.1093/qje/qjz014).
 */
import { CLAIMS_PRE_WINDOW_MONTHS } from "../constants";
import type { ClaimsStats } from "./sufficientStats";

export interface DidProblem {
  /** Months in the data (t = 0 … months − 1 is calendar month m0 + t). */
  months: number;
  m0: number;
  clusters: number;
  /** Practice id of each cluster. */
  clusterIds: string[];
  /** Cluster indices per stratum: [0] practices hosting an agreement, [1] practices with comparison doctors only. */
  strata: [Int32Array, Int32Array];
  /** Comparison cost Σ by cluster × month (clusters × months) and doctors per cluster. */
  compSum: Float64Array;
  compDoctors: Float64Array;
  units: number;
  unitIds: string[];
  unitCluster: Int32Array;
  /** Start month, last month (relative to m0) and baseline length of each agreement. */
  g: Int32Array;
  h: Int32Array;
  preLen: Int32Array;
  nAvg: Float64Array;
  introCost: Float64Array;
  /** Agreement-months counted (h − g + 1). */
  agreementMonths: Float64Array;
  /** Σ_d mean_B(Y_d) of each agreement's avgivende doctors, and Σ_{e≥0} of their cost (kr). */
  baseline: Float64Array;
  postCost: Float64Array;
  /** Event months e = eventMin … eventMin + events − 1. */
  eventMin: number;
  events: number;
  /** units × events: Σ cost of the agreement's avgivende doctors, and their number (0 = e not in the window). */
  ysum: Float64Array;
  nev: Float64Array;
}

export interface DidValue {
  netPerAgreementYear: number;
  introPerAgreementYear: number;
  fallPerAgreementYear: number;
  introTotal: number;
  fallTotal: number;
  agreementYears: number;
  /** β_e by event month (NaN where no agreement has that month). */
  beta: Float64Array;
}

/** Builds the typed problem from the SQL statistics (included agreements only). */
export function didProblem(stats: ClaimsStats): DidProblem {
  const months = stats.m1 - stats.m0 + 1;
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
  const compDoctors = new Float64Array(clusters);
  for (const c of stats.comparison) {
    const k = clusterIndex.get(c.practiceId)!;
    compSum[k * months + (c.m - stats.m0)] = c.s;
    compDoctors[k] = c.k;
  }
  const maxPost = Math.max(0, ...included.map((a) => a.h - a.g));
  const eventMin = -CLAIMS_PRE_WINDOW_MONTHS;
  const events = maxPost - eventMin + 1;
  const unitIndex = new Map(included.map((a, i) => [a.agreementId, i]));
  const ysum = new Float64Array(included.length * events);
  const nev = new Float64Array(included.length * events);
  const baseline = new Float64Array(included.length);
  const postCost = new Float64Array(included.length);
  for (const ev of stats.events) {
    const u = unitIndex.get(ev.agreementId);
    if (u === undefined || ev.e < eventMin) continue;
    ysum[u * events + (ev.e - eventMin)] = ev.ysum;
    nev[u * events + (ev.e - eventMin)] = ev.nev;
    if (ev.e >= 0) postCost[u]! += ev.ysum;
    else baseline[u]! += ev.ysum / included[u]!.preLen;
  }
  const treated: number[] = [];
  const comparisonOnly: number[] = [];
  for (let c = 0; c < clusters; c++) (c < treatedClusters ? treated : comparisonOnly).push(c);
  return {
    months,
    m0: stats.m0,
    clusters,
    clusterIds: [...clusterIndex.keys()],
    strata: [Int32Array.from(treated), Int32Array.from(comparisonOnly)],
    compSum,
    compDoctors,
    units: included.length,
    unitIds: included.map((a) => a.agreementId),
    unitCluster,
    g: Int32Array.from(included, (a) => a.g - stats.m0),
    h: Int32Array.from(included, (a) => a.h - stats.m0),
    preLen: Int32Array.from(included, (a) => a.preLen),
    nAvg: Float64Array.from(included, (a) => a.nAvgivende),
    introCost: Float64Array.from(included, (a) => a.introCostNok),
    agreementMonths: Float64Array.from(included, (a) => a.h - a.g + 1),
    baseline,
    postCost,
    eventMin,
    events,
    ysum,
    nev,
  };
}

/** Reusable buffers for evaluateDid (one set per bootstrap run, none per replicate). */
export interface DidScratch {
  c: Float64Array;
  prefix: Float64Array;
  num: Float64Array;
  den: Float64Array;
}

export function didScratch(p: DidProblem): DidScratch {
  return { c: new Float64Array(p.months), prefix: new Float64Array(p.months + 1), num: new Float64Array(p.events), den: new Float64Array(p.events) };
}

/**
 * The estimator with cluster weights `w` (length p.clusters; 1 = in the sample once). Writes β into `out.beta`.
 * Cost: O(clusters × months + agreements × event months).
 */
export function evaluateDid(p: DidProblem, w: Float64Array, s: DidScratch, out: DidValue): DidValue {
  const { months, events, eventMin } = p;
  const { c, prefix, num, den } = s;
  c.fill(0);
  let doctors = 0;
  for (let k = 0; k < p.clusters; k++) {
    const wk = w[k]!;
    if (wk === 0 || p.compDoctors[k] === 0) continue;
    doctors += wk * p.compDoctors[k]!;
    const base = k * months;
    for (let t = 0; t < months; t++) c[t]! += wk * p.compSum[base + t]!;
  }
  prefix[0] = 0;
  for (let t = 0; t < months; t++) {
    c[t] = c[t]! / doctors;
    prefix[t + 1] = prefix[t]! + c[t]!;
  }
  num.fill(0);
  den.fill(0);
  let intro = 0;
  let fall = 0;
  let agreementMonths = 0;
  for (let u = 0; u < p.units; u++) {
    const wu = w[p.unitCluster[u]!]!;
    if (wu === 0) continue;
    const g = p.g[u]!;
    const h = p.h[u]!;
    const L = p.preLen[u]!;
    const cPre = (prefix[g]! - prefix[g - L]!) / L;
    const scale = p.baseline[u]! / cPre;
    intro += wu * p.introCost[u]!;
    fall += wu * (scale * (prefix[h + 1]! - prefix[g]!) - p.postCost[u]!);
    agreementMonths += wu * p.agreementMonths[u]!;
    const base = u * events;
    for (let j = 0; j < events; j++) {
      const n = p.nev[base + j]!;
      if (n === 0) continue;
      const t = g + eventMin + j;
      num[j]! += wu * (p.ysum[base + j]! - scale * c[t]!);
      den[j]! += wu * n;
    }
  }
  const years = agreementMonths / 12;
  out.introTotal = intro;
  out.fallTotal = fall;
  out.agreementYears = years;
  out.introPerAgreementYear = intro / years;
  out.fallPerAgreementYear = fall / years;
  out.netPerAgreementYear = (intro - fall) / years;
  for (let j = 0; j < events; j++) out.beta[j] = den[j]! > 0 ? num[j]! / den[j]! : Number.NaN;
  return out;
}

export function emptyDidValue(p: DidProblem): DidValue {
  return {
    netPerAgreementYear: 0,
    introPerAgreementYear: 0,
    fallPerAgreementYear: 0,
    introTotal: 0,
    fallTotal: 0,
    agreementYears: 0,
    beta: new Float64Array(p.events),
  };
}
