// The national budget projection: golden cases with every input fixed (test/fixtures/params), and invariants.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { projectBudget } from "../../src/budget/projectBudget";
import { lastPricedDay } from "../../src/budget/priceCoverage";
import { golden, realParams, STANDARD } from "../helpers";
import { loadScenario } from "../../src/scenario/loadScenario";

const GOLDEN_NET = 272_790; // test/cost/golden.test.ts: the golden agreement-year from 2024-07-01, every input fixed

function activity(year: number, perReplication: number[], simulatedMonths = 12) {
  return [{ year, months: Float64Array.from(perReplication), simulatedMonths }];
}

describe("projectBudget: golden cases", () => {
  test("fixed prices of 2024-07-01 reproduce the golden agreement-year: 2025 with 30 active agreement-months", () => {
    // The golden agreement-year (1 Jul 2024 – 30 Jun 2025) costs 272 790 kr, entirely in the 2024-25 tariff period and
    // after the listetak lifting. Budget year 2025 priced at the tariff of 2024-07-01 has the same takster and rules,
    // so its net cost per agreement-year is 272 790 kr.
    // 30 active agreement-months = 2.5 agreement-years -> 2.5 × 272 790 = 681 975 kr in every replication.
    const { params, scenario } = golden();
    const b = projectBudget(scenario, params, activity(2025, [30, 30, 30, 30]), { seed: 1, fixedPriceDate: "2024-07-01" });
    const y = b.years[0]!;
    expect(y.prices).toBe("fixed");
    expect(y.agreementYears.p50).toBe(2.5);
    for (const v of [y.nok.mean, y.nok.p10, y.nok.p50, y.nok.p85, y.nok.p90]) expect(v).toBeCloseTo(681_975, 6);
    // The line is 32.7 mill. kr; full use is 65 × 272 790 = 17 731 350 kr (the golden national total).
    expect(y.budgetLineNok).toBe(32_700_000);
    expect(y.shareAboveLine).toBe(0);
    expect(y.fullUse.p50).toBeCloseTo(17_731_350, 4);
  });

  test("activity differs by replication: spending is months / 12 × the year's net cost, replication by replication", () => {
    // 12, 24, 36, 48 months -> 1, 2, 3, 4 agreement-years × 272 790 = 272 790, 545 580, 818 370, 1 091 160 kr.
    // P50 interpolates between the 2nd and 3rd sorted values: (545 580 + 818 370) / 2 = 681 975 kr.
    const { params, scenario } = golden();
    const y = projectBudget(scenario, params, activity(2025, [48, 12, 36, 24]), { seed: 1, fixedPriceDate: "2024-07-01" }).years[0]!;
    expect(y.nok.p50).toBeCloseTo(681_975, 6);
    expect(y.nok.mean).toBeCloseTo((272_790 * 10) / 4, 6);
    expect(y.agreementYears.p10).toBeCloseTo(1.3, 9); // 1 + 0.3 × (2 − 1)
  });

  test("nominal kroner use each day's tariff: 2023 (tariff change on 1 July) differs from 2023 at the prices of 2024-07-01", () => {
    // Same rules in both (the listetak lifting of 1 Aug 2023 follows the year); only the takster differ.
    const { params, scenario } = golden();
    const nominal = projectBudget(scenario, params, activity(2023, [12]), { seed: 1 }).years[0]!;
    const fixed = projectBudget(scenario, params, activity(2023, [12]), { seed: 1, fixedPriceDate: "2024-07-01" }).years[0]!;
    expect(nominal.prices).toBe("nominal");
    expect(nominal.priceDate).toBeUndefined();
    expect(Math.abs(nominal.nok.p50 - fixed.nok.p50)).toBeGreaterThan(1000);
    // The fixed-price year 2025 (same rules as the golden year) is the golden figure itself.
    const fixed2025 = projectBudget(scenario, params, activity(2025, [12]), { seed: 1, fixedPriceDate: "2024-07-01" }).years[0]!;
    expect(fixed2025.nok.p50).toBeCloseTo(GOLDEN_NET, 6);
  });

  test("a year after the last priced day is priced at the last known tariff, flagged and warned about", () => {
    const { params, scenario } = golden();
    const last = lastPricedDay(params);
    const year = Number(last.slice(0, 4)) + 1;
    const b = projectBudget(scenario, params, activity(year, [12]), { seed: 1 });
    expect(b.years[0]!.prices).toBe("last-known");
    expect(b.years[0]!.priceDate).toBe(last);
    expect(b.warnings.join(" ")).toMatch(new RegExp(`${year}: no takster after ${last}`));
  });

  test("a partial year (6 simulated months): full use is 65 agreements × 6/12 × the net cost", () => {
    // 65 × 6 / 12 × 272 790 = 8 865 675 kr.
    const { params, scenario } = golden();
    const y = projectBudget(scenario, params, activity(2025, [12], 6), { seed: 1, fixedPriceDate: "2024-07-01" }).years[0]!;
    expect(y.simulatedMonths).toBe(6);
    expect(y.fullUse.p50).toBeCloseTo(8_865_675, 4);
  });

  test("a year the rules' data do not reach names the file, the budget year and what to change", () => {
    const { params, scenario } = golden();
    expect(() => projectBudget(scenario, params, activity(2031, [12]), { seed: 1 })).toThrow(
      /\.yaml: no value for 2031-01-01.*\(needed for budget year 2031 of the projection; shorten allocation\.months or add the periods to the data\)/,
    );
  });

  test("a fixed-price date after the price data is refused with the flag named", () => {
    const { params, scenario } = golden();
    expect(() => projectBudget(scenario, params, activity(2025, [12]), { seed: 1, fixedPriceDate: "2031-01-01" })).toThrow(
      /--fixed-prices: 2031-01-01 is after the last day with takster/,
    );
  });
});

describe("projectBudget: invariants on the default scenario", () => {
  const params = realParams();
  const { scenario } = loadScenario(STANDARD, params);
  const arb = fc.array(fc.integer({ min: 0, max: 65 * 12 }), { minLength: 20, maxLength: 60 });

  test("P10 ≤ P50 ≤ P85 ≤ P90, share above the line in 0–1, same seed gives the same path; twice the activity, twice the spending", () => {
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 1000 }), (months, seed) => {
        const a = projectBudget(scenario, params, activity(2024, months), { seed });
        const again = projectBudget(scenario, params, activity(2024, months), { seed });
        const double = projectBudget(
          scenario,
          params,
          activity(
            2024,
            months.map((m) => 2 * m),
          ),
          { seed },
        );
        const y = a.years[0]!;
        expect(y.nok.p10).toBeLessThanOrEqual(y.nok.p50);
        expect(y.nok.p50).toBeLessThanOrEqual(y.nok.p85);
        expect(y.nok.p85).toBeLessThanOrEqual(y.nok.p90);
        expect(y.shareAboveLine).toBeGreaterThanOrEqual(0);
        expect(y.shareAboveLine).toBeLessThanOrEqual(1);
        expect(again).toEqual(a);
        expect(double.years[0]!.nok.mean).toBeCloseTo(2 * y.nok.mean, 3);
      }),
      { numRuns: 25 },
    );
  });
});
