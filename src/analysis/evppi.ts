/**
 * Expected value of perfect and partial perfect information (EVPI, EVPPI) from one set of Monte Carlo draws, by the
 * non-parametric regression method of Strong, Oakley & Brennan (2014, Medical Decision Making 34(3):311–326,
 * doi:10.1177/0272989X13505910): no nested simulation.
 *
 *   options d = 0..D−1 with net benefit NB_d per draw (kroner, higher is better)
 *   EVPI   = mean_i max_d NB_d(i) − max_d mean_i NB_d(i)
 *   EVPPI(φ) = mean_i max_d ĝ_d(φ_i) − max_d mean_i ĝ_d(φ_i), where ĝ_d(φ) ≈ E[NB_d | φ] is a regression of the
 *   incremental net benefit NB_d − NB_0 on the inputs φ (ĝ_0 = 0)
 *
 * The regression (GAM-like, as the paper's mgcv GAM; hand-written because no CommonJS npm package offers penalised or
 * regression splines, and simple-statistics has only straight lines): each input is rank-transformed to (0, 1) (so a
 * skewed distribution gets knots where its draws are), then a cubic B-spline basis with equally spaced knots —
 * one input: VOI_KNOTS_ONE_INPUT interior knots; two: the tensor product with VOI_KNOTS_TWO_INPUTS per side (captures
 * the interaction, e.g. substitution × backfill); three or more: additive splines plus three low-order interaction
 * terms per pair (u_a u_b, u_a² u_b, u_a u_b², centred). Least squares by the normal equations with a tiny ridge, solved by Cholesky. EVPPI ≤ EVPI
 * holds exactly; a regression estimate above the EVPI of the same draws (noise, seen at 1e-4 relative) is capped.
 */

import { VOI_KNOTS_MANY_INPUTS, VOI_KNOTS_ONE_INPUT, VOI_KNOTS_TWO_INPUTS, VOI_RIDGE } from "./decisionConstants";

/** EVPI from the net benefit of each option per draw. */
export function evpi(nb: ReadonlyArray<Float64Array>): number {
  const n = nb[0]!.length;
  let sumMax = 0;
  const sums = new Float64Array(nb.length);
  for (let i = 0; i < n; i++) {
    let best = -Infinity;
    for (let d = 0; d < nb.length; d++) {
      const v = nb[d]![i]!;
      sums[d]! += v;
      if (v > best) best = v;
    }
    sumMax += best;
  }
  return Math.max(0, sumMax / n - Math.max(...sums) / n);
}

/** Ranks scaled to (0, 1): (rank + 0.5) / n, tied values sharing the lowest rank of their run. */
export function rankUniform(x: Float64Array): Float64Array {
  const n = x.length;
  const sorted = Float64Array.from(x).sort();
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // lower bound of x[i] in the sorted values (native numeric sort + binary search: no comparator calls)
    let lo = 0;
    let hi = n;
    const v = x[i]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    u[i] = (lo + 0.5) / n;
  }
  return u;
}

const SCRATCH_N = new Float64Array(4);
const SCRATCH_LEFT = new Float64Array(4);
const SCRATCH_RIGHT = new Float64Array(4);

/** The K + 4 cubic B-spline basis functions at u ∈ [0, 1] with K equally spaced interior knots (clamped ends). */
export function bsplineBasis(u: number, interiorKnots: number, out: Float64Array = new Float64Array(interiorKnots + 4)): Float64Array {
  const degree = 3;
  const segments = interiorKnots + 1;
  const knots = (j: number) => Math.min(1, Math.max(0, (j - degree) / segments)); // t_0..t_{K+7}
  const nb = interiorKnots + 4;
  // Cox–de Boor on the span containing u.
  const span = Math.min(segments - 1, Math.floor(u * segments)) + degree;
  const N = SCRATCH_N;
  N.fill(0);
  N[0] = 1;
  const left = SCRATCH_LEFT;
  const right = SCRATCH_RIGHT;
  for (let j = 1; j <= degree; j++) {
    left[j] = u - knots(span + 1 - j);
    right[j] = knots(span + j) - u;
    let saved = 0;
    for (let r = 0; r < j; r++) {
      const temp = N[r]! / (right[r + 1]! + left[j - r]!);
      N[r] = saved + right[r + 1]! * temp;
      saved = left[j - r]! * temp;
    }
    N[j] = saved;
  }
  out.fill(0, 0, nb);
  for (let r = 0; r <= degree; r++) out[span - degree + r] = N[r]!;
  return out;
}

/**
 * The regression design for inputs given as (0, 1) ranks, stored sparsely: a cubic B-spline row has 4 non-zero
 * basis values, so every row of the design has the same number `m` of non-zeros (column index + value), and the
 * normal equations cost n × m² instead of n × p².
 */
interface SparseDesign {
  p: number;
  m: number;
  idx: Uint32Array;
  val: Float64Array;
}

function design(us: ReadonlyArray<Float64Array>): SparseDesign {
  const n = us[0]!.length;
  const d = us.length;
  // Blocks: a block is one input's spline (4 non-zeros) or two inputs' tensor product (16 non-zeros); for three or
  // more inputs the interactions are three low-order terms per pair (u_a u_b, u_a² u_b, u_a u_b²), dense.
  type Block = { inputs: number[]; knots: number; offset: number };
  const blocks: Block[] = [];
  let p = 0;
  const add = (inputs: number[], knots: number) => {
    blocks.push({ inputs, knots, offset: p });
    p += (knots + 4) ** inputs.length;
  };
  const pairs: Array<[number, number]> = [];
  if (d === 1) add([0], VOI_KNOTS_ONE_INPUT);
  else if (d === 2) add([0, 1], VOI_KNOTS_TWO_INPUTS);
  else {
    for (let a = 0; a < d; a++) add([a], VOI_KNOTS_MANY_INPUTS);
    for (let a = 0; a < d; a++) for (let b = a + 1; b < d; b++) pairs.push([a, b]);
  }
  const pairOffset = p;
  p += 3 * pairs.length;
  const m = blocks.reduce((s, b) => s + 4 ** b.inputs.length, 0) + 3 * pairs.length;
  const idx = new Uint32Array(n * m);
  const val = new Float64Array(n * m);
  const bufs = Array.from({ length: d }, () => new Float64Array(VOI_KNOTS_ONE_INPUT + 4));
  const rowA = new Float64Array(4);
  const first = (b: Float64Array, size: number) => {
    for (let c = 0; c < size; c++) if (b[c]! !== 0) return Math.min(c, size - 4);
    return size - 4;
  };
  for (let i = 0; i < n; i++) {
    let k = i * m;
    for (const blk of blocks) {
      const size = blk.knots + 4;
      const [a, b] = blk.inputs as [number, number | undefined];
      const ba = bsplineBasis(us[a]![i]!, blk.knots, bufs[a]!);
      const fa = first(ba, size);
      if (b === undefined) {
        for (let r = 0; r < 4; r++) {
          idx[k] = blk.offset + fa + r;
          val[k++] = ba[fa + r]!;
        }
      } else {
        for (let r = 0; r < 4; r++) rowA[r] = ba[fa + r]!;
        const bb = bsplineBasis(us[b]![i]!, blk.knots, bufs[b]!);
        const fb = first(bb, size);
        for (let r = 0; r < 4; r++)
          for (let q = 0; q < 4; q++) {
            idx[k] = blk.offset + (fa + r) * size + fb + q;
            val[k++] = rowA[r]! * bb[fb + q]!;
          }
      }
    }
    pairs.forEach(([a, b], j) => {
      const ua = us[a]![i]! - 0.5;
      const ub = us[b]![i]! - 0.5;
      const terms = [ua * ub, ua * ua * ub, ua * ub * ub];
      for (let t = 0; t < 3; t++) {
        idx[k] = pairOffset + 3 * j + t;
        val[k++] = terms[t]!;
      }
    });
  }
  return { p, m, idx, val };
}

/** Solves (A + ridge) x = b for a symmetric positive (semi-)definite A (p × p, row-major) by Cholesky. */
function choleskySolve(A: Float64Array, p: number, rhs: Float64Array[]): Float64Array[] {
  let trace = 0;
  for (let i = 0; i < p; i++) trace += A[i * p + i]!;
  const ridge = (VOI_RIDGE * trace) / p;
  const L = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * p + j]! + (i === j ? ridge : 0);
      for (let k = 0; k < j; k++) s -= L[i * p + k]! * L[j * p + k]!;
      L[i * p + j] = i === j ? Math.sqrt(Math.max(s, ridge)) : s / L[j * p + j]!;
    }
  }
  return rhs.map((b) => {
    const y = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      let s = b[i]!;
      for (let k = 0; k < i; k++) s -= L[i * p + k]! * y[k]!;
      y[i] = s / L[i * p + i]!;
    }
    const x = new Float64Array(p);
    for (let i = p - 1; i >= 0; i--) {
      let s = y[i]!;
      for (let k = i + 1; k < p; k++) s -= L[k * p + i]! * x[k]!;
      x[i] = s / L[i * p + i]!;
    }
    return x;
  });
}

/** Fitted values of each y regressed on the design's columns (least squares). */
function fit(X: SparseDesign, ys: Float64Array[]): Float64Array[] {
  const { p, m, idx, val } = X;
  const n = idx.length / m;
  const A = new Float64Array(p * p);
  const rhs = ys.map(() => new Float64Array(p));
  for (let i = 0; i < n; i++) {
    const o = i * m;
    for (let a = 0; a < m; a++) {
      const ca = idx[o + a]!;
      const va = val[o + a]!;
      if (va === 0) continue;
      for (let b = 0; b < m; b++) A[ca * p + idx[o + b]!]! += va * val[o + b]!;
      for (let d = 0; d < ys.length; d++) rhs[d]![ca]! += va * ys[d]![i]!;
    }
  }
  return choleskySolve(A, p, rhs).map((beta) => {
    const g = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = i * m; k < (i + 1) * m; k++) s += val[k]! * beta[idx[k]!]!;
      g[i] = s;
    }
    return g;
  });
}

export interface EvppiEstimate {
  /** min(regression estimate, EVPI): the estimate can exceed the EVPI of the same draws by regression noise. */
  evppi: number;
  /** The regression estimate before the cap. */
  raw: number;
  /** Share of the variance of each incremental net benefit (option d vs option 0) the inputs explain. */
  rSquared: number[];
}

/**
 * EVPPI of the inputs `phi` (draws of the inputs of interest, aligned with the net benefits' draws).
 * @param nb net benefit per option and draw; at least two options
 */
export function evppi(nb: ReadonlyArray<Float64Array>, phi: ReadonlyArray<Float64Array>): EvppiEstimate {
  const n = nb[0]!.length;
  const X = design(phi.map(rankUniform));
  const inc = nb.slice(1).map((y) => y.map((v, i) => v - nb[0]![i]!));
  const g = fit(X, inc);
  let sumMax = 0;
  const sums = new Float64Array(g.length);
  for (let i = 0; i < n; i++) {
    let best = 0; // option 0: incremental net benefit 0
    for (let d = 0; d < g.length; d++) {
      const v = g[d]![i]!;
      sums[d]! += v;
      if (v > best) best = v;
    }
    sumMax += best;
  }
  const rSquared = inc.map((y, d) => {
    let m = 0;
    for (let i = 0; i < n; i++) m += y[i]!;
    m /= n;
    let ssTot = 0;
    let ssRes = 0;
    for (let i = 0; i < n; i++) {
      ssTot += (y[i]! - m) ** 2;
      ssRes += (y[i]! - g[d]![i]!) ** 2;
    }
    return ssTot > 0 ? 1 - ssRes / ssTot : 1;
  });
  const raw = Math.max(0, sumMax / n - Math.max(0, ...sums) / n);
  return { evppi: Math.min(raw, evpi(nb)), raw, rSquared };
}
