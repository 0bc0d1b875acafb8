/**
 * Seeded sampling of a distribution spec into a Float64Array, without per-draw allocation.
 *
 * Method: inverse-transform sampling. A uniform stream u in (0, 1) (MT19937 from stdlib, seeded per input) is mapped
 * through a fast inverse CDF:
 *  - PERT: the beta density is integrated (trapezoid rule) on a grid of G cells over [lav, hoy], and u is inverted
 *    through that piecewise-linear CDF with a guide table (Chen & Asau 1974; Devroye 1986, "Non-Uniform Random
 *    Variate Generation", §III.2.4). The error in x is at most one cell, (hoy − lav)/G, anywhere, tails included.
 *    That inverse is then tabulated on a u-grid like the normal below. stdlib's exact beta quantile (an iterative
 *    inverse, ~5 µs a call, too slow to tabulate 30 inputs per run) is the reference in tests.
 *  - normal, lognormal: stdlib's exact quantile tabulated on a u-grid of G cells, interpolated linearly, with the
 *    outermost TAIL_CELLS cells at each end (where the quantile curves most) computed exactly.
 *  - fixed, uniform, triangular, empirical: exact closed forms.
 * This is 5–10x faster than stdlib's rejection samplers, and the same u can later drive a Latin hypercube.
 */
import mt19937 from "@stdlib/random-base-mt19937";
import { QUANTILE_GRID_INTERVALS } from "../constants";
import { pertShape, quantileFunction } from "./quantile";
import { streamSeed } from "./seed";
import type { DistSpec } from "./spec";

/** Cells at each end of a normal/lognormal grid where the exact quantile is used instead of interpolation. */
const TAIL_CELLS = 64;
/** 2^-32: MT19937 yields integers k in [0, 2^32 - 1]; u = (k + 0.5) 2^-32 is strictly inside (0, 1). */
const TWO_POW_MINUS_32 = 2 ** -32;

export interface Sampler {
  /** Fills out[0 .. n-1] with the next n draws of this stream. */
  fill(out: Float64Array, n?: number): void;
}

/** A uniform stream in (0, 1) seeded for the named input. */
export function uniformStream(runSeed: number, name: string): () => number {
  const rng = mt19937.factory({ seed: streamSeed(runSeed, name) });
  // Strictly inside (0, 1), so unbounded quantiles (normal, lognormal) never return +-Infinity.
  return () => (rng() + 0.5) * TWO_POW_MINUS_32;
}

/** Inverse CDF of PERT(lav, mode, hoy) from the integrated density; see the module comment. Exported for tests. */
export function pertInverseCdf(lav: number, mode: number, hoy: number, cells: number = QUANTILE_GRID_INTERVALS): (u: number) => number {
  const { alpha, beta } = pertShape(lav, mode, hoy);
  const range = hoy - lav;
  const M = cells;
  const cdf = new Float64Array(M + 1);
  let prev = Math.pow(0, alpha - 1) * Math.pow(1, beta - 1);
  for (let j = 1; j <= M; j++) {
    const x = j / M;
    const cur = Math.pow(x, alpha - 1) * Math.pow(1 - x, beta - 1);
    cdf[j] = cdf[j - 1]! + (prev + cur) / 2;
    prev = cur;
  }
  const total = cdf[M]!;
  for (let j = 1; j < M; j++) cdf[j]! /= total;
  cdf[M] = 1;
  // guide[k] = the last cell j with cdf[j] <= k / M: the search for u in [k/M, (k+1)/M) starts there.
  const guide = new Int32Array(M);
  for (let k = 0, j = 0; k < M; k++) {
    while (j < M - 1 && cdf[j + 1]! <= k / M) j++;
    guide[k] = j;
  }
  const invert = (u: number) => {
    let j = guide[(u * M) | 0]!;
    while (cdf[j + 1]! < u) j++;
    const f0 = cdf[j]!;
    const df = cdf[j + 1]! - f0;
    return lav + (range * (j + (df > 0 ? (u - f0) / df : 0))) / M;
  };
  // In the interior a u-grid table of the same inverse is faster still (one multiply-add per draw).
  return tabulatedQuantile(invert, cells);
}

/** Exact quantile tabulated on a u-grid with exact tails (for normal and lognormal). Exported for tests. */
export function tabulatedQuantile(exact: (u: number) => number, cells: number = QUANTILE_GRID_INTERVALS): (u: number) => number {
  const G = cells;
  const table = new Float64Array(G + 1);
  for (let j = TAIL_CELLS; j <= G - TAIL_CELLS; j++) table[j] = exact(j / G);
  const lo = TAIL_CELLS / G;
  const hi = (G - TAIL_CELLS) / G;
  return (u: number) => {
    if (u < lo || u >= hi) return exact(u);
    const x = u * G;
    const j = x | 0;
    const a = table[j]!;
    return a + (table[j + 1]! - a) * (x - j);
  };
}

/** The fast inverse CDF used for sampling: the twin of quantileFunction(spec) (src/distributions/quantile.ts). */
export function fastQuantile(spec: DistSpec): (u: number) => number {
  switch (spec.type) {
    case "trippelestimat":
      if (spec.form === "pert" && spec.lav < spec.hoy) return pertInverseCdf(spec.lav, spec.mest_sannsynlig, spec.hoy);
      return quantileFunction(spec);
    case "normal":
    case "lognormal":
      return tabulatedQuantile(quantileFunction(spec));
    default:
      return quantileFunction(spec);
  }
}

/**
 * A seeded sampler for `spec`, drawing from the stream named `name` of run `runSeed`; draws are clamped to
 * [lower, upper] (this matters only for normal/lognormal inputs of bounded quantities such as a share).
 */
export function createSampler(spec: DistSpec, runSeed: number, name: string, lower = -Infinity, upper = Infinity): Sampler {
  if (spec.type === "fixed") {
    const v = spec.value;
    return { fill: (out, n = out.length) => out.fill(v, 0, n) };
  }
  const uniform = uniformStream(runSeed, name);
  const q = fastQuantile(spec);
  const clamp = spec.type === "normal" || spec.type === "lognormal";
  return {
    fill(out, n = out.length) {
      if (clamp) {
        for (let i = 0; i < n; i++) {
          const x = q(uniform());
          out[i] = x < lower ? lower : x > upper ? upper : x;
        }
      } else {
        for (let i = 0; i < n; i++) out[i] = q(uniform());
      }
    },
  };
}
