/** The deterministic cost: every input at its central value (mest sannsynlig for a trippelestimat, else the median). */
import { allocateComponents, COST_COMPONENTS, evaluateCostChunk, type CostComponent, type CostComponentArrays } from "./costKernel";
import type { CostProblem } from "./costProblem";
import { centralColumns } from "./centralColumns";

export type CostComponents = Record<CostComponent, number>;

export function runDeterministic(problem: CostProblem): CostComponents {
  const out = allocateComponents(1);
  evaluateCostChunk(problem.layout, centralColumns(problem.inputs), 1, out);
  return Object.fromEntries(COST_COMPONENTS.map((c) => [c, out[c][0]!])) as CostComponents;
}

/** The deterministic point with the flow detail: the kernel's outputs and the input columns, each of length 1. */
export function runDeterministicDetail(problem: CostProblem): { out: Required<CostComponentArrays>; cols: Float64Array[] } {
  const out = allocateComponents(1, true) as Required<CostComponentArrays>;
  const cols = centralColumns(problem.inputs);
  evaluateCostChunk(problem.layout, cols, 1, out);
  return { out, cols };
}
