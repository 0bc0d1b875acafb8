/** Shared test helpers: fixture paths and running the built CLI as a user would. */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { loadParams } from "../src/params/loadParams";
import { loadScenario } from "../src/scenario/loadScenario";

export const ROOT = path.resolve(__dirname, "..");
export const FIXTURE_PARAMS = path.join(ROOT, "test/fixtures/params");
export const GOLDEN = path.join(ROOT, "test/fixtures/scenarios/golden.yaml");
export const GOLDEN_SECOND_YEAR = path.join(ROOT, "test/fixtures/scenarios/golden-second-year.yaml");
export const STANDARD = path.join(ROOT, "data/scenarios/standard.yaml");

export function fixtureParams() {
  return loadParams(FIXTURE_PARAMS);
}

export function realParams() {
  return loadParams();
}

export function golden(file = GOLDEN, sets: string[] = []) {
  const params = fixtureParams();
  return { params, ...loadScenario(file, params, sets) };
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A CLI call that takes longer than this is a hang (the slowest, a full run, takes about 5 s): it fails, not blocks. */
const CLI_TIMEOUT_MS = 120_000;

/** Runs `node bin/introsim.js ...args` (the compiled CLI, built by `npm test`'s set-up) in `cwd`. */
export function runCli(args: string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/introsim.js"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, INTROSIM_DEBUG: "" },
    timeout: CLI_TIMEOUT_MS,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
