// --lang nb|en (issue 17): the CLI's tables in bokmål by default and in English on request, with input labels (never
// camelCase names) and each language's number format; JSON keys stay English; an unknown language is one message.
import { describe, expect, test } from "vitest";
import { FIXTURE_PARAMS, GOLDEN, runCli, STANDARD } from "../helpers";

const GOLDEN_COST = ["cost", "--scenario", GOLDEN, "--params", FIXTURE_PARAMS, "--draws", "1000", "--seed", "1"];
/** Lines as a reader sees them: no-break spaces and the minus sign U+2212 written plainly. */
const plain = (s: string) => s.replace(/\u00a0/g, " ").replace(/\u2212/g, "-");
/** A camelCase identifier (substitutionShare, consultationsPerWeekFullTime), which a table for analysts must not show. */
const CAMEL_CASE = /\b[a-z]+[A-Z][A-Za-z]*\b/;

describe("introsim cost --lang", () => {
  // Golden case (test/fixtures/scenarios/golden.yaml, every input fixed; arithmetic in test/cost/golden.test.ts):
  // net = 348 250 + 141 400 − 216 860 = 272 790 kr in every draw; 65 agreements: 272 790 × 65 = 17 731 350 kr ≈ 17,7 mill.
  test("the default (nb) prints the golden table in bokmål with Norwegian numbers", () => {
    const r = runCli(GOLDEN_COST);
    expect(r.status).toBe(0);
    const lines = plain(r.stdout).split("\n");
    expect(lines.slice(0, 11)).toEqual([
      "introsim cost — Golden: alle forutsetninger faste",
      "avtaleår 2024-07-01 – 2025-07-01 (år 1), 1 000 trekk, frø 1",
      "",
      "Netto merutgift for folketrygden per avtaleår",
      "  deterministisk (sentralverdier)                    272 790 kr",
      "  gjennomsnitt                                       272 790 kr",
      "  P10                                                272 790 kr",
      "  P50                                                272 790 kr",
      "  P85                                                272 790 kr",
      "  P90                                                272 790 kr",
      "  andel trekk over 500 000 kr                             0,0 %",
    ]);
    expect(lines).toContain("  + refusjon til introduksjonslegen" + " ".repeat(18) + "348 250 kr");
    expect(lines).toContain("65 avtaler (bevilgning 32,7 mill. kr)");
    expect(plain(runCli([...GOLDEN_COST, "--lang", "nb"]).stdout)).toBe(plain(r.stdout));
  });

  test("--lang en prints the same table in English with English numbers", () => {
    const r = runCli([...GOLDEN_COST, "--lang", "en"]);
    expect(r.status).toBe(0);
    const lines = plain(r.stdout).split("\n");
    expect(lines.slice(0, 11)).toEqual([
      "introsim cost — Golden: alle forutsetninger faste",
      "agreement-year 2024-07-01 – 2025-07-01 (year 1), 1,000 draws, seed 1",
      "",
      "Net extra cost to folketrygden per agreement-year",
      "  deterministic (central values)                    NOK 272,790",
      "  mean                                              NOK 272,790",
      "  P10                                               NOK 272,790",
      "  P50                                               NOK 272,790",
      "  P85                                               NOK 272,790",
      "  P90                                               NOK 272,790",
      "  share of draws above NOK 500,000                         0.0%",
    ]);
    expect(lines).toContain("  + refusjon to the intro doctor                    NOK 348,250");
    expect(lines).toContain("65 agreements (budget line NOK 32.7 million)");
  });

  test("--lang is a global option: before the command it works the same", () => {
    expect(runCli(["--lang", "en", ...GOLDEN_COST]).stdout).toBe(runCli([...GOLDEN_COST, "--lang", "en"]).stdout);
  });

  test("a nb table shows input labels, not camelCase names (standard scenario: the tornado has every uncertain input)", () => {
    const r = runCli(["cost", "--scenario", STANDARD, "--draws", "2000", "--seed", "1", "--sobol", "64"]);
    expect(r.status).toBe(0);
    const offenders = r.stdout.split("\n").filter((l) => CAMEL_CASE.test(l));
    expect(offenders).toEqual([]);
    expect(r.stdout).toContain("Substitusjonsandel");
  });

  test("--json keeps the English keys whatever the language", () => {
    const nb = JSON.parse(runCli([...GOLDEN_COST, "--json"]).stdout) as Record<string, unknown>;
    const en = JSON.parse(runCli([...GOLDEN_COST, "--json", "--lang", "en"]).stdout) as Record<string, unknown>;
    expect(Object.keys(en)).toEqual(Object.keys(nb));
    for (const k of ["mean", "p50", "p85", "decomposition", "tornado"]) expect(Object.keys(en)).toContain(k);
  });

  test("an unknown --lang gives one clear message naming the value and the languages, exit 1, nothing on stdout", () => {
    const r = runCli([...GOLDEN_COST, "--lang", "de"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^introsim: error: option '--lang <lang>' argument 'de' is invalid\. "de" is not a language introsim speaks; --lang must be one of nb, en/,
    );
  });
});

describe("introsim flows --lang", () => {
  test("nb names parties and flows by their Norwegian labels; en by English ones; no camelCase either way", () => {
    const args = ["flows", "--scenario", GOLDEN, "--params", FIXTURE_PARAMS, "--draws", "200", "--seed", "1"];
    const nb = plain(runCli(args).stdout);
    const en = plain(runCli([...args, "--lang", "en"]).stdout);
    expect(nb).toContain("Netto posisjon per part (mottatt - betalt), kroner");
    expect(nb).toMatch(/Folketrygden \(Helfo\) +→ Introduksjonslegen +Refusjon/);
    expect(en).toContain("Net position per party (received - paid), kroner");
    expect(en).toMatch(/Folketrygden \(Helfo\) +→ The intro doctor +Refusjon/);
    for (const out of [nb, en]) expect(out.split("\n").filter((l) => CAMEL_CASE.test(l))).toEqual([]);
  });
});

describe("introsim validate --lang", () => {
  test("nb names rows and severities in bokmål (rad, feil, advarsel); en in English; the rule texts are the register's", () => {
    const args = ["validate", "--agreements", "data/register/synthetic-agreements.csv"];
    const nb = runCli(args).stdout.split("\n");
    const en = runCli([...args, "--lang", "en"]).stdout.split("\n");
    expect(nb[0]).toMatch(/^introsim validate — data\/register\/synthetic-agreements\.csv: \d+ rader, \d+ uten feil; \d+ feil, \d+ advarsler \(tak 65\)$/);
    expect(nb[1]).toMatch(/^ {2}rad +2 {2}IA-002 +R01 +feil +lis1 /);
    expect(en[0]).toMatch(/^introsim validate — data\/register\/synthetic-agreements\.csv: \d+ rows, \d+ without errors; \d+ errors, \d+ warnings \(cap 65\)$/);
    expect(en[1]).toMatch(/^ {2}row +2 {2}IA-002 +R01 +error +lis1 /);
  });
});

describe("introsim breakeven --lang", () => {
  test("en prints the decision tables in English with English labels, units and numbers; nb in bokmål", () => {
    const args = ["breakeven", "--scenario", STANDARD, "--draws", "2000", "--seed", "1", "--inputs", "substitutionShare,patientBase"];
    const en = plain(runCli([...args, "--lang", "en"]).stdout);
    expect(en).toContain("Break-even: the value each input must take for the cost per agreement-year to be NOK 500,000");
    expect(en).toMatch(/\nSubstitution share +share +50\.0% +20\.0% +80\.0% +58\.0% /);
    expect(en).toMatch(/\nPatient base +listed patients +1,200 +800 +2,000 +not within the range/);
    const nb = plain(runCli(args).stdout);
    expect(nb).toMatch(/\nSubstitusjonsandel +andel +50,0 % +20,0 % +80,0 % +58,0 % /);
    expect(nb).toMatch(/\nPasientgrunnlag +listeinnbyggere +1 200 +800 +2 000 +ikke innenfor spennet/);
    for (const out of [nb, en]) expect(out.split("\n").filter((l) => CAMEL_CASE.test(l))).toEqual([]);
  });
});

describe("introsim allocate --lang", () => {
  test("the slot timeline names months in words in the language; the heading is in the language", () => {
    const args = ["allocate", "--applications", "data/allocation/synthetic-applications-2022.csv", "--scenario", STANDARD, "--replications", "20"];
    const nb = plain(runCli(args).stdout);
    const en = plain(runCli([...args, "--lang", "en"]).stdout);
    expect(nb).toMatch(/^introsim allocate — data\/allocation\/synthetic-applications-2022\.csv: 91 søkt, 65 tildelt \(tak 65\)/);
    expect(nb).toMatch(/\n {2}desember 2022 +\d+ \/ \d+ \/ \d+\n/);
    expect(en).toMatch(/^introsim allocate — data\/allocation\/synthetic-applications-2022\.csv: 91 requested, 65 granted \(cap 65\)/);
    expect(en).toMatch(/\n {2}December 2022 +\d+ \/ \d+ \/ \d+\n/);
  });
});
