// Folketrygden's share of the egenandel on average and at the margin: a hand-computed population with a tak,
// invariants over generated populations, and the default population against the national accounts.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { defaultExemptShares, exemptEgenandelShares, loadEgenandelPopulation, type PatientGroup } from "../../src/cost/exemptShares";
import { UserError } from "../../src/errors/userError";
import { loadScenario } from "../../src/scenario/loadScenario";
import { realParams, STANDARD } from "../helpers";

const group = (name: string, personShare: number, consultationsPerYear: number, otherEgenandelNok: number, exempt = false): PatientGroup => ({
  name,
  label: name,
  personShare,
  consultationsPerYear,
  otherEgenandelNok,
  exempt,
});

describe("exemptEgenandelShares(groups, tak, egenandel) on a small hand population", () => {
  // Tak 1 000 kr, egenandel 100 kr per consultation, four groups of equal size (0.25 each):
  //   child   (exempt)  2 cons,  other 0:    fastlege 200, folketrygden pays 200;               extra: 100 (all)
  //   adult A           3 cons,  other 0:    g = 300   < tak: pays 0;                             extra: g+e = 400 < tak: 0
  //   adult B          10 cons,  other 500:  g = 1 500: above tak 500; fastlege part 1 000 × 500 / 1 500 = 333.33; extra: 100
  //   adult C           5 cons,  other 480:  g = 980:  pays 0;                                   extra: 1 080 − 1 000 = 80
  // average  = (200 + 0 + 333.33 + 0) / (200 + 300 + 1 000 + 500) = 533.33 / 2 000            = 0.266667
  // marginal = (2 × 100 + 3 × 0 + 10 × 100 + 5 × 80) / ((2 + 3 + 10 + 5) × 100) = 1 600 / 2 000 = 0.8
  const population = [group("child", 0.25, 2, 0, true), group("A", 0.25, 3, 0), group("B", 0.25, 10, 500), group("C", 0.25, 5, 480)];

  test("gives the hand-computed average 0.266667 and marginal 0.8", () => {
    const r = exemptEgenandelShares(population, 1000, 100);
    expect(r.average).toBeCloseTo(533.333333 / 2000, 6);
    expect(r.marginal).toBeCloseTo(0.8, 12);
    expect(r.groups.map((g) => g.marginal)).toEqual([1, 0, 1, 0.8].map((x) => expect.closeTo(x, 12) as unknown as number));
    expect(r.groups.map((g) => g.consultationShare)).toEqual([0.1, 0.15, 0.5, 0.25].map((x) => expect.closeTo(x, 12) as unknown as number));
  });

  test("with a tak nobody reaches, both shares are the exempt group's share of the consultations (0.1)", () => {
    const r = exemptEgenandelShares(population, 1e9, 100);
    expect(r.average).toBeCloseTo(0.1, 12);
    expect(r.marginal).toBeCloseTo(0.1, 12);
  });

  test("refuses person shares that do not add up to 1, a tak of 0 and an egenandel of 0, naming what is allowed", () => {
    expect(() => exemptEgenandelShares([group("a", 0.5, 1, 0)], 1000, 100)).toThrowError(/personShare must add up to 1, got 0.5/);
    expect(() => exemptEgenandelShares(population, 0, 100)).toThrowError(UserError);
    expect(() => exemptEgenandelShares(population, 1000, 0)).toThrowError(/egenandel per consultation must be positive/);
  });

  test("for any population the marginal share is at least the average, and both lie in [0, 1]", () => {
    const g = fc.record({
      w: fc.double({ min: 0.01, max: 1, noNaN: true }),
      c: fc.double({ min: 0, max: 30, noNaN: true }),
      o: fc.double({ min: 0, max: 50_000, noNaN: true }),
      exempt: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(g, { minLength: 1, maxLength: 6 }),
        fc.double({ min: 100, max: 10_000, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        (gs, tak, e) => {
          const total = gs.reduce((a, x) => a + x.w, 0);
          if (!(gs.some((x) => x.c > 0) && gs.reduce((a, x) => a + x.w * x.c, 0) > 0)) return;
          const r = exemptEgenandelShares(
            gs.map((x, i) => group(`g${i}`, x.w / total, x.c, x.o, x.exempt)),
            tak,
            e,
          );
          expect(r.average).toBeGreaterThanOrEqual(-1e-12);
          expect(r.marginal).toBeLessThanOrEqual(1 + 1e-12);
          expect(r.marginal).toBeGreaterThanOrEqual(r.average - 1e-9);
        },
      ),
      { numRuns: 300, seed: 21 },
    );
  });
});

describe("the default population (data/reference/egenandel-population.yaml)", () => {
  const params = realParams();
  const d = defaultExemptShares(params);

  test("reproduces the national average share (1 136 + 519) / (1 136 + 519 + 2 232) = 42.6 % with the tak of 2023 (3 040 kr)", () => {
    expect(d.year).toBe(2023);
    expect(d.takNok).toBe(3040);
    expect(d.average).toBeCloseTo((1136 + 519) / (1136 + 519 + 2232), 2);
    // the exempt group holds the refunded "other" egenandeler: 519 / 3 887 = 13.4 % of the value
    expect(d.groups[0]!.consultationShare).toBeCloseTo(519 / 3887, 3);
  });

  test("gives a marginal share above the average, and the scenario's marginal input is centred on it", () => {
    expect(d.marginal).toBeGreaterThan(d.average + 0.05);
    const spec = loadScenario(STANDARD, params).scenario.inputs.marginalExemptEgenandelShare as { lav: number; mest_sannsynlig: number; hoy: number };
    expect(spec.mest_sannsynlig).toBeCloseTo(d.marginal, 2);
    expect(spec.lav).toBeLessThan(d.marginal);
    expect(spec.hoy).toBeGreaterThan(d.marginal);
  });

  test("every group says where its numbers come from", () => {
    for (const g of loadEgenandelPopulation().groups) expect(g.note.length).toBeGreaterThan(40);
  });
});
