/**
 * The audit trail of a cost run: every input's draws and every output component per draw, written as Parquet through
 * DuckDB (appender + COPY … TO … (FORMAT parquet, KV_METADATA)), with the manifest and the results hash as the file's
 * key-value metadata, so an auditor can recompute any percentile and `introsim replay` can re-run the run.
 *
 *   cost run (seed, draws) -> Monte Carlo again, chunk by chunk (the same draws: seeded streams) -> DuckDB appender
 *   (column vectors filled from the Float64Arrays, 2048 rows a chunk) -> COPY to a temporary file -> rename
 *
 * Columns: draw (0-based), one DOUBLE per model input (its name), one per cost component ("out.<component>").
 * The re-run's net cost is checked against the run's, draw by draw: a difference is a bug, not bad input.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { DuckDBAppender, DuckDBDataChunk } from "@duckdb/node-api";
import { UserError } from "../errors/userError";
import { displayPath } from "../io/paths";
import { sha256 } from "../io/sha256";
import { canonicalJson } from "../manifest/manifest";
import { closeEngine, openEngine, run, sqlString } from "../claims/duckdb";
import { COST_COMPONENTS } from "../cost/costKernel";
import { runMonteCarlo } from "../cost/monteCarlo";
import type { CostReport, CostRun } from "./runCost";

/** Rows per DuckDB data chunk (DuckDB's vector size). */
const DUCKDB_VECTOR_SIZE = 2048;

/**
 * The results hash of a cost run: SHA-256 over the canonical JSON of its summary figures and the SHA-256 of the net
 * cost of every draw (as IEEE 754 bytes, little-endian). The same scenario, data, seed and draws give the same hash.
 */
export function costResultsHash(
  report: Pick<CostReport, "mean" | "sd" | "p10" | "p50" | "p85" | "p90" | "shareAbove500k" | "draws" | "seed">,
  net: Float64Array,
): string {
  const { mean, sd, p10, p50, p85, p90, shareAbove500k, draws, seed } = report;
  const netHash = sha256(new Uint8Array(net.buffer, net.byteOffset, net.byteLength));
  return sha256(canonicalJson({ mean, sd, p10, p50, p85, p90, shareAbove500k, draws, seed, netHash }));
}

/** What the Parquet file's metadata holds under the key "introsim": the manifest plus the results hash and the command. */
export interface DrawsMetadata {
  command: "cost";
  resultsHash: string;
  manifest: CostReport["manifest"];
}

/** Refuses a path that cannot be written (missing folder, not writable, a folder), before any work. */
export function checkWritableFile(file: string, flag: string): void {
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  const fail = (why: string) => {
    throw new UserError("flag", `${flag} ${file}`, `${why}; give a file path in a folder you can write to, e.g. ${flag} draws.parquet`);
  };
  if (!abs.toLowerCase().endsWith(".parquet")) fail("the draws file must end in .parquet");
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) fail(`the folder ${displayPath(dir)} does not exist`);
  if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) fail("this is a folder, not a file");
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    if (fs.existsSync(abs)) fs.accessSync(abs, fs.constants.W_OK);
  } catch {
    fail("no write permission");
  }
}

/** Writes the draws of `costRun` to `file` (Parquet); returns the metadata written. Nothing is left behind on failure. */
export async function exportCostDraws(costRun: CostRun, file: string): Promise<DrawsMetadata> {
  checkWritableFile(file, "--export-draws");
  const { report, problem } = costRun;
  const metadata: DrawsMetadata = { command: "cost", resultsHash: costResultsHash(report, costRun.net), manifest: report.manifest };
  const inputNames = problem.inputs.map((i) => i.name);
  const columns = ["draw", ...inputNames, ...COST_COMPONENTS.map((c) => `out.${c}`)];
  const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
  const abs = path.resolve(file);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.tmp-${process.pid}`);
  const engine = await openEngine();
  try {
    await run(engine, `CREATE TABLE draws (${columns.map((c, i) => `${quote(c)} ${i === 0 ? "INTEGER" : "DOUBLE"}`).join(", ")})`);
    const appender: DuckDBAppender = await engine.connection.createAppender("draws");
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, as in claims/duckdb.ts
    const duck = require("@duckdb/node-api") as typeof import("@duckdb/node-api");
    const types = columns.map((_, i) => (i === 0 ? duck.INTEGER : duck.DOUBLE));
    const chunk: DuckDBDataChunk = duck.DuckDBDataChunk.create(types, DUCKDB_VECTOR_SIZE);
    const drawIdx = new Int32Array(DUCKDB_VECTOR_SIZE);
    let mismatch = -1;
    runMonteCarlo(problem, {
      draws: report.draws,
      seed: report.seed,
      onChunk: (out, cols, n, start) => {
        for (let i = 0; i < n; i++) if (out.net[i] !== costRun.net[start + i] && mismatch < 0) mismatch = start + i;
        for (let off = 0; off < n; off += DUCKDB_VECTOR_SIZE) {
          const m = Math.min(DUCKDB_VECTOR_SIZE, n - off);
          for (let i = 0; i < m; i++) drawIdx[i] = start + off + i;
          const sources: ArrayLike<number>[] = [drawIdx, ...cols, ...COST_COMPONENTS.map((c) => out[c])];
          sources.forEach((src, c) => {
            const v = chunk.getColumnVector(c) as unknown as { items: Float64Array | Int32Array; flush(): void };
            const from = c === 0 ? (src as Int32Array).subarray(0, m) : (src as Float64Array).subarray(off, off + m);
            (v.items as Float64Array).set(from as Float64Array);
            v.flush();
          });
          chunk.rowCount = m;
          appender.appendDataChunk(chunk);
        }
      },
    });
    appender.flushSync();
    appender.closeSync();
    if (mismatch >= 0) throw new Error(`exportCostDraws: the re-run's net cost differs from the run's at draw ${mismatch}`);
    await run(engine, `COPY draws TO ${sqlString(tmp)} (FORMAT parquet, KV_METADATA {introsim: ${sqlString(JSON.stringify(metadata))}})`);
    fs.renameSync(tmp, abs);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  } finally {
    closeEngine(engine);
  }
  return metadata;
}

/** Reads the introsim metadata of a draws file written by exportCostDraws (undefined when it has none). */
export async function readDrawsMetadata(file: string): Promise<DrawsMetadata | undefined> {
  const engine = await openEngine();
  try {
    const reader = await engine.connection.runAndReadAll(
      `SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata(${sqlString(path.resolve(file))})`,
    );
    const row = (reader.getRowObjectsJS() as Array<{ k: string; v: string }>).find((r) => r.k === "introsim");
    return row ? (JSON.parse(row.v) as DrawsMetadata) : undefined;
  } finally {
    closeEngine(engine);
  }
}
