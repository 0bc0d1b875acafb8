/**
 * Loads a scenario file: parse YAML/JSON -> resolve `extends:` (child values override the parent's, input by input)
 * -> apply --set overrides -> zod schema -> domain checks. Every failure is a UserError naming the file and field.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { MAX_AGREEMENT_YEAR_INDEX } from "../constants";
import { UserError } from "../errors/userError";
import { describeZodIssue } from "../errors/formatZodError";
import { parseYaml } from "../io/parseYaml";
import { readText } from "../io/readText";
import { displayPath, PACKAGE_ROOT, projectPath } from "../io/paths";
import type { ParamSet } from "../params/loadParams";
import { applyOverrides, type Override } from "./overrides";
import { scenarioSchema, type Scenario } from "./schema";
import { checkScenarioDomains } from "./validateScenario";
import { correlatableSpecs, correlationTarget, mergeCorrelationSections } from "../inputs/correlations";

export interface LoadedScenario {
  scenario: Scenario;
  /** The file the user named, as shown in messages. */
  file: string;
  /** Files read, child first (the file itself, then what it extends). */
  chain: string[];
  /** The file and the chain as manifests record them: relative to the project root, whatever the working directory. */
  source: { file: string; chain: string[] };
  overrides: Override[];
}

type Raw = Record<string, unknown>;

function isObject(v: unknown): v is Raw {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Fields that name files, resolved against the folder of the scenario file that writes them. */
const FILE_FIELDS: ReadonlyArray<[section: string, field: string]> = [
  ["allocation", "applications"],
  ["allocation", "policy"],
];

/**
 * Rewrites the file fields of one scenario file as paths relative to the package root (when inside it), so the
 * scenario means the same from any working directory and its hash is the same in every clone.
 */
function resolveFileFields(raw: Raw, dir: string): void {
  for (const [section, field] of FILE_FIELDS) {
    const s = raw[section];
    if (!isObject(s) || typeof s[field] !== "string") continue;
    const abs = path.resolve(dir, s[field] as string);
    const rel = path.relative(PACKAGE_ROOT, abs);
    s[field] = rel.startsWith("..") || path.isAbsolute(rel) ? abs : rel.split(path.sep).join("/");
  }
}

/** A file field of a loaded scenario as an absolute path. */
export function scenarioFilePath(p: string): string {
  return path.resolve(PACKAGE_ROOT, p);
}

/** Reads a scenario file and the chain of files it extends, merged parent-first. */
function readMerged(file: string, seen: string[], from?: { where: string; written: string }): { raw: Raw; chain: string[]; sources: string[] } {
  const abs = path.resolve(file);
  const shown = displayPath(abs);
  if (seen.includes(abs)) throw new UserError("scenario", shown, `extends forms a cycle: ${[...seen, abs].map(displayPath).join(" -> ")}`);
  let text: string;
  try {
    text = readText(abs, "scenario");
  } catch (e) {
    // A parent that is not a readable file (extends: /dev/zero, a folder) is the child's error: name the child too.
    if (!from || !(e instanceof UserError)) throw e;
    throw new UserError("scenario", `${from.where}: extends`, `"${from.written}": ${e.message}`);
  }
  const raw = parseYaml(text, shown, "scenario");
  if (!isObject(raw)) throw new UserError("scenario", shown, "expected a mapping of scenario fields (name, agreementYearStart, inputs, …)");
  resolveFileFields(raw, path.dirname(abs));
  if (raw.extends === undefined) return { raw, chain: [shown], sources: [projectPath(abs)] };
  if (typeof raw.extends !== "string") throw new UserError("scenario", `${shown}: extends`, "expected the path of another scenario file");
  const parentFile = path.resolve(path.dirname(abs), raw.extends);
  if (!fs.existsSync(parentFile)) throw new UserError("scenario", `${shown}: extends`, `"${raw.extends}" not found (looked for ${displayPath(parentFile)})`);
  const parent = readMerged(parentFile, [...seen, abs], { where: shown, written: raw.extends });
  // A variant is its own scenario: without a name of its own it is named after its file, so its outputs never
  // overwrite the parent's (charts/<name>/).
  const merged: Raw = {
    ...parent.raw,
    name: path
      .basename(abs)
      .replace(/\.(ya?ml|json)$/i, "")
      .toLowerCase(),
    ...raw,
  };
  delete merged.extends;
  // Sections merge entry by entry, so a variant changes one input or one amount and inherits the rest.
  for (const section of ["inputs", "flows", "cohort", "allocation"]) {
    const from = parent.raw[section];
    const own = raw[section];
    if (isObject(from) || isObject(own)) merged[section] = { ...(isObject(from) ? from : {}), ...(isObject(own) ? own : {}) };
  }
  if (parent.raw.correlations !== undefined) merged.correlations = mergeCorrelationSections(parent.raw.correlations, raw.correlations);
  return { raw: merged, chain: [shown, ...parent.chain], sources: [projectPath(abs), ...parent.sources] };
}

/** Validates an already-parsed scenario object (from a file, a notebook or a test). */
export function parseScenario(raw: unknown, where: string, params: ParamSet, overrides: ReadonlyArray<Override> = []): Scenario {
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const { path: p, what } = describeZodIssue(parsed.error);
    throw new UserError("scenario", p ? `${where}: ${p}` : where, what);
  }
  if (parsed.data.agreementYearIndex > MAX_AGREEMENT_YEAR_INDEX)
    throw new UserError(
      "scenario",
      `${where}: agreementYearIndex`,
      `${parsed.data.agreementYearIndex} is not allowed; agreementYearIndex must be a whole number from 1 to ${MAX_AGREEMENT_YEAR_INDEX} (no agreement lasts longer)`,
    );
  checkScenarioDomains(parsed.data, where, params, new Map(overrides.map((o) => [o.name, `--set ${o.name}=${o.value}`])));
  correlationTarget(parsed.data.correlations, correlatableSpecs(parsed.data), where);
  return parsed.data;
}

const LOADED_OVERRIDES = new WeakMap<Scenario, Override[]>();

/** The --set overrides loadScenario applied to this scenario object, so that a run's manifest lists them however the run was started (CLI or notebook). */
export function overridesOf(scenario: Scenario): Override[] | undefined {
  return LOADED_OVERRIDES.get(scenario);
}

/** Loads, merges, overrides and validates a scenario file. */
export function loadScenario(file: string, params: ParamSet, overrides: ReadonlyArray<string> = []): LoadedScenario {
  const { raw, chain, sources } = readMerged(file, []);
  const where = chain.length > 1 ? `${chain[0]} (extends ${chain.slice(1).join(", ")})` : chain[0]!;
  const parsedOverrides = applyOverrides(raw, overrides);
  const scenario = parseScenario(raw, where, params, parsedOverrides);
  LOADED_OVERRIDES.set(scenario, parsedOverrides);
  return {
    scenario,
    file: chain[0]!,
    chain,
    source: { file: sources[0]!, chain: sources },
    overrides: parsedOverrides,
  };
}
