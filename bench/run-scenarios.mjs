#!/usr/bin/env node
// `introsim run` with one scenario against two (issue 18: two under 1.5× one), and two scenarios one after the other
// (--threads 1) against two in parallel (one worker thread per scenario, --threads 2), run in turn (A B C A B C …) so
// drift of a shared machine hits all alike. Reports wall and CPU seconds (user + sys of the whole process, worker
// threads included, from getrusage of the child) and the load average. The two-scenario runs must write the same
// files byte for byte (exit 1 otherwise): the parallel run is only a faster way to the same outputs.
//
//   node bench/run-scenarios.mjs [--repeats 2] [--draws N]
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { timedCommand } from "./lib.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const repeats = Number(opt("--repeats", "2"));
const draws = opt("--draws", undefined);
const root = path.join(path.dirname(new URL(import.meta.url).pathname), "..");
if (!fs.existsSync(path.join(root, "dist", "cli", "main.js"))) spawnSync("npx", ["tsc", "-p", "."], { cwd: root, stdio: "inherit" });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-run-bench-"));
const scenario = (f) => ["--scenario", path.join("data", "scenarios", f)];
const cases = [
  { name: "one scenario (standard)", argv: [...scenario("standard.yaml"), "--threads", "1"] },
  { name: "two, one after the other (--threads 1)", argv: [...scenario("standard.yaml"), ...scenario("deltid-60.yaml"), "--threads", "1"] },
  { name: "two in parallel (--threads 2)", argv: [...scenario("standard.yaml"), ...scenario("deltid-60.yaml"), "--threads", "2"] },
];

function timed(argv, out) {
  return timedCommand(["node", "bin/introsim.js", "run", ...argv, ...(draws ? ["--draws", draws] : []), "--out", out, "--force"], { cwd: root });
}

const results = cases.map(() => []);
const load = [os.loadavg()[0]];
for (let k = 0; k < repeats; k++)
  cases.forEach((c, i) => {
    results[i].push(timed(c.argv, path.join(tmp, `case${i}`)));
    load.push(os.loadavg()[0]);
  });

// Same outputs, byte for byte: the last sequential and parallel runs of two scenarios.
const list = (dir) =>
  fs
    .readdirSync(dir, { recursive: true })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
const [a, b] = [path.join(tmp, "case1"), path.join(tmp, "case2")];
const differ = list(a).filter((f) => !fs.existsSync(path.join(b, f)) || !fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))));
const same = differ.length === 0 && list(a).length === list(b).length;

const f = (x) => x.toFixed(1);
console.log(`introsim run, ${repeats} runs each in turn; load average (1 min) ${load.map((l) => l.toFixed(1)).join(", ")}; ${os.availableParallelism()} cores`);
cases.forEach((c, i) =>
  console.log(`  ${c.name.padEnd(40)} wall ${results[i].map((r) => f(r.wall)).join(" / ")} s   CPU ${results[i].map((r) => f(r.cpu)).join(" / ")} s`),
);
const ratio = (i, key) => results[i].map((r, k) => (r[key] / results[0][k][key]).toFixed(2)).join(" / ");
console.log(`  two ÷ one, one after the other: wall ${ratio(1, "wall")}, CPU ${ratio(1, "cpu")}`);
console.log(`  two ÷ one, in parallel:         wall ${ratio(2, "wall")}, CPU ${ratio(2, "cpu")}  (goal: wall < 1.5)`);
console.log(`  two-scenario outputs, sequential vs parallel: ${same ? `the same (${list(a).length} files, byte for byte)` : `DIFFER: ${differ.join(", ")}`}`);
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(same ? 0 : 1);
