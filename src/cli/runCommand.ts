/**
 * `introsim run`: the main job — run one or several scenarios (cost, flows, slot simulation, budget projection) and
 * write results.json, manifest.json, report.html, results.xlsx and every chart to a folder (default
 * charts/<scenario name>/, or charts/sammenligning/ for several). Everything is computed and rendered in memory, then
 * the folder is written as a whole (writeDirAtomic), so a failed or killed run leaves no half-written report.
 */
import * as path from "node:path";
import type { Command } from "commander";
import { UserError } from "../errors/userError";
import { writeDirAtomic } from "../io/atomicWrite";
import { checkOutputDir } from "../io/outputDir";
import { CHARTS_DIR, displayPath } from "../io/paths";
import { loadScenario, type LoadedScenario } from "../scenario/loadScenario";
import { runScenarios } from "../run/parallelRuns";
import { numberFormats } from "../format/localeNumbers";
import { cliText } from "../i18n/cliMessages";
import { runDate } from "../time/runDate";
import { addScenarioFlags, paramsFromFlag, type ScenarioFlags } from "./scenarioFlags";
import { langOf, parseHorizon, parseIsoDateFlag } from "./flags";
import { progressFor } from "./progress";
import { checkFixedPriceDate } from "../budget/projectBudget";
import { checkWritableFile } from "../analysis/drawsExport";
import { exportRunDraws } from "./uncertaintyFlags";

/** The shared scenario flags, with --scenario repeatable, and run's own. */
interface RunFlags extends Omit<ScenarioFlags, "scenario"> {
  scenario: string[];
  out?: string;
  force?: boolean;
  csv?: boolean;
  png?: boolean;
  fixedPrices?: string;
  horizon?: number;
  exportDraws?: string;
}

/** Default folder for a run of several scenarios. */
const COMPARISON_DIR = "sammenligning";

/** Names a scenario may not have in a run of several: the comparison's own files and folders at the top. */
const RESERVED_NAMES = ["csv", "manifest", COMPARISON_DIR];

function loadAll(flags: RunFlags): { params: ReturnType<typeof paramsFromFlag>; loaded: LoadedScenario[] } {
  const params = paramsFromFlag(flags.params);
  const loaded = flags.scenario.map((f) => loadScenario(f, params, flags.set ?? []));
  const seen = new Map<string, string>();
  for (const l of loaded) {
    const first = seen.get(l.scenario.name);
    if (first === l.file) throw new UserError("flag", "--scenario", `${l.file} is given twice; give each scenario once`);
    if (loaded.length > 1 && RESERVED_NAMES.includes(l.scenario.name))
      throw new UserError("scenario", l.file, `the name "${l.scenario.name}" is used by the comparison's own files; set another name: in this scenario`);
    if (first)
      throw new UserError(
        "scenario",
        l.file,
        `has the same name "${l.scenario.name}" as ${first}; two scenarios in one run need different names (their outputs go to folders named after them): set name: in one of them`,
      );
    seen.set(l.scenario.name, l.file);
  }
  return { params, loaded };
}

export function registerRun(program: Command): void {
  addScenarioFlags(
    program
      .command("run")
      .description(
        "run one or several scenarios: results.json, manifest.json, report.html, results.xlsx and charts (.svg, .vl.json; .png with --png) in a folder",
      ),
    true,
  )
    .option(
      "--horizon <year>",
      "last year of the slot simulation and budget, through 31 December (default: the scenario's allocation.horizon, 2030)",
      parseHorizon,
    )
    .option("--out <dir>", "output folder (default: charts/<scenario name>/, or charts/sammenligning/ for several scenarios)")
    .option("--force", "replace --out even when it holds files introsim did not write (they are kept; system, home and temp folders stay refused)")
    .option("--csv", "also write the tables as CSV for Norwegian Excel (semicolon, decimal comma) in <out>/csv/")
    .option("--png", "also write every chart as PNG (2×) beside its SVG, for slides and documents; the report uses the SVG")
    .option(
      "--export-draws <file>",
      "also write each scenario's cost draws (every input and output per draw, manifest as metadata) to FILE.parquet (FILE-<name>.parquet for several)",
    )
    .option(
      "--fixed-prices <date>",
      "budget projection in fixed prices: the takster valid on this date (YYYY-MM-DD) in every year; default nominal kroner",
      parseIsoDateFlag,
    )
    .action(async (flags: RunFlags, cmd: Command) => {
      const text = cliText(langOf(cmd));
      const f = numberFormats(langOf(cmd));
      const { params, loaded } = loadAll(flags);
      checkFixedPriceDate(params, flags.fixedPrices);
      if (flags.fixedPrices && !loaded.some((l) => l.scenario.allocation?.applications))
        process.stderr.write(`introsim: ${text.warning}: ${text.run.fixedPricesNoEffect}\n`);
      const outDir = flags.out ?? path.join(CHARTS_DIR, loaded.length === 1 ? loaded[0]!.scenario.name : COMPARISON_DIR);
      // Refused before anything is computed: "/", $HOME, the temp folder, a system folder, a file, a device, a
      // dangling symlink, a name too long, a place not writable, a folder introsim did not write (unless --force).
      const target = checkOutputDir(outDir, { force: flags.force });
      if (flags.exportDraws) checkWritableFile(flags.exportDraws, "--export-draws");
      const date = runDate();
      // With --threads N ≥ 2, several scenarios run in parallel, one worker thread each up to N, each building its own
      // output files too: the same numbers and files as one after the other. Not by default: on a busy machine the
      // workers' start (modules, compiling) cost more than they saved (bench/README.md, run-scenarios.mjs).
      const outputs = { csv: flags.csv, png: flags.png };
      const { runs, parts } = await runScenarios(
        loaded,
        params,
        { draws: flags.draws, seed: flags.seed, fixedPriceDate: flags.fixedPrices, horizon: flags.horizon, date },
        flags.threads ?? 1,
        (i) => progressFor(flags.draws ?? loaded[i]!.scenario.draws ?? 0, loaded[i]!.scenario.name),
        loaded.length > 1 ? outputs : undefined,
      );
      const { scenarioOutputFiles, comparisonOutputFiles } = await import("../run/runOutputs");
      const files = runs.length === 1 ? await scenarioOutputFiles(runs[0]!, outputs) : await comparisonOutputFiles(runs, outputs, parts);
      writeDirAtomic(target, files, { force: flags.force }); // all or nothing
      if (flags.exportDraws)
        for (const file of await exportRunDraws(
          flags.exportDraws,
          runs.map((r) => ({ name: r.results.scenario.name, costRun: r.paired?.run })),
        ))
          process.stdout.write(`${text.run.wroteDraws(file)}\n`);
      const charts = [...files.keys()].filter((f) => f.endsWith(".svg")).length;
      for (const run of runs) {
        const r = run.results;
        const years = r.budget?.years;
        process.stdout.write(
          `${text.run.scenarioLine(r.scenario.name, f.nok(r.cost.p50), f.nok(r.cost.p85), years?.[0]?.year, years?.[years.length - 1]?.year)}\n`,
        );
        for (const w of r.warnings) process.stderr.write(`introsim: ${text.warning}: ${r.scenario.name}: ${w}\n`);
      }
      process.stdout.write(`${text.run.wrote(displayPath(outDir), charts, !!flags.csv)}\n`);
    });
}
