// Monte Carlo in worker threads (issue 18, acceptance 2): the same seed gives the same output bit for bit with 1, 2
// and 4 threads. Workers run the compiled worker file, so this test drives the build in dist/ (npm test's set-up
// builds it; alone: `npx tsc -p .` first), from the TypeScript sources a run always stays in the main thread.
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import type * as Api from "../../src/index";
import type { MonteCarloResult } from "../../src/cost/monteCarlo";

const dist = path.join(__dirname, "..", "..", "dist");
/* eslint-disable @typescript-eslint/no-require-imports -- the compiled build, on purpose */
const api = require(path.join(dist, "index.js")) as typeof Api;
const { buildCostProblem } = require(path.join(dist, "cost", "costProblem.js")) as typeof import("../../src/cost/costProblem");
const { loadScenario } = require(path.join(dist, "scenario", "loadScenario.js")) as typeof import("../../src/scenario/loadScenario");
const { loadParams } = require(path.join(dist, "params", "loadParams.js")) as typeof import("../../src/params/loadParams");
/* eslint-enable @typescript-eslint/no-require-imports */

const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
// 5 chunks of 65 536 and an uneven last one: every worker gets chunks, and the last chunk is short.
const DRAWS = 5 * 65_536 + 1_234;

function expectSame(a: MonteCarloResult, b: MonteCarloResult): void {
  expect(bytes(b.net).equals(bytes(a.net))).toBe(true);
  for (const [k, v] of Object.entries(a.means)) expect(Object.is(b.means[k as keyof typeof a.means], v)).toBe(true);
  expect(b.sample.inputs.map((s) => s.name)).toEqual(a.sample.inputs.map((s) => s.name));
  a.sample.inputs.forEach((s, i) => expect(bytes(b.sample.inputs[i]!.sample).equals(bytes(s.sample))).toBe(true));
}

describe("Monte Carlo threads", () => {
  const params = loadParams();
  for (const file of ["standard.yaml", "korrelert.yaml"]) {
    test(`${file}: net of every draw, means and the kept sample are identical with 1, 2 and 4 threads`, () => {
      const { scenario } = loadScenario(path.join("data", "scenarios", file), params);
      const problem = buildCostProblem(scenario, params);
      const one = api.runMonteCarlo(problem, { draws: DRAWS, seed: 11, threads: 1 });
      expect(one.threads).toBe(1);
      for (const threads of [2, 4]) {
        const many = api.runMonteCarlo(problem, { draws: DRAWS, seed: 11, threads });
        expect(many.threads).toBe(threads);
        expectSame(one, many);
      }
      // A different seed is a different run (the check can fail).
      expect(bytes(api.runMonteCarlo(problem, { draws: DRAWS, seed: 12, threads: 2 }).net).equals(bytes(one.net))).toBe(false);
    });
  }

  test("flows: every chunk's input columns and detail outputs passed to onChunk are identical", () => {
    const { scenario } = loadScenario(path.join("data", "scenarios", "standard.yaml"), params);
    const problem = buildCostProblem(scenario, params, { withFlows: true });
    const digest = (threads: number) => {
      const parts: Buffer[] = [];
      const r = api.runMonteCarlo(problem, {
        draws: DRAWS,
        seed: 3,
        threads,
        detail: true,
        onChunk: (out, cols, n, start) => {
          parts.push(Buffer.from(`${start}:${n}`));
          for (const a of [...Object.values(out), ...cols]) parts.push(Buffer.from(bytes(a as Float64Array).subarray(0, n * 8)));
        },
      });
      return { r, all: Buffer.concat(parts) };
    };
    const one = digest(1);
    for (const threads of [2, 4]) {
      const many = digest(threads);
      expect(many.r.threads).toBe(threads);
      expect(many.all.equals(one.all)).toBe(true);
      expectSame(one.r, many.r);
    }
  });
});
