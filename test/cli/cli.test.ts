// The introsim command as a user runs it: JSON keys, reproducibility, bad input → one message and a non-zero exit.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import YAML from "yaml";
import { describe, expect, test } from "vitest";
import { FIXTURE_PARAMS, GOLDEN, ROOT, runCli, STANDARD } from "../helpers";

const COST = ["cost", "--scenario", "data/scenarios/standard.yaml"];

function tmpScenario(mutate: (raw: Record<string, any>) => void): string {
  const raw = YAML.parse(fs.readFileSync(STANDARD, "utf8")) as Record<string, any>;
  mutate(raw);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "introsim-cli-")), "bad.yaml");
  fs.writeFileSync(file, YAML.stringify(raw));
  return file;
}

/** One line on stderr, starting "introsim: error:", no stack trace, exit code `code`, nothing on stdout. */
function expectOneClearError(r: ReturnType<typeof runCli>, pattern: RegExp, code = 1): void {
  expect(r.status).toBe(code);
  expect(r.stdout).toBe("");
  const lines = r.stderr
    .trim()
    .split("\n")
    .filter((l) => !l.startsWith("(run with --help"));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^introsim: error: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe("introsim cost --json", () => {
  const a = runCli([...COST, "--draws", "100000", "--seed", "1", "--json"]);
  const report = JSON.parse(a.stdout);

  test("prints the keys the acceptance names, with p10 <= p50 <= p85 <= p90", () => {
    expect(a.status).toBe(0);
    for (const k of ["mean", "p10", "p50", "p85", "p90", "shareAbove500k", "deterministic", "draws", "seed", "decomposition", "manifest"])
      expect(report).toHaveProperty(k);
    expect(report.p10).toBeLessThanOrEqual(report.p50);
    expect(report.p50).toBeLessThanOrEqual(report.p85);
    expect(report.p85).toBeLessThanOrEqual(report.p90);
    expect(report.draws).toBe(100000);
    expect(report.seed).toBe(1);
    expect(report.manifest).toMatchObject({ tool: "introsim", seed: 1, draws: 100000, scenario: { name: "standard" } });
    expect(report.manifest.scenario.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(report.manifest.data.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test("the same seed gives byte-identical output; another seed gives different draws", () => {
    const b = runCli([...COST, "--draws", "100000", "--seed", "1", "--json"]);
    const c = runCli([...COST, "--draws", "100000", "--seed", "2", "--json"]);
    expect(b.stdout).toBe(a.stdout);
    expect(JSON.parse(c.stdout).p50).not.toBe(report.p50);
  });

  test("--set changes an input and is recorded in the manifest", () => {
    const r = JSON.parse(runCli([...COST, "--draws", "20000", "--seed", "1", "--json", "--set", "substitutionShare=0.9"]).stdout);
    expect(r.p50).toBeLessThan(report.p50);
    expect(r.manifest.overrides).toEqual([{ name: "substitutionShare", value: 0.9 }]);
  });

  test("the golden scenario with every input fixed gives every percentile equal to the deterministic 272 790 kr", () => {
    const r = JSON.parse(runCli(["cost", "--scenario", GOLDEN, "--params", FIXTURE_PARAMS, "--json"]).stdout);
    expect(Math.round(r.deterministic.net)).toBe(272_790);
    for (const k of ["mean", "p10", "p50", "p85", "p90"]) expect(Math.round(r[k])).toBe(272_790);
  });
});

describe("introsim cost without --json", () => {
  test("prints a readable table with Norwegian number format", () => {
    const r = runCli([...COST, "--draws", "10000", "--seed", "1"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/P85\s+\d{3}\u00a0\d{3}\u00a0kr/);
    expect(r.stdout).toMatch(/andel trekk over 500\u00a0000\u00a0kr/);
  });
});

describe("bad input: one clear message, a non-zero exit, no stack trace", () => {
  test("an unknown key in the scenario", () => {
    expectOneClearError(runCli(["cost", "--scenario", tmpScenario((r) => (r.budgett = 1))]), /bad\.yaml: unknown key "budgett"/);
  });
  test("a missing field", () => {
    expectOneClearError(runCli(["cost", "--scenario", tmpScenario((r) => delete r.inputs.patientBase)]), /bad\.yaml: inputs\.patientBase: missing field/);
  });
  test("a negative count", () => {
    expectOneClearError(
      runCli(["cost", "--scenario", tmpScenario((r) => (r.inputs.patientBase = -1))]),
      /inputs\.patientBase\.value: -1 is not allowed; patientBase is a count: 0 to 1000000/,
    );
  });
  test("a probability outside 0–1", () => {
    expectOneClearError(
      runCli(["cost", "--scenario", tmpScenario((r) => (r.inputs.alisStandardProbability = 1.5))]),
      /inputs\.alisStandardProbability\.value: 1\.5 is not allowed/,
    );
  });
  test("a trippelestimat with lav > høy", () => {
    expectOneClearError(
      runCli(["cost", "--scenario", tmpScenario((r) => (r.inputs.rampUpMonths = { type: "trippelestimat", lav: 6, mest_sannsynlig: 3, hoy: 0 }))]),
      /inputs\.rampUpMonths: trippelestimat requires lav <= mest_sannsynlig <= hoy/,
    );
  });
  test("a date outside every takst period", () => {
    expectOneClearError(
      // takster are extrapolated by the regulering file, so the first data to end is a rule's validity (2030)
      runCli(["cost", "--scenario", tmpScenario((r) => (r.agreementYearStart = "2045-01-01"))]),
      /\.yaml: no value for 2045-01-01; its periods cover/,
    );
  });
  test("--set of an unknown name", () => {
    expectOneClearError(runCli([...COST, "--set", "substitution=0.5"]), /--set substitution=0\.5: unknown name "substitution"; allowed: /);
  });
  test("--draws that is not a whole number", () => {
    expectOneClearError(runCli([...COST, "--draws", "1e5x"]), /"1e5x" is not allowed; draws must be a whole number from 1 to 20000000/);
  });
  test("a scenario file that does not exist", () => {
    expectOneClearError(runCli(["cost", "--scenario", "nope.yaml"]), /nope\.yaml: file not found/);
  });
  test("--draws above the limit", () => {
    expectOneClearError(runCli([...COST, "--draws", "10000000000"]), /draws must be a whole number from 1 to 20000000/);
  });
  test("--set of an absurd magnitude names the flag and the allowed range", () => {
    expectOneClearError(
      runCli([...COST, "--set", "consultationsPerWeekFullTime=10000000"]),
      /^introsim: error: --set consultationsPerWeekFullTime=10000000: 10000000 is not allowed; consultationsPerWeekFullTime is a count: 0 to 1000000/,
    );
    expectOneClearError(
      runCli([...COST, "--set", "stillingsprosent=0.3"]),
      /^introsim: error: --set stillingsprosent=0\.3: 0\.3 is not allowed; .*at least 50 %/,
    );
  });
  test("--params that is a file, or a folder missing a parameter", () => {
    expectOneClearError(runCli([...COST, "--params", "package.json"]), /package\.json: is a file; expected a parameter folder/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-params-"));
    fs.cpSync(FIXTURE_PARAMS, dir, { recursive: true });
    fs.rmSync(path.join(dir, "national/konsultasjoner_fastlege.yaml"));
    expectOneClearError(
      runCli(["cost", "--scenario", GOLDEN, "--params", dir]),
      /no parameter "national\/konsultasjoner_fastlege" \(expected national\/konsultasjoner_fastlege\.yaml\)/,
    );
  });
  test("a national total or the listetak flag written as a trippelestimat is refused, not turned into NaN", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-params-"));
    fs.cpSync(FIXTURE_PARAMS, dir, { recursive: true });
    const f = path.join(dir, "national/refusjon_ovrige_egenandeler.yaml");
    fs.writeFileSync(f, fs.readFileSync(f, "utf8").replace("value: 400000000", "value: {lav: 1, mest_sannsynlig: 2, hoy: 3}"));
    expectOneClearError(
      runCli(["cost", "--scenario", GOLDEN, "--params", dir]),
      /refusjon_ovrige_egenandeler\.yaml: values\[0\]\.value: a national total must be a plain number/,
    );
    const g = path.join(dir, "rules/listetak_freeze.yaml");
    fs.cpSync(path.join(FIXTURE_PARAMS, "national"), path.join(dir, "national"), { recursive: true });
    fs.writeFileSync(g, fs.readFileSync(g, "utf8").replace("value: 0\n", "value: 0.5\n"));
    expectOneClearError(
      runCli(["cost", "--scenario", GOLDEN, "--params", dir]),
      /listetak_freeze\.yaml: 2023-08-01: the listetak rule is a flag: 1 \(in force\) or 0 \(lifted\)/,
    );
  });
  test("an extends that points nowhere names the field", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "introsim-cli-")), "v.yaml");
    fs.writeFileSync(file, "extends: nothere.yaml\ninputs:\n  stillingsprosent: 0.6\n");
    expectOneClearError(runCli(["cost", "--scenario", file]), /v\.yaml: extends: "nothere\.yaml" not found/);
  });
  test("an unknown option is a usage error (exit 2)", () => {
    const r = runCli([...COST, "--drawz", "5"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^introsim: error: unknown option '--drawz'/);
  });
});

describe("npm start", () => {
  test("runs the default scenario and writes its results and charts to charts/standard/", () => {
    const r = spawnSync("npm", ["start", "--silent"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/introsim run: standard: P50 [\d\u00a0]+\u00a0kr, P85 [\d\u00a0]+\u00a0kr per avtaleår/);
    expect(r.stdout).toMatch(/introsim run: skrev charts\/standard\/ \(report\.html/);
    for (const f of [
      "report.html",
      "results.json",
      "results.xlsx",
      "manifest.json",
      "kostnadsfordeling.svg",
      "kostnadsfordeling.vl.json",
      "tornado.svg",
      "budsjettbane.svg",
    ]) {
      expect(fs.existsSync(path.join(ROOT, "charts/standard", f))).toBe(true);
    }
  });
});

describe("introsim flows", () => {
  test("--json prints ledger, counterfactual, netByParty (with, without, difference) and manifest", () => {
    const r = runCli(["flows", "--scenario", "data/scenarios/standard.yaml", "--draws", "5000", "--seed", "1", "--json"]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const k of ["ledger", "counterfactual", "netByParty", "manifest", "monteCarlo", "costCheck"]) expect(j).toHaveProperty(k);
    expect(Object.keys(j.netByParty)).toEqual(["withAgreement", "counterfactual", "difference"]);
    expect(j.ledger[0]).toMatchObject({ from: "folketrygden", to: "introduksjonslege", kind: "refusjon" });
    expect(Number.isInteger(j.ledger[0].amountOre)).toBe(true);
  });

  test("folketrygden's difference equals `introsim cost`'s deterministic net cost, to the krone", () => {
    const flows = JSON.parse(runCli(["flows", "--scenario", "data/scenarios/standard.yaml", "--draws", "1000", "--json", "--employment", "fastlonnet"]).stdout);
    const cost = JSON.parse(runCli(["cost", "--scenario", "data/scenarios/standard.yaml", "--draws", "1000", "--json"]).stdout);
    expect(Math.round(-flows.netByParty.difference.folketrygden)).toBe(Math.round(cost.deterministic.net));
  });

  test("without --json prints a table per party for the chosen employment form", () => {
    const r = runCli(["flows", "--scenario", "data/scenarios/standard.yaml", "--draws", "2000", "--employment", "fastlonnet"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Fastlønnet introduksjonslege/);
    expect(r.stdout).toMatch(/Kommunen\s+−?[\d\u00a0]+\u00a0kr/);
  });

  function flowsScenario(edit: (text: string) => string): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "introsim-flows-")), "f.yaml");
    fs.writeFileSync(file, edit(fs.readFileSync(STANDARD, "utf8")));
    return file;
  }

  test("bad input: shares that do not add up, a negative amount, an unknown employment form or party", () => {
    expectOneClearError(
      runCli(["flows", "--scenario", flowsScenario((t) => t.replace("{introduksjonslege: 1.0}", "{introduksjonslege: 0.7}"))]),
      /f\.yaml: flows\.costShares\.naeringsdrivende: the shares add up to 0\.7; they must add up to 1/,
    );
    expectOneClearError(
      runCli(["flows", "--scenario", flowsScenario((t) => t.replace("{introduksjonslege: 1.0}", "{legekontoret: 1.0}"))]),
      /flows\.costShares\.naeringsdrivende\.legekontoret: "legekontoret" cannot share the legekontor's costs; allowed: introduksjonslege, kommune, fastleger/,
    );
    expectOneClearError(
      runCli(["flows", "--scenario", flowsScenario((t) => t.replace("  employment: naeringsdrivende", "  employment: selvstendig"))]),
      /flows\.employment: employment must be one of naeringsdrivende, fastlonnet/,
    );
    expectOneClearError(
      runCli(["flows", "--scenario", "data/scenarios/standard.yaml", "--employment", "ansatt"]),
      /'ansatt' is invalid\. Allowed choices are naeringsdrivende, fastlonnet/,
    );
    expectOneClearError(
      runCli(["flows", "--scenario", "data/scenarios/standard.yaml", "--set", "practiceCostsNok=-5"]),
      /--set practiceCostsNok=-5: -5 is not allowed; practiceCostsNok is an amount in kroner/,
    );
    expectOneClearError(
      runCli(["flows", "--scenario", flowsScenario((t) => t.replace(/\n# Refusjon flows[\s\S]*$/, "\n"))]),
      /the scenario has no flows section/,
    );
  });
});

describe("introsim validate", () => {
  const SYNTHETIC = "data/register/synthetic-agreements.csv";

  test("--json prints rows, valid and violations (row, agreement_id, rule, severity, field, message); exit 1 on rule errors", () => {
    const r = runCli(["validate", "--agreements", SYNTHETIC, "--json"]);
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ rows: 113, valid: 96 }); // the planted breaches of data/register/README.md (issue 15)
    expect(Object.keys(j.violations[0]).sort()).toEqual(["agreement_id", "field", "message", "row", "rule", "severity"]);
    expect(j.violations[0]).toMatchObject({ row: 2, agreement_id: "IA-002", rule: "R01", severity: "error", field: "lis1" });
    expect(j.rules.R01.text).toMatch(/LIS1/);
  });

  test("exit 0 when there are no errors (warnings allowed)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-reg-"));
    const lines = fs.readFileSync(path.join(ROOT, SYNTHETIC), "utf8").trim().split("\n");
    const clean = [lines[0], ...lines.slice(1).filter((l) => /^IA-0(0[148]|09|2[1-9]|3[2-9])/.test(l) && !l.startsWith("IA-004"))];
    fs.writeFileSync(path.join(dir, "ok.csv"), `${clean.join("\n")}\n`);
    const r = runCli(["validate", "--agreements", path.join(dir, "ok.csv")]);
    expect(r.stdout).toMatch(/; 0 feil,/);
    expect(r.status).toBe(0);
  });

  test("exit 2 when the file cannot be read: missing, not CSV, a missing column (named)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-reg-"));
    fs.writeFileSync(path.join(dir, "bad.csv"), 'agreement_id,"unclosed\n');
    fs.writeFileSync(path.join(dir, "nocol.csv"), "agreement_id,kommunenr\nIA-1,0301\n");
    expectOneClearError(runCli(["validate", "--agreements", path.join(dir, "missing.csv")]), /missing\.csv: file not found/, 2);
    expectOneClearError(runCli(["validate", "--agreements", path.join(dir, "bad.csv")]), /bad\.csv: cannot be read as CSV/, 2);
    expectOneClearError(runCli(["validate", "--agreements", path.join(dir, "nocol.csv")]), /nocol\.csv: missing columns doctor_id, period, .*lis1/, 2);
  });

  test("--cap lowers the national cap (R12)", () => {
    const j = JSON.parse(runCli(["validate", "--agreements", SYNTHETIC, "--cap", "20", "--json"]).stdout);
    expect(j.cap).toBe(20);
    expect(j.violations.some((v: { rule: string }) => v.rule === "R12")).toBe(true);
  });
});

describe("introsim indicators", () => {
  test("--json prints indicators overall and by group, with suppressed cells as null and the as-of date", () => {
    const r = runCli(["indicators", "--agreements", "data/register/synthetic-agreements.csv", "--json"]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.asOf).toBe("2026-10-15"); // the regenerated register (issue 15)
    expect(j.minCellPersons).toBe(5);
    expect(j.overall.doctors).toBe(111);
    expect(Object.keys(j.byHelseregion).sort()).toEqual(["Midt-Norge", "Nord", "Sør-Øst", "Vest"]);
    const groups = Object.values(j.byKommune as Record<string, { doctors: number | null; suppressed: boolean; meanFteMonths: number | null }>);
    const hidden = groups.filter((g) => g.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    for (const g of hidden) expect(g).toMatchObject({ doctors: null, meanFteMonths: null }); // not even the count
    for (const g of groups.filter((x) => !x.suppressed)) expect(g.doctors).toBeGreaterThanOrEqual(5);
    expect(j.excludedRows).toBe(2); // the two rows with an end not after the start, or an unreadable cell
    expect(Object.keys(j.byAgreement)).toHaveLength(71);
    expect(j.afterAgreement.map((a: { months: number }) => a.months)).toEqual([12, 24]);
  });

  test("--comparison states cost per additional specialist beside the gross figure, with its assumption (issue 15)", () => {
    const r = runCli([
      "indicators",
      "--agreements",
      "data/register/synthetic-agreements.csv",
      "--comparison",
      "data/register/synthetic-comparison.csv",
      "--scenario",
      "data/scenarios/standard.yaml",
      "--json",
    ]);
    const j = JSON.parse(r.stdout);
    expect(j.comparison).toMatchObject({ kind: "register", horizonMonths: 36, doctors: 120 });
    const total = j.costPerOutcome.totalCostNok;
    expect(j.costPerOutcome.perAdditionalSpecialistNok).toBeCloseTo(total / j.comparison.additionalSpecialists, 3);
    expect(j.costPerOutcome.perAdditionalSpecialistNok).toBeGreaterThan(j.costPerOutcome.perSpecialistNok);
  });

  test("bad input (issue 15): a comparison register with the wrong columns, an unknown position or specialist scheme code: one message naming file, row and column", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-ind-"));
    fs.writeFileSync(path.join(dir, "comp.csv"), "doctor_id,kommune,start_date\nK1,0301,2022-01-01\n");
    expectOneClearError(
      runCli(["indicators", "--agreements", "data/register/synthetic-agreements.csv", "--comparison", path.join(dir, "comp.csv")]),
      /comp\.csv: row 1 \(header\): missing columns kommunenr, specialist_approved_date, became_fastlege_date, left_kommune_date/,
      1,
    );
    const text = fs.readFileSync(path.join(ROOT, "data/register/synthetic-agreements.csv"), "utf8").split("\n");
    text[1] = text[1]!.replace(/,new,/, ",gammel,");
    fs.writeFileSync(path.join(dir, "reg.csv"), text.join("\n"));
    expectOneClearError(
      runCli(["indicators", "--agreements", path.join(dir, "reg.csv")]),
      /reg\.csv: row 1, column specialist_scheme: "gammel" is not allowed in specialist_scheme; expected one of new, old \(data\/reference\/specialist-schemes\.yaml\)/,
      1,
    );
  });

  test("--scenario prices the outcomes with the cost model's deterministic cost per agreement-year", () => {
    const j = JSON.parse(
      runCli(["indicators", "--agreements", "data/register/synthetic-agreements.csv", "--scenario", "data/scenarios/standard.yaml", "--json"]).stdout,
    );
    const cost = JSON.parse(runCli(["cost", "--scenario", "data/scenarios/standard.yaml", "--draws", "1000", "--json"]).stdout);
    expect(j.costPerOutcome.costPerAgreementYearNok).toBeCloseTo(cost.deterministic.net, 6);
    expect(j.costPerOutcome.totalCostNok).toBeCloseTo(cost.deterministic.net * j.slotUtilisation.activeAgreementYears, 3);
  });

  test("an unreadable register exits 2 with one message; a bad --as-of exits 1", () => {
    expectOneClearError(runCli(["indicators", "--agreements", "nope.csv"]), /nope\.csv: file not found/, 2);
    expectOneClearError(
      runCli(["indicators", "--agreements", "data/register/synthetic-agreements.csv", "--as-of", "2026-02-30"]),
      /"2026-02-30" is not a date written YYYY-MM-DD/,
      1,
    );
  });
});

describe("introsim allocate", () => {
  const APPS = "data/allocation/synthetic-applications-2022.csv";
  test("--json prints granted (kommunenr, granted, reason), totals and manifest; never more than the cap", () => {
    const r = runCli(["allocate", "--applications", APPS, "--json"]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.totals.requested).toBe(91);
    expect(j.totals.granted).toBe(65);
    expect(j.granted).toHaveLength(34);
    expect(j.granted[0]).toMatchObject({ rank: 1 });
    for (const g of j.granted) expect(typeof g.reason).toBe("string");
    expect(j.manifest.applications.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(runCli(["allocate", "--applications", APPS, "--cap", "10", "--json"]).stdout).totals.granted).toBe(10);
  });

  test("bad input names file, row and column; a cap of 0 is refused", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "introsim-apps-")), "apps.csv");
    fs.writeFileSync(file, fs.readFileSync(path.join(ROOT, APPS), "utf8").replace("\n0301,Oslo", "\n301,Oslo"));
    expectOneClearError(runCli(["allocate", "--applications", file]), /apps\.csv: row \d+, column kommunenr: "301" is not allowed; expected 4 digits/);
    expectOneClearError(runCli(["allocate", "--applications", APPS, "--cap", "0"]), /the cap \(agreements\) must be a whole number from 1 to 1000000/);
  });
});

describe("introsim allocate --scenario", () => {
  test("--json adds timeline (P10/P50/P90 per month), utilisation, doctorsServed and the budget by year", () => {
    const r = runCli([
      "allocate",
      "--applications",
      "data/allocation/synthetic-applications-2022.csv",
      "--scenario",
      "data/scenarios/standard.yaml",
      "--replications",
      "200",
      "--months",
      "36",
      "--json",
    ]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.timeline).toHaveLength(36);
    expect(Object.keys(j.timeline[0]).sort()).toEqual(["active", "date", "held", "inPlace", "month"]);
    for (const t of j.timeline) expect(t.held.p90).toBeLessThanOrEqual(65);
    expect(j.utilisation.p50).toBeGreaterThan(0);
    expect(j.budget.years.map((y: { year: number }) => y.year)).toEqual([2022, 2023, 2024, 2025]);
    expect(j.budget.years[3].simulatedMonths).toBe(5); // 36 months from 15 June 2022 end in May 2025
    expect(j.manifest).toMatchObject({ replications: 200, months: 36 });
    for (const k of ["lapsed", "givenBack", "reallocated"]) expect(j[k]).toHaveProperty("p50");
    expect(Object.keys(j.byHelseregion).sort()).toEqual(["Midt-Norge", "Nord", "Sør-Øst", "Vest"]);
    expect(Object.keys(j.bySentralitet).sort()).toEqual(["1", "2", "3", "4", "5", "6"]);
  });
});

describe("introsim cost --sobol", () => {
  test("adds sobol (samples, variance, indices with firstOrder and total) to the JSON", () => {
    const j = JSON.parse(runCli([...COST, "--draws", "5000", "--seed", "1", "--sobol", "1024", "--json"]).stdout);
    expect(j.sobol.samples).toBe(1024);
    expect(j.sobol.indices[0]).toHaveProperty("firstOrder");
    expect(j.sobol.indices[0]).toHaveProperty("total");
  });
});
