/**
 * Cluster bootstrap of the DiD estimator: practices are resampled with replacement within two strata (practices that
 * host an agreement; practices with comparison doctors only), so every replicate has agreements and controls, and the
 * dependence between doctors of one practice and between months of one doctor is kept (Cameron, Gelbach & Miller 2008,
 * doi:10.1162/rest.90.3.414). This is the interval for a superpopulation of agreements (the agreements are a draw).
 * With `comparisonOnly`, the hosting practices keep weight 1 and only comparison practices are resampled: the part of
 * the error that comes from the comparison mean C(t), for the interval about the agreements in the extract.
 * The heavy work was done once in DuckDB; a replicate re-weights the sufficient statistics in O(clusters × months),
 * with one seeded MT19937 stream and no allocation per replicate.
 */
import { Mt19937 } from "../distributions/mt19937";
import { streamSeed } from "../distributions/seed";
import { didScratch, emptyDidValue, evaluateDid, type DidProblem, type DidValue } from "./didProblem";
import { preTrendLine } from "./preTrend";

export interface BootstrapDraws {
  replications: number;
  net: Float64Array;
  netAdjusted: Float64Array;
  intro: Float64Array;
  fall: Float64Array;
  displaced: Float64Array;
  fallDoctorMonths: Float64Array;
  preTrendSlope: Float64Array;
  /** Σ_e w_e (a + b·e): the net cost's bias if the baseline's linear pre-trend continues (smoothness bounds, M = 0). */
  trendBias: Float64Array;
  fallCurvature: Float64Array;
  /** replications × events, row-major. */
  beta: Float64Array;
}

/** The estimate (every cluster once) and `replications` bootstrap replicates from `seed`. */
export function clusterBootstrap(
  p: DidProblem,
  replications: number,
  seed: number,
  opts: { comparisonOnly?: boolean; unitMask?: Float64Array } = {},
): { point: DidValue; draws: BootstrapDraws } {
  const scratch = didScratch(p);
  const w = new Float64Array(p.clusters).fill(1);
  const point = evaluateDid(p, w, scratch, emptyDidValue(p), opts.unitMask);
  const rng = new Mt19937(streamSeed(seed, opts.comparisonOnly ? "claims-bootstrap-comparison" : "claims-bootstrap"));
  const largest = Math.max(p.strata[0].length, p.strata[1].length);
  const u = new Float64Array(largest);
  const value = emptyDidValue(p);
  const draws: BootstrapDraws = {
    replications,
    net: new Float64Array(replications),
    netAdjusted: new Float64Array(replications),
    intro: new Float64Array(replications),
    fall: new Float64Array(replications),
    displaced: new Float64Array(replications),
    fallDoctorMonths: new Float64Array(replications),
    preTrendSlope: new Float64Array(replications),
    trendBias: new Float64Array(replications),
    fallCurvature: new Float64Array(replications),
    beta: new Float64Array(replications * p.events),
  };
  const strata = opts.comparisonOnly ? [p.strata[1]] : p.strata;
  for (let b = 0; b < replications; b++) {
    if (opts.comparisonOnly) for (const c of p.strata[1]) w[c] = 0;
    else w.fill(0);
    for (const stratum of strata) {
      const n = stratum.length;
      rng.fillUniform(u, n);
      for (let i = 0; i < n; i++) w[stratum[Math.floor(u[i]! * n)]!]! += 1;
    }
    evaluateDid(p, w, scratch, value, opts.unitMask);
    draws.net[b] = value.netPerAgreementYear;
    draws.netAdjusted[b] = value.netAdjustedPerAgreementYear;
    draws.intro[b] = value.introPerAgreementYear;
    draws.fall[b] = value.fallPerAgreementYear;
    draws.displaced[b] = value.displacedPerAgreementYear;
    draws.fallDoctorMonths[b] = value.fallDoctorMonthsPerAgreementYear;
    const line = preTrendLine(value.beta, p.eventMin, p.anticipation);
    draws.preTrendSlope[b] = line.slope;
    draws.trendBias[b] = trendBias(value, line);
    draws.fallCurvature[b] = value.fallCurvaturePerAgreementYear;
    draws.beta.set(value.beta, b * p.events);
  }
  return { point, draws };
}

/** Σ_e w_e (a + b·e) over the effect window: what a continuing linear pre-trend adds to the net cost per agreement-year. */
export function trendBias(v: DidValue, line: { intercept: number; slope: number }): number {
  return line.intercept * v.fallDoctorMonthsPerAgreementYear + line.slope * v.fallEventMonthsPerAgreementYear;
}
