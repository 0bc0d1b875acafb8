#!/usr/bin/env node
/**
 * Does the regnskapstall estimator hold in worlds built like real extracts? For every named world of
 * src/claims/syntheticWorld.ts (NAMED_WORLDS: comparison attrition, anticipation, a pre-start dip, differential and
 * kommune trends, cohort effects, prior billing, takster outside the tariff), over many seeds: generate an extract with
 * a known truth, estimate as a user would (`estimateNetCost`, default options unless the row says otherwise), and
 * tabulate bias, RMSE, the coverage of both 95 % intervals, the share of seeds with a warning, and whether the
 * sensitivity bounds (M̄ = 1 and 2) contain the truth.
 *
 *   node bench/claims-worlds.mjs [--seeds 20] [--first-seed 1] [--rows 1000000] [--bootstrap 499] [--worlds clean,attrition,...] [--threads 2]
 *                                [--cache DIR] [--generate-only] [--out FILE.json] [--readme]
 *
 * --cache DIR keeps each generated extract in DIR/<world>-<seed>-<rows> and reuses it (generation is most of the
 * time: about 6 s of the 7 s per seed and world at 1 M lines), so the estimator can be re-run over the same extracts;
 * --generate-only fills the cache and stops. Rows that share a world (anticipation with and without the option) share
 * its extracts. --threads sets DuckDB's threads for generation and estimation (default: DuckDB's choice).
 *
 * Truth: truth.json (the agreements in the extract); the superpopulation truth of a world is the mean of its truths
 * over the seeds. --readme writes the table into README.md between the claims-worlds markers. Slow (about 7 s per seed
 * and world at 1 M lines); npm test runs a small version (test/claims/worlds.test.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseBenchArgs, say, usageExit } from "./lib.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const USAGE =
  "usage: node bench/claims-worlds.mjs [--seeds 20] [--first-seed 1] [--rows 1000000] [--bootstrap 499] [--worlds a,b] [--threads N] [--cache DIR] [--generate-only] [--out FILE.json] [--readme]\n";

/** The rows of the table: a world, and the estimator options it is run with (a user's fix where the issue names one). */
export const ROWS = [
  { label: "clean", world: "clean", options: {} },
  { label: "20 % comparison attrition, periods inferred", world: "attrition", options: {} },
  { label: "20 % comparison attrition, periods given", world: "attrition-periods", options: {} },
  { label: "anticipation 3 months (default estimator)", world: "anticipation", options: {} },
  { label: "anticipation 3 months, --anticipation-months 3", world: "anticipation", options: { anticipationMonths: 3 } },
  { label: "pre-start dip +8 % for 6 months", world: "pre-start-dip", options: {} },
  { label: "hosting practices +0.2 %/month trend", world: "host-trend", options: {} },
  { label: "kommune trends ± 0.2 %/month", world: "kommune-trends", options: {} },
  { label: "effects differ by cohort (± 50 %)", world: "cohort-effects", options: {} },
  { label: "intro doctors billed before (30 %, 12 months)", world: "prior-billing", options: {} },
  { label: "lab takst 701a outside the tariff", world: "unknown-takster", options: {} },
];

function parseArgs(argv) {
  return parseBenchArgs(argv, {
    name: "claims-worlds",
    usage: USAGE,
    defaults: {
      seeds: 20,
      firstSeed: 1,
      rows: 1_000_000,
      bootstrap: 499,
      worlds: null,
      threads: 0,
      cache: null,
      generateOnly: false,
      out: null,
      readme: false,
    },
    spec: {
      "--seeds": ["seeds", "int", 1],
      "--first-seed": ["firstSeed", "int", 1],
      "--rows": ["rows", "int", 1000],
      "--bootstrap": ["bootstrap", "int", 50],
      "--worlds": ["worlds", "string"],
      "--threads": ["threads", "int", 1],
      "--cache": ["cache", "path"],
      "--generate-only": ["generateOnly", "on"],
      "--out": ["out", "path"],
      "--readme": ["readme", "on"],
    },
  });
}

const inside = (x, [lo, hi]) => lo <= x && x <= hi;

/** The extract of `world` for `seed`: generated into a temporary folder, or taken from (or added to) the cache. */
async function extract(lib, world, seed, { rows, threads, cache }) {
  const dir = cache ? join(cache, `${world}-${seed}-${rows}`) : mkdtempSync(join(tmpdir(), "introsim-worlds-"));
  const truthFile = join(dir, "truth.json");
  const truth = cache && existsSync(truthFile) ? JSON.parse(readFileSync(truthFile, "utf8")) : await generate(lib, dir, world, seed, rows, threads, cache);
  return { dir, truth, done: () => cache || rmSync(dir, { recursive: true, force: true }) };
}

async function generate(lib, dir, world, seed, rows, threads, cache) {
  if (cache) mkdirSync(cache, { recursive: true });
  return lib.generateClaims(dir, { rows, seed, world: lib.NAMED_WORLDS[world], ...(threads ? { threads } : {}) });
}

/** Runs one row over `seeds` seeds; returns per-seed records. */
export async function runRow(lib, row, { seeds, firstSeed = 1, rows, bootstrap, threads = 0, cache = null }) {
  const out = [];
  for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
    const x = await extract(lib, row.world, seed, { rows, threads, cache });
    try {
      const { truth } = x;
      const r = await lib.estimateNetCost(join(x.dir, "claims.parquet"), join(x.dir, "doctors.parquet"), {
        bootstrap,
        seed,
        ...(threads ? { threads } : {}),
        ...row.options,
      });
      const prior = row.world === "prior-billing";
      const t = prior ? truth.netCostAdjustedForPriorActivityPerAgreementYearNok : truth.netCostPerAgreementYearNok;
      const est = prior ? r.netCostAdjustedForPriorActivity : r.netCostPerAgreementYear;
      const bound = (m) => r.sensitivity.bounds.find((b) => b.mBar === m).ci95;
      const smooth = (m) => r.sensitivity.smoothness.find((b) => b.mShare === m).ci95;
      out.push({
        seed,
        truth: t,
        estimate: est.estimate,
        ci95: est.ci95,
        ci95Superpopulation: est.ci95Superpopulation ?? est.ci95,
        warned: !r.preTrend.parallelTrendsPlausible,
        warnings: r.warnings.length,
        pJoint: r.preTrend.joint?.p ?? null,
        pLinear: r.preTrend.linear?.p ?? null,
        bound1: bound(1),
        bound2: bound(2),
        smooth0: smooth(0),
        trendAdjusted: r.sensitivity.smoothness.find((b) => b.mShare === 0).lower,
        unknownKroner: r.validation.claims.unknownTakster.reduce((s, x) => s + x.kroner, 0),
      });
    } finally {
      x.done();
    }
  }
  return out;
}

/** Bias, RMSE, coverage and warning shares of one row's records. */
export function summarise(recs) {
  const n = recs.length;
  const superTruth = recs.reduce((s, r) => s + r.truth, 0) / n;
  const err = recs.map((r) => r.estimate / r.truth - 1);
  const bias = err.reduce((a, b) => a + b, 0) / n;
  const rmse = Math.sqrt(err.reduce((a, b) => a + b * b, 0) / n);
  const share = (f) => recs.filter(f).length / n;
  return {
    seeds: n,
    bias,
    rmse,
    coverageExtract: share((r) => inside(r.truth, r.ci95)),
    coverageSuperpopulation: share((r) => inside(superTruth, r.ci95Superpopulation)),
    warned: share((r) => r.warned),
    bounds1Contain: share((r) => inside(r.truth, r.bound1)),
    bounds2Contain: share((r) => inside(r.truth, r.bound2)),
    smooth0Contain: share((r) => inside(r.truth, r.smooth0)),
    trendAdjustedBias: recs.reduce((s, r) => s + r.trendAdjusted / r.truth - 1, 0) / n,
  };
}

const pct = (x) => `${(100 * x).toFixed(1)} %`;
const signedPct = (x) => `${x >= 0 ? "+" : "−"}${(100 * Math.abs(x)).toFixed(1)} %`;

export function markdownTable(results, o) {
  const lines = [
    `| world (${o.seeds} seeds, ${o.rows.toLocaleString("en-US").replace(/,/g, " ")} lines, B = ${o.bootstrap}) | bias | RMSE | truth in 95 % (extract) | superpopulation truth in 95 % | warned | relative-magnitude bounds M̄ = 1 / 2 contain truth | linear-trend bounds (M = 0) contain truth; their bias |`,
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const { row, s } of results)
    lines.push(
      `| ${row.label} | ${signedPct(s.bias)} | ${pct(s.rmse)} | ${pct(s.coverageExtract)} | ${pct(s.coverageSuperpopulation)} | ${pct(s.warned)} | ${pct(s.bounds1Contain)} / ${pct(s.bounds2Contain)} | ${pct(s.smooth0Contain)}; ${signedPct(s.trendAdjustedBias)} |`,
    );
  return lines.join("\n");
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const lib = require(join(ROOT, "dist/index.js"));
  const wanted = o.worlds ? new Set(o.worlds.split(",")) : null;
  const rows = ROWS.filter((r) => !wanted || wanted.has(r.world));
  const t0 = Date.now();
  if (o.generateOnly) {
    if (!o.cache) usageExit("claims-worlds", USAGE, "--generate-only needs --cache DIR");
    for (const world of [...new Set(rows.map((r) => r.world))])
      for (let seed = o.firstSeed; seed < o.firstSeed + o.seeds; seed++) {
        await extract(lib, world, seed, o);
        say(`${world} seed ${seed} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
      }
    return;
  }
  const results = [];
  for (const row of rows) {
    const recs = await runRow(lib, row, o);
    const s = summarise(recs);
    results.push({ row, s, recs });
    say(
      `${row.label}: bias ${signedPct(s.bias)}, RMSE ${pct(s.rmse)}, coverage ${pct(s.coverageExtract)} / ${pct(s.coverageSuperpopulation)}, warned ${pct(s.warned)}, bounds ${pct(s.bounds1Contain)} / ${pct(s.bounds2Contain)} / linear ${pct(s.smooth0Contain)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
    );
  }
  const table = markdownTable(results, o);
  say(`\n${table}`);
  if (o.out) writeFileSync(o.out, `${JSON.stringify({ options: o, results }, null, 1)}\n`);
  if (o.readme) {
    const file = join(ROOT, "README.md");
    const text = readFileSync(file, "utf8");
    const start = "<!-- claims-worlds:start -->";
    const end = "<!-- claims-worlds:end -->";
    const a = text.indexOf(start);
    const b = text.indexOf(end);
    if (a < 0 || b < a) throw new Error("README.md has no claims-worlds markers");
    const stamp = `Measured with \`node bench/claims-worlds.mjs --seeds ${o.seeds} --rows ${o.rows} --bootstrap ${o.bootstrap}\` (${new Date().toISOString().slice(0, 10)}, ${((Date.now() - t0) / 60000).toFixed(0)} min):`;
    writeFileSync(file, `${text.slice(0, a + start.length)}\n${stamp}\n\n${table}\n${text.slice(b)}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
