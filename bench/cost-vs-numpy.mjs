#!/usr/bin/env node
/**
 * Speed of introsim's Monte Carlo cost model against a plain numpy implementation of the SAME model, in one run.
 *
 *   node bench/cost-vs-numpy.mjs [--draws 1000000] [--repeats 5] [--seed 1] [--scenario FILE]
 *                                [--python python3] [--no-whole] [--memory] [--out results.json]
 *
 * 1. Exports introsim's resolved cost problem (bench/export-problem.mjs) so numpy gets the same inputs and layout.
 * 2. In process, sampling + model + summary (P10/P50/P85/P90, mean, sd, share above 500 000 kr), best of --repeats
 *    after one warm-up: (a) introsim's runMonteCarlo + summarise, (b) bench/cost_numpy.py (its own timer, same
 *    best-of rule). Also introsim's full runCost (adds deterministic run, tornado, rank correlation, manifest).
 * 3. Whole commands, process start to exit, --repeats runs each, alternating after one warm-up each:
 *    `node bin/introsim.js cost ... --json` (the full analysis) and `python3 bench/cost_numpy.py ...`.
 *    The numpy side is what a competent numpy user writes for the same sampling method: introsim's inverse-CDF tables
 *    (exported), one uniform stream per introsim stream (a takst period's honorar and egenandel share one), chunks of
 *    2^16 draws with running sums, the net kept for exact quantiles. CPU seconds are printed beside wall seconds (the
 *    machines are shared; CPU time is less disturbed by other load).
 * 4. Agreement: the two use different random streams, so the net mean, P50 and the mean of every cost component
 *    must agree within 1 % (widened as 1/sqrt(draws) below 100 000 draws), and numpy's kernel must reproduce
 *    introsim's on introsim's own input rows to 1e-9. A failed agreement check exits 1; speed never fails the run.
 * --memory also runs bench/memory-scenarios.mjs (rss after 1, 5 and 10 runCost calls in one process).
 */
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { DEFAULT_PROBLEM_JSON, DEFAULT_SCENARIO, ROOT, exportProblem, loadLibrary } from "./export-problem.mjs";
import { fmtInt, fmtS, median, pad, padR, parseBenchArgs, say } from "./lib.mjs";

const REL_TOL = 0.01;
const KERNEL_TOL = 1e-9;

// ---------------------------------------------------------------------------------------------------- arguments
const USAGE =
  "usage: node bench/cost-vs-numpy.mjs [--draws 1000000] [--repeats 5] [--seed 1] [--scenario FILE] [--python python3] [--threads 1] [--no-whole] [--memory] [--out FILE]\n";

function parseArgs(argv) {
  return parseBenchArgs(argv, {
    name: "cost-vs-numpy",
    usage: USAGE,
    defaults: {
      draws: 1_000_000,
      repeats: 5,
      threads: 1,
      seed: 1,
      scenario: DEFAULT_SCENARIO,
      python: process.env.PYTHON || "python3",
      whole: true,
      memory: false,
      out: null,
    },
    spec: {
      "--draws": ["draws", "int", 1],
      "--repeats": ["repeats", "int", 1],
      "--threads": ["threads", "int", 1],
      "--seed": ["seed", "int", 0],
      "--scenario": ["scenario", "path"],
      "--python": ["python", "string"],
      "--no-whole": ["whole", "off"],
      "--memory": ["memory", "on"],
      "--out": ["out", "path"],
    },
  });
}

// ---------------------------------------------------------------------------------------------------- helpers
const fmtNok = (x) => fmtInt(x);

function run(cmd, args, opts = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, ...opts });
  const seconds = (performance.now() - t0) / 1000;
  if (r.error) throw new Error(`cannot start ${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status ?? r.signal}:\n${r.stderr}`);
  return { seconds, stdout: r.stdout, stderr: r.stderr };
}

// ---------------------------------------------------------------------------------------------------- the parts
/** (a) introsim in process: runMonteCarlo + sorted copy + summarise + share above the reference. */
function timeIntrosim(lib, problem, { draws, seed, repeats, threads }) {
  const once = () => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    // threads: 1 by default (numpy runs in one thread); the result is the same for any count (test/cost/threads.test.ts).
    const mc = lib.runMonteCarlo(problem, { draws, seed, threads });
    const sorted = lib.sortedCopy(mc.net);
    const s = lib.summarise(mc.net, sorted);
    const shareAbove500k = lib.shareAboveSorted(sorted, problem.referenceCostNok);
    const seconds = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    return { seconds, cpuSeconds: (c.user + c.system) / 1e6, summary: { ...s, shareAbove500k, means: mc.means } };
  };
  once(); // warm-up (JIT, page faults)
  const times = [];
  const cpu = [];
  let last;
  for (let r = 0; r < repeats; r++) {
    last = once();
    times.push(last.seconds);
    cpu.push(last.cpuSeconds);
  }
  return { times, best: Math.min(...times), median: median(times), cpuBest: Math.min(...cpu), summary: last.summary };
}

/** introsim's whole analysis in process (runCost), best of `repeats` (already warm from the part above). */
function timeRunCost(lib, scenario, params, { draws, seed, repeats }) {
  const times = [];
  let report;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    report = lib.runCost(scenario, params, { draws, seed }).report;
    times.push((performance.now() - t0) / 1000);
  }
  return { times, best: Math.min(...times), median: median(times), report };
}

function numpyArgs(o, problemPath, repeats, warmup) {
  return [
    resolve(ROOT, "bench/cost_numpy.py"),
    "--problem",
    problemPath,
    "--draws",
    String(o.draws),
    "--seed",
    String(o.seed),
    "--repeats",
    String(repeats),
    "--warmup",
    String(warmup),
  ];
}

/** (b) numpy in process: the script's own timer, best of `repeats` after one warm-up. */
function timeNumpy(o, problemPath) {
  const r = run(o.python, numpyArgs(o, problemPath, o.repeats, 1));
  const line = JSON.parse(r.stdout.trim().split("\n").pop());
  return { ...line, best: line.seconds, median: median(line.times), cpuBest: line.cpuSeconds };
}

/** (c) whole commands, alternating A B A B after one warm-up of each. */
function timeWhole(o, problemPath) {
  const scenarioRel = o.scenario;
  const cli = [
    resolve(ROOT, "bin/introsim.js"),
    "cost",
    "--scenario",
    scenarioRel,
    "--draws",
    String(o.draws),
    "--seed",
    String(o.seed),
    "--json",
    "--threads",
    String(o.threads),
  ];
  const py = numpyArgs(o, problemPath, 1, 0);
  const a = [];
  const b = [];
  let cliReport;
  let pyLine;
  for (let r = 0; r <= o.repeats; r++) {
    const ra = run(process.execPath, cli);
    const rb = run(o.python, py);
    if (r === 0) {
      cliReport = JSON.parse(ra.stdout);
      pyLine = JSON.parse(rb.stdout.trim().split("\n").pop());
      continue; // warm-up (file cache)
    }
    a.push(ra.seconds);
    b.push(rb.seconds);
  }
  return {
    introsim: {
      command: `node bin/introsim.js cost --scenario ${relativeToRoot(scenarioRel)} --draws ${o.draws} --seed ${o.seed} --json --threads ${o.threads}`,
      times: a,
      best: Math.min(...a),
      median: median(a),
      report: cliReport,
    },
    numpy: { command: `python3 bench/cost_numpy.py --draws ${o.draws} --seed ${o.seed}`, times: b, best: Math.min(...b), median: median(b), line: pyLine },
  };
}

function relativeToRoot(p) {
  return p.startsWith(ROOT + "/") ? p.slice(ROOT.length + 1) : p;
}

/** Agreement of the two implementations (different random streams). */
function agreement(js, np, draws, kernelErr, components) {
  const tol = draws >= 100_000 ? REL_TOL : REL_TOL * Math.sqrt(100_000 / draws);
  const rel = (a, b) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
  const rows = [
    { what: "mean net", a: js.mean, b: np.mean, gate: true },
    { what: "P50 net", a: js.p50, b: np.p50, gate: true },
    ...components.filter((c) => c !== "net").map((c) => ({ what: `mean ${c}`, a: js.means[c], b: np.means[c], gate: true })),
    { what: "P10 net", a: js.p10, b: np.p10, gate: false },
    { what: "P85 net", a: js.p85, b: np.p85, gate: false },
    { what: "P90 net", a: js.p90, b: np.p90, gate: false },
    { what: "sd net", a: js.sd, b: np.sd, gate: false },
  ].map((r) => ({ ...r, rel: rel(r.a, r.b) }));
  for (const r of rows) r.ok = r.rel <= tol;
  const share = { a: js.shareAbove500k, b: np.shareAbove500k, diffPoints: 100 * Math.abs(js.shareAbove500k - np.shareAbove500k) };
  const kernelOk = kernelErr <= KERNEL_TOL;
  const ok = kernelOk && rows.every((r) => !r.gate || r.ok);
  return { tol, rows, share, kernelErr, kernelOk, ok };
}

// ---------------------------------------------------------------------------------------------------- main
function main() {
  const o = parseArgs(process.argv.slice(2));
  const lib = loadLibrary();

  // The numpy side must be usable before anything is timed.
  const probe = spawnSync(o.python, ["-c", "import numpy, sys; print(numpy.__version__, sys.version.split()[0], sys.executable)"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    process.stderr.write(
      `cost-vs-numpy: '${o.python}' with numpy is needed (${probe.error ? probe.error.message : probe.stderr.trim().split("\n").pop()}).\n` +
        "  Give another interpreter with --python (or PYTHON=...), or install numpy (Debian: apt-get install python3-numpy).\n",
    );
    process.exit(2);
  }
  const [numpyVersion, pythonVersion, ...exe] = probe.stdout.trim().split(" ");
  // Run the interpreter itself, not a launcher in front of it (a pyenv shim adds ~0.1 s to every start).
  if (exe.length) o.python = exe.join(" ");

  const problemPath = DEFAULT_PROBLEM_JSON.replace("problem-standard.json", `problem-${process.pid}.json`);
  process.on("exit", () => rmSync(problemPath, { force: true }));
  const { problem, scenario, params } = exportProblem({ scenarioPath: o.scenario, outPath: problemPath, lib });

  const cpu = cpus();
  say(
    `introsim vs numpy: cost Monte Carlo, scenario ${scenario.name} (${problem.inputs.length} inputs), ${fmtInt(o.draws)} draws, seed ${o.seed}, best of ${o.repeats} after 1 warm-up`,
  );
  say(
    `machine: ${cpu.length} × ${cpu[0]?.model ?? "?"}; node ${process.version}; python ${pythonVersion} (${o.python}), numpy ${numpyVersion}; ${new Date().toISOString().slice(0, 10)}`,
  );
  say();

  const js = timeIntrosim(lib, problem, o);
  const full = timeRunCost(lib, scenario, params, o);
  const jsMaxRssMiB = process.resourceUsage().maxRSS / 1024;
  const np = timeNumpy(o, problemPath);

  // ------------------------------------------------------------------ speed table
  const dps = (s) => o.draws / s;
  // No ratio unless the two compute the same model (kernel to 1e-9 on introsim's rows, results within tolerance).
  const ag = agreement(js.summary, np, o.draws, np.kernelMaxRelErr, lib.COST_COMPONENTS);
  const shown = (x) => (ag.ok ? x.toFixed(2) : "refused: the implementations disagree (see below)");
  const ratio = ag.ok ? dps(js.best) / dps(np.best) : null;
  const W = 58;
  say("In process: sampling + model + summary (P10/P50/P85/P90, mean, sd, share > 500 000 kr)");
  say(`  ${padR("", W)}${pad("best s", 9)}${pad("median s", 10)}${pad("draws/s (best)", 16)}${pad("CPU s (best)", 14)}`);
  say(
    `  ${padR("introsim runMonteCarlo + summarise", W)}${pad(fmtS(js.best), 9)}${pad(fmtS(js.median), 10)}${pad(fmtInt(dps(js.best)), 16)}${pad(fmtS(js.cpuBest), 14)}`,
  );
  say(
    `  ${padR("numpy cost_numpy.py (same tables, chunks of 2^16)", W)}${pad(fmtS(np.best), 9)}${pad(fmtS(np.median), 10)}${pad(fmtInt(dps(np.best)), 16)}${pad(fmtS(np.cpuBest), 14)}`,
  );
  say(`  ${padR("ratio introsim/numpy, draws/s (> 1: introsim faster)", W)}${pad("", 19)}${pad(shown(dps(js.best) / dps(np.best)), 16)}`);
  say(`  ${padR("ratio by CPU time, numpy CPU s / introsim CPU s", W)}${pad("", 19)}${pad(shown(np.cpuBest / js.cpuBest), 16)}`);
  say(
    `  ${padR("introsim runCost (full analysis: + tornado, rank corr.)", W)}${pad(fmtS(full.best), 9)}${pad(fmtS(full.median), 10)}${pad(fmtInt(dps(full.best)), 16)}`,
  );
  say(`  peak memory: node process ${jsMaxRssMiB.toFixed(0)} MiB (all parts so far), numpy process ${np.maxRssMiB?.toFixed(0) ?? "?"} MiB`);
  say();

  // ------------------------------------------------------------------ agreement table
  say(`Agreement (different random streams; tolerance ${(100 * ag.tol).toFixed(2)} % on the gated rows)`);
  say(`  ${padR("", 26)}${pad("introsim", 16)}${pad("numpy", 16)}${pad("rel. diff", 11)}   check`);
  for (const r of ag.rows) {
    say(
      `  ${padR(r.what, 26)}${pad(fmtNok(r.a), 16)}${pad(fmtNok(r.b), 16)}${pad((100 * r.rel).toFixed(3) + " %", 11)}   ${r.gate ? (r.ok ? "ok" : "FAIL") : "(info)"}`,
    );
  }
  say(
    `  ${padR("share > 500 000 kr", 26)}${pad((100 * ag.share.a).toFixed(2) + " %", 16)}${pad((100 * ag.share.b).toFixed(2) + " %", 16)}${pad(ag.share.diffPoints.toFixed(2) + " pp", 11)}   (info)`,
  );
  say(
    `  ${padR("kernel on introsim's rows", 26)}${pad("max rel. error", 32)}${pad(ag.kernelErr.toExponential(1), 11)}   ${ag.kernelOk ? "ok" : "FAIL"} (tolerance ${KERNEL_TOL})`,
  );
  say();
  const whole = o.whole ? timeWhole(o, problemPath) : null;
  if (whole) {
    say(`Whole command, process start to exit (${o.repeats} runs each, alternating, after 1 warm-up)`);
    say(`  ${padR("", W)}${pad("best s", 9)}${pad("median s", 10)}`);
    say(`  ${padR("introsim cost --json (full analysis)", W)}${pad(fmtS(whole.introsim.best), 9)}${pad(fmtS(whole.introsim.median), 10)}`);
    say(`  ${padR("python3 bench/cost_numpy.py (model + summary only)", W)}${pad(fmtS(whole.numpy.best), 9)}${pad(fmtS(whole.numpy.median), 10)}`);
    say(`  ${padR("ratio numpy/introsim, median wall (> 1: introsim faster)", W)}${pad("", 9)}${pad(shown(whole.numpy.median / whole.introsim.median), 10)}`);
    const under = whole.introsim.median < 2;
    say(
      `  introsim cost at ${fmtInt(o.draws)} draws under 2 s: ${under ? "yes" : "NO"} (median ${fmtS(whole.introsim.median)} s, best ${fmtS(whole.introsim.best)} s)`,
    );
    const same = whole.introsim.report.mean === full.report.mean && whole.introsim.report.p50 === full.report.p50;
    say(`  CLI result equals in-process runCost bit for bit (same seed): ${same ? "yes" : "no"}`);
    say();
  }

  say(
    ag.ok
      ? "RESULT: the two implementations agree (same model). Speed figures are informative only."
      : "RESULT: the implementations DISAGREE: the numpy port or the exported problem does not match introsim.",
  );

  if (o.out) {
    const results = {
      date: new Date().toISOString(),
      machine: { cpus: cpu.length, model: cpu[0]?.model, node: process.version, python: pythonVersion, numpy: numpyVersion },
      options: { draws: o.draws, repeats: o.repeats, seed: o.seed, scenario: relativeToRoot(o.scenario) },
      inProcess: {
        introsim: { times: js.times, best: js.best, median: js.median, drawsPerSecond: dps(js.best), cpuBest: js.cpuBest },
        introsimRunCost: { times: full.times, best: full.best, median: full.median },
        numpy: { times: np.times, best: np.best, median: np.median, drawsPerSecond: dps(np.best), cpuBest: np.cpuBest },
        ratioIntrosimOverNumpy: ratio,
        cpuRatioNumpyOverIntrosim: ag.ok ? np.cpuBest / js.cpuBest : null,
        maxRssMiB: { node: jsMaxRssMiB, numpy: np.maxRssMiB },
      },
      whole: whole && {
        introsim: { command: whole.introsim.command, times: whole.introsim.times, best: whole.introsim.best, median: whole.introsim.median },
        numpy: { command: whole.numpy.command, times: whole.numpy.times, best: whole.numpy.best, median: whole.numpy.median },
      },
      agreement: ag,
    };
    writeFileSync(o.out, JSON.stringify(results, null, 2) + "\n");
    say(`results written to ${o.out}`);
  }

  if (o.memory) {
    say();
    const r = spawnSync(process.execPath, ["--expose-gc", resolve(ROOT, "bench/memory-scenarios.mjs"), "--draws", String(o.draws)], {
      cwd: ROOT,
      stdio: "inherit",
    });
    if (r.status !== 0) process.stderr.write("cost-vs-numpy: the memory measurement failed (not counted against the result)\n");
  }
  process.exitCode = ag.ok ? 0 : 1;
}

try {
  main();
} catch (e) {
  const userError = e && (e.name === "UserError" || e.constructor?.name === "UserError");
  process.stderr.write(`cost-vs-numpy: ${userError || !e?.stack ? (e?.message ?? e) : e.stack}\n`);
  process.exit(2);
}
