/**
 * The manifest every output carries: which tool version, scenario (content hash), seed, draws, overrides and data
 * files produced it. It holds no clock time, so the same inputs give byte-identical output.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { PACKAGE_ROOT } from "../io/paths";
import { sha256 } from "../io/sha256";
import type { ParamSet } from "../params/loadParams";
import type { Override } from "../inputs/override";

export interface Manifest {
  tool: "introsim";
  version: string;
  scenario: { name: string; file?: string; hash: string };
  seed: number;
  draws: number;
  overrides: Override[];
  /** Run options that change the result besides the scenario (e.g. the employment form of `flows`). */
  options?: Record<string, string | number>;
  data: { hash: string; files: Array<{ id: string; sha256: string; lastVerified: string }> };
}

let version: string | undefined;
/** The package version from package.json. */
export function packageVersion(): string {
  version ??= (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
  return version;
}

/** JSON with object keys sorted at every level: the canonical form that is hashed. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** What the manifest needs of a scenario: its name; the rest of its fields are hashed as they are. */
interface HashableScenario {
  name: string;
  draws?: number;
  seed?: number;
}

/** SHA-256 of the resolved scenario's assumptions (after extends and --set; draws and seed excluded: they are reported on their own). */
export function scenarioHash(s: HashableScenario): string {
  const { draws: _d, seed: _s, ...assumptions } = s;
  return sha256(canonicalJson(assumptions));
}

export function buildManifest(
  s: HashableScenario,
  params: ParamSet,
  run: { seed: number; draws: number; file?: string; overrides?: Override[]; options?: Record<string, string | number> },
): Manifest {
  return {
    tool: "introsim",
    version: packageVersion(),
    scenario: { name: s.name, ...(run.file ? { file: run.file } : {}), hash: scenarioHash(s) },
    seed: run.seed,
    draws: run.draws,
    overrides: run.overrides ?? [],
    ...(run.options ? { options: run.options } : {}),
    data: { hash: params.dataHash, files: params.files.map((f) => ({ id: f.id, sha256: f.sha256, lastVerified: f.lastVerified })) },
  };
}
