// The appraisal view: present value at the guidance's rate with the skattefinansieringskostnad (golden, by hand),
// rates read from data/ with their source, fixed prices by KPI, parties adding up, and bad rates refused.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { annuityFactor, appraisalRates, checkDiscountRate, deflator, presentValue } from "../../src/analysis/appraisal";
import { runDecision } from "../../src/analysis/runDecision";
import { loadScenario } from "../../src/scenario/loadScenario";
import { realParams, STANDARD } from "../helpers";

const params = realParams();

describe("present value", () => {
  test("golden: 100 000 kr a year for three years at 4 % with 20 % skattefinansieringskostnad", () => {
    // PV = 100 000 + 100 000 / 1,04 + 100 000 / 1,04² = 100 000 + 96 153,85 + 92 455,62 = 288 609,47 kr
    // with the skattefinansieringskostnad: 288 609,47 × 1,20 = 346 331,36 kr
    const rates = appraisalRates(params, "2024-01-01");
    expect(rates.discountRate).toBe(0.04);
    expect(rates.taxFinancingCost).toBe(0.2);
    const pv = presentValue([100_000, 100_000, 100_000], rates.discountRate);
    expect(pv).toBeCloseTo(288_609.47, 2);
    expect(pv * (1 + rates.taxFinancingCost)).toBeCloseTo(346_331.36, 2);
    expect(annuityFactor(0.04, 3)).toBeCloseTo(2.8860947, 7);
  });

  test("the rates name their source (R-109/21) and the data file", () => {
    const r = appraisalRates(params, "2024-01-01");
    expect(r.sources.discountRate).toMatch(/R-109\/21.*data\/params\/appraisal\/discount_rate\.yaml/);
    expect(r.sources.taxFinancingCost).toMatch(/R-109\/21.*tax_financing_cost\.yaml/);
    expect(r.sources.priceIndex).toMatch(/SSB.*03014/);
  });

  test("property: at rate 0 the PV is the sum; PV falls as the rate rises; the annuity factor matches the closed form", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0.001, max: 0.2, noNaN: true }), (years, r) => {
        const closed = ((1 - (1 + r) ** -years) / r) * (1 + r); // payments at t = 0 … years − 1
        return (
          annuityFactor(0, years) === years &&
          Math.abs(annuityFactor(r, years) / closed - 1) < 1e-12 &&
          annuityFactor(r, years) <= annuityFactor(r / 2, years) + 1e-12
        );
      }),
    );
  });

  test("KPI deflator: kroner of 2024 in 2022 prices = × 122,8 / 133,6", () => {
    expect(deflator(params, 2024, 2022)).toBeCloseTo(122.8 / 133.6, 12);
    expect(deflator(params, 2024, 2024)).toBe(1);
  });

  test("bad input: a discount rate outside 0–20 % and a horizon outside 1–40 years", () => {
    for (const r of [-0.01, 0.21, Number.NaN]) expect(() => checkDiscountRate(r, "--discount-rate")).toThrow(/--discount-rate: .*from 0 to 0.2 \(0–20 %\)/);
    expect(() => appraisalRates(params, "2024-01-01", { horizonYears: 41 })).toThrow(/--horizon: 41 is not allowed/);
    expect(() => appraisalRates(params, "2024-01-01", { discountRate: 0.25 })).toThrow(/--discount-rate/);
  });
});

describe("the appraisal of the default scenario", () => {
  const { scenario } = loadScenario(STANDARD, params, []);
  const r = runDecision(scenario, params, { draws: 4000, parts: { appraisal: true, breakEven: false, isoCost: false, voi: false } }).appraisal!;

  test("the parties' mean costs add up to the public total, ALIS nets out, and PV = annual × annuity factor", () => {
    const by = Object.fromEntries(r.rows.map((x) => [x.party, x]));
    expect(by.folketrygden!.annualMean + by.staten!.annualMean + by.kommune!.annualMean).toBeCloseTo(by.offentlig!.annualMean, 2);
    expect(by.staten!.annualMean).toBeGreaterThan(0);
    for (const x of r.rows) {
      expect(x.pvP50).toBeCloseTo(x.annualP50 * r.annuityFactor, 4);
      expect(x.pvWithTaxCostP50).toBeCloseTo(x.pvP50 * 1.2, 4);
      expect(x.pvP85).toBeGreaterThanOrEqual(x.pvP50);
    }
    // 65 agreements × about 0,5 mill. kr × about 8,4 (10 years at 4 %) ≈ 270 mill. kr: a band, not a point
    expect(by.folketrygden!.pvP50).toBeGreaterThan(100e6);
    expect(by.folketrygden!.pvP50).toBeLessThan(600e6);
  });

  test("the sensitivity table includes the guidance's rate and falls as the rate rises", () => {
    const at4 = r.sensitivity.find((s) => s.rate === 0.04)!;
    expect(at4.pvWithTaxCostP50).toBeCloseTo(r.rows.find((x) => x.party === "offentlig")!.pvWithTaxCostP50, 4);
    for (let i = 1; i < r.sensitivity.length; i++) expect(r.sensitivity[i]!.pvWithTaxCostP50).toBeLessThan(r.sensitivity[i - 1]!.pvWithTaxCostP50);
  });
});

describe("cost per outcome from a cohort projection", () => {
  test("golden: PV over the shorter horizon divided by the cumulative specialists and new fastleger (P50)", () => {
    // cohort of 3 years: specialists 0 / 1 / 4, new fastleger 0 / 0 / 2 (cumulative P50) → over min(10, 3) = 3 years
    // PV = annual P50 (public, incl. 20 %) × (1 + 1/1,04 + 1/1,04²) = annual × 1,2 × 2,8860947; per specialist PV / 4, per fastlege PV / 2
    const { scenario } = loadScenario(STANDARD, params, []);
    const band = (p50: number) => ({ p10: p50, p50, p90: p50 });
    const cohort = { years: 3, byYear: [0, 1, 4].map((s, i) => ({ specialistsCumulative: band(s), fastlegerCumulative: band([0, 0, 2][i]!) })) };
    const r = runDecision(scenario, params, { draws: 2000, cohort, parts: { appraisal: true, breakEven: false, isoCost: false, voi: false } }).appraisal!;
    const total = r.rows.find((x) => x.party === "offentlig")!;
    const pv = total.annualP50 * 1.2 * annuityFactor(0.04, 3);
    expect(r.perOutcome!.years).toBe(3);
    expect(r.perOutcome!.pvPerSpecialistP50).toBeCloseTo(pv / 4, 2);
    expect(r.perOutcome!.pvPerNewFastlegeP50).toBeCloseTo(pv / 2, 2);
    expect(r.assumptions.join(" ")).toMatch(/Brutto: alle introduksjonsleger som blir spesialister/);
  });
});
