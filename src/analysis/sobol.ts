/**
 * Variance-based global sensitivity: Sobol first-order (S1) and total-effect (ST) indices, estimated from two
 * independent sample matrices A and B and the k matrices A_B^i (A with column i taken from B):
 *   S1_i = mean( f(B) · (f(A_B^i) − f(A)) ) / V          (Saltelli et al. 2010, doi:10.1016/j.cpc.2009.09.018)
 *   ST_i = mean( (f(A) − f(A_B^i))² ) / (2 V)           (Jansen 1999, doi:10.1016/S0010-4655(98)00154-4)
 * with V the variance of f over A and B together. Cost: N (k + 2) model evaluations. A factor is a set of inputs
 * driven by the same uniform (one stream, e.g. a takst's tariff periods); each member maps it through its own quantile.
 * Confidence intervals: the N rows are resampled with replacement (`bootstrap` times, default SOBOL_BOOTSTRAP) and
 * both indices recomputed from the stored model values (no new evaluations); the 95 % interval is the bootstrap's
 * 2.5 and 97.5 percentiles. The A_B^i matrices share A's columns and take factor i's columns from B, so no quantile
 * is recomputed per matrix. Known-answer checks (test/analysis/sobol.test.ts): the Ishigami function, and the coverage
 * of its analytic indices by the intervals over seeds.
 */
import { Mt19937 } from "../distributions/mt19937";
import { streamSeed } from "../distributions/seed";
import { percentileSorted } from "../stats/summarise";

export interface SobolFactor {
  name: string;
  label: string;
  /** Input columns this factor drives, each with the quantile function mapping the factor's uniform to the input. */
  members: Array<{ column: number; quantile: (u: number) => number }>;
}

export interface SobolIndex {
  name: string;
  label: string;
  firstOrder: number;
  total: number;
  /** 95 % bootstrap intervals of the two indices (percentile method). */
  firstOrderCi95: [number, number];
  totalCi95: [number, number];
}

/** Bootstrap resamples for the intervals when the caller gives none: enough for stable 2.5/97.5 percentiles. */
export const SOBOL_BOOTSTRAP = 200;

/** S1, ST and the variance V from the rows `rows` (a resample of 0..N-1, or null for all rows). */
function indicesFrom(fA: Float64Array, fB: Float64Array, fAB: Float64Array, rows: Uint32Array | null, N: number): [number, number, number] {
  let mean = 0;
  for (let r = 0; r < N; r++) {
    const i = rows ? rows[r]! : r;
    mean += fA[i]! + fB[i]!;
  }
  mean /= 2 * N;
  let V = 0;
  let s1 = 0;
  let st = 0;
  for (let r = 0; r < N; r++) {
    const i = rows ? rows[r]! : r;
    const a = fA[i]!;
    const b = fB[i]!;
    const ab = fAB[i]!;
    V += (a - mean) ** 2 + (b - mean) ** 2;
    s1 += b * (ab - a);
    st += (a - ab) ** 2;
  }
  V /= 2 * N - 1;
  return V > 0 ? [s1 / N / V, st / (2 * N) / V, V] : [0, 0, V];
}

/**
 * @param central  the value of every input column when no factor sets it (degenerate inputs)
 * @param evaluate the model at n points given as input columns (it must not modify them)
 */
export function sobolIndices(
  factors: ReadonlyArray<SobolFactor>,
  central: ReadonlyArray<number>,
  evaluate: (cols: Float64Array[], n: number) => Float64Array,
  opts: { samples: number; seed: number; bootstrap?: number },
): { variance: number; bootstrap: number; indices: SobolIndex[] } {
  const N = opts.samples;
  const B = opts.bootstrap ?? SOBOL_BOOTSTRAP;
  // Uniforms for A and B, one independent stream per factor and matrix, mapped once through each member's quantile.
  const columnsFor = (tag: string) => {
    const cols = central.map((c) => new Float64Array(N).fill(c));
    for (const f of factors) {
      const rng = new Mt19937(streamSeed(opts.seed, `sobol.${tag}.${f.name}`));
      const u = new Float64Array(N);
      rng.fillUniform(u);
      for (const m of f.members) {
        const col = cols[m.column]!;
        for (let i = 0; i < N; i++) col[i] = m.quantile(u[i]!);
      }
    }
    return cols;
  };
  const colsA = columnsFor("A");
  const colsB = columnsFor("B");
  const fA = evaluate(colsA, N).slice();
  const fB = evaluate(colsB, N).slice();
  // A_B^j: A's columns, with factor j's member columns taken from B (shared arrays, nothing copied or recomputed).
  const fAB = factors.map((f) => {
    const cols = colsA.slice();
    for (const m of f.members) cols[m.column] = colsB[m.column]!;
    return evaluate(cols, N).slice();
  });
  const point = fAB.map((fab) => indicesFrom(fA, fB, fab, null, N));
  const V = indicesFrom(fA, fB, fA, null, N)[2];
  // Bootstrap: the same resampled rows for every factor in a replicate (the indices' joint uncertainty); the mean and
  // variance of a replicate are shared by all factors, so each factor costs one pass over the rows.
  const s1Draws = factors.map(() => new Float64Array(B));
  const stDraws = factors.map(() => new Float64Array(B));
  const rng = new Mt19937(streamSeed(opts.seed, "sobol.bootstrap"));
  const u = new Float64Array(N);
  const rows = new Uint32Array(N);
  const a = new Float64Array(N);
  const bb = new Float64Array(N);
  for (let b = 0; b < B; b++) {
    rng.fillUniform(u);
    let mean = 0;
    for (let r = 0; r < N; r++) {
      const i = Math.min(N - 1, Math.floor(u[r]! * N));
      rows[r] = i;
      a[r] = fA[i]!;
      bb[r] = fB[i]!;
      mean += a[r]! + bb[r]!;
    }
    mean /= 2 * N;
    let v = 0;
    for (let r = 0; r < N; r++) v += (a[r]! - mean) ** 2 + (bb[r]! - mean) ** 2;
    v /= 2 * N - 1;
    for (let j = 0; j < factors.length; j++) {
      const fab = fAB[j]!;
      let s1 = 0;
      let st = 0;
      for (let r = 0; r < N; r++) {
        const ab = fab[rows[r]!]!;
        const ar = a[r]!;
        s1 += bb[r]! * (ab - ar);
        st += (ar - ab) ** 2;
      }
      s1Draws[j]![b] = v > 0 ? s1 / N / v : 0;
      stDraws[j]![b] = v > 0 ? st / (2 * N) / v : 0;
    }
  }
  const ci = (draws: Float64Array): [number, number] => {
    if (B < 2) return [Number.NaN, Number.NaN];
    const sorted = draws.slice().sort();
    return [percentileSorted(sorted, 0.025), percentileSorted(sorted, 0.975)];
  };
  const indices = factors.map((f, j) => ({
    name: f.name,
    label: f.label,
    firstOrder: point[j]![0],
    total: point[j]![1],
    firstOrderCi95: ci(s1Draws[j]!),
    totalCi95: ci(stDraws[j]!),
  }));
  indices.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  return { variance: V, bootstrap: B, indices };
}
