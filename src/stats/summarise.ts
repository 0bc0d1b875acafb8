/**
 * Summary statistics of a Monte Carlo output: mean, standard deviation, the reported percentiles (P10, P50, P85,
 * P90) and the share of draws above a reference (500 000 kr). Percentiles follow simple-statistics' quantileSorted
 * (the nearest-rank method, averaging the two middle values when n·p is whole).
 */
import { mean, quantileSorted, sampleStandardDeviation } from "simple-statistics";

export interface DistributionSummary {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single draw. */
  sd: number;
  p10: number;
  p50: number;
  p85: number;
  p90: number;
  min: number;
  max: number;
}

/** Sorted copy of `x` (a Float64Array sorts numerically). */
export function sortedCopy(x: Float64Array): Float64Array {
  return Float64Array.from(x).sort();
}

/** The p-quantile of already sorted values. */
export function percentileSorted(sorted: Float64Array, p: number): number {
  return quantileSorted(sorted as unknown as number[], p);
}

export function summarise(x: Float64Array, sorted: Float64Array = sortedCopy(x)): DistributionSummary {
  if (x.length === 0) throw new Error("summarise: no draws");
  const arr = x as unknown as number[];
  return {
    n: x.length,
    mean: mean(arr),
    sd: x.length > 1 ? sampleStandardDeviation(arr) : 0,
    p10: percentileSorted(sorted, 0.1),
    p50: percentileSorted(sorted, 0.5),
    p85: percentileSorted(sorted, 0.85),
    p90: percentileSorted(sorted, 0.9),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

/** Share of values strictly above `threshold`, by binary search in sorted values. */
export function shareAboveSorted(sorted: Float64Array, threshold: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= threshold) lo = mid + 1;
    else hi = mid;
  }
  return (sorted.length - lo) / sorted.length;
}
