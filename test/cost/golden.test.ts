import { describe, expect, test } from "vitest";
import { buildCostProblem } from "../../src/cost/costProblem";
import { runDeterministic } from "../../src/cost/deterministic";
import { runCost } from "../../src/analysis/runCost";
import { golden, GOLDEN_SECOND_YEAR } from "../helpers";

// Fixture takster (test/fixtures/params/normaltariff, kr refusjon / egenandel), the same in every period except 2ad:
//   2ad 10/150 (2022-07-01 – 2023-06-30), 20/160 (from 2023-07-01); 2cd 100/0; 2dd 40/50; 1ad 20/60; 1bd 70/0; 1e 10/60.
//   basistilskudd 800 kr per listeinnbygger; ALIS maxima 367 000 + 200 000 kr; listetak rule lifted 2023-08-01.
// Inputs (test/fixtures/scenarios/golden.yaml), all fixed: stillingsprosent 1.0, 40 weeks, 50 consultations/week,
//   ramp-up 6 months from 0.5, per consultation 0.5 × 2cd, 0.2 × 1ad, 1.0 × 1bd, 0.5 × 1e, other refusjon 50 kr,
//   exempt 0.4, substitution 0.5, backfill 0.2, specialist share 0.5, patient base 1000, ALIS p 0.5 / 0.25.

describe("golden case, first agreement-year from 2024-07-01 (one tariff period, listetak rule lifted all year)", () => {
  // ramp      = 1 − (1 − 0.5) × 6 / 24                       = 0.875
  // N         = 50 × 1.0 × 40 × 0.875                        = 1 750 consultations
  // ref/cons  = 20 + 0.5×100 + 0.2×20 + 1.0×70 + 0.5×10 + 50  = 199 kr
  // egen/cons = 160 + 0.5×0 + 0.2×60 + 1.0×0 + 0.5×60         = 202 kr
  // gross     = 1 750 × 199                                  = 348 250 kr
  // egenPaid  = 1 750 × 0.4 × 202                            = 141 400 kr
  // S         = 1 750 × 0.5 × (1 − 0.2 × 1)                  = 700 substituted consultations
  // saving    = 700 × (199 + 0.5×40 + 0.4×(202 + 0.5×50))    = 700 × 309.8 = 216 860 kr
  // net       = 348 250 + 141 400 − 216 860                  = 272 790 kr
  // ALIS      = 0.5 × 367 000 + 0.25 × 200 000               = 233 500 kr;  basistilskudd = 1 000 × 800 = 800 000 kr
  test("runDeterministic(problem) equals the arithmetic to the krone", () => {
    const { scenario, params } = golden();
    const det = runDeterministic(buildCostProblem(scenario, params));
    expect(det.consultations).toBeCloseTo(1750, 9);
    expect(Math.round(det.grossRefusjon)).toBe(348_250);
    expect(Math.round(det.egenandelPaid)).toBe(141_400);
    expect(Math.round(det.substitutionSaving)).toBe(216_860);
    expect(Math.round(det.net)).toBe(272_790);
    expect(Math.round(det.alisSupport)).toBe(233_500);
    expect(Math.round(det.basistilskudd)).toBe(800_000);
  });

  test("runCost(all inputs fixed) gives every percentile and the mean equal to the deterministic value", () => {
    const { scenario, params } = golden();
    const { report } = runCost(scenario, params, { draws: 5000, seed: 3 });
    for (const v of [report.mean, report.p10, report.p50, report.p85, report.p90]) expect(v).toBeCloseTo(272_790, 6);
    expect(report.sd).toBeCloseTo(0, 6);
    expect(report.shareAbove500k).toBe(0);
    // 65 agreements: 272 790 × 65 = 17 731 350 kr
    expect(Math.round(report.national.p85)).toBe(17_731_350);
    expect(report.warnings).toEqual([]);
  });

  test("topDownCheck splits the difference into a rate effect and the specialist add-on, by hand", () => {
    // Fixture national figures: (3 000 + 600 + 400) mill. kr / 10 mill. consultations = 400 kr per consultation.
    // Effective substitution s = 0.5 × (1 − 0.2 × 1) = 0.4; paid = gross + egenPaid = 489 650 kr
    // top-down net      = 1 750 × (1 − 0.4) × 400             = 420 000 kr
    // specialist effect = S × spec × (R(2dd) + ex × E(2dd))    = 700 × 0.5 × (40 + 0.4 × 50) = 21 000 kr
    // rate effect       = 420 000 − (1 − 0.4) × 489 650       = 126 210 kr
    // difference        = 420 000 − 272 790 = 147 210 = 126 210 + 21 000
    const { scenario, params } = golden();
    const t = runCost(scenario, params, { draws: 10, seed: 1 }).report.topDown;
    expect(t.nationalRatePerConsultationNok).toBe(400);
    expect(t.effectiveSubstitutionShare).toBeCloseTo(0.4, 12);
    expect(Math.round(t.topDownNetNok)).toBe(420_000);
    expect(Math.round(t.specialistAddOnEffectNok)).toBe(21_000);
    expect(Math.round(t.rateEffectNok)).toBe(126_210);
    expect(Math.round(t.differenceNok)).toBe(147_210);
  });

  test("with no specialists among the handing-over fastleger the specialist add-on effect is 0", () => {
    const { scenario, params } = golden(undefined, ["specialistShareHandingOver=0"]);
    expect(runCost(scenario, params, { draws: 10, seed: 1 }).report.topDown.specialistAddOnEffectNok).toBeCloseTo(0, 9);
  });

  test("--set style overrides change the golden result by the expected amount", () => {
    // substitutionShare 0.5 → 0: saving 0, so net = 348 250 + 141 400 = 489 650 kr
    const { scenario, params } = golden(undefined, ["substitutionShare=0"]);
    expect(Math.round(runDeterministic(buildCostProblem(scenario, params)).net)).toBe(489_650);
  });
});

describe("golden case, second agreement-year from 2023-01-01 (spans the 1 July tariff change and the listetak lifting)", () => {
  // Days: 2023-01-01 – 2023-06-30 = 181 in the 2022-23 period, 2023-07-01 – 2023-12-31 = 184 in 2023-24; 365 in all.
  // R(2ad) = (10×181 + 20×184) / 365 = 5 490 / 365;  E(2ad) = (150×181 + 160×184) / 365 = 56 590 / 365
  // No ramp-up in year 2: N = 50 × 40 = 2 000
  // ref/cons  = 5 490/365 + 50 + 4 + 70 + 5 + 50 = 5 490/365 + 179 ≈ 194.0411 kr
  // egen/cons = 56 590/365 + 12 + 30             = 56 590/365 + 42  ≈ 197.0411 kr
  // gross     = 2 000 × ref/cons                                       ≈ 388 082.19 kr
  // egenPaid  = 2 000 × 0.4 × egen/cons                                ≈ 157 632.88 kr
  // listetak lifted 2023-08-01 – 2023-12-31 = 153 of 365 days
  // S         = 2 000 × 0.5 × (1 − 0.2 × 153/365)                      ≈ 916.1644
  // saving    = S × (ref/cons + 20 + 0.4 × (egen/cons + 25))           ≈ 277 467.29 kr
  // net       = gross + egenPaid − saving = 1 429 492 432 / 5 329      ≈ 268 247.78 kr → 268 248 kr
  test("runDeterministic(problem) weights takster by days and applies the listetak rule by date", () => {
    const { scenario, params } = golden(GOLDEN_SECOND_YEAR);
    const problem = buildCostProblem(scenario, params);
    expect(problem.layout.listetakLiftedShare).toBeCloseTo(153 / 365, 12);
    const det = runDeterministic(problem);
    expect(det.consultations).toBe(2000);
    expect(det.grossRefusjon).toBeCloseTo(2000 * (5490 / 365 + 179), 6);
    expect(Math.round(det.net)).toBe(268_248);
    expect(det.net).toBeCloseTo(1_429_492_432 / 5_329, 6);
  });
});
