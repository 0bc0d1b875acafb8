/**
 * Cluster bootstrap of the DiD estimator: practices are resampled with replacement within two strata (practices that
 * host an agreement; practices with comparison doctors only), so every replicate has agreements and controls, and the
 * dependence between doctors of one practice and between months of one doctor is kept (Cameron, Gelbach & Miller 2008,
 * doi:10.1162/rest.90.3.414). The heavy work was done once in DuckDB; a replicate re-weights the sufficient
 * statistics in O(clusters × months), with one seeded MT19937 stream and no allocation per replicate.
 */
import { Mt19937 } from "../distributions/mt19937";
import { streamSeed } from "../distributions/seed";
import { didScratch, emptyDidValue, evaluateDid, type DidProblem, type DidValue } from "./didProblem";
import { preTrendSlope } from "./preTrend";

export interface BootstrapDraws {
  replications: number;
  net: Float64Array;
  intro: Float64Array;
  fall: Float64Array;
  preTrendSlope: Float64Array;
  /** replications × events, row-major. */
  beta: Float64Array;
}

/** The estimate (every cluster once) and `replications` bootstrap replicates from `seed`. */
export function clusterBootstrap(p: DidProblem, replications: number, seed: number): { point: DidValue; draws: BootstrapDraws } {
  const scratch = didScratch(p);
  const w = new Float64Array(p.clusters).fill(1);
  const point = evaluateDid(p, w, scratch, emptyDidValue(p));
  const rng = new Mt19937(streamSeed(seed, "claims-bootstrap"));
  const largest = Math.max(p.strata[0].length, p.strata[1].length);
  const u = new Float64Array(largest);
  const value = emptyDidValue(p);
  const draws: BootstrapDraws = {
    replications,
    net: new Float64Array(replications),
    intro: new Float64Array(replications),
    fall: new Float64Array(replications),
    preTrendSlope: new Float64Array(replications),
    beta: new Float64Array(replications * p.events),
  };
  for (let b = 0; b < replications; b++) {
    w.fill(0);
    for (const stratum of p.strata) {
      const n = stratum.length;
      rng.fillUniform(u, n);
      for (let i = 0; i < n; i++) w[stratum[Math.floor(u[i]! * n)]!]! += 1;
    }
    evaluateDid(p, w, scratch, value);
    draws.net[b] = value.netPerAgreementYear;
    draws.intro[b] = value.introPerAgreementYear;
    draws.fall[b] = value.fallPerAgreementYear;
    draws.preTrendSlope[b] = preTrendSlope(value.beta, p.eventMin);
    draws.beta.set(value.beta, b * p.events);
  }
  return { point, draws };
}
