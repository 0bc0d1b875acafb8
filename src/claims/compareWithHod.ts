/**
 * Where the claims estimate falls against HOD's 500 000 kr (looked up in data/params by date), and the shape of its
 * comparison with the cost model's distribution (filled in by analysis/compareWithSimulation.ts).
 */
import { formatNok } from "../format/norwegian";
import type { ParamSet } from "../params/loadParams";
import { fixedScalarAt } from "../params/lookup";

export interface Interval {
  estimate: number;
  ci95: [number, number];
}

export interface ReferenceComparison {
  /** HOD's estimate per agreement-year (kr), from data/params/budget/hod_estimate_per_agreement.yaml. */
  hodEstimateNok: number;
  /** Where 500 000 kr lies relative to the 95 % interval of the estimate. */
  position: "below-interval" | "inside-interval" | "above-interval";
  statement: string;
}

export interface SimulationComparison {
  scenario: string;
  scenarioHash: string;
  draws: number;
  seed: number;
  p10: number;
  p50: number;
  p90: number;
  /** Share of simulated draws at or below the estimate (0 … 1). */
  percentileRank: number;
  insideP10P90: boolean;
  statement: string;
}

const kr = formatNok;

/** Compares the estimate with HOD's figure valid on `date` (the first agreement's start). */
export function compareWithHod(net: Interval, params: ParamSet, date: string): ReferenceComparison {
  const hod = fixedScalarAt(params, "budget/hod_estimate_per_agreement", date);
  const [lo, hi] = net.ci95;
  const position = hod < lo ? "below-interval" : hod > hi ? "above-interval" : "inside-interval";
  const statement =
    position === "inside-interval"
      ? `HOD's ${kr(hod)} lies inside the 95 % interval (${kr(lo)} – ${kr(hi)}): the claims do not contradict it.`
      : position === "above-interval"
        ? `The estimate ${kr(net.estimate)} is below HOD's ${kr(hod)}, which lies above the 95 % interval (${kr(lo)} – ${kr(hi)}).`
        : `The estimate ${kr(net.estimate)} is above HOD's ${kr(hod)}, which lies below the 95 % interval (${kr(lo)} – ${kr(hi)}).`;
  return { hodEstimateNok: hod, position, statement };
}
