/**
 * The decision analyses of one scenario together, as the report, the notebook and `introsim breakeven` get them:
 * break-even per input, the iso-cost plane of two inputs, the value of information and the appraisal view.
 *
 *   scenario -> buildCostProblem -> costModel -> breakEven / isoCost / valueOfInformation / appraise
 */
import { buildCostProblem } from "../cost/costProblem";
import type { ParamSet } from "../params/loadParams";
import type { Scenario } from "../scenario/schema";
import { DEFAULT_SEED } from "../constants";
import { fixedScalarAt } from "../params/lookup";
import { appraise, type AppraisalInputs, type AppraisalResult } from "./appraisal";
import { breakEven, type BreakEvenResult } from "./breakEven";
import { costModel, factorsOf } from "./costModel";
import { isoCost, type IsoCostResult } from "./isoCost";
import { flowLedgers } from "./runFlows";
import { valueOfInformation, type LossWeights, type VoiResult } from "./valueOfInformation";

/** The parameter files the value of information and the appraisal read. */
const APPRAISAL_PARAMS = [
  "appraisal/discount_rate",
  "appraisal/tax_financing_cost",
  "appraisal/horizon_years",
  "appraisal/consumer_price_index",
  "appraisal/budget_overrun_loss_per_krone",
];

/** The iso-cost pair shown by default: substitution against the intro doctor's activity (the two largest drivers). */
export const DEFAULT_ISO_COST_INPUTS = ["substitutionShare", "consultationsPerWeekFullTime"] as const;

export interface DecisionOptions {
  /** Default: HOD's estimate per agreement-year from data (budget/hod_estimate_per_agreement). */
  target?: number;
  inputs?: string[];
  isoCost?: [string, string];
  seed?: number;
  draws?: number;
  discountRate?: number;
  horizonYears?: number;
  priceYear?: number;
  weights?: Partial<LossWeights>;
  /** The run's cohort projection, for the appraisal's cost per specialist and per new fastlege. */
  cohort?: AppraisalInputs["cohort"];
  /** Which parts to compute (all by default). */
  parts?: { breakEven?: boolean; isoCost?: boolean; voi?: boolean; appraisal?: boolean };
  /** Where bad options are reported (CLI flags). */
  where?: { target?: string; inputs?: string; isoCost?: string };
}

export interface DecisionReport {
  scenario: { name: string; title: string };
  target: number;
  breakEven?: BreakEvenResult;
  isoCost?: IsoCostResult;
  voi?: VoiResult;
  appraisal?: AppraisalResult;
}

/** The kommune's effect in the flows ledger at central values without Nasjonal ALIS (received − paid, kroner). */
function kommuneEffectExAlis(scenario: Scenario, params: ParamSet): number {
  const l = flowLedgers(scenario, params);
  // staten's only flow is the ALIS support to the kommune, so kommune + staten = the kommune without ALIS
  return (l.diffOre.kommune + l.diffOre.staten) / 100;
}

export function runDecision(scenario: Scenario, params: ParamSet, opts: DecisionOptions = {}): DecisionReport {
  const problem = buildCostProblem(scenario, params);
  const model = costModel(problem);
  const seed = opts.seed ?? scenario.seed ?? DEFAULT_SEED;
  const target = opts.target ?? fixedScalarAt(params, "budget/hod_estimate_per_agreement", problem.span.from);
  const factorNames = factorsOf(model.inputs).map((f) => f.name);
  // By default: everything the scenario and the parameter folder allow (an iso-cost plane needs two uncertain inputs;
  // the value of information and the appraisal need data/params/appraisal/). Parts asked for explicitly always run.
  const hasAppraisalData = APPRAISAL_PARAMS.every((id) => params.scalars.has(id));
  const parts = { breakEven: true, isoCost: factorNames.length >= 2, voi: hasAppraisalData, appraisal: hasAppraisalData, ...opts.parts };
  const pair: [string, string] =
    opts.isoCost ??
    (DEFAULT_ISO_COST_INPUTS.every((n) => factorNames.includes(n)) ? [...DEFAULT_ISO_COST_INPUTS] : [factorNames[0] ?? "", factorNames[1] ?? ""]);
  return {
    scenario: { name: scenario.name, title: scenario.title ?? scenario.name },
    target,
    ...(parts.breakEven
      ? { breakEven: breakEven(model, { target, inputs: opts.inputs, seed, where: { target: opts.where?.target, inputs: opts.where?.inputs } }) }
      : {}),
    ...(parts.isoCost
      ? { isoCost: isoCost(model, { target, x: pair[0], y: pair[1], seed, where: { target: opts.where?.target, inputs: opts.where?.isoCost } }) }
      : {}),
    ...(parts.voi
      ? {
          voi: valueOfInformation(problem, params, {
            seed,
            draws: opts.draws,
            weights: opts.weights,
            discountRate: opts.discountRate,
            horizonYears: opts.horizonYears,
          }),
        }
      : {}),
    ...(parts.appraisal
      ? {
          appraisal: appraise(
            {
              problem,
              params,
              kommuneEffectExAlisNok: scenario.flows ? kommuneEffectExAlis(scenario, params) : 0,
              hasFlows: !!scenario.flows,
              cohort: opts.cohort,
              title: scenario.title,
            },
            { seed, draws: opts.draws, discountRate: opts.discountRate, horizonYears: opts.horizonYears, priceYear: opts.priceYear },
          ),
        }
      : {}),
  };
}
