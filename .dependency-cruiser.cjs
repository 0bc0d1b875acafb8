// Layer rules for src/ (issue 21), checked by `npm run lint:layers` (dependency-cruiser).
//
// LAYERS below is the one place the layering is written down; the `forbidden` rules and the diagram
// (`npm run layers` -> charts/architecture/layers.svg) are generated from it. Lowest layer first.
// A module may import from its own folder or from a folder of a LOWER rank. Importing a folder of the same rank
// or of a higher rank is an error, named after the two folders, e.g. "layer-cost-may-not-import-scenario".
// src/index.ts (the public API) may import anything, and nothing in src/ may import it.
// A folder listed here that does not exist (yet) is harmless: its rules simply never match.
"use strict";

/** @type {{ rank: number, members: string[], what: string }[]} members: folders under src/ or files (with .ts) */
const LAYERS = [
  { rank: 0, members: ["errors", "constants.ts"], what: "error types and messages; project-wide constants" },
  {
    rank: 1,
    members: ["time", "format", "io", "i18n"],
    what: "ISO dates and the run date; Norwegian number formats and table shape; paths, YAML, hashing, atomic writes; the message catalogue (bokmål, English)",
  },
  { rank: 2, members: ["params"], what: "dated, sourced parameter files -> typed lookups by date" },
  {
    rank: 3,
    members: ["distributions", "stats"],
    what: "distribution specs, exact quantiles, seeded samplers; descriptive statistics over draws (percentiles, bands, Kaplan-Meier)",
  },
  { rank: 4, members: ["inputs"], what: "the input catalogue: named inputs (name, label, unit, domain) of every capability, model inputs, --set overrides" },
  { rank: 5, members: ["manifest"], what: "the manifest every output carries (version, scenario hash, seed, data versions)" },
  {
    rank: 6,
    members: ["cost", "claims"],
    what: "cost model (its scenario section, problem, kernel, Monte Carlo, top-down); claim-level refusjon data and the DiD estimator",
  },
  { rank: 7, members: ["flows", "budget"], what: "refusjon flows between parties, ledgers; budget projection by calendar year" },
  { rank: 8, members: ["register"], what: "agreement register: columns, rule checks, indicators, cohorts" },
  { rank: 9, members: ["allocation"], what: "applications, allocation policy, allocation rounds and slots" },
  { rank: 10, members: ["scenario"], what: "the scenario schema composed from the capabilities' sections; loading with extends and --set; domain checks" },
  { rank: 11, members: ["analysis"], what: "analyses over a scenario's draws: cost and flows runs, tornado, rank correlation, Sobol, claims vs simulation" },
  { rank: 12, members: ["results"], what: "the result types of a run, below charts, export, report and run" },
  { rank: 13, members: ["charts"], what: "Vega-Lite specs as data and the render function (SVG, PNG, .vl.json)" },
  { rank: 14, members: ["export"], what: "result tables -> Excel and CSV" },
  { rank: 15, members: ["report"], what: "Norwegian result tables (HTML) and report.html" },
  { rank: 16, members: ["run"], what: "one scenario through every analysis and the files `introsim run` writes" },
  { rank: 17, members: ["cli"], what: "the introsim command" },
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** "cost" -> "^src/cost/", "constants.ts" -> "^src/constants\.ts$" */
const pathOf = (member) => (member.endsWith(".ts") ? `^src/${escape(member)}$` : `^src/${escape(member)}/`);
const nameOf = (member) => member.replace(/\.ts$/, "");
const describe = (layer) => `rank ${layer.rank} (${layer.members.map((m) => `src/${m}`).join(", ")})`;

const members = LAYERS.flatMap((layer) => layer.members.map((member) => ({ member, layer })));
const KNOWN = [...members.map(({ member }) => pathOf(member)), "^src/index\\.ts$"];

const layerRules = [];
for (const from of members) {
  const allowed = LAYERS.filter((l) => l.rank < from.layer.rank).map((l) => l.members.map((m) => `src/${m}`).join(", "));
  for (const to of members) {
    if (to.member === from.member || to.layer.rank < from.layer.rank) continue;
    const why =
      to.layer.rank === from.layer.rank
        ? `src/${from.member} and src/${to.member} are both rank ${from.layer.rank}: folders of the same rank may not import each other`
        : `src/${from.member} is ${describe(from.layer)}; src/${to.member} is a higher layer, ${describe(to.layer)}`;
    layerRules.push({
      name: `layer-${nameOf(from.member)}-may-not-import-${nameOf(to.member)}`,
      severity: "error",
      comment: `${why}. A module may import its own folder and lower ranks only${allowed.length ? ` (${allowed.join("; ")})` : " (rank 0: nothing else in src/)"}. Layers: .dependency-cruiser.cjs.`,
      from: { path: pathOf(from.member) },
      to: { path: pathOf(to.member) },
    });
  }
}

/** @type {import('dependency-cruiser').IConfiguration} */
const config = {
  forbidden: [
    ...layerRules,
    {
      name: "src-module-not-in-a-layer",
      severity: "error",
      comment:
        "Every module of src/ belongs to a layer (a folder or file listed in LAYERS in .dependency-cruiser.cjs), except src/index.ts. Add the new folder to LAYERS at its rank.",
      from: { path: "^src/" },
      to: { path: "^src/", pathNot: KNOWN },
    },
    {
      name: "src-module-not-in-a-layer-imports",
      severity: "error",
      comment: "This module of src/ is in no layer of LAYERS in .dependency-cruiser.cjs. Add its folder to LAYERS at its rank.",
      from: { path: "^src/", pathNot: KNOWN },
      to: {},
    },
    {
      name: "no-import-of-index",
      severity: "error",
      comment: "src/index.ts is the public API, above every layer: modules in src/ import the module itself, not the index.",
      from: { path: "^src/", pathNot: "^src/index\\.ts$" },
      to: { path: "^src/index\\.ts$" },
    },
    {
      name: "src-may-not-import-test-bench-scripts",
      severity: "error",
      comment: "Library code may not depend on tests, benchmarks or scripts.",
      from: { path: "^src/" },
      to: { path: "^(test|bench|scripts|notebooks)/" },
    },
    {
      name: "no-circular",
      severity: "error",
      comment: "Circular dependency between modules. Move what both need into a lower layer (or into one of the two modules).",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-dev-dep",
      severity: "error",
      comment:
        "src/ imports a package that is only in devDependencies: at run time (npm install --omit=dev, notebooks) it is missing. Move it to dependencies or don't import it from src/.",
      from: { path: "^src/" },
      to: { dependencyTypes: ["npm-dev"], dependencyTypesNot: ["type-only"], pathNot: ["node_modules/@types/"] },
    },
    {
      name: "no-non-package-json",
      severity: "error",
      comment:
        "src/ imports a package that is not in package.json (it resolves only by accident, e.g. as a dependency of a dependency). Add it to dependencies.",
      from: { path: "^src/" },
      to: { dependencyTypes: ["npm-no-pkg", "npm-unknown"] },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "This import does not resolve to a file or package (a moved file?), so no layer rule can check it.",
      from: { path: "^src/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules"] },
    // Type-only imports count: a layer may not even name the types of a higher layer.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["main", "types", "typings"],
      extensions: [".ts", ".d.ts", ".js", ".cjs", ".mjs", ".json"],
    },
    skipAnalysisNotInRules: true,
  },
};

module.exports = config;
// Not part of dependency-cruiser's schema (which rejects unknown keys), hence not enumerable:
// scripts/layer-diagram.mjs reads the layers from here.
Object.defineProperty(module.exports, "layers", { value: LAYERS, enumerable: false });
