/**
 * Value of information for the cost of introduksjonsavtaler: which uncertain input is worth measuring first.
 *
 * The decision (explicit; documented in the report): the directorate/HOD sets next year's budget line for the
 * scheme, choosing one of
 *   the current line (kap. 2755 post 70, 32.7 mill. kr), the P50 and the P85 of the projected cost
 * for all funded agreements. The loss of a choice B when the cost turns out to be C (kroner per year):
 *   loss = w_over × max(C − B, 0)  +  w_unused × max(B − C, 0)
 *   w_over   per krone of overrun (under-budgeting): data/params/appraisal/budget_overrun_loss_per_krone (assumption)
 *   w_unused per krone bound but unused (over-budgeting): the skattefinansieringskostnad (tax raised for nothing)
 * Net benefit = −loss. EVPI and EVPPI (src/analysis/evppi.ts) per input and per group of inputs, from the Monte
 * Carlo draws (the first `draws` of the run: same seed, same streams). Over the scheme's horizon the value is that of
 * one such decision each budget year, discounted: × annuityFactor(rate, horizon) — an upper bound that assumes the
 * uncertainty is not resolved otherwise during the horizon.
 */
import type { CostProblem } from "../cost/costProblem";
import { UserError } from "../errors/userError";
import type { ParamSet } from "../params/loadParams";
import { fixedScalarAt } from "../params/lookup";
import { percentileSorted, sortedCopy } from "../stats/summarise";
import { annuityFactor, appraisalRates } from "./appraisal";
import { costModel, factorsOf, sampleInputs } from "./costModel";
import { VOI_DRAWS } from "./decisionConstants";
import { evpi, evppi } from "./evppi";

/** Groups of inputs measured together; members absent from (or fixed in) the scenario are left out. */
export const DEFAULT_VOI_GROUPS: ReadonlyArray<{ name: string; label: string; members: string[] }> = [
  { name: "substitution", label: "Substitusjon og tilbakefylling (det regnskapstallene måler)", members: ["substitutionShare", "fastlegeBackfillShare"] },
  {
    name: "activity",
    label: "Introduksjonslegens aktivitet (stilling, uker, konsultasjoner)",
    members: ["stillingsprosent", "clinicalWeeksPerYear", "consultationsPerWeekFullTime"],
  },
];

export interface LossWeights {
  /** Loss per krone of overrun (cost above the line). */
  overrun: number;
  /** Loss per krone of the line left unused. */
  unused: number;
}

export function checkLossWeights(w: LossWeights, where = "loss weights"): void {
  for (const [k, v] of Object.entries(w))
    if (!Number.isFinite(v) || v < 0)
      throw new UserError("flag", where, `the ${k} weight ${String(v)} is not allowed; loss weights are kroner of loss per krone, 0 or more (e.g. 1 and 0.2)`);
  if (w.overrun === 0 && w.unused === 0)
    throw new UserError("flag", where, "both loss weights are 0: no choice of budget line can matter; give at least one a positive weight");
}

/** Net benefit (−loss) of each budget line per draw of the annual cost. */
export function budgetNetBenefit(cost: Float64Array, lines: ReadonlyArray<number>, w: LossWeights): Float64Array[] {
  return lines.map((b) => cost.map((c) => -(c > b ? w.overrun * (c - b) : w.unused * (b - c))));
}

export interface VoiRow {
  name: string;
  label: string;
  kind: "input" | "group";
  members: string[];
  /** Kroner per year (one budget decision) and over the horizon (discounted). */
  perYear: number;
  horizon: number;
  /** EVPPI / EVPI. */
  shareOfEvpi: number;
  rSquared: number;
}

export interface VoiResult {
  decision: {
    options: Array<{ key: string; label: string; budgetNok: number; expectedLossNok: number }>;
    weights: LossWeights;
    /** The option with the least expected loss under current information. */
    best: string;
  };
  evpi: { perYear: number; horizon: number };
  horizonYears: number;
  discountRate: number;
  draws: number;
  seed: number;
  /** Inputs and groups, highest EVPPI first. */
  rows: VoiRow[];
}

export interface VoiOptions {
  seed: number;
  draws?: number;
  weights?: Partial<LossWeights>;
  groups?: ReadonlyArray<{ name: string; label: string; members: string[] }>;
  discountRate?: number;
  horizonYears?: number;
}

export function valueOfInformation(problem: CostProblem, params: ParamSet, opts: VoiOptions): VoiResult {
  const date = problem.span.from;
  const rates = appraisalRates(params, date, { discountRate: opts.discountRate, horizonYears: opts.horizonYears });
  const weights: LossWeights = {
    overrun: opts.weights?.overrun ?? fixedScalarAt(params, "appraisal/budget_overrun_loss_per_krone", date),
    unused: opts.weights?.unused ?? rates.taxFinancingCost,
  };
  checkLossWeights(weights, "--overrun-loss/--unused-loss");
  const n = opts.draws ?? VOI_DRAWS;
  const model = costModel(problem);
  const cols = sampleInputs(problem.inputs, n, opts.seed);
  const a = problem.agreements;
  const cost = model.evaluate(cols, n).map((v) => v * a);
  const sorted = sortedCopy(cost);
  const options = [
    { key: "current", label: "Dagens budsjettpost", budgetNok: problem.budgetLineNok },
    { key: "p50", label: "P50 av framskrivingen", budgetNok: percentileSorted(sorted, 0.5) },
    { key: "p85", label: "P85 av framskrivingen", budgetNok: percentileSorted(sorted, 0.85) },
  ];
  const nb = budgetNetBenefit(
    cost,
    options.map((o) => o.budgetNok),
    weights,
  );
  const expectedLoss = nb.map((x) => -x.reduce((s, v) => s + v, 0) / n);
  const bestIdx = expectedLoss.indexOf(Math.min(...expectedLoss));
  const af = annuityFactor(rates.discountRate, rates.horizonYears);
  const e = evpi(nb);

  const factors = factorsOf(problem.inputs);
  const colOf = (name: string) => factors.find((f) => f.name === name || f.members.some((m) => problem.inputs[m.column]!.name === name));
  const row = (name: string, label: string, kind: "input" | "group", members: string[]): VoiRow => {
    const phi = members.map((m) => cols[colOf(m)!.members[0]!.column]!);
    const est = evppi(nb, phi);
    return {
      name,
      label,
      kind,
      members,
      perYear: est.evppi,
      horizon: est.evppi * af,
      shareOfEvpi: e > 0 ? est.evppi / e : 0,
      rSquared: Math.min(...est.rSquared),
    };
  };
  const rows = factors.map((f) => row(f.name, f.label, "input", [f.name]));
  for (const g of opts.groups ?? DEFAULT_VOI_GROUPS) {
    const members = [...new Set(g.members.filter((m) => colOf(m)).map((m) => colOf(m)!.name))];
    if (members.length >= 2) rows.push(row(g.name, g.label, "group", members));
  }
  rows.sort((x, y) => y.perYear - x.perYear || x.name.localeCompare(y.name));
  return {
    decision: { options: options.map((o, i) => ({ ...o, expectedLossNok: expectedLoss[i]! })), weights, best: options[bestIdx]!.key },
    evpi: { perYear: e, horizon: e * af },
    horizonYears: rates.horizonYears,
    discountRate: rates.discountRate,
    draws: n,
    seed: opts.seed,
    rows,
  };
}
