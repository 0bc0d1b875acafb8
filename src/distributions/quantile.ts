/**
 * Quantile functions (inverse CDFs) of each distribution spec, and the central value used in deterministic runs.
 *
 * PERT: Beta(alpha, beta) on [lav, hoy] with alpha = 1 + 4 (m − lav) / (hoy − lav), beta = 1 + 4 (hoy − m) / (hoy − lav),
 *   inverted through its integrated density (src/distributions/pertInverse.ts; within one grid cell of the exact
 *   beta quantile, which the tests use as the reference).
 * Triangular: closed form (stdlib). Normal / lognormal from a 90 % interval: mu = (p5 + p95) / 2,
 *   sigma = (p95 − p5) / (2 z0.95), on the log scale for the lognormal (stdlib, loaded only when used).
 * Uniform, empirical (inverse of the empirical CDF) and fixed: exact.
 */
import triangularQuantile from "@stdlib/stats-base-dists-triangular-quantile";
import { median } from "simple-statistics";
import { pertInverseCdf } from "./pertInverse";
import type { DistSpec } from "./spec";

export { pertShape } from "./pertInverse";

type Quantile3 = (p: number, a: number, b: number) => number;
/** stdlib's normal and lognormal quantiles, required on first use: most scenarios never need them (saves ~60 ms). */
/* eslint-disable @typescript-eslint/no-require-imports -- lazy: the two stdlib quantiles load on first use */
const normalQuantile: Quantile3 = (p, mu, sigma) => (require("@stdlib/stats-base-dists-normal-quantile") as Quantile3)(p, mu, sigma);
const lognormalQuantile: Quantile3 = (p, mu, sigma) => (require("@stdlib/stats-base-dists-lognormal-quantile") as Quantile3)(p, mu, sigma);
/* eslint-enable @typescript-eslint/no-require-imports */

/** z such that P(Z <= z) = 0.95 for a standard normal (Φ⁻¹(0.95), to double precision). */
export const Z95 = 1.6448536269514722;

/** Location and scale of a normal (or of log X for a lognormal) from its 5th and 95th percentiles. */
export function normalFrom90(p5: number, p95: number): { mu: number; sigma: number } {
  return { mu: (p5 + p95) / 2, sigma: (p95 - p5) / (2 * Z95) };
}

/** The quantile function u -> x of a spec, for u in (0, 1). */
export function quantileFunction(spec: DistSpec): (u: number) => number {
  switch (spec.type) {
    case "fixed": {
      const v = spec.value;
      return () => v;
    }
    case "trippelestimat": {
      const { lav, mest_sannsynlig: m, hoy } = spec;
      if (lav === hoy) return () => lav;
      if (spec.form === "triangel") return (u) => triangularQuantile(u, lav, hoy, m);
      return pertInverseCdf(lav, m, hoy);
    }
    case "uniform": {
      const { min, max } = spec;
      return (u) => min + (max - min) * u;
    }
    case "normal": {
      const { mu, sigma } = normalFrom90(spec.p5, spec.p95);
      return (u) => normalQuantile(u, mu, sigma);
    }
    case "lognormal": {
      const { mu, sigma } = normalFrom90(Math.log(spec.p5), Math.log(spec.p95));
      return (u) => lognormalQuantile(u, mu, sigma);
    }
    case "empirical": {
      const sorted = Float64Array.from(spec.values).sort();
      const n = sorted.length;
      // Inverse of the empirical CDF: each observation has probability 1/n (bootstrap resampling).
      return (u) => sorted[Math.min(n - 1, Math.floor(u * n))]!;
    }
  }
}

/**
 * The value a deterministic run uses: mest sannsynlig for a trippelestimat (the analyst's base estimate), the value
 * for a fixed input, otherwise the median.
 */
export function centralValue(spec: DistSpec): number {
  switch (spec.type) {
    case "fixed":
      return spec.value;
    case "trippelestimat":
      return spec.mest_sannsynlig;
    case "empirical":
      return median(spec.values); // averages the two middle observations when their number is even
    default:
      return quantileFunction(spec)(0.5);
  }
}
