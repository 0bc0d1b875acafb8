import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { runFlows, runFlowsForms } from "../../src/analysis/runFlows";
import { runCost } from "../../src/analysis/runCost";
import type { MonteCarloResult } from "../../src/cost/monteCarlo";
import { createSampler } from "../../src/distributions/sampler";
import { quantileFunction } from "../../src/distributions/quantile";
import { Mt19937 } from "../../src/distributions/mt19937";
import { streamSeed } from "../../src/distributions/seed";
import type { DistSpec } from "../../src/distributions/spec";
import { EMPLOYMENT_FORMS } from "../../src/flows/parties";
import { golden, realParams, STANDARD } from "../helpers";
import { loadScenario } from "../../src/scenario/loadScenario";

describe("one Monte Carlo for every employment form", () => {
  test("runFlowsForms gives each form's runFlows report bit for bit (standard scenario, real data)", () => {
    const params = realParams();
    const { scenario } = loadScenario(STANDARD, params);
    const together = runFlowsForms(scenario, params, EMPLOYMENT_FORMS, { draws: 3000, seed: 7 });
    expect(together.map((r) => r.employment)).toEqual([...EMPLOYMENT_FORMS]);
    for (const [k, employment] of EMPLOYMENT_FORMS.entries()) {
      const alone = runFlows(scenario, params, { employment, draws: 3000, seed: 7 });
      expect(together[k]!.monteCarlo).toStrictEqual(alone.monteCarlo);
      expect(together[k]!.netByParty).toStrictEqual(alone.netByParty);
      expect(together[k]!.ledger).toStrictEqual(alone.ledger);
    }
    // The two forms differ (the ledgers are not the same one twice): the kommune pays the salary only when fastlønnet.
    expect(together[0]!.monteCarlo.kommune.mean).not.toBe(together[1]!.monteCarlo.kommune.mean);
  });

  test("without a form it is the scenario's own (golden case)", () => {
    const { scenario, params } = golden();
    const [r] = runFlowsForms(scenario, params, [undefined], { draws: 50, seed: 3 });
    expect(r!.employment).toBe(scenario.flows!.employment);
    expect(r!.monteCarlo).toStrictEqual(runFlows(scenario, params, { draws: 50, seed: 3 }).monteCarlo);
  });
});

describe("sampler tables are built once per distribution and shared", () => {
  const pert = fc
    .tuple(fc.double({ min: -1000, max: 1000, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 500, noNaN: true }))
    .map(([lav, f, w]): DistSpec => ({ type: "trippelestimat", form: "pert", lav, mest_sannsynlig: lav + f * w, hoy: lav + w }) as DistSpec);

  test("a second sampler of the same spec (a cached table) draws exactly what the first did", () => {
    fc.assert(
      fc.property(pert, fc.integer({ min: 1, max: 1e6 }), (spec, seed) => {
        const a = new Float64Array(300);
        const b = new Float64Array(300);
        createSampler(spec, seed, "x").fill(a);
        createSampler({ ...spec } as DistSpec, seed, "x").fill(b);
        expect(b).toStrictEqual(a);
      }),
      { numRuns: 30 },
    );
  });

  test("the cache never hands a PERT table to a triangular input with the same three numbers", () => {
    const spec = { type: "trippelestimat", form: "pert", lav: 0, mest_sannsynlig: 0.2, hoy: 1 } as DistSpec;
    const tri = { ...spec, form: "triangel" } as DistSpec;
    createSampler(spec, 1, "x").fill(new Float64Array(10));
    const got = new Float64Array(1000);
    createSampler(tri, 1, "x").fill(got);
    // The triangular closed form on the same uniforms: (u + 0.5)·2^-32 from the input's MT19937 stream.
    const u = new Float64Array(1000);
    new Mt19937(streamSeed(1, "x")).fillUniform(u);
    const q = quantileFunction(tri);
    expect(got).toStrictEqual(Float64Array.from(u, q));
  });
});

describe("one set of draws for cost and flows (issue 18)", () => {
  const KORRELERT = STANDARD.replace("standard.yaml", "korrelert.yaml");
  for (const file of [STANDARD, KORRELERT]) {
    test(`runCost given the flows' draws reports what it reports drawing them itself (${file.split("/").pop()})`, () => {
      const params = realParams();
      const { scenario } = loadScenario(file, params);
      const opts = { draws: 70_000, seed: 5 };
      let shared: MonteCarloResult | undefined;
      runFlowsForms(scenario, params, EMPLOYMENT_FORMS, { ...opts, onCostDraws: (mc) => (shared = mc) });
      const alone = runCost(scenario, params, opts);
      if (!shared) {
        // Only when the scenario's correlations involve flow inputs; then runScenario draws the cost again.
        expect(scenario.correlations).toBeDefined();
        return;
      }
      const given = runCost(scenario, params, { ...opts, monteCarlo: shared });
      expect(given.report).toStrictEqual(alone.report);
      expect(() => runCost(scenario, params, { ...opts, seed: 6, monteCarlo: shared })).toThrow(/seed 5/);
    });
  }
});
