/**
 * Refusjon flows for one scenario and employment form: the two ledgers at the central values (in øre), each party's
 * net position with and without the agreement and the difference, a check that folketrygden's difference equals the
 * cost model's net cost, and a Monte Carlo of each party's net effect (P10/P50/P90, chance of a loss).
 *
 *   scenario -> buildCostProblem(withFlows) -> deterministic point -> ledgers (øre) -> net by party
 *                                           -> Monte Carlo (same streams as `cost`) -> per-party effect per draw
 */
import { DEFAULT_DRAWS, DEFAULT_SEED, LOSS_THRESHOLD_NOK } from "../constants";
import { shareAboveSorted, sortedCopy, summarise } from "../stats/summarise";
import { buildCostProblem, type CostProblem } from "../cost/costProblem";
import { runDeterministicDetail } from "../cost/deterministic";
import { runMonteCarlo, type MonteCarloResult } from "../cost/monteCarlo";
import { scenarioCorrelationPlan } from "../inputs/correlations";
import { isDegenerate } from "../distributions/spec";
import { streamOf } from "../inputs/modelInput";
import { fewDrawsWarning } from "./runCost";
import type { CostComponentArrays } from "../cost/costKernel";
import type { ParamSet } from "../params/loadParams";
import { buildManifest, type Manifest } from "../manifest/manifest";
import type { Override } from "../scenario/overrides";
import type { Scenario } from "../scenario/schema";
import { ledgerRows, netByPartyOre, type FlowRow } from "../flows/ledger";
import { flowTemplates, type FlowSources, type FlowTemplate } from "../flows/ledgerTemplates";
import { EMPLOYMENT_LABELS, PARTIES, type EmploymentForm, type Party } from "../flows/parties";

export interface PartyEffectSummary {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
  /** Share of draws in which the party loses money from the agreement (effect below −0.5 kr). */
  probabilityOfLoss: number;
}

export interface FlowsReport {
  scenario: { name: string; title: string; agreementYear: { from: string; toExclusive: string } };
  employment: EmploymentForm;
  employmentLabel: string;
  draws: number;
  seed: number;
  /** The ledger with the agreement, at the central values. */
  ledger: FlowRow[];
  /** The ledger without the agreement (the fastleger do the substituted work; the unmet activity does not happen). */
  counterfactual: FlowRow[];
  /** Net positions in kroner (exact øre): received − paid. difference = withAgreement − counterfactual. */
  netByParty: { withAgreement: Record<Party, number>; counterfactual: Record<Party, number>; difference: Record<Party, number> };
  /** Each party's net effect (difference) over the Monte Carlo draws. */
  monteCarlo: Record<Party, PartyEffectSummary>;
  /** Folketrygden's difference is minus the cost model's net cost (to the øre's rounding). */
  costCheck: { folketrygdenDifferenceNok: number; costModelNetNok: number };
  warnings: string[];
  manifest: Manifest;
}

export interface FlowsRunOptions {
  employment?: EmploymentForm;
  draws?: number;
  seed?: number;
  file?: string;
  overrides?: Override[];
  onProgress?: (done: number, total: number) => void;
  /**
   * Receives the cost model's Monte Carlo result taken from these draws (for runCost's `monteCarlo`: one set of draws
   * per run). Every input has its own stream, so the cost inputs' draws do not depend on the flow inputs beside them;
   * not called when the scenario's correlations involve flow inputs (the rank reordering would differ).
   */
  onCostDraws?: (mc: MonteCarloResult) => void;
}

/**
 * The cost-only run's Monte Carlo result from a run of the flows problem: the same draws by input name, hence the same
 * net and component means; the kept sample in the cost problem's order. Undefined when the correlation steps differ.
 */
function costDrawsFrom(cost: CostProblem, flows: CostProblem, mc: MonteCarloResult): MonteCarloResult | undefined {
  const byName = (p: CostProblem) => {
    const plan = scenarioCorrelationPlan(p.scenario, p.inputs);
    return plan ? JSON.stringify({ factor: Array.from(plan.plan.factor), names: plan.columns.map((j) => p.inputs[j]!.name) }) : "";
  };
  if (byName(cost) !== byName(flows)) return undefined;
  const samples = new Map(mc.sample.inputs.map((s) => [s.name, s.sample]));
  const seen = new Set<string>();
  const inputs = [];
  for (const inp of cost.inputs) {
    const { stream, label } = streamOf(inp);
    if (isDegenerate(inp.spec) || seen.has(stream)) continue;
    seen.add(stream);
    const sample = samples.get(stream);
    if (!sample) return undefined;
    inputs.push({ name: stream, label, sample });
  }
  return { ...mc, sample: { inputs, net: mc.sample.net } };
}

function sourcesFor(problem: CostProblem, out: Required<CostComponentArrays>, cols: ReadonlyArray<Float64Array>): FlowSources {
  const col = (name: string) => cols[problem.inputs.findIndex((i) => i.name === name)]!;
  return {
    out,
    practiceCostsNok: col("practiceCostsNok"),
    salaryNokFullTime: col("salaryNokFullTime"),
    stillingsprosent: col("stillingsprosent"),
    supervisionCostNok: col("supervisionCostNok"),
    trainingCostNok: col("trainingCostNok"),
  };
}

const oreToNok = (r: Record<Party, number>) => Object.fromEntries(PARTIES.map((p) => [p, r[p] / 100])) as Record<Party, number>;

/** Adds each party's effect (with − without) for draws 0..n−1 of a chunk into effect[party][start + i]. */
function accumulateEffects(templates: ReadonlyArray<FlowTemplate>, s: FlowSources, n: number, start: number, effect: Record<Party, Float64Array>): void {
  for (const t of templates) {
    const sign = t.ledger === "with" ? 1 : -1;
    const to = effect[t.to];
    const from = effect[t.from];
    for (let i = 0; i < n; i++) {
      const a = sign * t.amount(s, i);
      to[start + i]! += a;
      from[start + i]! -= a;
    }
  }
}

export interface FlowLedgers {
  problem: CostProblem;
  employment: EmploymentForm;
  templates: FlowTemplate[];
  ledger: FlowRow[];
  counterfactual: FlowRow[];
  /** Net positions in øre (integers). */
  withOre: Record<Party, number>;
  withoutOre: Record<Party, number>;
  diffOre: Record<Party, number>;
  /** The cost model's deterministic net cost for the same inputs, in kroner. */
  costModelNetNok: number;
}

/** The two ledgers at the central values and the net positions in øre (no Monte Carlo). */
export function flowLedgers(scenario: Scenario, params: ParamSet, employment?: EmploymentForm): FlowLedgers {
  const problem = buildCostProblem(scenario, params, { withFlows: true });
  const form = employment ?? scenario.flows!.employment;
  const templates = flowTemplates(form, scenario.flows!);
  const det = runDeterministicDetail(problem);
  const point = sourcesFor(problem, det.out, det.cols);
  const ledger = ledgerRows(templates, "with", point);
  const counterfactual = ledgerRows(templates, "without", point);
  const withOre = netByPartyOre(ledger);
  const withoutOre = netByPartyOre(counterfactual);
  const diffOre = Object.fromEntries(PARTIES.map((p) => [p, withOre[p] - withoutOre[p]])) as Record<Party, number>;
  return { problem, employment: form, templates, ledger, counterfactual, withOre, withoutOre, diffOre, costModelNetNok: det.out.net[0]! };
}

export function runFlows(scenario: Scenario, params: ParamSet, opts: FlowsRunOptions = {}): FlowsReport {
  return runFlowsForms(scenario, params, [opts.employment], opts)[0]!;
}

/**
 * The flows for several employment forms from ONE Monte Carlo: the draws and the kernel's outputs do not depend on the
 * employment form (only the ledger templates do), so every form's effects are accumulated from the same chunks.
 * Each report equals runFlows(scenario, params, {...opts, employment}) bit for bit (undefined: the scenario's form).
 */
export function runFlowsForms(
  scenario: Scenario,
  params: ParamSet,
  forms: ReadonlyArray<EmploymentForm | undefined>,
  opts: Omit<FlowsRunOptions, "employment"> = {},
): FlowsReport[] {
  const ledgers = forms.map((f) => flowLedgers(scenario, params, f));
  const problem = ledgers[0]!.problem;
  const draws = opts.draws ?? scenario.draws ?? DEFAULT_DRAWS;
  const seed = opts.seed ?? scenario.seed ?? DEFAULT_SEED;

  const effects = ledgers.map(() => Object.fromEntries(PARTIES.map((p) => [p, new Float64Array(draws)])) as Record<Party, Float64Array>);
  const mc = runMonteCarlo(problem, {
    draws,
    seed,
    detail: true,
    onProgress: opts.onProgress,
    onChunk: (out, cols, n, start) => {
      const sources = sourcesFor(problem, out as Required<CostComponentArrays>, cols);
      ledgers.forEach((l, k) => accumulateEffects(l.templates, sources, n, start, effects[k]!));
    },
  });
  if (opts.onCostDraws) {
    const shared = costDrawsFrom(buildCostProblem(scenario, params), problem, mc);
    if (shared) opts.onCostDraws(shared);
  }
  return ledgers.map(({ employment, ledger, counterfactual, withOre, withoutOre, diffOre, costModelNetNok }, k) => {
    const effect = effects[k]!;
    const monteCarlo = Object.fromEntries(
      PARTIES.map((p) => {
        const sorted = sortedCopy(effect[p]);
        const s = summarise(effect[p], sorted);
        return [p, { mean: s.mean, p10: s.p10, p50: s.p50, p90: s.p90, probabilityOfLoss: 1 - shareAboveSorted(sorted, LOSS_THRESHOLD_NOK) }];
      }),
    ) as Record<Party, PartyEffectSummary>;
    return {
      scenario: { name: scenario.name, title: scenario.title ?? scenario.name, agreementYear: problem.span },
      employment,
      employmentLabel: EMPLOYMENT_LABELS[employment],
      draws,
      seed,
      ledger,
      counterfactual,
      netByParty: { withAgreement: oreToNok(withOre), counterfactual: oreToNok(withoutOre), difference: oreToNok(diffOre) },
      monteCarlo,
      costCheck: { folketrygdenDifferenceNok: diffOre.folketrygden / 100, costModelNetNok },
      warnings: [fewDrawsWarning(problem, draws)].filter((w): w is string => !!w),
      manifest: buildManifest(scenario, params, { seed, draws, file: opts.file, overrides: opts.overrides, options: { employment } }),
    };
  });
}
