// Benchmark: Shapley effects of the cost model for the correlated variant with the default settings (M permutations,
// N_O = 1, N_I = 3, N_V draws; src/constants.ts), introsim's batched shapleyEffects beside a plain permutation loop
// written straight from Song, Nelson & Staum (2016): one model evaluation per call, a fresh object per point, the
// Gaussian conditional recomputed per step. Same estimator, same model; prints seconds and the top shares.
//   node bench/shapley-vs-loop.mjs [--permutations 4000]
import { createRequire } from "node:module";
import { parseBenchArgs, say, fmtS } from "./lib.mjs";

const require = createRequire(import.meta.url);
const lib = require("../dist/index.js");
const { shapleyEffects } = require("../dist/analysis/shapley.js");
const { factorCopula } = require("../dist/analysis/costUncertainty.js");
const { correlationTarget, correlatableSpecs } = require("../dist/inputs/correlations.js");
const { buildCostProblem } = require("../dist/cost/costProblem.js");
const { allocateComponents, evaluateCostChunk } = require("../dist/cost/costKernel.js");
const { fastQuantile } = require("../dist/distributions/sampler.js");
const { centralValue } = require("../dist/distributions/quantile.js");
const { SHAPLEY_PERMUTATIONS, SHAPLEY_VARIANCE_DRAWS } = require("../dist/constants.js");
const { Matrix, inverse, CholeskyDecomposition } = require("ml-matrix");
const normalCdf = require("@stdlib/stats-base-dists-normal-cdf");
const normalQuantile = require("@stdlib/stats-base-dists-normal-quantile");

const o = parseBenchArgs(process.argv.slice(2), {
  name: "shapley-vs-loop",
  usage: "usage: node bench/shapley-vs-loop.mjs [--permutations 4000]\n",
  defaults: { permutations: SHAPLEY_PERMUTATIONS },
  spec: { "--permutations": ["permutations", "int", 10] },
});
const params = lib.loadParams();
const { scenario } = lib.loadScenario("data/scenarios/korrelert.yaml", params);
const problem = buildCostProblem(scenario, params);
const factors = lib
  .sobolFactors(problem)
  .map((f) => ({ ...f, members: f.members.map((m) => ({ column: m.column, quantile: fastQuantile(problem.inputs[m.column].spec) })) }));
const central = problem.inputs.map((i) => centralValue(i.spec));
const evaluate = (cols, n) => {
  const out = allocateComponents(n);
  evaluateCostChunk(problem.layout, cols, n, out);
  return out.net;
};
const copula = factorCopula(factors, correlationTarget(scenario.correlations, correlatableSpecs(scenario), scenario.name));
const d = factors.length;

let t0 = performance.now();
const fast = shapleyEffects(factors, central, copula, evaluate, { seed: 1, permutations: o.permutations });
const fastS = (performance.now() - t0) / 1000;

// The plain loop: Math.random-free (a seeded LCG), one evaluation per point, conditionals recomputed every step.
let state = 12345;
const uniform = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
const gauss = () => normalQuantile(uniform(), 0, 1);
const R = new Matrix(copula);
const L = new CholeskyDecomposition(R).lowerTriangularMatrix;
const f1 = (z) => {
  const cols = central.map((c) => Float64Array.of(c));
  factors.forEach((f, i) => f.members.forEach((m) => (cols[m.column][0] = m.quantile(normalCdf(z[i], 0, 1)))));
  return evaluate(cols, 1)[0];
};
const joint = () => L.mmul(Matrix.columnVector(Array.from({ length: d }, gauss))).to1DArray();
t0 = performance.now();
const yv = Array.from({ length: SHAPLEY_VARIANCE_DRAWS }, () => f1(joint()));
const mean = yv.reduce((s, y) => s + y, 0) / yv.length;
const V = yv.reduce((s, y) => s + (y - mean) ** 2, 0) / (yv.length - 1);
const sh = new Array(d).fill(0);
for (let m = 0; m < o.permutations; m++) {
  const perm = Array.from({ length: d }, (_, i) => i);
  for (let i = d - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    [perm[i], perm[j]] = [perm[j], perm[i]];
  }
  let prev = 0;
  for (let j = 0; j < d; j++) {
    let c = V;
    if (j < d - 1) {
      const J = perm.slice(0, j + 1);
      const G = perm.slice(j + 1);
      const sub = (rows, cols) => new Matrix(rows.map((r) => cols.map((s) => copula[r][s])));
      const A = sub(J, G).mmul(inverse(sub(G, G)));
      const C = sub(J, J).sub(A.mmul(sub(G, J)));
      const Lc = new CholeskyDecomposition(C.add(Matrix.eye(J.length).mul(1e-12))).lowerTriangularMatrix;
      const outer = joint();
      const ys = [];
      for (let h = 0; h < 3; h++) {
        const z = outer.slice();
        const mu = A.mmul(Matrix.columnVector(G.map((g) => outer[g]))).to1DArray();
        const e = Lc.mmul(Matrix.columnVector(J.map(gauss))).to1DArray();
        J.forEach((i, t) => (z[i] = mu[t] + e[t]));
        ys.push(f1(z));
      }
      const ym = (ys[0] + ys[1] + ys[2]) / 3;
      c = ys.reduce((s, y) => s + (y - ym) ** 2, 0) / 2;
    }
    sh[perm[j]] += c - prev;
    prev = c;
  }
}
const loopS = (performance.now() - t0) / 1000;
const top = (shares) =>
  shares
    .slice(0, 3)
    .map((e) => `${e.name} ${(100 * e.share).toFixed(1)} %`)
    .join(", ");
const loopEffects = factors.map((f, i) => ({ name: f.name, share: sh[i] / o.permutations / V })).sort((a, b) => b.share - a.share);
say(`Shapley effects, korrelert.yaml, ${d} factors, ${o.permutations} permutations, N_O = 1, N_I = 3, N_V = ${SHAPLEY_VARIANCE_DRAWS}`);
say(`  introsim shapleyEffects (batched)   ${fmtS(fastS)} s   ${top(fast.effects)}`);
say(`  plain permutation loop              ${fmtS(loopS)} s   ${top(loopEffects)}`);
