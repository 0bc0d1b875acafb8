#!/usr/bin/env node
/**
 * Regnskapstall at national scale: generate a synthetic claims extract, validate and estimate on it with introsim
 * (DuckDB + a practice-clustered bootstrap), and run the same validation and aggregation in pandas, in one run.
 *
 *   node bench/claims-vs-pandas.mjs [--rows 20000000] [--seed 1] [--bootstrap 999] [--python python3] [--keep DIR] [--out FILE]
 *
 * 1. `introsim claims generate` (whole command, wall time and peak RSS from /usr/bin/time -v).
 * 2. `introsim claims estimate --no-scenario` on the Parquet file (whole command, wall and peak RSS), and the same in
 *    process with a timestamp per step (doctor table, validate + aggregate, panel, bootstrap, file hashes).
 * 3. The extract written as CSV by DuckDB (not timed): this pandas has no Parquet engine (no pyarrow on Debian), so
 *    pandas reads CSV, and introsim is timed on the same CSV too (the fair ratio).
 * 4. bench/claims_pandas.py: read the CSV, then the same checks and the doctor × practice × month aggregation
 *    (wall time of the whole process and its own peak RSS). Needs pandas: if `python3 -c 'import pandas'` fails, the
 *    bench installs Debian's python3-pandas with apt-get and uses /usr/bin/python3.
 * 5. Agreement (gated, exit 1 if it fails): rows read, accepted, rejected and the total folketrygd cost in øre of the
 *    accepted lines must be equal in pandas and introsim. Speed never fails the run (exit 2: environment error).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fmtInt, pad, padR, parseBenchArgs, say } from "./lib.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const CLI = join(ROOT, "bin/introsim.js");

const USAGE = "usage: node bench/claims-vs-pandas.mjs [--rows 20000000] [--seed 1] [--bootstrap 999] [--python python3] [--keep DIR] [--out FILE]\n";

function parseArgs(argv) {
  return parseBenchArgs(argv, {
    name: "claims-vs-pandas",
    usage: USAGE,
    defaults: { rows: 20_000_000, seed: 1, bootstrap: 999, python: process.env.PYTHON ?? "python3", keep: null, out: null },
    spec: {
      "--rows": ["rows", "int", 1],
      "--seed": ["seed", "int", 0],
      "--bootstrap": ["bootstrap", "int", 1],
      "--python": ["python", "string"],
      "--keep": ["keep", "string"],
      "--out": ["out", "string"],
    },
  });
}

/** Runs a command under /usr/bin/time -v: wall seconds, peak RSS in bytes, stdout. */
function timed(cmd, args, opts = {}) {
  const r = spawnSync("/usr/bin/time", ["-v", cmd, ...args], { encoding: "utf8", maxBuffer: 1 << 28, ...opts });
  if (r.status !== 0) {
    process.stderr.write(`claims-vs-pandas: ${cmd} ${args.join(" ")} failed:\n${r.stderr}\n`);
    process.exit(2);
  }
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  return { seconds: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]), peakRssBytes: Number(rss[1]) * 1024, stdout: r.stdout };
}

function ensurePandas(python) {
  if (spawnSync(python, ["-c", "import pandas"]).status === 0) return python;
  say(`pandas not importable from ${python}: installing Debian's python3-pandas`);
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  const r = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "python3-pandas"], { stdio: "inherit" });
  if (r.status !== 0 || spawnSync("/usr/bin/python3", ["-c", "import pandas"]).status !== 0) {
    process.stderr.write("claims-vs-pandas: could not install python3-pandas\n");
    process.exit(2);
  }
  return "/usr/bin/python3";
}

const gib = (b) => `${(b / 2 ** 30).toFixed(2)} GiB`;

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!existsSync(join(ROOT, "dist/index.js"))) spawnSync("npx", ["tsc", "-p", ROOT], { stdio: "inherit" });
  const python = ensurePandas(o.python);
  const dir = o.keep ?? mkdtempSync(join(tmpdir(), "introsim-claims-bench-"));
  const claims = join(dir, "claims.parquet");
  const doctors = join(dir, "doctors.parquet");
  say(`claims bench: ${fmtInt(o.rows)} rows, seed ${o.seed}, bootstrap ${o.bootstrap}; ${cpus().length} cores, ${gib(totalmem())}; ${process.version}`);

  const gen = timed(process.execPath, [CLI, "claims", "generate", "--out", dir, "--rows", String(o.rows), "--seed", String(o.seed), "--json"]);
  const truth = JSON.parse(gen.stdout);
  const estArgs = (c, d) => [
    CLI,
    "claims",
    "estimate",
    "--claims",
    c,
    "--doctors",
    d,
    "--bootstrap",
    String(o.bootstrap),
    "--seed",
    String(o.seed),
    "--no-scenario",
    "--json",
  ];
  const estParquet = timed(process.execPath, estArgs(claims, doctors));
  const est = JSON.parse(estParquet.stdout);

  // Per-step times in process (same library call as the CLI).
  const stepScript = `
    const { estimateNetCost } = require(${JSON.stringify(join(ROOT, "dist/claims/estimateNetCost"))});
    const marks = [["start", performance.now()]];
    estimateNetCost(${JSON.stringify(claims)}, ${JSON.stringify(doctors)}, { bootstrap: ${o.bootstrap}, seed: ${o.seed}, onStep: (s) => marks.push([s, performance.now()]) })
      .then(() => { marks.push(["end", performance.now()]); process.stdout.write(JSON.stringify(marks)); });`;
  const steps = JSON.parse(timed(process.execPath, ["-e", stepScript]).stdout);

  // The CSV copies for pandas (and for introsim on the same CSV), plus the tariff periods; not timed.
  const csvClaims = join(dir, "claims.csv");
  const csvDoctors = join(dir, "doctors.csv");
  const tariffJson = join(dir, "tariff.json");
  const { openEngine, run, rows, closeEngine } = require(join(ROOT, "dist/claims/duckdb"));
  const { tariffPeriods } = require(join(ROOT, "dist/claims/tariffTable"));
  const { loadParams } = require(join(ROOT, "dist/params/loadParams"));
  writeFileSync(tariffJson, JSON.stringify(tariffPeriods(loadParams()).map((p) => ({ takst: p.takst, valid_from: p.from, valid_to: p.to }))));
  const engine = await openEngine();
  await run(
    engine,
    `COPY (SELECT * FROM read_parquet('${claims}')) TO '${csvClaims}' (HEADER); COPY (SELECT * FROM read_parquet('${doctors}')) TO '${csvDoctors}' (HEADER);`,
  );
  const [check] = await rows(
    engine,
    `SELECT sum(refusjon_ore + CASE WHEN patient_exempt = 'ja' THEN egenandel_ore ELSE 0 END)::DOUBLE AS cost FROM read_parquet('${claims}')`,
  );
  closeEngine(engine);

  const estCsv = timed(process.execPath, estArgs(csvClaims, csvDoctors));
  const pandasRun = timed(python, [join(ROOT, "bench/claims_pandas.py"), csvClaims, csvDoctors, tariffJson]);
  const pd = JSON.parse(pandasRun.stdout.trim().split("\n").pop());

  const v = est.validation.claims;
  const agree = pd.read === v.read && pd.accepted === v.accepted && pd.rejected === v.rejected && (v.rejected > 0 || pd.costOre === check.cost);
  const stepRows = [];
  for (let i = 1; i < steps.length; i++) stepRows.push([steps[i - 1][0], (steps[i][1] - steps[i - 1][1]) / 1000]);
  const validateStep = stepRows.find(([s]) => s.startsWith("validating"))?.[1] ?? NaN;

  say("");
  say(`${padR("step", 62)} ${pad("seconds", 9)} ${pad("peak RSS", 11)}`);
  const line = (name, s, rss) => say(`${padR(name, 62)} ${pad(s.toFixed(2), 9)} ${pad(rss ? gib(rss) : "", 11)}`);
  line(`introsim claims generate (${fmtInt(o.rows)} rows, ${(statSync(claims).size / 2 ** 20).toFixed(0)} MiB Parquet)`, gen.seconds, gen.peakRssBytes);
  line("introsim claims estimate, Parquet (whole command)", estParquet.seconds, estParquet.peakRssBytes);
  for (const [s, t] of stepRows) line(`  in process: ${s}`, t, 0);
  line(`introsim claims estimate, CSV (whole command, ${(statSync(csvClaims).size / 2 ** 30).toFixed(2)} GiB CSV)`, estCsv.seconds, estCsv.peakRssBytes);
  line("pandas: read CSV + validate + aggregate (whole process)", pandasRun.seconds, pd.peakRssBytes);
  line("  pandas read_csv", pd.readSeconds, 0);
  line("  pandas validate + aggregate (in memory)", pd.validateAggregateSeconds, 0);
  say("");
  say(`ratio pandas / introsim, same CSV, whole commands:                 ${(pandasRun.seconds / estCsv.seconds).toFixed(1)}×`);
  say(`ratio pandas (CSV) / introsim (Parquet), whole commands:           ${(pandasRun.seconds / estParquet.seconds).toFixed(1)}×`);
  say(
    `ratio validate + aggregate only: pandas in memory / introsim step: ${(pd.validateAggregateSeconds / validateStep).toFixed(1)}× (introsim's step includes reading Parquet)`,
  );
  say(
    `estimate ${fmtInt(est.netCostPerAgreementYear.estimate)} kr per agreement-year (95 % ${fmtInt(est.netCostPerAgreementYear.ci95[0])} – ${fmtInt(est.netCostPerAgreementYear.ci95[1])}); truth ${fmtInt(truth.netCostPerAgreementYearNok)} kr (${((est.netCostPerAgreementYear.estimate / truth.netCostPerAgreementYearNok - 1) * 100).toFixed(2)} %)`,
  );
  say(
    `agreement: read ${fmtInt(pd.read)} / ${fmtInt(v.read)}, accepted ${fmtInt(pd.accepted)} / ${fmtInt(v.accepted)}, cost ${fmtInt(pd.costOre)} / ${fmtInt(check.cost)} øre (pandas / introsim): ${agree ? "same" : "DIFFERENT"}`,
  );
  if (o.out)
    writeFileSync(
      o.out,
      JSON.stringify(
        {
          options: o,
          truth,
          generate: gen,
          estimateParquet: { ...estParquet, stdout: undefined },
          steps: stepRows,
          estimateCsv: { ...estCsv, stdout: undefined },
          pandas: { ...pd, wallSeconds: pandasRun.seconds },
          agree,
        },
        null,
        2,
      ),
    );
  if (!o.keep) rmSync(dir, { recursive: true, force: true });
  process.exit(agree ? 0 : 1);
}

main();
