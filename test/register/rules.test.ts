// Each rule with a passing and a failing row; the EU/EØS exception on both sides of 1 March 2019; malformed cells
// are reported, not thrown; validation never throws on fuzzed CSV.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as path from "node:path";
import { parseRegisterCsv, readRegister } from "../../src/register/readRegister";
import { loadRuleCatalogue } from "../../src/register/ruleCatalogue";
import { validateRegister } from "../../src/register/validateRegister";
import { REGISTER_COLUMNS } from "../../src/register/columns";
import { UserError } from "../../src/errors/userError";
import { realParams } from "../helpers";

const params = realParams();
const catalogue = loadRuleCatalogue();
const HEADER = REGISTER_COLUMNS.map((c) => c.name);
const VALID: Record<string, string> = {
  agreement_id: "IA-1",
  kommunenr: "0301",
  doctor_id: "D1",
  period: "1",
  decision_date: "2022-05-15",
  start_date: "2022-07-01",
  end_date: "2023-07-01",
  fte_pct: "100",
  lis1: "completed",
  lis_start_date: "",
  patient_base: "1000",
  fastleger_count: "3",
  veileder_specialist: "ja",
  utdanningsplan: "ja",
  leave_extension_months: "0",
  employment: "naeringsdrivende",
  other_gp_work_before: "ja",
  specialist_approved_date: "",
  became_fastlege_date: "",
  left_kommune_date: "",
};
const csv = (...rows: Array<Record<string, string>>) => [HEADER.join(","), ...rows.map((r) => HEADER.map((h) => r[h] ?? "").join(","))].join("\n");
const row = (changes: Record<string, string> = {}) => ({ ...VALID, ...changes });

function validate(text: string, cap?: number) {
  return validateRegister({ file: "t.csv", sha256: "", ...parseRegisterCsv(text, "t.csv") }, catalogue, params, { cap });
}
const rulesBroken = (text: string, cap?: number) => validate(text, cap).violations.map((v) => v.rule);

describe("rules R01–R13: a passing and a failing row each", () => {
  test("the base row breaks no rule", () => {
    expect(validate(csv(row()))).toMatchObject({ rows: 1, valid: 1, errors: 0, warnings: 0 });
  });

  test.each([
    ["R01", { lis1: "no" }],
    ["R02", { fte_pct: "45" }],
    ["R03", { end_date: "2022-12-31" }], // 2022-07-01 + 6 months = 2023-01-01 > 2022-12-31
    ["R05", { leave_extension_months: "13" }],
    ["R06", { start_date: "2022-11-16", end_date: "2023-11-16" }], // decision 2022-05-15 + 6 months = 2022-11-15
    ["R07", { patient_base: "799" }],
    ["R08", { fastleger_count: "1" }],
    ["R09", { veileder_specialist: "nei" }],
    ["R10", { utdanningsplan: "nei" }],
    ["R13", { decision_date: "2022-07-02" }],
  ])("%s fails on %j and the boundary value passes", (rule, changes) => {
    expect(rulesBroken(csv(row(changes)))).toEqual([rule]);
  });

  test.each([
    ["R02 at exactly 50 %", { fte_pct: "50" }],
    ["R03 at exactly 6 months", { end_date: "2023-01-01" }],
    ["R05 at exactly 12 months", { leave_extension_months: "12" }],
    ["R06 on the deadline day", { start_date: "2022-11-15", end_date: "2023-11-15" }],
    ["R07 at exactly 800", { patient_base: "800" }],
    ["R08 at exactly 2", { fastleger_count: "2" }],
    ["R13 with the decision on the start day", { decision_date: "2022-07-01" }],
  ])("%s passes", (_name, changes) => {
    expect(rulesBroken(csv(row(changes)))).toEqual([]);
  });

  test("R01: the EU/EØS exception holds for a LIS start on 2019-02-28 and not on 2019-03-01", () => {
    expect(rulesBroken(csv(row({ lis1: "eu_exception", lis_start_date: "2019-02-28" })))).toEqual([]);
    expect(rulesBroken(csv(row({ lis1: "eu_exception", lis_start_date: "2019-03-01" })))).toEqual(["R01"]);
    expect(validate(csv(row({ lis1: "eu_exception" }))).violations[0]).toMatchObject({ rule: "R01", field: "lis_start_date" });
  });

  test("R04: 24 FTE months pass (two doctors, 12 months each at 100 %); 24 months at 100 % plus one at 50 % fail; a leave extension allows more", () => {
    const a = row({ doctor_id: "D1", start_date: "2022-07-01", end_date: "2023-07-01" });
    const b = row({ doctor_id: "D2", start_date: "2023-07-01", end_date: "2024-07-01" });
    expect(rulesBroken(csv(a, b))).toEqual([]);
    const c = row({ doctor_id: "D3", start_date: "2024-07-01", end_date: "2025-01-01", fte_pct: "50" }); // +3 FTE months
    expect(rulesBroken(csv(a, b, c))).toEqual(["R04"]);
    expect(rulesBroken(csv(a, b, { ...c, leave_extension_months: "3" }))).toEqual([]);
    // 4 calendar years at 50 % is exactly 24 FTE months: allowed
    expect(rulesBroken(csv(row({ start_date: "2022-07-01", end_date: "2026-07-01", fte_pct: "50" })))).toEqual([]);
  });

  test("R11: doctors of one agreement and period may follow but not overlap; another period may overlap", () => {
    const a = row({ doctor_id: "D1", start_date: "2022-07-01", end_date: "2023-07-01" });
    expect(rulesBroken(csv(a, row({ doctor_id: "D2", start_date: "2023-07-01", end_date: "2024-01-01" })))).toEqual([]);
    const overlap = validate(csv(a, row({ doctor_id: "D2", start_date: "2023-06-30", end_date: "2024-01-01" })));
    expect(overlap.violations.map((v) => [v.row, v.rule])).toEqual([[2, "R11"]]);
    expect(rulesBroken(csv(a, row({ doctor_id: "D2", period: "2", decision_date: "2023-05-01", start_date: "2023-06-30", end_date: "2024-01-01" })))).toEqual(
      [],
    );
  });

  test("R11: a doctor overlapping an earlier one (not the one just before) is caught", () => {
    const long = row({ doctor_id: "D1", start_date: "2022-07-01", end_date: "2024-07-01" });
    const short = row({ doctor_id: "D2", start_date: "2022-08-01", end_date: "2023-02-01" });
    const third = row({ doctor_id: "D3", start_date: "2023-03-01", end_date: "2023-09-01" });
    expect(
      validate(csv(long, short, third))
        .violations.filter((v) => v.rule === "R11")
        .map((v) => v.row),
    ).toEqual([2, 3]);
  });

  test("R04: leave extensions count at most R05's 12 months in all", () => {
    // three doctors of 20 months each at 100 % (60 FTE months) with 12 months of extension each: 24 + 12 = 36 allowed
    const d = (k: number, start: string, end: string) => row({ doctor_id: `D${k}`, start_date: start, end_date: end, leave_extension_months: "12" });
    const broken = rulesBroken(csv(d(1, "2022-07-01", "2024-03-01"), d(2, "2024-03-01", "2025-11-01"), d(3, "2025-11-01", "2027-07-01")));
    expect(broken).toContain("R04");
  });

  test("R13: an outcome date before the start is a breach", () => {
    expect(validate(csv(row({ left_kommune_date: "2022-06-30" }))).violations.map((v) => [v.rule, v.field])).toEqual([["R13", "left_kommune_date"]]);
  });

  test("a start outside the periods the rules cover is reported for that row, and the others are still checked", () => {
    const v = validate(
      csv(row({ start_date: "2021-07-01", end_date: "2022-07-01", decision_date: "2021-06-01" }), row({ doctor_id: "D2", agreement_id: "IA-2", lis1: "no" })),
    );
    expect(v.violations.map((x) => [x.row, x.rule, x.field])).toEqual([
      [1, "FORMAT", "start_date"],
      [2, "R01", "lis1"],
    ]);
  });

  test("a semicolon-separated file gets a hint, not a list of missing columns", () => {
    expect(() => parseRegisterCsv(`${HEADER.join(";")}\n`, "t.csv")).toThrowError(/looks semicolon-separated/);
  });

  test("numbers are read strictly: 0x32, 5e1 and 80 % are malformed", () => {
    for (const bad of ["0x32", "5e1", "80 %"]) expect(validate(csv(row({ fte_pct: bad }))).violations[0]).toMatchObject({ rule: "FORMAT", field: "fte_pct" });
    expect(rulesBroken(csv(row({ fte_pct: "80.5" })))).toEqual([]);
  });

  test("R12: a third agreement in use on the same day breaks a cap of 2 (not a cap of 3); agreements that follow each other do not", () => {
    const a = row({ agreement_id: "A", start_date: "2022-07-01", end_date: "2023-07-01" });
    const b = row({ agreement_id: "B", start_date: "2022-08-01", end_date: "2023-08-01" });
    const c = row({ agreement_id: "C", start_date: "2022-09-01", end_date: "2023-09-01" });
    const v = validate(csv(a, b, c), 2);
    expect(v.violations.map((x) => [x.row, x.rule])).toEqual([[3, "R12"]]);
    expect(v.violations[0]!.message).toMatch(/3 agreements are in use on 2022-09-01; the cap is 2/);
    expect(rulesBroken(csv(a, b, c), 3)).toEqual([]);
    expect(rulesBroken(csv(a, b, row({ agreement_id: "C", decision_date: "2023-05-01", start_date: "2023-07-01", end_date: "2024-07-01" })), 2)).toEqual([]);
  });

  test("a row can break several rules, and a malformed cell is reported while the other rules still run", () => {
    const v = validate(csv(row({ lis1: "no", fte_pct: "40", kommunenr: "301", became_fastlege_date: "2023-13-01" })));
    expect(v.violations.map((x) => `${x.rule}:${x.field}`).sort()).toEqual(["FORMAT:became_fastlege_date", "FORMAT:kommunenr", "R01:lis1", "R02:fte_pct"]);
    expect(v.valid).toBe(0);
    const unknown = validate(csv(row({ lis1: "ukjent" })));
    expect(unknown.violations[0]).toMatchObject({
      rule: "FORMAT",
      field: "lis1",
      message: '"ukjent" is not allowed in lis1; expected one of completed, eu_exception, no',
    });
  });
});

describe("the file itself", () => {
  test("a missing column is named; a file that is not CSV is refused", () => {
    const noLis1 = HEADER.filter((h) => h !== "lis1");
    expect(() => parseRegisterCsv(`${noLis1.join(",")}\n`, "t.csv")).toThrowError(/t\.csv: missing column lis1/);
    expect(() => parseRegisterCsv(`${HEADER.join(",")}\n"unclosed,quote\n`, "t.csv")).toThrowError(/t\.csv: cannot be read as CSV/);
    expect(() => parseRegisterCsv("", "t.csv")).toThrowError(/is empty/);
  });

  test("extra columns are ignored with a notice", () => {
    const text = `${HEADER.join(",")},merknad\n${HEADER.map((h) => VALID[h]).join(",")},hei\n`;
    expect(validate(text).extraColumns).toEqual(["merknad"]);
  });
});

describe("validation never throws on arbitrary input (fuzzed)", () => {
  test("arbitrary text: a report, or a UserError about the file", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        try {
          validate(text);
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 500, seed: 41 },
    );
  });

  test("arbitrary cells under a valid header always give a report", () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }).map((s) => s.replace(/[,"\n\r]/g, "")),
      fc.constantFrom("", "ja", "nei", "2022-07-01", "2023-02-30", "100", "-5", "completed", "eu_exception", "1", "2"),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: HEADER.length, maxLength: HEADER.length }), { minLength: 1, maxLength: 12 }), (cells) => {
        const report = validate([HEADER.join(","), ...cells.map((c) => c.join(","))].join("\n"));
        expect(report.rows).toBe(cells.length);
        expect(report.valid).toBeLessThanOrEqual(report.rows);
        for (const v of report.violations) expect(v.row).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

test("the bundled synthetic register reports exactly its planted breaches (data/register/README.md)", () => {
  const report = validateRegister(readRegister(path.join(__dirname, "../../data/register/synthetic-agreements.csv")), catalogue, params);
  const byAgreement = report.violations.map((v) => `${v.agreement_id}:${v.rule}`).sort();
  expect(byAgreement).toEqual([
    "IA-002:R01",
    "IA-003:R01",
    "IA-005:R02",
    "IA-006:R03",
    "IA-007:R05",
    "IA-008:R07",
    "IA-009:R08",
    "IA-010:R09",
    "IA-011:R10",
    "IA-012:R06",
    "IA-013:R13",
    "IA-014:FORMAT",
    "IA-015:FORMAT",
    "IA-016:R11",
    "IA-017:R04",
  ]);
  expect(report.rows).toBe(102);
});
