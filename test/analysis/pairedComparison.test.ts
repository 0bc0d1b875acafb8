import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { comparePaired, scenarioDifferences } from "../../src/analysis/pairedComparison";
import { runCost } from "../../src/analysis/runCost";
import { loadScenario } from "../../src/scenario/loadScenario";
import { ROOT, realParams, STANDARD } from "../helpers";

const params = realParams();
const DIR = path.join(ROOT, "data/scenarios");
const load = (f: string) => loadScenario(f, params).scenario;
const opts = { draws: 20_000, seed: 42 };

describe("comparePaired", () => {
  test("comparePaired(A, A) gives a difference of exactly 0 in every draw, P(B > A) = 0 and no differences", () => {
    const s = load(STANDARD);
    const a = runCost(s, params, opts);
    const b = runCost(load(STANDARD), params, opts);
    const c = comparePaired(a, b, s, s);
    expect(c.shareEqual).toBe(1);
    expect([c.difference.mean, c.difference.sd, c.difference.min, c.difference.max, c.probabilityBHigher]).toEqual([0, 0, 0, 0, 0]);
    expect(c.differences).toEqual([]);
    for (let i = 0; i < a.net.length; i++) if (a.net[i] !== b.net[i]) throw new Error(`draw ${i} differs`);
  });

  test("comparePaired(standard, deltid-60): the paired sd of the difference is smaller than the unpaired one, B is cheaper in most draws, and the table names stillingsprosent", () => {
    const sa = load(STANDARD);
    const sb = load(path.join(DIR, "deltid-60.yaml"));
    const c = comparePaired(runCost(sa, params, opts), runCost(sb, params, opts), sa, sb);
    expect(c.difference.sd).toBeLessThan(c.unpairedSd);
    expect(c.difference.sd).toBeLessThan(0.5 * c.unpairedSd);
    expect(c.difference.mean).toBeLessThan(0);
    expect(c.probabilityBHigher).toBeLessThan(0.05);
    expect(c.difference.p10).toBeLessThanOrEqual(c.difference.p50);
    expect(c.difference.p50).toBeLessThanOrEqual(c.difference.p90);
    expect(c.differences.map((r) => r.field)).toEqual(expect.arrayContaining(["inputs.stillingsprosent", "allocation.stillingsprosentShare"]));
    expect(c.differences.find((r) => r.field === "inputs.stillingsprosent")!.b).toMatch(/0[.,]5.*0[.,]6.*0[.,]8/);
    // Same agreements: the whole national change is the cost per agreement.
    expect(Math.abs(c.national.volumeShare)).toBe(0);
    expect(c.national.costShare).toBe(1);
  }, 60_000);

  test("comparePaired(standard, 100-avtaler): the same cost per agreement in every draw; the national change is all volume, +35/65 of A's total", () => {
    const sa = load(STANDARD);
    const sb = load(path.join(DIR, "100-avtaler.yaml"));
    const c = comparePaired(runCost(sa, params, opts), runCost(sb, params, opts), sa, sb);
    expect(c.shareEqual).toBe(1);
    expect(c.national.volumeShare).toBeCloseTo(1, 12);
    expect(c.national.relativeChange).toBeCloseTo(35 / 65, 9);
    expect(c.differences).toEqual([{ field: "agreements", a: "—", b: "100" }]);
  }, 60_000);

  test("comparePaired refuses runs with different seeds or draws, naming both", () => {
    const s = load(STANDARD);
    expect(() => comparePaired(runCost(s, params, { draws: 1000, seed: 1 }), runCost(s, params, { draws: 1000, seed: 2 }), s, s)).toThrow(
      /same seed and draws.*seed 1 \/ 2/,
    );
  });

  test("scenarioDifferences lists correlations that differ, with 0 for a pair one side does not have", () => {
    const a = { name: "a", correlations: { pairs: [{ between: ["x", "y"], rho: 0.3 }] } };
    const b = {
      name: "b",
      correlations: {
        pairs: [
          { between: ["y", "x"], rho: 0.3 },
          { between: ["x", "z"], rho: -0.2 },
        ],
      },
    };
    expect(scenarioDifferences(a, b)).toEqual([{ field: "correlations: x–z", a: "0 (uavhengige)", b: "-0.2" }]);
  });
});
