/**
 * One-at-a-time sensitivity (tornado): each uncertain factor is moved to its P10 and its P90 with all others at their
 * central value, and the change in the output is recorded. Sorted by the width of the swing. A factor is an input, or
 * the inputs that share a random stream (ModelInput.stream), which move together.
 */
import { TORNADO_HIGH_QUANTILE, TORNADO_LOW_QUANTILE } from "../constants";
import { quantileFunction } from "../distributions/quantile";
import { isDegenerate } from "../distributions/spec";
import { streamOf, type ModelInput } from "../inputs/modelInput";

export interface TornadoRow {
  name: string;
  label: string;
  unit: string;
  /** The factor's P10 and P90 (of its first input when several share a stream). */
  inputLow: number;
  inputHigh: number;
  /** The output with the input at its P10 / P90 and the others central. */
  outputAtLow: number;
  outputAtHigh: number;
  /** |outputAtHigh − outputAtLow|. */
  swing: number;
}

/**
 * @param evaluate  evaluates the model for k points at once: columns of length k, one per input; returns k outputs
 * @param central   central value of each input
 */
export function tornado(
  inputs: ReadonlyArray<ModelInput>,
  central: ReadonlyArray<number>,
  evaluate: (cols: Float64Array[], k: number) => Float64Array,
): { base: number; rows: TornadoRow[] } {
  const factors = new Map<string, { label: string; unit: string; members: Array<{ inp: ModelInput; j: number }> }>();
  inputs.forEach((inp, j) => {
    if (isDegenerate(inp.spec)) return;
    const { stream, label } = streamOf(inp);
    const f = factors.get(stream) ?? { label, unit: inp.unit, members: [] };
    f.members.push({ inp, j });
    factors.set(stream, f);
  });
  const swung = [...factors.entries()];
  const k = 1 + 2 * swung.length; // point 0 = all central; then (low, high) for each factor
  const cols = central.map((c) => new Float64Array(k).fill(c));
  swung.forEach(([, f], s) => {
    for (const { inp, j } of f.members) {
      const q = quantileFunction(inp.spec);
      cols[j]![1 + 2 * s] = q(TORNADO_LOW_QUANTILE);
      cols[j]![2 + 2 * s] = q(TORNADO_HIGH_QUANTILE);
    }
  });
  const y = evaluate(cols, k);
  const rows = swung.map(([name, f], s) => {
    const first = f.members[0]!.j;
    const outputAtLow = y[1 + 2 * s]!;
    const outputAtHigh = y[2 + 2 * s]!;
    return {
      name,
      label: f.label,
      unit: f.unit,
      inputLow: cols[first]![1 + 2 * s]!,
      inputHigh: cols[first]![2 + 2 * s]!,
      outputAtLow,
      outputAtHigh,
      swing: Math.abs(outputAtHigh - outputAtLow),
    };
  });
  rows.sort((a, b) => b.swing - a.swing || a.name.localeCompare(b.name));
  return { base: y[0]!, rows };
}
