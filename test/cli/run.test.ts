// `introsim run` as a user runs it: the folder it writes, several scenarios with a comparison, bad input (extends
// cycles, missing parents, duplicate names, folders that cannot be written) and a run killed midway.
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { ROOT, runCli } from "../helpers";

const STANDARD = "data/scenarios/standard.yaml";
const FAST = ["--draws", "20000"];
const tmp = (prefix = "introsim-run-") => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** One line on stderr starting "introsim: error:", no stack trace, exit 1, nothing on stdout. */
function expectOneClearError(r: ReturnType<typeof runCli>, pattern: RegExp): void {
  expect(r.status).toBe(1);
  expect(r.stdout).toBe("");
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toMatch(/^introsim: error: /);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

function variant(dir: string, file: string, body: string): string {
  const p = path.join(dir, file);
  fs.writeFileSync(p, body);
  return p;
}

const CHARTS = [
  "budsjettbane",
  "iso-kostnad",
  "kostnadsfordeling",
  "sobol",
  "strommer-fastleger",
  "strommer-kommunen",
  "strommer-parter",
  "tildeling-tidslinje",
  "tornado",
  "verdi-av-informasjon",
];

describe("introsim run (one scenario)", () => {
  const out = tmp();
  const r = runCli(["run", "--scenario", STANDARD, ...FAST, "--seed", "3", "--out", out, "--csv", "--png"]);

  test("writes report.html, results.json, results.xlsx, manifest.json, csv/ and every chart as .svg, .png (--png) and .vl.json", () => {
    expect(r.status, r.stderr).toBe(0);
    const files = fs.readdirSync(out).sort();
    expect(files).toEqual(
      [
        ".introsim-outputs",
        "csv",
        ...CHARTS.flatMap((c) => [`${c}.png`, `${c}.svg`, `${c}.vl.json`]),
        "manifest.json",
        "report.html",
        "results.json",
        "results.xlsx",
      ].sort(),
    );
    expect(fs.readdirSync(path.join(out, "csv")).sort()).toEqual([
      "break-even.csv",
      "budsjett.csv",
      "folsomhet.csv",
      "forutsetninger.csv",
      "kalkulasjonsrente.csv",
      "parter.csv",
      "samfunnsokonomisk.csv",
      "sammendrag.csv",
      "tildeling.csv",
      "verdi-av-informasjon.csv",
    ]);
  });

  test("the manifest has the scenario hash, seed, data versions, package version, date and the input files", () => {
    const m = JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8"));
    expect(m.scenario.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(m.seed).toBe(3);
    expect(m.draws).toBe(20000);
    expect(m.data.files.length).toBeGreaterThan(10);
    expect(m.version).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version);
    expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(m.inputs.map((i: { file: string }) => i.file)).toEqual(["data/allocation/synthetic-applications-2022.csv", "data/allocation/policy-default.yaml"]);
  });

  test("results.json holds cost (with Sobol), flows, allocation and the budget by year with P50 and P85 against the line", () => {
    const res = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8"));
    expect(Object.keys(res.flows)).toEqual(["naeringsdrivende", "fastlonnet"]);
    expect(res.cost.sobol.indices.length).toBeGreaterThan(5);
    // Horizon through 2030 (issue 13): June 2022 – December 2030 = 7 + 8 × 12 = 103 months, rounds every year.
    expect(res.allocation.timeline.length).toBe(103);
    const years = res.budget.years.map((y: { year: number }) => y.year);
    expect(years).toEqual([2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    for (const y of res.budget.years) {
      expect(y.nok.p50).toBeLessThanOrEqual(y.nok.p85);
      expect(y.budgetLineNok).toBe(32_700_000);
    }
    // After the last priced day the takster are regulated forward with the data's latest regulering rate (0 / 4 / 8 %).
    expect(res.budget.years.find((y: { year: number }) => y.year === 2027).prices).toBe("extrapolated");
  });

  test("results.xlsx opens with exceljs and holds the same P50 as results.json, as a number", async () => {
    const res = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, "results.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "sammendrag",
      "forutsetninger",
      "folsomhet",
      "parter",
      "budsjett",
      "tildeling",
      "break-even",
      "verdi-av-informasjon",
      "samfunnsokonomisk",
      "kalkulasjonsrente",
      "manifest",
    ]);
    const ws = wb.getWorksheet("sammendrag")!;
    const row = ws.getRows(1, ws.rowCount)!.find((x) => x.getCell(1).value === "P50 (median)")!;
    expect(row.getCell(2).value).toBe(res.cost.p50);
    expect(row.getCell(2).numFmt).toBe('#,##0 "kr"');
  });

  test("CSV for Norwegian Excel: BOM, semicolons, decimal comma, CRLF", () => {
    const res = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8"));
    const csv = fs.readFileSync(path.join(out, "csv/sammendrag.csv"), "utf8");
    expect(csv.startsWith("\ufeffMål;Per avtale (kr);")).toBe(true);
    expect(csv).toContain(`\r\nP50 (median);${Math.round(res.cost.p50)};`); // whole kroner, the unit's precision
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});

describe("introsim run with several scenarios", () => {
  test("each scenario gets its folder, the comparison gets a table, charts and a report at the top", () => {
    const dir = tmp();
    const deltid = variant(
      dir,
      "deltid.yaml",
      `extends: ${path.join(ROOT, STANDARD)}\ntitle: "Deltid: de fleste på 60 %"\ninputs:\n  stillingsprosent: { type: trippelestimat, lav: 0.5, mest_sannsynlig: 0.6, hoy: 0.8 }\n`,
    );
    const out = path.join(dir, "out");
    const r = runCli(["run", "--scenario", STANDARD, "--scenario", deltid, ...FAST, "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    const top = fs.readdirSync(out).sort();
    for (const f of ["deltid", "standard", "report.html", "results.json", "results.xlsx", "manifest.json", "sammenligning.svg", "budsjett-sammenligning.svg"])
      expect(top).toContain(f);
    expect(fs.readdirSync(path.join(out, "deltid"))).toContain("report.html");
    const res = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8"));
    expect(res.scenarios.map((s: { scenario: { name: string } }) => s.scenario.name)).toEqual(["standard", "deltid"]);
    // Part time means fewer consultations: the variant's median is lower.
    expect(res.scenarios[1].cost.p50).toBeLessThan(res.scenarios[0].cost.p50);
    const html = fs.readFileSync(path.join(out, "report.html"), "utf8");
    expect(html).toContain("Deltid: de fleste på 60 %");
    expect(html).toContain('href="deltid/report.html"');
  });

  test("two scenarios with the same name are refused before anything is computed or written", () => {
    const dir = tmp();
    const copy = variant(dir, "kopi.yaml", `extends: ${path.join(ROOT, STANDARD)}\nname: standard\n`);
    const out = path.join(dir, "out");
    expectOneClearError(
      runCli(["run", "--scenario", STANDARD, "--scenario", copy, ...FAST, "--out", out]),
      /kopi\.yaml: has the same name "standard" as .*standard\.yaml/,
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  test("an extends cycle and a missing parent are named, with no output", () => {
    const dir = tmp();
    variant(dir, "a.yaml", "extends: b.yaml\nname: a\n");
    variant(dir, "b.yaml", "extends: a.yaml\nname: b\n");
    const orphan = variant(dir, "orphan.yaml", "extends: finnes-ikke.yaml\n");
    const out = path.join(dir, "out");
    expectOneClearError(runCli(["run", "--scenario", path.join(dir, "a.yaml"), "--out", out]), /extends forms a cycle: .*a\.yaml -> .*b\.yaml -> .*a\.yaml/);
    expectOneClearError(runCli(["run", "--scenario", orphan, "--out", out]), /orphan\.yaml: extends: "finnes-ikke\.yaml" not found/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("an output folder that cannot be created is refused up front", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "afile"), "keep");
    expectOneClearError(
      runCli(["run", "--scenario", STANDARD, ...FAST, "--out", path.join(dir, "afile", "out")]),
      /cannot be created: .*afile is a file, not a folder/,
    );
    expect(fs.readFileSync(path.join(dir, "afile"), "utf8")).toBe("keep");
  });

  test("a folder where mkdir fails (under /proc) is one clear message, promptly (Node's recursive mkdir loops forever there)", () => {
    expectOneClearError(
      runCli(["run", "--scenario", STANDARD, "--draws", "2000", "--out", "/proc/introsim-x/y"]),
      /\/proc\/introsim-x\/y: is under the system folder \/proc; choose a new folder/,
    );
  });

  test("--out that is an existing file, the working folder, or a scenario given twice: one clear message each", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "afile"), "keep");
    expectOneClearError(runCli(["run", "--scenario", STANDARD, ...FAST, "--out", path.join(dir, "afile")]), /afile: exists and is a file, not a folder/);
    expect(fs.readFileSync(path.join(dir, "afile"), "utf8")).toBe("keep");
    expectOneClearError(runCli(["run", "--scenario", STANDARD, ...FAST, "--out", "."]), /is the working folder, and an output folder is replaced as a whole/);
    expectOneClearError(
      runCli(["run", "--scenario", STANDARD, "--scenario", STANDARD, ...FAST, "--out", path.join(dir, "o")]),
      /--scenario: .*standard\.yaml is given twice/,
    );
  });

  test("a name the comparison uses itself (csv, manifest, sammenligning) is refused in a run of several", () => {
    const dir = tmp();
    const csv = variant(dir, "c.yaml", `extends: ${path.join(ROOT, STANDARD)}\nname: csv\n`);
    expectOneClearError(
      runCli(["run", "--scenario", STANDARD, "--scenario", csv, ...FAST, "--out", path.join(dir, "o")]),
      /c\.yaml: the name "csv" is used by the comparison's own files/,
    );
  });

  test("an applications file that does not exist names the scenario field", () => {
    const dir = tmp();
    const bad = variant(dir, "bad.yaml", `extends: ${path.join(ROOT, STANDARD)}\nallocation:\n  applications: finnes-ikke.csv\n`);
    expectOneClearError(
      runCli(["run", "--scenario", bad, ...FAST, "--out", path.join(dir, "o")]),
      /bad\.yaml: allocation\.applications: ".*finnes-ikke\.csv" not found/,
    );
    expect(fs.existsSync(path.join(dir, "o"))).toBe(false);
  });

  test("--fixed-prices outside the takst data is refused before any work, naming the flag and the allowed dates", () => {
    const out = path.join(tmp(), "o");
    expectOneClearError(
      runCli(["run", "--scenario", STANDARD, ...FAST, "--fixed-prices", "2010-01-01", "--out", out]),
      /--fixed-prices: 2010-01-01 is before the first day with takster in the data \(2021-07-01\); choose a date from 2021-07-01 to 2026-06-30/,
    );
    expectOneClearError(
      runCli(["run", "--scenario", STANDARD, ...FAST, "--fixed-prices", "2031-01-01", "--out", out]),
      /--fixed-prices: 2031-01-01 is after the last day/,
    );
  });

  test("--fixed-prices prices every year at that day's takster: no year is marked last-known", () => {
    const out = path.join(tmp(), "o");
    const r = runCli(["run", "--scenario", STANDARD, ...FAST, "--fixed-prices", "2024-07-01", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    const res = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8"));
    expect(res.budget.basis).toBe("fixed");
    expect(new Set(res.budget.years.map((y: { prices: string }) => y.prices))).toEqual(new Set(["fixed"]));
    expect(res.manifest.options.fixedPrices).toBe("2024-07-01");
  });

  test("a failed run writes nothing", () => {
    const dir = tmp();
    const bad = variant(dir, "bad.yaml", `extends: ${path.join(ROOT, STANDARD)}\ninputs:\n  stillingsprosent: 0.2\n`);
    const r = runCli(["run", "--scenario", bad, "--out", path.join(dir, "out")]);
    expect(r.status).toBe(1);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });
});

/** Starts `introsim run` and kills it with `signal` after `ms` milliseconds; resolves when it has exited. */
function runAndKill(args: string[], ms: number, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin/introsim.js"), ...args], { cwd: ROOT, stdio: "ignore" });
    const timer = setTimeout(() => child.kill(signal), ms);
    child.on("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** The folder is either absent, or a complete run whose report and manifest belong to its results. */
function expectAbsentOrComplete(out: string): "absent" | "complete" {
  if (!fs.existsSync(out)) return "absent";
  const files = fs.readdirSync(out);
  for (const f of ["report.html", "results.json", "manifest.json", "results.xlsx", ...CHARTS.map((c) => `${c}.svg`)]) expect(files).toContain(f);
  const res = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8"));
  expect(JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8"))).toEqual(res.manifest);
  expect(fs.readFileSync(path.join(out, "report.html"), "utf8")).toMatch(/<\/html>\s*$/);
  return "complete";
}

describe("a run killed midway", () => {
  test("leaves no partial report: the folder is absent or complete after SIGKILL / SIGTERM at any moment, and the next run cleans up", async () => {
    const dir = tmp();
    const out = path.join(dir, "out");
    const args = ["run", "--scenario", STANDARD, "--draws", "200000", "--out", out];
    const seen = new Set<string>();
    // From early (loading) to late (rendering and writing); the run takes about 3 s here.
    for (const [ms, signal] of [
      [150, "SIGKILL"],
      [1800, "SIGTERM"],
      [3200, "SIGKILL"],
    ] as const) {
      await runAndKill(args, ms, signal);
      seen.add(expectAbsentOrComplete(out));
    }
    expect(seen.has("absent")).toBe(true); // at least one kill came before the write
    const r = runCli(args);
    expect(r.status, r.stderr).toBe(0);
    expect(expectAbsentOrComplete(out)).toBe("complete");
    // No temporary or moved-aside folders are left behind once a run has completed.
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("."))).toEqual([]);
  }, 480_000);

  test("killed inside the write itself (test hook): after all files, and between the two renames", () => {
    // The write window is a few milliseconds of a 3-second run, so timed kills rarely land in it; the hook
    // INTROSIM_TEST_CRASH kills the process (SIGKILL) exactly there.
    const dir = tmp();
    const out = path.join(dir, "out");
    const run = (crash?: string, seed = "1") =>
      spawnSync(process.execPath, [path.join(ROOT, "bin/introsim.js"), "run", "--scenario", STANDARD, ...FAST, "--seed", seed, "--out", out], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, INTROSIM_TEST_CRASH: crash ?? "" },
        timeout: 120_000,
      });
    expect(run().status).toBe(0);
    const before = fs.readFileSync(path.join(out, "results.json"), "utf8");
    // 1. Killed after writing every file into the temporary folder: the previous output is untouched.
    expect(run("after-files", "2").signal).toBe("SIGKILL");
    expect(fs.readFileSync(path.join(out, "results.json"), "utf8")).toBe(before);
    expect(expectAbsentOrComplete(out)).toBe("complete");
    // 2. Killed between moving the previous output aside and renaming the new one in: no folder, never a half one.
    expect(run("between-renames", "3").signal).toBe("SIGKILL");
    expect(expectAbsentOrComplete(out)).toBe("absent");
    // 3. The next run recovers and completes; nothing is left behind.
    const r = run(undefined, "4");
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8")).cost.seed).toBe(4);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("."))).toEqual([]);
  }, 480_000);
});
