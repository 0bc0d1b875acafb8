/** Input columns holding each input's central value (mest sannsynlig or median), for deterministic evaluations. */
import { centralValue } from "../distributions/quantile";
import type { ModelInput } from "../inputs/modelInput";

/** `n` copies of each input's central value, one column per input. */
export function centralColumns(inputs: ReadonlyArray<ModelInput>, n = 1): Float64Array[] {
  return inputs.map((inp) => new Float64Array(n).fill(centralValue(inp.spec)));
}
