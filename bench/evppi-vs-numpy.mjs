// Benchmark: EVPPI by regression (Strong, Oakley & Brennan 2014) on n draws (default 100 000) of the linear-Gaussian
// decision NB_1 = 0,5 + X + 1,5 Y (analytic EVPPI(X) 0.19780, EVPPI(X, Y) = EVPI 0.49667): introsim's evppi (sparse
// B-spline design, normal equations, Cholesky) beside numpy doing the same regression with a dense design and lstsq
// (bench/evppi_numpy.py), in the same run. Prints wall seconds (median of --reps) and the estimates.
//   node bench/evppi-vs-numpy.mjs [--draws 100000] [--reps 3]
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { median, parseBenchArgs, say, fmtS, fmtInt } from "./lib.mjs";

const require = createRequire(import.meta.url);
const { evppi } = require("../dist/analysis/evppi.js");
const { createSampler } = require("../dist/distributions/sampler.js");
const { Z95 } = require("../dist/distributions/quantile.js");

const o = parseBenchArgs(process.argv.slice(2), {
  name: "evppi-vs-numpy",
  usage: "usage: node bench/evppi-vs-numpy.mjs [--draws 100000] [--reps 3]\n",
  defaults: { draws: 100_000, reps: 3 },
  spec: { "--draws": ["draws", "int", 1000], "--reps": ["reps", "int", 1] },
});
const { draws: n, reps } = o;
const normal = (name) => {
  const c = new Float64Array(n);
  createSampler({ type: "normal", p5: -Z95, p95: Z95 }, 1, name).fill(c);
  return c;
};
const X = normal("X");
const Y = normal("Y");
const nb = [new Float64Array(n), X.map((x, i) => 0.5 + x + 1.5 * Y[i])];
const time = (phi) => {
  const ts = [];
  let v = 0;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    v = evppi(nb, phi).evppi;
    ts.push((performance.now() - t0) / 1000);
  }
  return { seconds: median(ts), evppi: v };
};
const one = time([X]);
const two = time([X, Y]);
const py = spawnSync("python3", ["bench/evppi_numpy.py", String(n), String(reps)], { encoding: "utf8" });
const numpy = py.status === 0 ? JSON.parse(py.stdout) : null;
say(`EVPPI by regression, ${fmtInt(n)} draws (median of ${reps}); analytic EVPPI(X) 0.19780, EVPPI(X, Y) 0.49667`);
say(`  introsim EVPPI(X)      ${fmtS(one.seconds)} s   ${one.evppi.toFixed(5)}`);
say(`  numpy    EVPPI(X)      ${numpy ? fmtS(numpy.one.seconds) : "–"} s   ${numpy ? numpy.one.evppi.toFixed(5) : py.stderr}`);
say(`  introsim EVPPI(X, Y)   ${fmtS(two.seconds)} s   ${two.evppi.toFixed(5)}`);
say(`  numpy    EVPPI(X, Y)   ${numpy ? fmtS(numpy.two.seconds) : "–"} s   ${numpy ? numpy.two.evppi.toFixed(5) : ""}`);
