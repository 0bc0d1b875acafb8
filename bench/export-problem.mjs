#!/usr/bin/env node
/**
 * Writes introsim's resolved cost problem for one scenario as JSON, so bench/cost_numpy.py implements the SAME model
 * from the SAME numbers (nothing re-typed): every model input's distribution spec and clamp bounds, the kernel layout
 * (column indices, takst terms as LinearTerm {constant, parts:[{index, weight}]}, ramp flag, listetak share, ALIS
 * maxima), the shape parameters introsim derives from each spec (to cross-check the numpy side's conversion), and a
 * kernel check: input rows drawn by introsim's own samplers with introsim's kernel output for each row, which the numpy
 * kernel must reproduce to rounding.
 *
 *   node bench/export-problem.mjs [--scenario data/scenarios/standard.yaml] [--out $TMPDIR/introsim-bench/problem-standard.json]
 *
 * Also importable: `exportProblem({ scenarioPath, outPath })` (used by bench/cost-vs-numpy.mjs).
 */
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_SCENARIO = resolve(ROOT, "data/scenarios/standard.yaml");
/** Outside the repo on purpose: a generated file, rebuilt on every bench run. */
export const DEFAULT_PROBLEM_JSON = join(tmpdir(), "introsim-bench", "problem-standard.json");

/** Rows in the kernel check (drawn by introsim's samplers), plus the all-central row and the all-low/all-high rows. */
const KERNEL_CHECK_DRAWS = 256;
const KERNEL_CHECK_SEED = 4242;

/** The compiled library (dist/), built first if it is missing. */
export function loadLibrary() {
  const entry = resolve(ROOT, "dist/index.js");
  if (!existsSync(entry)) {
    process.stderr.write("bench: dist/ is missing; building it with `npx tsc -p .` ...\n");
    execFileSync("npx", ["tsc", "-p", "."], { cwd: ROOT, stdio: "inherit" });
  }
  return createRequire(import.meta.url)(entry);
}

/** A module of the build that the public API does not export (constants, streamOf). */
function internal(rel) {
  return createRequire(import.meta.url)(resolve(ROOT, "dist", rel));
}

/** The model fields of a spec (drops reason/source/unit). */
function modelSpec(spec) {
  const keep = ["type", "value", "lav", "mest_sannsynlig", "hoy", "form", "min", "max", "p5", "p95", "values"];
  return Object.fromEntries(keep.filter((k) => spec[k] !== undefined).map((k) => [k, spec[k]]));
}

/** What introsim derives from a spec (PERT shape, normal/lognormal mu and sigma), for the numpy side to check. */
function derived(lib, spec) {
  switch (spec.type) {
    case "trippelestimat":
      return spec.lav < spec.hoy && spec.form !== "triangel" ? lib.pertShape(spec.lav, spec.mest_sannsynlig, spec.hoy) : {};
    case "normal":
      return lib.normalFrom90(spec.p5, spec.p95);
    case "lognormal":
      return lib.normalFrom90(Math.log(spec.p5), Math.log(spec.p95));
    default:
      return {};
  }
}

/**
 * The inverse CDF introsim samples a tabulated spec through (PERT, normal, lognormal), on the whole u-grid j / cells,
 * j = 0 … cells (from introsim's fastQuantile; ±Infinity at the ends of a normal). numpy interpolates it with np.interp
 * (PERT everywhere; normal and lognormal inside the tails, whose outer cells it evaluates exactly with scipy).
 */
function inverseCdfTable(lib, spec) {
  const tabulated = (spec.type === "trippelestimat" && spec.form !== "triangel" && spec.lav < spec.hoy) || spec.type === "normal" || spec.type === "lognormal";
  if (!tabulated) return null;
  const cells = internal("constants.js").QUANTILE_GRID_INTERVALS;
  const q = lib.fastQuantile(spec);
  const values = new Float64Array(cells + 1);
  for (let j = 0; j <= cells; j++)
    values[j] = j === 0 && spec.type !== "trippelestimat" ? -Infinity : j === cells && spec.type !== "trippelestimat" ? Infinity : q(j / cells);
  if (spec.type === "trippelestimat") {
    values[0] = spec.lav;
    values[cells] = spec.hoy;
  }
  return values;
}

/** JSON has no Infinity: write +-Infinity as the strings "Infinity" / "-Infinity" (Python's float() reads both). */
function replacer(_key, v) {
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "-Infinity";
  if (v instanceof Float64Array) return Array.from(v);
  return v;
}

/**
 * Kernel check: KERNEL_CHECK_DRAWS rows drawn with introsim's samplers, then the central row, then every input at the
 * low end and at the high end of its support (clamped to its bounds), and introsim's kernel output for each row.
 */
function kernelCheck(lib, problem) {
  const { inputs } = problem;
  const n = KERNEL_CHECK_DRAWS + 3;
  const cols = inputs.map((inp) => {
    const c = new Float64Array(n);
    lib.createSampler(inp.spec, KERNEL_CHECK_SEED, inp.name, inp.lower, inp.upper).fill(c, KERNEL_CHECK_DRAWS);
    const [lo, hi] = lib.support(inp.spec);
    const clamp = (x) => Math.min(inp.upper, Math.max(inp.lower, x));
    c[KERNEL_CHECK_DRAWS] = lib.centralValue(inp.spec);
    c[KERNEL_CHECK_DRAWS + 1] = clamp(lo);
    c[KERNEL_CHECK_DRAWS + 2] = clamp(hi);
    return c;
  });
  const out = Object.fromEntries(lib.COST_COMPONENTS.map((k) => [k, new Float64Array(n)]));
  lib.evaluateCostChunk(problem.layout, cols, n, out);
  return { rows: n, seed: KERNEL_CHECK_SEED, inputs: cols, outputs: out };
}

/** Builds the problem for `scenarioPath` and returns the JSON document (also written to `outPath` when given). */
export function exportProblem({ scenarioPath = DEFAULT_SCENARIO, outPath = DEFAULT_PROBLEM_JSON, lib = loadLibrary() } = {}) {
  const params = lib.loadParams();
  const { scenario } = lib.loadScenario(resolve(scenarioPath), params);
  const problem = lib.buildCostProblem(scenario, params);
  const C = internal("constants.js");
  const doc = {
    format: "introsim-cost-problem/1",
    note: "Generated by bench/export-problem.mjs from introsim's buildCostProblem; do not edit by hand.",
    scenario: {
      name: scenario.name,
      file: relative(ROOT, resolve(scenarioPath)),
      agreementYear: problem.span,
      agreementYearIndex: scenario.agreementYearIndex,
      draws: scenario.draws ?? null,
      seed: scenario.seed ?? null,
    },
    referenceCostNok: problem.referenceCostNok,
    agreements: problem.agreements,
    components: [...lib.COST_COMPONENTS],
    sampling: { cells: C.QUANTILE_GRID_INTERVALS, tailCells: C.QUANTILE_TAIL_CELLS, chunk: C.CHUNK_SIZE },
    inputs: problem.inputs.map((inp) => ({
      name: inp.name,
      origin: inp.origin,
      stream: internal("inputs/modelInput.js").streamOf(inp).stream,
      table: inverseCdfTable(lib, inp.spec),
      spec: modelSpec(inp.spec),
      lower: inp.lower,
      upper: inp.upper,
      derived: derived(lib, inp.spec),
    })),
    layout: problem.layout,
    kernelCheck: kernelCheck(lib, problem),
  };
  if (outPath) {
    mkdirSync(dirname(outPath), { recursive: true });
    writeFileSync(outPath, JSON.stringify(doc, replacer) + "\n");
  }
  return { doc, problem, scenario, params };
}

function arg(argv, name, fallback) {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const argv = process.argv.slice(2);
  if (argv.includes("-h") || argv.includes("--help")) {
    process.stdout.write("usage: node bench/export-problem.mjs [--scenario FILE] [--out FILE]\n");
    process.exit(0);
  }
  const scenarioPath = resolve(arg(argv, "--scenario", DEFAULT_SCENARIO));
  const outPath = resolve(arg(argv, "--out", DEFAULT_PROBLEM_JSON));
  const { doc } = exportProblem({ scenarioPath, outPath });
  process.stdout.write(`wrote ${outPath}: ${doc.inputs.length} inputs, scenario ${doc.scenario.name}\n`);
}
