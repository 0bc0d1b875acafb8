/**
 * How far the price data reach: the last day for which every takst and the basistilskudd have a value. A budget year
 * after it cannot be priced in nominal kroner from data; the projection then uses the last known prices and says so.
 */
import type { ParamSet } from "../params/loadParams";
import { scalarFile } from "../params/lookup";

/** The ids of the scalar parameters that are prices of the cost model (besides the takster). */
export const PRICE_SCALARS = ["basistilskudd"] as const;

/** The last day covered by every price file (takster and PRICE_SCALARS), as an ISO date. */
export function lastPricedDay(params: ParamSet): string {
  const ends = [...params.takster.values()].map((t) => t.values[t.values.length - 1]!.to);
  for (const id of PRICE_SCALARS) {
    const f = scalarFile(params, id);
    ends.push(f.values[f.values.length - 1]!.to);
  }
  return ends.reduce((a, b) => (b < a ? b : a));
}
