/**
 * The pre-trend diagnostics of the event study, over the baseline months (e < −k; the k anticipation months belong to
 * the effect):
 *
 * - preTrendSlope: the least-squares slope of β_e, kr per avgivende doctor-month per month (descriptive).
 * - jointPreTrendTest: all baseline coefficients together. Per agreement the baseline gaps sum to 0 by construction, so
 *   one coefficient (the earliest) is dropped and the rest tested with the Wald statistic W = β' Σ⁻¹ β, Σ the bootstrap
 *   covariance. Its p-value is read off the bootstrap distribution of (β*_b − β̂)' Σ⁻¹ (β*_b − β̂) (the test calibrated
 *   by the same resampling, which holds its level with few clusters better than χ²; the χ² p-value is reported too).
 * - sensitivityBounds: in the spirit of Rambachan & Roth (2023, "A more credible approach to parallel trends",
 *   Review of Economic Studies 90(5), doi:10.1093/restud/rdad018), relative magnitudes in levels: the post-start
 *   deviation from parallel trends may be up to M̄ times the largest |β_e| before the start, in every month; the net
 *   cost then lies in net ± M̄ · max|β_pre| · (avgivende doctor-months in the effect window per agreement-year). The
 *   interval for each M̄ is the 2.5 % point of the replicates' lower ends and the 97.5 % point of their upper ends.
 */
import { Matrix, pseudoInverse } from "ml-matrix";
import { percentileSorted, sortedCopy } from "../stats/summarise";

/** OLS slope of β_e over the baseline months (e < −anticipation) where β is finite; NaN with fewer than 3 such points. */
export function preTrendSlope(beta: Float64Array, eventMin: number, anticipation = 0): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let j = 0; j < beta.length; j++) {
    const e = eventMin + j;
    if (e >= -anticipation) break;
    const y = beta[j]!;
    if (!Number.isFinite(y)) continue;
    n++;
    sx += e;
    sy += y;
    sxx += e * e;
    sxy += e * y;
  }
  if (n < 3) return Number.NaN;
  return (n * sxy - sx * sy) / (n * sxx - sx * sx);
}

export interface JointPreTrendTest {
  /** Baseline coefficients tested (one fewer than the baseline months: they are tied by one constraint). */
  coefficients: number;
  statistic: number;
  /** p-value from the bootstrap distribution of the statistic, and from χ² with `coefficients` degrees of freedom. */
  pBootstrap: number;
  pChiSquare: number;
}

/** The joint Wald test of the baseline coefficients; null when there are fewer than 2 to test. */
export function jointPreTrendTest(beta: Float64Array, draws: Float64Array, B: number, eventMin: number, anticipation: number): JointPreTrendTest | null {
  const events = beta.length;
  const idx: number[] = [];
  for (let j = 0; j < events; j++) {
    const e = eventMin + j;
    if (e >= -anticipation) break;
    if (Number.isFinite(beta[j]!)) idx.push(j);
  }
  idx.shift();
  const q = idx.length;
  if (q < 2) return null;
  const rowsOk: number[] = [];
  for (let b = 0; b < B; b++) if (idx.every((j) => Number.isFinite(draws[b * events + j]!))) rowsOk.push(b);
  if (rowsOk.length < q + 2) return null;
  const mean = idx.map((j) => rowsOk.reduce((s, b) => s + draws[b * events + j]!, 0) / rowsOk.length);
  const cov = Matrix.zeros(q, q);
  for (const b of rowsOk)
    for (let r = 0; r < q; r++) {
      const dr = draws[b * events + idx[r]!]! - mean[r]!;
      for (let c = r; c < q; c++) cov.set(r, c, cov.get(r, c) + dr * (draws[b * events + idx[c]!]! - mean[c]!));
    }
  for (let r = 0; r < q; r++)
    for (let c = r; c < q; c++) {
      const v = cov.get(r, c) / (rowsOk.length - 1);
      cov.set(r, c, v);
      cov.set(c, r, v);
    }
  const inv = pseudoInverse(cov);
  const quad = (x: number[]) => {
    let s = 0;
    for (let r = 0; r < q; r++) for (let c = 0; c < q; c++) s += x[r]! * inv.get(r, c) * x[c]!;
    return s;
  };
  const statistic = quad(idx.map((j) => beta[j]!));
  let above = 0;
  for (const b of rowsOk) if (quad(idx.map((j) => draws[b * events + j]! - beta[j]!)) >= statistic) above++;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- @stdlib packages are CommonJS without types
  const chisqCdf = require("@stdlib/stats-base-dists-chisquare-cdf") as (x: number, k: number) => number;
  return { coefficients: q, statistic, pBootstrap: (above + 1) / (rowsOk.length + 1), pChiSquare: 1 - chisqCdf(statistic, q) };
}

export interface SensitivityBound {
  mBar: number;
  /** The identified range at the estimate, and its 95 % interval from the bootstrap. */
  lower: number;
  upper: number;
  ci95: [number, number];
}

/** Largest |β_e| over the baseline months (NaN when none). */
export function largestPreDeviation(beta: Float64Array, eventMin: number, anticipation: number): number {
  let m = Number.NaN;
  for (let j = 0; j < beta.length; j++) {
    if (eventMin + j >= -anticipation) break;
    const v = Math.abs(beta[j]!);
    if (Number.isFinite(v) && !(v <= m)) m = v;
  }
  return m;
}

/** Sensitivity bounds of the net cost for each M̄. */
export function sensitivityBounds(
  point: { net: number; beta: Float64Array; doctorMonths: number },
  draws: { net: Float64Array; beta: Float64Array; doctorMonths: Float64Array; replications: number },
  eventMin: number,
  anticipation: number,
  mBars: ReadonlyArray<number>,
): SensitivityBound[] {
  const events = point.beta.length;
  const dev = largestPreDeviation(point.beta, eventMin, anticipation);
  const devB = new Float64Array(draws.replications);
  for (let b = 0; b < draws.replications; b++) devB[b] = largestPreDeviation(draws.beta.subarray(b * events, (b + 1) * events), eventMin, anticipation);
  return mBars.map((mBar) => {
    const lo: number[] = [];
    const hi: number[] = [];
    for (let b = 0; b < draws.replications; b++) {
      const half = mBar * devB[b]! * draws.doctorMonths[b]!;
      if (!Number.isFinite(draws.net[b]!) || !Number.isFinite(half)) continue;
      lo.push(draws.net[b]! - half);
      hi.push(draws.net[b]! + half);
    }
    const half = mBar * dev * point.doctorMonths;
    return {
      mBar,
      lower: point.net - half,
      upper: point.net + half,
      ci95: [
        lo.length ? percentileSorted(sortedCopy(Float64Array.from(lo)), 0.025) : Number.NaN,
        hi.length ? percentileSorted(sortedCopy(Float64Array.from(hi)), 0.975) : Number.NaN,
      ],
    };
  });
}
