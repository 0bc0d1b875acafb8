#!/usr/bin/env node
/**
 * Regnskapstall at national scale (issues 14 and 18): `introsim claims estimate` on a hive-partitioned Parquet folder
 * of 20 M and 100 M claim lines, side by side in one run with (a) the pandas reference (bench/claims_pandas.py) and
 * (b) the floor: the same validation and aggregation as one raw DuckDB SQL statement (bench/claims-duckdb-floor.mjs).
 *
 *   node bench/claims-vs-pandas.mjs [--rows 20000000,100000000] [--seed 1] [--bootstrap 999] [--threads 2]
 *                                   [--chunk 2000000] [--dir /tmp/claims-scale] [--keep] [--out FILE.json]
 *
 * Per size, in order (each timed as its own process under /usr/bin/time -v: wall, CPU = user + sys, peak RSS):
 * 1. `introsim claims generate` (the extract: claims.parquet, doctors.parquet);
 * 2. not timed: claims.parquet rewritten as DIR/claims/year=YYYY/month=M/*.parquet (COPY … PARTITION_BY), as an
 *    extract of several years arrives, and the tariff periods as JSON;
 * 3. introsim's estimateNetCost on DIR/claims (the library call `claims estimate --no-scenario` makes, in its own
 *    process, with DuckDB threads = --threads; bootstrap --bootstrap);
 * 4. the floor on the same folder;
 * 5. not timed: the extract as CSV (this pandas has no Parquet engine; Debian has no pyarrow), then pandas on it,
 *    read in chunks of --chunk lines (100 M lines as Python strings do not fit in memory).
 * Agreement is gated: rows read, accepted, rejected and the accepted lines' folketrygd cost in øre must be equal on all
 * three sides before a ratio is printed (exit 1 otherwise). Each process has its own DuckDB spill folder. Results
 * are appended to --out after every step, so a run cut short keeps what it measured. Big files are removed unless --keep.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fmtInt, pad, padR, parseBenchArgs, say } from "./lib.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const CLI = join(ROOT, "bin/introsim.js");
const USAGE =
  "usage: node bench/claims-vs-pandas.mjs [--rows 20000000,100000000] [--seed 1] [--bootstrap 999] [--threads 2] [--chunk 2000000] [--dir DIR] [--keep] [--reuse] [--out FILE.json]\n";

function parseArgs(argv) {
  return parseBenchArgs(argv, {
    name: "claims-vs-pandas",
    usage: USAGE,
    defaults: {
      rows: "20000000,100000000",
      seed: 1,
      bootstrap: 999,
      threads: 2,
      chunk: 2_000_000,
      dir: "/tmp/claims-scale",
      keep: false,
      reuse: false,
      out: null,
    },
    spec: {
      "--rows": ["rows", "string"],
      "--seed": ["seed", "int", 0],
      "--bootstrap": ["bootstrap", "int", 1],
      "--threads": ["threads", "int", 1],
      "--chunk": ["chunk", "int", 1000],
      "--dir": ["dir", "path"],
      "--keep": ["keep", "on"],
      "--reuse": ["reuse", "on"],
      "--out": ["out", "path"],
    },
  });
}

/** Runs a command under /usr/bin/time -v: wall and CPU seconds, peak RSS in bytes, stdout. */
function timed(cmd, args, opts = {}) {
  const load = loadavg()[0];
  const r = spawnSync("/usr/bin/time", ["-v", cmd, ...args], { encoding: "utf8", maxBuffer: 1 << 28, ...opts });
  if (r.status !== 0) {
    process.stderr.write(`claims-vs-pandas: ${cmd} ${args.join(" ")} failed:\n${r.stderr.slice(-3000)}\n`);
    process.exit(2);
  }
  const num = (re) => Number(re.exec(r.stderr)?.[1] ?? NaN);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  return {
    wallSeconds: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]),
    cpuSeconds: num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/),
    peakRssBytes: num(/Maximum resident set size \(kbytes\): (\d+)/) * 1024,
    loadBefore: load,
    loadAfter: loadavg()[0],
    stdout: r.stdout,
  };
}

const gib = (b) => `${(b / 2 ** 30).toFixed(2)} GiB`;

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const sizes = o.rows.split(",").map((x) => Number(x.replace(/_/g, "")));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1000)) throw new Error("--rows: whole numbers ≥ 1000, comma-separated");
  const python = spawnSync("/usr/bin/python3", ["-c", "import pandas"]).status === 0 ? "/usr/bin/python3" : "python3";
  const record = (x) => o.out && appendFileSync(o.out, `${JSON.stringify(x)}\n`);
  if (o.out) writeFileSync(o.out, "");
  say(
    `claims scale bench: ${sizes.map(fmtInt).join(", ")} lines; ${cpus().length} cores, ${gib(totalmem())}; ${process.version}; load ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
  const { openEngine, run, closeEngine } = require(join(ROOT, "dist/claims/duckdb"));
  const { tariffPeriods } = require(join(ROOT, "dist/claims/tariffTable"));
  const { loadParams } = require(join(ROOT, "dist/params/loadParams"));
  for (const N of sizes) {
    const dir = join(o.dir, String(N));
    const extract = join(dir, "extract");
    const hive = join(dir, "claims");
    // --reuse: an extract (and its folder and CSV) left by an earlier run with --keep, or cut short, is used as it is.
    const reuse = o.reuse && existsSync(join(extract, "truth.json"));
    if (!reuse) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const gen = timed(process.execPath, [CLI, "claims", "generate", "--out", extract, "--rows", String(N), "--seed", String(o.seed), "--json"]);
      record({ N, step: "generate", ...gen, stdout: undefined });
      say(`${fmtInt(N)}: generated in ${gen.wallSeconds.toFixed(0)} s (CPU ${gen.cpuSeconds.toFixed(0)} s, ${gib(gen.peakRssBytes)})`);
    } else say(`${fmtInt(N)}: reusing ${extract}`);
    const tariffJson = join(dir, "tariff.json");
    writeFileSync(tariffJson, JSON.stringify(tariffPeriods(loadParams()).map((p) => ({ takst: p.takst, valid_from: p.from, valid_to: p.to }))));
    if (!(reuse && existsSync(hive))) {
      rmSync(hive, { recursive: true, force: true });
      const e = await openEngine({ threads: o.threads });
      await run(
        e,
        `SET temp_directory = '${join(dir, "spill-copy")}'; SET memory_limit = '2GB';
        COPY (SELECT *, year(date) AS year, month(date) AS month FROM read_parquet('${join(extract, "claims.parquet")}'))
        TO '${hive}' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (year, month))`,
      );
      closeEngine(e);
    }
    const doctors = join(extract, "doctors.parquet");
    const files = readdirSync(hive, { recursive: true }).filter((f) => String(f).endsWith(".parquet")).length;
    const estScript = `
      const { estimateNetCost } = require(${JSON.stringify(join(ROOT, "dist/index.js"))});
      estimateNetCost(${JSON.stringify(hive)}, ${JSON.stringify(doctors)}, { bootstrap: ${o.bootstrap}, seed: ${o.seed}, threads: ${o.threads} })
        .then((r) => process.stdout.write(JSON.stringify(r)));`;
    const est = timed(process.execPath, ["-e", estScript]);
    const r = JSON.parse(est.stdout);
    const v = r.validation.claims;
    const intro = { read: v.read, accepted: v.accepted, rejected: v.rejected, costOre: Math.round(v.acceptedKroner * 100) };
    record({ N, step: "introsim", files, ...est, stdout: undefined, result: intro, estimate: r.netCostPerAgreementYear });
    say(`${fmtInt(N)}: introsim claims estimate in ${est.wallSeconds.toFixed(1)} s (CPU ${est.cpuSeconds.toFixed(1)} s, ${gib(est.peakRssBytes)})`);
    const floor = timed(process.execPath, [join(ROOT, "bench/claims-duckdb-floor.mjs"), hive, doctors, tariffJson, String(o.threads), dir]);
    const fl = JSON.parse(floor.stdout);
    record({ N, step: "floor", ...floor, stdout: undefined, result: fl });
    say(`${fmtInt(N)}: DuckDB raw SQL floor in ${floor.wallSeconds.toFixed(1)} s (CPU ${floor.cpuSeconds.toFixed(1)} s, ${gib(floor.peakRssBytes)})`);
    const csvClaims = join(dir, "claims.csv");
    const csvDoctors = join(dir, "doctors.csv");
    if (!(reuse && existsSync(csvClaims) && existsSync(csvDoctors))) {
      const c = await openEngine({ threads: o.threads });
      await run(
        c,
        `COPY (SELECT * FROM read_parquet('${join(extract, "claims.parquet")}')) TO '${csvClaims}' (HEADER);
        COPY (SELECT * FROM read_parquet('${doctors}')) TO '${csvDoctors}' (HEADER)`,
      );
      closeEngine(c);
    }
    const pdRun = timed(python, [join(ROOT, "bench/claims_pandas.py"), csvClaims, csvDoctors, tariffJson, String(o.chunk)]);
    const pd = JSON.parse(pdRun.stdout.trim().split("\n").pop());
    record({ N, step: "pandas", ...pdRun, stdout: undefined, result: pd });
    say(
      `${fmtInt(N)}: pandas (chunks of ${fmtInt(o.chunk)}) in ${pdRun.wallSeconds.toFixed(0)} s (CPU ${pdRun.cpuSeconds.toFixed(0)} s, ${gib(pdRun.peakRssBytes)})`,
    );
    const same = (a, b) => a.read === b.read && a.accepted === b.accepted && a.rejected === b.rejected && String(a.costOre) === String(b.costOre);
    const agree = same(intro, fl) && same(intro, { ...pd, costOre: pd.costOre });
    say("");
    say(
      `${padR(`${fmtInt(N)} lines (${files} Parquet files, ${(statSync(csvClaims).size / 2 ** 30).toFixed(1)} GiB as CSV)`, 56)} ${pad("wall s", 8)} ${pad("CPU s", 8)} ${pad("peak RSS", 10)}`,
    );
    for (const [name, t] of [
      ["introsim claims estimate (hive Parquet folder)", est],
      ["DuckDB raw SQL floor (same folder)", floor],
      ["pandas read_csv in chunks + validate + aggregate", pdRun],
    ])
      say(`${padR(name, 56)} ${pad(t.wallSeconds.toFixed(1), 8)} ${pad(t.cpuSeconds.toFixed(1), 8)} ${pad(gib(t.peakRssBytes), 10)}`);
    say(
      `agreement (read, accepted, rejected, cost øre): introsim ${intro.read} ${intro.accepted} ${intro.rejected} ${intro.costOre}; floor ${fl.read} ${fl.accepted} ${fl.rejected} ${fl.costOre}; pandas ${pd.read} ${pd.accepted} ${pd.rejected} ${pd.costOre}: ${agree ? "same" : "DIFFERENT"}`,
    );
    if (agree)
      say(
        `ratios: introsim / floor wall ${(est.wallSeconds / floor.wallSeconds).toFixed(2)}×, CPU ${(est.cpuSeconds / floor.cpuSeconds).toFixed(2)}×; pandas / introsim wall ${(pdRun.wallSeconds / est.wallSeconds).toFixed(1)}×, CPU ${(pdRun.cpuSeconds / est.cpuSeconds).toFixed(1)}×`,
      );
    record({ N, step: "summary", agree });
    if (!o.keep) rmSync(dir, { recursive: true, force: true });
    else rmSync(csvClaims, { force: true });
    if (!agree) process.exit(1);
  }
}

if (!existsSync(join(ROOT, "dist/index.js"))) spawnSync("npx", ["tsc", "-p", ROOT], { stdio: "inherit" });
await main();
