/**
 * How precise a Monte Carlo figure is: its Monte Carlo standard error (MCSE) and the half-width of its 95 % interval,
 * for the mean and for each reported percentile.
 *  - mean: SE = sd / √n (central limit theorem);
 *  - percentile p: the distribution-free interval between the order statistics of ranks n p ∓ z √(n p (1 − p))
 *    (the binomial count of draws below the true quantile; e.g. Hahn & Meeker 1991, Statistical Intervals, ch. 5),
 *    half-width = (x_(hi) − x_(lo)) / 2 and SE = half-width / z. It needs no density estimate and holds for skewed
 *    costs.
 */
import { Z_95 } from "../constants";

export interface FigurePrecision {
  /** Monte Carlo standard error, in the figure's unit. */
  se: number;
  /** Half-width of the 95 % interval of the figure's Monte Carlo error. */
  halfWidth95: number;
}

export interface MonteCarloPrecision {
  draws: number;
  mean: FigurePrecision;
  p10: FigurePrecision;
  p50: FigurePrecision;
  p85: FigurePrecision;
  p90: FigurePrecision;
}

/** The 95 % half-width and SE of percentile p of `sorted` (ascending, n ≥ 1) from its order statistics. */
export function percentilePrecision(sorted: Float64Array, p: number): FigurePrecision {
  const n = sorted.length;
  const spread = Z_95 * Math.sqrt(n * p * (1 - p));
  const lo = Math.max(0, Math.floor(n * p - spread) - 1);
  const hi = Math.min(n - 1, Math.ceil(n * p + spread) - 1);
  const halfWidth95 = (sorted[hi]! - sorted[lo]!) / 2;
  return { se: halfWidth95 / Z_95, halfWidth95 };
}

/** MCSE and 95 % half-width of the mean (from the sample sd) and of P10, P50, P85, P90. */
export function monteCarloPrecision(sorted: Float64Array, sd: number): MonteCarloPrecision {
  const n = sorted.length;
  const se = n > 0 ? sd / Math.sqrt(n) : Number.NaN;
  return {
    draws: n,
    mean: { se, halfWidth95: Z_95 * se },
    p10: percentilePrecision(sorted, 0.1),
    p50: percentilePrecision(sorted, 0.5),
    p85: percentilePrecision(sorted, 0.85),
    p90: percentilePrecision(sorted, 0.9),
  };
}

/**
 * The draws of the next round of a --precision run: the half-width of a percentile shrinks as 1/√n, so n is scaled by
 * (half-width / target)², with 10 % to spare, rounded up to whole blocks and at least one block more than now.
 */
export function nextDraws(draws: number, halfWidth: number, target: number, block: number, maxDraws: number): number {
  const needed = draws * (halfWidth / target) ** 2 * 1.1;
  return Math.min(maxDraws, Math.max(draws + block, Math.ceil(needed / block) * block));
}
