/**
 * Cohort projection for planning: each year a cohort of intro doctors starts; shares of it complete 24 FTE months
 * (after yearsToComplete), become specialists (after a further yearsCompletionToSpecialist) and become fastleger
 * (spread evenly over the three years from start). Lags that are not whole years split the flow between the two
 * calendar years around them. Parameter uncertainty comes from the scenario's distributions (seeded, as in `cost`);
 * the cost per agreement-year comes per draw from the cost model's own draws, so cost per outcome carries both.
 *
 *   cohort section -> samplers (per input) -> per draw: flows by calendar year -> cumulative P10/P50/P90
 */
import { sampleSection } from "../inputs/sampleSection";
import { band, type Band } from "../stats/band";
import { UserError } from "../errors/userError";
import type { CohortSection } from "./cohortSchema";
import { COHORT_INPUTS } from "../inputs/cohortInputs";

/** Fastleger are counted within three years of start (the indicator's horizon), spread evenly over them. */
const FASTLEGE_SPREAD_YEARS = 3;

export type { Band };

export interface CohortYear {
  year: number;
  intake: Band;
  completedCumulative: Band;
  specialistsCumulative: Band;
  fastlegerCumulative: Band;
  costCumulativeNok: Band;
}

export interface CohortProjection {
  startYear: number;
  years: number;
  draws: number;
  seed: number;
  byYear: CohortYear[];
  /** At the end of the horizon: cumulative cost / cumulative outcome, over the draws with at least one outcome. */
  costPerSpecialistNok: Band;
  costPerNewFastlegeNok: Band;
  /** Draws with no specialist (no new fastlege) within the horizon, left out of the cost per outcome. */
  drawsWithoutSpecialist: number;
  drawsWithoutFastlege: number;
}

/** Adds `amount` at fractional year offset `at` into `into`, split between floor(at) and floor(at) + 1. */
function addAt(into: Float64Array, at: number, amount: number): void {
  const k = Math.floor(at);
  const frac = at - k;
  if (k < into.length) into[k]! += amount * (1 - frac);
  if (frac > 0 && k + 1 < into.length) into[k + 1]! += amount * frac;
}

/**
 * @param costPerAgreementYear the cost model's net cost per draw (runCost(...).net), at least `draws` long
 */
export function projectCohorts(
  scenario: { name: string; cohort?: CohortSection | undefined },
  costPerAgreementYear: Float64Array,
  opts: {
    draws: number;
    seed: number;
    /** Doctors starting per year, one value per draw (e.g. the slot simulation's steady intake); replaces intakePerYear. */
    intake?: Float64Array;
  },
): CohortProjection {
  const c = scenario.cohort;
  if (!c)
    throw new UserError(
      "scenario",
      scenario.name,
      "the scenario has no cohort section; add cohort: {startYear, years, intakePerYear, …} (see data/scenarios/standard.yaml)",
    );
  const { draws, seed } = opts;
  if (costPerAgreementYear.length < draws) throw new Error("projectCohorts: fewer cost draws than cohort draws");
  const H = c.years;
  const x = sampleSection(COHORT_INPUTS, c, seed, "cohort", draws);

  const cum = {
    intake: [] as Float64Array[],
    completed: [] as Float64Array[],
    specialists: [] as Float64Array[],
    fastleger: [] as Float64Array[],
    cost: [] as Float64Array[],
  };
  for (let y = 0; y < H; y++) for (const k of Object.keys(cum) as Array<keyof typeof cum>) cum[k].push(new Float64Array(draws));
  const perSpecialist = new Float64Array(draws);
  const perFastlege = new Float64Array(draws);
  const completed = new Float64Array(H);
  const specialists = new Float64Array(H);
  const fastleger = new Float64Array(H);
  const cost = new Float64Array(H);
  for (let i = 0; i < draws; i++) {
    completed.fill(0);
    specialists.fill(0);
    fastleger.fill(0);
    cost.fill(0);
    const intake = opts.intake ? opts.intake[i % opts.intake.length]! : x.intakePerYear![i]!;
    const done = intake * x.shareCompleting![i]!;
    const spec = done * x.shareSpecialistGivenCompleted![i]!;
    const fl = intake * x.shareBecomingFastlege![i]!;
    for (let y = 0; y < H; y++) {
      addAt(completed, y + x.yearsToComplete![i]!, done);
      addAt(specialists, y + x.yearsToComplete![i]! + x.yearsCompletionToSpecialist![i]!, spec);
      for (let k = 0; k < FASTLEGE_SPREAD_YEARS; k++) addAt(fastleger, y + k, fl / FASTLEGE_SPREAD_YEARS);
      // The cohort's agreement-years: up to one in its first year, the rest in the next.
      const a = x.agreementYearsPerDoctor![i]!;
      addAt(cost, y, intake * Math.min(1, a) * costPerAgreementYear[i]!);
      if (a > 1) addAt(cost, y + 1, intake * (a - 1) * costPerAgreementYear[i]!);
    }
    let sc = 0,
      ss = 0,
      sf = 0,
      sk = 0;
    for (let y = 0; y < H; y++) {
      sc += completed[y]!;
      ss += specialists[y]!;
      sf += fastleger[y]!;
      sk += cost[y]!;
      cum.intake[y]![i] = intake * (y + 1);
      cum.completed[y]![i] = sc;
      cum.specialists[y]![i] = ss;
      cum.fastleger[y]![i] = sf;
      cum.cost[y]![i] = sk;
    }
    perSpecialist[i] = ss > 0 ? sk / ss : Infinity;
    perFastlege[i] = sf > 0 ? sk / sf : Infinity;
  }
  return {
    startYear: c.startYear,
    years: H,
    draws,
    seed,
    byYear: Array.from({ length: H }, (_, y) => ({
      year: c.startYear + y,
      intake: band(cum.intake[y]!),
      completedCumulative: band(cum.completed[y]!),
      specialistsCumulative: band(cum.specialists[y]!),
      fastlegerCumulative: band(cum.fastleger[y]!),
      costCumulativeNok: band(cum.cost[y]!),
    })),
    costPerSpecialistNok: band(perSpecialist),
    costPerNewFastlegeNok: band(perFastlege),
    drawsWithoutSpecialist: perSpecialist.filter((x) => !Number.isFinite(x)).length,
    drawsWithoutFastlege: perFastlege.filter((x) => !Number.isFinite(x)).length,
  };
}
