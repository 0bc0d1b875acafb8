// The fuzz suite: generated malformed scenarios, registers, applications, claims files and flag values (fast-check,
// seeded) plus the corpus of nasty files in test/fixtures/nasty/, through every command in-process. Each case must end
// with exit 0 (the input happened to be valid), 1 (bad input: one line naming the file or flag), or the command's
// documented code (validate: 1 = rules broken, 2 = unreadable register; indicators: 2 = unreadable register), never
// 70 (an internal error), never a stack trace, and a failed `run` writes nothing.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import fc from "fast-check";
import YAML from "yaml";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT, STANDARD } from "../helpers";
import { runInProcess, type InProcessResult } from "./inProcess";

const NASTY = path.join(ROOT, "test/fixtures/nasty");
const REGISTER = path.join(ROOT, "data/register/synthetic-agreements.csv");
const APPLICATIONS = path.join(ROOT, "data/allocation/synthetic-applications-2022.csv");
/** fast-check seed: the same cases every run (a failure is reproducible); change it to explore. */
const SEED = 16;

let work: string;
let caseNo = 0;
const cases: Record<string, number> = {};

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-fuzz-"));
});
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
  const total = Object.values(cases).reduce((a, b) => a + b, 0);
  console.log(
    `fuzz: ${total} cases (${Object.entries(cases)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")})`,
  );
});

function file(name: string, content: string | Uint8Array): string {
  const p = path.join(work, `${++caseNo}-${name}`);
  fs.writeFileSync(p, content);
  return p;
}

/**
 * What a case may end with: `ok` exit codes where stderr need not hold an error (0, validate's 1), `bad` exit codes
 * that must come with exactly one error line naming `names` (one of them).
 */
interface Expect {
  ok: number[];
  bad: number[];
  names: string[];
}

/** Checks one result; returns what is wrong with it (empty when the case passed). */
function problems(label: string, r: InProcessResult, e: Expect): string[] {
  const out: string[] = [];
  const errors = r.stderr.split("\n").filter((l) => l.startsWith("introsim: error"));
  if (r.code === 70 || /internal error/.test(r.stderr)) out.push(`${label}: internal error: ${r.stderr.trim().slice(0, 300)}`);
  else if (![...e.ok, ...e.bad].includes(r.code)) out.push(`${label}: exit ${r.code}: ${r.stderr.trim().slice(0, 300)}`);
  if (/\n\s+at .*[(:]\d+/.test(r.stderr)) out.push(`${label}: stack trace on stderr`);
  if (e.bad.includes(r.code) && !e.ok.includes(r.code)) {
    if (errors.length !== 1) out.push(`${label}: exit ${r.code} with ${errors.length} error lines: ${r.stderr.trim().slice(0, 300)}`);
    else if (!e.names.some((n) => errors[0]!.includes(n))) out.push(`${label}: the message names none of ${e.names.join(", ")}: ${errors[0]}`);
  }
  if (errors.length > 1) out.push(`${label}: ${errors.length} error lines`);
  return out;
}

/** Runs every case of a group in this process and lists the offenders. */
async function runGroup(group: string, list: Array<{ label: string; args: string[]; expect: Expect; out?: string }>): Promise<string[]> {
  const found: string[] = [];
  for (const c of list) {
    const r = await runInProcess(c.args);
    found.push(...problems(`${group} ${c.label}`, r, c.expect));
    if (c.out && r.code !== 0 && fs.existsSync(c.out)) found.push(`${group} ${c.label}: failed but wrote ${c.out}`);
  }
  cases[group] = (cases[group] ?? 0) + list.length;
  return found;
}

const BAD_INPUT = (names: string[]): Expect => ({ ok: [0], bad: [1], names });

// ---------------------------------------------------------------------------------------------------------------
// Generators

/** Junk values for a field: wrong types, extremes, NaN/Infinity (YAML .nan/.inf), huge and odd strings, prototype keys. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, "", "0x1", "1e400", "-0", "NaN", ".inf", "1900-01-01", "2024-02-30", "__proto__", "∞", "ø".repeat(1000)),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, -1e308, 9e18, 2 ** 53 + 1, -1, 0),
  fc.integer(),
  fc.string({ maxLength: 30 }),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom("__proto__", "constructor", "type", "value", "lav", "hoy", "x"), fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), {
    maxKeys: 3,
  }),
);

/** Every path into a parsed YAML object (objects and arrays). */
function paths(v: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (v === null || typeof v !== "object") return [prefix];
  const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return [prefix, ...keys.flatMap((k) => paths((v as Record<string | number, unknown>)[k], [...prefix, k]))];
}

function setAt(root: Record<string, unknown>, p: Array<string | number>, value: unknown, op: "set" | "delete" | "add"): void {
  if (p.length === 0) return;
  let o = root as Record<string | number, unknown>;
  for (const k of p.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  const last = p[p.length - 1]!;
  if (op === "delete") delete o[last];
  else if (op === "add" && o[last] && typeof o[last] === "object") Object.defineProperty(o[last], "unknownKeyX", { value, enumerable: true });
  else o[last] = value;
}

function standardRaw(): Record<string, unknown> {
  const raw = YAML.parse(fs.readFileSync(STANDARD, "utf8")) as Record<string, unknown>;
  const alloc = raw.allocation as Record<string, unknown>;
  // The mutated copy lives elsewhere: its file fields must still point at the bundled files.
  alloc.applications = path.join(ROOT, "data/allocation", path.basename(String(alloc.applications)));
  alloc.policy = path.join(ROOT, "data/allocation", path.basename(String(alloc.policy)));
  return raw;
}

const STANDARD_PATHS = paths(standardRaw());

/** A scenario with one field set to junk, deleted, or given an unknown key; written as YAML or JSON. */
const mutatedScenario = fc.record({
  at: fc.nat({ max: STANDARD_PATHS.length - 1 }),
  op: fc.constantFrom<"set" | "delete" | "add">("set", "set", "delete", "add"),
  value: junk,
  json: fc.boolean(),
});

/** Text corruption: bytes inserted at an offset, or the text cut off there. */
const corruption = fc.record({ at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }), cut: fc.boolean() });

function corrupt(text: string, c: { at: number; bytes: Uint8Array; cut: boolean }): Buffer {
  const b = Buffer.from(text, "utf8");
  const at = c.at % (b.length + 1);
  return c.cut ? b.subarray(0, at) : Buffer.concat([b.subarray(0, at), Buffer.from(c.bytes), b.subarray(at)]);
}

/** A CSV with one cell replaced by junk text (quoted as CSV requires). */
const cellJunk = fc.record({
  row: fc.nat(),
  col: fc.nat(),
  value: fc.oneof(
    junk.map((v) => (typeof v === "object" && v !== null ? JSON.stringify(v) : String(v))),
    fc.string({ maxLength: 40 }),
  ),
});

function withCell(csv: string, c: { row: number; col: number; value: string }): string {
  const lines = csv.trimEnd().split("\n");
  const r = 1 + (c.row % (lines.length - 1));
  const cells = lines[r]!.split(",");
  cells[c.col % cells.length] = `"${c.value.replace(/"/g, '""')}"`;
  lines[r] = cells.join(",");
  return `${lines.join("\n")}\n`;
}

const sample = <T>(arb: fc.Arbitrary<T>, n: number, offset = 0): T[] => fc.sample(arb, { numRuns: n, seed: SEED + offset });

// ---------------------------------------------------------------------------------------------------------------

describe("fuzz: scenarios", () => {
  test("150 mutated scenarios through cost and flows: exit 0 or one line naming the file, never 70", async () => {
    const list = sample(mutatedScenario, 150).map((m, i) => {
      const raw = standardRaw();
      setAt(raw, STANDARD_PATHS[m.at]!, m.value, m.op);
      const f = file(m.json ? "s.json" : "s.yaml", m.json ? JSON.stringify(raw) : YAML.stringify(raw));
      return {
        label: `#${i} ${m.op} ${STANDARD_PATHS[m.at]!.join(".")} = ${JSON.stringify(m.value)?.slice(0, 40)}`,
        args: [i % 3 === 2 ? "flows" : "cost", "--scenario", f, "--draws", "10"],
        expect: BAD_INPUT([path.basename(f)]),
      };
    });
    expect(await runGroup("scenario", list)).toEqual([]);
  });

  test("80 corrupted scenario texts (bytes inserted, text cut) through cost", async () => {
    const text = YAML.stringify(standardRaw());
    const list = sample(corruption, 80, 1).map((c, i) => {
      const f = file("c.yaml", corrupt(text, c));
      return {
        label: `#${i} ${c.cut ? "cut" : "insert"} at ${c.at % text.length}`,
        args: ["cost", "--scenario", f, "--draws", "10"],
        expect: BAD_INPUT([path.basename(f)]),
      };
    });
    expect(await runGroup("corrupted", list)).toEqual([]);
  });

  test("the nasty corpus through cost, flows, run, allocate --scenario and indicators --scenario; run writes nothing", async () => {
    const yamls = fs.readdirSync(NASTY).filter((f) => /^(?!policy-).*\.(ya?ml|json)$/.test(f));
    const list = yamls.flatMap((name) => {
      const f = path.join(NASTY, name);
      const e = BAD_INPUT([name, "extends"]);
      const out = path.join(work, `out-${name}`);
      return [
        { label: name, args: ["cost", "--scenario", f, "--draws", "10"], expect: e },
        { label: name, args: ["flows", "--scenario", f, "--draws", "10"], expect: e },
        { label: name, args: ["run", "--scenario", f, "--draws", "10", "--out", out], expect: e, out },
        { label: name, args: ["allocate", "--applications", APPLICATIONS, "--scenario", f, "--replications", "2"], expect: e },
        { label: name, args: ["indicators", "--agreements", REGISTER, "--scenario", f], expect: e },
      ];
    });
    expect(await runGroup("corpus", list)).toEqual([]);
  });

  test("files that are not files: a FIFO, a folder, /dev/zero, a dangling symlink, a 50 MB sparse file", async () => {
    const fifo = path.join(work, "pipe.yaml");
    execFileSync("mkfifo", [fifo]);
    const dir = path.join(work, "folder.yaml");
    fs.mkdirSync(dir);
    const dangling = path.join(work, "dangling.yaml");
    fs.symlinkSync(path.join(work, "nothing.yaml"), dangling);
    const big = path.join(work, "big.yaml");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, 50 * 1024 * 1024);
    const list = [fifo, dir, "/dev/zero", dangling, big].flatMap((f) => [
      { label: f, args: ["cost", "--scenario", f], expect: BAD_INPUT([path.basename(f)]) },
      { label: f, args: ["allocate", "--applications", f], expect: BAD_INPUT([path.basename(f)]) },
      { label: f, args: ["validate", "--agreements", f], expect: { ok: [], bad: [2], names: [path.basename(f)] } },
      { label: f, args: ["allocate", "--applications", APPLICATIONS, "--policy", f], expect: BAD_INPUT([path.basename(f)]) },
    ]);
    expect(await runGroup("special", list)).toEqual([]);
  });
});

describe("fuzz: registers and applications", () => {
  const register = fs.readFileSync(REGISTER, "utf8");
  const applications = fs.readFileSync(APPLICATIONS, "utf8");
  const VALIDATE: Expect = { ok: [0, 1], bad: [2], names: [] };

  test("100 registers with a junk cell or corrupted bytes through validate and indicators", async () => {
    const list = sample(
      fc.oneof(
        cellJunk.map((c) => ({ c })),
        corruption.map((k) => ({ k })),
      ),
      100,
      2,
    ).map((m, i) => {
      const f = file("r.csv", "c" in m ? withCell(register, m.c) : corrupt(register, m.k));
      const names = [path.basename(f)];
      return i % 2 === 0
        ? { label: `#${i}`, args: ["validate", "--agreements", f], expect: { ...VALIDATE, names } }
        : { label: `#${i}`, args: ["indicators", "--agreements", f], expect: { ok: [0], bad: [1, 2], names } };
    });
    expect(await runGroup("register", list)).toEqual([]);
  });

  test("100 applications files with a junk cell or corrupted bytes through allocate", async () => {
    const list = sample(
      fc.oneof(
        cellJunk.map((c) => ({ c })),
        corruption.map((k) => ({ k })),
      ),
      100,
      3,
    ).map((m, i) => {
      const f = file("a.csv", "c" in m ? withCell(applications, m.c) : corrupt(applications, m.k));
      return { label: `#${i}`, args: ["allocate", "--applications", f], expect: BAD_INPUT([path.basename(f)]) };
    });
    expect(await runGroup("applications", list)).toEqual([]);
  });

  test("the nasty corpus of registers, applications and policies", async () => {
    const list = fs.readdirSync(NASTY).flatMap((name) => {
      const f = path.join(NASTY, name);
      if (name.startsWith("register-"))
        return [
          { label: name, args: ["validate", "--agreements", f], expect: { ...VALIDATE, names: [name] } },
          { label: name, args: ["indicators", "--agreements", f], expect: { ok: [0], bad: [1, 2], names: [name] } },
        ];
      if (name.startsWith("applications-")) return [{ label: name, args: ["allocate", "--applications", f], expect: BAD_INPUT([name]) }];
      if (name.startsWith("policy-")) return [{ label: name, args: ["allocate", "--applications", APPLICATIONS, "--policy", f], expect: BAD_INPUT([name]) }];
      return [];
    });
    expect(await runGroup("corpus-csv", list)).toEqual([]);
  });
});

describe("fuzz: claims files", () => {
  let claimsDir: string;
  let claimsCsv: string;

  beforeAll(async () => {
    claimsDir = path.join(work, "claims");
    const g = await runInProcess(["claims", "generate", "--out", claimsDir, "--rows", "1000", "--seed", "1"]);
    expect(g.code).toBe(0);
    // A CSV of the same claim lines, to mutate cell by cell (DuckDB writes it; the claims code reads CSV too).
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    const csv = path.join(work, "claims.csv");
    await con.run(`COPY (SELECT * FROM read_parquet('${path.join(claimsDir, "claims.parquet")}') LIMIT 300) TO '${csv}' (HEADER, DELIMITER ',')`);
    con.closeSync();
    claimsCsv = fs.readFileSync(csv, "utf8");
  });

  test("10 claim files with a junk cell, 5 corrupted Parquet files and the corpus through claims estimate", async () => {
    const doctors = path.join(claimsDir, "doctors.parquet");
    const parquet = fs.readFileSync(path.join(claimsDir, "claims.parquet"));
    const estimate = (f: string) => ["claims", "estimate", "--claims", f, "--doctors", doctors, "--no-scenario", "--bootstrap", "9"];
    const list = [
      ...sample(cellJunk, 10, 5).map((c, i) => {
        const f = file("claims.csv", withCell(claimsCsv, c));
        return { label: `#${i} csv`, args: estimate(f), expect: BAD_INPUT([path.basename(f)]) };
      }),
      ...sample(corruption, 5, 6).map((c, i) => {
        const f = file("claims.parquet", corrupt(parquet.toString("latin1"), c));
        return { label: `#${i} parquet`, args: estimate(f), expect: BAD_INPUT([path.basename(f)]) };
      }),
      ...fs
        .readdirSync(NASTY)
        .filter((n) => n.startsWith("claims-"))
        .map((n) => ({ label: n, args: estimate(path.join(NASTY, n)), expect: BAD_INPUT([n]) })),
    ];
    expect(await runGroup("claims", list)).toEqual([]);
  });
});

describe("fuzz: flag values", () => {
  const value = fc.oneof(
    fc.constantFrom("", "-1", "0", "1e3", "0x10", "1.5", "Infinity", "NaN", "99999999999999999999999", "4294967296", "100000", "1900-01-01", "2024-02-30"),
    fc.string({ maxLength: 12 }),
  );
  const flag = fc.constantFrom(
    { args: ["validate", "--agreements", REGISTER, "--cap"], names: ["--cap"], ok: [0, 1] },
    { args: ["indicators", "--agreements", REGISTER, "--as-of"], names: ["--as-of"], ok: [0] },
    { args: ["indicators", "--agreements", REGISTER, "--cap"], names: ["--cap"], ok: [0] },
    { args: ["allocate", "--applications", APPLICATIONS, "--cap"], names: ["--cap"], ok: [0] },
    { args: ["allocate", "--applications", APPLICATIONS, "--scenario", STANDARD, "--replications", "2", "--months"], names: ["--months"], ok: [0] },
    { args: ["cost", "--scenario", STANDARD, "--draws", "10", "--seed"], names: ["--seed"], ok: [0] },
    { args: ["cost", "--scenario", STANDARD, "--seed", "1", "--draws"], names: ["--draws"], ok: [0] },
    { args: ["cost", "--scenario", STANDARD, "--draws", "10", "--set"], names: ["--set"], ok: [0] },
    { args: ["cost", "--scenario", STANDARD, "--draws", "10", "--set", "agreementYearIndex=1", "--set"], names: ["--set"], ok: [0] },
    { args: ["run", "--scenario", STANDARD, "--draws", "10", "--fixed-prices"], names: ["--fixed-prices"], ok: [] },
  );

  test("100 flag values: each bad one is one line naming the flag; a --set of a name is judged as name=value", async () => {
    const list = sample(fc.record({ flag, v: value, name: fc.constantFrom("substitutionShare", "__proto__", "agreements", "constructor") }), 100, 4).map(
      ({ flag: f, v, name }, i) => {
        const isSet = f.names[0] === "--set";
        const arg = isSet ? `${name}=${v}` : v;
        // run with a valid --fixed-prices would compute a whole run: only malformed dates are given to it.
        const args = f.args[0] === "run" ? [...f.args, `x${arg}`] : [...f.args, arg];
        return { label: `#${i} ${args.slice(-2).join(" ")}`, args, expect: { ok: [...f.ok], bad: [1], names: [...f.names, "option"] } };
      },
    );
    expect(await runGroup("flags", list)).toEqual([]);
  });
});

describe("fuzz: resource limits in a real process", () => {
  test("a 50 MB garbage scenario is refused under a 256 MB heap cap, with one line naming the file", () => {
    const big = path.join(work, "garbage.yaml");
    const fd = fs.openSync(big, "w");
    const chunk = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < 50; i++) fs.writeSync(fd, chunk.fill(`: [{${i}& *x\n`));
    fs.closeSync(fd);
    // /usr/bin/time -f %M reports the peak resident memory in KiB.
    const r = spawnSync(
      "/usr/bin/time",
      ["-f", "maxrss_kib=%M", process.execPath, "--max-old-space-size=256", path.join(ROOT, "bin/introsim.js"), "cost", "--scenario", big],
      {
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(1);
    const errors = r.stderr.split("\n").filter((l) => l.startsWith("introsim"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^introsim: error: .*garbage\.yaml: is 50\.0 MB, larger than the 64 KB allowed for a YAML\/JSON input/);
    expect(Number(/maxrss_kib=(\d+)/.exec(r.stderr)?.[1])).toBeLessThan(300 * 1024);
  });
});
