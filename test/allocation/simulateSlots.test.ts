import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { readApplications } from "../../src/allocation/applications";
import { DEFAULT_POLICY } from "../../src/allocation/policy";
import { horizonMonths, simulateSlots, slotRules, type SlotLife } from "../../src/allocation/simulateSlots";
import { allocationSectionSchema, type AllocationSection } from "../../src/allocation/slotSchema";
import { loadRuleCatalogue } from "../../src/register/ruleCatalogue";
import { loadScenario } from "../../src/scenario/loadScenario";
import { UserError } from "../../src/errors/userError";
import { ROOT, realParams, STANDARD } from "../helpers";

const params = realParams();
const scenario = loadScenario(STANDARD, params).scenario;
const apps = readApplications(path.join(ROOT, "data/allocation/synthetic-applications-2022.csv")).applications;
const rules = slotRules(loadRuleCatalogue(), 0.5);
const OBSERVED = { date: "2023-08-25", inPlace: 34, source: "test" };
/** The standard section, short (through 2025), without calibration unless asked. */
const section = (over: Partial<AllocationSection> = {}): AllocationSection => {
  const { calibration: _c, ...rest } = scenario.allocation!;
  return { ...rest, horizon: 2025, ...over };
};
const onlyFirst = (over: Partial<AllocationSection> = {}): AllocationSection => {
  const { rounds: _r, ...rest } = section(over);
  return rest;
};

/** Slots held per month in replication r, recomputed from the slots' lives. */
function heldFromLives(lives: SlotLife[], H: number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const l of lives) {
    const h = out.get(l.replication) ?? out.set(l.replication, new Array<number>(H).fill(0)).get(l.replication)!;
    for (let m = l.decision; m < Math.min(H, l.freed); m++) h[m]!++;
  }
  return out;
}

describe("simulateSlots: rounds that keep coming, slots with their own events", () => {
  test("property: slots held never exceed the cap in any month; every slot keeps the rules (R03, R04, R05, R06)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom("waitingList", "pool"), (cap, seed, freedSlots) => {
        const lives: SlotLife[] = [];
        const sec = section({ rounds: { ...scenario.allocation!.rounds!, freedSlots } });
        const s = simulateSlots(apps, DEFAULT_POLICY, cap, sec, rules, { replications: 10, seed, onSlot: (l) => lives.push(l) });
        for (const held of heldFromLives(lives, s.months).values()) expect(Math.max(...held)).toBeLessThanOrEqual(cap);
        for (const t of s.timeline) expect(t.held.p90).toBeLessThanOrEqual(cap);
        for (const l of lives) {
          expect(l.seat).toBeLessThan(cap);
          if (l.doctors.length > 0) expect(l.doctors[0]!.start - l.decision).toBeLessThanOrEqual(rules.takeIntoUseMonths);
          for (const d of l.doctors) {
            expect(d.months).toBeGreaterThanOrEqual(rules.minMonthsPerDoctor);
            expect(d.fte).toBeGreaterThanOrEqual(rules.minStillingsprosent);
            expect(d.fte).toBeLessThanOrEqual(1);
          }
          for (const period of [1, 2]) {
            const ds = l.doctors.filter((d) => d.period === period);
            expect(ds.reduce((a, d) => a + d.months * d.fte, 0)).toBeLessThanOrEqual(rules.maxFteMonths + 1e-9);
            expect(ds.reduce((a, d) => a + d.leave, 0)).toBeLessThanOrEqual(rules.maxLeaveExtensionMonths);
          }
          expect(l.freed).toBeGreaterThan(l.decision);
        }
      }),
      { numRuns: 20, seed: 61 },
    );
  });

  test("property: no kommune holds more than it requested in a round (nor, sizing by need, more than its need); two seats never overlap", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.boolean(), (seed, sizeByNeed) => {
        const lives: SlotLife[] = [];
        const policy = { ...DEFAULT_POLICY, sizeByNeed };
        simulateSlots(apps, policy, 65, section(), rules, { replications: 10, seed, onSlot: (l) => lives.push(l) });
        const need = new Map(apps.map((a) => [a.kommunenr, a.doctorsNeedingSpecialisation]));
        const counts = new Map<string, { n: number; requested: number }>();
        for (const l of lives) {
          const key = `${l.replication}:${l.round}:${l.kommunenr}`;
          const c = counts.get(key) ?? counts.set(key, { n: 0, requested: l.requested }).get(key)!;
          c.n++;
          expect(l.requested).toBe(c.requested);
          expect(l.limit).toBeLessThanOrEqual(l.requested);
          if (sizeByNeed) expect(l.limit).toBeLessThanOrEqual(need.get(l.kommunenr)!);
        }
        for (const [key, c] of counts) {
          expect(c.n, key).toBeLessThanOrEqual(c.requested);
          if (sizeByNeed) expect(c.n, key).toBeLessThanOrEqual(need.get(key.split(":")[2]!)!);
        }
        const bySeat = new Map<string, SlotLife[]>();
        for (const l of lives) bySeat.set(`${l.replication}:${l.seat}`, [...(bySeat.get(`${l.replication}:${l.seat}`) ?? []), l]);
        for (const ls of bySeat.values()) {
          ls.sort((a, b) => a.decision - b.decision);
          for (let k = 1; k < ls.length; k++) expect(ls[k]!.decision).toBeGreaterThanOrEqual(ls[k - 1]!.freed);
        }
      }),
      { numRuns: 10, seed: 62 },
    );
  });

  test("property: events vary within a replication (months per doctor, stillingsprosent, time to start differ between slots)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        const lives: SlotLife[] = [];
        simulateSlots(apps, DEFAULT_POLICY, 65, section(), rules, { replications: 1, seed, onSlot: (l) => lives.push(l) });
        const docs = lives.flatMap((l) => l.doctors);
        // Doctors who worked their months in full (not cut by the FTE months left) show the event spread.
        expect(new Set(docs.map((d) => d.fte)).size).toBeGreaterThan(1);
        expect(new Set(docs.map((d) => d.months)).size).toBeGreaterThan(1);
        expect(new Set(lives.filter((l) => l.doctors.length > 0).map((l) => l.doctors[0]!.start - l.decision)).size).toBeGreaterThan(1);
      }),
      { numRuns: 15, seed: 63 },
    );
  });

  test("the same seed gives identical output; another seed other draws", () => {
    const a = simulateSlots(apps, DEFAULT_POLICY, 65, section(), rules, { replications: 100, seed: 5 });
    const b = simulateSlots(apps, DEFAULT_POLICY, 65, section(), rules, { replications: 100, seed: 5 });
    const c = simulateSlots(apps, DEFAULT_POLICY, 65, section(), rules, { replications: 100, seed: 6 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(c.timeline)).not.toBe(JSON.stringify(a.timeline));
  });

  test("only the 2022 round: the path is the continuing rounds' path until the first later round, then falls away", () => {
    const full = { ...section(), horizon: 2030 };
    const first = onlyFirst({ horizon: 2030 });
    const a = simulateSlots(apps, DEFAULT_POLICY, 65, full, rules, { replications: 300, seed: 7 });
    const b = simulateSlots(apps, DEFAULT_POLICY, 65, first, rules, { replications: 300, seed: 7 });
    expect(b.rounds).toEqual([]);
    expect(b.freedSlots).toBe("firstRoundOnly");
    const firstRound = a.rounds[0]!.month; // June 2023 (month 12)
    expect(firstRound).toBe(12);
    expect(JSON.stringify(b.timeline.slice(0, firstRound))).toBe(JSON.stringify(a.timeline.slice(0, firstRound)));
    // Today's path: the scheme empties out by 2030 (freed slots are lost once the waiting list is used up) ...
    expect(b.steadyState.held.p50).toBeLessThan(10);
    // ... while continuing rounds keep it going: the last year holds many more.
    expect(a.steadyState.held.p50).toBeGreaterThan(30);
    // Every slot beyond the first round's came from its waiting list.
    expect(b.slotsGranted.p50 - b.reallocated.p50).toBe(65);
  });

  test("continuing rounds reach a steady state: yearly mean slots held in 2028 and 2030 within 10 % of the cap", () => {
    const s = simulateSlots(apps, DEFAULT_POLICY, 65, { ...section(), horizon: 2030 }, rules, { replications: 400, seed: 8 });
    const yearMean = (y: number) => {
      const ms = s.timeline.filter((t) => t.date.startsWith(String(y)));
      return ms.reduce((a, t) => a + t.held.p50, 0) / ms.length;
    };
    expect(Math.abs(yearMean(2028) - yearMean(2030))).toBeLessThanOrEqual(0.1 * 65);
    expect(Math.abs(yearMean(2026) - yearMean(2028))).toBeLessThanOrEqual(0.1 * 65);
  });

  test("calibration (ABC): every accepted draw is within the band on the observed date; the fitted inputs' posteriors are reported beside their priors", () => {
    const s = simulateSlots(
      apps,
      DEFAULT_POLICY,
      65,
      { ...section(), calibration: { band: 3, priorDrawsPerReplication: 4, fitted: ["reallocationDelayMonths"] } },
      rules,
      {
        replications: 300,
        seed: 9,
        observed: OBSERVED,
      },
    );
    const c = s.calibration!;
    expect(c.accepted).toBe(s.replications);
    expect(c.accepted).toBeLessThanOrEqual(300);
    expect(c.priorDraws).toBeGreaterThanOrEqual(c.accepted);
    expect(c.acceptanceRate).toBeCloseTo(c.accepted / c.priorDraws, 12);
    const aug = s.timeline.find((t) => t.date.startsWith("2023-08"))!;
    expect(aug.inPlace.p10).toBeGreaterThanOrEqual(31);
    expect(aug.inPlace.p90).toBeLessThanOrEqual(37);
    expect(c.parameters.filter((p) => p.fitted).map((p) => p.name)).toEqual(["reallocationDelayMonths"]);
    expect(c.checks.map((k) => k.use)).toEqual(["fitted", "held-out", "held-out"]);
  });

  test("an ABC band that accepts no draw is a UserError naming the band and the simulated range", () => {
    const sec = {
      ...section(),
      recruitFailWithCandidate: { type: "fixed" as const, value: 1 },
      recruitFailWithoutCandidate: { type: "fixed" as const, value: 1 },
    };
    expect(() =>
      simulateSlots(apps, DEFAULT_POLICY, 65, { ...sec, calibration: { band: 0, priorDrawsPerReplication: 2, fitted: [] } }, rules, {
        replications: 20,
        seed: 1,
        observed: OBSERVED,
      }),
    ).toThrow(UserError);
    expect(() =>
      simulateSlots(apps, DEFAULT_POLICY, 65, { ...sec, calibration: { band: 0, priorDrawsPerReplication: 2, fitted: [] } }, rules, {
        replications: 20,
        seed: 1,
        observed: OBSERVED,
      }),
    ).toThrow(/allocation\.calibration\.band: ± 0 around 34 in place on 2023-08-25 accepts none of 40 prior draws/);
  });

  test("active agreement-months by calendar year add up to the doctors' working months; doctors starting by year to the spells", () => {
    const lives: SlotLife[] = [];
    const s = simulateSlots(apps, DEFAULT_POLICY, 65, onlyFirst({ months: 24 }), rules, { replications: 1, seed: 1, onSlot: (l) => lives.push(l) });
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
    const starts = lives.flatMap((l) => l.doctors).filter((d) => d.start < 24).length;
    expect(s.doctorsStartingByYear.reduce((a, y) => a + y.doctors[0]!, 0)).toBe(starts);
    expect(s.activity.spells.count).toBe(starts);
    expect(s.utilisation.p50).toBeCloseTo(activeMonths / (65 * 24), 12);
  });

  test("horizon: default through December 2030; months overrides", () => {
    expect(horizonMonths({ decisionDate: "2022-06-15", horizon: 2030 })).toBe(7 + 8 * 12);
    expect(horizonMonths({ decisionDate: "2022-06-15", horizon: 2030, months: 24 })).toBe(24);
  });
});

describe("allocation section: bad input", () => {
  const base = scenario.allocation!;
  const issue = (over: object) => {
    const r = allocationSectionSchema.safeParse({ ...base, ...over });
    expect(r.success).toBe(false);
    return r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  };
  test("rounds out of date order", () => {
    expect(issue({ rounds: { ...base.rounds, yearlyFrom: undefined, dates: ["2024-06-15", "2023-06-15"] } })).toMatch(
      /rounds\.dates\.1: 2023-06-15 is not after the round before it \(2024-06-15\)/,
    );
  });
  test("a round before the scheme started (1 January 2022)", () => {
    expect(issue({ decisionDate: "2021-12-01" })).toMatch(/decisionDate: 2021-12-01 is before the scheme started \(2022-01-01\)/);
    expect(issue({ rounds: { ...base.rounds, yearlyFrom: undefined, dates: ["2021-06-15"] } })).toMatch(
      /rounds\.dates\.0: 2021-06-15 is before the scheme started/,
    );
  });
  test("negative demand", () => {
    expect(issue({ rounds: { ...base.rounds, kommuner: { type: "trippelestimat", lav: -2, mest_sannsynlig: 5, hoy: 9 } } })).toMatch(
      /rounds\.kommuner: kommuner applying per round cannot be negative/,
    );
  });
  test("a horizon before the first round", () => {
    expect(issue({ horizon: 2021 })).toMatch(/horizon/);
    expect(issue({ decisionDate: "2024-06-15", rounds: undefined, horizon: 2023 })).toMatch(/horizon: 2023 is before the first round \(2024-06-15\)/);
  });
});
