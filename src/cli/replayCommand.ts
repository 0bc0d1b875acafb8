/**
 * `introsim replay MANIFEST`: re-runs a saved cost run from its manifest (a draws .parquet written by
 * --export-draws, or the .manifest.json beside it) and checks the results hash. Exit 0 when it matches; exit 1 with
 * what differs (a changed data file, the scenario, the version) when it does not.
 */
import type { Command } from "commander";
import { replayCostRun } from "../analysis/replay";
import { numberFormats } from "../format/localeNumbers";
import { cliText } from "../i18n/cliMessages";
import { langOf } from "./flags";
import { paramsFromFlag } from "./scenarioFlags";

export function registerReplay(program: Command): void {
  program
    .command("replay")
    .description("re-run a saved cost run from its manifest (FILE.parquet from --export-draws, or FILE.manifest.json) and check that the results hash matches")
    .argument("<manifest>", "the draws .parquet (its metadata holds the manifest) or a .manifest.json")
    .option("--params <dir>", "parameter folder to use instead of the bundled data/params")
    .action(async (manifest: string, flags: { params?: string }, cmd: Command) => {
      const lang = langOf(cmd);
      const r = await replayCostRun(manifest, paramsFromFlag(flags.params));
      process.stdout.write(`${cliText(lang).replay.matches(r.resultsHash.slice(0, 16), r.scenario, numberFormats(lang).number(r.draws, 0), r.seed)}\n`);
    });
}
