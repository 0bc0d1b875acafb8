import fc from "fast-check";
import { sampleRankCorrelation } from "simple-statistics";
import { describe, expect, test } from "vitest";
import { argsort, imposeRankCorrelation, planRankCorrelation } from "../../src/distributions/imanConover";
import {
  firstBreakingPair,
  isPositiveSemidefinite,
  nearestCorrelationMatrix,
  pearsonToSpearman,
  spearmanToPearson,
} from "../../src/distributions/correlationMatrix";
import { createSampler } from "../../src/distributions/sampler";
import type { DistSpec } from "../../src/distributions/spec";
import { CHUNK_SIZE } from "../../src/constants";
import { pearson, ranks } from "../../src/analysis/rankCorrelation";

/** Spearman's ρ: Pearson's r of the ranks (the analysis module's own ranks, average ranks for ties). */
const spearman = (x: Float64Array, y: Float64Array) => pearson(ranks(x), ranks(y));

const SPECS: DistSpec[] = [
  { type: "trippelestimat", lav: 0.5, mest_sannsynlig: 1, hoy: 1, form: "pert" },
  { type: "trippelestimat", lav: 40, mest_sannsynlig: 55, hoy: 70, form: "pert" },
  { type: "uniform", min: 0, max: 1 },
  { type: "lognormal", p5: 10, p95: 100 },
  { type: "trippelestimat", lav: 0, mest_sannsynlig: 0.3, hoy: 0.7, form: "triangel" },
  { type: "normal", p5: -1, p95: 3 },
] as DistSpec[];

function draw(k: number, n: number, seed: number): Float64Array[] {
  return Array.from({ length: k }, (_, j) => {
    const out = new Float64Array(n);
    createSampler(SPECS[j % SPECS.length]!, seed, `input${j}`).fill(out);
    return out;
  });
}

/** Imposes the target chunk by chunk, as runMonteCarlo does. */
function imposeInChunks(spearman: number[][], cols: Float64Array[], n: number): void {
  const plan = planRankCorrelation(spearman);
  for (let start = 0; start < n; start += CHUNK_SIZE) {
    const m = Math.min(CHUNK_SIZE, n - start);
    imposeRankCorrelation(
      plan,
      cols.map((c) => c.subarray(start, start + m)),
      m,
    );
  }
}

/** A random valid correlation matrix: W Wᵀ for random W, scaled to a unit diagonal (always PSD). */
const correlationMatrix = (k: number) =>
  fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: k * k, maxLength: k * k }).map((w) => {
    const row = (i: number) => w.slice(i * k, (i + 1) * k);
    // + 0.25 on the diagonal keeps every row's norm positive (W may have a zero row).
    const dot = (i: number, j: number) => row(i).reduce((s, x, t) => s + x * row(j)[t]!, i === j ? 0.25 : 0);
    const g = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => dot(i, j)));
    return g.map((r, i) => r.map((v, j) => (i === j ? 1 : v / Math.sqrt(g[i]![i]! * g[j]![j]!))));
  });

describe("Iman–Conover", () => {
  test("imposeRankCorrelation achieves random valid rank-correlation matrices within ±0.02 at 100 000 draws and keeps every marginal's sorted values bit for bit", () => {
    const n = 100_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }).chain((k) => fc.tuple(fc.constant(k), correlationMatrix(k), fc.integer({ min: 1, max: 2 ** 31 }))),
        ([k, target, seed]) => {
          const cols = draw(k, n, seed);
          const before = cols.map((c) => c.slice().sort());
          imposeInChunks(target, cols, n);
          cols.forEach((c, j) => expect(Buffer.from(c.slice().sort().buffer).equals(Buffer.from(before[j]!.buffer))).toBe(true));
          for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) expect(Math.abs(spearman(cols[i]!, cols[j]!) - target[i]![j]!)).toBeLessThan(0.02);
        },
      ),
      { numRuns: 6, seed: 19 },
    );
  }, 120_000);

  test("imposeRankCorrelation with ρ = 0.4 between two PERT inputs gives Spearman 0.4 ± 0.01 (golden: n = 100 000, SE ≈ 1/√n ≈ 0.003)", () => {
    const cols = draw(2, 100_000, 7);
    imposeInChunks(
      [
        [1, 0.4],
        [0.4, 1],
      ],
      cols,
      100_000,
    );
    expect(sampleRankCorrelation([...cols[0]!], [...cols[1]!])).toBeCloseTo(0.4, 1);
    expect(Math.abs(sampleRankCorrelation([...cols[0]!], [...cols[1]!]) - 0.4)).toBeLessThan(0.01);
  });

  test("imposeRankCorrelation is deterministic and leaves too-short chunks (n ≤ k) untouched", () => {
    const a = draw(3, 1000, 3);
    const b = draw(3, 1000, 3);
    const target = [
      [1, 0.5, -0.3],
      [0.5, 1, 0],
      [-0.3, 0, 1],
    ];
    imposeInChunks(target, a, 1000);
    imposeInChunks(target, b, 1000);
    expect(a.map((c) => [...c])).toEqual(b.map((c) => [...c]));
    const short = draw(3, 3, 3);
    const copy = short.map((c) => [...c]);
    expect(imposeRankCorrelation(planRankCorrelation(target), short, 3)).toBe(false);
    expect(short.map((c) => [...c])).toEqual(copy);
  });

  test("argsort(x) orders indices by value, ties by index, for negative, zero and large values", () => {
    const x = Float64Array.from([3.5, -2, 0, 1e300, -1e-300, 0, 3.5]);
    expect([...argsort(x, x.length)]).toEqual([1, 4, 2, 5, 0, 6, 3]);
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -1e6, max: 1e6 }).map((i) => i / 997),
          { minLength: 1, maxLength: 200 },
        ),
        (xs) => {
          const arr = Float64Array.from(xs);
          const order = argsort(arr, arr.length);
          for (let r = 1; r < arr.length; r++) expect(arr[order[r]!]!).toBeGreaterThanOrEqual(arr[order[r - 1]!]! - Math.abs(arr[order[r - 1]!]!) * 1e-9);
          expect([...order].sort((p, q) => p - q)).toEqual(xs.map((_, i) => i));
        },
      ),
      { numRuns: 100, seed: 1 },
    );
  });
});

describe("correlation matrices", () => {
  test("spearmanToPearson(0.5) = 2 sin(π/12) = 0.5176 and pearsonToSpearman inverts it", () => {
    expect(spearmanToPearson(0.5)).toBeCloseTo(0.517638, 6);
    expect(pearsonToSpearman(spearmanToPearson(0.37))).toBeCloseTo(0.37, 12);
    expect(spearmanToPearson(1)).toBeCloseTo(1, 12);
  });

  test("firstBreakingPair names the pair that makes a matrix non-PSD: a–b 0.6, a–c 0.6, b–c −0.9 breaks at the third; pairs not given count as 0", () => {
    // det = 1 + 2·0.6·0.6·ρ − 0.36 − 0.36 − ρ²: with ρ = b–c = −0.9, 1 − 0.648 − 0.72 − 0.81 = −1.178 < 0; with ρ = 0, 0.28 > 0.
    const pairs = [
      { i: 0, j: 1, rho: 0.6 },
      { i: 0, j: 2, rho: 0.6 },
      { i: 1, j: 2, rho: -0.9 },
    ];
    expect(firstBreakingPair(3, pairs)).toBe(2);
    expect(firstBreakingPair(3, pairs.slice(0, 2))).toBe(-1);
    expect(firstBreakingPair(3, [...pairs.slice(0, 2), { i: 1, j: 2, rho: 0.5 }])).toBe(-1);
    // a–b 0.9 and a–c 0.9 with b–c not given (0): det = 1 − 0.81 − 0.81 < 0, so the second pair already breaks it.
    expect(
      firstBreakingPair(3, [
        { i: 0, j: 1, rho: 0.9 },
        { i: 0, j: 2, rho: 0.9 },
      ]),
    ).toBe(1);
  });

  test("nearestCorrelationMatrix repairs a non-PSD matrix to a PSD one with a unit diagonal, and leaves a valid one as it is", () => {
    const bad = [
      [1, 0.9, 0.9],
      [0.9, 1, -0.9],
      [0.9, -0.9, 1],
    ];
    expect(isPositiveSemidefinite(bad)).toBe(false);
    const near = nearestCorrelationMatrix(bad);
    expect(isPositiveSemidefinite(near)).toBe(true);
    near.forEach((r, i) => expect(r[i]).toBe(1));
    const good = [
      [1, 0.3],
      [0.3, 1],
    ];
    expect(nearestCorrelationMatrix(good)[0]![1]).toBeCloseTo(0.3, 9);
  });
});
