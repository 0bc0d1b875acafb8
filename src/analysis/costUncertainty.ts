/**
 * The parts of the cost report about uncertainty itself (issue 19): the precision of every figure (MCSE), the
 * correlations the run imposed, and which variance decomposition is shown — Sobol indices when the inputs are
 * independent, Shapley effects when they are correlated (Sobol indices assume independent inputs and lose their
 * meaning under dependence; Shapley effects stay well defined and sum to the variance).
 */
import { correlatableSpecs, correlationTarget, type CorrelationTarget, type CorrelationsSection } from "../inputs/correlations";
import { spearmanToPearson } from "../distributions/correlationMatrix";
import type { CostProblem } from "../cost/costProblem";
import { monteCarloPrecision, type MonteCarloPrecision } from "./precision";
import { shapleyEffects, type ShapleyResult } from "./shapley";
import type { SobolFactor } from "./sobol";
import { fastQuantile } from "../distributions/sampler";

export interface CostUncertaintyReport {
  /** Monte Carlo standard error and 95 % half-width of the mean and each percentile of the net cost. */
  precision: MonteCarloPrecision;
  /** Rank correlations imposed on the inputs (absent when all are independent). */
  correlations?: CorrelationTarget;
  /** Shapley effects of the net cost's variance (with correlations, or when asked for). */
  shapley?: ShapleyResult;
  /** Which decomposition the report shows, and why (absent when none was asked for). */
  sensitivityMethod?: { method: "sobol" | "shapley"; reason: string };
}

const REASON_SOBOL = "Inputs are independent: Sobol indices (first-order and total) decompose the variance.";
const REASON_SHAPLEY =
  "Inputs are correlated: Sobol indices assume independent inputs, so Shapley effects are shown (each input's share of the variance, summing to 100 %, well defined under correlation).";
const REASON_SHAPLEY_ASKED = "Shapley effects were asked for (--shapley); with independent inputs they lie between the first-order and total Sobol indices.";

/** The Gaussian copula between the factors: the normal-score correlation of the target's pairs, identity elsewhere. */
export function factorCopula(factors: ReadonlyArray<SobolFactor>, target: CorrelationTarget | undefined): number[][] {
  return factors.map((fi, i) =>
    factors.map((fj, j) => {
      if (i === j) return 1;
      const a = target?.names.indexOf(fi.name) ?? -1;
      const b = target?.names.indexOf(fj.name) ?? -1;
      return a >= 0 && b >= 0 ? spearmanToPearson(target!.spearman[a]![b]!) : 0;
    }),
  );
}

export function costUncertainty(args: {
  scenario: { name: string; inputs: object; flows?: object | undefined; correlations?: CorrelationsSection | undefined };
  problem: CostProblem;
  sortedNet: Float64Array;
  sd: number;
  seed: number;
  central: ReadonlyArray<number>;
  factors: ReadonlyArray<SobolFactor>;
  evaluate: (cols: Float64Array[], n: number) => Float64Array;
  /** A variance decomposition was asked for (--sobol): Shapley replaces Sobol when inputs are correlated. */
  sensitivity: boolean;
  /** Shapley effects asked for explicitly, with this many permutations (true: the default). */
  shapley?: boolean | number;
  warnings: string[];
}): CostUncertaintyReport {
  const { scenario } = args;
  const target = correlationTarget(scenario.correlations, correlatableSpecs(scenario), scenario.name);
  if (target?.repaired) args.warnings.push(target.repaired);
  const correlated = target !== undefined;
  // The tabulated inverse CDFs of the sampler (src/distributions/sampler.ts): Shapley evaluates them ~10⁷ times.
  const factors = args.factors.map((f) => ({
    ...f,
    members: f.members.map((m) => ({ column: m.column, quantile: fastQuantile(args.problem.inputs[m.column]!.spec) })),
  }));
  const wantShapley = args.shapley !== undefined && args.shapley !== false ? true : args.sensitivity && correlated;
  const shapley = wantShapley
    ? shapleyEffects(factors, args.central, factorCopula(factors, target), args.evaluate, {
        seed: args.seed,
        ...(typeof args.shapley === "number" ? { permutations: args.shapley } : {}),
      })
    : undefined;
  const reason = correlated ? REASON_SHAPLEY : wantShapley ? REASON_SHAPLEY_ASKED : REASON_SOBOL;
  return {
    precision: monteCarloPrecision(args.sortedNet, args.sd),
    ...(target ? { correlations: target } : {}),
    ...(shapley ? { shapley } : {}),
    ...(args.sensitivity || wantShapley ? { sensitivityMethod: { method: wantShapley ? ("shapley" as const) : ("sobol" as const), reason } } : {}),
  };
}
