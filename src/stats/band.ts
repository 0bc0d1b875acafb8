/** P10 / P50 / P90 of a set of draws: the band every projection reports (over the finite values only). */
import { percentileSorted, sortedCopy } from "./summarise";

export interface Band {
  /** null when no draw is finite (e.g. a cost per outcome where no outcome happened). */
  p10: number;
  p50: number;
  p90: number;
}

export function band(values: Float64Array): Band {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { p10: null as unknown as number, p50: null as unknown as number, p90: null as unknown as number };
  const s = sortedCopy(finite);
  return { p10: percentileSorted(s, 0.1), p50: percentileSorted(s, 0.5), p90: percentileSorted(s, 0.9) };
}
