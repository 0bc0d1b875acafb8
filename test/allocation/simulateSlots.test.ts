import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { readApplications } from "../../src/allocation/applications";
import { DEFAULT_POLICY } from "../../src/allocation/policy";
import { simulateSlots, slotRules, type SlotLife } from "../../src/allocation/simulateSlots";
import { loadRuleCatalogue } from "../../src/register/ruleCatalogue";
import { loadScenario } from "../../src/scenario/loadScenario";
import { ROOT, realParams, STANDARD } from "../helpers";

const params = realParams();
const scenario = loadScenario(STANDARD, params).scenario;
const apps = readApplications(path.join(ROOT, "data/allocation/synthetic-applications-2022.csv")).applications;
const rules = slotRules(loadRuleCatalogue(), 0.5);

describe("simulateSlots", () => {
  test("slots held never exceed the cap in any month; every slot keeps the rules (R03, R04, R06)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 0, max: 2 ** 31 }), (cap, seed) => {
        const lives: SlotLife[] = [];
        const s = simulateSlots(apps, DEFAULT_POLICY, cap, scenario.allocation!, rules, { replications: 20, seed, onSlot: (l) => lives.push(l) });
        for (let r = 0; r < 20; r++) {
          const held = new Array<number>(s.months).fill(0);
          for (const l of lives.filter((x) => x.replication === r)) for (let m = l.decision; m < Math.min(s.months, l.freed); m++) held[m]!++;
          expect(Math.max(...held)).toBeLessThanOrEqual(cap);
        }
        for (const l of lives) {
          if (l.doctors.length > 0) expect(l.doctors[0]!.start - l.decision).toBeLessThanOrEqual(rules.takeIntoUseMonths);
          for (const d of l.doctors) expect(d.months).toBeGreaterThanOrEqual(rules.minMonthsPerDoctor);
          for (const period of [1, 2]) {
            const ds = l.doctors.filter((d) => d.period === period);
            expect(ds.reduce((a, d) => a + d.months * d.fte, 0)).toBeLessThanOrEqual(rules.maxFteMonths + 1e-9);
            expect(ds.reduce((a, d) => a + d.leave, 0)).toBeLessThanOrEqual(rules.maxLeaveExtensionMonths); // R05
          }
          expect(l.freed).toBeGreaterThanOrEqual(l.decision);
        }
      }),
      { numRuns: 25, seed: 61 },
    );
  });

  test("over the whole horizon no kommune receives more slots than it requested; the counters add up", () => {
    const lives: SlotLife[] = [];
    const s = simulateSlots(apps, DEFAULT_POLICY, 65, scenario.allocation!, rules, { replications: 50, seed: 9, onSlot: (l) => lives.push(l) });
    const requested = new Map(apps.map((a) => [a.kommunenr, a.requested]));
    for (let r = 0; r < 50; r++) {
      const counts = new Map<string, number>();
      for (const l of lives.filter((x) => x.replication === r)) counts.set(l.kommunenr, (counts.get(l.kommunenr) ?? 0) + 1);
      for (const [k, n] of counts) expect(n).toBeLessThanOrEqual(requested.get(k)!);
    }
    // every slot beyond the first round's 65 was reallocated from the waiting list
    expect(s.slotsGranted.p50 - s.reallocated.p50).toBe(65);
    const regionGranted = Object.values(s.byHelseregion).reduce((a, x) => a + x.slotsGranted.p50, 0);
    expect(regionGranted).toBeGreaterThan(0);
  });

  test("second periods happen when granted and never beyond two", () => {
    const lives: SlotLife[] = [];
    simulateSlots(
      apps,
      DEFAULT_POLICY,
      65,
      {
        ...scenario.allocation!,
        secondPeriodProbability: { type: "fixed", value: 1 },
        chainProbability: { type: "fixed", value: 1 },
        recruitFailWithCandidate: { type: "fixed", value: 0 },
        recruitFailWithoutCandidate: { type: "fixed", value: 0 },
        recruitFailPerSentralitetStep: { type: "fixed", value: 0 },
        months: 120,
      },
      rules,
      { replications: 5, seed: 2, onSlot: (l) => lives.push(l) },
    );
    expect(lives.some((l) => l.doctors.some((d) => d.period === 2))).toBe(true);
    for (const l of lives) expect(l.doctors.every((d) => d.period === 1 || d.period === 2)).toBe(true);
  });

  test("the same seed gives identical output; another seed other draws", () => {
    const a = simulateSlots(apps, DEFAULT_POLICY, 65, scenario.allocation!, rules, { replications: 200, seed: 5 });
    const b = simulateSlots(apps, DEFAULT_POLICY, 65, scenario.allocation!, rules, { replications: 200, seed: 5 });
    const c = simulateSlots(apps, DEFAULT_POLICY, 65, scenario.allocation!, rules, { replications: 200, seed: 6 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(c.timeline)).not.toBe(JSON.stringify(a.timeline));
  });

  test("calibration: with the bundled 2022 round and the default parameters, about 34 of 65 are in place by August 2023", () => {
    // Observed: agreements in place for 34 of the 65 by 25 August 2023 (Helsedirektoratet, status report autumn 2023).
    const s = simulateSlots(apps, DEFAULT_POLICY, 65, scenario.allocation!, rules, { replications: 2000, seed: 20220615 });
    const aug2023 = s.timeline.find((t) => t.date.startsWith("2023-08"))!;
    expect(aug2023.inPlace.p10).toBeLessThanOrEqual(34);
    expect(aug2023.inPlace.p90).toBeGreaterThanOrEqual(34);
    expect(Math.abs(aug2023.inPlace.p50 - 34)).toBeLessThanOrEqual(4);
  });

  test("active agreement-months by calendar year add up to the doctors' working months inside the horizon", () => {
    const lives: SlotLife[] = [];
    const s = simulateSlots(apps, DEFAULT_POLICY, 65, { ...scenario.allocation!, months: 24 }, rules, {
      replications: 1,
      seed: 1,
      onSlot: (l) => lives.push(l),
    });
    const activeMonths = lives.reduce(
      (a, l) => a + l.doctors.reduce((b, d) => b + Math.max(0, Math.min(24, d.start + d.months) - Math.min(24, d.start)), 0),
      0,
    );
    expect(s.activeMonthsByYear.reduce((a, y) => a + y.months[0]!, 0)).toBe(activeMonths);
    // 24 months from 15 June 2022: 7 in 2022, 12 in 2023, 5 in 2024.
    expect(s.activeMonthsByYear.map((y) => [y.year, y.simulatedMonths])).toEqual([
      [2022, 7],
      [2023, 12],
      [2024, 5],
    ]);
    expect(s.utilisation.p50).toBeCloseTo(activeMonths / (65 * 24), 12);
  });
});
