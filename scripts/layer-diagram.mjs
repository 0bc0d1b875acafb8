#!/usr/bin/env node
// The layer diagram of src/, generated from the code: charts/architecture/layers.svg (issue 21).
//
//   node scripts/layer-diagram.mjs           write charts/architecture/layers.svg and the list of layers in
//                                            README.md's architecture section           (npm run layers)
//   node scripts/layer-diagram.mjs --check   render into a temp file and compare with the committed one, and
//                                            compare README.md's list; exit 1 when either differs (npm run layers:check)
//
// imports read by dependency-cruiser with the project's rules (.dependency-cruiser.cjs, JSON output)
//   -> one node per folder (or top-level file) of src/, one band per layer rank, in the order of LAYERS
//   -> one edge per pair of folders that import each other (width grows with the number of imports;
//      red when any of those imports breaks a rule; allowed imports into ranks 0-1 are left out)
//   -> Graphviz DOT -> SVG with @viz-js/viz (Graphviz compiled to WebAssembly: no Debian package needed).
// Byte-stable: nodes and edges are sorted, no dates or paths go into the output, and the Graphviz version is pinned
// by package-lock.json, so the same code gives the same SVG.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { instance } from "@viz-js/viz";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const TARGET = "charts/architecture/layers.svg";
const require = createRequire(import.meta.url);
/** @type {{ rank: number, members: string[], what: string }[]} */
const LAYERS = require(join(ROOT, ".dependency-cruiser.cjs")).layers;

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== "--check");
if (unknown.length > 0) {
  process.stderr.write(`layer-diagram: unknown argument ${unknown[0]} (allowed: --check)\n`);
  process.exit(2);
}
const check = args.includes("--check");

/** Runs dependency-cruiser over src/ and returns its JSON result. */
function cruise() {
  const bin = join(ROOT, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
  const out = spawnSync(process.execPath, [bin, "src", "--config", ".dependency-cruiser.cjs", "--output-type", "json"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  // Exit code 1+ only means "there are violations"; those are drawn in red. Anything without JSON is a real failure.
  if (out.error || !out.stdout.trimStart().startsWith("{")) {
    process.stderr.write(`layer-diagram: dependency-cruiser failed\n${out.stderr}${out.error ?? ""}\n`);
    process.exit(2);
  }
  return JSON.parse(out.stdout);
}

/** "src/cost/kernel.ts" -> "cost", "src/constants.ts" -> "constants.ts", anything else -> undefined */
function memberOf(source) {
  const m = /^src\/([^/]+)/.exec(source);
  if (!m) return undefined;
  return m[1];
}

/** Allowed imports into layers up to this rank are not drawn (see the caption). */
const BASE_RANK = 1;

const q = (s) => `"${String(s).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

function toDot(result) {
  const rankOf = new Map(LAYERS.flatMap((l) => l.members.map((m) => [m, l.rank])));
  const modulesIn = new Map();
  /** key "from\u0000to" -> { n, bad: Set<rule name> } */
  const edges = new Map();
  const unlisted = new Set();
  for (const mod of result.modules) {
    const from = memberOf(mod.source);
    if (from === undefined || from === "index.ts") continue;
    if (!rankOf.has(from)) unlisted.add(from);
    modulesIn.set(from, (modulesIn.get(from) ?? 0) + 1);
    for (const dep of mod.dependencies) {
      const to = memberOf(dep.resolved);
      if (to === undefined || to === from) continue;
      if (!rankOf.has(to) && to !== "index.ts") unlisted.add(to);
      const key = `${from}\u0000${to}`;
      const e = edges.get(key) ?? { n: 0, bad: new Set() };
      e.n += 1;
      for (const r of dep.rules ?? []) e.bad.add(r.name);
      edges.set(key, e);
    }
  }

  const lines = [
    "digraph layers {",
    '  graph [rankdir=TB, newrank=true, nodesep=0.25, ranksep=0.45, fontname="DejaVu Sans", fontsize=11, labelloc=t,',
    `    label=${q('Layers of src/: an arrow is "imports from"; red arrows break a layer rule (npm run lint:layers).\nArrows into ranks 0-1 (used everywhere) are drawn only when they break a rule; src/index.ts (the public API) is left out.\nGenerated from the code by npm run layers; hover for the number of imports.')}];`,
    '  node [shape=box, style="rounded,filled", fillcolor="#f4f6f8", color="#5b6b7b", fontname="DejaVu Sans", fontsize=11, height=0.3];',
    '  edge [color="#8a99a8", arrowsize=0.6];',
  ];
  // One band per rank, highest on top; a column of rank labels with invisible edges keeps the bands in order
  // even where no import connects them.
  const layers = [...LAYERS].sort((a, b) => b.rank - a.rank);
  for (const layer of layers) {
    const ids = [`rank${layer.rank}`];
    lines.push(`  rank${layer.rank} [shape=plaintext, style="", label=${q(`rank ${layer.rank}`)}, fontcolor="#5b6b7b"];`);
    for (const member of layer.members) {
      const n = modulesIn.get(member) ?? 0;
      const attrs =
        n === 0
          ? `label=${q(`${member}\n(no modules yet)`)}, style="rounded,dashed", fontcolor="#8a99a8"`
          : `label=${q(`${member}\n${n} module${n === 1 ? "" : "s"}`)}`;
      lines.push(`  ${q(member)} [${attrs}, tooltip=${q(`src/${member}: ${layer.what}`)}];`);
      ids.push(q(member));
    }
    lines.push(`  { rank=same; ${ids.join("; ")}; }`);
  }
  for (const member of [...unlisted].sort()) {
    lines.push(`  ${q(member)} [label=${q(`${member}\n(in no layer)`)}, fillcolor="#fde2e2", color="#c0392b"];`);
  }
  for (let i = 0; i + 1 < layers.length; i++) {
    lines.push(`  rank${layers[i].rank} -> rank${layers[i + 1].rank} [style=invis];`);
  }
  for (const key of [...edges.keys()].sort()) {
    const [from, to] = key.split("\u0000");
    if (to === "index.ts") continue; // drawn as a rule violation in lint:layers; the index is not in the picture
    const { n, bad } = edges.get(key);
    const width = (1 + Math.log2(n) * 0.5).toFixed(2);
    const tip = `src/${from} -> src/${to}: ${n} import${n === 1 ? "" : "s"}`;
    // Every layer may use ranks 0 and 1 (errors, constants, time, format, io); drawing those arrows would hide the
    // rest, so only the ones that break a rule are drawn.
    if (bad.size === 0 && (rankOf.get(to) ?? Infinity) <= BASE_RANK) continue;
    if (bad.size > 0) {
      const rules = [...bad].sort().join(", ");
      lines.push(
        `  ${q(from)} -> ${q(to)} [color="#c0392b", fontcolor="#c0392b", penwidth=${width}, label=${q(String(n))}, fontsize=9, tooltip=${q(`${tip}; breaks ${rules}`)}, constraint=false];`,
      );
    } else {
      lines.push(`  ${q(from)} -> ${q(to)} [penwidth=${width}, tooltip=${q(tip)}];`);
    }
  }
  lines.push("}");
  return lines.join("\n") + "\n";
}

/** The README's list of layers (lowest first), between the two markers; generated from LAYERS, not edited by hand. */
const README = "README.md";
const BEGIN = "<!-- layers:begin (generated by npm run layers from LAYERS in .dependency-cruiser.cjs; edit there) -->";
const END = "<!-- layers:end -->";

function layerList() {
  const rows = [...LAYERS]
    .sort((a, b) => a.rank - b.rank)
    .map((l) => `- rank ${l.rank}: ${l.members.map((m) => `\`src/${m}${m.endsWith(".ts") ? "" : "/"}\``).join(", ")} — ${l.what}`);
  return [BEGIN, ...rows, END].join("\n");
}

/** README.md with the list between the markers replaced; undefined when README.md has no markers. */
function readmeWithList() {
  const text = readFileSync(join(ROOT, README), "utf8");
  const i = text.indexOf(BEGIN.slice(0, BEGIN.indexOf(" (")));
  const j = text.indexOf(END);
  if (i < 0 || j < i) return { text, updated: undefined };
  return { text, updated: text.slice(0, i) + layerList() + text.slice(j + END.length) };
}

const viz = await instance();
const dot = toDot(cruise());
const svg = viz.renderString(dot, { format: "svg", engine: "dot" });
const readme = readmeWithList();
if (readme.updated === undefined) {
  process.stderr.write(`layer-diagram: ${README} has no "${BEGIN.slice(0, BEGIN.indexOf(" ("))}" ... "${END}" markers for the list of layers\n`);
  process.exit(2);
}

if (!check) {
  mkdirSync(join(ROOT, dirname(TARGET)), { recursive: true });
  writeFileSync(join(ROOT, TARGET), svg);
  process.stdout.write(`wrote ${TARGET}\n`);
  if (readme.updated !== readme.text) {
    writeFileSync(join(ROOT, README), readme.updated);
    process.stdout.write(`updated the list of layers in ${README}\n`);
  }
} else {
  const dir = mkdtempSync(join(tmpdir(), "introsim-layers-"));
  const fresh = join(dir, "layers.svg");
  try {
    writeFileSync(fresh, svg);
    const committed = join(ROOT, TARGET);
    const same = existsSync(committed) && readFileSync(committed).equals(readFileSync(fresh));
    if (!same) {
      process.stderr.write(`${TARGET} is out of date; run npm run layers\n`);
      process.exitCode = 1;
    } else {
      process.stdout.write(`${relative(ROOT, committed)} is up to date\n`);
    }
    if (readme.updated !== readme.text) {
      process.stderr.write(`${README}: the list of layers is out of date; run npm run layers\n`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
