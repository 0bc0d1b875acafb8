/**
 * The pre-trend check of the event study: the least-squares slope of the coefficients β_e over the months before the
 * start (e < 0), in kr per avgivende doctor-month per month. Under parallel trends the handing-over fastleger move
 * like the comparison fastleger before the agreement, so β_e ≈ 0 and the slope ≈ 0; a slope whose 95 % interval
 * excludes 0 says the baseline was already drifting, and the fall would be mis-measured by about slope × months.
 */

/** OLS slope of y on x over the pairs where y is finite; NaN with fewer than 3 such points. */
export function preTrendSlope(beta: Float64Array, eventMin: number): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let j = 0; j < beta.length; j++) {
    const e = eventMin + j;
    if (e >= 0) break;
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
