import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { allocateRound, grantLimit, rankApplications } from "../../src/allocation/allocateRound";
import { parseApplicationsCsv, type Application } from "../../src/allocation/applications";
import { DEFAULT_POLICY, policySchema } from "../../src/allocation/policy";
import { HELSEREGIONER } from "../../src/register/helseregion";

const app = (a: Partial<Application> & Pick<Application, "kommunenr">): Application => ({
  row: 1,
  kommune: a.kommunenr,
  helseregion: "Sør-Øst",
  sentralitet: 3,
  round: 2022,
  requested: 1,
  mainPurpose: true,
  doctorsNeedingSpecialisation: 1,
  hasCandidate: true,
  ...a,
});

// Five kommuner, cap 4:
//   A 0301 Sør-Øst     requests 2, main purpose, 3 doctors need specialisation
//   B 1806 Nord        requests 1, main purpose, 5 doctors
//   C 4601 Vest        requests 2, NOT main purpose, 10 doctors
//   D 5001 Midt-Norge  requests 1, main purpose, 3 doctors
//   E 5401 Nord        requests 2, NOT main purpose, 1 doctor
// Ranking: main purpose first (B 5, then A and D with 3 each: tie broken by kommunenr, A 0301 before D 5001),
// then the others by doctors (C 10, E 1): B, A, D, C, E.
// Default policy: tier 1 (main purpose) pass 1 gives B 1, A 1, D 1 (3 used); pass 2 gives A its 2nd (4 = cap).
// C and E get nothing: the cap is reached before them.
// With minPerHelseregion 1: Nord's best (B), Midt-Norge's (D), Vest's (C), Sør-Øst's (A) get 1 each = 4 = cap,
// so A gets 1 of 2 and C gets 1 through geography although it does not serve the main purpose.
const FIVE = [
  app({ kommunenr: "0301", kommune: "A", helseregion: "Sør-Øst", requested: 2, doctorsNeedingSpecialisation: 3 }),
  app({ kommunenr: "1806", kommune: "B", helseregion: "Nord", requested: 1, doctorsNeedingSpecialisation: 5 }),
  app({ kommunenr: "4601", kommune: "C", helseregion: "Vest", requested: 2, mainPurpose: false, doctorsNeedingSpecialisation: 10 }),
  app({ kommunenr: "5001", kommune: "D", helseregion: "Midt-Norge", requested: 1, doctorsNeedingSpecialisation: 3 }),
  app({ kommunenr: "5401", kommune: "E", helseregion: "Nord", requested: 2, mainPurpose: false, doctorsNeedingSpecialisation: 1, sentralitet: 5 }),
];

describe("allocateRound, five kommuner and a cap of 4, by hand", () => {
  test("default policy: ranking B, A, D, C, E; grants B 1, A 2, D 1; C and E none, each with its reason", () => {
    const r = allocateRound(FIVE, DEFAULT_POLICY, 4);
    expect(r.decisions.map((d) => [d.kommune, d.rank, d.granted])).toEqual([
      ["B", 1, 1],
      ["A", 2, 2],
      ["D", 3, 1],
      ["C", 4, 0],
      ["E", 5, 0],
    ]);
    expect(r.decisions[0]!.reason).toBe("Fikk alle 1: hovedformål, 5 leger trenger spesialisering (rang 1).");
    expect(r.decisions[3]!.reason).toBe("Ikke tildelt: det nasjonale taket på 4 ble nådd før ikke hovedformål, 10 leger trenger spesialisering (rang 4).");
    expect(r.totals).toEqual({
      requested: 8,
      granted: 4,
      byHelseregion: {
        Nord: { requested: 3, granted: 1 },
        "Sør-Øst": { requested: 2, granted: 2 },
        "Midt-Norge": { requested: 1, granted: 1 },
        Vest: { requested: 2, granted: 0 },
      },
    });
  });

  test("minimum of 1 per helseregion: B, D, C, A get 1 each; A's reason names the cap, C's the geography", () => {
    const r = allocateRound(FIVE, policySchema.parse({ minPerHelseregion: 1 }), 4);
    expect(Object.fromEntries(r.decisions.map((d) => [d.kommune, d.granted]))).toEqual({ B: 1, A: 1, D: 1, C: 1, E: 0 });
    expect(r.decisions.find((d) => d.kommune === "A")!.reason).toMatch(/^Fikk 1 av 2: det nasjonale taket på 4 ble nådd;/);
    expect(r.decisions.find((d) => d.kommune === "C")!.reason).toMatch(/1 av dem etter minstekravet per helseregion/);
  });

  test("a weight for low sentralitet lifts E's score (1 doctor × (1 + 20) = 21) above C's 10 within its tier", () => {
    const ranked = rankApplications(FIVE, policySchema.parse({ lowSentralitetWeight: 20 }));
    expect(ranked.map((a) => a.kommune)).toEqual(["B", "A", "D", "E", "C"]);
  });

  test("a cap per kommune of 1 limits A and names the limit", () => {
    const r = allocateRound(FIVE, policySchema.parse({ maxPerKommune: 1 }), 10);
    const a = r.decisions.find((d) => d.kommune === "A")!;
    expect(a.granted).toBe(1);
    expect(a.reason).toMatch(/^Fikk 1 av 2: taket per kommune er 1;/);
  });
});

describe("allocateRound invariants (property tests)", () => {
  const application = fc.record({
    kommunenr: fc.integer({ min: 1, max: 9999 }).map((n) => String(n).padStart(4, "0")),
    helseregion: fc.constantFrom(...HELSEREGIONER),
    sentralitet: fc.integer({ min: 1, max: 6 }),
    requested: fc.integer({ min: 1, max: 6 }),
    mainPurpose: fc.boolean(),
    doctorsNeedingSpecialisation: fc.integer({ min: 0, max: 20 }),
  });
  const apps = fc.uniqueArray(application, { minLength: 1, maxLength: 40, selector: (a) => a.kommunenr }).map((xs) => xs.map((x) => app(x)));
  const policy = fc
    .record({
      minPerHelseregion: fc.integer({ min: 0, max: 3 }),
      lowSentralitetWeight: fc.double({ min: 0, max: 3, noNaN: true }),
      maxPerKommune: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      sizeByNeed: fc.boolean(),
    })
    .map((p) => policySchema.parse(p));

  test("never more than the cap, never more than requested or the cap per kommune; all demand met when it fits", () => {
    fc.assert(
      fc.property(apps, policy, fc.integer({ min: 1, max: 100 }), (as, p, cap) => {
        const r = allocateRound(as, p, cap);
        expect(r.totals.granted).toBeLessThanOrEqual(cap);
        for (const d of r.decisions) {
          expect(d.granted).toBeLessThanOrEqual(d.requested);
          if (p.maxPerKommune) expect(d.granted).toBeLessThanOrEqual(p.maxPerKommune);
        }
        const demand = as.reduce((s, a) => s + grantLimit(a, p), 0);
        expect(r.totals.granted).toBe(Math.min(cap, demand));
      }),
      { numRuns: 500, seed: 51 },
    );
  });

  test("a main-purpose application is never ranked below one that is not; without geography, no non-main slot while main demand is unmet", () => {
    fc.assert(
      fc.property(apps, policy, fc.integer({ min: 1, max: 100 }), (as, p, cap) => {
        const r = allocateRound(as, p, cap);
        const lastMain = Math.max(0, ...r.decisions.filter((d) => d.mainPurpose).map((d) => d.rank));
        const firstOther = Math.min(Infinity, ...r.decisions.filter((d) => !d.mainPurpose).map((d) => d.rank));
        expect(lastMain).toBeLessThan(firstOther);
        if (p.minPerHelseregion === 0) {
          const need = new Map(as.map((a) => [a.kommunenr, a]));
          const unmetMain = r.decisions.some((d) => d.mainPurpose && d.granted < grantLimit(need.get(d.kommunenr)!, p));
          if (unmetMain) expect(r.decisions.filter((d) => !d.mainPurpose).every((d) => d.granted === 0)).toBe(true);
        }
      }),
      { numRuns: 500, seed: 52 },
    );
  });

  test("sizing by need (criterion b, on by default): never more than the doctors a kommune states need specialisation; the rest goes to the next in line", () => {
    expect(DEFAULT_POLICY.sizeByNeed).toBe(true);
    fc.assert(
      fc.property(apps, policy, fc.integer({ min: 1, max: 100 }), (as, p0, cap) => {
        const p = { ...p0, sizeByNeed: true };
        const r = allocateRound(as, p, cap);
        const byKommune = new Map(as.map((a) => [a.kommunenr, a]));
        for (const d of r.decisions) {
          expect(d.granted).toBeLessThanOrEqual(byKommune.get(d.kommunenr)!.doctorsNeedingSpecialisation);
          const need = byKommune.get(d.kommunenr)!.doctorsNeedingSpecialisation;
          if (d.granted === need && need > 0 && need < Math.min(d.requested, p.maxPerKommune ?? Infinity)) expect(d.reason).toMatch(/tildeling etter behov/);
        }
        // What sizing holds back goes to others: the total is the cap or every limit met.
        expect(r.totals.granted).toBe(
          Math.min(
            cap,
            as.reduce((s, a) => s + grantLimit(a, p), 0),
          ),
        );
      }),
      { numRuns: 500, seed: 53 },
    );
  });

  test("sizing by need, by hand: 3 requested with 1 doctor in need gives 1; the freed 2 go to the next kommune", () => {
    // X (main purpose, 1 doctor in need, asks 3), Y (main purpose, 13 in need, asks 2; ranked first: 13 > 1), cap 3.
    // Off: Y 2, X 1 (cap). On: Y 2, X 1 (its need) — with cap 4: off X gets 2, on X stays at 1 and 1 slot stays free.
    const X = app({ kommunenr: "0301", requested: 3, doctorsNeedingSpecialisation: 1 });
    const Y = app({ kommunenr: "1806", requested: 2, doctorsNeedingSpecialisation: 13 });
    const Z = app({ kommunenr: "4601", requested: 2, doctorsNeedingSpecialisation: 2, mainPurpose: false });
    const off = allocateRound([X, Y, Z], { ...DEFAULT_POLICY, sizeByNeed: false }, 4);
    const on = allocateRound([X, Y, Z], DEFAULT_POLICY, 4);
    const g = (r: typeof on, k: string) => r.decisions.find((d) => d.kommunenr === k)!.granted;
    expect([g(off, "1806"), g(off, "0301"), g(off, "4601")]).toEqual([2, 2, 0]);
    // On: X is held to 1, so the 4th slot goes to Z, next in line.
    expect([g(on, "1806"), g(on, "0301"), g(on, "4601")]).toEqual([2, 1, 1]);
    // Number agreement (issue 17): one doctor is "1 lege trenger", never "1 leger trenger".
    expect(on.decisions.find((d) => d.kommunenr === "0301")!.reason).toMatch(
      /^Fikk 1 av 3: én per lege kommunen oppgir trenger spesialisering \(tildeling etter behov, kriterium b\); hovedformål, 1 lege trenger spesialisering \(rang 2\)\.$/,
    );
  });

  test("the result does not depend on the order of the rows", () => {
    fc.assert(
      fc.property(apps, policy, fc.integer({ min: 1, max: 60 }), (as, p, cap) => {
        const a = allocateRound(as, p, cap);
        const b = allocateRound([...as].reverse(), p, cap);
        expect(b).toEqual(a);
      }),
      { numRuns: 200, seed: 53 },
    );
  });
});

describe("the applications CSV: bad input names file, row and column", () => {
  const header = "kommunenr,kommune,helseregion,sentralitet,round,requested,main_purpose,doctors_needing_specialisation,has_candidate";
  const ok = "0301,Oslo,Sør-Øst,1,2022,3,ja,4,ja";
  test.each([
    ["a 3-digit kommunenr", `${header}\n301,Oslo,Sør-Øst,1,2022,3,ja,4,ja`, /a\.csv: row 1, column kommunenr: "301" is not allowed; expected 4 digits/],
    ["requested < 1", `${header}\n${ok}\n4601,Bergen,Vest,1,2022,0,ja,4,ja`, /row 2, column requested: "0" is not allowed/],
    [
      "an unknown helseregion",
      `${header}\n0301,Oslo,Øst,1,2022,3,ja,4,ja`,
      /row 1, column helseregion: "Øst" is not allowed; expected one of Nord, Midt-Norge, Vest, Sør-Øst/,
    ],
    ["a duplicate kommune in one round", `${header}\n${ok}\n${ok}`, /row 2, column kommunenr: 0301 applies twice in round 2022 \(also row 1\)/],
    ["a missing column", "kommunenr,kommune\n0301,Oslo", /a\.csv: missing columns helseregion, sentralitet/],
  ])("%s", (_name, text, message) => {
    expect(() => parseApplicationsCsv(text, "a.csv")).toThrowError(message);
  });

  test("extra columns are ignored with a notice", () => {
    expect(parseApplicationsCsv(`${header},merknad\n${ok},x`, "a.csv").extraColumns).toEqual(["merknad"]);
  });
});
