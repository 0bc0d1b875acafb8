import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import YAML from "yaml";
import { describe, expect, test } from "vitest";
import { monteCarloPrecision, nextDraws, percentilePrecision } from "../../src/analysis/precision";
import { runCost } from "../../src/analysis/runCost";
import { loadScenario } from "../../src/scenario/loadScenario";
import { realParams, STANDARD } from "../helpers";

const params = realParams();

describe("precision", () => {
  test("percentilePrecision(1..100, 0.5): order statistics 40 and 60 bound the median's 95 % interval, half-width 10", () => {
    // n p ∓ 1.96 √(n p (1 − p)) = 50 ∓ 9.80 → ranks 40 and 60 (1-based) → values 40 and 60; (60 − 40) / 2 = 10; SE = 10 / 1.96.
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    const p = percentilePrecision(sorted, 0.5);
    expect(p.halfWidth95).toBe(10);
    expect(p.se).toBeCloseTo(10 / 1.959964, 5);
  });

  test("monteCarloPrecision: the mean's SE is sd / √n, and every half-width shrinks about as 1/√n (4× the draws, half the width)", () => {
    const m = monteCarloPrecision(Float64Array.from([1, 2, 3, 4]), 2);
    expect(m.mean.se).toBe(1);
    const normalSorted = (n: number) => Float64Array.from({ length: n }, (_, i) => Math.sqrt(2) * inverseErf((2 * (i + 0.5)) / n - 1));
    const a = monteCarloPrecision(normalSorted(10_000), 1);
    const b = monteCarloPrecision(normalSorted(40_000), 1);
    expect(b.p85.halfWidth95 / a.p85.halfWidth95).toBeCloseTo(0.5, 1);
    expect(a.p50.halfWidth95).toBeCloseTo((1.96 * Math.sqrt(0.25 / 10_000)) / 0.3989, 3);
  });

  test("nextDraws sizes the next round from (half-width / target)², in whole blocks, at least one block more", () => {
    // 100 000 draws give 4 000 kr; 2 000 kr needs 4× → 400 000 × 1.1 = 440 000 → 9 blocks of 50 000 = 450 000.
    expect(nextDraws(100_000, 4000, 2000, 50_000, 1e7)).toBe(450_000);
    expect(nextDraws(100_000, 2001, 2000, 50_000, 1e7)).toBe(150_000);
    expect(nextDraws(100_000, 9e9, 1, 50_000, 1e6)).toBe(1e6);
  });
});

/** Inverse error function by bisection (test helper, slow but plain). */
function inverseErf(y: number): number {
  let lo = -6;
  let hi = 6;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (erf(mid) < y) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
function erf(x: number): number {
  // Abramowitz & Stegun 7.1.26 is too coarse here; use the series / continued fraction via Math functions.
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const tau =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - tau : tau - 1;
}

describe("runCost with correlations", () => {
  const write = (obj: unknown) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "introsim-cu-")), "s.yaml");
    fs.writeFileSync(file, YAML.stringify(obj));
    return file;
  };
  const raw = YAML.parse(fs.readFileSync(STANDARD, "utf8")) as Record<string, unknown>;

  test("runCost shows Shapley effects instead of Sobol when inputs are correlated, says why, and the effects sum to the variance", () => {
    const { scenario } = loadScenario(
      write({ ...raw, correlations: { pairs: [{ between: ["consultationsPerWeekFullTime", "substitutionShare"], rho: 0.5 }] } }),
      params,
    );
    const r = runCost(scenario, params, { draws: 20_000, sobolSamples: 512 }).report;
    expect(r.sensitivityMethod?.method).toBe("shapley");
    expect(r.sensitivityMethod?.reason).toMatch(/correlated/);
    expect(r.correlations?.names).toEqual(["consultationsPerWeekFullTime", "substitutionShare"]);
    const shap = r.shapley!;
    expect(shap.effects.reduce((s, e) => s + e.effect, 0)).toBeCloseTo(shap.variance, 0);
    expect(shap.effects.reduce((s, e) => s + e.share, 0)).toBeCloseTo(1, 9);
    expect(r.precision.draws).toBe(20_000);
    expect(r.precision.p85.halfWidth95).toBeGreaterThan(0);
  });

  test("runCost without correlations keeps Sobol (method sobol) and has no Shapley unless asked", () => {
    const { scenario } = loadScenario(STANDARD, params);
    const r = runCost(scenario, params, { draws: 5_000, sobolSamples: 256 }).report;
    expect(r.sensitivityMethod?.method).toBe("sobol");
    expect(r.shapley).toBeUndefined();
    expect(r.correlations).toBeUndefined();
  });
});
