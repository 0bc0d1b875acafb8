/**
 * Shapley effects: each input's share of the output variance, well defined when inputs are correlated (Owen 2014,
 * doi:10.1137/130936233; Song, Nelson & Staum 2016, doi:10.1137/15M1048070). With the cost function
 * c(J) = E[Var(Y | X_{−J})] (the variance left when only the inputs J vary), input i's effect is the average over
 * orderings π of c(P_i(π) ∪ {i}) − c(P_i(π)), P_i the inputs before i. The effects sum to Var(Y) exactly here: the last
 * step of every ordering uses the same estimate of Var(Y). With independent inputs S_i ≤ Sh_i / V ≤ T_i (first-order
 * and total Sobol indices).
 *
 *   factors + Gaussian copula R -> V from N_V draws -> for each of M random permutations: for each prefix J (d − 1 of
 *   them): N_O outer draws of x_{−J}, N_I inner draws of x_J | x_{−J}, sample variance -> c(J) -> add the increments
 *
 * Conditional sampling under the Gaussian copula: z ~ N(0, R), x_i = Q_i(Φ(z_i)); z_J | z_{−J} = a is normal with mean
 * R_{J,−J} R_{−J,−J}⁻¹ a and covariance R_JJ − R_{J,−J} R_{−J,−J}⁻¹ R_{−J,J}. R splits into blocks of inputs that are
 * correlated (connected components); the conditional of one block depends only on that block, so it is computed per
 * block and subset of it (at most 2^size, memoised) and independent inputs cost nothing.
 *
 * Model evaluations: N_V + M (d − 1) N_O N_I, batched over many permutations per call of `evaluate`.
 */
import { inverse, Matrix } from "ml-matrix";
import { Mt19937 } from "../distributions/mt19937";
import { psdFactor } from "../distributions/correlationMatrix";
import { streamSeed } from "../distributions/seed";
import { SHAPLEY_INNER_SAMPLES, SHAPLEY_OUTER_SAMPLES, SHAPLEY_PERMUTATIONS, SHAPLEY_VARIANCE_DRAWS } from "../constants";
import type { SobolFactor } from "./sobol";

type Normal3 = (x: number, mu: number, sigma: number) => number;
/* eslint-disable @typescript-eslint/no-require-imports -- lazy: stdlib's normal cdf and quantile load only for Shapley runs */
const loadNormal = (): { cdf: Normal3; quantile: Normal3 } => ({
  cdf: require("@stdlib/stats-base-dists-normal-cdf") as Normal3,
  quantile: require("@stdlib/stats-base-dists-normal-quantile") as Normal3,
});
/* eslint-enable @typescript-eslint/no-require-imports */

export interface ShapleyOptions {
  seed: number;
  /** Random permutations M (default SHAPLEY_PERMUTATIONS). */
  permutations?: number;
  /** Outer samples N_O per conditional variance (default SHAPLEY_OUTER_SAMPLES = 1). */
  outer?: number;
  /** Inner samples N_I per conditional variance (default SHAPLEY_INNER_SAMPLES = 3). */
  inner?: number;
  /** Draws N_V for the total variance (default SHAPLEY_VARIANCE_DRAWS). */
  varianceDraws?: number;
}

export interface ShapleyEffect {
  name: string;
  label: string;
  /** Effect in the output's squared unit (kr²); the effects sum to `variance`. */
  effect: number;
  /** effect / variance. */
  share: number;
  /** Monte Carlo standard error of the share (from the spread of the per-permutation increments). */
  shareSe: number;
}

export interface ShapleyResult {
  variance: number;
  permutations: number;
  outer: number;
  inner: number;
  evaluations: number;
  effects: ShapleyEffect[];
}

/** Conditional z_J | z_{−J} for one block: mean coefficients (|J| × |−J|) and a factor of the covariance (|J| × |J|). */
interface Conditional {
  given: number[];
  free: number[];
  coef: Float64Array;
  factor: Float64Array;
}

/** Connected components of R's non-zero off-diagonal pattern (the blocks of correlated inputs). */
function blocksOf(r: ReadonlyArray<ReadonlyArray<number>>): number[][] {
  const d = r.length;
  const block = new Array<number>(d).fill(-1);
  const out: number[][] = [];
  for (let s = 0; s < d; s++) {
    if (block[s]! >= 0) continue;
    const members: number[] = [];
    const stack = [s];
    block[s] = out.length;
    while (stack.length) {
      const i = stack.pop()!;
      members.push(i);
      for (let j = 0; j < d; j++)
        if (block[j]! < 0 && r[i]![j] !== 0) {
          block[j] = out.length;
          stack.push(j);
        }
    }
    out.push(members.sort((a, b) => a - b));
  }
  return out;
}

function conditionalOf(r: ReadonlyArray<ReadonlyArray<number>>, free: number[], given: number[]): Conditional {
  const sub = (rows: number[], cols: number[]) => new Matrix(rows.map((i) => cols.map((j) => r[i]![j]!)));
  if (given.length === 0) return { free, given, coef: new Float64Array(0), factor: psdFactor(sub(free, free).to2DArray()) };
  const a = sub(free, given).mmul(inverse(sub(given, given), true));
  const cov = sub(free, free).sub(a.mmul(sub(given, free)));
  return { free, given, coef: Float64Array.from(a.to1DArray()), factor: psdFactor(cov.to2DArray()) };
}

/**
 * @param factors    the uncertain factors (one per random stream), each mapping its uniform to its member columns
 * @param central    the value of every input column no factor sets
 * @param copula     the Gaussian copula's correlation between the factors (d × d, PSD; the identity when independent)
 * @param evaluate   the model at n points given as input columns (it must not modify them)
 */
export function shapleyEffects(
  factors: ReadonlyArray<SobolFactor>,
  central: ReadonlyArray<number>,
  copula: ReadonlyArray<ReadonlyArray<number>>,
  evaluate: (cols: Float64Array[], n: number) => Float64Array,
  opts: ShapleyOptions,
): ShapleyResult {
  const d = factors.length;
  const M = opts.permutations ?? SHAPLEY_PERMUTATIONS;
  const No = opts.outer ?? SHAPLEY_OUTER_SAMPLES;
  const Ni = opts.inner ?? SHAPLEY_INNER_SAMPLES;
  const Nv = opts.varianceDraws ?? SHAPLEY_VARIANCE_DRAWS;
  if (copula.length !== d) throw new Error(`shapleyEffects: copula is ${copula.length}×${copula.length}, expected ${d}×${d}`);
  const { cdf: normalCdf, quantile: normalQuantile } = loadNormal();
  const rng = new Mt19937(streamSeed(opts.seed, "shapley"));
  const uniform = () => (rng.nextUint32() + 0.5) * 2 ** -32;
  const gauss = () => normalQuantile(uniform(), 0, 1);
  const blocks = blocksOf(copula);
  const blockFactor = blocks.map((b) => psdFactor(b.map((i) => b.map((j) => copula[i]![j]!))));
  const memo = blocks.map(() => new Map<number, Conditional>());

  // An input correlated with no other (a block of one) is kept as its uniform u directly: its conditional is its
  // marginal, and Φ(Φ⁻¹(u)) would only cost time. Correlated inputs are kept as z and mapped by Φ when evaluated.
  const single = Uint8Array.from({ length: d }, (_, i) => (blocks.find((b) => b.includes(i))!.length === 1 ? 1 : 0));
  /** Writes a draw of z ~ N(0, R) into z (u for inputs in a block of one). */
  const singles = Uint16Array.from(blocks.filter((b) => b.length === 1).map((b) => b[0]!));
  const multi = blocks.map((b, k) => ({ b, k })).filter(({ b }) => b.length > 1);
  const drawJoint = (z: Float64Array, eps: Float64Array) => {
    for (let t = 0; t < singles.length; t++) z[singles[t]!] = uniform();
    multi.forEach(({ b, k }) => {
      const p = blockFactor[k]!;
      const s = b.length;
      for (let t = 0; t < s; t++) eps[t] = gauss();
      for (let t = 0; t < s; t++) {
        let v = 0;
        for (let u = 0; u < s; u++) v += p[t * s + u]! * eps[u]!;
        z[b[t]!] = v;
      }
    });
  };
  const scratch = new Float64Array(d);
  /** Redraws z_J (inJ[i] = 1) given the other coordinates of z, block by block. */
  const drawConditional = (z: Float64Array, inJ: Uint8Array, eps: Float64Array) => {
    for (let t = 0; t < singles.length; t++) {
      const i = singles[t]!;
      if (inJ[i]) z[i] = uniform();
    }
    multi.forEach(({ b, k }) => {
      let mask = 0;
      b.forEach((i, t) => {
        if (inJ[i]) mask |= 1 << t;
      });
      if (mask === 0) return;
      let c = memo[k]!.get(mask);
      if (!c) {
        c = conditionalOf(
          copula,
          b.filter((i) => inJ[i]),
          b.filter((i) => !inJ[i]),
        );
        memo[k]!.set(mask, c);
      }
      const f = c.free.length;
      const g = c.given.length;
      for (let t = 0; t < f; t++) eps[t] = gauss();
      const next = scratch;
      for (let t = 0; t < f; t++) {
        let v = 0;
        for (let u = 0; u < g; u++) v += c.coef[t * g + u]! * z[c.given[u]!]!;
        for (let u = 0; u < f; u++) v += c.factor[t * f + u]! * eps[u]!;
        next[t] = v;
      }
      c.free.forEach((i, t) => (z[i] = next[t]!));
    });
  };

  // Evaluation buffers: rows of z mapped to the input columns through Φ and each member's quantile.
  const evalRows = (zRows: Float64Array, n: number): Float64Array => {
    const cols = central.map((c) => new Float64Array(n).fill(c));
    factors.forEach((f, i) => {
      const isSingle = single[i] === 1;
      for (const m of f.members) {
        const col = cols[m.column]!;
        const q = m.quantile;
        for (let r = 0; r < n; r++) {
          const v = zRows[r * d + i]!;
          col[r] = q(isSingle ? v : normalCdf(v, 0, 1));
        }
      }
    });
    return evaluate(cols, n);
  };

  // Total variance from Nv joint draws.
  const eps = new Float64Array(d);
  const zv = new Float64Array(Nv * d);
  const z = new Float64Array(d);
  for (let r = 0; r < Nv; r++) {
    drawJoint(z, eps);
    zv.set(z, r * d);
  }
  const yv = evalRows(zv, Nv);
  let mean = 0;
  for (let r = 0; r < Nv; r++) mean += yv[r]!;
  mean /= Nv;
  let variance = 0;
  for (let r = 0; r < Nv; r++) variance += (yv[r]! - mean) ** 2;
  variance /= Nv - 1;

  // Permutations in batches: rows for (permutation, prefix j = 1..d−1, outer l, inner h).
  const perBatch = Math.max(1, Math.floor(200_000 / Math.max(1, (d - 1) * No * Ni)));
  const sum = new Float64Array(d);
  const sumSq = new Float64Array(d);
  const inJ = new Uint8Array(d);
  const outerZ = new Float64Array(d);
  let evaluations = Nv;
  for (let start = 0; start < M; start += perBatch) {
    const m = Math.min(perBatch, M - start);
    const perms: Uint16Array[] = [];
    const rows = m * (d - 1) * No * Ni;
    const zr = new Float64Array(rows * d);
    let row = 0;
    for (let q = 0; q < m; q++) {
      const perm = new Uint16Array(d);
      for (let i = 0; i < d; i++) perm[i] = i;
      for (let i = d - 1; i > 0; i--) {
        const j = Math.min(i, Math.floor(uniform() * (i + 1)));
        const t = perm[i]!;
        perm[i] = perm[j]!;
        perm[j] = t;
      }
      perms.push(perm);
      inJ.fill(0);
      for (let j = 0; j < d - 1; j++) {
        inJ[perm[j]!] = 1;
        for (let l = 0; l < No; l++) {
          drawJoint(outerZ, eps);
          for (let h = 0; h < Ni; h++) {
            z.set(outerZ);
            drawConditional(z, inJ, eps);
            zr.set(z, row * d);
            row++;
          }
        }
      }
    }
    const y = evalRows(zr, rows);
    evaluations += rows;
    row = 0;
    for (let q = 0; q < m; q++) {
      const perm = perms[q]!;
      let prev = 0;
      for (let j = 0; j < d; j++) {
        let c: number;
        if (j === d - 1) c = variance;
        else {
          c = 0;
          for (let l = 0; l < No; l++) {
            let mu = 0;
            for (let h = 0; h < Ni; h++) mu += y[row + h]!;
            mu /= Ni;
            let v = 0;
            for (let h = 0; h < Ni; h++) v += (y[row + h]! - mu) ** 2;
            c += v / (Ni - 1);
            row += Ni;
          }
          c /= No;
        }
        const delta = c - prev;
        sum[perm[j]!]! += delta;
        sumSq[perm[j]!]! += delta * delta;
        prev = c;
      }
    }
  }
  const effects = factors.map((f, i) => {
    const effect = sum[i]! / M;
    const sdDelta = Math.sqrt(Math.max(0, sumSq[i]! / M - effect * effect));
    return {
      name: f.name,
      label: f.label,
      effect,
      share: variance > 0 ? effect / variance : 0,
      shareSe: variance > 0 ? sdDelta / Math.sqrt(M) / variance : 0,
    };
  });
  effects.sort((a, b) => b.effect - a.effect || a.name.localeCompare(b.name));
  return { variance, permutations: M, outer: No, inner: Ni, evaluations, effects };
}
