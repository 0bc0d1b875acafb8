/**
 * Rank correlation between sampled columns by the Iman–Conover method (Iman & Conover 1982,
 * doi:10.1080/03610918208812265; the method @RISK uses): every column keeps its values exactly — it is only
 * reordered — and the columns' ranks take on the target rank correlation.
 *
 *   columns (independent draws) -> ranks -> van der Waerden scores M (a[r] = Φ⁻¹((r + 1) / (n + 1)) at each draw's rank)
 *   -> E = corr(M) = F Fᵀ (Cholesky) -> T = M (F⁻¹)ᵀ Pᵀ with P Pᵀ = R (so corr(T) = R exactly)
 *   -> each column reordered so that its ranks are those of T's column
 *
 * The scores take their random order from the columns' own ranks, so no extra random stream is used: the result is
 * a pure function of the drawn columns and the target, and two scenarios with the same draws and the same
 * correlations get the same reordering (common random numbers). R is the normal-score Pearson matrix of the target
 * Spearman matrix (r = 2 sin(π ρ / 6), src/distributions/correlationMatrix.ts), so the achieved Spearman correlation
 * is the target up to sampling noise (about 1/√n), not the 0.018 bias of using ρ as r.
 *
 * Cost per call: two sorts of n per column and n k² multiply-adds; memory n × k doubles for the scores.
 */
import { CholeskyDecomposition, inverse, Matrix } from "ml-matrix";
import { psdFactor, spearmanToPearson } from "./correlationMatrix";

/* eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: loaded only by runs with correlations */
const quantileNormal = (p: number): number => (require("@stdlib/stats-base-dists-normal-quantile") as (p: number, mu: number, s: number) => number)(p, 0, 1);

export interface RankCorrelationPlan {
  /** Number of columns. */
  k: number;
  /** P (k×k, row-major) with P Pᵀ = the normal-score Pearson matrix of the target. */
  factor: Float64Array;
}

/** The plan for a target Spearman matrix (k×k, unit diagonal, positive semi-definite: check before). */
export function planRankCorrelation(spearman: ReadonlyArray<ReadonlyArray<number>>): RankCorrelationPlan {
  const pearson = spearman.map((row, i) => row.map((rho, j) => (i === j ? 1 : spearmanToPearson(rho))));
  return { k: spearman.length, factor: psdFactor(pearson) };
}

/** Largest n for which the index fits in the low bits of a double's mantissa (see argsort). */
const INDEX_BITS = 21;
const INDEX_MASK = (1 << INDEX_BITS) - 1;

/**
 * Indices 0..n−1 ordered by `x` ascending (ties in index order up to a relative 2⁻³¹ of the value). For n ≤ 2²¹ the
 * index is written into the low 21 mantissa bits of a copy of each value and the copies are sorted natively
 * (TypedArray sort, several times faster than sorting indices with a comparator); larger n sorts with a comparator.
 */
export function argsort(x: Float64Array, n: number, keys = new Float64Array(n), out = new Uint32Array(n)): Uint32Array {
  if (n > INDEX_MASK + 1) {
    const idx = new Uint32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    idx.sort((a, b) => x[a]! - x[b]! || a - b);
    out.set(idx);
    return out;
  }
  const k = keys.subarray(0, n);
  k.set(x.subarray(0, n));
  const words = new Uint32Array(k.buffer, k.byteOffset, 2 * n);
  // Little-endian: the low word of double i is words[2i]. Lowering or raising the last 21 of 52 mantissa bits moves
  // the value by less than 2⁻³¹ of itself, so only draws that equal to 9 digits can swap.
  for (let i = 0; i < n; i++) words[2 * i] = ((words[2 * i]! & ~INDEX_MASK) | i) >>> 0;
  k.sort();
  for (let r = 0; r < n; r++) out[r] = words[2 * r]! & INDEX_MASK;
  return out;
}

const scoreCache = new Map<number, Float64Array>();
/** van der Waerden scores Φ⁻¹((r + 1) / (n + 1)), r = 0..n−1 (memoised by n: every full chunk has the same n). */
function scores(n: number): Float64Array {
  let a = scoreCache.get(n);
  if (!a) {
    a = new Float64Array(n);
    for (let r = 0; r < n; r++) a[r] = quantileNormal((r + 1) / (n + 1));
    if (scoreCache.size > 4) scoreCache.clear();
    scoreCache.set(n, a);
  }
  return a;
}

/**
 * Reorders `columns[j][0 .. n−1]` in place so that their rank correlation is the plan's target. Returns false (and
 * leaves the columns untouched) when n is too small for the scores to have a full-rank correlation (n ≤ k).
 */
export function imposeRankCorrelation(plan: RankCorrelationPlan, columns: ReadonlyArray<Float64Array>, n: number): boolean {
  const { k, factor } = plan;
  if (columns.length !== k) throw new Error(`imposeRankCorrelation: the plan has ${k} columns, got ${columns.length}`);
  if (k < 2 || n <= k) return false;
  const a = scores(n);
  const keys = new Float64Array(n);
  const order = new Uint32Array(n);
  // Scores at each draw's rank (column-major n × k), and each column's sorted values.
  const m = new Float64Array(n * k);
  const sorted = columns.map((col, j) => {
    argsort(col, n, keys, order);
    const s = new Float64Array(n);
    const mj = m.subarray(j * n, (j + 1) * n);
    for (let r = 0; r < n; r++) {
      const row = order[r]!;
      s[r] = col[row]!;
      mj[row] = a[r]!;
    }
    return s;
  });
  // E = corr(M): every column is a permutation of a, so all have the same mean (0 up to rounding) and variance.
  let ss = 0;
  let mean = 0;
  for (let r = 0; r < n; r++) mean += a[r]!;
  mean /= n;
  for (let r = 0; r < n; r++) ss += (a[r]! - mean) ** 2;
  const e = Matrix.zeros(k, k);
  for (let i = 0; i < k; i++) {
    const mi = m.subarray(i * n, (i + 1) * n);
    e.set(i, i, 1);
    for (let j = 0; j < i; j++) {
      const mj = m.subarray(j * n, (j + 1) * n);
      let s = 0;
      for (let r = 0; r < n; r++) s += (mi[r]! - mean) * (mj[r]! - mean);
      e.set(i, j, s / ss);
      e.set(j, i, s / ss);
    }
  }
  const chol = new CholeskyDecomposition(e);
  if (!chol.isPositiveDefinite()) return false;
  // G = (F⁻¹)ᵀ Pᵀ, so T = M G has correlation P Pᵀ.
  const fInv = inverse(chol.lowerTriangularMatrix);
  const p = new Matrix(Array.from({ length: k }, (_, r) => Array.from(factor.subarray(r * k, (r + 1) * k))));
  const g = fInv.transpose().mmul(p.transpose());
  const t = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    t.fill(0);
    for (let l = 0; l < k; l++) {
      const w = g.get(l, j);
      if (w === 0) continue;
      const ml = m.subarray(l * n, (l + 1) * n);
      for (let r = 0; r < n; r++) t[r]! += ml[r]! * w;
    }
    argsort(t, n, keys, order);
    const col = columns[j]!;
    const s = sorted[j]!;
    for (let r = 0; r < n; r++) col[order[r]!] = s[r]!;
  }
  return true;
}
