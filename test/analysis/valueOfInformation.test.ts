// Value of information for the budget-line decision on the default scenario: orderings and the loss by hand.
import { describe, expect, test } from "vitest";
import { budgetNetBenefit, checkLossWeights, valueOfInformation } from "../../src/analysis/valueOfInformation";
import { buildCostProblem } from "../../src/cost/costProblem";
import { loadScenario } from "../../src/scenario/loadScenario";
import { realParams, STANDARD } from "../helpers";

describe("budget-line loss", () => {
  test("by hand: cost 40 against lines 30 and 50 with weights 1 (overrun) and 0,2 (unused)", () => {
    // line 30: overrun 10 × 1 = 10 → net benefit −10; line 50: unused 10 × 0,2 = 2 → −2
    const [a, b] = budgetNetBenefit(Float64Array.of(40), [30, 50], { overrun: 1, unused: 0.2 });
    expect([a![0], b![0]]).toEqual([-10, -2]);
  });

  test("bad input: negative or non-finite weights, or both zero", () => {
    expect(() => checkLossWeights({ overrun: -1, unused: 0.2 }, "--overrun-loss")).toThrow(/--overrun-loss: the overrun weight -1 is not allowed/);
    expect(() => checkLossWeights({ overrun: 1, unused: Number.NaN })).toThrow(/unused weight/);
    expect(() => checkLossWeights({ overrun: 0, unused: 0 })).toThrow(/both loss weights are 0/);
  });
});

describe("value of information on the default scenario", () => {
  const params = realParams();
  const { scenario } = loadScenario(STANDARD, params, []);
  const problem = buildCostProblem(scenario, params);
  const r = valueOfInformation(problem, params, { seed: 20240101, draws: 10_000 });

  test("EVPI ≥ every EVPPI, a group ≥ each of its members, all non-negative", () => {
    expect(r.evpi.perYear).toBeGreaterThan(0);
    for (const row of r.rows) {
      expect(row.perYear).toBeGreaterThanOrEqual(0);
      expect(row.perYear).toBeLessThanOrEqual(r.evpi.perYear);
    }
    const groups = r.rows.filter((x) => x.kind === "group");
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups)
      for (const m of g.members) {
        const member = r.rows.find((x) => x.kind === "input" && x.name === m)!;
        expect(g.perYear, `${g.name} ≥ ${m}`).toBeGreaterThanOrEqual(member.perYear * 0.999);
      }
  });

  test("over the horizon the value is the per-year value × the annuity factor at the guidance's rate", () => {
    // 10 years at 4 %: Σ 1,04^−t for t = 0…9 = 8,4353
    expect(r.horizonYears).toBe(10);
    expect(r.evpi.horizon / r.evpi.perYear).toBeCloseTo(8.43533, 4);
  });

  test("the decision is explicit: three budget lines with expected losses, the best has the least", () => {
    expect(r.decision.options.map((o) => o.key)).toEqual(["current", "p50", "p85"]);
    const best = r.decision.options.find((o) => o.key === r.decision.best)!;
    expect(best.expectedLossNok).toBe(Math.min(...r.decision.options.map((o) => o.expectedLossNok)));
    expect(r.decision.weights).toEqual({ overrun: 1, unused: 0.2 });
  });
});
