// Invariants of the cost model, over generated inputs (fast-check), and reproducibility of the Monte Carlo.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { allocateComponents, evaluateCostChunk } from "../../src/cost/costKernel";
import { buildCostProblem } from "../../src/cost/costProblem";
import { runMonteCarlo } from "../../src/cost/monteCarlo";
import { runCost } from "../../src/analysis/runCost";
import { COST_INPUTS } from "../../src/inputs/costInputs";
import { loadScenario } from "../../src/scenario/loadScenario";
import { realParams, STANDARD } from "../helpers";
import { quantileFunction } from "../../src/distributions/quantile";
import { evaluateTerm, streamOf } from "../../src/inputs/modelInput";

const params = realParams();
const standard = loadScenario(STANDARD, params).scenario;
const problem = buildCostProblem(standard, params);

/**
 * Random values for every model input within its bounds. Scenario inputs vary freely; data inputs (takst values) are
 * drawn as the Monte Carlo draws them: one uniform per random stream (takst and period), through each input's quantile
 * function, so honorar and egenandel of one takst-period move together.
 */
const streams = [...new Set(problem.inputs.filter((i) => i.origin === "data").map((i) => streamOf(i).stream))];
const inputPoint = fc
  .tuple(
    fc.tuple(
      ...problem.inputs.map((inp) => {
        const hi = Number.isFinite(inp.upper) ? inp.upper : inp.spec.type === "trippelestimat" ? inp.spec.hoy * 2 : 1e4;
        return fc.double({ min: Math.max(inp.lower, 0), max: hi, noNaN: true });
      }),
    ),
    fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: streams.length, maxLength: streams.length }),
  )
  .map(([free, us]) =>
    problem.inputs.map((inp, j) => (inp.origin === "data" ? quantileFunction(inp.spec)(us[streams.indexOf(streamOf(inp).stream)]!) : free[j]!)),
  );

function evaluate(point: number[]) {
  const out = allocateComponents(1);
  evaluateCostChunk(
    problem.layout,
    point.map((v) => Float64Array.of(v)),
    1,
    out,
  );
  return {
    consultations: out.consultations[0]!,
    gross: out.grossRefusjon[0]!,
    egen: out.egenandelPaid[0]!,
    saving: out.substitutionSaving[0]!,
    net: out.net[0]!,
  };
}

const idx = (name: string) => problem.layout.idx[name]!;

describe("cost kernel invariants (property tests)", () => {
  test("net = grossRefusjon + egenandelPaid − substitutionSaving, all finite, and every component >= 0", () => {
    fc.assert(
      fc.property(inputPoint, (p) => {
        const r = evaluate(p);
        for (const v of Object.values(r)) expect(Number.isFinite(v)).toBe(true);
        expect(r.net).toBeCloseTo(r.gross + r.egen - r.saving, 6);
        expect(r.gross).toBeGreaterThanOrEqual(0);
        expect(r.egen).toBeGreaterThanOrEqual(0);
        expect(r.saving).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  test("net never increases when substitutionShare rises; with substitution 0 the saving is 0", () => {
    fc.assert(
      fc.property(inputPoint, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (p, a, b) => {
        const lo = [...p];
        const hi = [...p];
        lo[idx("substitutionShare")] = Math.min(a, b);
        hi[idx("substitutionShare")] = Math.max(a, b);
        expect(evaluate(hi).net).toBeLessThanOrEqual(evaluate(lo).net + 1e-6);
        const zero = [...p];
        zero[idx("substitutionShare")] = 0;
        expect(evaluate(zero).saving).toBe(0);
      }),
      { numRuns: 200, seed: 12 },
    );
  });

  test("the cost scales linearly with consultations per week (doubling it doubles every component)", () => {
    fc.assert(
      fc.property(inputPoint, (p) => {
        const twice = [...p];
        twice[idx("consultationsPerWeekFullTime")] = 2 * p[idx("consultationsPerWeekFullTime")]!;
        const a = evaluate(p);
        const b = evaluate(twice);
        expect(b.net).toBeCloseTo(2 * a.net, 4);
        expect(b.gross).toBeCloseTo(2 * a.gross, 4);
      }),
      { numRuns: 200, seed: 13 },
    );
  });

  test("every scenario input is used by the kernel (moving it within its bounds can change some component)", () => {
    const base = problem.inputs.map((inp) => (inp.spec.type === "trippelestimat" ? inp.spec.mest_sannsynlig : 0.5));
    const all = (pt: number[]) => {
      const out = allocateComponents(1);
      evaluateCostChunk(
        problem.layout,
        pt.map((v) => Float64Array.of(v)),
        1,
        out,
      );
      return Object.values(out).map((a) => a[0]);
    };
    const unused = COST_INPUTS.filter((d) => {
      const moved = [...base];
      moved[idx(d.name)] = base[idx(d.name)]! === 1 ? 0.5 : 1; // stays in every domain (stillingsprosent 0.5–1, shares 0–1)
      return JSON.stringify(all(moved)) === JSON.stringify(all(base));
    }).map((d) => d.name);
    // The scenario's exemptShareBasis is marginal: the average share is reported beside it but not used in the cost.
    expect(unused).toEqual(["exemptEgenandelShare"]);
    const average = buildCostProblem({ ...standard, exemptShareBasis: "average" }, params);
    expect(average.layout.exemptIndex).toBe(idx("exemptEgenandelShare"));
  });

  test("every Monte Carlo draw keeps honorar = refusjon + egenandel, refusjon >= 0, for every takst (one stream per takst and period)", () => {
    // A 2025 agreement-year spans 2024-25 and 2025-26, with uncertain honorar and egenandel in both periods.
    const p = buildCostProblem({ ...standard, agreementYearStart: "2025-01-01" }, params);
    const codes = Object.keys(p.layout.takster);
    expect(codes.sort()).toEqual(["1ad", "1bd", "1e", "2ad", "2cd", "2dd"]);
    // honorar and egenandel of one takst-period are on one stream; each period has its own
    for (const inp of p.inputs.filter((i) => i.origin === "data" && i.name.startsWith("takst."))) {
      const [, code, , period] = /^takst\.([^.]+)\.(honorar|egenandel|refusjon)@(.+)$/.exec(inp.name)!;
      expect(streamOf(inp).stream).toBe(`takst.${code}@${period}`);
    }
    let checked = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        runMonteCarlo(p, {
          draws: 500,
          seed,
          onChunk: (_out, cols, n) => {
            for (const code of codes) {
              const t = p.layout.takster[code]!;
              const h = evaluateTerm(t.honorar, cols, n, new Float64Array(n));
              const r = evaluateTerm(t.refusjon, cols, n, new Float64Array(n));
              const e = evaluateTerm(t.egenandel, cols, n, new Float64Array(n));
              for (let i = 0; i < n; i++) {
                expect(Math.abs(h[i]! - r[i]! - e[i]!)).toBeLessThan(1e-9);
                expect(r[i]!).toBeGreaterThanOrEqual(-1e-9);
                checked++;
              }
            }
          },
        });
      }),
      { numRuns: 20, seed: 15 },
    );
    expect(checked).toBe(20 * 500 * codes.length);
  });
});

describe("Monte Carlo reproducibility", () => {
  test("runCost(same scenario, same seed) is identical; another seed gives other draws", () => {
    const a = runCost(standard, params, { draws: 20_000, seed: 1 });
    const b = runCost(standard, params, { draws: 20_000, seed: 1 });
    const c = runCost(standard, params, { draws: 20_000, seed: 2 });
    expect(JSON.stringify(a.report)).toBe(JSON.stringify(b.report));
    expect(a.net).toEqual(b.net);
    expect(c.net).not.toEqual(a.net);
    expect(Math.abs(c.report.p50 - a.report.p50) / a.report.p50).toBeLessThan(0.02);
  });

  test("the first draws of a long run equal a short run with the same seed (chunking does not change the stream)", () => {
    const long = runMonteCarlo(problem, { draws: 70_000, seed: 5 });
    const short = runMonteCarlo(problem, { draws: 1000, seed: 5 });
    expect(long.net.subarray(0, 1000)).toEqual(short.net);
  });

  test("p10 <= p50 <= p85 <= p90 and the decomposition adds up, for random seeds and --set variants", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 1000 }), (seed, permille) => {
        // --set takes plain decimals (no exponent): a share in steps of 0.001
        const s = loadScenario(STANDARD, params, [`substitutionShare=${(permille / 1000).toFixed(3)}`]).scenario;
        const r = runCost(s, params, { draws: 2000, seed }).report;
        expect(r.p10).toBeLessThanOrEqual(r.p50);
        expect(r.p50).toBeLessThanOrEqual(r.p85);
        expect(r.p85).toBeLessThanOrEqual(r.p90);
        const d = r.decomposition;
        expect(d.grossRefusjon + d.egenandelPaid - d.substitutionSaving).toBeCloseTo(d.net, 4);
        expect(d.net).toBeCloseTo(r.mean, 4);
        expect(r.shareAbove500k).toBeGreaterThanOrEqual(0);
        expect(r.shareAbove500k).toBeLessThanOrEqual(1);
      }),
      { numRuns: 15, seed: 14 },
    );
  });

  test("the top-down check uses the 2023 national rate (5 287 + 1 136 + 519) mill. kr / 16 884 831 = 411.15 kr", () => {
    const t = runCost(standard, params, { draws: 1000, seed: 1 }).report.topDown;
    expect(t.referenceYear).toBe(2023);
    expect(t.nationalRatePerConsultationNok).toBeCloseTo(6_942_000_000 / 16_884_831, 6);
  });

  test("honorar and egenandel of one takst-period share one stream: one factor per takst and period in the tornado and the rank correlation", () => {
    const r = runCost(standard, params, { draws: 5000, seed: 1 }).report;
    const periods = problem.inputs.filter((i) => i.name.startsWith("takst.2cd.honorar@"));
    expect(periods.map((i) => i.name)).toEqual(["takst.2cd.honorar@2023-07-01", "takst.2cd.honorar@2024-07-01"]); // both in agreement-year 2024
    expect(
      r.tornado.rows
        .filter((t) => t.name.startsWith("takst.2cd"))
        .map((t) => t.name)
        .sort(),
    ).toEqual(["takst.2cd@2023-07-01", "takst.2cd@2024-07-01"]);
    expect(r.rankCorrelation.filter((c) => c.name === "takst.2cd@2024-07-01")).toHaveLength(1);
  });
});

describe("Sobol indices of the net cost", () => {
  test("runCost(sobolSamples) ranks the factors; the substitution share leads; totals are not below first orders; first orders sum to at most about 1", () => {
    const r = runCost(standard, params, { draws: 2000, seed: 1, sobolSamples: 16_384 }).report; // estimator noise ~1/sqrt(N)
    const s = r.sobol!;
    expect(s.samples).toBe(16_384);
    expect(s.indices[0]!.name).toBe("substitutionShare");
    for (const x of s.indices) expect(x.total).toBeGreaterThanOrEqual(x.firstOrder - 0.05);
    const sumS1 = s.indices.reduce((a, x) => a + x.firstOrder, 0);
    expect(sumS1).toBeGreaterThan(0.7);
    expect(sumS1).toBeLessThan(1.1);
    // one factor per random stream: takst periods are grouped as in the tornado
    expect(s.indices.map((x) => x.name).sort()).toEqual(r.tornado.rows.map((t) => t.name).sort());
  });
});
