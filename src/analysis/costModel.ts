/**
 * The cost model as a function the decision analyses can call: its named inputs (taken from the problem, whatever
 * inputs it has) and a batch evaluator of the net cost per agreement-year. Also the model's uncertain factors (one
 * per random stream, as in the tornado) with their searchable ranges, and seeded draws of all inputs that equal the
 * Monte Carlo run's first draws (same seed, same streams).
 */
import { allocateComponents, CostScratch, evaluateCostChunk, type CostComponentArrays } from "../cost/costKernel";
import type { CostProblem } from "../cost/costProblem";
import { centralValue, quantileFunction } from "../distributions/quantile";
import { createSampler } from "../distributions/sampler";
import { isDegenerate, support } from "../distributions/spec";
import { UserError } from "../errors/userError";
import { streamOf, type ModelInput } from "../inputs/modelInput";
import { PLAUSIBLE_HIGH_QUANTILE, PLAUSIBLE_LOW_QUANTILE } from "./decisionConstants";

export interface CostModel {
  inputs: ReadonlyArray<ModelInput>;
  /** The output (kroner) for k points given as input columns (one column per input, length ≥ k). */
  evaluate: (cols: Float64Array[], k: number) => Float64Array;
}

/**
 * The net extra cost to folketrygden per agreement-year of a cost problem. The output and scratch buffers are reused
 * between calls of the same size (the root finders call it thousands of times): copy a result you keep.
 */
export function costModel(problem: CostProblem): CostModel {
  let size = -1;
  let out: CostComponentArrays = allocateComponents(0);
  let scratch = new CostScratch(0);
  return {
    inputs: problem.inputs,
    evaluate: (cols, k) => {
      if (k !== size) {
        size = k;
        out = allocateComponents(k);
        scratch = new CostScratch(k);
      }
      evaluateCostChunk(problem.layout, cols, k, out, scratch);
      return out.net;
    },
  };
}

/** An uncertain factor: one input, or the inputs sharing a random stream (moved together through their quantile). */
export interface Factor {
  name: string;
  label: string;
  unit: string;
  members: Array<{ column: number; quantile: (u: number) => number }>;
  /**
   * How the factor is searched: by the input's value (one input) or by the quantile u shared by its members (several
   * inputs on one stream, e.g. the periods of one uncertain takst); the value shown is then the first member's.
   */
  byValue: boolean;
  /** Search range in the search variable: the input's support, or P0.5–P99.5 when unbounded; u for streams. */
  low: number;
  high: number;
  /** The search variable at the central values. */
  central: number;
}

function valueRange(inp: ModelInput): [number, number] {
  const [s0, s1] = support(inp.spec);
  const q = quantileFunction(inp.spec);
  const lo = Number.isFinite(s0) ? s0 : q(PLAUSIBLE_LOW_QUANTILE);
  const hi = Number.isFinite(s1) ? s1 : q(PLAUSIBLE_HIGH_QUANTILE);
  return [Math.max(lo, inp.lower), Math.min(hi, inp.upper)];
}

/** The model's uncertain factors, in input order (fixed inputs are not factors). */
export function factorsOf(inputs: ReadonlyArray<ModelInput>): Factor[] {
  const byStream = new Map<string, { label: string; unit: string; members: Array<{ inp: ModelInput; column: number }> }>();
  inputs.forEach((inp, column) => {
    if (isDegenerate(inp.spec)) return;
    const { stream, label } = streamOf(inp);
    const f = byStream.get(stream) ?? { label, unit: inp.unit, members: [] };
    f.members.push({ inp, column });
    byStream.set(stream, f);
  });
  return [...byStream.entries()].map(([name, f]) => {
    const members = f.members.map(({ inp, column }) => ({ column, quantile: quantileFunction(inp.spec) }));
    const first = f.members[0]!.inp;
    if (f.members.length === 1) {
      const [low, high] = valueRange(first);
      return { name, label: f.label, unit: f.unit, members, byValue: true, low, high, central: centralValue(first.spec) };
    }
    return { name, label: f.label, unit: f.unit, members, byValue: false, low: PLAUSIBLE_LOW_QUANTILE, high: PLAUSIBLE_HIGH_QUANTILE, central: 0.5 };
  });
}

/** The input value a factor's search variable stands for (its first member's value). */
export function factorValue(f: Factor, t: number): number {
  return f.byValue ? t : f.members[0]!.quantile(t);
}

/** Sets the factor's columns to search variable t in rows from..to−1. */
export function setFactor(cols: Float64Array[], f: Factor, t: number, from: number, to: number): void {
  for (const m of f.members) cols[m.column]!.fill(f.byValue ? t : m.quantile(t), from, to);
}

/**
 * The factors named, in the order given (all uncertain factors when `names` is empty). A name may be an input's or a
 * stream's. A fixed input or an unknown name is a UserError naming `where` and listing the allowed names.
 */
export function pickFactors(inputs: ReadonlyArray<ModelInput>, names: ReadonlyArray<string>, where: string): Factor[] {
  const all = factorsOf(inputs);
  if (names.length === 0) return all;
  return names.map((n) => {
    const f = all.find((x) => x.name === n) ?? all.find((x) => x.members.some((m) => inputs[m.column]!.name === n));
    if (f) return f;
    const inp = inputs.find((x) => x.name === n);
    if (inp)
      throw new UserError(
        "flag",
        where,
        `input "${n}" is fixed at ${centralValue(inp.spec)} in this scenario, so no value of it can be solved for; give it a distribution (e.g. a trippelestimat) or choose one of: ${all.map((x) => x.name).join(", ")}`,
      );
    throw new UserError("flag", where, `unknown input "${n}"; choose one of: ${all.map((x) => x.name).join(", ")}`);
  });
}

/** n seeded draws of every input: the same values as the first n draws of runMonteCarlo with this seed. */
export function sampleInputs(inputs: ReadonlyArray<ModelInput>, n: number, seed: number): Float64Array[] {
  return inputs.map((inp) => {
    const col = new Float64Array(n);
    createSampler(inp.spec, seed, streamOf(inp).stream, inp.lower, inp.upper).fill(col, n);
    return col;
  });
}

/** One column per input holding its central value, k rows. */
export function centralCols(inputs: ReadonlyArray<ModelInput>, k: number): Float64Array[] {
  return inputs.map((inp) => new Float64Array(k).fill(centralValue(inp.spec)));
}
