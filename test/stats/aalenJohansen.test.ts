import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { aalenJohansen, cumulativeIncidenceAt, type CompetingObservation } from "../../src/stats/aalenJohansen";
import { kaplanMeier, survivalAt } from "../../src/stats/kaplanMeier";

describe("aalenJohansen", () => {
  // Months from start; cause 1 = specialist approval, cause 2 = left the kommune (competing), 0 = censored.
  //   1 S, 2 C, 3 S, 3 L, 4 C, 5 S                                                  (n = 6)
  //   t = 1: at risk 6, d1 = 1            F1 = 1 × 1/6                 = 4/24;  S = 5/6
  //   t = 2: censored -> at risk 4 afterwards
  //   t = 3: at risk 4, d1 = 1, d2 = 1    F1 += 5/6 × 1/4 = 5/24 -> 9/24; F2 = 5/24;  S = 5/6 × 2/4 = 5/12
  //   t = 4: censored -> at risk 1
  //   t = 5: at risk 1, d1 = 1            F1 += 5/12 × 1/1 = 10/24 -> 19/24;  S = 0
  // Check: F1 + F2 + S = 19/24 + 5/24 + 0 = 1. Treating leaving as censoring instead (1 − KM for cause 1):
  // S1 = 5/6 after t = 1, 5/6 × 3/4 = 15/24 after t = 3 (1 − S1 = 9/24, equal to F1 so far), 0 after t = 5, so
  // 1 − S1(5) = 1 > F1(5) = 19/24: the naive estimate treats the doctor who left as still able to become a specialist.
  const obs: CompetingObservation[] = [
    { time: 1, cause: 1 },
    { time: 2, cause: 0 },
    { time: 3, cause: 1 },
    { time: 3, cause: 2 },
    { time: 4, cause: 0 },
    { time: 5, cause: 1 },
  ];

  test("aalenJohansen(hand case with a competing event and censoring) gives the hand-computed steps", () => {
    const steps = aalenJohansen(obs, 2);
    expect(steps.map((s) => [s.time, s.atRisk, s.events])).toEqual([
      [1, 6, [1, 0]],
      [3, 4, [1, 1]],
      [5, 1, [1, 0]],
    ]);
    const f1 = steps.map((s) => s.cumulativeIncidence[0]!);
    const f2 = steps.map((s) => s.cumulativeIncidence[1]!);
    expect(f1[0]).toBeCloseTo(4 / 24, 14);
    expect(f1[1]).toBeCloseTo(9 / 24, 14);
    expect(f1[2]).toBeCloseTo(19 / 24, 14);
    expect(f2).toEqual([0, expect.closeTo(5 / 24, 14), expect.closeTo(5 / 24, 14)]);
    expect(steps.map((s) => s.survival)).toEqual([expect.closeTo(5 / 6, 14), expect.closeTo(5 / 12, 14), 0]);
  });

  test("cumulativeIncidenceAt(steps, cause, t) steps at event times and is 0 before the first", () => {
    const steps = aalenJohansen(obs, 2);
    expect(cumulativeIncidenceAt(steps, 1, 0.5)).toBe(0);
    expect(cumulativeIncidenceAt(steps, 1, 2.9)).toBeCloseTo(4 / 24, 14);
    expect(cumulativeIncidenceAt(steps, 1, 3)).toBeCloseTo(9 / 24, 14);
    expect(cumulativeIncidenceAt(steps, 2, 100)).toBeCloseTo(5 / 24, 14);
  });

  test("the naive 1 − Kaplan–Meier (competing event censored) overstates the hand case at t = 5 (1 against 19/24)", () => {
    const km = kaplanMeier(obs.map((o) => ({ time: o.time, event: o.cause === 1 })));
    expect(1 - survivalAt(km, 3)).toBeCloseTo(9 / 24, 14);
    expect(1 - survivalAt(km, 5)).toBe(1);
    expect(cumulativeIncidenceAt(aalenJohansen(obs, 2), 1, 5)).toBeCloseTo(19 / 24, 14);
  });

  test("aalenJohansen of empty input, one value, and refused input (NaN, negative time, unknown cause)", () => {
    expect(aalenJohansen([], 2)).toEqual([]);
    expect(aalenJohansen([{ time: 0, cause: 0 }], 1)).toEqual([]);
    expect(aalenJohansen([{ time: 1e12, cause: 1 }], 1)).toEqual([{ time: 1e12, atRisk: 1, events: [1], survival: 0, cumulativeIncidence: [1] }]);
    expect(() => aalenJohansen([{ time: NaN, cause: 1 }], 1)).toThrow(/time must be a finite number/);
    expect(() => aalenJohansen([{ time: -1, cause: 1 }], 1)).toThrow(/time must be a finite number/);
    expect(() => aalenJohansen([{ time: 1, cause: 3 }], 2)).toThrow(/cause must be 0 \(censored\) or 1\.\.2, got 3/);
    expect(() => aalenJohansen([], 0)).toThrow(/causes must be a whole number/);
  });

  const observations = fc.array(fc.record({ time: fc.integer({ min: 0, max: 40 }), cause: fc.integer({ min: 0, max: 2 }) }), { maxLength: 60 });

  test("property: Σ F_k + S = 1 at every step, and each F_k is non-decreasing", () => {
    fc.assert(
      fc.property(observations, (o) => {
        const frozen = Object.freeze(o.map((x) => Object.freeze({ ...x })));
        let prev = [0, 0];
        for (const s of aalenJohansen(frozen, 2)) {
          expect(s.cumulativeIncidence[0]! + s.cumulativeIncidence[1]! + s.survival).toBeCloseTo(1, 12);
          expect(s.cumulativeIncidence[0]!).toBeGreaterThanOrEqual(prev[0]! - 1e-15);
          expect(s.cumulativeIncidence[1]!).toBeGreaterThanOrEqual(prev[1]! - 1e-15);
          prev = s.cumulativeIncidence;
        }
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  test("property: with one cause it equals 1 − Kaplan–Meier; with two it never exceeds 1 − KM with the other cause censored", () => {
    fc.assert(
      fc.property(observations, fc.integer({ min: 0, max: 40 }), (o, t) => {
        const one = o.map((x) => ({ time: x.time, cause: x.cause > 0 ? 1 : 0 }));
        const km = kaplanMeier(one.map((x) => ({ time: x.time, event: x.cause === 1 })));
        expect(cumulativeIncidenceAt(aalenJohansen(one, 1), 1, t)).toBeCloseTo(1 - survivalAt(km, t), 12);
        const naive = 1 - survivalAt(kaplanMeier(o.map((x) => ({ time: x.time, event: x.cause === 1 }))), t);
        expect(cumulativeIncidenceAt(aalenJohansen(o, 2), 1, t)).toBeLessThanOrEqual(naive + 1e-12);
      }),
      { numRuns: 300, seed: 16 },
    );
  });
});
