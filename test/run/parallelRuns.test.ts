// Scenarios in worker threads (issue 18): `introsim run` with several scenarios and --threads 2 computes each in its
// own worker and builds its files there; the runs and every file must be the same byte for byte as one after the
// other. Workers run the compiled worker file, so this test drives the build in dist/ (npm test's set-up builds it;
// alone: `npx tsc -p .` first).
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import type { ScenarioRun } from "../../src/results/scenarioResults";

const dist = path.join(__dirname, "..", "..", "dist");
/* eslint-disable @typescript-eslint/no-require-imports -- the compiled build, on purpose */
const { runScenarios, runsInParallel } = require(path.join(dist, "run", "parallelRuns.js")) as typeof import("../../src/run/parallelRuns");
const { comparisonOutputFiles } = require(path.join(dist, "run", "runOutputs.js")) as typeof import("../../src/run/runOutputs");
const { loadScenario } = require(path.join(dist, "scenario", "loadScenario.js")) as typeof import("../../src/scenario/loadScenario");
const { loadParams } = require(path.join(dist, "params", "loadParams.js")) as typeof import("../../src/params/loadParams");
/* eslint-enable @typescript-eslint/no-require-imports */

const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const asBuffer = (c: string | Uint8Array) => (typeof c === "string" ? Buffer.from(c) : Buffer.from(c));

describe("runScenarios(loaded, params, options, threads)", () => {
  test("runScenarios with 2 threads gives the same runs and output files, byte for byte, as one after the other", { timeout: 300_000 }, async () => {
    const params = loadParams();
    const loaded = ["standard.yaml", "deltid-60.yaml"].map((f) => loadScenario(path.join("data", "scenarios", f), params));
    expect(runsInParallel(loaded.length, 2)).toBe(true);
    expect(runsInParallel(loaded.length, 1)).toBe(false);
    const options = { draws: 4_000, seed: 7, replications: 300, sobolSamples: 64, date: "2026-11-27" };
    const one = await runScenarios(loaded, params, options, 1);
    const two = await runScenarios(loaded, params, options, 2, undefined, { csv: true });
    expect(one.parts.every((p) => p === undefined)).toBe(true);
    expect(two.parts.every((p) => p !== undefined)).toBe(true);
    two.runs.forEach((run: ScenarioRun, i) => {
      const seq = one.runs[i]!;
      expect(run.results.scenario.name).toBe(loaded[i]!.scenario.name); // in the order given
      expect(JSON.stringify(run.results, null, 2)).toBe(JSON.stringify(seq.results, null, 2)); // results.json
      expect(bytes(run.sortedNet).equals(bytes(seq.sortedNet))).toBe(true);
      expect(bytes(run.paired!.run.net).equals(bytes(seq.paired!.run.net))).toBe(true);
    });
    // Every file of the comparison folder: built in the workers (parts) or in this thread after a sequential run.
    const fromWorkers = await comparisonOutputFiles(two.runs, { csv: true }, two.parts);
    const here = await comparisonOutputFiles(one.runs, { csv: true });
    expect([...fromWorkers.keys()]).toEqual([...here.keys()]);
    const differ = [...here].filter(([name, content]) => !asBuffer(content).equals(asBuffer(fromWorkers.get(name)!))).map(([name]) => name);
    expect(differ).toEqual([]);
    // A different seed is a different run (the check can fail).
    const other = await runScenarios(loaded.slice(0, 1), params, { ...options, seed: 8 }, 1);
    expect(bytes(other.runs[0]!.paired!.run.net).equals(bytes(one.runs[0]!.paired!.run.net))).toBe(false);
  });

  test("runScenarios reports a worker's UserError with its message and exit code", { timeout: 120_000 }, async () => {
    const params = loadParams();
    const loaded = ["standard.yaml", "deltid-60.yaml"].map((f) => loadScenario(path.join("data", "scenarios", f), params));
    const broken = { ...loaded[1]!, scenario: { ...loaded[1]!.scenario, allocation: { ...loaded[1]!.scenario.allocation!, applications: "nowhere.csv" } } };
    await expect(runScenarios([loaded[0]!, broken], params, { draws: 2_000, replications: 100, sobolSamples: 0 }, 2)).rejects.toThrowError(
      /allocation\.applications: "nowhere\.csv" not found/,
    );
  });
});
