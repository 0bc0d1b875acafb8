/**
 * Break-even: for each uncertain input, the value at which the cost per agreement-year equals a target (HOD's
 * 500 000 kr by default), with every other input at its central value (deterministic) or drawn from its distribution
 * (P50: the median over draws equals the target). "What would have to be true for 500 000 kr to be right."
 *
 *   factor range [low, high] -> g(t) = cost(t) − target on a grid (one batch) -> sign changes -> the bracket nearest
 *   the central value -> Brent's method -> the value; no sign change: "not within the input's range" (null)
 *
 * For the P50 the other inputs' draws are fixed once (common random numbers), so the median is a continuous
 * function of the value tried and the root finder converges as on a deterministic curve.
 */
import { UserError } from "../errors/userError";
import { percentileSorted, sortedCopy } from "../stats/summarise";
import { brentRoot, signChanges } from "./brent";
import { centralCols, factorValue, pickFactors, sampleInputs, setFactor, type CostModel, type Factor } from "./costModel";
import { BREAK_EVEN_GRID_POINTS, BREAK_EVEN_P50_DRAWS, BREAK_EVEN_P50_GRID_POINTS, BREAK_EVEN_RELATIVE_TOLERANCE } from "./decisionConstants";

export interface BreakEvenOptions {
  /** Kroner per agreement-year; must be a positive number. */
  target: number;
  /** Input (or stream) names; all uncertain inputs when absent or empty. */
  inputs?: ReadonlyArray<string>;
  /** Draws of the other inputs for the P50 break-even (0: skip the P50). */
  draws?: number;
  seed: number;
  /** Where a bad option is reported (a flag or a field). */
  where?: { target?: string; inputs?: string };
}

export interface BreakEvenSide {
  /** The input's value at which the output equals the target; null when the output does not reach it in the range. */
  value: number | null;
  /** The output at the low and high end of the input's range (the others central, or their median). */
  outputAtLow: number;
  outputAtHigh: number;
}

export interface BreakEvenRow {
  name: string;
  label: string;
  unit: string;
  /** The input's central value and the range searched (support, or P0.5–P99.5 when unbounded). */
  central: number;
  rangeLow: number;
  rangeHigh: number;
  deterministic: BreakEvenSide;
  /** Absent when draws = 0. */
  p50?: BreakEvenSide;
}

export interface BreakEvenResult {
  target: number;
  /** The output with every input central, and its median over the draws. */
  base: number;
  baseP50?: number;
  draws: number;
  seed: number;
  rows: BreakEvenRow[];
}

/** A target must be a positive, finite number of kroner. */
export function checkTarget(target: number, where = "target"): void {
  if (!Number.isFinite(target) || target <= 0)
    throw new UserError("flag", where, `${String(target)} is not allowed; the target must be a positive number of kroner per agreement-year, e.g. 500000`);
}

/**
 * The root of g on [low, high] nearest `central`, or null when g has no sign change on the grid. `gBatch` evaluates
 * the grid in one call; `g` one point (for Brent).
 */
export function solveNearest(
  g: (t: number) => number,
  gGrid: (ts: Float64Array) => Float64Array,
  low: number,
  high: number,
  central: number,
  gridPoints: number = BREAK_EVEN_GRID_POINTS,
): number | null {
  if (!(high > low)) return g(low) === 0 ? low : null;
  const ts = new Float64Array(gridPoints);
  for (let i = 0; i < ts.length; i++) ts[i] = low + ((high - low) * i) / (ts.length - 1);
  ts[ts.length - 1] = high;
  const brackets = signChanges(ts, gGrid(ts));
  if (brackets.length === 0) return null;
  let best = brackets[0]!;
  const dist = ([a, b]: [number, number]) => Math.min(Math.abs(a - central), Math.abs(b - central));
  for (const br of brackets) if (dist(br) < dist(best)) best = br;
  if (best[0] === best[1]) return best[0];
  return brentRoot(g, best[0], best[1], BREAK_EVEN_RELATIVE_TOLERANCE * (high - low)).root;
}

function deterministicSide(model: CostModel, f: Factor, target: number): BreakEvenSide {
  const gGrid = (ts: Float64Array) => {
    const cols = centralCols(model.inputs, ts.length);
    ts.forEach((t, i) => setFactor(cols, f, t, i, i + 1));
    return model.evaluate(cols, ts.length).map((y) => y - target); // map copies the reused buffer
  };
  const g = (t: number) => gGrid(Float64Array.of(t))[0]!;
  const ends = gGrid(Float64Array.of(f.low, f.high));
  const t = solveNearest(g, gGrid, f.low, f.high, f.central);
  return { value: t === null ? null : factorValue(f, t), outputAtLow: ends[0]! + target, outputAtHigh: ends[1]! + target };
}

/** The median output with the factor at t and the other inputs at their draws (cols are restored afterwards). */
function medianAt(model: CostModel, draws: Float64Array[], n: number, f: Factor, t: number): number {
  const saved = f.members.map((m) => Float64Array.from(draws[m.column]!));
  setFactor(draws, f, t, 0, n);
  const y = model.evaluate(draws, n);
  f.members.forEach((m, k) => draws[m.column]!.set(saved[k]!));
  return percentileSorted(sortedCopy(y.subarray(0, n)), 0.5);
}

function p50Side(model: CostModel, draws: Float64Array[], n: number, f: Factor, target: number): BreakEvenSide {
  const g = (t: number) => medianAt(model, draws, n, f, t) - target;
  const gGrid = (ts: Float64Array) => ts.map(g);
  const t = solveNearest(g, gGrid, f.low, f.high, f.central, BREAK_EVEN_P50_GRID_POINTS);
  return { value: t === null ? null : factorValue(f, t), outputAtLow: g(f.low) + target, outputAtHigh: g(f.high) + target };
}

/** Break-even value of each uncertain input (or the inputs named) against the target. */
export function breakEven(model: CostModel, opts: BreakEvenOptions): BreakEvenResult {
  checkTarget(opts.target, opts.where?.target);
  const factors = pickFactors(model.inputs, opts.inputs ?? [], opts.where?.inputs ?? "inputs");
  const n = opts.draws ?? BREAK_EVEN_P50_DRAWS;
  const draws = n > 0 ? sampleInputs(model.inputs, n, opts.seed) : [];
  const base = model.evaluate(centralCols(model.inputs, 1), 1)[0]!;
  const rows = factors.map((f) => ({
    name: f.name,
    label: f.label,
    unit: f.unit,
    central: factorValue(f, f.central),
    rangeLow: factorValue(f, f.low),
    rangeHigh: factorValue(f, f.high),
    deterministic: deterministicSide(model, f, opts.target),
    ...(n > 0 ? { p50: p50Side(model, draws, n, f, opts.target) } : {}),
  }));
  return {
    target: opts.target,
    base,
    ...(n > 0 ? { baseP50: percentileSorted(sortedCopy(model.evaluate(draws, n).subarray(0, n)), 0.5) } : {}),
    draws: n,
    seed: opts.seed,
    rows,
  };
}
