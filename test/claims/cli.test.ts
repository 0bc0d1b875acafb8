// introsim claims generate | estimate, as a user runs them (the compiled CLI).
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers";
import { CLAIMS_HEADER, DOCTORS_HEADER, GOLDEN_DOCTORS, tempDir, writeCsv } from "./helpers";

describe("introsim claims", () => {
  test("claims generate then claims estimate --json prints the estimate, components, pre-trend, validation and manifest", () => {
    const dir = path.join(tempDir(), "extract");
    const g = runCli(["claims", "generate", "--out", dir, "--rows", "20000", "--seed", "5", "--bad-rows", "6", "--json"]);
    expect(g.status, g.stderr).toBe(0);
    const truth = JSON.parse(g.stdout);
    const e = runCli([
      "claims",
      "estimate",
      "--claims",
      path.join(dir, "claims.parquet"),
      "--doctors",
      path.join(dir, "doctors.parquet"),
      "--bootstrap",
      "200",
      "--seed",
      "5",
      "--json",
    ]);
    expect(e.status, e.stderr).toBe(0);
    const r = JSON.parse(e.stdout);
    expect(Object.keys(r)).toEqual(
      expect.arrayContaining([
        "netCostPerAgreementYear",
        "components",
        "agreementYears",
        "preTrend",
        "eventStudy",
        "reference",
        "simulation",
        "validation",
        "manifest",
      ]),
    );
    expect(r.netCostPerAgreementYear.ci95).toHaveLength(2);
    expect(r.netCostPerAgreementYear.ci95[0]).toBeLessThanOrEqual(truth.netCostPerAgreementYearNok);
    expect(r.netCostPerAgreementYear.ci95[1]).toBeGreaterThanOrEqual(truth.netCostPerAgreementYearNok);
    expect(r.validation.claims).toMatchObject({ read: 20_006, accepted: 20_000, rejected: 6 });
    expect(r.manifest).toMatchObject({ tool: "introsim", seed: 5, bootstrap: 200, claims: { rowsRead: 20_006 } });
    expect(r.reference.hodEstimateNok).toBe(500_000);
    expect(typeof r.preTrend.parallelTrendsPlausible).toBe("boolean");
    const text = runCli([
      "claims",
      "estimate",
      "--claims",
      path.join(dir, "claims.parquet"),
      "--doctors",
      path.join(dir, "doctors.parquet"),
      "--bootstrap",
      "50",
      "--no-scenario",
    ]);
    expect(text.stdout).toMatch(/Net extra folketrygd cost per agreement-year\s+[\d\u00a0]+\u00a0kr \(95 %/);
    expect(text.stdout).toMatch(/rejected\s+1\s+amount_out_of_range/);
    expect(text.stdout).toMatch(/interval for agreements like these in general \(superpopulation\)/);
    expect(text.stdout).toMatch(/Sensitivity bounds \(post-start deviation up to M̄ × the largest pre-start one/);
  });

  test("claims estimate --out writes results, manifest and both charts; the folder's estimate is the printed one", () => {
    const dir = path.join(tempDir(), "extract");
    expect(runCli(["claims", "generate", "--out", dir, "--rows", "20000", "--seed", "6"]).status).toBe(0);
    const out = path.join(tempDir(), "estimat");
    const e = runCli([
      "claims",
      "estimate",
      "--claims",
      path.join(dir, "claims.parquet"),
      "--doctors",
      path.join(dir, "doctors.parquet"),
      "--bootstrap",
      "100",
      "--no-scenario",
      "--json",
      "--out",
      out,
    ]);
    expect(e.status, e.stderr).toBe(0);
    const files = fs
      .readdirSync(out)
      .filter((f) => !f.startsWith("."))
      .sort();
    expect(files).toEqual([
      "estimat-mot-anslag.png",
      "estimat-mot-anslag.svg",
      "estimat-mot-anslag.vl.json",
      "folsomhetsgrenser.png",
      "folsomhetsgrenser.svg",
      "folsomhetsgrenser.vl.json",
      "hendelsesstudie.png",
      "hendelsesstudie.svg",
      "hendelsesstudie.vl.json",
      "manifest.json",
      "results.json",
    ]);
    expect(JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8")).netCostPerAgreementYear).toEqual(JSON.parse(e.stdout).netCostPerAgreementYear);
    expect(fs.readFileSync(path.join(out, "hendelsesstudie.svg"), "utf8")).toMatch(/^<svg/);
  });

  test("claims estimate on a file without a column fails with one line naming the file and the column", () => {
    const dir = tempDir();
    const claims = writeCsv(dir, "claims.csv", CLAIMS_HEADER.replace(",patient_exempt", ""), ["K1,P2,0301,2023-01-15,2ad,1500,16000,N1"]);
    const doctors = writeCsv(dir, "doctors.csv", DOCTORS_HEADER, GOLDEN_DOCTORS);
    const r = runCli(["claims", "estimate", "--claims", claims, "--doctors", doctors]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^introsim: error: .*claims\.csv: missing column "patient_exempt"; expected columns: doctor_id, .*\n$/);
  });

  test("claims generate --rows 12.5 and --bootstrap 0 are refused with what is allowed", () => {
    expect(runCli(["claims", "generate", "--out", tempDir(), "--rows", "12.5"]).stderr).toMatch(
      /"12\.5" is not allowed; --rows must be a whole number from 1000/,
    );
    expect(runCli(["claims", "estimate", "--claims", "x.parquet", "--doctors", "y.parquet", "--bootstrap", "0"]).stderr).toMatch(
      /--bootstrap must be a whole number from 1 to 100000/,
    );
  });
});
