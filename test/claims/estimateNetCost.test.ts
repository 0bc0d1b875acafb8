// The estimator on a world small enough to compute by hand.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { estimateNetCost } from "../../src/claims/estimateNetCost";
import { generateClaims } from "../../src/claims/generateClaims";
import { NAMED_WORLDS } from "../../src/claims/syntheticWorld";
import { estimateWithSimulation } from "../../src/analysis/compareWithSimulation";
import { CLAIMS_HEADER, DOCTORS_HEADER, GOLDEN_DOCTORS, tempDir, writeCsv } from "./helpers";

/*
 * Months 2023-01 … 2023-06 (6 months); agreement A1 starts 2023-04-01 (event month 0 = April), baseline Jan–Mar (3).
 * Comparison K1, K2 (own practices): 100 kr a month Jan–Mar, 120 kr Apr–Jun  =>  C = 100, 100, 100, 120, 120, 120;
 *   mean over the baseline C̄ = 100, so C(t) / C̄ = 1.2 in every month after the start.
 * Avgivende V1: 200 kr Jan–Mar (baseline 200), 180 kr Apr–Jun.
 *   counterfactual = 200 × 1.2 = 240 a month; fall = 3 × (240 − 180) = 180 kr.
 * Intro I1: one 2ad line a month Apr–Jun, refusjon 100 kr + egenandel 160 kr, patient not exempt => 100 kr each;
 *   plus one line in May for an exempt patient, refusjon 10 + egenandel 20 => 30 kr. Intro cost = 330 kr.
 * Agreement-years = 3 months / 12 = 0.25.  Net = (330 − 180) / 0.25 = 600 kr per agreement-year;
 *   intro 330 / 0.25 = 1 320; fall 180 / 0.25 = 720.
 * Event study: before the start 200 − 2 × 100 = 0 (β = 0, slope 0); after 180 − 2 × 120 = −60 kr per doctor-month.
 * K1 and K2 are identical, so every bootstrap replicate equals the estimate: the interval is [600, 600].
 */
function goldenFiles(): { claims: string; doctors: string } {
  const dir = tempDir();
  const line = (doc: string, practice: string, date: string, ref: number, egen = 0, exempt = "nei") =>
    `${doc},${practice},0301,${date},2ad,${ref},${egen},${exempt},N1`;
  const months = ["2023-01-15", "2023-02-15", "2023-03-15", "2023-04-15", "2023-05-15", "2023-06-15"];
  const lines = [
    ...months.map((d, i) => line("K1", "P2", d, i < 3 ? 10_000 : 12_000)),
    ...months.map((d, i) => line("K2", "P3", d, i < 3 ? 10_000 : 12_000)),
    ...months.map((d, i) => line("V1", "P1", d, i < 3 ? 20_000 : 18_000)),
    ...months.slice(3).map((d) => line("I1", "P1", d, 10_000, 16_000, "nei")),
    line("I1", "P1", "2023-05-20", 1_000, 2_000, "ja"),
  ];
  return { claims: writeCsv(dir, "claims.csv", CLAIMS_HEADER, lines), doctors: writeCsv(dir, "doctors.csv", DOCTORS_HEADER, GOLDEN_DOCTORS) };
}

describe("estimateNetCost", () => {
  test("estimateNetCost(golden world) gives the hand-computed 600 kr per agreement-year, its components and event study", async () => {
    const { claims, doctors } = goldenFiles();
    const r = await estimateNetCost(claims, doctors, { bootstrap: 50, seed: 1 });
    expect(r.validation.claims).toMatchObject({ read: 22, accepted: 22, rejected: 0 });
    expect(r.agreementYears).toBeCloseTo(0.25, 12);
    expect(r.netCostPerAgreementYear.estimate).toBeCloseTo(600, 9);
    expect(r.netCostPerAgreementYear.ci95[0]).toBeCloseTo(600, 9);
    expect(r.netCostPerAgreementYear.ci95[1]).toBeCloseTo(600, 9);
    expect(r.components.introCostPerAgreementYear.estimate).toBeCloseTo(1320, 9);
    expect(r.components.avgivendeFallPerAgreementYear.estimate).toBeCloseTo(720, 9);
    expect(r.components.introRefusjonNok).toBeCloseTo(310, 9);
    expect(r.components.introEgenandelPaidNok).toBeCloseTo(20, 9);
    expect(r.eventStudy.map((c) => [c.e, Math.round(c.estimate * 1e6) / 1e6])).toEqual([
      [-3, 0],
      [-2, 0],
      [-1, 0],
      [0, -60],
      [1, -60],
      [2, -60],
    ]);
    expect(r.preTrend.slopeNokPerMonth.estimate).toBeCloseTo(0, 9);
    expect(r.preTrend.parallelTrendsPlausible).toBe(true);
    expect(r.preTrend.linear).toBeNull(); // every replicate equals the estimate: no spread, no t
    // Smoothness bounds: the effect window is e = 0, 1, 2 with one doctor-month each, per agreement-year (0.25):
    // s = e + 1, Σ s(s + 1)/2 = 1 + 3 + 6 = 10 -> 40; baseline 200 kr per doctor-month; the pre-trend line is 0.
    // M = 0.01 % -> 0.02 kr -> ± 0.02 · 40 = 0.8 kr around 600.
    const s1 = r.sensitivity.smoothness.find((x) => x.mShare === 0.0001)!;
    expect([s1.mNok, s1.lower, s1.upper]).toEqual([expect.closeTo(0.02, 12), expect.closeTo(599.2, 9), expect.closeTo(600.8, 9)]);
    expect(r.sensitivity.smoothness[0]).toMatchObject({ mShare: 0, lower: expect.closeTo(600, 9), upper: expect.closeTo(600, 9) });
    expect(r.span).toEqual({ from: "2023-01", to: "2023-06" });
    expect(r.reference).toMatchObject({ hodEstimateNok: 500_000, position: "above-interval" });
    expect(r.manifest).toMatchObject({ bootstrap: 50, seed: 1, claims: { rowsRead: 22 }, doctors: { rows: 4 } });
    expect(r.manifest.claims.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.warnings[0]).toMatch(/only 1 practices host an agreement/);
  });

  test("estimateNetCost leaves out an agreement with too short a baseline and says why", async () => {
    const { claims } = goldenFiles();
    const dir = tempDir();
    const doctors = writeCsv(dir, "doctors.csv", DOCTORS_HEADER, [
      ...GOLDEN_DOCTORS,
      "I2,intro,A2,2023-02-01,2023-06-30",
      "V2,avgivende_fastlege,A2,2023-02-01,2023-06-30",
    ]);
    const r = await estimateNetCost(claims, doctors, { bootstrap: 10, seed: 1 });
    expect(r.agreements.included).toBe(1);
    expect(r.agreements.excluded).toEqual([{ agreementId: "A2", reason: "fewer than 3 months of claims before the start" }]);
    expect(r.netCostPerAgreementYear.estimate).toBeCloseTo(600, 9);
  });

  test("estimateNetCost refuses when no comparison fastlege has claims", async () => {
    const dir = tempDir();
    const claims = writeCsv(dir, "claims.csv", CLAIMS_HEADER, ["V1,P1,0301,2023-01-15,2ad,100,0,nei,N1", "I1,P1,0301,2023-04-15,2ad,100,0,nei,N1"]);
    const doctors = writeCsv(dir, "doctors.csv", DOCTORS_HEADER, GOLDEN_DOCTORS);
    await expect(estimateNetCost(claims, doctors, { bootstrap: 10 })).rejects.toThrow(/no agreement can be estimated|no comparison fastlege/);
  });

  test("estimateWithSimulation places the estimate in the simulation's distribution", async () => {
    const { claims, doctors } = goldenFiles();
    const r = await estimateWithSimulation(claims, doctors, { bootstrap: 10, scenario: "data/scenarios/standard.yaml", simulationDraws: 2000 });
    expect(r.simulation!.p10).toBeLessThan(r.simulation!.p90);
    expect(r.simulation!.percentileRank).toBe(0); // 600 kr is below every simulated draw
    expect(r.simulation!.insideP10P90).toBe(false);
  });

  test("estimateNetCost(same extract) with DuckDB threads 1 and 4 gives the same JSON, estimate and every interval, bit for bit", async () => {
    // Sums of doubles depend on the order threads add them in; the SQL keeps money in integer øre (and the baseline
    // means in integer millionths of an øre) until the sums are done, so the thread count cannot move a bit.
    const dir = path.join(tempDir(), "x");
    try {
      await generateClaims(dir, { rows: 200_000, seed: 5, badRows: 12, world: NAMED_WORLDS["prior-billing"], threads: 2 });
      const run = (threads: number) =>
        estimateNetCost(path.join(dir, "claims.parquet"), path.join(dir, "doctors.parquet"), { bootstrap: 99, seed: 5, threads }).then((r) =>
          JSON.stringify(r),
        );
      const one = await run(1);
      const four = await run(4);
      expect(JSON.parse(one).netCostAdjustedForPriorActivity).not.toBeNull();
      expect(JSON.parse(one).validation.claims.rejected).toBe(12);
      expect(four).toBe(one);
    } finally {
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  }, 120_000);
});
