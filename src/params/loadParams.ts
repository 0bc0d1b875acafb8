/**
 * Loads every parameter file under data/params/, validates it (zod + period checks) and returns a ParamSet with a
 * version stamp (SHA-256 of each file) for manifests.
 *
 *   data/params/**.yaml -> parse YAML (or its cached result, by SHA-256: ./yamlCache.ts) -> zod schema (takst or scalar) -> periods sorted, no overlap -> ParamSet
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { MAX_PARAM_FOLDER_DEPTH, MAX_PARAM_FOLDER_ENTRIES } from "../constants";
import { UserError } from "../errors/userError";
import { describeZodIssue } from "../errors/formatZodError";
import { readText } from "../io/readText";
import { displayPath, PARAMS_DIR } from "../io/paths";
import { sha256 } from "../io/sha256";
import { scalarParamFile, takstParamFile, type ScalarParamFile, type TakstParamFile } from "./schema";
import { YamlCache } from "./yamlCache";

export interface ParamFileInfo {
  /** Parameter id: the path under data/params/ without ".yaml", e.g. "normaltariff/2ad", "budget/max_agreements". */
  id: string;
  /** Path as shown to users (relative to the working directory when inside it), e.g. "data/params/normaltariff/2ad.yaml". */
  file: string;
  sha256: string;
  lastVerified: string;
}

export interface ParamSet {
  dir: string;
  /** Takster keyed by code ("2ad"), from data/params/normaltariff/. */
  takster: ReadonlyMap<string, TakstParamFile & { file: string }>;
  /** Every other parameter keyed by id ("egenandelstak", "budget/max_agreements"). */
  scalars: ReadonlyMap<string, ScalarParamFile & { file: string }>;
  files: ReadonlyArray<ParamFileInfo>;
  /** SHA-256 over all files' ids and hashes: one stamp for "which data produced this result". */
  dataHash: string;
}

const TAKST_FOLDER = "normaltariff";

/**
 * The .yaml files under `root`, sorted. Symlinked folders are not followed (no loops), and a folder with more than
 * MAX_PARAM_FOLDER_ENTRIES entries or deeper than MAX_PARAM_FOLDER_DEPTH is refused: it is not a parameter folder.
 */
function listYaml(root: string): string[] {
  const out: string[] = [];
  let seen = 0;
  const walk = (dir: string, depth: number): void => {
    if (depth > MAX_PARAM_FOLDER_DEPTH)
      throw new UserError(
        "params",
        displayPath(root),
        `nests folders deeper than ${MAX_PARAM_FOLDER_DEPTH} levels; expected a parameter folder like data/params`,
      );
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new UserError("params", displayPath(dir), `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    for (const entry of entries) {
      if (++seen > MAX_PARAM_FOLDER_ENTRIES)
        throw new UserError("params", displayPath(root), `holds more than ${MAX_PARAM_FOLDER_ENTRIES} entries; expected a parameter folder like data/params`);
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p, depth + 1);
      else if (entry.name.endsWith(".yaml")) out.push(p);
    }
  };
  walk(root, 0);
  return out.sort();
}

/** Checks that a file's entries are in date order, each from <= to, and do not overlap. */
function checkPeriods(values: ReadonlyArray<{ from: string; to: string }>, where: string): void {
  values.forEach((v, i) => {
    if (v.from > v.to) throw new UserError("params", `${where}: values[${i}]`, `from ${v.from} is after to ${v.to}`);
    const prev = values[i - 1];
    if (prev && v.from <= prev.to) {
      throw new UserError(
        "params",
        `${where}: values[${i}]`,
        `period ${v.from} – ${v.to} overlaps or precedes ${prev.from} – ${prev.to}; list periods in date order without overlap`,
      );
    }
  });
}

let cache: { key: string; set: ParamSet } | undefined;

/** Which files, of which size and modification time: a changed or added file invalidates the cache. */
function signature(dir: string, files: string[]): string {
  return [
    dir,
    ...files.map((f) => {
      const st = fs.statSync(f);
      return `${f}:${st.size}:${st.mtimeMs}`;
    }),
  ].join("\n");
}

/**
 * Loads and validates data/params (or `dir`). Throws a UserError naming the file and field on bad data. The result
 * is cached until a file in the folder changes (a notebook that edits a parameter file sees the new value).
 */
export function loadParams(dir: string = PARAMS_DIR): ParamSet {
  if (!fs.existsSync(dir)) throw new UserError("params", displayPath(dir), "parameter folder not found");
  if (!fs.statSync(dir).isDirectory()) throw new UserError("params", displayPath(dir), "is a file; expected a parameter folder like data/params");
  const paths = listYaml(dir);
  const key = signature(dir, paths);
  if (cache && cache.key === key) return cache.set;
  const takster = new Map<string, TakstParamFile & { file: string }>();
  const scalars = new Map<string, ScalarParamFile & { file: string }>();
  const files: ParamFileInfo[] = [];
  const parsedYaml = new YamlCache();
  for (const abs of paths) {
    const rel = path.relative(dir, abs).split(path.sep).join("/");
    const id = rel.replace(/\.yaml$/, "");
    const file = displayPath(abs);
    const text = readText(abs, "params");
    const hash = sha256(text);
    const raw = parsedYaml.get(hash, text, file);
    const isTakst = rel.startsWith(`${TAKST_FOLDER}/`);
    const parsed = (isTakst ? takstParamFile : scalarParamFile).safeParse(raw);
    if (!parsed.success) {
      const { path: p, what } = describeZodIssue(parsed.error);
      throw new UserError("params", p ? `${file}: ${p}` : file, what);
    }
    checkPeriods(parsed.data.values, file);
    if (isTakst) takster.set(id.slice(TAKST_FOLDER.length + 1), { ...(parsed.data as TakstParamFile), file });
    else scalars.set(id, { ...(parsed.data as ScalarParamFile), file });
    files.push({ id, file, sha256: hash, lastVerified: parsed.data.lastVerified });
  }
  parsedYaml.save();
  const dataHash = sha256(files.map((f) => `${f.id}:${f.sha256}`).join("\n"));
  const set: ParamSet = { dir, takster, scalars, files, dataHash };
  cache = { key, set };
  return set;
}
