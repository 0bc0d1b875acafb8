/** The deterministic cost: every input at its central value (mest sannsynlig for a trippelestimat, else the median). */
import { allocateComponents, COST_COMPONENTS, evaluateCostChunk, type CostComponent } from "./costKernel";
import type { CostProblem } from "./costProblem";
import { centralColumns } from "./centralColumns";

export type CostComponents = Record<CostComponent, number>;

export function runDeterministic(problem: CostProblem): CostComponents {
  const out = allocateComponents(1);
  evaluateCostChunk(problem.layout, centralColumns(problem.inputs), 1, out);
  return Object.fromEntries(COST_COMPONENTS.map((c) => [c, out[c][0]!])) as CostComponents;
}
