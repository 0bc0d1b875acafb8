/**
 * Wilson score interval for a binomial share (Wilson 1927, doi:10.1080/01621459.1927.10502953), recommended over the
 * Wald interval for small n and shares near 0 or 1 (Brown, Cai & DasGupta 2001, doi:10.1214/ss/1009213286):
 *
 *   (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n),   z = Φ⁻¹(1 − α/2)
 */
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";

export interface ShareInterval {
  share: number;
  low: number;
  high: number;
}

/** The share x/n with its Wilson interval at `level` (e.g. 0.95). */
export function wilsonInterval(x: number, n: number, level: number): ShareInterval {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`wilsonInterval: n must be a whole number 1 or more, got ${n}`);
  if (!Number.isInteger(x) || x < 0 || x > n) throw new RangeError(`wilsonInterval: x must be a whole number from 0 to n = ${n}, got ${x}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`wilsonInterval: level must be above 0 and below 1, got ${level}`);
  const z = normalQuantile(1 - (1 - level) / 2, 0, 1);
  const p = x / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + z2n);
  return { share: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
