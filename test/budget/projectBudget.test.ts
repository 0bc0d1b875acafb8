// The national budget projection: golden cases with every input fixed (test/fixtures/params), and invariants.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { projectBudget, rampProductivity, spellsActivity } from "../../src/budget/projectBudget";
import { lastPricedDay } from "../../src/budget/priceCoverage";
import { golden, realParams, STANDARD } from "../helpers";
import { loadScenario } from "../../src/scenario/loadScenario";

// The golden agreement-year (test/cost/golden.test.ts) at the tariff of 2024-07-01 costs 272 790 kr with ramp-up
// (ramp factor 0.875); at full productivity: N = 50 × 40 = 2 000 consultations, gross 2 000 × 199 = 398 000,
// egenandel paid 2 000 × 0.4 × 202 = 161 600, saving 800 × 309.8 = 247 840 -> net 311 760 kr = 25 980 kr a month.
const FULL_NET = 311_760;
const PER_MONTH = FULL_NET / 12; // 25 980 kr

/** One seat per replication, the given doctors, from January of `year`. */
const oneSlot = (year: number, months: number, doctors: Array<{ start: number; months: number }>, replications = 3) =>
  spellsActivity(
    `${year}-01-15`,
    months,
    replications,
    1,
    doctors.map((d) => ({ seat: 0, ...d })),
  );

describe("projectBudget: golden cases", () => {
  test("ramp-up over two doctors in one slot: each new doctor's first months, not every year", () => {
    // Golden ramp-up: 6 months from 0.5. A month's productivity is the linear rise averaged over the month:
    //   k = 0..5: 0.5 + 0.5 × (k + 0.5) / 6 = 0.541667, 0.625, 0.708333, 0.791667, 0.875, 0.958333 (sum 4.5: 1.5 months lost)
    // Doctor A: January–August 2025 (8 months): 4.5 + 2 = 6.5 effective months.
    // Doctor B: November 2025 – October 2026 (12 months): 2025 k = 0, 1: 1.166667; 2026 k = 2..11: 3.333333 + 6 = 9.333333.
    // 2025: (6.5 + 1.166667) × 25 980 = 23/3 × 25 980 = 199 180 kr; 2026: 28/3 × 25 980 = 242 480 kr.
    // (Ramp-up in every year, as before: 10 months × 272 790 / 12 = 227 325 kr in both years.)
    const { params, scenario } = golden();
    const b = projectBudget(
      scenario,
      params,
      oneSlot(2025, 24, [
        { start: 0, months: 8 },
        { start: 10, months: 12 },
      ]),
      { seed: 1, fixedPriceDate: "2024-07-01" },
    );
    const [y2025, y2026] = b.years;
    expect(rampProductivity(0, 6, 0.5)).toBeCloseTo(0.5 + 0.5 / 12, 12);
    expect(y2025!.year).toBe(2025);
    expect(y2025!.agreementYears.p50).toBeCloseTo(10 / 12, 12);
    expect(y2025!.nok.p50).toBeCloseTo(199_180, 4);
    expect(y2026!.nok.p50).toBeCloseTo(242_480, 4);
    expect(y2025!.rampUpLossYears).toBeCloseTo((10 - 23 / 3) / 12, 9);
    expect(y2026!.rampUpLossYears).toBeCloseTo((10 - 28 / 3) / 12, 9);
    expect(PER_MONTH).toBe(25_980);
  });

  test("a ramp that ends inside a month: the exact loss is (1 − start) × rampUpMonths / 2 months", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 24, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (M, s) => {
        let lost = 0;
        for (let k = 0; k < 30; k++) lost += 1 - rampProductivity(k, M, s);
        expect(lost).toBeCloseTo(((1 - s) * M) / 2, 9);
      }),
      { numRuns: 200, seed: 71 },
    );
  });

  test("a doctor past the ramp-up: full months × the full-productivity net; partial years count their months", () => {
    // A doctor from January 2024 for 24 months: 2025 is months 12..23, all at full productivity: 12 × 25 980 = 311 760 kr.
    const { params, scenario } = golden();
    const y = projectBudget(scenario, params, oneSlot(2024, 24, [{ start: 0, months: 24 }]), { seed: 1, fixedPriceDate: "2024-07-01" }).years[1]!;
    expect(y.year).toBe(2025);
    expect(y.nok.p50).toBeCloseTo(FULL_NET, 4);
    expect(y.budgetLineNok).toBe(32_700_000);
    // full use: 65 agreements × 12 / 12 × 311 760 = 20 264 400 kr
    expect(y.fullUse.p50).toBeCloseTo(65 * FULL_NET, 3);
  });

  test("nominal kroner use each day's tariff: 2023 (tariff change on 1 July) differs from 2023 at the prices of 2024-07-01", () => {
    const { params, scenario } = golden();
    const act = oneSlot(2023, 12, [{ start: 0, months: 12 }]);
    const nominal = projectBudget(scenario, params, act, { seed: 1 }).years[0]!;
    const fixed = projectBudget(scenario, params, act, { seed: 1, fixedPriceDate: "2024-07-01" }).years[0]!;
    expect(nominal.prices).toBe("nominal");
    expect(nominal.priceDate).toBeUndefined();
    expect(Math.abs(nominal.nok.p50 - fixed.nok.p50)).toBeGreaterThan(1000);
  });

  test("years after the last priced day: the last known tariff, regulated forward from each 1 July when a rate is given", () => {
    // Fixture data end on the last priced day L (30 June). The year after L's year: January–June one step
    // (1 + g), July–December two steps (1 + g)^2; with g = 4 %: (1.04 + 1.0816) / 2 = 1.0608 × the last-known year.
    const { params, scenario } = golden();
    const last = lastPricedDay(params);
    const year = Number(last.slice(0, 4)) + 1;
    const act = oneSlot(year, 12, [{ start: 0, months: 12 }]);
    const flat = projectBudget(scenario, params, act, { seed: 1 });
    expect(flat.years[0]!.prices).toBe("last-known");
    expect(flat.warnings.join(" ")).toMatch(new RegExp(`${year}: no takster after ${last}`));
    const reg = projectBudget(scenario, params, act, { seed: 1, regulation: { type: "fixed", value: 0.04 } });
    expect(reg.years[0]!.prices).toBe("extrapolated");
    expect(reg.warnings).toEqual([]);
    expect(reg.notes.join(" ")).toMatch(/fremskrevet med en årlig regulering på 4,0/);
    expect(last.slice(5)).toBe("06-30");
    expect(reg.years[0]!.nok.p50 / flat.years[0]!.nok.p50).toBeCloseTo((1.04 + 1.04 ** 2) / 2, 10);
  });

  test("a year the rules' data do not reach names the file, the budget year and what to change", () => {
    const { params, scenario } = golden();
    expect(() => projectBudget(scenario, params, oneSlot(2031, 12, [{ start: 0, months: 12 }]), { seed: 1 })).toThrow(
      /\.yaml: no value for 2031-01-01.*\(needed for budget year 2031 of the projection; shorten allocation\.horizon or add the periods to the data\)/,
    );
  });

  test("a fixed-price date after the price data is refused with the flag named", () => {
    const { params, scenario } = golden();
    expect(() => projectBudget(scenario, params, oneSlot(2025, 12, [{ start: 0, months: 12 }]), { seed: 1, fixedPriceDate: "2031-01-01" })).toThrow(
      /--fixed-prices: 2031-01-01 is after the last day with takster/,
    );
  });
});

describe("projectBudget: the national total on the default scenario", () => {
  const params = realParams();
  const { scenario } = loadScenario(STANDARD, params);
  // 65 agreements, each with one doctor through 2025 (started in 2024: no ramp-up in 2025).
  const all65 = (R: number) =>
    spellsActivity(
      "2024-01-15",
      24,
      R,
      65,
      Array.from({ length: 65 }, (_, seat) => ({ seat, start: 0, months: 24 })),
    );

  test("shared and individual uncertainty lies between independent agreements and full correlation (the upper bound)", () => {
    const act = all65(2000);
    const run = (correlation: "split" | "full" | "independent") => projectBudget(scenario, params, act, { seed: 3, correlation }).years[1]!;
    const [ind, split, full] = [run("independent"), run("split"), run("full")];
    const spread = (y: typeof ind) => y.nok.p85 - y.nok.p50;
    expect(spread(ind)).toBeLessThan(spread(split));
    expect(spread(split)).toBeLessThan(spread(full));
    expect(ind.nok.p85).toBeLessThan(split.nok.p85);
    expect(split.nok.p85).toBeLessThan(full.nok.p85);
    // The same expected total whichever way they are combined (within Monte Carlo error).
    expect(Math.abs(split.nok.mean - full.nok.mean) / full.nok.mean).toBeLessThan(0.03);
    const b = projectBudget(scenario, params, act, { seed: 3 });
    expect(b.correlation).toBe("split");
    expect(b.individualInputs).toEqual(["stillingsprosent", "clinicalWeeksPerYear", "consultationsPerWeekFullTime", "rampUpMonths", "rampUpStartProductivity"]);
    expect(b.sharedInputs).toContain("substitutionShare");
    expect(b.sharedInputs).toContain("fastlegeBackfillShare");
  });

  test("years after the price data are regulated with the rate of each period in the data's regulering file unless the scenario gives one", () => {
    // The price data end on lastPricedDay, 30 June 2026 (basistilskudd), so 2027 is regulated forward: the 1 July 2026
    // step with the 2026-27 period's rate, the 1 July 2027 step with the 2027-40 period's. With those rates fixed at
    // 4 % and 2 %: January–June 2027 × 1.04, July–December × 1.04 × 1.02 = 1.0608, so the year is
    // (1.04 + 1.0608) / 2 = 1.0504 × the last-known year, and the average yearly rate is √(1.04 × 1.02) − 1 = 2.9951 %.
    const last = lastPricedDay(params);
    expect(last).toBe("2026-06-30");
    const reg = params.scalars.get("regulering/normaltariff")!;
    const fixedRates = {
      ...reg,
      values: reg.values.map((v) => ({ ...v, value: v.from === "2026-07-01" ? 0.04 : v.from === "2027-07-01" ? 0.02 : v.value })),
    };
    const fixedParams = { ...params, scalars: new Map([...params.scalars, ["regulering/normaltariff", fixedRates]]) };
    const act = spellsActivity("2027-01-15", 12, 50, 1, [{ seat: 0, start: 0, months: 12 }]);
    const byData = projectBudget(scenario, fixedParams, act, { seed: 5 });
    const flat = projectBudget(scenario, fixedParams, act, { seed: 5, regulation: "last-known" });
    expect(byData.years[0]!.prices).toBe("extrapolated");
    expect(byData.years[0]!.nok.mean / flat.years[0]!.nok.mean).toBeCloseTo(1.0504, 10);
    expect(byData.regulation!.p50).toBeCloseTo(Math.sqrt(1.04 * 1.02) - 1, 12);
    expect(flat.years[0]!.prices).toBe("last-known");
    expect(flat.regulation).toBeUndefined();
    expect(flat.warnings.join(" ")).toMatch(/2027: no takster after 2026-06-30/);
    // A scenario's own rate applies to every step: (1.03 + 1.03²) / 2 = 1.04545.
    const own = projectBudget(scenario, fixedParams, act, { seed: 5, regulation: { type: "fixed", value: 0.03 } });
    expect(own.years[0]!.nok.mean / flat.years[0]!.nok.mean).toBeCloseTo((1.03 + 1.03 ** 2) / 2, 10);
    // The real data: uncertain rates (0–8 % for 2026-27, 2–6 % after), so the average lies between 2 and 7 %.
    const real = projectBudget(scenario, params, act, { seed: 5 });
    expect(real.regulation!.p10).toBeGreaterThan(0.02);
    expect(real.regulation!.p90).toBeLessThan(0.07);
  });

  test("P10 ≤ P50 ≤ P85 ≤ P90, share above the line in 0–1, same seed gives the same path; twice the doctors, about twice the spending", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 1000 }), (months, seed) => {
        const one = spellsActivity("2024-01-15", 24, 50, 2, [{ seat: 0, start: 12, months }]);
        const two = spellsActivity("2024-01-15", 24, 50, 2, [
          { seat: 0, start: 12, months },
          { seat: 1, start: 12, months },
        ]);
        const a = projectBudget(scenario, params, one, { seed, correlation: "full" });
        const again = projectBudget(scenario, params, one, { seed, correlation: "full" });
        const double = projectBudget(scenario, params, two, { seed, correlation: "full" });
        const y = a.years[1]!;
        expect(y.nok.p10).toBeLessThanOrEqual(y.nok.p50);
        expect(y.nok.p50).toBeLessThanOrEqual(y.nok.p85);
        expect(y.nok.p85).toBeLessThanOrEqual(y.nok.p90);
        expect(y.shareAboveLine).toBeGreaterThanOrEqual(0);
        expect(y.shareAboveLine).toBeLessThanOrEqual(1);
        expect(again).toEqual(a);
        // Fully correlated: the second agreement is the first's twin.
        expect(double.years[1]!.nok.mean).toBeCloseTo(2 * y.nok.mean, 3);
      }),
      { numRuns: 8 },
    );
  });
});
