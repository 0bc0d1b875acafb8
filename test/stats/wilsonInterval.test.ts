import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { wilsonInterval } from "../../src/stats/wilsonInterval";

describe("wilsonInterval", () => {
  test("wilsonInterval(5, 10, 0.95) is 0.2366–0.7634 (by hand: centre 0.5, half-width 1.96·√(0.025 + 0.0096)/1.3842 = 0.2634)", () => {
    const w = wilsonInterval(5, 10, 0.95);
    expect(w.share).toBe(0.5);
    expect(w.low).toBeCloseTo(0.2366, 4);
    expect(w.high).toBeCloseTo(0.7634, 4);
  });

  test("wilsonInterval(0, 5, 0.95) starts at 0 and is not degenerate (the Wald interval would be 0–0)", () => {
    const w = wilsonInterval(0, 5, 0.95);
    expect(w.low).toBeCloseTo(0, 15);
    // z²/n / (1 + z²/n) with z = 1.959964: 0.76829 / 1.76829 = 0.4345
    expect(w.high).toBeCloseTo(0.4345, 4);
  });

  test("wilsonInterval refuses n < 1, x outside 0..n, a level outside (0, 1) and NaN", () => {
    expect(() => wilsonInterval(0, 0, 0.95)).toThrow(/n must be a whole number 1 or more/);
    expect(() => wilsonInterval(6, 5, 0.95)).toThrow(/x must be a whole number from 0 to n = 5, got 6/);
    expect(() => wilsonInterval(1, 5, 1)).toThrow(/level must be above 0 and below 1/);
    expect(() => wilsonInterval(NaN, 5, 0.95)).toThrow(/x must be/);
  });

  test("property: low <= share <= high within [0, 1], and a higher level gives a wider interval", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, u) => {
        const x = Math.min(n, Math.floor(u * (n + 1)));
        const w = wilsonInterval(x, n, 0.9);
        const wide = wilsonInterval(x, n, 0.99);
        expect(0 <= w.low && w.low <= w.share + 1e-12 && w.share <= w.high + 1e-12 && w.high <= 1).toBe(true);
        expect(wide.high - wide.low).toBeGreaterThan(w.high - w.low);
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});
