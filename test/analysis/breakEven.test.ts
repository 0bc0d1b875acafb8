// Break-even and iso-cost: exact roots on linear models, the default scenario against a brute-force scan, contour
// points that evaluate to the target, and the bad-input messages.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { breakEven } from "../../src/analysis/breakEven";
import { brentRoot } from "../../src/analysis/brent";
import { centralCols, costModel, factorsOf, sampleInputs, setFactor, type CostModel } from "../../src/analysis/costModel";
import { percentileSorted, sortedCopy } from "../../src/stats/summarise";
import { isoCost } from "../../src/analysis/isoCost";
import { buildCostProblem } from "../../src/cost/costProblem";
import type { DistSpec } from "../../src/distributions/spec";
import { UserError } from "../../src/errors/userError";
import type { ModelInput } from "../../src/inputs/modelInput";
import { loadScenario } from "../../src/scenario/loadScenario";
import { realParams, STANDARD } from "../helpers";

function input(name: string, spec: DistSpec): ModelInput {
  return { name, label: name, unit: "", spec, lower: -Infinity, upper: Infinity, origin: "scenario" };
}

/** cost = 100 000 + 20 000 a − 300 000 b + 50 000 c (c fixed at 1). */
function linearModel(): CostModel {
  const inputs = [
    input("a", { type: "trippelestimat", lav: 0, mest_sannsynlig: 10, hoy: 30, form: "pert" }),
    input("b", { type: "uniform", min: 0, max: 1 }),
    input("c", { type: "fixed", value: 1 }),
  ];
  return {
    inputs,
    evaluate: (cols, k) => {
      const out = new Float64Array(k);
      for (let i = 0; i < k; i++) out[i] = 100_000 + 20_000 * cols[0]![i]! - 300_000 * cols[1]![i]! + 50_000 * cols[2]![i]!;
      return out;
    },
  };
}

function standardModel() {
  const params = realParams();
  const { scenario } = loadScenario(STANDARD, params, []);
  return costModel(buildCostProblem(scenario, params));
}

describe("Brent's method", () => {
  test("finds √2 on [0, 2] and the root of a cubic to the tolerance", () => {
    expect(brentRoot((x) => x * x - 2, 0, 2, 1e-14).root).toBeCloseTo(Math.SQRT2, 13);
    // x³ − 2x − 5 = 0 has its real root at 2.0945514815423265 (Wallis's example)
    expect(brentRoot((x) => x ** 3 - 2 * x - 5, 2, 3, 1e-14).root).toBeCloseTo(2.0945514815423265, 12);
  });

  test("property: for any line crossing zero inside the bracket, the root is −c/m", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 1e6, noNaN: true }), fc.double({ min: -0.99, max: 0.99, noNaN: true }), (m, r) => {
        const root = brentRoot((x) => m * (x - r), -1, 1, 1e-12).root;
        return Math.abs(root - r) < 1e-9;
      }),
    );
  });
});

describe("break-even on a linear model", () => {
  test("deterministic roots are exact: a* = (target − 100 000 + 300 000 × 0,5 − 50 000) / 20 000", () => {
    // central: a = 10 (mest sannsynlig), b = 0.5 (uniform median), c = 1 → cost = 100 000 + 200 000 − 150 000 + 50 000 = 200 000
    // a*: 100 000 + 20 000 a − 150 000 + 50 000 = 300 000 → a = 300 000 / 20 000 = 15
    // b*: 100 000 + 200 000 − 300 000 b + 50 000 = 300 000 → b = 50 000 / 300 000 = 1/6
    const r = breakEven(linearModel(), { target: 300_000, seed: 1, draws: 0 });
    expect(r.base).toBe(200_000);
    const a = r.rows.find((x) => x.name === "a")!;
    const b = r.rows.find((x) => x.name === "b")!;
    expect(a.deterministic.value).toBeCloseTo(15, 8);
    expect(b.deterministic.value).toBeCloseTo(1 / 6, 10);
    expect([a.rangeLow, a.rangeHigh, b.rangeLow, b.rangeHigh]).toEqual([0, 30, 0, 1]);
    // the fixed input c is not a factor
    expect(r.rows.map((x) => x.name)).toEqual(["a", "b"]);
  });

  test("a target the input cannot reach within its range gives null and the output at both ends", () => {
    // a over [0, 30]: cost from 0 + … = 100 000 − 150 000 + 50 000 = 0 to 600 000 + 0 = 600 000; 700 000 is out of reach
    const r = breakEven(linearModel(), { target: 700_000, seed: 1, draws: 0, inputs: ["a"] });
    expect(r.rows[0]!.deterministic).toEqual({ value: null, outputAtLow: 0, outputAtHigh: 600_000 });
  });

  test("P50 break-even: with b drawn, the median cost is linear in a, so a* = (target − median of the rest) / 20 000", () => {
    // median over b ~ U(0, 1) of 100 000 + 20 000 a − 300 000 b + 50 000 is 150 000 + 20 000 a − 300 000 × median(b)
    // so a* = (300 000 − 150 000 + 300 000 × median(b)) / 20 000, with median(b) of the same 4001 seeded draws
    const m = linearModel();
    const r = breakEven(m, { target: 300_000, seed: 7, draws: 4001, inputs: ["a"] });
    const medianB = percentileSorted(sortedCopy(sampleInputs(m.inputs, 4001, 7)[1]!), 0.5);
    expect(r.rows[0]!.p50!.value).toBeCloseTo((300_000 - 150_000 + 300_000 * medianB) / 20_000, 6);
  });

  test("property: for any target the line reaches, cost(a*) equals the target", () => {
    const m = linearModel();
    const f = factorsOf(m.inputs)[0]!;
    fc.assert(
      fc.property(fc.double({ min: 1, max: 599_999, noNaN: true }), (target) => {
        const a = breakEven(m, { target, seed: 1, draws: 0, inputs: ["a"] }).rows[0]!.deterministic.value!;
        const cols = centralCols(m.inputs, 1);
        setFactor(cols, f, a, 0, 1);
        return Math.abs(m.evaluate(cols, 1)[0]! - target) < 1e-6 * target;
      }),
      { numRuns: 50 },
    );
  });

  test("bad input: a target that is not positive, a fixed input, an unknown input", () => {
    const m = linearModel();
    for (const target of [0, -5, Number.NaN, Infinity]) expect(() => breakEven(m, { target, seed: 1 })).toThrow(/positive number of kroner/);
    expect(() => breakEven(m, { target: 1, seed: 1, inputs: ["c"] })).toThrow(UserError);
    expect(() => breakEven(m, { target: 1, seed: 1, inputs: ["c"] })).toThrow(/"c" is fixed at 1.*choose one of: a, b/);
    expect(() => breakEven(m, { target: 1, seed: 1, inputs: ["zz"] })).toThrow(/unknown input "zz"/);
  });
});

describe("break-even on the default scenario", () => {
  const model = standardModel();
  const r = breakEven(model, { target: 500_000, seed: 20240101, draws: 2000 });

  test("every deterministic break-even agrees with a brute-force scan of 4001 points to within one scan step", () => {
    const factors = factorsOf(model.inputs);
    let found = 0;
    for (const row of r.rows) {
      const f = factors.find((x) => x.name === row.name)!;
      const k = 4001;
      const cols = centralCols(model.inputs, k);
      const ts = Array.from({ length: k }, (_, i) => f.low + ((f.high - f.low) * i) / (k - 1));
      ts.forEach((t, i) => setFactor(cols, f, t, i, i + 1));
      const y = model.evaluate(cols, k);
      const crossings = ts.slice(0, -1).filter((_, i) => (y[i]! - 500_000) * (y[i + 1]! - 500_000) <= 0);
      if (row.deterministic.value === null) {
        expect(crossings, row.name).toEqual([]);
        continue;
      }
      found++;
      const step = (row.rangeHigh - row.rangeLow) / (k - 1);
      // with a stream factor the value is the first member's, so compare in value terms via its nearest crossing
      const values = crossings.map((t) => (f.byValue ? t : f.members[0]!.quantile(t)));
      const nearest = Math.min(...values.map((v) => Math.abs(v - row.deterministic.value!)));
      expect(nearest, row.name).toBeLessThanOrEqual(Math.abs(step) * 1.0001 + 1e-9);
    }
    expect(found).toBeGreaterThan(0);
  });

  test("the P50 break-even sits where the median over the draws equals the target (within 0.5 %)", () => {
    const withP50 = r.rows.filter((x) => x.p50?.value !== null && x.p50?.value !== undefined);
    expect(withP50.length).toBeGreaterThan(0);
    const factors = factorsOf(model.inputs);
    for (const row of withP50) {
      const f = factors.find((x) => x.name === row.name)!;
      if (!f.byValue) continue; // a stream's value is its first member's; checked through the deterministic scan
      const draws = sampleInputs(model.inputs, 2000, 20240101);
      setFactor(draws, f, row.p50!.value!, 0, 2000);
      const median = percentileSorted(sortedCopy(model.evaluate(draws, 2000)), 0.5);
      expect(Math.abs(median / 500_000 - 1), row.name).toBeLessThan(0.005);
      // the median moves in the same direction as the deterministic output over the range (monotone in each input)
      expect(row.p50!.outputAtHigh > row.p50!.outputAtLow, row.name).toBe(row.deterministic.outputAtHigh > row.deterministic.outputAtLow);
    }
  });
});

describe("iso-cost", () => {
  test("linear model: the contour is the line a = (target − 150 000 + 300 000 b) / 20 000 within a's range", () => {
    const r = isoCost(linearModel(), { target: 300_000, x: "a", y: "b", seed: 1, draws: 200, cells: 5 });
    expect(r.contour.length).toBeGreaterThan(10);
    for (const p of r.contour) expect(p.x).toBeCloseTo((300_000 - 150_000 + 300_000 * p.y) / 20_000, 6);
    expect(r.cells).toHaveLength(25);
    expect(r.central).toEqual({ x: 10, y: 0.5, output: 200_000 });
  });

  test("default scenario: every contour point evaluates to the target within 0.5 %, and P(exceed) rises across it", () => {
    const model = standardModel();
    const r = isoCost(model, { target: 500_000, x: "substitutionShare", y: "consultationsPerWeekFullTime", seed: 3, draws: 300, cells: 8 });
    expect(r.contour.length).toBeGreaterThan(5);
    const [fx, fy] = [
      factorsOf(model.inputs).find((f) => f.name === "substitutionShare")!,
      factorsOf(model.inputs).find((f) => f.name === "consultationsPerWeekFullTime")!,
    ];
    const cols = centralCols(model.inputs, r.contour.length);
    r.contour.forEach((p, i) => {
      setFactor(cols, fx, p.x, i, i + 1);
      setFactor(cols, fy, p.y, i, i + 1);
    });
    const y = model.evaluate(cols, r.contour.length);
    for (let i = 0; i < r.contour.length; i++) expect(Math.abs(y[i]! / 500_000 - 1)).toBeLessThan(0.005);
    const ps = r.cells.map((c) => c.pExceed);
    expect(Math.min(...ps)).toBeLessThan(0.5);
    expect(Math.max(...ps)).toBeGreaterThan(0.5);
  });

  test("bad input: two identical inputs, a fixed input, a target that is not positive", () => {
    const m = linearModel();
    expect(() => isoCost(m, { target: 1, x: "a", y: "a", seed: 1 })).toThrow(/must differ; both are "a"/);
    expect(() => isoCost(m, { target: 1, x: "a", y: "c", seed: 1 })).toThrow(/"c" is fixed/);
    expect(() => isoCost(m, { target: -1, x: "a", y: "b", seed: 1 })).toThrow(/positive number/);
  });
});
