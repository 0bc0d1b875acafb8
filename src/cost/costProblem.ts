/**
 * Builds the cost problem for one scenario: the list of model inputs (scenario inputs + uncertain data values) and
 * the layout the kernel needs (which column is which input, the takster averaged over the agreement-year, the dated
 * rules). Everything date-dependent is resolved here, once, from data/ — the kernel only does arithmetic.
 *
 *   scenario + ParamSet -> agreement-year span -> takster and rules by date -> CostProblem { inputs, layout }
 */
import { costInputDef, COST_INPUTS } from "../inputs/costInputs";
import { domainBounds, type InputDef } from "../inputs/inputDef";
import { FLOW_INPUTS } from "../inputs/flowInputs";
import type { LinearTerm, ModelInput } from "../inputs/modelInput";
import { resolveOverSpan } from "./resolveDatedValues";
import { extendScalarEntries, resolveTakst, type TakstTerms } from "./resolveTakst";
import type { ParamSet } from "../params/loadParams";
import { entriesOverSpan, fixedScalarAt, scalarFile } from "../params/lookup";
import { NEUTRAL_COST_INPUTS, type CostScenario } from "./section";
import { minStillingsprosent } from "../inputs/inputDef";
import { addDays, addYears, calendarMonthsBetween } from "../time/isoDate";
import { fixed, type DistSpec } from "../distributions/spec";
import { UserError } from "../errors/userError";

/** The takster the model uses: the consultation, the add-ons counted per consultation, and the specialist add-on. */
export const CONSULTATION_TAKST = "2ad";
export const SPECIALIST_ADDON_TAKST = "2dd";

export type { TakstTerms };

export interface CostLayout {
  /** Column index of each scenario input, by name. */
  idx: Readonly<Record<string, number>>;
  /** Takst mix: [column index of the per-consultation count, takst code]; the consultation itself counts 1. */
  mix: ReadonlyArray<{ countIndex: number; code: string }>;
  takster: Readonly<Record<string, TakstTerms>>;
  basistilskuddPerListeinnbygger: LinearTerm;
  alisStandardMaxNok: number;
  alisAdditionalMaxNok: number;
  /** Ramp-up applies in the first agreement-year only. */
  rampApplies: boolean;
  /** Share of the agreement-year's days on which fastleger may raise their listetak (rules/listetak_freeze = 0). */
  listetakLiftedShare: number;
  /**
   * Months since the listetak rule was lifted at the start and at the end of the agreement-year's lifted days (both 0
   * when the rule is in force all year), for the backfill time profile.
   */
  monthsSinceLifting: { start: number; end: number };
  /** Column of the exempt share the cost uses: marginalExemptEgenandelShare or exemptEgenandelShare. */
  exemptIndex: number;
}

export interface CostProblem {
  scenario: CostScenario;
  span: { from: string; toExclusive: string };
  agreements: number;
  /** HOD's estimate per agreement-year (the 500 000 kr reference), from data. */
  referenceCostNok: number;
  /** The budget line for the scheme (32.7 mill. kr), from data. */
  budgetLineNok: number;
  inputs: ModelInput[];
  layout: CostLayout;
}

function scenarioInput(name: string, spec: DistSpec, minFte: number, def: InputDef = costInputDef(name)!): ModelInput {
  const [lower, upper] = domainBounds(def.domain, minFte);
  const meta = spec as { reason?: string; source?: string };
  return { name, label: def.label, unit: def.unit, spec, lower, upper, origin: "scenario", source: meta.source ?? meta.reason };
}

/**
 * @param options.withFlows also add the flow inputs of the scenario's `flows:` section (after the cost inputs; the
 *   cost kernel ignores them, and they do not change the cost inputs' draws)
 * @param options.priceDate price the agreement-year with the takster and basistilskudd valid on this one day instead
 *   of those valid on each day of the year (fixed prices in a budget projection); the rules still follow the year
 * @param options.priceSpan price with the takster averaged over these days instead (e.g. calendar 2023 for the
 *   reconciliation with the national accounts of 2023)
 */
export function buildCostProblem(
  scenario: CostScenario,
  params: ParamSet,
  options: { withFlows?: boolean; priceDate?: string; priceSpan?: { from: string; toExclusive: string } } = {},
): CostProblem {
  const span = { from: scenario.agreementYearStart, toExclusive: addYears(scenario.agreementYearStart, 1) };
  const priceSpan = options.priceSpan ?? (options.priceDate ? { from: options.priceDate, toExclusive: addDays(options.priceDate, 1) } : span);
  const minFte = minStillingsprosent(params, span.from);
  const given = scenario.inputs as Record<string, DistSpec | undefined>;
  // A scenario object built in code (not parsed) may lack the later inputs: use the neutral value (see section.ts).
  const specOf = (name: string): DistSpec =>
    given[name] ?? (name === "marginalExemptEgenandelShare" ? given.exemptEgenandelShare! : fixed(NEUTRAL_COST_INPUTS[name] ?? Number.NaN));
  const inputs: ModelInput[] = COST_INPUTS.map((d) => scenarioInput(d.name, specOf(d.name), minFte));
  if (options.withFlows) {
    if (!scenario.flows)
      throw new UserError(
        "scenario",
        scenario.name,
        "the scenario has no flows section; add flows: {employment, practiceCostsNok, salaryNokFullTime, costShares} (see data/scenarios/standard.yaml)",
      );
    for (const d of FLOW_INPUTS) inputs.push(scenarioInput(d.name, (scenario.flows as unknown as Record<string, DistSpec>)[d.name]!, minFte, d));
  }
  const idx = Object.fromEntries(inputs.map((inp, i) => [inp.name, i]));

  const codes = [CONSULTATION_TAKST, SPECIALIST_ADDON_TAKST, ...COST_INPUTS.flatMap((d) => (d.takst ? [d.takst] : []))];
  const takster: Record<string, TakstTerms> = {};
  for (const code of codes) takster[code] = resolveTakst(params, code, priceSpan, inputs);
  const mix = COST_INPUTS.flatMap((d) => (d.takst ? [{ countIndex: idx[d.name]!, code: d.takst }] : []));

  const basis = scalarFile(params, "basistilskudd");
  const basistilskuddPerListeinnbygger = resolveOverSpan(
    extendScalarEntries(params, basis.values, priceSpan.toExclusive),
    (e) => e.value,
    priceSpan,
    basis.file,
    "basistilskudd",
    "Basistilskudd per listeinnbygger",
    "kr per år",
    inputs,
  );

  const freeze = scalarFile(params, "rules/listetak_freeze");
  let listetakLiftedShare = 0;
  let firstLiftedDay: string | undefined;
  for (const { entry, weight } of entriesOverSpan(freeze.values, span.from, span.toExclusive, freeze.file)) {
    if (entry.value !== 0 && entry.value !== 1)
      throw new UserError("params", `${freeze.file}: ${entry.from}`, "the listetak rule is a flag: 1 (in force) or 0 (lifted)");
    if (entry.value === 0) {
      listetakLiftedShare += weight;
      firstLiftedDay ??= entry.from > span.from ? entry.from : span.from;
    }
  }
  const liftedOn = freeze.values.find((e) => e.value === 0)?.from;
  const monthsSinceLifting =
    liftedOn && firstLiftedDay
      ? { start: calendarMonthsBetween(liftedOn, firstLiftedDay), end: calendarMonthsBetween(liftedOn, span.toExclusive) }
      : { start: 0, end: 0 };

  return {
    scenario,
    span,
    agreements: scenario.agreements ?? fixedScalarAt(params, "budget/max_agreements", span.from),
    referenceCostNok: fixedScalarAt(params, "budget/hod_estimate_per_agreement", span.from),
    budgetLineNok: fixedScalarAt(params, "budget/kap2755_post70_introduksjonsavtaler", span.from),
    inputs,
    layout: {
      idx,
      mix,
      takster,
      basistilskuddPerListeinnbygger,
      alisStandardMaxNok: fixedScalarAt(params, "alis/standard_elements_max", span.from),
      alisAdditionalMaxNok: fixedScalarAt(params, "alis/additional_elements_max", span.from),
      rampApplies: scenario.agreementYearIndex === 1,
      listetakLiftedShare,
      monthsSinceLifting,
      exemptIndex: idx[scenario.exemptShareBasis === "average" ? "exemptEgenandelShare" : "marginalExemptEgenandelShare"]!,
    },
  };
}
