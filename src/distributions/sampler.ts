/**
 * Seeded sampling of a distribution spec into a Float64Array, without per-draw allocation.
 *
 * Method: inverse-transform sampling. Each input has its own MT19937 stream (src/distributions/mt19937.ts), seeded
 * from the run seed and the input's name, filled into the output array in bulk; then each uniform u is mapped in
 * place through the spec's quantile function:
 *  - PERT, normal, lognormal: the quantile function (src/distributions/quantile.ts) tabulated on a u-grid and
 *    interpolated inline, with exact tails (src/distributions/tabulate.ts);
 *  - fixed, uniform, triangular, empirical: their closed forms.
 * The same u can later drive a Latin hypercube, and a stream can be consumed in chunks of any size.
 */
import { PERT_MEMO_MAX } from "../constants";
import { Mt19937 } from "./mt19937";
import { quantileFunction } from "./quantile";
import { streamSeed } from "./seed";
import type { DistSpec } from "./spec";
import { evaluateTable, tabulate, type QuantileTable } from "./tabulate";

export interface Sampler {
  /** Fills out[0 .. n-1] with the next n draws of this stream. */
  fill(out: Float64Array, n?: number): void;
  /**
   * fill in two halves, for Monte Carlo threads: uniforms writes the stream's next n uniforms (one 32-bit word a
   * draw; nothing for a fixed value), transform maps them in place to draws. uniforms then transform = fill, bit for bit.
   */
  uniforms(out: Float64Array, n: number): void;
  transform(out: Float64Array, n: number): void;
}

/** A uniform stream in (0, 1) seeded for the named input (one value per call; samplers fill in bulk instead). */
export function uniformStream(runSeed: number, name: string): () => number {
  const rng = new Mt19937(streamSeed(runSeed, name));
  return () => (rng.nextUint32() + 0.5) * 2 ** -32;
}

/**
 * Tables built so far, keyed by the spec's model fields: a run's samplers (cost, flows, tornado, Sobol, budget) and
 * later runs reuse them instead of re-evaluating 16 k quantiles per input. Tables are never written after they are
 * built, so sharing them changes no draw. Cleared when it reaches PERT_MEMO_MAX entries.
 */
const tables = new Map<string, QuantileTable>();

function tableKey(spec: DistSpec): string {
  switch (spec.type) {
    case "trippelestimat":
      return `t|${spec.lav}|${spec.mest_sannsynlig}|${spec.hoy}`;
    case "normal":
    case "lognormal":
      return `${spec.type}|${spec.p5}|${spec.p95}`;
    default:
      return "";
  }
}

/** The table a spec is sampled through, or undefined when its closed form is used directly. */
function tableFor(spec: DistSpec): QuantileTable | undefined {
  const tabulated = (spec.type === "trippelestimat" && spec.form === "pert" && spec.lav < spec.hoy) || spec.type === "normal" || spec.type === "lognormal";
  if (!tabulated) return undefined;
  const key = tableKey(spec);
  let t = tables.get(key);
  if (!t) {
    if (tables.size >= PERT_MEMO_MAX) tables.clear();
    tables.set(key, (t = tabulate(quantileFunction(spec))));
  }
  return t;
}

/** The values of the table `spec` is sampled through (built now if needed), or undefined for a closed form. */
export function tableValues(spec: DistSpec): Float64Array | undefined {
  return tableFor(spec)?.table;
}

/**
 * Stores values that tableValues(spec) returned in another thread as this thread's table for spec, so a Monte Carlo
 * worker samples through the very same table without re-evaluating 16 k quantiles.
 */
export function primeTable(spec: DistSpec, values: Float64Array): void {
  const key = tableKey(spec);
  if (tables.has(key)) return;
  if (tables.size >= PERT_MEMO_MAX) tables.clear();
  tables.set(key, tabulate(quantileFunction(spec), values.length - 1, values));
}

/** The inverse CDF used for sampling: the tabulated twin of quantileFunction(spec). */
export function fastQuantile(spec: DistSpec): (u: number) => number {
  const t = tableFor(spec);
  return t ? (u) => evaluateTable(t, u) : quantileFunction(spec);
}

/**
 * Maps uniforms to draws in place through a table. One top-level function for every sampler: V8 keeps optimised code
 * per closure, so a loop written inside each sampler's closure was compiled again for each of 33 inputs (and again in
 * every worker thread), which made a run's first chunk several times slower than the next.
 */
function transformTabulated(t: QuantileTable, clamp: boolean, lower: number, upper: number, out: Float64Array, n: number): void {
  const { table, cells, lo, hi, exact } = t;
  for (let i = 0; i < n; i++) {
    const u = out[i]!;
    let x: number;
    if (u < lo || u >= hi) x = exact(u);
    else {
      const g = u * cells;
      const j = g | 0;
      const a = table[j]!;
      x = a + (table[j + 1]! - a) * (g - j);
    }
    out[i] = clamp ? (x < lower ? lower : x > upper ? upper : x) : x;
  }
}

/**
 * A seeded sampler for `spec`, drawing from the stream named `name` of run `runSeed`; normal and lognormal draws are
 * clamped to [lower, upper] (for inputs of bounded quantities such as a share).
 */
export function createSampler(spec: DistSpec, runSeed: number, name: string, lower = -Infinity, upper = Infinity): Sampler {
  if (spec.type === "fixed") {
    const v = spec.value;
    return { fill: (out, n = out.length) => out.fill(v, 0, n), uniforms: () => undefined, transform: (out, n) => out.fill(v, 0, n) };
  }
  const rng = new Mt19937(streamSeed(runSeed, name));
  const uniforms = (out: Float64Array, n: number) => rng.fillUniform(out, n);
  const t = tableFor(spec);
  const clamp = spec.type === "normal" || spec.type === "lognormal";
  let transform: (out: Float64Array, n: number) => void;
  if (!t) {
    const q = quantileFunction(spec);
    transform = (out, n) => {
      for (let i = 0; i < n; i++) out[i] = q(out[i]!);
    };
  } else transform = (out, n) => transformTabulated(t, clamp, lower, upper, out, n);
  return {
    fill(out, n = out.length) {
      uniforms(out, n);
      transform(out, n);
    },
    uniforms,
    transform,
  };
}
