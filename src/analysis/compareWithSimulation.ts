/**
 * Where the claims estimate falls against the cost model (src/cost): the simulation's P10–P90 and the estimate's
 * percentile rank among the simulated draws. `estimateWithSimulation` is the regnskapstall pipeline with that
 * comparison attached, as the CLI and notebook 05 run it.
 */
import { CLAIMS_SIMULATION_DRAWS } from "../constants";
import { formatNok } from "../format/norwegian";
import { shareAboveSorted } from "../stats/summarise";
import { runCost } from "./runCost";
import type { ParamSet } from "../params/loadParams";
import { loadParams } from "../params/loadParams";
import { scenarioHash } from "../manifest/manifest";
import { loadScenario } from "../scenario/loadScenario";
import type { SimulationComparison } from "../claims/compareWithHod";
import { estimateNetCost, type EstimateOptions, type ClaimsEstimate } from "../claims/estimateNetCost";

const kr = formatNok;

/** Runs the cost model on `scenarioFile` and places `estimate` in its distribution. */
export function compareWithSimulation(
  estimate: number,
  params: ParamSet,
  scenarioFile: string,
  opts: { draws?: number; seed?: number } = {},
): SimulationComparison {
  const { scenario } = loadScenario(scenarioFile, params);
  const draws = opts.draws ?? CLAIMS_SIMULATION_DRAWS;
  const run = runCost(scenario, params, { draws, ...(opts.seed !== undefined ? { seed: opts.seed } : {}) });
  const r = run.report;
  const percentileRank = 1 - shareAboveSorted(run.sortedNet, estimate);
  const insideP10P90 = estimate >= r.p10 && estimate <= r.p90;
  const statement = `The estimate has percentile rank ${Math.round(percentileRank * 100)} % in the simulation "${scenario.name}" (P10 ${kr(r.p10)}, P50 ${kr(r.p50)}, P90 ${kr(r.p90)}); ${insideP10P90 ? "inside" : "outside"} P10–P90.`;
  return {
    scenario: scenarioFile,
    scenarioHash: scenarioHash(scenario),
    draws: r.draws,
    seed: r.seed,
    p10: r.p10,
    p50: r.p50,
    p90: r.p90,
    percentileRank,
    insideP10P90,
    statement,
  };
}

/** The claims estimate, placed in the simulated distribution of `opts.scenario` when one is given. */
export async function estimateWithSimulation(
  claimsFile: string,
  doctorsFile: string,
  opts: EstimateOptions & { scenario?: string; simulationDraws?: number } = {},
): Promise<ClaimsEstimate> {
  const { scenario, simulationDraws, ...estimateOpts } = opts;
  const params = opts.params ?? loadParams();
  const result = await estimateNetCost(claimsFile, doctorsFile, { ...estimateOpts, params });
  if (!scenario) return result;
  opts.onStep?.(`simulation ${scenario}`);
  const simulation = compareWithSimulation(result.netCostPerAgreementYear.estimate, params, scenario, {
    ...(simulationDraws ? { draws: simulationDraws } : {}),
  });
  const { validation, manifest, warnings, ...head } = result;
  return { ...head, simulation, validation, manifest, warnings };
}
