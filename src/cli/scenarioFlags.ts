/**
 * The flags every scenario command shares (--scenario, --draws, --seed, --set, --params) and the one way they are
 * turned into a validated scenario and parameter set. New commands (flows, allocation, …) reuse both.
 */
import * as path from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { MC_MAX_THREADS } from "../constants";
import { setDefaultThreads } from "../cost/monteCarlo";
import { loadParams, type ParamSet } from "../params/loadParams";
import { loadScenario, type LoadedScenario } from "../scenario/loadScenario";
import { collect, parseDraws, parseSeed } from "./flags";

export interface ScenarioFlags {
  scenario: string;
  draws?: number;
  seed?: number;
  set?: string[];
  params?: string;
  threads?: number;
}

/** --threads: Monte Carlo threads, 1 … MC_MAX_THREADS. */
function parseThreads(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n < 1 || n > MC_MAX_THREADS)
    throw new InvalidArgumentError(`"${v}" is not allowed; threads must be a whole number from 1 to ${MC_MAX_THREADS}, e.g. --threads 2`);
  return n;
}

/** @param multiple allow --scenario several times (collected into an array), as `introsim run` does */
export function addScenarioFlags(command: Command, multiple = false): Command {
  const described = multiple
    ? command.requiredOption("--scenario <file>", "scenario file (YAML or JSON); repeat to run and compare several", collect, [])
    : command.requiredOption("--scenario <file>", "scenario file (YAML or JSON), e.g. data/scenarios/standard.yaml");
  return described
    .option("--draws <n>", "Monte Carlo draws (default: the scenario's, else 100000)", parseDraws)
    .option("--seed <s>", "random seed (default: the scenario's); the same seed gives the same numbers", parseSeed)
    .option("--set <name=value>", "override a named input with a fixed value, e.g. --set substitutionShare=0.5 (repeatable)", collect, [])
    .option("--params <dir>", "parameter folder to use instead of the bundled data/params (e.g. updated takster)")
    .option(
      "--threads <n>",
      `Monte Carlo threads (default: the machine's cores, at most ${MC_MAX_THREADS}); the numbers are the same for any count`,
      parseThreads,
    )
    .hook("preAction", (cmd) => setDefaultThreads((cmd.opts() as ScenarioFlags).threads));
}

/** The parameter set named by --params (or the bundled data/params). */
export function paramsFromFlag(dir: string | undefined): ParamSet {
  return loadParams(dir ? path.resolve(dir) : undefined);
}

/** The run options every scenario command passes on: draws, seed, and what the manifest records (file, overrides). */
export function runOptions(
  flags: ScenarioFlags,
  loaded: LoadedScenario,
): { draws?: number; seed?: number; file: string; overrides: LoadedScenario["overrides"] } {
  return { draws: flags.draws, seed: flags.seed, file: loaded.source.file, overrides: loaded.overrides };
}

/** Loads the parameters and the scenario named by the flags (a UserError on bad input). */
export function loadFromFlags(flags: ScenarioFlags): { params: ParamSet; loaded: LoadedScenario } {
  const params = paramsFromFlag(flags.params);
  return { params, loaded: loadScenario(flags.scenario, params, flags.set ?? []) };
}
