#!/usr/bin/env node
/**
 * Memory stays flat in the number of scenarios: runCost on 1, then 5, then 10 copies of the default scenario
 * (each copy its own name and seed), one after the other in one process, keeping only each run's headline figures.
 * After each batch it forces a garbage collection (when run with --expose-gc) and prints process.memoryUsage().
 * If a run leaked (caches keyed by scenario, kept draw arrays), rss and heapUsed would grow with the count.
 *
 *   node --expose-gc bench/memory-scenarios.mjs [--draws 1000000] [--scenario data/scenarios/standard.yaml]
 */
import { resolve } from "node:path";
import { DEFAULT_SCENARIO, loadLibrary } from "./export-problem.mjs";

const BATCHES = [1, 5, 10];

function arg(argv, name, fallback) {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
}

const argv = process.argv.slice(2);
const draws = Number(String(arg(argv, "--draws", "1000000")).replace(/_/g, ""));
if (!Number.isInteger(draws) || draws < 1) {
  process.stderr.write("memory-scenarios: --draws must be a positive integer\n");
  process.exit(2);
}
const scenarioPath = resolve(arg(argv, "--scenario", DEFAULT_SCENARIO));

const lib = loadLibrary();
const params = lib.loadParams();
const { scenario } = lib.loadScenario(scenarioPath, params);
const gc = typeof globalThis.gc === "function" ? globalThis.gc : null;
const mib = (b) => (b / 1024 / 1024).toFixed(1);
const out = (s = "") => process.stdout.write(`${s}\n`);

function snapshot() {
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage();
}

out(
  `Memory over scenarios: runCost with ${draws.toLocaleString("en-US").replace(/,/g, " ")} draws per scenario, copies of ${scenario.name}, one process` +
    (gc ? " (gc forced before each reading)" : " (run with --expose-gc for readings after a forced gc)"),
);
out(`  ${"after".padEnd(32)}${"rss MiB".padStart(10)}${"heapUsed MiB".padStart(14)}${"arrayBuffers MiB".padStart(18)}${"seconds".padStart(10)}`);
const line = (label, m, s) =>
  out(
    `  ${label.padEnd(32)}${mib(m.rss).padStart(10)}${mib(m.heapUsed).padStart(14)}${mib(m.arrayBuffers).padStart(18)}${(s == null ? "" : s.toFixed(1)).padStart(10)}`,
  );
line("loading (no run yet)", snapshot(), null);

const rows = [];
let copy = 0;
for (const count of BATCHES) {
  const t0 = performance.now();
  const headline = [];
  for (let k = 0; k < count; k++, copy++) {
    const s = { ...scenario, name: `${scenario.name}-copy${copy}`, seed: (scenario.seed ?? 1) + copy };
    const { report } = lib.runCost(s, params, { draws });
    headline.push(report.mean);
  }
  const m = snapshot();
  const seconds = (performance.now() - t0) / 1000;
  line(`${count} scenario${count === 1 ? "" : "s"} (${copy} runs in all)`, m, seconds);
  rows.push({
    scenarios: count,
    runsSoFar: copy,
    rss: m.rss,
    heapUsed: m.heapUsed,
    arrayBuffers: m.arrayBuffers,
    seconds,
    meanOfMeans: headline.reduce((a, b) => a + b, 0) / headline.length,
  });
}
const first = rows[0];
const last = rows[rows.length - 1];
out(
  `  rss change from 1 to ${last.scenarios} scenarios: ${(last.rss - first.rss >= 0 ? "+" : "") + mib(last.rss - first.rss)} MiB; peak rss of the process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
);
