import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { exportCostDraws, readDrawsMetadata, costResultsHash } from "../../src/analysis/drawsExport";
import { replayCostRun } from "../../src/analysis/replay";
import { runCost } from "../../src/analysis/runCost";
import { openEngine, closeEngine, rows } from "../../src/claims/duckdb";
import { loadParams } from "../../src/params/loadParams";
import { loadScenario } from "../../src/scenario/loadScenario";
import { ROOT, realParams, runCli, STANDARD } from "../helpers";

const params = realParams();
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "introsim-draws-"));

describe("draws export and replay", () => {
  test("exportCostDraws writes every input and output per draw; the Parquet's net column gives the run's mean and P85; replay reproduces the results hash", async () => {
    const loaded = loadScenario(STANDARD, params);
    const run = runCost(loaded.scenario, params, { draws: 5000, seed: 7, file: loaded.source.file, overrides: loaded.overrides });
    const file = path.join(tmp(), "d.parquet");
    const meta = await exportCostDraws(run, file);
    expect(meta.resultsHash).toBe(costResultsHash(run.report, run.net));
    const engine = await openEngine();
    try {
      const [r] = await rows<{ n: number; mean: number; p85: number; draws: number }>(
        engine,
        `SELECT count(*)::INTEGER AS n, avg("out.net") AS mean, quantile_cont("out.net", 0.85) AS p85, max(draw) AS draws FROM '${file}'`,
      );
      expect(r!.n).toBe(5000);
      expect(r!.draws).toBe(4999);
      expect(r!.mean).toBeCloseTo(run.report.mean, 6);
      // quantile_cont interpolates linearly between order statistics, as summarise does (type 7).
      expect(r!.p85).toBeCloseTo(run.report.p85, 6);
      const cols = (await rows<{ column_name: string }>(engine, `SELECT column_name FROM (DESCRIBE SELECT * FROM '${file}')`)).map((c) => c.column_name);
      expect(cols).toEqual(expect.arrayContaining(["draw", "stillingsprosent", "substitutionShare", "out.net", "out.grossRefusjon"]));
      expect(cols.length).toBe(1 + run.problem.inputs.length + 7);
    } finally {
      closeEngine(engine);
    }
    expect((await readDrawsMetadata(file))?.manifest.seed).toBe(7);
    const replay = await replayCostRun(file, params);
    expect(replay.resultsHash).toBe(meta.resultsHash);
  }, 120_000);

  test("replay fails naming the data file that changed since the run", async () => {
    const loaded = loadScenario(STANDARD, params);
    const run = runCost(loaded.scenario, params, { draws: 2000, seed: 3, file: loaded.source.file, overrides: loaded.overrides });
    const dir = tmp();
    const file = path.join(dir, "d.parquet");
    await exportCostDraws(run, file);
    const paramsDir = path.join(dir, "params");
    fs.cpSync(path.join(ROOT, "data/params"), paramsDir, { recursive: true });
    const hod = path.join(paramsDir, "budget/hod_estimate_per_agreement.yaml");
    fs.writeFileSync(hod, fs.readFileSync(hod, "utf8").replace("value: 500000", "value: 550000"));
    await expect(replayCostRun(file, loadParams(paramsDir))).rejects.toThrow(/results hash differs .*data file budget\/hod_estimate_per_agreement changed/);
  }, 120_000);

  test("introsim replay exits 1 for a file that is not a manifest, and cost --export-draws refuses an unwritable path, writing nothing", () => {
    const dir = tmp();
    const bogus = path.join(dir, "x.json");
    fs.writeFileSync(bogus, JSON.stringify({ hello: 1 }));
    const r = runCli(["replay", bogus]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/x\.json: not an introsim run manifest \(command: /);
    const bad = runCli(["cost", "--scenario", STANDARD, "--draws", "1000", "--export-draws", path.join(dir, "missing", "d.parquet")]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--export-draws .*d\.parquet: the folder .*missing does not exist/);
    expect(bad.stdout).toBe("");
    const neg = runCli(["cost", "--scenario", STANDARD, "--precision", "0"]);
    expect(neg.status).toBe(1);
    expect(neg.stderr).toMatch(/--precision is the P85's 95 % half-width to reach, in kroner above 0/);
  }, 120_000);
});
