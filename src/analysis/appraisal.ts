/**
 * The appraisal view (samfunnsøkonomisk analyse as DFØ's veileder and Finansdepartementet's R-109/21 require): the
 * scheme's cost to the public parties over an analysis horizon, in fixed prices, discounted at the guidance's real
 * rate, with the skattefinansieringskostnad on net public spending; all public parties together and separately, as
 * P50 and P85 over the Monte Carlo draws, and the present value's sensitivity to the discount rate.
 *
 *   annual cost per party and draw (kroner, prices of the agreement-year) × KPI(price year) / KPI(agreement-year)
 *   PV = Σ_{t=0}^{H−1} cost / (1 + r)^t          (first year undiscounted: costs discounted to its start)
 *   PV incl. skattefinansieringskostnad = PV × (1 + s)
 *
 * Parties (cost positive = public spending caused by the agreements):
 *   folketrygden  the cost model's net extra refusjon per agreement-year, per draw
 *   staten        Nasjonal ALIS support to the kommune (expected amount), per draw
 *   kommunen      the refusjon flows' ledger at central values (employer's salary and refusjon, cost shares) without
 *                 the ALIS support, minus the ALIS support it receives per draw (so ALIS nets out in the total)
 * Assumptions, stated in the result: the annual real cost is the same in every year of the horizon (the tariff
 * regulated in line with prices after the agreement-year), all funded agreements are active every year.
 */
import type { CostProblem } from "../cost/costProblem";
import { allocateComponents, evaluateCostChunk } from "../cost/costKernel";
import { UserError } from "../errors/userError";
import type { ParamSet } from "../params/loadParams";
import { fixedScalarAt, scalarFile } from "../params/lookup";
import { percentileSorted, sortedCopy } from "../stats/summarise";
import { centralCols, sampleInputs } from "./costModel";
import { APPRAISAL_SENSITIVITY_RATES, VOI_DRAWS } from "./decisionConstants";

/** The guidance's rate applies to the first 40 years; longer horizons need the declining rates (not supported). */
export const MAX_HORIZON_YEARS = 40;
/** Discount rates accepted from a user (a share per year). */
export const MAX_DISCOUNT_RATE = 0.2;

export function checkDiscountRate(rate: number, where = "discountRate"): void {
  if (!Number.isFinite(rate) || rate < 0 || rate > MAX_DISCOUNT_RATE)
    throw new UserError(
      "flag",
      where,
      `${String(rate)} is not allowed; the discount rate is a real rate per year from 0 to ${MAX_DISCOUNT_RATE} (0–20 %), e.g. 0.04 for the guidance's 4 %`,
    );
}

export function checkHorizon(years: number, where = "horizonYears"): void {
  if (!Number.isInteger(years) || years < 1 || years > MAX_HORIZON_YEARS)
    throw new UserError(
      "flag",
      where,
      `${String(years)} is not allowed; the horizon is a whole number of years from 1 to ${MAX_HORIZON_YEARS} (the 4 % rate of R-109/21 holds for the first 40 years)`,
    );
}

/** Present value of a yearly stream (index t = year t from the start, t = 0 undiscounted) at a real rate. */
export function presentValue(stream: ArrayLike<number>, rate: number): number {
  let pv = 0;
  for (let t = 0; t < stream.length; t++) pv += stream[t]! / (1 + rate) ** t;
  return pv;
}

/** Present value of 1 kr a year for `years` years (t = 0 … years − 1). */
export function annuityFactor(rate: number, years: number): number {
  return presentValue(new Float64Array(years).fill(1), rate);
}

export interface AppraisalRates {
  discountRate: number;
  taxFinancingCost: number;
  horizonYears: number;
  /** Where each comes from (file and first reference title). */
  sources: { discountRate: string; taxFinancingCost: string; horizonYears: string; priceIndex: string };
}

function sourceOf(params: ParamSet, id: string): string {
  const f = scalarFile(params, id);
  return `${f.reference[0]!.title} (${f.file})`;
}

/** The guidance's rates from data/params/appraisal/ on `date`, with optional user overrides (checked). */
export function appraisalRates(params: ParamSet, date: string, over: { discountRate?: number; horizonYears?: number } = {}): AppraisalRates {
  const discountRate = over.discountRate ?? fixedScalarAt(params, "appraisal/discount_rate", date);
  const horizonYears = over.horizonYears ?? fixedScalarAt(params, "appraisal/horizon_years", date);
  checkDiscountRate(discountRate, over.discountRate !== undefined ? "--discount-rate" : scalarFile(params, "appraisal/discount_rate").file);
  checkHorizon(horizonYears, over.horizonYears !== undefined ? "--horizon" : scalarFile(params, "appraisal/horizon_years").file);
  return {
    discountRate,
    taxFinancingCost: fixedScalarAt(params, "appraisal/tax_financing_cost", date),
    horizonYears,
    sources: {
      discountRate: over.discountRate !== undefined ? "valgt av brukeren" : sourceOf(params, "appraisal/discount_rate"),
      taxFinancingCost: sourceOf(params, "appraisal/tax_financing_cost"),
      horizonYears: over.horizonYears !== undefined ? "valgt av brukeren" : sourceOf(params, "appraisal/horizon_years"),
      priceIndex: sourceOf(params, "appraisal/consumer_price_index"),
    },
  };
}

/** KPI(toYear) / KPI(fromYear): multiplies kroner of `fromYear` into kroner of `toYear`. */
export function deflator(params: ParamSet, fromYear: number, toYear: number): number {
  const at = (y: number) => fixedScalarAt(params, "appraisal/consumer_price_index", `${y}-07-01`);
  return at(toYear) / at(fromYear);
}

export const APPRAISAL_PARTIES = ["folketrygden", "staten", "kommune", "offentlig"] as const;
export type AppraisalParty = (typeof APPRAISAL_PARTIES)[number];
export const APPRAISAL_PARTY_LABELS: Record<AppraisalParty, string> = {
  folketrygden: "Folketrygden (netto refusjon)",
  staten: "Staten (Nasjonal ALIS-tilskudd)",
  kommune: "Kommunene",
  offentlig: "Offentlige parter samlet",
};

export interface AppraisalRow {
  party: AppraisalParty;
  label: string;
  /** Annual cost for all funded agreements, fixed prices: mean and P50 over the draws. */
  annualMean: number;
  annualP50: number;
  /** Present value over the horizon: mean, P50, P85. */
  pvMean: number;
  pvP50: number;
  pvP85: number;
  /** Skattefinansieringskostnad on the present value (mean), and the present value including it (P50, P85). */
  taxCostPvMean: number;
  pvWithTaxCostP50: number;
  pvWithTaxCostP85: number;
}

export interface AppraisalResult {
  scenario: { name: string; title: string };
  agreements: number;
  /** Calendar year of the agreement-year's prices and the price year shown (fixed prices). */
  costYear: number;
  priceYear: number;
  deflator: number;
  rates: AppraisalRates;
  annuityFactor: number;
  draws: number;
  seed: number;
  rows: AppraisalRow[];
  /** Present value of the public parties together including the skattefinansieringskostnad, by discount rate. */
  sensitivity: Array<{ rate: number; pvWithTaxCostP50: number; pvWithTaxCostP85: number }>;
  /**
   * Cost per outcome where the cohort projection gives outcomes: the public parties' present value including the
   * skattefinansieringskostnad (P50 of the annual cost) over the first `years` years (the shorter of the horizon and the
   * projection), divided by the specialists / new fastleger (P50, cumulative, undiscounted, gross: every intro doctor
   * who gets there, not only those the scheme added).
   */
  perOutcome?: { years: number; specialistsP50: number; newFastlegerP50: number; pvPerSpecialistP50: number | null; pvPerNewFastlegeP50: number | null };
  /** What the numbers assume (Norwegian, for the report). */
  assumptions: string[];
}

export interface AppraisalInputs {
  problem: CostProblem;
  params: ParamSet;
  /** The kommune's effect (received − paid, kroner per agreement-year) in the flows ledger at central values, excluding Nasjonal ALIS; 0 without a flows section. */
  kommuneEffectExAlisNok: number;
  hasFlows: boolean;
  /** The scenario's title for tables. */
  title?: string;
  /** The cohort projection (src/register/cohort.ts) when the run has one: cumulative specialists and new fastleger by year (P50). */
  cohort?: { years: number; byYear: ReadonlyArray<{ specialistsCumulative: { p50: number }; fastlegerCumulative: { p50: number } }> };
}

export interface AppraisalOptions {
  discountRate?: number;
  horizonYears?: number;
  priceYear?: number;
  draws?: number;
  seed: number;
}

/** The appraisal table for one scenario's cost problem. */
export function appraise(inp: AppraisalInputs, opts: AppraisalOptions): AppraisalResult {
  const { problem, params } = inp;
  const rates = appraisalRates(params, problem.span.from, { discountRate: opts.discountRate, horizonYears: opts.horizonYears });
  const costYear = Number(problem.span.from.slice(0, 4));
  const priceYear = opts.priceYear ?? costYear;
  const k = deflator(params, costYear, priceYear);
  const n = opts.draws ?? VOI_DRAWS;
  const cols = sampleInputs(problem.inputs, n, opts.seed);
  const out = allocateComponents(n);
  evaluateCostChunk(problem.layout, cols, n, out);
  const central = allocateComponents(1);
  evaluateCostChunk(problem.layout, centralCols(problem.inputs, 1), 1, central);
  const a = problem.agreements;

  const perDraw: Record<AppraisalParty, Float64Array> = {
    folketrygden: out.net.map((v) => v * a * k),
    staten: out.alisSupport.map((v) => v * a * k),
    kommune: out.alisSupport.map((v) => -(inp.kommuneEffectExAlisNok + v) * a * k),
    offentlig: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) perDraw.offentlig[i] = perDraw.folketrygden[i]! + perDraw.staten[i]! + perDraw.kommune[i]!;

  const af = annuityFactor(rates.discountRate, rates.horizonYears);
  const s = rates.taxFinancingCost;
  const rows = APPRAISAL_PARTIES.map((party) => {
    const x = perDraw[party];
    const sorted = sortedCopy(x);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += x[i]!;
    const mean = sum / n;
    const p50 = percentileSorted(sorted, 0.5);
    const p85 = percentileSorted(sorted, 0.85);
    return {
      party,
      label: APPRAISAL_PARTY_LABELS[party],
      annualMean: mean,
      annualP50: p50,
      pvMean: mean * af,
      pvP50: p50 * af,
      pvP85: p85 * af,
      taxCostPvMean: s * mean * af,
      pvWithTaxCostP50: (1 + s) * p50 * af,
      pvWithTaxCostP85: (1 + s) * p85 * af,
    };
  });
  const total = rows.find((r) => r.party === "offentlig")!;
  const rateSet = [...new Set([...APPRAISAL_SENSITIVITY_RATES, rates.discountRate])].sort((x, y) => x - y);
  const sensitivity = rateSet.map((rate) => {
    const f = annuityFactor(rate, rates.horizonYears);
    return { rate, pvWithTaxCostP50: (total.pvWithTaxCostP50 / af) * f, pvWithTaxCostP85: (total.pvWithTaxCostP85 / af) * f };
  });
  const assumptions = [
    `Alle ${a} finansierte avtaler er i bruk hvert år i ${rates.horizonYears} år; årlig kostnad er avtaleåret ${costYear} i faste ${priceYear}-priser (KPI), den samme hvert år (takstene antas regulert i takt med prisene).`,
    `Kalkulasjonsrente ${(rates.discountRate * 100).toLocaleString("nb-NO")} % (reell), første år udiskontert; skattefinansieringskostnad ${(s * 100).toLocaleString("nb-NO")} % av netto offentlige utgifter.`,
    inp.hasFlows
      ? "Kommunene: refusjonsstrømmene ved sentrale verdier (uten Nasjonal ALIS), minus ALIS-tilskuddet de mottar; ALIS går ut i summen for offentlige parter."
      : "Scenarioet har ingen flows-seksjon: kommunenes kostnad er bare minus ALIS-tilskuddet de mottar.",
  ];
  let perOutcome: AppraisalResult["perOutcome"];
  const c = inp.cohort;
  if (c && c.years > 0 && c.byYear.length > 0) {
    const years = Math.min(rates.horizonYears, c.years, c.byYear.length);
    const pv = total.annualP50 * (1 + s) * annuityFactor(rates.discountRate, years);
    const last = c.byYear[years - 1]!;
    const specialists = last.specialistsCumulative.p50;
    const fastleger = last.fastlegerCumulative.p50;
    perOutcome = {
      years,
      specialistsP50: specialists,
      newFastlegerP50: fastleger,
      pvPerSpecialistP50: specialists > 0 ? pv / specialists : null,
      pvPerNewFastlegeP50: fastleger > 0 ? pv / fastleger : null,
    };
    assumptions.push(
      `Kostnad per spesialist og per ny fastlege: nåverdien for offentlige parter inkl. skattefinansieringskostnad over ${years} år delt på spesialister og nye fastleger (P50, kumulativt, ikke neddiskontert) i kohortframskrivingen. Brutto: alle introduksjonsleger som blir spesialister, ikke bare de ordningen ga i tillegg.`,
    );
  } else {
    assumptions.push("Kostnad per spesialist og per ny fastlege er ikke med: scenarioet har ingen kohortframskriving (cohort:).");
  }
  return {
    scenario: { name: problem.scenario.name, title: inp.title ?? problem.scenario.name },
    agreements: a,
    costYear,
    priceYear,
    deflator: k,
    rates,
    annuityFactor: af,
    draws: n,
    seed: opts.seed,
    rows,
    sensitivity,
    ...(perOutcome ? { perOutcome } : {}),
    assumptions,
  };
}
