import fc from "fast-check";
import YAML from "yaml";
import * as fs from "node:fs";
import { describe, expect, test } from "vitest";
import { flowLedgers, runFlows } from "../../src/analysis/runFlows";
import { runDeterministicDetail } from "../../src/cost/deterministic";
import { PARTIES } from "../../src/flows/parties";
import { COST_INPUTS } from "../../src/inputs/costInputs";
import { domainBounds } from "../../src/inputs/inputDef";
import { parseScenario } from "../../src/scenario/loadScenario";
import { golden, realParams, STANDARD } from "../helpers";
import { loadScenario } from "../../src/scenario/loadScenario";

const realScenario = () => loadScenario(STANDARD, realParams()).scenario;

// Golden case: test/fixtures/scenarios/golden.yaml with test/fixtures/params (see test/cost/golden.test.ts for the
// activity). N = 1 750 consultations; ref 199 kr and egen 202 kr per consultation; exempt 0.4.
//   intro doctor:  refusjon 348 250; egenandel paid by folketrygden 141 400; by patients 1 750 × 0.6 × 202 = 212 100
//   fastleger:     V0 = 1 750 × 0.5 = 875 consultations without the agreement, V1 = 875 × 0.2 × 1 = 175 with it (backfill)
//                  rates rFL = 199 + 0.5 × 40 = 219, eFL = 202 + 0.5 × 50 = 227
//                  refusjon 875 × 219 = 191 625 / 175 × 219 = 38 325
//                  egenandel exempt 875 × 0.4 × 227 = 79 450 / 15 890; patients 875 × 0.6 × 227 = 119 175 / 23 835
//   basistilskudd 1 000 × 800 = 800 000 (both ledgers); ALIS 0.5 × 367 000 + 0.25 × 200 000 = 233 500
//   practice costs 200 000 (fastleger -> andre); salary 1 000 000 × stillingsprosent 1.0 (fastlønnet)
// Without the agreement (both forms): folketrygden −(191 625 + 79 450) = −271 075; pasienter −119 175;
//   kommune −800 000; fastleger 191 625 + 79 450 + 119 175 + 800 000 = 1 190 250.
describe("golden ledgers, by hand", () => {
  test("næringsdrivende (cost shares: introduksjonslege 0.6, kommune 0.4)", () => {
    // With: folketrygden −(348 250 + 141 400 + 38 325 + 15 890) = −543 865; pasienter −(212 100 + 23 835) = −235 935;
    //   kommune −800 000 + 233 500 − 0.4 × 200 000 = −646 500; introduksjonslege 348 250 + 141 400 + 212 100 − 120 000 = 581 750;
    //   fastleger 38 325 + 15 890 + 23 835 + 800 000 − 200 000 + 120 000 + 80 000 = 878 050; staten −233 500; andre 200 000.
    //   Sum: 0. Effect (with − without): folketrygden −272 790 (= −net cost), pasienter −116 760, kommune 153 500,
    //   introduksjonslege 581 750, fastleger −312 200, staten −233 500, andre 200 000. Sum: 0.
    const { scenario, params } = golden();
    const l = flowLedgers(scenario, params, "naeringsdrivende");
    expect(l.withOre).toEqual({
      folketrygden: -54_386_500,
      pasienter: -23_593_500,
      kommune: -64_650_000,
      introduksjonslege: 58_175_000,
      fastleger: 87_805_000,
      staten: -23_350_000,
      andre: 20_000_000,
    });
    expect(l.withoutOre).toEqual({
      folketrygden: -27_107_500,
      pasienter: -11_917_500,
      kommune: -80_000_000,
      introduksjonslege: 0,
      fastleger: 119_025_000,
      staten: 0,
      andre: 0,
    });
    expect(l.diffOre).toEqual({
      folketrygden: -27_279_000,
      pasienter: -11_676_000,
      kommune: 15_350_000,
      introduksjonslege: 58_175_000,
      fastleger: -31_220_000,
      staten: -23_350_000,
      andre: 20_000_000,
    });
  });

  test("fastlønnet (cost shares: kommune 0.75, fastleger 0.25)", () => {
    // With: kommune 348 250 + 141 400 + 212 100 − 800 000 + 233 500 − 150 000 − 1 000 000 = −1 014 750;
    //   introduksjonslege 1 000 000 (salary); fastleger 38 325 + 15 890 + 23 835 + 800 000 − 200 000 + 150 000 = 828 050;
    //   folketrygden, pasienter, staten, andre as for næringsdrivende. Sum: 0.
    // Effect: kommune −214 750, introduksjonslege 1 000 000, fastleger −362 200, folketrygden −272 790.
    const { scenario, params } = golden();
    const l = flowLedgers(scenario, params, "fastlonnet");
    expect(l.withOre).toEqual({
      folketrygden: -54_386_500,
      pasienter: -23_593_500,
      kommune: -101_475_000,
      introduksjonslege: 100_000_000,
      fastleger: 82_805_000,
      staten: -23_350_000,
      andre: 20_000_000,
    });
    expect(l.diffOre).toEqual({
      folketrygden: -27_279_000,
      pasienter: -11_676_000,
      kommune: -21_475_000,
      introduksjonslege: 100_000_000,
      fastleger: -36_220_000,
      staten: -23_350_000,
      andre: 20_000_000,
    });
  });

  test("the manifest records the employment form; few draws give the same warning as cost", () => {
    const { scenario, params } = golden();
    const r = runFlows(scenario, params, { employment: "fastlonnet", draws: 10, seed: 1 });
    expect(r.manifest.options).toEqual({ employment: "fastlonnet" });
    expect(r.warnings).toEqual([]); // every input fixed: no warning
    const std = runFlows(realScenario(), realParams(), { draws: 100, seed: 1 });
    expect(std.warnings[0]).toMatch(/only 100 draws: P85 and P90 are unstable/);
  });

  test("runFlows(all inputs fixed) gives every party's Monte Carlo effect equal to the ledger's difference", () => {
    const { scenario, params } = golden();
    const r = runFlows(scenario, params, { employment: "fastlonnet", draws: 500, seed: 1 });
    for (const p of PARTIES) {
      expect(r.monteCarlo[p].p10).toBeCloseTo(r.netByParty.difference[p], 1);
      expect(r.monteCarlo[p].p90).toBeCloseTo(r.netByParty.difference[p], 1);
    }
    expect(r.monteCarlo.kommune.probabilityOfLoss).toBe(1);
    expect(r.monteCarlo.introduksjonslege.probabilityOfLoss).toBe(0);
  });
});

describe("the kommune's ledger with supervision, training and the ALIS counterfactual, by hand", () => {
  // Golden case as above, plus supervision 60 000 kr (kommune -> fastleger: the veileder) and training 30 000 kr
  // (kommune -> andre: courses, utdanningsplan).
  // Without the ALIS counterfactual the kommune's effect is the one above minus 90 000; with it (the doctor would have had
  // an ALIS agreement anyway) ALIS 233 500 and the 90 000 are in both ledgers and drop out of the effect:
  //   næringsdrivende: 153 500 − 90 000 = 63 500            | counterfactual: 153 500 − 233 500 = −80 000 (its cost share only)
  //   fastlønnet:      −214 750 − 90 000 = −304 750         | counterfactual: −214 750 − 233 500 = −448 250
  //   staten: −233 500 | 0;   fastleger: +60 000 (veiledning) | 0;   andre: +30 000 | 0, on top of the effects above.
  const { scenario, params } = golden(undefined, ["supervisionCostNok=60000", "trainingCostNok=30000"]);
  const withCf = { ...scenario, flows: { ...scenario.flows!, alisCounterfactual: true } };
  const cases = [
    { form: "naeringsdrivende", s: scenario, kommune: 63_500, staten: -233_500, fastleger: -312_200 + 60_000, andre: 230_000 },
    { form: "naeringsdrivende", s: withCf, kommune: -80_000, staten: 0, fastleger: -312_200, andre: 200_000 },
    { form: "fastlonnet", s: scenario, kommune: -304_750, staten: -233_500, fastleger: -362_200 + 60_000, andre: 230_000 },
    { form: "fastlonnet", s: withCf, kommune: -448_250, staten: 0, fastleger: -362_200, andre: 200_000 },
  ] as const;
  for (const c of cases) {
    test(`${c.form}, ALIS counterfactual ${c.s.flows!.alisCounterfactual ? "on" : "off"}: kommune ${c.kommune} kr`, () => {
      const l = flowLedgers(c.s, params, c.form);
      expect(l.diffOre.kommune).toBe(c.kommune * 100);
      expect(l.diffOre.staten).toBe(c.staten * 100);
      expect(l.diffOre.fastleger).toBe(c.fastleger * 100);
      expect(l.diffOre.andre).toBe(c.andre * 100);
      expect(l.diffOre.folketrygden).toBe(-27_279_000); // the cost does not depend on how the kommune books ALIS
      expect(Object.values(l.withoutOre).reduce((a, b) => a + b, 0)).toBe(0);
    });
  }
});

describe("ledger invariants over random valid scenarios (property tests)", () => {
  const params = realParams();
  const base = YAML.parse(fs.readFileSync(STANDARD, "utf8")) as Record<string, any>;
  const minFte = 0.5;
  const inputValues = fc.tuple(
    ...COST_INPUTS.map((d) => {
      const [lo, hi] = domainBounds(d.domain, minFte);
      return fc.double({ min: lo, max: Math.min(hi, d.domain === "count" || d.domain === "amount" ? 5000 : hi), noNaN: true });
    }),
  );
  const shares = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }).filter((w) => w.some((x) => x > 0));
  const toShares = (w: number[]) => {
    const parties = ["introduksjonslege", "kommune", "fastleger"];
    const total = w.reduce((a, b) => a + b, 0);
    return Object.fromEntries(w.map((x, k) => [parties[k], x / total]));
  };

  test("every ledger balances to the øre and folketrygden's effect is minus the cost model's net (to the krone), for both forms", () => {
    fc.assert(
      fc.property(
        inputValues,
        shares,
        shares,
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 2e6, noNaN: true }),
        fc.double({ min: 0, max: 3e5, noNaN: true }),
        fc.boolean(),
        (values, w1, w2, practice, salary, supervision, alisCounterfactual) => {
          const raw = structuredClone(base);
          COST_INPUTS.forEach((d, k) => (raw.inputs[d.name] = values[k]));
          raw.flows = {
            employment: "naeringsdrivende",
            practiceCostsNok: practice,
            salaryNokFullTime: salary,
            supervisionCostNok: supervision,
            trainingCostNok: supervision / 2,
            alisCounterfactual,
            costShares: { naeringsdrivende: toShares(w1), fastlonnet: toShares(w2) },
          };
          const scenario = parseScenario(raw, "random.yaml", params);
          for (const form of ["naeringsdrivende", "fastlonnet"] as const) {
            const l = flowLedgers(scenario, params, form);
            for (const net of [l.withOre, l.withoutOre, l.diffOre]) {
              expect(Object.values(net).every(Number.isInteger)).toBe(true);
              expect(Object.values(net).reduce((a, b) => a + b, 0)).toBe(0);
            }
            // Rounding each of folketrygden's (at most 6) rows to the øre moves its total by at most 3 øre.
            expect(Math.abs(-l.diffOre.folketrygden / 100 - l.costModelNetNok)).toBeLessThan(0.05);
            // Independent of the templates, from the kernel's components: the patients pay the intro doctor's
            // egenandeler and save those of the substituted activity; the kommune gets ALIS and, if fastlønnet,
            // the income, and pays salary and its cost share.
            const { out, cols } = runDeterministicDetail(l.problem);
            const at = (name: string) => cols[l.problem.inputs.findIndex((i) => i.name === name)]![0]!;
            const patients = -(out.egenandelFromPatients[0]! + out.fastlegeEgenandelPatientsWith[0]! - out.fastlegeEgenandelPatientsWithout[0]!);
            expect(Math.abs(l.diffOre.pasienter / 100 - patients)).toBeLessThan(0.05);
            const share = (scenario.flows!.costShares[form] as Record<string, number>).kommune ?? 0;
            const kommune =
              (alisCounterfactual ? 0 : out.alisSupport[0]! - at("supervisionCostNok") - at("trainingCostNok")) -
              share * at("practiceCostsNok") +
              (form === "fastlonnet"
                ? out.grossRefusjon[0]! + out.egenandelPaid[0]! + out.egenandelFromPatients[0]! - at("salaryNokFullTime") * at("stillingsprosent")
                : 0);
            expect(Math.abs(l.diffOre.kommune / 100 - kommune)).toBeLessThan(0.05);
          }
        },
      ),
      { numRuns: 1500, seed: 31 },
    );
  });
});
