/**
 * The flags every scenario command shares (--scenario, --draws, --seed, --set, --params) and the one way they are
 * turned into a validated scenario and parameter set. New commands (flows, allocation, …) reuse both.
 */
import * as path from "node:path";
import type { Command } from "commander";
import { loadParams, type ParamSet } from "../params/loadParams";
import { loadScenario, type LoadedScenario } from "../scenario/loadScenario";
import { collect, parseDraws, parseSeed } from "./flags";

export interface ScenarioFlags {
  scenario: string;
  draws?: number;
  seed?: number;
  set?: string[];
  params?: string;
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
    .option("--params <dir>", "parameter folder to use instead of the bundled data/params (e.g. updated takster)");
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
