// The pre-trend diagnostics and sensitivity bounds on numbers small enough to check by hand (src/claims/preTrend.ts).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { linearPreTrendTest, preTrendLine, smoothnessBounds } from "../../src/claims/preTrend";

describe("pre-trend diagnostics", () => {
  test("preTrendLine(β) fits a + b·e over the months before −k only", () => {
    // e = −5 … 1 with anticipation 1: the line uses e = −5 … −2, where β = 2e + 11 (1, 3, 5, 7); e ≥ −1 are effects.
    const beta = Float64Array.from([1, 3, 5, 7, 100, -50, 9]);
    const line = preTrendLine(beta, -5, 1);
    expect(line.slope).toBeCloseTo(2, 12);
    expect(line.intercept).toBeCloseTo(11, 12);
    expect(preTrendLine(Float64Array.from([1, 2, Number.NaN]), -3, 0).slope).toBeNaN(); // fewer than 3 points
  });

  test("linearPreTrendTest(slope, draws, G) is t = slope / (sd · √(G/(G − 1))) against t(G − 1): p = 0.05 at the table's 2.776 for 4 df", () => {
    // draws −1, 0, 1: sd 1; G = 5: se = √(5/4) = 1.118034; slope 2.776445 · 1.118034 gives t = 2.776445, the 97.5 % point of t(4).
    const draws = Float64Array.from([-1, 0, 1]);
    const r = linearPreTrendTest(2.776445 * Math.sqrt(5 / 4), draws, 5)!;
    expect(r.se).toBeCloseTo(Math.sqrt(5 / 4), 12);
    expect(r.t).toBeCloseTo(2.776445, 6);
    expect(r.df).toBe(4);
    expect(r.p).toBeCloseTo(0.05, 5);
    expect(linearPreTrendTest(1, Float64Array.from([2, 2, 2]), 5)).toBeNull(); // no spread: no test
    expect(linearPreTrendTest(Number.NaN, draws, 5)).toBeNull();
  });

  test("linearPreTrendTest's p falls as |slope| grows and is symmetric in its sign (property)", () => {
    const draws = Float64Array.from([-1, 0.5, 0, 1, -0.5]);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true }), fc.integer({ min: 2, max: 200 }), (a, b, g) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const pLo = linearPreTrendTest(lo, draws, g)!.p;
        const pHi = linearPreTrendTest(hi, draws, g)!.p;
        expect(pHi).toBeLessThanOrEqual(pLo + 1e-12);
        expect(linearPreTrendTest(-hi, draws, g)!.p).toBeCloseTo(pHi, 12);
      }),
    );
  });

  test("smoothnessBounds: net − trend bias ∓ M · curvature, M a share of the baseline cost per doctor-month", () => {
    // net 1 000, a continuing pre-trend would add 100 (trend bias), curvature Σ w s(s+1)/2 = 50, baseline 10 000 kr:
    // M = 0 -> [900, 900]; M = 0.1 % -> 10 kr -> ± 500 -> [400, 1 400]. Replicates all equal the estimate.
    const draws = { net: Float64Array.from([1000, 1000]), trendBias: Float64Array.from([100, 100]), curvature: Float64Array.from([50, 50]), replications: 2 };
    const b = smoothnessBounds({ net: 1000, trendBias: 100, curvature: 50, baselineNok: 10_000 }, draws, [0, 0.001]);
    expect(b.map((x) => [x.mShare, x.mNok, x.lower, x.upper, ...x.ci95])).toEqual([
      [0, 0, 900, 900, 900, 900],
      [0.001, 10, 400, 1400, 400, 1400],
    ]);
  });
});
