/**
 * The cost analysis of one scenario, as every face (CLI, notebook, report) gets it: deterministic result, Monte Carlo
 * summary, decomposition, national totals for the funded agreements, other public cost, tornado, rank correlation,
 * top-down cross-check, the assumptions table and the manifest.
 *
 *   scenario -> buildCostProblem -> deterministic -> Monte Carlo -> summarise / tornado / rank correlation / top-down
 */
import { DEFAULT_DRAWS, DEFAULT_SEED, MIN_RECOMMENDED_DRAWS, TORNADO_HIGH_QUANTILE, TORNADO_LOW_QUANTILE } from "../constants";
import { UserError } from "../errors/userError";
import { rankCorrelations, type RankCorrelationRow } from "./rankCorrelation";
import { shareAboveSorted, sortedCopy, summarise, type DistributionSummary } from "../stats/summarise";
import { tornado, type TornadoRow } from "./tornado";
import { sobolIndices, type SobolFactor, type SobolIndex } from "./sobol";
import { streamOf } from "../inputs/modelInput";
import { centralValue, quantileFunction } from "../distributions/quantile";
import { describeSpec, isDegenerate } from "../distributions/spec";
import type { ParamSet } from "../params/loadParams";
import { buildManifest, type Manifest } from "../manifest/manifest";
import type { Override } from "../scenario/overrides";
import { overridesOf } from "../scenario/loadScenario";
import type { Scenario } from "../scenario/schema";
import { allocateComponents, evaluateCostChunk } from "../cost/costKernel";
import { buildCostProblem, type CostProblem } from "../cost/costProblem";
import { runDeterministic, type CostComponents } from "../cost/deterministic";
import { runMonteCarlo, type MonteCarloResult } from "../cost/monteCarlo";
import { topDownCheck, type TopDownCheck } from "../cost/topDown";
import { costUncertainty, type CostUncertaintyReport } from "./costUncertainty";
import { reconcileRefusjon, type Reconciliation } from "../cost/reconciliation";
import { defaultExemptShares, type ExemptShares } from "../cost/exemptShares";

export interface CostRunOptions {
  /** The Monte Carlo of these draws and seed, already run (runFlowsForms' onCostDraws): not drawn again. */
  monteCarlo?: MonteCarloResult;
  /** Samples N for Sobol indices (N × (factors + 2) model evaluations); none when absent. */
  sobolSamples?: number;
  draws?: number;
  seed?: number;
  file?: string;
  overrides?: Override[];
  onProgress?: (done: number, total: number) => void;
  /** Shapley effects of the variance (true: default permutations; a number: that many); with correlations --sobol gives them too. */
  shapley?: boolean | number;
}

export interface AssumptionRow {
  name: string;
  label: string;
  unit: string;
  distribution: string;
  central: number;
  p10: number;
  p90: number;
  origin: "scenario" | "data";
  source: string;
}

/** Net cost per agreement-year: mean, sd, P10, P50, P85, P90 are the Monte Carlo summary of the net cost. */
export interface CostReport extends Pick<DistributionSummary, "mean" | "sd" | "p10" | "p50" | "p85" | "p90">, CostUncertaintyReport {
  scenario: { name: string; title: string; agreementYear: { from: string; toExclusive: string }; agreementYearIndex: number };
  draws: number;
  seed: number;
  /** Share of draws with net cost above HOD's 500 000 kr (referenceCostNok). */
  shareAbove500k: number;
  referenceCostNok: number;
  /** All inputs at their central values. */
  deterministic: CostComponents;
  /** Mean of each component over the draws: grossRefusjon + egenandelPaid − substitutionSaving = net. */
  decomposition: { consultations: number; grossRefusjon: number; egenandelPaid: number; substitutionSaving: number; net: number };
  /** The funded agreements together (per-agreement result × agreements; inputs fully shared across agreements). */
  national: { agreements: number; budgetLineNok: number; deterministic: number } & Pick<DistributionSummary, "mean" | "p10" | "p50" | "p85" | "p90"> & {
      shareAboveBudgetLine: number;
    };
  /**
   * Not folketrygden: reported beside it, only what changes with the agreement. Nasjonal ALIS is extra only when the
   * doctor would not have had an ALIS agreement anyway (flows.alisCounterfactual); basistilskudd does not change
   * (the fastleger keep it in full), shown as a memo with its level.
   */
  otherPublicCost: {
    nasjonalAlisExpectedNok: number;
    /** The scenario says the doctor would have had ALIS and its grant anyway: the grant is no extra cost. */
    alisInCounterfactual: boolean;
    basistilskuddChangeNok: number;
    basistilskuddKeptByFastlegerNok: number;
  };
  tornado: { base: number; rows: TornadoRow[] };
  /** Sobol first-order and total-effect indices of the net cost, ranked (only with sobolSamples). */
  sobol?: { samples: number; variance: number; indices: SobolIndex[] };
  rankCorrelation: RankCorrelationRow[];
  topDown: TopDownCheck;
  /** National refusjon per consultation → mix effect → specialist add-on → LIS adjustment → this scenario. */
  reconciliation: Reconciliation;
  /**
   * Folketrygden's share of the egenandel: the population model's average and marginal shares (with the tak of its
   * year) beside the scenario's two inputs (central values), and which one the cost uses.
   */
  exemptShares: {
    basis: "marginal" | "average";
    model: ExemptShares & { year: number; takNok: number };
    scenarioAverage: number;
    scenarioMarginal: number;
  };
  assumptions: AssumptionRow[];
  warnings: string[];
  manifest: Manifest;
}

export interface CostRun {
  report: CostReport;
  /** Net cost per draw (draw order) and sorted, for charts. */
  net: Float64Array;
  sortedNet: Float64Array;
  problem: CostProblem;
}

/** The warning for a run with too few draws to trust P85/P90 (none when no input is uncertain). */
export function fewDrawsWarning(problem: CostProblem, draws: number): string | undefined {
  const anyUncertain = problem.inputs.some((inp) => !isDegenerate(inp.spec));
  return anyUncertain && draws < MIN_RECOMMENDED_DRAWS
    ? `only ${draws} draws: P85 and P90 are unstable below ${MIN_RECOMMENDED_DRAWS}; use --draws ${MIN_RECOMMENDED_DRAWS} or more for results you publish`
    : undefined;
}

/** The uncertain factors of the cost model for Sobol indices: one per random stream, as in the tornado. */
export function sobolFactors(problem: CostProblem): SobolFactor[] {
  const factors = new Map<string, SobolFactor>();
  problem.inputs.forEach((inp, column) => {
    if (isDegenerate(inp.spec)) return;
    const { stream, label } = streamOf(inp);
    const f = factors.get(stream) ?? { name: stream, label, members: [] };
    f.members.push({ column, quantile: quantileFunction(inp.spec) });
    factors.set(stream, f);
  });
  return [...factors.values()];
}

/** Evaluates the net cost at k points given as input columns (used by the tornado). */
function netAt(problem: CostProblem): (cols: Float64Array[], k: number) => Float64Array {
  return (cols, k) => {
    const out = allocateComponents(k);
    evaluateCostChunk(problem.layout, cols, k, out);
    return out.net;
  };
}

export function assumptionsTable(problem: CostProblem): AssumptionRow[] {
  return problem.inputs.map((inp) => {
    const q = quantileFunction(inp.spec);
    // The same P10/P90 as the tornado swings, so the two tables agree.
    return {
      name: inp.name,
      label: inp.label,
      unit: inp.unit,
      distribution: describeSpec(inp.spec),
      central: centralValue(inp.spec),
      p10: q(TORNADO_LOW_QUANTILE),
      p90: q(TORNADO_HIGH_QUANTILE),
      origin: inp.origin,
      source: inp.source ?? "",
    };
  });
}

export function runCost(scenario: Scenario, params: ParamSet, opts: CostRunOptions = {}): CostRun {
  const draws = opts.draws ?? scenario.draws ?? DEFAULT_DRAWS;
  const seed = opts.seed ?? scenario.seed ?? DEFAULT_SEED;
  const warnings: string[] = [];
  const problem = buildCostProblem(scenario, params);
  const few = fewDrawsWarning(problem, draws);
  if (few) warnings.push(few);

  const det = runDeterministic(problem);
  const given = opts.monteCarlo;
  if (given && (given.draws !== draws || given.seed !== seed))
    throw new Error(`runCost: the Monte Carlo given has ${given.draws} draws, seed ${given.seed}; the run needs ${draws}, seed ${seed}`);
  const mc = given ?? runMonteCarlo(problem, { draws, seed, onProgress: opts.onProgress });
  const sortedNet = sortedCopy(mc.net);
  if (!Number.isFinite(sortedNet[0]!) || !Number.isFinite(sortedNet[sortedNet.length - 1]!) || !Number.isFinite(det.net)) {
    throw new UserError(
      "scenario",
      opts.file ?? scenario.name,
      "the cost is not a finite number for some draws; check inputs with extreme values (the largest counts and amounts)",
    );
  }
  const s = summarise(mc.net, sortedNet);
  const a = problem.agreements;
  const central = problem.inputs.map((inp) => centralValue(inp.spec));
  const alisInCounterfactual = (scenario.flows as { alisCounterfactual?: boolean } | undefined)?.alisCounterfactual === true;

  const report: CostReport = {
    scenario: { name: scenario.name, title: scenario.title ?? scenario.name, agreementYear: problem.span, agreementYearIndex: scenario.agreementYearIndex },
    draws,
    seed,
    mean: s.mean,
    sd: s.sd,
    p10: s.p10,
    p50: s.p50,
    p85: s.p85,
    p90: s.p90,
    shareAbove500k: shareAboveSorted(sortedNet, problem.referenceCostNok),
    referenceCostNok: problem.referenceCostNok,
    deterministic: det,
    decomposition: {
      consultations: mc.means.consultations,
      grossRefusjon: mc.means.grossRefusjon,
      egenandelPaid: mc.means.egenandelPaid,
      substitutionSaving: mc.means.substitutionSaving,
      net: mc.means.net,
    },
    national: {
      agreements: a,
      budgetLineNok: problem.budgetLineNok,
      deterministic: det.net * a,
      mean: s.mean * a,
      p10: s.p10 * a,
      p50: s.p50 * a,
      p85: s.p85 * a,
      p90: s.p90 * a,
      shareAboveBudgetLine: a > 0 ? shareAboveSorted(sortedNet, problem.budgetLineNok / a) : 0,
    },
    otherPublicCost: {
      nasjonalAlisExpectedNok: alisInCounterfactual ? 0 : mc.means.alisSupport,
      alisInCounterfactual,
      basistilskuddChangeNok: 0,
      basistilskuddKeptByFastlegerNok: mc.means.basistilskudd,
    },
    tornado: tornado(problem.inputs, central, netAt(problem)),
    ...(opts.sobolSamples
      ? { sobol: { samples: opts.sobolSamples, ...sobolIndices(sobolFactors(problem), central, netAt(problem), { samples: opts.sobolSamples, seed }) } }
      : {}),
    rankCorrelation: rankCorrelations(mc.sample.inputs, mc.sample.net),
    ...costUncertainty({
      scenario,
      problem,
      sortedNet,
      sd: s.sd,
      seed,
      central,
      factors: sobolFactors(problem),
      evaluate: netAt(problem),
      sensitivity: opts.sobolSamples !== undefined,
      shapley: opts.shapley,
      warnings,
    }),
    topDown: topDownCheck(problem, det, params),
    reconciliation: reconcileRefusjon(scenario, params),
    exemptShares: {
      basis: scenario.exemptShareBasis,
      model: defaultExemptShares(params),
      scenarioAverage: central[problem.layout.idx.exemptEgenandelShare!]!,
      scenarioMarginal: central[problem.layout.idx.marginalExemptEgenandelShare!]!,
    },
    assumptions: assumptionsTable(problem),
    warnings,
    manifest: buildManifest(scenario, params, { seed, draws, file: opts.file, overrides: opts.overrides ?? overridesOf(scenario) }),
  };
  return { report, net: mc.net, sortedNet, problem };
}
