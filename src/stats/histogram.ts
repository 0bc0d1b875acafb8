/**
 * Equal-width histogram of sorted values for charts: a few dozen bins instead of 100 000 raw draws in a chart spec.
 */
export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
  /** Share of all values in this bin. */
  share: number;
}

/** `bins` equal-width bins from the smallest to the largest value (one bin when all values are equal). */
export function histogramSorted(sorted: Float64Array, bins: number): HistogramBin[] {
  const n = sorted.length;
  if (n === 0) return [];
  const lo = sorted[0]!;
  const hi = sorted[n - 1]!;
  if (hi === lo) return [{ x0: lo, x1: hi, count: n, share: 1 }];
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) counts[Math.min(bins - 1, Math.floor((sorted[i]! - lo) / width))]!++;
  return counts.map((count, b) => ({ x0: lo + b * width, x1: lo + (b + 1) * width, count, share: count / n }));
}
