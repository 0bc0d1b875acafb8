import { describe, expect, test } from "vitest";
import { kaplanMeier, survivalAt } from "../../src/stats/kaplanMeier";

describe("kaplanMeier", () => {
  // Months to leaving the kommune (event) or to the last observation (censored):
  //   3 E, 5 C, 6 E, 6 E, 8 C, 10 E, 12 C                                   (n = 7)
  //   t = 3:  at risk 7, 1 event -> S = 6/7
  //   t = 5:  censored -> at risk 5 afterwards
  //   t = 6:  at risk 5, 2 events -> S = 6/7 × 3/5 = 18/35
  //   t = 8:  censored -> at risk 2
  //   t = 10: at risk 2, 1 event -> S = 18/35 × 1/2 = 9/35
  // The naive share "still there at 6 months among all 7" would be 4/7 = 20/35, treating the one censored at 5
  // months as a stayer; KM does not.
  const obs = [
    { time: 3, event: true },
    { time: 5, event: false },
    { time: 6, event: true },
    { time: 6, event: true },
    { time: 8, event: false },
    { time: 10, event: true },
    { time: 12, event: false },
  ];

  test("kaplanMeier(small case) gives the hand-computed steps", () => {
    const steps = kaplanMeier(obs);
    expect(steps.map((s) => [s.time, s.atRisk, s.events])).toEqual([
      [3, 7, 1],
      [6, 5, 2],
      [10, 2, 1],
    ]);
    expect(steps[0]!.survival).toBeCloseTo(6 / 7, 12);
    expect(steps[1]!.survival).toBeCloseTo(18 / 35, 12);
    expect(steps[2]!.survival).toBeCloseTo(9 / 35, 12);
  });

  test("survivalAt reads the step function: 1 before the first event, the last step after", () => {
    const steps = kaplanMeier(obs);
    expect(survivalAt(steps, 2)).toBe(1);
    expect(survivalAt(steps, 7)).toBeCloseTo(18 / 35, 12);
    expect(survivalAt(steps, 100)).toBeCloseTo(9 / 35, 12);
    expect(survivalAt(steps, 6)).not.toBeCloseTo(20 / 35, 3); // not the naive share
  });

  test("an event and a censoring at the same time: the censored subject counts as at risk", () => {
    // 4 E, 4 C, 5 E: at t = 4, 3 at risk, 1 event -> 2/3; then 1 at risk at t = 5 -> 0
    const steps = kaplanMeier([
      { time: 4, event: true },
      { time: 4, event: false },
      { time: 5, event: true },
    ]);
    expect(steps.map((s) => [s.time, s.atRisk])).toEqual([
      [4, 3],
      [5, 1],
    ]);
    expect(steps[0]!.survival).toBeCloseTo(2 / 3, 12);
    expect(steps[1]!.survival).toBe(0);
  });

  test("no events gives no steps (survival 1); empty input gives no steps", () => {
    expect(kaplanMeier([{ time: 5, event: false }])).toEqual([]);
    expect(kaplanMeier([])).toEqual([]);
  });
});
