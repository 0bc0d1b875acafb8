/**
 * How far the price data reach: the last day for which every takst and the basistilskudd have a value. A budget year
 * after it cannot be priced in nominal kroner from data; the projection then uses the last known prices and says so.
 */
import type { ParamSet } from "../params/loadParams";
import { scalarFile } from "../params/lookup";

/** The ids of the scalar parameters that are prices of the cost model (besides the takster). */
export const PRICE_SCALARS = ["basistilskudd"] as const;

function priceFiles(params: ParamSet): Array<ReadonlyArray<{ from: string; to: string }>> {
  return [...[...params.takster.values()].map((t) => t.values), ...PRICE_SCALARS.map((id) => scalarFile(params, id).values)];
}

/** The last day covered by every price file (takster and PRICE_SCALARS), as an ISO date. */
export function lastPricedDay(params: ParamSet): string {
  return priceFiles(params)
    .map((v) => v[v.length - 1]!.to)
    .reduce((a, b) => (b < a ? b : a));
}

/** The first day covered by every price file. */
export function firstPricedDay(params: ParamSet): string {
  return priceFiles(params)
    .map((v) => v[0]!.from)
    .reduce((a, b) => (b > a ? b : a));
}
