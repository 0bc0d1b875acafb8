import fc from "fast-check";
import { sampleRankCorrelation } from "simple-statistics";
import { describe, expect, test } from "vitest";
import { shareAboveSorted, sortedCopy, summarise } from "../../src/stats/summarise";
import { histogramSorted } from "../../src/stats/histogram";
import { pearson, rankCorrelations, ranks } from "../../src/analysis/rankCorrelation";
import { tornado } from "../../src/analysis/tornado";
import type { ModelInput } from "../../src/inputs/modelInput";

describe("summarise", () => {
  test("summarise(1..10) interpolates percentiles linearly (type 7), mean 5.5 and sample sd 3.0277", () => {
    // position (n − 1) p: P10 → 0.9 → 1 + 0.9 = 1.9; P50 → 4.5 → 5.5; P85 → 7.65 → 8.65; P90 → 8.1 → 9.1
    // sd = sqrt(Σ (x − 5.5)² / 9) = sqrt(82.5 / 9)
    const s = summarise(Float64Array.from([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]));
    expect(s.mean).toBe(5.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(82.5 / 9), 12);
    expect(s.p10).toBeCloseTo(1.9, 12);
    expect(s.p50).toBeCloseTo(5.5, 12);
    expect(s.p85).toBeCloseTo(8.65, 12);
    expect(s.p90).toBeCloseTo(9.1, 12);
    expect([s.min, s.max]).toEqual([1, 10]);
  });

  test("summarise(one value) has sd 0 and every percentile equal to it; an empty input throws", () => {
    const s = summarise(Float64Array.of(42));
    expect([s.sd, s.p10, s.p90]).toEqual([0, 42, 42]);
    expect(() => summarise(new Float64Array(0))).toThrow();
  });

  test("shareAboveSorted counts strictly greater values", () => {
    const x = sortedCopy(Float64Array.from([1, 2, 2, 3, 5]));
    expect(shareAboveSorted(x, 2)).toBe(0.4);
    expect(shareAboveSorted(x, 0)).toBe(1);
    expect(shareAboveSorted(x, 5)).toBe(0);
  });

  test("sortedCopy does not mutate its input", () => {
    const x = Float64Array.from([3, 1, 2]);
    sortedCopy(x);
    expect([...x]).toEqual([3, 1, 2]);
  });
});

describe("histogramSorted", () => {
  test("counts add up to n and shares to 1; equal values give one bin", () => {
    const x = sortedCopy(Float64Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000));
    const h = histogramSorted(x, 10);
    expect(h).toHaveLength(10);
    expect(h.reduce((a, b) => a + b.count, 0)).toBe(1000);
    expect(h.reduce((a, b) => a + b.share, 0)).toBeCloseTo(1, 12);
    expect(histogramSorted(Float64Array.of(5, 5, 5), 10)).toEqual([{ x0: 5, x1: 5, count: 3, share: 1 }]);
    expect(histogramSorted(new Float64Array(0), 10)).toEqual([]);
  });
});

describe("rank correlation", () => {
  test("ranks() gives ties their average rank", () => {
    expect([...ranks(Float64Array.from([10, 20, 20, 5]))]).toEqual([2, 3.5, 3.5, 1]);
  });

  test("ranks(x) equals the ranks of a sort of the indices, ties averaged, bit for bit (property, with ties and -0)", () => {
    // The definition, as ranks() computed it before issue 18 (a comparator sort of indices, then each tie group averaged).
    const byIndexSort = (x: Float64Array): Float64Array => {
      const order = Array.from(x, (_, i) => i).sort((a, b) => x[a]! - x[b]!);
      const r = new Float64Array(x.length);
      for (let i = 0; i < x.length;) {
        let j = i;
        while (j + 1 < x.length && x[order[j + 1]!] === x[order[i]!]) j++;
        for (let k = i; k <= j; k++) r[order[k]!] = (i + j) / 2 + 1;
        i = j + 1;
      }
      return r;
    };
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(-0), fc.double({ noNaN: true })), { maxLength: 80 }), (values) => {
        const x = Float64Array.from(values);
        expect([...ranks(x)]).toEqual([...byIndexSort(x)]);
      }),
      { numRuns: 300, seed: 18 },
    );
  });

  test("rankCorrelations equals simple-statistics' sampleRankCorrelation (property, with ties)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })), { minLength: 3, maxLength: 60 }), (pairs) => {
        const x = Float64Array.from(pairs.map((p) => p[0]));
        const y = Float64Array.from(pairs.map((p) => p[1]));
        const ours = rankCorrelations([{ name: "x", label: "x", sample: x }], y)[0]!.rho;
        const theirs = sampleRankCorrelation([...x], [...y]);
        expect(ours).toBeCloseTo(Number.isFinite(theirs) ? theirs : 0, 10);
      }),
      { numRuns: 200, seed: 21 },
    );
  });

  test("pearson of a constant is 0 (not NaN)", () => {
    expect(pearson(Float64Array.of(1, 1, 1), Float64Array.of(1, 2, 3))).toBe(0);
  });
});

describe("tornado", () => {
  test("tornado(y = 2a − b) swings a by 2 × (P90 − P10) and b by 1 ×, sorted by swing; fixed inputs are left out", () => {
    const u = (name: string, min: number, max: number): ModelInput => ({
      name,
      label: name,
      unit: "",
      spec: { type: "uniform", min, max },
      lower: -Infinity,
      upper: Infinity,
      origin: "scenario",
    });
    const inputs = [u("b", 0, 10), u("a", 0, 10), { ...u("c", 0, 0), spec: { type: "fixed" as const, value: 3 } }];
    const t = tornado(inputs, [5, 5, 3], (cols, k) => Float64Array.from({ length: k }, (_, i) => 2 * cols[1]![i]! - cols[0]![i]! + cols[2]![i]!));
    expect(t.base).toBe(2 * 5 - 5 + 3);
    expect(t.rows.map((r) => r.name)).toEqual(["a", "b"]);
    // a: P10 = 1, P90 = 9 → y = 2 − 5 + 3 = 0 and 18 − 5 + 3 = 16, swing 16
    expect(t.rows[0]).toMatchObject({ inputLow: 1, inputHigh: 9, outputAtLow: 0, outputAtHigh: 16, swing: 16 });
    expect(t.rows[1]!.swing).toBe(8);
  });
});
