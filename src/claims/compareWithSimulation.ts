/**
 * Where the claims estimate falls against the cost model (src/cost) and against HOD's 500 000 kr: the simulation's
 * P10–P90 and the estimate's percentile rank among the simulated draws; HOD's figure looked up in data/params by date.
 */
import { CLAIMS_SIMULATION_DRAWS } from "../constants";
import { formatNok } from "../format/norwegian";
import { shareAboveSorted } from "../analysis/summarise";
import { runCost } from "../cost/runCost";
import type { ParamSet } from "../params/loadParams";
import { fixedScalarAt } from "../params/lookup";
import { scenarioHash } from "../scenario/manifest";
import { loadScenario } from "../scenario/loadScenario";

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

/** Runs the cost model on `scenarioFile` and places `estimate` in its distribution. */
export function compareWithSimulation(estimate: number, params: ParamSet, scenarioFile: string, opts: { draws?: number; seed?: number } = {}): SimulationComparison {
  const { scenario } = loadScenario(scenarioFile, params);
  const draws = opts.draws ?? CLAIMS_SIMULATION_DRAWS;
  const run = runCost(scenario, params, { draws, ...(opts.seed !== undefined ? { seed: opts.seed } : {}) });
  const r = run.report;
  const percentileRank = 1 - shareAboveSorted(run.sortedNet, estimate);
  const insideP10P90 = estimate >= r.p10 && estimate <= r.p90;
  const statement = `The estimate has percentile rank ${Math.round(percentileRank * 100)} % in the simulation "${scenario.name}" (P10 ${kr(r.p10)}, P50 ${kr(r.p50)}, P90 ${kr(r.p90)}); ${insideP10P90 ? "inside" : "outside"} P10–P90.`;
  return { scenario: scenarioFile, scenarioHash: scenarioHash(scenario), draws: r.draws, seed: r.seed, p10: r.p10, p50: r.p50, p90: r.p90, percentileRank, insideP10P90, statement };
}
