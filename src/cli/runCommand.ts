/**
 * `introsim run`: the main job — run a scenario and write its results, manifest and charts to a folder
 * (default charts/<scenario name>/). Everything is computed and rendered in memory, then the folder is written as a
 * whole (src/io/atomicWrite.ts writeDirAtomic), so a failed run leaves no half-written or mixed output.
 */
import * as path from "node:path";
import type { Command } from "commander";
import { runCost } from "../cost/runCost";
import { writeDirAtomic } from "../io/atomicWrite";
import { CHARTS_DIR, displayPath } from "../io/paths";
import { addScenarioFlags, loadFromFlags, runOptions, type ScenarioFlags } from "./scenarioFlags";
import { runFlows } from "../flows/runFlows";
import { EMPLOYMENT_FORMS } from "../flows/parties";
import type { ChartSpec } from "../charts/render";
import { progressFor } from "./progress";

interface RunFlags extends ScenarioFlags {
  out?: string;
}

export function registerRun(program: Command): void {
  addScenarioFlags(program.command("run").description("run a scenario and write results.json, manifest.json and charts (.svg, .png, .vl.json) to a folder"))
    .option("--out <dir>", "output folder (default: charts/<scenario name>/)")
    .action(async (flags: RunFlags) => {
      const { params, loaded } = loadFromFlags(flags);
      const progress = progressFor(flags.draws ?? loaded.scenario.draws ?? 0, loaded.scenario.name);
      const run = runCost(loaded.scenario, params, { ...runOptions(flags, loaded), onProgress: progress.onProgress });
      progress.stop();
      const outDir = flags.out ?? path.join(CHARTS_DIR, loaded.scenario.name);
      // Loaded here, not at start-up: vega, vega-lite and resvg take a few hundred ms that `introsim cost` never needs.
      const { renderChart, chartFiles } = await import("../charts/render");
      const { costDistributionSpec } = await import("../charts/costDistributionChart");
      const { tornadoSpec } = await import("../charts/tornadoChart");
      const { partyEffectsSpec, partyWaterfallSpec } = await import("../charts/flowsCharts");
      // Flows for both employment forms when the scenario describes them (same seed and draws as the cost).
      const flows = loaded.scenario.flows
        ? EMPLOYMENT_FORMS.map((employment) => runFlows(loaded.scenario, params, { ...runOptions(flags, loaded), employment }))
        : [];
      const specs: Record<string, ChartSpec> = {
        "kostnadsfordeling": costDistributionSpec(run.report, run.sortedNet),
        "tornado": tornadoSpec(run.report),
        ...(flows.length ? { "strommer-parter": partyEffectsSpec(flows), "strommer-kommunen": partyWaterfallSpec(flows, "kommune"), "strommer-fastleger": partyWaterfallSpec(flows, "fastleger") } : {}),
      };
      const files = new Map<string, string | Uint8Array>();
      for (const [name, spec] of Object.entries(specs)) for (const [file, content] of chartFiles(await renderChart(spec), name)) files.set(file, content);
      const results = flows.length ? { cost: run.report, flows: Object.fromEntries(flows.map((f) => [f.employment, f])) } : { cost: run.report };
      files.set("results.json", `${JSON.stringify(results, null, 2)}\n`);
      files.set("manifest.json", `${JSON.stringify(run.report.manifest, null, 2)}\n`);
      writeDirAtomic(outDir, files); // all or nothing
      const rendered = Object.keys(specs);
      process.stdout.write(`introsim run: ${loaded.scenario.name}: P50 ${Math.round(run.report.p50)} kr, P85 ${Math.round(run.report.p85)} kr per agreement-year; wrote ${displayPath(outDir)}/ (results.json, manifest.json, ${rendered.length} charts${flows.length ? ", flows for both employment forms" : ""})\n`);
      for (const w of run.report.warnings) process.stderr.write(`introsim: warning: ${w}\n`);
    });
}
