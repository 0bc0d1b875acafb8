// EVPI and EVPPI by regression (Strong, Oakley & Brennan 2014): an analytic linear-Gaussian decision, a nonlinear case
// against brute-force nested Monte Carlo, and the orderings EVPPI(group) ≥ EVPPI(member), EVPI ≥ EVPPI.
import fc from "fast-check";
import { errorFunction } from "simple-statistics";
import { describe, expect, test } from "vitest";
import { bsplineBasis, evpi, evppi, rankUniform } from "../../src/analysis/evppi";
import { createSampler } from "../../src/distributions/sampler";
import type { DistSpec } from "../../src/distributions/spec";
import { Z95 } from "../../src/distributions/quantile";

const Phi = (z: number) => 0.5 * (1 + errorFunction(z / Math.SQRT2));
const phi = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
/** E[max(0, a + sZ)] for Z standard normal, s > 0: a Φ(a/s) + s φ(a/s). */
const expectedPositivePart = (a: number, s: number) => a * Phi(a / s) + s * phi(a / s);

function draws(spec: DistSpec, n: number, seed: number, name: string): Float64Array {
  const x = new Float64Array(n);
  createSampler(spec, seed, name).fill(x, n);
  return x;
}
const standardNormal: DistSpec = { type: "normal", p5: -Z95, p95: Z95 };

describe("B-spline basis", () => {
  test("property: the basis is non-negative and sums to 1 at any u in [0, 1] (partition of unity)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 10 }), (u, k) => {
        const b = bsplineBasis(u, k);
        const sum = b.reduce((s, v) => s + v, 0);
        return b.every((v) => v >= -1e-12) && Math.abs(sum - 1) < 1e-12;
      }),
    );
  });

  test("rankUniform maps draws to (rank + 0.5) / n", () => {
    expect(Array.from(rankUniform(Float64Array.of(30, 10, 20, 40)))).toEqual([0.625, 0.125, 0.375, 0.875]);
  });
});

describe("linear-Gaussian decision with an analytic EVPPI", () => {
  // Two options: NB_0 = 0 and NB_1 = a + bX + cY, X, Y independent N(0, 1), a = 0,5, b = 1, c = 1,5.
  // E[NB_1 | X] = a + bX, so EVPPI(X) = E[max(0, a + bX)] − max(0, a) = a Φ(a/b) + b φ(a/b) − a
  //   = 0,5 × 0,69146 + 0,35207 − 0,5 = 0,19780;  EVPPI(Y) = 0,5 Φ(1/3) + 1,5 φ(1/3) − 0,5 = 0,38135;
  // EVPI = EVPPI(X, Y): a + sZ with s = √(1 + 2,25) = 1,80278: 0,5 Φ(0,27735) + 1,80278 φ(0,27735) − 0,5 = 0,49667.
  const n = 100_000;
  const X = draws(standardNormal, n, 11, "X");
  const Y = draws(standardNormal, n, 11, "Y");
  const [a, b, c] = [0.5, 1, 1.5];
  const nb = [new Float64Array(n), X.map((x, i) => a + b * x + c * Y[i]!)];
  const exact = {
    X: expectedPositivePart(a, b) - a,
    Y: expectedPositivePart(a, c) - a,
    XY: expectedPositivePart(a, Math.hypot(b, c)) - a,
  };

  test("the analytic values are as in the comment", () => {
    expect(exact.X).toBeCloseTo(0.1978, 3);
    expect(exact.Y).toBeCloseTo(0.38135, 3);
    expect(exact.XY).toBeCloseTo(0.49667, 3);
  });

  test("EVPPI(X), EVPPI(Y), EVPPI(X, Y) and EVPI are within 5 % of the analytic values", () => {
    const ex = evppi(nb, [X]).evppi;
    const ey = evppi(nb, [Y]).evppi;
    const exy = evppi(nb, [X, Y]).evppi;
    const e = evpi(nb);
    expect(Math.abs(ex / exact.X - 1)).toBeLessThan(0.05);
    expect(Math.abs(ey / exact.Y - 1)).toBeLessThan(0.05);
    expect(Math.abs(exy / exact.XY - 1)).toBeLessThan(0.05);
    expect(Math.abs(e / exact.XY - 1)).toBeLessThan(0.05);
    // orderings: a group is worth at least each member; perfect information at least any partial
    expect(exy).toBeGreaterThanOrEqual(Math.max(ex, ey));
    expect(e).toBeGreaterThanOrEqual(Math.max(ex, ey, exy) - 1e-9);
  });

  test("a group of three (X, Y and an irrelevant Z) has the EVPI within 5 %, and at least the pair's EVPPI (additive + interaction design)", () => {
    const Z = draws(standardNormal, n, 11, "Z");
    const g3 = evppi(nb, [X, Y, Z]).evppi;
    expect(Math.abs(g3 / exact.XY - 1)).toBeLessThan(0.05);
    expect(g3).toBeLessThanOrEqual(evpi(nb));
  });

  test("an input the decision does not depend on has EVPPI near 0 (below 2 % of EVPI)", () => {
    const Z = draws(standardNormal, n, 11, "Z");
    expect(evppi(nb, [Z]).evppi).toBeLessThan(0.02 * evpi(nb));
  });

  test("EVPI is 0 when one option is always best, and equals E[max] − max E by hand on three draws", () => {
    expect(evpi([Float64Array.of(1, 2, 3), Float64Array.of(0, 1, 2)])).toBe(0);
    // draws (NB_0, NB_1): (0, 3), (0, −1), (0, 1): E[max] = (3 + 0 + 1) / 3 = 4/3; max E = max(0, 1) = 1 → 1/3
    expect(evpi([Float64Array.of(0, 0, 0), Float64Array.of(3, -1, 1)])).toBeCloseTo(1 / 3, 12);
  });
});

describe("nonlinear decision against nested Monte Carlo", () => {
  // NB_0 = 0, NB_1 = X Y² − 0,5 with X ~ U(0, 2), Y ~ trippelestimat 0 / 0,5 / 2 (PERT): E[NB_1 | X] = X E[Y²] − 0,5
  // is linear in X, but E[NB_1 | Y] = Y² − 0,5 is not; the regression must bend.
  const specX: DistSpec = { type: "uniform", min: 0, max: 2 };
  const specY: DistSpec = { type: "trippelestimat", lav: 0, mest_sannsynlig: 0.5, hoy: 2, form: "pert" };
  const nbOf = (x: number, y: number) => x * y * y - 0.5;

  /** Nested Monte Carlo: outer draws of the input of interest, inner draws of the other. */
  function nested(of: "X" | "Y", outer: number, inner: number): number {
    const o = draws(of === "X" ? specX : specY, outer, 99, "outer");
    const inn = draws(of === "X" ? specY : specX, inner, 99, "inner");
    let sumMax = 0;
    let sumAll = 0;
    for (let i = 0; i < outer; i++) {
      let s = 0;
      for (let j = 0; j < inner; j++) s += of === "X" ? nbOf(o[i]!, inn[j]!) : nbOf(inn[j]!, o[i]!);
      const m = s / inner;
      sumMax += Math.max(0, m);
      sumAll += m;
    }
    return sumMax / outer - Math.max(0, sumAll / outer);
  }

  const n = 50_000;
  const X = draws(specX, n, 5, "X");
  const Y = draws(specY, n, 5, "Y");
  const nb = [new Float64Array(n), X.map((x, i) => nbOf(x, Y[i]!))];

  test("EVPPI(X) and EVPPI(Y) are within 5 % of nested Monte Carlo (3000 outer × 3000 inner draws)", () => {
    const nx = nested("X", 3000, 3000);
    const ny = nested("Y", 3000, 3000);
    expect(nx).toBeGreaterThan(0.01);
    expect(ny).toBeGreaterThan(0.01);
    expect(Math.abs(evppi(nb, [X]).evppi / nx - 1)).toBeLessThan(0.05);
    expect(Math.abs(evppi(nb, [Y]).evppi / ny - 1)).toBeLessThan(0.05);
  });

  test("the group {X, Y} determines NB, so its EVPPI is the EVPI (within 2 %) and at least each member's", () => {
    const g = evppi(nb, [X, Y]);
    expect(g.rSquared[0]!).toBeGreaterThan(0.99);
    expect(Math.abs(g.evppi / evpi(nb) - 1)).toBeLessThan(0.02);
    expect(g.evppi).toBeGreaterThanOrEqual(Math.max(evppi(nb, [X]).evppi, evppi(nb, [Y]).evppi));
  });
});
