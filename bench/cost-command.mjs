#!/usr/bin/env node
// `introsim cost --draws 1000000 --json --threads 1` as a whole command (issue 18 goal: under 1 s), with the parsed
// parameter files read from the cache (node_modules/.cache/introsim, warm) and without it (INTROSIM_NO_CACHE=1: every
// file parsed, as before the cache), run in turn so drift of a shared machine hits both alike. Reports wall and CPU
// seconds (user + sys) and the load average; exit 1 if the two print different JSON (the cache must change nothing).
//
// --baseline DIR adds the same command from another checkout with its own build (e.g. an older commit unpacked with
// `git archive C | tar -x -C DIR`, node_modules linked, `npx tsc -p .` there), run in turn with the others.
//
//   node bench/cost-command.mjs [--repeats 3] [--draws 1000000] [--baseline DIR]
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { timedCommand } from "./lib.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const repeats = Number(opt("--repeats", "3"));
const draws = opt("--draws", "1000000");
const root = path.join(path.dirname(new URL(import.meta.url).pathname), "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-cost-bench-"));
const argv = ["node", "bin/introsim.js", "cost", "--scenario", "data/scenarios/standard.yaml", "--draws", draws, "--seed", "1", "--json", "--threads", "1"];
const baseline = opt("--baseline", undefined);
const cases = [
  ...(baseline ? [{ name: `baseline (${baseline})`, env: {}, cwd: path.resolve(baseline) }] : []),
  { name: "parameter files parsed (INTROSIM_NO_CACHE=1)", env: { INTROSIM_NO_CACHE: "1" } },
  { name: "parsed YAML from the cache", env: {} },
];
for (const c of cases) timedCommand(argv, { cwd: c.cwd ?? root }); // warm-up: fills the cache
const results = cases.map(() => []);
const load = [os.loadavg()[0]];
for (let k = 0; k < repeats; k++)
  cases.forEach((c, i) => {
    results[i].push(timedCommand(argv, { cwd: c.cwd ?? root, env: c.env, stdout: path.join(tmp, `case${i}.json`) }));
    load.push(os.loadavg()[0]);
  });
const outputs = cases.map((_, i) => fs.readFileSync(path.join(tmp, `case${i}.json`)));
const same = outputs.every((o) => o.equals(outputs[0]));
const f = (x) => x.toFixed(2);
const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(
  `introsim cost --draws ${draws} --json --threads 1, ${repeats} runs each in turn; load average (1 min) ${load.map((l) => l.toFixed(1)).join(", ")}`,
);
cases.forEach((c, i) =>
  console.log(
    `  ${c.name.padEnd(46)} wall ${results[i].map((r) => f(r.wall)).join(" / ")} s   CPU ${results[i].map((r) => f(r.cpu)).join(" / ")} s, median ${f(med(results[i].map((r) => r.cpu)))} s`,
  ),
);
console.log(`  JSON the same in every case: ${same ? "yes" : "NO"}`);
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(same ? 0 : 1);
