import quantileNormal from "@stdlib/stats-base-dists-normal-quantile";
import { describe, expect, test } from "vitest";
import { shapleyEffects } from "../../src/analysis/shapley";
import { sobolIndices, type SobolFactor } from "../../src/analysis/sobol";

/** Factor i drives column i through `q`. */
const factorsFor = (qs: Array<(u: number) => number>): SobolFactor[] =>
  qs.map((q, i) => ({ name: `x${i + 1}`, label: `X${i + 1}`, members: [{ column: i, quantile: q }] }));

const linear =
  (beta: number[]) =>
  (cols: Float64Array[], n: number): Float64Array => {
    const y = new Float64Array(n);
    beta.forEach((b, j) => {
      for (let i = 0; i < n; i++) y[i]! += b * cols[j]![i]!;
    });
    return y;
  };

describe("shapleyEffects", () => {
  test("shapleyEffects on Y = X1 + X2 + 2 X3 with X ~ N(0, 1), corr(X2, X3) = 0.6 matches the closed form within 0.02 and sums to the variance", () => {
    // Owen & Prieur 2017 (doi:10.1137/16M1097717), linear Gaussian with one correlated pair (β = 1, 1, 2; σ = 1; ρ = 0.6):
    //   Sh1 = β1² = 1
    //   Sh2 = β2² (1 − ρ²/2) + ρ² β3² / 2 + ρ β2 β3 = 0.82 + 0.72 + 1.2 = 2.74
    //   Sh3 = β3² (1 − ρ²/2) + ρ² β2² / 2 + ρ β2 β3 = 3.28 + 0.18 + 1.2 = 4.66
    //   Var Y = 1 + 1 + 4 + 2 ρ β2 β3 = 8.4 = 1 + 2.74 + 4.66
    const rho = 0.6;
    const r = [
      [1, 0, 0],
      [0, 1, rho],
      [0, rho, 1],
    ];
    const q = (u: number) => quantileNormal(u, 0, 1);
    const res = shapleyEffects(factorsFor([q, q, q]), [0, 0, 0], r, linear([1, 1, 2]), { seed: 5, permutations: 20_000, varianceDraws: 200_000 });
    const byName = Object.fromEntries(res.effects.map((e) => [e.name, e]));
    expect(Math.abs(byName.x1!.share - 1 / 8.4)).toBeLessThan(0.02);
    expect(Math.abs(byName.x2!.share - 2.74 / 8.4)).toBeLessThan(0.02);
    expect(Math.abs(byName.x3!.share - 4.66 / 8.4)).toBeLessThan(0.02);
    expect(res.variance).toBeCloseTo(8.4, 0);
    expect(res.effects.reduce((s, e) => s + e.effect, 0)).toBeCloseTo(res.variance, 6);
    expect(res.evaluations).toBe(200_000 + 20_000 * 2 * 1 * 3);
  });

  test("shapleyEffects with independent inputs lies between each input's first-order and total Sobol index (Ishigami, a = 7, b = 0.1)", () => {
    // Ishigami (Ishigami & Homma 1990): Y = sin X1 + 7 sin² X2 + 0.1 X3⁴ sin X1, X_i ~ U(−π, π). Analytic indices
    // (Sobol & Levitan 1999): S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437). X3 acts only with X1, so its
    // Shapley share is ST3 / 2 = 0.1218 and X1's is S1 + (ST1 − S1) / 2 = 0.4358; X2's is 0.4424.
    const ishigami = (cols: Float64Array[], n: number) => {
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const s1 = Math.sin(cols[0]![i]!);
        y[i] = s1 + 7 * Math.sin(cols[1]![i]!) ** 2 + 0.1 * cols[2]![i]! ** 4 * s1;
      }
      return y;
    };
    const u = (p: number) => -Math.PI + 2 * Math.PI * p;
    const factors = factorsFor([u, u, u]);
    const identity = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    const sh = shapleyEffects(factors, [0, 0, 0], identity, ishigami, { seed: 9, permutations: 20_000, varianceDraws: 200_000 });
    const sobol = sobolIndices(factors, [0, 0, 0], ishigami, { samples: 50_000, seed: 9, bootstrap: 0 });
    const expected: Record<string, number> = { x1: 0.4358, x2: 0.4424, x3: 0.1218 };
    for (const e of sh.effects) {
      const s = sobol.indices.find((i) => i.name === e.name)!;
      expect(e.share).toBeGreaterThanOrEqual(s.firstOrder - 0.02);
      expect(e.share).toBeLessThanOrEqual(s.total + 0.02);
      expect(Math.abs(e.share - expected[e.name]!)).toBeLessThan(0.02);
    }
    expect(sh.effects.reduce((s, e) => s + e.share, 0)).toBeCloseTo(1, 9);
  });

  test("shapleyEffects is the same for the same seed, and a constant model has no variance to share", () => {
    const q = (p: number) => p;
    const r = [
      [1, 0.3],
      [0.3, 1],
    ];
    const a = shapleyEffects(factorsFor([q, q]), [0, 0], r, linear([1, 2]), { seed: 1, permutations: 200, varianceDraws: 1000 });
    const b = shapleyEffects(factorsFor([q, q]), [0, 0], r, linear([1, 2]), { seed: 1, permutations: 200, varianceDraws: 1000 });
    expect(a).toEqual(b);
    const flat = shapleyEffects(factorsFor([q, q]), [0, 0], r, (_c, n) => new Float64Array(n).fill(3), { seed: 1, permutations: 50, varianceDraws: 100 });
    expect(flat.variance).toBe(0);
    expect(flat.effects.map((e) => e.share)).toEqual([0, 0]);
  });
});
