// Notebooks people explore (issue 17): executed headless on the project's tslab kernel, a notebook that passes an
// override to loadScenario gets it in the run's manifest, the draws come out as a danfojs DataFrame of the expected
// shape, and a chart is shown as a MIME bundle with the Vega-Lite spec (interactive in JupyterLab) and the SVG fallback.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT, realParams, STANDARD } from "../helpers";
import { loadScenario } from "../../src/scenario/loadScenario";
import { runCost } from "../../src/analysis/runCost";

const FIXTURE = path.join(__dirname, "fixtures", "explore.ipynb");
const VEGALITE_MIME = "application/vnd.vegalite.v5+json";

interface Output {
  output_type: string;
  text?: string | string[];
  data?: Record<string, unknown>;
}

describe("overrides reach the manifest", () => {
  test("runCost(loadScenario(file, params, ['substitutionShare=0.3']).scenario) lists the override in its manifest", () => {
    const params = realParams();
    const loaded = loadScenario(STANDARD, params, ["substitutionShare=0.3"]);
    const run = runCost(loaded.scenario, params, { draws: 200, seed: 1 });
    expect(run.report.manifest.overrides).toEqual(loaded.overrides);
    expect(run.report.manifest.overrides.map((o) => o.name)).toEqual(["substitutionShare"]);
    // a scenario loaded without overrides has none
    const plain = runCost(loadScenario(STANDARD, params).scenario, params, { draws: 200, seed: 1 });
    expect(plain.report.manifest.overrides).toEqual([]);
  });
});

describe("a notebook that explores", () => {
  test("executes: override in the manifest, draws as a DataFrame [2000, 2], the chart as Vega-Lite + SVG", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-nb-"));
    const src = path.join(dir, "explore.ipynb");
    // run from the fixture's own folder (its relative paths), write the result to the temp folder
    const out = path.join(dir, "explore.out.ipynb");
    fs.copyFileSync(FIXTURE, src);
    const r = spawnSync("/usr/bin/jupyter", ["nbconvert", "--to", "notebook", "--execute", "--allow-errors", "--ExecutePreprocessor.timeout=600", FIXTURE, "--output", out], {
      cwd: path.dirname(FIXTURE),
      encoding: "utf8",
      env: { ...process.env, JUPYTER_PATH: path.join(ROOT, ".jupyter/share/jupyter") },
    });
    expect(r.status, r.stderr).toBe(0);
    const executed = JSON.parse(fs.readFileSync(out, "utf8")) as { cells: Array<{ outputs?: Output[] }> };
    const outputs = executed.cells.flatMap((c) => c.outputs ?? []);
    expect(outputs.filter((o) => o.output_type === "error")).toEqual([]);
    const text = outputs.map((o) => [o.text ?? ""].flat().join("")).join("\n");
    const overrides = JSON.parse(/manifest\.overrides=(.*)/.exec(text)![1]!) as Array<{ name: string; value: unknown }>;
    expect(overrides.map((o) => [o.name, o.value])).toEqual([["substitutionShare", 0.3]]);
    expect(/draws\.shape=(.*)/.exec(text)![1]).toBe("[2000,2]");
    expect(/draws\.columns=(.*)/.exec(text)![1]).toBe('["draw","netCostNok"]');
    const charts = outputs.filter((o) => o.output_type === "display_data" && o.data?.[VEGALITE_MIME] !== undefined);
    expect(charts).toHaveLength(1);
    const bundle = charts[0]!.data!;
    expect((bundle[VEGALITE_MIME] as { $schema: string }).$schema).toMatch(/vega-lite\/v5/);
    expect(String(bundle["image/svg+xml"])).toMatch(/^<svg/);
  });
});
