/** `introsim flows`: who pays whom for one agreement-year, with and without the agreement, by employment form. */
import { Option, type Command } from "commander";
import { runFlows } from "../analysis/runFlows";
import { EMPLOYMENT_FORMS, type EmploymentForm } from "../flows/parties";
import { flowsTable } from "./flowsTable";
import { langOf } from "./flags";
import { progressFor } from "./progress";
import { addScenarioFlags, loadFromFlags, runOptions, type ScenarioFlags } from "./scenarioFlags";

export function registerFlows(program: Command): void {
  addScenarioFlags(
    program
      .command("flows")
      .description("refusjon flows between folketrygden, patients, kommune, intro doctor, fastleger and the state: ledgers with and without the agreement"),
  )
    .addOption(
      new Option("--employment <form>", "employment form of the intro doctor (default: the scenario's flows.employment)").choices([...EMPLOYMENT_FORMS]),
    )
    .option("--json", "print one JSON object instead of tables")
    .action((flags: ScenarioFlags & { json?: boolean; employment?: EmploymentForm }, cmd: Command) => {
      const { params, loaded } = loadFromFlags(flags);
      const progress = progressFor(flags.draws ?? loaded.scenario.draws ?? 0, "flows");
      const report = runFlows(loaded.scenario, params, { ...runOptions(flags, loaded), employment: flags.employment, onProgress: progress.onProgress });
      progress.stop();
      process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : `${flowsTable(report, langOf(cmd))}\n`);
      if (flags.json) for (const w of report.warnings) process.stderr.write(`introsim: warning: ${w}\n`);
    });
}
