// Backfill as a time profile: a share before the listetak lifting, a linear rise to the long-run share after it.
import { describe, expect, test } from "vitest";
import { backfillRampAverage } from "../../src/cost/costKernel";
import { buildCostProblem } from "../../src/cost/costProblem";
import { runDeterministic } from "../../src/cost/deterministic";
import { golden, GOLDEN_SECOND_YEAR } from "../helpers";

describe("backfillRampAverage(rampMonths, start, end)", () => {
  test("is the mean of min(1, t / ramp) over [start, end], by hand", () => {
    // ramp 6, t from 0 to 5: mean of t/6 = 2.5 / 6 = 5/12
    expect(backfillRampAverage(6, 0, 5)).toBeCloseTo(5 / 12, 12);
    // ramp 6, t from 5 to 17: (∫5..6 t/6 dt + 11) / 12 = ((36 − 25)/12 + 11) / 12 = (11/12 + 11) / 12
    expect(backfillRampAverage(6, 5, 17)).toBeCloseTo((11 / 12 + 11) / 12, 12);
    expect(backfillRampAverage(0, 0, 5)).toBe(1); // no ramp: the long-run share at once
    expect(backfillRampAverage(6, 12, 24)).toBe(1); // fully ramped
  });
});

describe("the golden second agreement-year (2023) with a backfill profile", () => {
  // listetak lifted 2023-08-01: 153 of 365 days lifted, months since lifting 0 → 5 at the end of the year.
  // b0 = 0.1 before the lifting, b∞ = 0.2 (golden fastlegeBackfillShare), ramp 6 months: rampAvg = 5/12
  // b = 0.1 × 212/365 + 153/365 × (0.1 + (0.2 − 0.1) × 5/12) = (21.2 + 21.675) / 365 = 42.875 / 365
  // S = 2 000 × 0.5 × (1 − 42.875/365) ≈ 882.534 (the all-or-nothing switch gave 916.164)
  // saving = S × (ref/cons + 0.5 × 40 + 0.4 × (egen/cons + 0.5 × 50)), ref/cons = 5 490/365 + 179, egen/cons = 56 590/365 + 42
  test("runDeterministic(problem) equals the arithmetic", () => {
    const { scenario, params } = golden(GOLDEN_SECOND_YEAR, ["fastlegeBackfillShareBeforeLifting=0.1", "backfillRampMonths=6"]);
    const problem = buildCostProblem(scenario, params);
    expect(problem.layout.monthsSinceLifting.start).toBe(0);
    expect(problem.layout.monthsSinceLifting.end).toBeCloseTo(5, 12);
    const det = runDeterministic(problem);
    const S = 2000 * 0.5 * (1 - 42.875 / 365);
    const ref = 5490 / 365 + 179;
    const egen = 56590 / 365 + 42;
    expect(det.substitutionSaving).toBeCloseTo(S * (ref + 20 + 0.4 * (egen + 25)), 6);
  });

  test("with the neutral values (no backfill before, no ramp) the profile is the old switch: 2 000 × 0.5 × (1 − 0.2 × 153/365)", () => {
    const { scenario, params } = golden(GOLDEN_SECOND_YEAR);
    const det = runDeterministic(buildCostProblem(scenario, params));
    const S = 2000 * 0.5 * (1 - (0.2 * 153) / 365);
    expect(det.substitutionSaving).toBeCloseTo(S * (5490 / 365 + 179 + 20 + 0.4 * (56590 / 365 + 42 + 25)), 6);
  });

  test("more backfill before the lifting never lowers the net cost", () => {
    const net = (b0: string) =>
      runDeterministic(buildCostProblem(golden(GOLDEN_SECOND_YEAR, [`fastlegeBackfillShareBeforeLifting=${b0}`]).scenario, golden().params)).net;
    expect(net("0.1")).toBeGreaterThan(net("0"));
    expect(net("0.2")).toBeGreaterThan(net("0.1"));
  });
});
