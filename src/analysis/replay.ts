/**
 * Replays a saved cost run from its manifest and checks that it gives the same results hash.
 *
 *   manifest (a draws .parquet's metadata, or its .manifest.json) -> the data files now vs then -> the scenario file
 *   now vs then (hash after extends and --set) -> runCost with the manifest's seed and draws -> results hash
 *
 * A mismatch is a UserError that says what differs: a changed, missing or added data file (by id), a changed
 * scenario, another introsim version — or, when all of these are the same, that the results differ anyway.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import { UserError } from "../errors/userError";
import { displayPath, PACKAGE_ROOT } from "../io/paths";
import { packageVersion } from "../manifest/manifest";
import type { ParamSet } from "../params/loadParams";
import { loadScenario } from "../scenario/loadScenario";
import { costResultsHash, readDrawsMetadata, type DrawsMetadata } from "./drawsExport";
import { runCost } from "./runCost";

const metadataSchema = z.object({
  command: z.literal("cost"),
  resultsHash: z.string().regex(/^[0-9a-f]{64}$/),
  manifest: z.object({
    tool: z.literal("introsim"),
    version: z.string(),
    scenario: z.object({ name: z.string(), file: z.string(), hash: z.string() }),
    seed: z.number().int(),
    draws: z.number().int().positive(),
    overrides: z.array(z.object({ name: z.string(), value: z.union([z.number(), z.string()]) })),
    data: z.object({ hash: z.string(), files: z.array(z.object({ id: z.string(), sha256: z.string(), lastVerified: z.string() })) }),
  }),
});

export interface ReplayResult {
  resultsHash: string;
  draws: number;
  seed: number;
  scenario: string;
}

/** Reads and checks a manifest file: a draws .parquet (its metadata) or a .json written beside it. */
export async function readReplayManifest(file: string): Promise<DrawsMetadata> {
  const shown = displayPath(path.resolve(file));
  const notOne = (why: string) =>
    new UserError("io", shown, `not an introsim run manifest (${why}); give the .parquet written by --export-draws or the .manifest.json beside it`);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UserError("io", shown, "file not found");
  let raw: unknown;
  if (file.toLowerCase().endsWith(".parquet")) {
    try {
      raw = await readDrawsMetadata(file);
    } catch {
      throw notOne("not a readable Parquet file");
    }
    if (raw === undefined) throw notOne("the Parquet file has no introsim metadata");
  } else {
    try {
      raw = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch {
      throw notOne("not JSON");
    }
  }
  const parsed = metadataSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw notOne(`${issue.path.join(".") || "top level"}: ${issue.message}`);
  }
  return parsed.data as DrawsMetadata;
}

/** What differs between the manifest's data files and the parameter set's, in words (empty when none). */
function dataDifferences(then: DrawsMetadata["manifest"]["data"]["files"], now: ParamSet): string[] {
  const nowById = new Map(now.files.map((f) => [f.id, f.sha256]));
  const thenIds = new Set(then.map((f) => f.id));
  const out: string[] = [];
  for (const f of then) {
    const sha = nowById.get(f.id);
    if (sha === undefined) out.push(`data file ${f.id} is missing`);
    else if (sha !== f.sha256) out.push(`data file ${f.id} changed (sha256 ${f.sha256.slice(0, 12)}… then, ${sha.slice(0, 12)}… now)`);
  }
  for (const f of now.files) if (!thenIds.has(f.id)) out.push(`data file ${f.id} is new`);
  return out;
}

/** Re-runs the manifest's cost run and compares the results hash; throws a UserError naming what differs. */
export async function replayCostRun(file: string, params: ParamSet): Promise<ReplayResult> {
  const meta = await readReplayManifest(file);
  const m = meta.manifest;
  const scenarioFile = path.resolve(PACKAGE_ROOT, m.scenario.file!);
  const reasons = dataDifferences(m.data.files, params);
  if (m.version !== packageVersion()) reasons.push(`introsim version ${m.version} then, ${packageVersion()} now`);
  if (!fs.existsSync(scenarioFile))
    throw new UserError("io", displayPath(path.resolve(file)), `the scenario file ${m.scenario.file} is missing; ${reasons.join("; ")}`);
  const loaded = loadScenario(
    scenarioFile,
    params,
    m.overrides.map((o) => `${o.name}=${o.value}`),
  );
  const costRun = runCost(loaded.scenario, params, { draws: m.draws, seed: m.seed, file: loaded.source.file, overrides: loaded.overrides });
  if (costRun.report.manifest.scenario.hash !== m.scenario.hash)
    reasons.unshift(`the scenario ${m.scenario.file} changed (its resolved assumptions hash differently)`);
  const hash = costResultsHash(costRun.report, costRun.net);
  if (hash !== meta.resultsHash)
    throw new UserError(
      "io",
      displayPath(path.resolve(file)),
      `the results hash differs (${meta.resultsHash.slice(0, 12)}… saved, ${hash.slice(0, 12)}… now): ${reasons.length ? reasons.join("; ") : "the scenario, data files and version are the same, so the code computes differently"}`,
    );
  return { resultsHash: hash, draws: m.draws, seed: m.seed, scenario: m.scenario.file! };
}
