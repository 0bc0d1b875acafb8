import { describe, expect, test } from "vitest";
import { sobolIndices, type SobolFactor } from "../../src/analysis/sobol";

// Ishigami function f = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i ~ U(−π, π), a = 7, b = 0.1 (Ishigami & Homma 1990).
// Analytic indices (Saltelli et al. 2008, "Global Sensitivity Analysis: The Primer"; also in SALib test_functions/Ishigami.py):
//   S1 = 0.3139, 0.4424, 0;  ST = 0.5576, 0.4424, 0.2437
const a = 7;
const b = 0.1;
const uniformPi = (u: number) => -Math.PI + 2 * Math.PI * u;
const factors: SobolFactor[] = [0, 1, 2].map((c) => ({ name: `x${c + 1}`, label: `x${c + 1}`, members: [{ column: c, quantile: uniformPi }] }));
const ishigami = (cols: Float64Array[], n: number) => {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x1 = cols[0]![i]!;
    const x2 = cols[1]![i]!;
    const x3 = cols[2]![i]!;
    out[i] = Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
  }
  return out;
};

describe("sobolIndices", () => {
  test("recovers the Ishigami function's analytic indices within 0.02 at N = 100 000", () => {
    const r = sobolIndices(factors, [0, 0, 0], ishigami, { samples: 100_000, seed: 7 });
    const by = Object.fromEntries(r.indices.map((x) => [x.name, x]));
    expect(by.x1!.firstOrder).toBeCloseTo(0.3139, 1);
    expect(Math.abs(by.x1!.firstOrder - 0.3139)).toBeLessThan(0.02);
    expect(Math.abs(by.x2!.firstOrder - 0.4424)).toBeLessThan(0.02);
    expect(Math.abs(by.x3!.firstOrder - 0)).toBeLessThan(0.02);
    expect(Math.abs(by.x1!.total - 0.5576)).toBeLessThan(0.02);
    expect(Math.abs(by.x2!.total - 0.4424)).toBeLessThan(0.02);
    expect(Math.abs(by.x3!.total - 0.2437)).toBeLessThan(0.02);
    // analytic variance: a²/8 + b π⁴/5 + b² π⁸/18 + 1/2 = 13.8446
    expect(r.variance).toBeCloseTo(13.8446, 0);
    expect(r.indices.map((x) => x.name)).toEqual(["x1", "x2", "x3"]); // ranked by total effect
  });

  test("an additive model has S1 = ST = its share of the variance; the same seed gives the same indices", () => {
    // f = x1 + 2 x2 with x_i ~ U(0, 1): V = 1/12 + 4/12; shares 0.2 and 0.8
    const lin: SobolFactor[] = [0, 1].map((c) => ({ name: `x${c + 1}`, label: "", members: [{ column: c, quantile: (u: number) => u }] }));
    const f = (cols: Float64Array[], n: number) => Float64Array.from({ length: n }, (_, i) => cols[0]![i]! + 2 * cols[1]![i]!);
    const r = sobolIndices(lin, [0, 0], f, { samples: 50_000, seed: 3 });
    const by = Object.fromEntries(r.indices.map((x) => [x.name, x]));
    for (const [name, share] of [
      ["x1", 0.2],
      ["x2", 0.8],
    ] as const) {
      expect(Math.abs(by[name]!.firstOrder - share)).toBeLessThan(0.02);
      expect(Math.abs(by[name]!.total - share)).toBeLessThan(0.02);
    }
    expect(sobolIndices(lin, [0, 0], f, { samples: 1000, seed: 3 })).toEqual(sobolIndices(lin, [0, 0], f, { samples: 1000, seed: 3 }));
  });
});

describe("sobolIndices intervals", () => {
  test("the Ishigami function's analytic indices lie inside the 95 % bootstrap intervals in at least 90 % of 20 seeds", () => {
    const analytic: Record<string, [number, number]> = { x1: [0.3139, 0.5576], x2: [0.4424, 0.4424], x3: [0, 0.2437] };
    let inside = 0;
    let cases = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const r = sobolIndices(factors, [0, 0, 0], ishigami, { samples: 4096, seed, bootstrap: 200 });
      for (const x of r.indices) {
        const [s1, st] = analytic[x.name]!;
        for (const [value, [lo, hi]] of [
          [s1, x.firstOrderCi95],
          [st, x.totalCi95],
        ] as const) {
          cases++;
          if (lo <= value && value <= hi) inside++;
        }
      }
    }
    // 20 seeds x 3 factors x 2 indices = 120 intervals
    expect(cases).toBe(120);
    expect(inside / cases).toBeGreaterThanOrEqual(0.9);
  });

  test("intervals contain their point estimate and narrow as N grows", () => {
    const small = sobolIndices(factors, [0, 0, 0], ishigami, { samples: 2000, seed: 5 });
    const large = sobolIndices(factors, [0, 0, 0], ishigami, { samples: 32_000, seed: 5 });
    for (const x of small.indices) {
      expect(x.firstOrderCi95[0]).toBeLessThanOrEqual(x.firstOrder);
      expect(x.firstOrder).toBeLessThanOrEqual(x.firstOrderCi95[1]);
      expect(x.totalCi95[0]).toBeLessThanOrEqual(x.total);
      expect(x.total).toBeLessThanOrEqual(x.totalCi95[1]);
      const y = large.indices.find((z) => z.name === x.name)!;
      expect(y.totalCi95[1] - y.totalCi95[0]).toBeLessThan(x.totalCi95[1] - x.totalCi95[0]);
    }
  });
});
