/** `introsim cost`: the cost per agreement-year for one scenario, as a table or as JSON on stdout. */
import type { Command } from "commander";
import { runCost } from "../analysis/runCost";
import { costTable } from "./costTable";
import { langOf, parseSobolSamples } from "./flags";
import { progressFor } from "./progress";
import { addScenarioFlags, loadFromFlags, runOptions, type ScenarioFlags } from "./scenarioFlags";
import { addUncertaintyFlags, precisionTable, runWithUncertaintyFlags, type UncertaintyFlags } from "./uncertaintyFlags";

export function registerCost(program: Command): void {
  addUncertaintyFlags(
    addScenarioFlags(
      program.command("cost").description("net extra cost to folketrygden per agreement-year: deterministic, Monte Carlo percentiles, decomposition, drivers"),
    ),
  )
    .option(
      "--sobol <n>",
      "also estimate Sobol first-order and total-effect indices with N samples (N × (factors + 2) evaluations), e.g. --sobol 4096",
      parseSobolSamples,
    )
    .option("--json", "print one JSON object instead of a table")
    .action(async (flags: ScenarioFlags & UncertaintyFlags & { json?: boolean; sobol?: number }, cmd: Command) => {
      const lang = langOf(cmd);
      const { params, loaded } = loadFromFlags(flags);
      const progress = progressFor(flags.draws ?? loaded.scenario.draws ?? 0, "cost");
      const { run, precisionRun } = await runWithUncertaintyFlags(flags, flags.draws ?? loaded.scenario.draws ?? 0, (draws) =>
        runCost(loaded.scenario, params, {
          ...runOptions(flags, loaded),
          ...(draws ? { draws } : {}),
          onProgress: progress.onProgress,
          sobolSamples: flags.sobol,
          shapley: flags.shapley,
        }),
      );
      progress.stop();
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(precisionRun ? { ...run.report, precisionRun } : run.report, null, 2)}\n`);
        for (const w of run.report.warnings) process.stderr.write(`introsim: warning: ${w}\n`);
      } else {
        process.stdout.write(`${costTable(run.report, lang)}\n`); // the table ends with the warnings
        process.stdout.write(`\n${precisionTable(run, lang, precisionRun)}\n`);
      }
    });
}
