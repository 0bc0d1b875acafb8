#!/usr/bin/env node
/**
 * Sobol indices: introsim's sobolIndices against SALib's algorithm (bench/sobol_salib.py, numpy + scipy) at matched
 * model evaluations, in one run, on the Sobol G-function with 33 inputs (as many factors as the cost model has), whose
 * first-order and total indices are known in closed form:
 *   f(x) = Π_i (|4 x_i − 2| + a_i) / (1 + a_i),  x_i ~ U(0, 1)
 *   V_i = 1 / (3 (1 + a_i)²),  V = Π (1 + V_i) − 1,  S1_i = V_i / V,  ST_i = V_i Π_{j≠i} (1 + V_j) / V
 * The model is trivial to evaluate, so the timing measures the Sobol machinery (sampling, N (D + 2) evaluations,
 * bootstrap intervals with the same number of resamples), not the model.
 *
 *   node bench/sobol-vs-salib.mjs [--samples 65536] [--resamples 100] [--repeats 3] [--seed 1] [--python python3]
 *
 * Agreement (refuses to report a ratio otherwise, exit 1): every S1 and ST of both implementations within
 * max(0.01, 3 × its own 95 % half-width) of the analytic value. Interval widths are printed side by side.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fmtS, pad, padR, parseBenchArgs, say } from "./lib.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);
const USAGE = "usage: node bench/sobol-vs-salib.mjs [--samples 65536] [--resamples 100] [--repeats 3] [--seed 1] [--python python3]\n";
const o = parseBenchArgs(process.argv.slice(2), {
  name: "sobol-vs-salib",
  usage: USAGE,
  defaults: { samples: 65536, resamples: 100, repeats: 3, seed: 1, python: process.env.PYTHON || "python3" },
  spec: {
    "--samples": ["samples", "int", 16],
    "--resamples": ["resamples", "int", 2],
    "--repeats": ["repeats", "int", 1],
    "--seed": ["seed", "int", 0],
    "--python": ["python", "string"],
  },
});

if (!existsSync(join(ROOT, "dist/analysis/sobol.js"))) spawnSync("npx", ["tsc", "-p", ROOT], { stdio: "inherit" });
const { sobolIndices } = require(join(process.env.INTROSIM_DIST || join(ROOT, "dist"), "analysis/sobol.js"));

// 33 coefficients: a few important inputs, many weak ones (as in the cost model).
const A = [0, 0.5, 1, 2, 3, 4.5, 6, 9, 12, 20, 30, 50, 99, ...Array(20).fill(99)];
const D = A.length;
const Vi = A.map((a) => 1 / (3 * (1 + a) ** 2));
const V = Vi.reduce((p, v) => p * (1 + v), 1) - 1;
const analytic = A.map((_, i) => ({ s1: Vi[i] / V, st: (Vi[i] * Vi.reduce((p, v, j) => (j === i ? p : p * (1 + v)), 1)) / V }));

function gFunction(cols, n) {
  const out = new Float64Array(n).fill(1);
  for (let i = 0; i < D; i++) {
    const c = cols[i];
    const a = A[i];
    const k = 1 / (1 + a);
    for (let r = 0; r < n; r++) out[r] *= (Math.abs(4 * c[r] - 2) + a) * k;
  }
  return out;
}
const factors = A.map((_, i) => ({ name: `x${i + 1}`, label: `x${i + 1}`, members: [{ column: i, quantile: (u) => u }] }));

// introsim, in process: best of repeats after a warm-up
sobolIndices(factors, Array(D).fill(0.5), gFunction, { samples: 1024, seed: o.seed, bootstrap: o.resamples });
let best = Infinity;
let intro;
for (let r = 0; r < o.repeats; r++) {
  const t = performance.now();
  intro = sobolIndices(factors, Array(D).fill(0.5), gFunction, { samples: o.samples, seed: o.seed, bootstrap: o.resamples });
  best = Math.min(best, (performance.now() - t) / 1000);
}
const byName = Object.fromEntries(intro.indices.map((x) => [x.name, x]));

const py = spawnSync(
  o.python,
  [
    join(ROOT, "bench/sobol_salib.py"),
    "--samples",
    String(o.samples),
    "--a",
    A.join(","),
    "--seed",
    String(o.seed),
    "--resamples",
    String(o.resamples),
    "--repeats",
    String(o.repeats),
  ],
  { encoding: "utf8" },
);
if (py.status !== 0) {
  process.stderr.write(`sobol-vs-salib: the numpy/scipy side failed:\n${py.stderr}`);
  process.exit(2);
}
const salib = JSON.parse(py.stdout.trim().split("\n").pop());

say(`Sobol indices, G-function with ${D} inputs, N = ${o.samples} (${o.samples * (D + 2)} model runs each), ${o.resamples} bootstrap resamples`);
say(
  `${padR("input", 6)} ${pad("S1 exact", 9)} ${pad("introsim", 9)} ${pad("±95%", 7)} ${pad("SALib", 9)} ${pad("±95%", 7)} | ${pad("ST exact", 9)} ${pad("introsim", 9)} ${pad("±95%", 7)} ${pad("SALib", 9)} ${pad("±95%", 7)}`,
);
let bad = 0;
const widths = { intro: 0, salib: 0 };
for (let i = 0; i < D; i++) {
  const x = byName[`x${i + 1}`];
  const h1 = (x.firstOrderCi95[1] - x.firstOrderCi95[0]) / 2;
  const hT = (x.totalCi95[1] - x.totalCi95[0]) / 2;
  widths.intro += h1 + hT;
  widths.salib += salib.S1_conf[i] + salib.ST_conf[i];
  const checks = [
    [x.firstOrder, analytic[i].s1, h1],
    [x.totalOrder ?? x.total, analytic[i].st, hT],
    [salib.S1[i], analytic[i].s1, salib.S1_conf[i]],
    [salib.ST[i], analytic[i].st, salib.ST_conf[i]],
  ];
  for (const [est, exact, half] of checks) if (Math.abs(est - exact) > Math.max(0.01, 3 * half)) bad++;
  if (i < 13 || i === D - 1)
    say(
      `${padR(`x${i + 1}`, 6)} ${pad(analytic[i].s1.toFixed(4), 9)} ${pad(x.firstOrder.toFixed(4), 9)} ${pad(h1.toFixed(4), 7)} ${pad(salib.S1[i].toFixed(4), 9)} ${pad(salib.S1_conf[i].toFixed(4), 7)} | ${pad(analytic[i].st.toFixed(4), 9)} ${pad(x.total.toFixed(4), 9)} ${pad(hT.toFixed(4), 7)} ${pad(salib.ST[i].toFixed(4), 9)} ${pad(salib.ST_conf[i].toFixed(4), 7)}`,
    );
}
say(`mean 95 % half-width: introsim ${(widths.intro / (2 * D)).toFixed(4)}, SALib ${(widths.salib / (2 * D)).toFixed(4)}`);
if (bad > 0) {
  say(`AGREEMENT FAILED: ${bad} indices further from the exact value than max(0.01, 3 × half-width); no ratio reported`);
  process.exit(1);
}
say(
  `time (best of ${o.repeats}): introsim ${fmtS(best)} s, SALib algorithm in numpy/scipy ${fmtS(salib.seconds)} s; ratio ${(salib.seconds / best).toFixed(2)}x`,
);
