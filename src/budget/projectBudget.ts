/**
 * National budget projection: folketrygd spending on introduksjonsavtaler per budget year (calendar year), against
 * the appropriation (kap. 2755 post 70).
 *
 *   allocation simulation -> active agreement-months per year and replication
 *   cost model for an agreement-year running 1 January – 31 December of that year, with the tariff valid on each day
 *   (nominal kroner) or on one chosen day (fixed prices) -> net cost per agreement-year, one draw per replication
 *   spending[year][r] = active months[year][r] / 12 × net cost[year][r]  ->  P10 / P50 / P85 / P90 per year
 *
 * The cost draws use the same seed in every year (common random numbers): a replication where the substitution share
 * is low is low in every year, so the path is coherent and year-to-year differences come from prices and activity.
 * Years after the last priced day (src/budget/priceCoverage.ts) are priced at the last known tariff and flagged.
 * Every year is priced as the scenario's agreement-year (agreementYearIndex: with ramp-up when it is 1), whatever
 * the doctors' actual start months in the slot simulation: a simplification that overstates the ramp-up's saving in
 * years where most agreements are in their second year.
 */
import { summarise, sortedCopy, shareAboveSorted } from "../stats/summarise";
import { buildCostProblem } from "../cost/costProblem";
import { runMonteCarlo } from "../cost/monteCarlo";
import { UserError } from "../errors/userError";
import type { ParamSet } from "../params/loadParams";
import { fixedScalarAt } from "../params/lookup";
import { formatDate } from "../format/norwegian";
import type { CostScenario } from "../cost/section";
import { firstPricedDay, lastPricedDay } from "./priceCoverage";

/** How a year is priced: with the tariff of each day, with the last known tariff (no data yet), or at a fixed date. */
export type PriceBasis = "nominal" | "last-known" | "fixed";

/** How each price basis is named in tables and charts. */
export const PRICE_BASIS_LABELS: Record<PriceBasis, string> = { nominal: "løpende priser", "last-known": "siste kjente takster", fixed: "faste priser" };

export interface BudgetYear {
  year: number;
  prices: PriceBasis;
  /** The day whose tariff prices the year (absent for nominal years: every day its own tariff). */
  priceDate?: string;
  /** Months of the year inside the simulated horizon (12 except in its first and last year). */
  simulatedMonths: number;
  /** Active agreement-years (active agreement-months / 12): P10, P50, P90 over replications. */
  agreementYears: { p10: number; p50: number; p90: number };
  /** Folketrygd spending in kroner. */
  nok: { mean: number; p10: number; p50: number; p85: number; p90: number };
  /** The appropriation for the year (kap. 2755 post 70) and the share of replications above it. */
  budgetLineNok: number;
  shareAboveLine: number;
  /** What the year would cost with every funded agreement active in every simulated month of it (cap × months / 12 × net cost per agreement-year). */
  fullUse: { agreements: number; p50: number; p85: number };
}

export interface BudgetProjection {
  years: BudgetYear[];
  replications: number;
  seed: number;
  /** "nominal" (each year its own tariff) or "fixed" (every year at the tariff of fixedPriceDate). */
  basis: "nominal" | "fixed";
  fixedPriceDate?: string;
  lastPricedDay: string;
  /** For the command line (English). */
  warnings: string[];
  /** The same, in Norwegian, for the report. */
  notes: string[];
}

export interface BudgetOptions {
  seed: number;
  /** Price every year at the tariff valid on this date (fixed prices); default: nominal kroner. */
  fixedPriceDate?: string;
}

/** A fixed-price date must have takster: between the first and the last priced day of the data. */
export function checkFixedPriceDate(params: ParamSet, date: string | undefined): void {
  if (!date) return;
  const first = firstPricedDay(params);
  const last = lastPricedDay(params);
  if (date > last)
    throw new UserError("flag", "--fixed-prices", `${date} is after the last day with takster in the data (${last}); choose a date from ${first} to ${last}`);
  if (date < first)
    throw new UserError(
      "flag",
      "--fixed-prices",
      `${date} is before the first day with takster in the data (${first}); choose a date from ${first} to ${last}`,
    );
}

/** Data that do not reach a budget year: say which year of the projection needed it and what to change. */
function withYearContext<T>(year: number, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof UserError && e.kind === "params") {
      throw new UserError(
        "params",
        e.where,
        `${e.message.slice(e.where.length + 2)} (needed for budget year ${year} of the projection; shorten allocation.months or add the periods to the data)`,
      );
    }
    throw e;
  }
}

function yearPricing(year: number, lastDay: string, fixed: string | undefined): { prices: PriceBasis; priceDate?: string } {
  if (fixed) return { prices: "fixed", priceDate: fixed };
  const lastDayOfYear = `${year}-12-31`;
  return lastDayOfYear <= lastDay ? { prices: "nominal" } : { prices: "last-known", priceDate: lastDay };
}

export function projectBudget(
  scenario: CostScenario,
  params: ParamSet,
  activeMonthsByYear: ReadonlyArray<{ year: number; months: Float64Array; simulatedMonths: number }>,
  opts: BudgetOptions,
): BudgetProjection {
  const lastDay = lastPricedDay(params);
  checkFixedPriceDate(params, opts.fixedPriceDate);
  const replications = activeMonthsByYear[0]?.months.length ?? 0;
  const years = activeMonthsByYear.map(({ year, months, simulatedMonths }): BudgetYear => {
    const pricing = yearPricing(year, lastDay, opts.fixedPriceDate);
    const start = `${year}-01-01`;
    const problem = withYearContext(year, () => buildCostProblem({ ...scenario, agreementYearStart: start }, params, { priceDate: pricing.priceDate }));
    const net = runMonteCarlo(problem, { draws: replications, seed: opts.seed }).net;
    const spending = new Float64Array(replications);
    const agreementYears = new Float64Array(replications);
    for (let r = 0; r < replications; r++) {
      agreementYears[r] = months[r]! / 12;
      spending[r] = agreementYears[r]! * net[r]!;
    }
    const sorted = sortedCopy(spending);
    const s = summarise(spending, sorted);
    const ay = summarise(agreementYears);
    const budgetLineNok = fixedScalarAt(params, "budget/kap2755_post70_introduksjonsavtaler", start);
    const netSummary = summarise(net);
    return {
      year,
      ...pricing,
      simulatedMonths,
      agreementYears: { p10: ay.p10, p50: ay.p50, p90: ay.p90 },
      nok: { mean: s.mean, p10: s.p10, p50: s.p50, p85: s.p85, p90: s.p90 },
      budgetLineNok,
      shareAboveLine: shareAboveSorted(sorted, budgetLineNok),
      fullUse: {
        agreements: problem.agreements,
        p50: (problem.agreements * simulatedMonths * netSummary.p50) / 12,
        p85: (problem.agreements * simulatedMonths * netSummary.p85) / 12,
      },
    };
  });
  const warnings: string[] = [];
  const notes: string[] = [];
  const lastKnown = years.filter((y) => y.prices === "last-known").map((y) => y.year);
  if (lastKnown.length) {
    warnings.push(
      `${lastKnown.join(", ")}: no takster after ${lastDay} in the data; priced at the last known tariff (add the new periods to data/params/normaltariff/ for nominal kroner)`,
    );
    notes.push(
      `${lastKnown.join(", ")}: dataene har ingen takster etter ${formatDate(lastDay)}; årene er regnet med siste kjente takster (legg de nye periodene inn i data/params/normaltariff/ for løpende priser).`,
    );
  }
  return {
    years,
    replications,
    seed: opts.seed,
    basis: opts.fixedPriceDate ? "fixed" : "nominal",
    ...(opts.fixedPriceDate ? { fixedPriceDate: opts.fixedPriceDate } : {}),
    lastPricedDay: lastDay,
    warnings,
    notes,
  };
}
