/**
 * The pre-trend diagnostics of the event study, over the baseline months (e < −k; the k anticipation months belong to
 * the effect):
 *
 * - preTrendLine: the least-squares line through β_e, kr per avgivende doctor-month (per month).
 * - jointPreTrendTest: all baseline coefficients together, in bins of a few months. Per agreement the baseline gaps
 *   sum to 0 by construction, so one bin (the earliest) is dropped and the rest tested with the Wald statistic
 *   W = β' Σ⁻¹ β, Σ the bootstrap covariance, referred to F by Hotelling's T² for the number of hosting practices
 *   (the χ² p-value is reported too). It has power against a dip or a bump, little against a steady drift: a drift
 *   spreads over every bin and the covariance of nearby bins is large.
 * - linearPreTrendTest: the slope of that line (over the baseline and the placebo months before it) divided by its
 *   bootstrap standard error, referred to t with G − 1
 *   degrees of freedom (G hosting practices). One degree of freedom aimed at the violation that biases the estimate
 *   most over a two-year agreement, a differential trend (it grows with every post-start month).
 *   The estimator warns when either test rejects at half the level (Bonferroni, so the false-alarm rate stays at or
 *   below the level when parallel trends hold).
 * - sensitivityBounds: in the spirit of Rambachan & Roth (2023, "A more credible approach to parallel trends",
 *   Review of Economic Studies 90(5), doi:10.1093/restud/rdad018), relative magnitudes in levels: the post-start
 *   deviation from parallel trends may be up to M̄ times the largest |β_e| in the baseline, in every month; the net
 *   cost then lies in net ± M̄ · max|β_pre| · (avgivende doctor-months in the effect window per agreement-year). The
 *   interval for each M̄ is the 2.5 % point of the replicates' lower ends and the 97.5 % point of their upper ends.
 *   Right for a dip or a one-off shock, which do not grow after the start.
 * - smoothnessBounds: Rambachan & Roth's smoothness restriction Δ^SD(M) for a differential trend: after the start the
 *   deviation continues the baseline's least-squares line δ_e = a + b·e, and its slope may change by at most M per month
 *   (|δ_{e+1} − 2δ_e + δ_{e−1}| ≤ M), so s months after the last baseline month it lies within M·s(s+1)/2 of the line.
 *   The bias of the net cost is Σ_e w_e δ_e (w_e: avgivende doctor-months in event month e per agreement-year), so
 *   net − Σ w_e (a + b·e) ∓ M · Σ w_e s_e(s_e + 1)/2. M = 0 is the trend-adjusted estimate (the line continues). We fit
 *   the line to the estimated β_pre instead of taking β_pre as exact (as R&R do), because monthly coefficients are noisy
 *   and an exact fit would let one month's noise set the slope; M is a share of the avgivende doctors' baseline cost per
 *   doctor-month, so it reads as "the drift may speed up or slow down by x % of a month's billing each month".
 */
import { Matrix, pseudoInverse } from "ml-matrix";
import { percentileSorted, sortedCopy } from "../stats/summarise";

/** OLS line a + b·e through β_e over the baseline months (e < −anticipation) where β is finite; NaN with fewer than 3 such points. */
export function preTrendLine(beta: Float64Array, eventMin: number, anticipation = 0): { intercept: number; slope: number } {
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
  if (n < 3) return { intercept: Number.NaN, slope: Number.NaN };
  const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  return { intercept: (sy - slope * sx) / n, slope };
}

export interface LinearPreTrendTest {
  /** Slope of the baseline coefficients (kr per doctor-month per month), its bootstrap standard error, t = slope / se. */
  slopeNokPerMonth: number;
  se: number;
  t: number;
  /** Degrees of freedom: hosting practices − 1. */
  df: number;
  /** Two-sided p-value of t against Student's t with df degrees of freedom. */
  p: number;
}

/** The t test of a linear pre-trend (slope / bootstrap se, t with clusters − 1 df); null when the slope or its se is not finite or positive. */
export function linearPreTrendTest(slope: number, slopeDraws: Float64Array, clusters: number): LinearPreTrendTest | null {
  const f = slopeDraws.filter(Number.isFinite);
  if (!Number.isFinite(slope) || f.length < 3 || clusters < 2) return null;
  const m = f.reduce((a, b) => a + b, 0) / f.length;
  // The bootstrap variance over G clusters is (G − 1)/G of the unbiased one: scaled back, as for the superpopulation interval.
  const se = Math.sqrt(((f.reduce((a, b) => a + (b - m) * (b - m), 0) / (f.length - 1)) * clusters) / (clusters - 1));
  if (!(se > 0)) return null;
  const t = slope / se;
  const df = clusters - 1;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- @stdlib packages are CommonJS without types
  const tCdf = require("@stdlib/stats-base-dists-t-cdf") as (x: number, v: number) => number;
  return { slopeNokPerMonth: slope, se, t, df, p: 2 * (1 - tCdf(Math.abs(t), df)) };
}

export interface JointPreTrendTest {
  /** Baseline months per bin, bins tested (one fewer than the bins: they are tied by one constraint), and clusters behind the covariance. */
  binMonths: number;
  coefficients: number;
  clusters: number;
  /** Wald statistic W = β' Σ⁻¹ β of the binned coefficients. */
  statistic: number;
  /** p-value of Hotelling's T² (W scaled to F(q, G − q), G = hosting practices): the decision; and of χ²(q), which over-rejects with few clusters. */
  p: number;
  pChiSquare: number;
}

/**
 * The joint test of the baseline coefficients (the `baselineMonths` months before e = −k, not the placebo months before
 * them), binned into runs of `binMonths` months counted back from e = −k − 1 (the mean of β_e in each bin): with tens of clusters, a covariance of twelve monthly coefficients is too noisy to
 * invert (the χ² test then rejects a true null several times too often), while a few bins keep the power against a
 * drift or a dip. W is referred to F through Hotelling's T² with G clusters: F = W (G − q) / (q (G − 1)).
 * Returns null when there are fewer than 2 bins to test or no more clusters than bins.
 */
export function jointPreTrendTest(
  beta: Float64Array,
  draws: Float64Array,
  B: number,
  eventMin: number,
  anticipation: number,
  binMonths: number,
  clusters: number,
  baselineMonths: number,
): JointPreTrendTest | null {
  const events = beta.length;
  const last = -anticipation - 1 - eventMin;
  const first = Math.max(0, last - baselineMonths + 1);
  const bins: number[][] = [];
  for (let j = last; j >= first; j -= binMonths) {
    const bin: number[] = [];
    for (let i = j; i > j - binMonths && i >= first; i--) if (Number.isFinite(beta[i]!)) bin.push(i);
    if (bin.length === binMonths) bins.push(bin);
  }
  bins.pop();
  const q = bins.length;
  if (q < 2 || clusters <= q) return null;
  const binned = (x: Float64Array, off: number) => bins.map((b) => b.reduce((s, i) => s + x[off + i]!, 0) / b.length);
  const point = binned(beta, 0);
  const rowsB: number[][] = [];
  for (let b = 0; b < B; b++) {
    const v = binned(draws, b * events);
    if (v.every(Number.isFinite)) rowsB.push(v);
  }
  if (rowsB.length < q + 2) return null;
  const mean = point.map((_, r) => rowsB.reduce((s, v) => s + v[r]!, 0) / rowsB.length);
  const cov = Matrix.zeros(q, q);
  for (const v of rowsB)
    for (let r = 0; r < q; r++) for (let c = 0; c < q; c++) cov.set(r, c, cov.get(r, c) + ((v[r]! - mean[r]!) * (v[c]! - mean[c]!)) / (rowsB.length - 1));
  const inv = pseudoInverse(cov);
  let statistic = 0;
  for (let r = 0; r < q; r++) for (let c = 0; c < q; c++) statistic += point[r]! * inv.get(r, c) * point[c]!;
  const G = clusters;
  const f = (statistic * (G - q)) / (q * (G - 1));
  /* eslint-disable @typescript-eslint/no-require-imports -- @stdlib packages are CommonJS without types */
  const chisqCdf = require("@stdlib/stats-base-dists-chisquare-cdf") as (x: number, k: number) => number;
  const fCdf = require("@stdlib/stats-base-dists-f-cdf") as (x: number, d1: number, d2: number) => number;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { binMonths, coefficients: q, clusters: G, statistic, p: 1 - fCdf(f, q, G - q), pChiSquare: 1 - chisqCdf(statistic, q) };
}

export interface SensitivityBound {
  mBar: number;
  /** The identified range at the estimate, and its 95 % interval from the bootstrap. */
  lower: number;
  upper: number;
  ci95: [number, number];
}

/** Largest |β_e| over the baseline months (the `baselineMonths` before e = −k; NaN when none). */
export function largestPreDeviation(beta: Float64Array, eventMin: number, anticipation: number, baselineMonths: number): number {
  let m = Number.NaN;
  for (let j = 0; j < beta.length; j++) {
    if (eventMin + j < -anticipation - baselineMonths) continue;
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
  baselineMonths: number,
  mBars: ReadonlyArray<number>,
): SensitivityBound[] {
  const events = point.beta.length;
  const dev = largestPreDeviation(point.beta, eventMin, anticipation, baselineMonths);
  const devB = new Float64Array(draws.replications);
  for (let b = 0; b < draws.replications; b++)
    devB[b] = largestPreDeviation(draws.beta.subarray(b * events, (b + 1) * events), eventMin, anticipation, baselineMonths);
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

export interface SmoothnessBound {
  /** M as a share of the avgivende doctors' baseline cost per doctor-month, and in kr per doctor-month per month². */
  mShare: number;
  mNok: number;
  /** The identified range at the estimate, and its 95 % interval from the bootstrap. */
  lower: number;
  upper: number;
  ci95: [number, number];
}

/**
 * Smoothness bounds of the net cost (Δ^SD, see the header) for each M share. `trendBias` = Σ w_e (a + b·e) and
 * `curvature` = Σ w_e s_e(s_e + 1)/2, per agreement-year, at the estimate and per replicate; `baselineNok` is the
 * avgivende doctors' mean baseline cost per doctor-month that turns each share into kr.
 */
export function smoothnessBounds(
  point: { net: number; trendBias: number; curvature: number; baselineNok: number },
  draws: { net: Float64Array; trendBias: Float64Array; curvature: Float64Array; replications: number },
  mShares: ReadonlyArray<number>,
): SmoothnessBound[] {
  return mShares.map((mShare) => {
    const mNok = mShare * point.baselineNok;
    const lo: number[] = [];
    const hi: number[] = [];
    for (let b = 0; b < draws.replications; b++) {
      const mid = draws.net[b]! - draws.trendBias[b]!;
      const half = mNok * draws.curvature[b]!;
      if (!Number.isFinite(mid) || !Number.isFinite(half)) continue;
      lo.push(mid - half);
      hi.push(mid + half);
    }
    const mid = point.net - point.trendBias;
    const half = mNok * point.curvature;
    return {
      mShare,
      mNok,
      lower: mid - half,
      upper: mid + half,
      ci95: [
        lo.length ? percentileSorted(sortedCopy(Float64Array.from(lo)), 0.025) : Number.NaN,
        hi.length ? percentileSorted(sortedCopy(Float64Array.from(hi)), 0.975) : Number.NaN,
      ],
    };
  });
}
