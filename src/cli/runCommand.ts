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
import { addScenarioFlags, loadFromFlags, type ScenarioFlags } from "./scenarioFlags";
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
      const run = runCost(loaded.scenario, params, { draws: flags.draws, seed: flags.seed, file: loaded.file, overrides: loaded.overrides, onProgress: progress.onProgress });
      progress.stop();
      const outDir = flags.out ?? path.join(CHARTS_DIR, loaded.scenario.name);
      // Loaded here, not at start-up: vega, vega-lite and resvg take a few hundred ms that `introsim cost` never needs.
      const { renderChart, chartFiles } = await import("../charts/render");
      const { costDistributionSpec } = await import("../charts/costDistributionChart");
      const { tornadoSpec } = await import("../charts/tornadoChart");
      const specs = {
        "kostnadsfordeling": costDistributionSpec(run.report, run.sortedNet),
        "tornado": tornadoSpec(run.report),
      };
      const files = new Map<string, string | Uint8Array>();
      for (const [name, spec] of Object.entries(specs)) for (const [file, content] of chartFiles(await renderChart(spec), name)) files.set(file, content);
      files.set("results.json", `${JSON.stringify({ cost: run.report }, null, 2)}\n`);
      files.set("manifest.json", `${JSON.stringify(run.report.manifest, null, 2)}\n`);
      writeDirAtomic(outDir, files); // all or nothing
      const rendered = Object.keys(specs);
      process.stdout.write(`introsim run: ${loaded.scenario.name}: P50 ${Math.round(run.report.p50)} kr, P85 ${Math.round(run.report.p85)} kr per agreement-year; wrote ${displayPath(outDir)}/ (results.json, manifest.json, ${rendered.length} charts)\n`);
      for (const w of run.report.warnings) process.stderr.write(`introsim: warning: ${w}\n`);
    });
}
