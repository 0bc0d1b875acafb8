// Benchmark: Iman–Conover rank correlation on k inputs × n draws (default 30 × 1 000 000), introsim's
// imposeRankCorrelation (in CHUNK_SIZE chunks, as a Monte Carlo run applies it, and in one call) beside a numpy
// implementation of the same steps (bench/iman_conover_numpy.py), in the same run. Also times `introsim cost` on the
// correlated variant at 1 M draws. Target: 0.3^|i−j| (Spearman). Prints wall seconds (median of --reps) and the
// worst |achieved − target| Spearman correlation.
//   node bench/iman-conover-vs-numpy.mjs [--inputs 30] [--draws 1000000] [--reps 3]
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { median, parseBenchArgs, say, fmtS, fmtInt } from "./lib.mjs";

const require = createRequire(import.meta.url);
const { imposeRankCorrelation, planRankCorrelation } = require("../dist/distributions/imanConover.js");
const { createSampler } = require("../dist/distributions/sampler.js");
const { pearson, ranks } = require("../dist/analysis/rankCorrelation.js");
const { CHUNK_SIZE } = require("../dist/constants.js");

const o = parseBenchArgs(process.argv.slice(2), {
  name: "iman-conover-vs-numpy",
  usage: "usage: node bench/iman-conover-vs-numpy.mjs [--inputs 30] [--draws 1000000] [--reps 3]\n",
  defaults: { inputs: 30, draws: 1_000_000, reps: 3 },
  spec: { "--inputs": ["inputs", "int", 2], "--draws": ["draws", "int", 100], "--reps": ["reps", "int", 1] },
});
const { inputs: k, draws: n, reps } = o;
const target = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => 0.3 ** Math.abs(i - j)));
const fresh = () =>
  Array.from({ length: k }, (_, j) => {
    const c = new Float64Array(n);
    createSampler({ type: "uniform", min: 0, max: 1 }, 1, `bench.${j}`).fill(c);
    return c;
  });
const maxError = (cols) => {
  const r = cols.slice(0, Math.min(k, 8)).map((c) => ranks(c.subarray(0, Math.min(n, 200_000))));
  let worst = 0;
  for (let i = 0; i < r.length; i++) for (let j = 0; j < i; j++) worst = Math.max(worst, Math.abs(pearson(r[i], r[j]) - target[i][j]));
  return worst;
};
const time = (fn) => {
  const ts = [];
  let cols;
  for (let r = 0; r < reps; r++) {
    cols = fresh();
    const t0 = performance.now();
    fn(cols);
    ts.push((performance.now() - t0) / 1000);
  }
  return { seconds: median(ts), maxError: maxError(cols) };
};
const plan = planRankCorrelation(target);
const chunked = time((cols) => {
  for (let s = 0; s < n; s += CHUNK_SIZE) {
    const m = Math.min(CHUNK_SIZE, n - s);
    imposeRankCorrelation(
      plan,
      cols.map((c) => c.subarray(s, s + m)),
      m,
    );
  }
});
const whole = time((cols) => imposeRankCorrelation(plan, cols, n));
const py = spawnSync("python3", ["bench/iman_conover_numpy.py", String(k), String(n), String(reps)], { encoding: "utf8" });
const numpy = py.status === 0 ? JSON.parse(py.stdout) : null;
const cli = (() => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["bin/introsim.js", "cost", "--scenario", "data/scenarios/korrelert.yaml", "--draws", "1000000", "--json"], {
    encoding: "utf8",
  });
  return r.status === 0 ? (performance.now() - t0) / 1000 : null;
})();
say(`Iman–Conover, ${k} inputs × ${fmtInt(n)} draws (median of ${reps}); max |Spearman − target| over the first 8 inputs`);
say(`  introsim, in ${fmtInt(CHUNK_SIZE)}-draw chunks   ${fmtS(chunked.seconds)} s   error ${chunked.maxError.toFixed(4)}`);
say(`  introsim, one call               ${fmtS(whole.seconds)} s   error ${whole.maxError.toFixed(4)}`);
say(`  numpy (same steps, one call)     ${numpy ? fmtS(numpy.seconds) : "–"} s   error ${numpy ? numpy.maxError.toFixed(4) : py.stderr}`);
say(`introsim cost --scenario data/scenarios/korrelert.yaml --draws 1000000: ${cli == null ? "failed" : `${fmtS(cli)} s wall (whole process)`}`);
