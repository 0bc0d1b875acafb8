import { describe, expect, test } from "vitest";
import { partyEffectByKind } from "../../src/flows/partyEffect";
import { runFlows } from "../../src/analysis/runFlows";
import { PARTIES } from "../../src/flows/parties";
import { golden } from "../helpers";

describe("partyEffectByKind", () => {
  test("the steps of every party add up to its net difference, for both employment forms", () => {
    const { scenario, params } = golden();
    for (const employment of ["naeringsdrivende", "fastlonnet"] as const) {
      const r = runFlows(scenario, params, { employment, draws: 10, seed: 1 });
      for (const p of PARTIES) {
        const sum = partyEffectByKind(r, p).reduce((a, s) => a + Math.round(s.amountNok * 100), 0);
        expect(sum).toBe(Math.round(r.netByParty.difference[p] * 100));
      }
    }
  });

  test("the kommune's steps under fastlønnet are the golden case's, by hand", () => {
    // refusjon 348 250 + egenandel (fritak) 141 400 + egenandel (pasient) 212 100 + ALIS 233 500
    // − kostnadsdeling 0.75 × 200 000 − lønn 1 000 000; basistilskudd is the same with and without (no step)
    const { scenario, params } = golden();
    const steps = partyEffectByKind(runFlows(scenario, params, { employment: "fastlonnet", draws: 10, seed: 1 }), "kommune");
    expect(steps.map((s) => [s.kind, s.amountNok])).toEqual([
      ["refusjon", 348_250],
      ["egenandel_fritak", 141_400],
      ["egenandel_pasient", 212_100],
      ["nasjonal_alis", 233_500],
      ["kostnadsdeling", -150_000],
      ["lonn", -1_000_000],
    ]);
  });
});
