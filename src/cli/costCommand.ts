/** `introsim cost`: the cost per agreement-year for one scenario, as a table or as JSON on stdout. */
import * as path from "node:path";
import type { Command } from "commander";
import { loadParams } from "../params/loadParams";
import { loadScenario } from "../scenario/loadScenario";
import { runCost } from "../cost/runCost";
import { costTable } from "./costTable";
import { collect, parseDraws, parseSeed } from "./flags";
import { progressFor } from "./progress";

export interface CostFlags {
  scenario: string;
  draws?: number;
  seed?: number;
  set?: string[];
  params?: string;
  json?: boolean;
}

export function registerCost(program: Command): void {
  program
    .command("cost")
    .description("net extra cost to folketrygden per agreement-year: deterministic, Monte Carlo percentiles, decomposition, drivers")
    .requiredOption("--scenario <file>", "scenario file (YAML or JSON), e.g. data/scenarios/standard.yaml")
    .option("--draws <n>", "Monte Carlo draws (default: the scenario's, else 100000)", parseDraws)
    .option("--seed <s>", "random seed (default: the scenario's); the same seed gives the same numbers", parseSeed)
    .option("--params <dir>", "parameter folder to use instead of the bundled data/params (e.g. updated takster)")
    .option("--set <name=value>", "override a named input with a fixed value, e.g. --set substitutionShare=0.5 (repeatable)", collect, [])
    .option("--json", "print one JSON object instead of a table")
    .action((flags: CostFlags) => {
      const params = loadParams(flags.params ? path.resolve(flags.params) : undefined);
      const loaded = loadScenario(flags.scenario, params, flags.set ?? []);
      const draws = flags.draws ?? loaded.scenario.draws;
      const progress = progressFor(draws ?? 0, "cost");
      const run = runCost(loaded.scenario, params, { draws: flags.draws, seed: flags.seed, file: loaded.file, overrides: loaded.overrides, onProgress: progress.onProgress });
      progress.stop();
      if (flags.json) process.stdout.write(`${JSON.stringify(run.report, null, 2)}\n`);
      else {
        process.stdout.write(`${costTable(run.report)}\n`);
      }
      if (flags.json) for (const w of run.report.warnings) process.stderr.write(`introsim: warning: ${w}\n`);
    });
}
