// Small helpers shared by the benchmarks: formatting and the median of repeated timings.
import { resolve as resolvePath } from "node:path";
import { spawnSync } from "node:child_process";
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const fmtInt = (x) => Math.round(x).toLocaleString("en-US").replace(/,/g, " ");
export const fmtS = (x) => (x == null ? "–" : x.toFixed(3));
export const pad = (s, w) => String(s).padStart(w);
export const padR = (s, w) => String(s).padEnd(w);
export const say = (s = "") => process.stdout.write(`${s}\n`);

/** Prints a bench script's usage and exits: 2 with the error on stderr when there is one, 0 for --help. */
export function usageExit(name, usage, err) {
  if (err) {
    process.stderr.write(`${name}: ${err}\n${usage}`);
    process.exit(2);
  }
  process.stdout.write(usage);
  process.exit(0);
}

/**
 * A bench script's options: `spec` maps "--flag" to [key, kind, min]; kind is "int" (a whole number >= min, "_"
 * allowed), "path" (resolved against the working folder), "string", or "on" / "off" (a switch setting key to
 * true / false). -h or --help prints the usage; a bad value or an unknown option prints it and exits 2.
 */
export function parseBenchArgs(argv, { name, usage, defaults, spec }) {
  const o = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-h" || a === "--help") usageExit(name, usage, null);
    if (!Object.hasOwn(spec, a)) usageExit(name, usage, `unknown argument ${a}`);
    const [key, kind, min = 0] = spec[a];
    if (kind === "on" || kind === "off") {
      o[key] = kind === "on";
      continue;
    }
    const v = argv[++i];
    if (v === undefined) usageExit(name, usage, `${a} needs a value`);
    if (kind === "int") {
      const n = Number(v.replace(/_/g, ""));
      if (!Number.isInteger(n) || n < min) usageExit(name, usage, `${a} must be an integer >= ${min}`);
      o[key] = n;
    } else o[key] = kind === "path" ? resolvePath(v) : v;
  }
  return o;
}

/**
 * Runs a command (argv array) in a child through bash and returns its wall seconds and CPU seconds (user + sys of the
 * child and everything it waited for, worker threads included: bash's `times`). Throws if it exits non-zero.
 * env: extra environment variables; stdout: a file to write the command's stdout to (default /dev/null).
 */
export function timedCommand(argv, { cwd, env = {}, stdout = "/dev/null" } = {}) {
  const quote = (a) => `'${String(a).replace(/'/g, "'\\''")}'`;
  const script = `${argv.map(quote).join(" ")} >${quote(stdout)} 2>/dev/null; rc=$?; times; exit $rc`;
  const t0 = process.hrtime.bigint();
  const r = spawnSync("bash", ["-c", script], { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${argv.join(" ")} failed (exit ${r.status})`);
  // `times` prints the shell's user/sys, then its children's (the last line), as 0m1.234s.
  const secs = r.stdout
    .trim()
    .split("\n")
    .pop()
    .split(/\s+/)
    .map((t) => {
      const m = /^(\d+)m([\d.]+)s$/.exec(t);
      return Number(m[1]) * 60 + Number(m[2]);
    });
  return { wall, cpu: secs[0] + secs[1] };
}
