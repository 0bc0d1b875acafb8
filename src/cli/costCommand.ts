/** `introsim cost`: the cost per agreement-year for one scenario, as a table or as JSON on stdout. */
import type { Command } from "commander";
import { runCost } from "../analysis/runCost";
import { costTable } from "./costTable";
import { parseSobolSamples } from "./flags";
import { progressFor } from "./progress";
import { addScenarioFlags, loadFromFlags, runOptions, type ScenarioFlags } from "./scenarioFlags";

export function registerCost(program: Command): void {
  addScenarioFlags(
    program.command("cost").description("net extra cost to folketrygden per agreement-year: deterministic, Monte Carlo percentiles, decomposition, drivers"),
  )
    .option(
      "--sobol <n>",
      "also estimate Sobol first-order and total-effect indices with N samples (N × (factors + 2) evaluations), e.g. --sobol 4096",
      parseSobolSamples,
    )
    .option("--json", "print one JSON object instead of a table")
    .action((flags: ScenarioFlags & { json?: boolean; sobol?: number }) => {
      const { params, loaded } = loadFromFlags(flags);
      const progress = progressFor(flags.draws ?? loaded.scenario.draws ?? 0, "cost");
      const run = runCost(loaded.scenario, params, { ...runOptions(flags, loaded), onProgress: progress.onProgress, sobolSamples: flags.sobol });
      progress.stop();
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(run.report, null, 2)}\n`);
        for (const w of run.report.warnings) process.stderr.write(`introsim: warning: ${w}\n`);
      } else {
        process.stdout.write(`${costTable(run.report)}\n`); // the table ends with the warnings
      }
    });
}
