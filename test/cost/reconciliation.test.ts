// The reconciliation of the scenario's refusjon per consultation with the national figure: a golden case by hand on
// the fixture data, and the default scenario (calibrated within the stated tolerance, adding up exactly).
import { describe, expect, test } from "vitest";
import { buildCostProblem } from "../../src/cost/costProblem";
import { runDeterministic } from "../../src/cost/deterministic";
import { MIX_TOLERANCE, reconcileRefusjon, type Reconciliation } from "../../src/cost/reconciliation";
import { loadScenario } from "../../src/scenario/loadScenario";
import { golden, realParams, STANDARD } from "../helpers";

const level = (r: Reconciliation, key: string) => r.rows.find((x) => x.key === key)!.nok;

/** The first level plus every step, walked in order: must land on each following level and on the last. */
function walk(r: Reconciliation): void {
  let running = r.rows[0]!.nok;
  for (const row of r.rows.slice(1)) {
    if (row.kind === "step") running += row.nok;
    else expect(running).toBeCloseTo(row.nok, 9);
  }
}

describe("reconcileRefusjon on the fixture data (golden.yaml, agreement-year from 2024-07-01)", () => {
  // National 2023 (fixture): 3 000 mill. kr takstrefusjoner / 10 mill. consultations      = 300 kr
  // Specialist add-on: 0.5 of fastleger × R(2dd) 40 kr                                    = 20 kr  → 280 kr
  // Scenario mix in 2023 prices: R(2ad) over calendar 2023 = (10 × 181 + 20 × 184) / 365   = 5 490 / 365 ≈ 15.0411 kr
  //   + 0.5 × 100 (2cd) + 0.2 × 20 (1ad) + 1.0 × 70 (1bd) + 0.5 × 10 (1e) + 50 (other)      = 179 kr → 194.0411 kr
  // Mix effect = 194.0411 − 280 = −85.9589 kr (−30.7 %: outside the 5 % tolerance)
  // LIS adjustment: lisRefusjonFactor absent → 1 → 0 kr
  // Agreement-year prices: R(2ad) = 20 → 199 kr; price change = 199 − 194.0411 = 4.9589 kr
  // Final = 199 kr = grossRefusjon / consultations = 348 250 / 1 750 (test/cost/golden.test.ts)
  test("every level and step equals the hand arithmetic and the chain adds up", () => {
    const { scenario, params } = golden();
    const r = reconcileRefusjon(scenario, params);
    expect(r.referenceYear).toBe(2023);
    expect(level(r, "national")).toBeCloseTo(300, 9);
    expect(level(r, "specialistAddOn")).toBeCloseTo(-20, 9);
    expect(level(r, "nationalWithoutSpecialist")).toBeCloseTo(280, 9);
    expect(level(r, "scenarioMix")).toBeCloseTo(5490 / 365 + 179, 9);
    expect(level(r, "mixEffect")).toBeCloseTo(5490 / 365 + 179 - 280, 9);
    expect(level(r, "lisAdjustment")).toBe(0);
    expect(level(r, "priceChange")).toBeCloseTo(199 - (5490 / 365 + 179), 9);
    expect(level(r, "scenario")).toBeCloseTo(199, 9);
    walk(r);
    expect(r.relativeMixEffect).toBeCloseTo((5490 / 365 + 179 - 280) / 280, 9);
    expect(r.withinTolerance).toBe(false);
    // egenandel per consultation: national (600 + 400 + 1 000) mill. kr / 10 mill. = 200 kr
    expect(r.egenandel.nationalNok).toBeCloseTo(200, 9);
  });

  test("a LIS factor of 0.9 shows as its own step: −0.1 × 194.0411 kr, and the final figure is 0.9 × 199 = 179.1 kr", () => {
    const { scenario, params } = golden(undefined, ["lisRefusjonFactor=0.9"]);
    const r = reconcileRefusjon(scenario, params);
    expect(level(r, "lisAdjustment")).toBeCloseTo(-0.1 * (5490 / 365 + 179), 9);
    expect(level(r, "scenario")).toBeCloseTo(179.1, 9);
    walk(r);
    const det = runDeterministic(buildCostProblem(scenario, params));
    expect(det.grossRefusjon / det.consultations).toBeCloseTo(179.1, 9);
  });
});

describe("reconcileRefusjon on the default scenario", () => {
  const params = realParams();
  const standard = loadScenario(STANDARD, params).scenario;
  const r = reconcileRefusjon(standard, params);

  test("adds up exactly from the national figure to the scenario's refusjon per consultation, which the kernel computes independently", () => {
    walk(r);
    const det = runDeterministic(buildCostProblem(standard, params));
    expect(level(r, "scenario")).toBeCloseTo(det.grossRefusjon / det.consultations, 9);
    // the national figure: 5 287 mill. kr / 16 884 831 consultations (Hdir V5.2; SSB)
    expect(level(r, "national")).toBeCloseTo(5_287_000_000 / 16_884_831, 9);
  });

  test(`the default takst mix reproduces the national refusjon per consultation without specialist add-on within ${MIX_TOLERANCE * 100} %`, () => {
    expect(Math.abs(r.relativeMixEffect)).toBeLessThanOrEqual(MIX_TOLERANCE);
    expect(r.withinTolerance).toBe(true);
    // the default LIS adjustment is 1 at its central value (no source for a LIS difference): the step is 0
    expect(level(r, "lisAdjustment")).toBe(0);
  });
});
