/**
 * Exact quantile functions (inverse CDFs) of each distribution spec, from stdlib, and the central value used in
 * deterministic runs. These are the reference; src/distributions/sampler.ts tabulates them for speed.
 *
 * PERT: Beta(alpha, beta) on [lav, hoy] with alpha = 1 + 4 (m - lav) / (hoy - lav), beta = 1 + 4 (hoy - m) / (hoy - lav)
 * (Malcolm et al. 1959, doi:10.1287/opre.7.5.646; the "modified PERT" with shape 4).
 * Normal / lognormal from a 90 % interval: mu = (p5 + p95) / 2, sigma = (p95 - p5) / (2 z0.95), on the log scale for
 * the lognormal.
 */
import betaQuantile from "@stdlib/stats-base-dists-beta-quantile";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import lognormalQuantile from "@stdlib/stats-base-dists-lognormal-quantile";
import triangularQuantile from "@stdlib/stats-base-dists-triangular-quantile";
import type { DistSpec } from "./spec";

/** z such that P(Z <= z) = 0.95 for a standard normal. */
const Z95 = normalQuantile(0.95, 0, 1);

/** PERT shape parameters of a trippelestimat. */
export function pertShape(lav: number, mode: number, hoy: number): { alpha: number; beta: number } {
  const range = hoy - lav;
  return { alpha: 1 + (4 * (mode - lav)) / range, beta: 1 + (4 * (hoy - mode)) / range };
}

/** Location and scale of a normal (or of log X for a lognormal) from its 5th and 95th percentiles. */
export function normalFrom90(p5: number, p95: number): { mu: number; sigma: number } {
  return { mu: (p5 + p95) / 2, sigma: (p95 - p5) / (2 * Z95) };
}

/** The exact quantile function u -> x of a spec, for u in (0, 1). */
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
      const { alpha, beta } = pertShape(lav, m, hoy);
      const range = hoy - lav;
      return (u) => lav + range * betaQuantile(u, alpha, beta);
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
    default:
      return quantileFunction(spec)(0.5);
  }
}
