/**
 * One-at-a-time sensitivity (tornado): each uncertain input is moved to its P10 and its P90 with all others at their
 * central value, and the change in the output is recorded. Sorted by the width of the swing.
 */
import { TORNADO_HIGH_QUANTILE, TORNADO_LOW_QUANTILE } from "../constants";
import { quantileFunction } from "../distributions/quantile";
import { isDegenerate } from "../distributions/spec";
import type { ModelInput } from "../cost/modelInput";

export interface TornadoRow {
  name: string;
  label: string;
  unit: string;
  /** The input's P10 and P90. */
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
  const swung = inputs.map((inp, j) => ({ inp, j })).filter(({ inp }) => !isDegenerate(inp.spec));
  const k = 1 + 2 * swung.length; // point 0 = all central; then (low, high) for each swung input
  const cols = central.map((c) => new Float64Array(k).fill(c));
  const lows: number[] = [];
  const highs: number[] = [];
  swung.forEach(({ inp, j }, s) => {
    const q = quantileFunction(inp.spec);
    lows.push(q(TORNADO_LOW_QUANTILE));
    highs.push(q(TORNADO_HIGH_QUANTILE));
    cols[j]![1 + 2 * s] = lows[s]!;
    cols[j]![2 + 2 * s] = highs[s]!;
  });
  const y = evaluate(cols, k);
  const rows = swung.map(({ inp }, s) => {
    const outputAtLow = y[1 + 2 * s]!;
    const outputAtHigh = y[2 + 2 * s]!;
    return { name: inp.name, label: inp.label, unit: inp.unit, inputLow: lows[s]!, inputHigh: highs[s]!, outputAtLow, outputAtHigh, swing: Math.abs(outputAtHigh - outputAtLow) };
  });
  rows.sort((a, b) => b.swing - a.swing || a.name.localeCompare(b.name));
  return { base: y[0]!, rows };
}
