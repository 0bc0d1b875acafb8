import fc from "fast-check";
import { describe, expect, test } from "vitest";
import betaQuantile from "@stdlib/stats-base-dists-beta-quantile";
import stdlibMt19937 from "@stdlib/random-base-mt19937";
import { createSampler, fastQuantile } from "../../src/distributions/sampler";
import { pertInverseCdf } from "../../src/distributions/pertInverse";
import { Mt19937 } from "../../src/distributions/mt19937";
import { centralValue, normalFrom90, pertShape, quantileFunction } from "../../src/distributions/quantile";
import { distSpec, support, type DistSpec } from "../../src/distributions/spec";
import { QUANTILE_GRID_INTERVALS } from "../../src/constants";

const pert = (lav: number, m: number, hoy: number): DistSpec => ({ type: "trippelestimat", lav, mest_sannsynlig: m, hoy, form: "pert" });

function draw(spec: DistSpec, n: number, seed = 1, name = "x"): Float64Array {
  const out = new Float64Array(n);
  createSampler(spec, seed, name).fill(out);
  return out;
}

describe("quantile functions", () => {
  test("pertShape(0, 0.5, 1) is Beta(3, 3); pertShape(0, 1, 1) is Beta(5, 1)", () => {
    expect(pertShape(0, 0.5, 1)).toEqual({ alpha: 3, beta: 3 });
    expect(pertShape(0, 1, 1)).toEqual({ alpha: 5, beta: 1 });
  });

  test("normalFrom90(10, 20) has mu 15 and sigma 5 / z0.95 = 5 / 1.6448536", () => {
    const { mu, sigma } = normalFrom90(10, 20);
    expect(mu).toBe(15);
    expect(sigma).toBeCloseTo(5 / 1.6448536269514722, 9);
    expect(quantileFunction({ type: "normal", p5: 10, p95: 20 })(0.95)).toBeCloseTo(20, 9);
    expect(quantileFunction({ type: "lognormal", p5: 10, p95: 40 })(0.05)).toBeCloseTo(10, 9);
  });

  test("centralValue is mest sannsynlig for a trippelestimat and the median otherwise", () => {
    expect(centralValue(pert(1, 2, 6))).toBe(2);
    expect(centralValue({ type: "uniform", min: 2, max: 4 })).toBe(3);
    expect(centralValue({ type: "lognormal", p5: 10, p95: 40 })).toBeCloseTo(20, 9);
    expect(centralValue({ type: "empirical", values: [5, 1, 3] })).toBe(3);
    expect(centralValue({ type: "empirical", values: [850, 1100, 1400, 2000] })).toBe(1250); // (1 100 + 1 400) / 2
  });

  test("quantileFunction and fastQuantile (PERT) stay within two grid cells of stdlib's exact beta quantile (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
        (lav, range, modeShare, u) => {
          const spec = pert(lav, lav + modeShare * range, lav + range);
          const { alpha, beta } = pertShape(lav, lav + modeShare * range, lav + range);
          const exact = lav + range * betaQuantile(u, alpha, beta);
          const tolerance = (2 * range) / QUANTILE_GRID_INTERVALS;
          expect(Math.abs(quantileFunction(spec)(u) - exact)).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(fastQuantile(spec)(u) - exact)).toBeLessThanOrEqual(tolerance);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });

  test("fastQuantile(normal) matches the exact quantile to 1e-5 of the 90 % interval", () => {
    const spec: DistSpec = { type: "normal", p5: 100, p95: 200 };
    const exact = quantileFunction(spec);
    const fast = fastQuantile(spec);
    for (let k = 1; k < 1000; k++) expect(Math.abs(fast(k / 1000) - exact(k / 1000))).toBeLessThan(1e-5 * 100);
  });

  test("pertInverseCdf returns lav and hoy at the ends and is monotone", () => {
    const q = pertInverseCdf(2, 3, 10, 1024);
    let prev = -Infinity;
    for (let k = 0; k <= 1000; k++) {
      const x = q(Math.min(k / 1000, 1 - 1e-12));
      expect(x).toBeGreaterThanOrEqual(prev);
      prev = x;
    }
    // Within about one cell of the 1 024-cell grid, (10 − 2) / 1024 = 0.0078, of the true ends.
    expect(Math.abs(q(1e-12) - 2)).toBeLessThan(1.5 * (8 / 1024));
    expect(Math.abs(q(1 - 1e-12) - 10)).toBeLessThan(1.5 * (8 / 1024));
  });
});

describe("Mt19937", () => {
  test("produces the same 32-bit stream as stdlib's mt19937 for the same seed (100 000 words, bulk and one by one)", () => {
    for (const seed of [1, 42, 20240101, 2 ** 32 - 1]) {
      const ref = stdlibMt19937.factory({ seed });
      const ours = new Mt19937(seed);
      const bulk = new Mt19937(seed);
      const u = new Float64Array(100_000);
      bulk.fillUniform(u.subarray(0, 777));
      bulk.fillUniform(u.subarray(777));
      for (let i = 0; i < 100_000; i++) {
        const word = ref();
        expect(ours.nextUint32()).toBe(word);
        expect(u[i]).toBe((word + 0.5) * 2 ** -32);
      }
    }
  });
});

describe("createSampler", () => {
  test("the same seed and name give identical draws; another seed or name gives different draws", () => {
    const spec = pert(0, 0.3, 1);
    expect(draw(spec, 1000, 5, "a")).toEqual(draw(spec, 1000, 5, "a"));
    expect(draw(spec, 1000, 6, "a")).not.toEqual(draw(spec, 1000, 5, "a"));
    expect(draw(spec, 1000, 5, "b")).not.toEqual(draw(spec, 1000, 5, "a"));
  });

  test("filling in chunks continues the stream: two fills of 500 equal one fill of 1000", () => {
    const spec = pert(0, 0.3, 1);
    const s = createSampler(spec, 9, "x");
    const a = new Float64Array(500);
    const b = new Float64Array(500);
    s.fill(a);
    s.fill(b);
    expect(Float64Array.from([...a, ...b])).toEqual(draw(spec, 1000, 9, "x"));
  });

  test("PERT draws have mean (lav + 4 m + hoy) / 6 and stay in [lav, hoy]", () => {
    // PERT mean: (0.2 + 4 × 0.5 + 0.8) / 6 = 0.5; sd = sqrt(αβ/((α+β)²(α+β+1))) × 0.6 with α = β = 3: 0.6 × sqrt(9/(36×7)) = 0.1134
    const x = draw(pert(0.2, 0.5, 0.8), 200_000);
    let s = 0;
    let ss = 0;
    for (const v of x) {
      expect(v).toBeGreaterThanOrEqual(0.2);
      expect(v).toBeLessThanOrEqual(0.8);
      s += v;
      ss += v * v;
    }
    const mean = s / x.length;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(Math.sqrt(ss / x.length - mean * mean)).toBeCloseTo(0.1134, 2);
  });

  test("triangular draws have mean (lav + m + hoy) / 3", () => {
    const x = draw({ type: "trippelestimat", lav: 0, mest_sannsynlig: 3, hoy: 6, form: "triangel" }, 100_000);
    expect(x.reduce((a, b) => a + b, 0) / x.length).toBeCloseTo(3, 1);
  });

  test("empirical draws only return the observations, each about equally often", () => {
    const x = draw({ type: "empirical", values: [1, 2, 3, 4] }, 40_000);
    const counts = new Map<number, number>();
    for (const v of x) counts.set(v, (counts.get(v) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([1, 2, 3, 4]);
    for (const c of counts.values()) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  test("two samplers on the same stream are comonotonic: their draws have identical ranks", () => {
    const a = new Float64Array(2000);
    const b = new Float64Array(2000);
    createSampler(pert(10, 15, 30), 4, "takst.2cd.refusjon").fill(a);
    createSampler(pert(100, 110, 140), 4, "takst.2cd.refusjon").fill(b);
    const order = (x: Float64Array) => [...x.keys()].sort((i, j) => x[i]! - x[j]!);
    expect(order(a)).toEqual(order(b));
  });

  test("an empirical spec with 200 000 observations is accepted (no call-stack overflow)", () => {
    const values = Array.from({ length: 200_000 }, (_, i) => i % 997);
    expect(distSpec.safeParse({ type: "empirical", values }).success).toBe(true);
    expect(support({ type: "empirical", values })).toEqual([0, 996]);
  });

  test("a fixed spec fills every draw with its value; a normal is clamped to the bounds given", () => {
    expect([...draw({ type: "fixed", value: 7 }, 5)]).toEqual([7, 7, 7, 7, 7]);
    const out = new Float64Array(10_000);
    createSampler({ type: "normal", p5: 0.1, p95: 0.9 }, 1, "n", 0, 1).fill(out);
    expect(Math.min(...out)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...out)).toBeLessThanOrEqual(1);
    expect(out.some((v) => v === 0 || v === 1)).toBe(true);
  });
});

describe("distSpec (zod)", () => {
  test("a bare number is a fixed value", () => {
    expect(distSpec.parse(0.5)).toEqual({ type: "fixed", value: 0.5 });
  });
  test("a trippelestimat with lav > hoy is refused with the rule's wording", () => {
    const r = distSpec.safeParse({ type: "trippelestimat", lav: 3, mest_sannsynlig: 2, hoy: 1 });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe("trippelestimat requires lav <= mest_sannsynlig <= hoy");
  });
  test("an unknown type names the types allowed", () => {
    const r = distSpec.safeParse({ type: "beta" });
    expect(r.error!.issues[0]!.message).toMatch(/type one of fixed, trippelestimat, uniform, normal, lognormal, empirical/);
  });
  test("NaN and Infinity are refused", () => {
    expect(distSpec.safeParse(Number.NaN).success).toBe(false);
    expect(distSpec.safeParse({ type: "uniform", min: 0, max: Infinity }).success).toBe(false);
  });
});
