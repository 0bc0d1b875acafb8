// Each rule with a passing and a failing row at its boundary, the source quoted in the test name (as FACTS.md and the
// rule file give it); the readings the issue asked for (period in calendar time, leave summed per period, substitutes,
// periods in order, granted vs in use, old scheme, early resignation, the scheme's start); malformed cells are
// reported, not thrown; validation never throws on fuzzed CSV.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as path from "node:path";
import { parseRegisterCsv, readRegister } from "../../src/register/readRegister";
import { loadRuleCatalogue } from "../../src/register/ruleCatalogue";
import { validateRegister } from "../../src/register/validateRegister";
import { REGISTER_COLUMNS } from "../../src/register/columns";
import { UserError } from "../../src/errors/userError";
import { addMonths } from "../../src/time/isoDate";
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
  specialist_scheme: "new",
  utdanningsvirksomhet: "registered",
  other_work_specified: "",
  changes_reported: "ja",
  substitute_for: "",
  position_12m: "",
  position_24m: "",
};
const csv = (...rows: Array<Record<string, string>>) => [HEADER.join(","), ...rows.map((r) => HEADER.map((h) => r[h] ?? "").join(","))].join("\n");
const row = (changes: Record<string, string> = {}) => ({ ...VALID, ...changes });

function validate(text: string, cap?: number) {
  return validateRegister({ file: "t.csv", sha256: "", ...parseRegisterCsv(text, "t.csv") }, catalogue, params, { cap });
}
const rulesBroken = (text: string, cap?: number) => validate(text, cap).violations.map((v) => v.rule);

// Sources as FACTS.md (../shared/domain) summarises them; each test name quotes the source it checks.
const Q = {
  R01: "«LIS1 completed before start; not required for EU/EØS/Sveits-authorised LIS who started before 1 March 2019» (tildelingsbrev; Hdir)",
  R02: "«at least 50 % stilling» (tildelingsbrev)",
  R03: "«minimum per doctor 6 months» (tildelingsbrev; Hdir)",
  R04: "«2 years of full-time work per agreement; runs from the start date in the agreement» and «at 50 % maximum duration 4 years» (tildelingsbrev; Hdir; alis.no)",
  R05: "«extension up to 12 months for illness, pregnancy or parental leave» (Hdir)",
  R06: "«take into use within 6 months of the directorate's decision» (Hdir)",
  R07: "«should receive patients … 800 or more in total» (tildelingsbrev; Hdir)",
  R08: "«should receive patients from several fastleger» (tildelingsbrev; Hdir)",
  R09: "«an individual veileder» (tildelingsbrev; new specialist scheme)",
  R10: "«the practice is part of the LIS's utdanningsplan» (tildelingsbrev; new specialist scheme)",
  R11: "«a kommune may use one granted agreement for several LIS in turn» (tildelingsbrev; Hdir)",
  R12: "«Helsedirektoratet kan fordele inntil 65 avtaler» (Hdir; Prop. 1 S (2021–2022))",
  R14: "«inntil 65 avtaler», in use on a day (Hdir)",
  R15: "«may apply for two periods: at most 2 + 2 years» (tildelingsbrev; Hdir)",
  R16: "«scheme starts 1 January 2022» (tildelingsbrev; trygderefusjonsforskriften)",
  R17: "«kommuner registered (or applying to be registered) as utdanningsvirksomhet» (tildelingsbrev)",
  R18: "«other work when part-time must be specified in the agreement and in reporting» (tildelingsbrev)",
  R19: "changes reported to Helfo and Helsedirektoratet (Hdir; ambiguous, a warning)",
};

describe("rules R01–R19: a passing and a failing row each, at the boundary", () => {
  test("the base row breaks no rule", () => {
    expect(validate(csv(row()))).toMatchObject({ rows: 1, valid: 1, errors: 0, warnings: 0 });
  });

  test.each([
    ["R01", Q.R01, { lis1: "no" }, { lis1: "completed" }],
    ["R02", Q.R02, { fte_pct: "49.9" }, { fte_pct: "50" }],
    ["R03", Q.R03, { end_date: "2022-12-31" }, { end_date: "2023-01-01" }], // 2022-07-01 + 6 months = 2023-01-01
    ["R05", Q.R05, { leave_extension_months: "12.5" }, { leave_extension_months: "12" }],
    ["R06", Q.R06, { start_date: "2022-11-16", end_date: "2023-11-16" }, { start_date: "2022-11-15", end_date: "2023-11-15" }], // 2022-05-15 + 6 months
    ["R07", Q.R07, { patient_base: "799" }, { patient_base: "800" }],
    ["R08", Q.R08, { fastleger_count: "1" }, { fastleger_count: "2" }],
    ["R09", Q.R09, { veileder_specialist: "nei" }, { veileder_specialist: "ja" }],
    ["R10", Q.R10, { utdanningsplan: "nei" }, { utdanningsplan: "ja" }],
    ["R13", "«vedtak ≤ oppstart < slutt» (the register's own consistency)", { decision_date: "2022-07-02" }, { decision_date: "2022-07-01" }],
    [
      "R16",
      Q.R16,
      { decision_date: "2021-12-31", start_date: "2022-01-01", end_date: "2023-01-01" },
      { decision_date: "2022-01-01", start_date: "2022-01-01", end_date: "2023-01-01" },
    ],
    ["R17", Q.R17, { utdanningsvirksomhet: "no" }, { utdanningsvirksomhet: "applied" }],
    ["R18", Q.R18, { fte_pct: "99", other_work_specified: "nei" }, { fte_pct: "100", other_work_specified: "nei" }],
    ["R19", Q.R19, { changes_reported: "nei" }, { changes_reported: "ja" }],
  ])("%s %s: fails on %j, passes on %j", (rule, _source, failing, passing) => {
    expect(rulesBroken(csv(row(failing)))).toEqual([rule]);
    expect(rulesBroken(csv(row(passing)))).toEqual([]);
  });

  test(`R03 ${Q.R03}: a doctor who resigns early is a warning, not an error`, () => {
    const v = validate(csv(row({ end_date: "2022-10-01" })));
    expect(v.violations.map((x) => [x.rule, x.severity])).toEqual([["R03", "warning"]]);
    expect(v).toMatchObject({ valid: 1, errors: 0, warnings: 1 });
  });

  test(`R01 ${Q.R01}: the exception holds for a LIS start on 2019-02-28 and not on 2019-03-01`, () => {
    expect(rulesBroken(csv(row({ lis1: "eu_exception", lis_start_date: "2019-02-28" })))).toEqual([]);
    expect(rulesBroken(csv(row({ lis1: "eu_exception", lis_start_date: "2019-03-01" })))).toEqual(["R01"]);
    expect(validate(csv(row({ lis1: "eu_exception" }))).violations[0]).toMatchObject({ rule: "R01", field: "lis_start_date" });
  });

  test(`R04 ${Q.R04}: 24 months at 100 % pass, one day more fails; 4 years at 50 % pass, one day more fails`, () => {
    expect(rulesBroken(csv(row({ start_date: "2022-07-01", end_date: "2024-07-01" })))).toEqual([]);
    expect(rulesBroken(csv(row({ start_date: "2022-07-01", end_date: "2024-07-02" })))).toEqual(["R04"]);
    // 48 calendar months at 50 %: 48 − 48 × 0.5 = 24 full-time months
    expect(rulesBroken(csv(row({ start_date: "2022-07-01", end_date: "2026-07-01", fte_pct: "50" })))).toEqual([]);
    expect(rulesBroken(csv(row({ start_date: "2022-07-01", end_date: "2026-07-02", fte_pct: "50" })))).toEqual(["R04"]);
  });

  test(`R04 ${Q.R04}: the period runs from its start, so a vacant gap uses it up (12 + 12 months with 24 months between fails)`, () => {
    const a = row({ doctor_id: "D1", start_date: "2022-07-01", end_date: "2023-07-01" });
    const follows = row({ doctor_id: "D2", start_date: "2023-07-01", end_date: "2024-07-01" });
    expect(rulesBroken(csv(a, follows))).toEqual([]);
    // calendar 2022-07-01 → 2026-07-01 = 48 months, all at full rate (vacant time counts in full): 48 > 24
    const late = validate(csv(a, row({ doctor_id: "D2", start_date: "2025-07-01", end_date: "2026-07-01" })));
    expect(late.violations.map((x) => [x.row, x.rule])).toEqual([[2, "R04"]]);
    expect(late.violations[0]!.message).toMatch(/used 48\.0 full-time months/);
    // a 6-month gap: 12 + 6 + 6 = 24 passes
    expect(rulesBroken(csv(a, row({ doctor_id: "D2", start_date: "2024-01-01", end_date: "2024-07-01" })))).toEqual([]);
  });

  test(`R04 ${Q.R04} and R05 ${Q.R05}: leave extends the period by calendar time, at most 12 months`, () => {
    // 72 months at 50 % with 12 months of leave: 72 − 36 (part time) − 6 (12 months of leave at 50 %) = 30 > 24, and 72 > 48 + 12
    expect(rulesBroken(csv(row({ start_date: "2022-07-01", end_date: "2028-07-01", fte_pct: "50", leave_extension_months: "12" })))).toEqual(["R04"]);
    // 60 months at 50 % with 12 months of leave: 60 − 30 − 6 = 24, and 60 = 48 + 12: the limit exactly
    expect(rulesBroken(csv(row({ start_date: "2022-07-01", end_date: "2027-07-01", fte_pct: "50", leave_extension_months: "12" })))).toEqual([]);
    // 36 months at 100 % with 12 months of leave: 36 − 12 = 24 passes; with 11 months it fails
    expect(rulesBroken(csv(row({ start_date: "2022-07-01", end_date: "2025-07-01", leave_extension_months: "12" })))).toEqual([]);
    expect(rulesBroken(csv(row({ start_date: "2022-07-01", end_date: "2025-07-01", leave_extension_months: "11" })))).toEqual(["R04"]);
  });

  test(`R04 ${Q.R04}: property — one doctor for m whole months at p % with l months of leave breaks R04 iff m·p − l·p > 24 or m > 48 + l`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.constantFrom(50, 60, 75, 80, 100), fc.integer({ min: 0, max: 12 }), (m, pct, leave) => {
        const end = addMonths("2022-07-01", m);
        const broken = rulesBroken(
          csv(row({ start_date: "2022-07-01", end_date: end, fte_pct: String(pct), leave_extension_months: String(leave), other_work_specified: "ja" })),
        );
        const p = pct / 100;
        const expected = m * p - leave * p > 24 + 1e-9 || m > 48 + leave + 1e-9;
        expect(broken.includes("R04")).toBe(expected);
      }),
      { numRuns: 200, seed: 44 },
    );
  });

  test(`R05 ${Q.R05}: leave is summed over the doctors of the period (8 + 8 months fails, 6 + 6 passes)`, () => {
    const a = (leave: string) => row({ doctor_id: "D1", start_date: "2022-07-01", end_date: "2023-07-01", leave_extension_months: leave });
    const b = (leave: string) => row({ doctor_id: "D2", start_date: "2023-07-01", end_date: "2024-01-01", leave_extension_months: leave });
    const v = validate(csv(a("8"), b("8")));
    expect(v.violations.map((x) => [x.row, x.rule])).toEqual([[2, "R05"]]);
    expect(v.violations[0]!.message).toMatch(/add up to 16 months/);
    expect(rulesBroken(csv(a("6"), b("6")))).toEqual([]);
  });

  test(`R06 ${Q.R06}: per period; a period 2 that keeps the original decision date is a continuation, not late`, () => {
    const p1 = row({ doctor_id: "D1", start_date: "2022-07-01", end_date: "2024-07-01" });
    expect(rulesBroken(csv(p1, row({ doctor_id: "D2", period: "2", start_date: "2024-07-01", end_date: "2026-07-01" })))).toEqual([]);
    // a period 2 with its own decision 2024-01-01 must start by 2024-07-01
    const own = (start: string) => row({ doctor_id: "D2", period: "2", decision_date: "2024-01-01", start_date: start, end_date: "2026-07-01" });
    expect(rulesBroken(csv(p1, own("2024-07-01")))).toEqual([]);
    expect(rulesBroken(csv(p1, own("2024-07-02")))).toEqual(["R06"]);
  });

  test(`R09 ${Q.R09} and R10 ${Q.R10}: doctors on the old specialist scheme are exempt`, () => {
    const old = { specialist_scheme: "old", veileder_specialist: "nei", utdanningsplan: "nei" };
    expect(rulesBroken(csv(row(old)))).toEqual([]);
    expect(rulesBroken(csv(row({ ...old, specialist_scheme: "new" })))).toEqual(["R09", "R10"]);
    expect(rulesBroken(csv(row({ ...old, specialist_scheme: "" })))).toEqual(["R09", "R10"]); // empty reads as the new scheme
  });

  test(`R11 ${Q.R11}: doctors of one period may follow but not overlap`, () => {
    const a = row({ doctor_id: "D1", start_date: "2022-07-01", end_date: "2023-07-01" });
    expect(rulesBroken(csv(a, row({ doctor_id: "D2", start_date: "2023-07-01", end_date: "2024-01-01" })))).toEqual([]);
    const overlap = validate(csv(a, row({ doctor_id: "D2", start_date: "2023-06-30", end_date: "2024-01-01" })));
    expect(overlap.violations.map((v) => [v.row, v.rule])).toEqual([[2, "R11"]]);
  });

  test(`R11 ${Q.R11}: a doctor overlapping an earlier one (not the one just before) is caught`, () => {
    const long = row({ doctor_id: "D1", start_date: "2022-07-01", end_date: "2024-07-01" });
    const short = row({ doctor_id: "D2", start_date: "2022-08-01", end_date: "2023-02-01" });
    const third = row({ doctor_id: "D3", start_date: "2023-03-01", end_date: "2023-09-01" });
    expect(
      validate(csv(long, short, third))
        .violations.filter((v) => v.rule === "R11")
        .map((v) => v.row),
    ).toEqual([2, 3]);
  });

  test(`R11 ${Q.R11}: a substitute covering a doctor's leave is allowed; one covering a doctor without leave, or outside their time, is not`, () => {
    const onLeave = row({ doctor_id: "D1", start_date: "2022-07-01", end_date: "2025-07-01", leave_extension_months: "12" });
    const sub = (changes: Record<string, string>) =>
      row({ doctor_id: "V1", substitute_for: "D1", start_date: "2023-01-01", end_date: "2024-01-01", ...changes });
    expect(rulesBroken(csv(onLeave, sub({})))).toEqual([]);
    expect(rulesBroken(csv({ ...onLeave, leave_extension_months: "0", end_date: "2024-07-01" }, sub({})))).toEqual(["R11"]);
    expect(rulesBroken(csv(onLeave, sub({ end_date: "2025-07-02" })))).toContain("R11"); // and R04: the period now runs past its end
    expect(rulesBroken(csv(onLeave, sub({ substitute_for: "" })))).toEqual(["R11"]); // not marked as a substitute: an overlap
  });

  test(`R12 ${Q.R12}: granted agreements ≤ cap — an agreement holds its slot from the decision, before any doctor starts`, () => {
    const a = row({ agreement_id: "A", decision_date: "2022-05-15", start_date: "2022-07-01", end_date: "2023-07-01" });
    const b = row({ agreement_id: "B", decision_date: "2022-05-15", start_date: "2022-08-01", end_date: "2023-08-01" });
    // C is decided while A and B hold their slots, but starts after both ended: in use never exceeds 2, granted does
    const c = row({ agreement_id: "C", decision_date: "2023-03-01", start_date: "2023-08-01", end_date: "2024-08-01" });
    const v = validate(csv(a, b, c), 2);
    expect(v.violations.map((x) => [x.row, x.rule, x.field])).toEqual([[3, "R12", "decision_date"]]);
    expect(v.violations[0]!.message).toMatch(/3 agreements are granted on 2023-03-01; the cap is 2/);
    expect(rulesBroken(csv(a, b, c), 3)).toEqual([]);
    expect(rulesBroken(csv(a, b, { ...c, decision_date: "2023-08-01" }), 2)).toEqual([]); // decided the day both have ended
  });

  test(`R14 ${Q.R14}: agreement periods in use on a day ≤ cap; a period 2 alongside period 1 counts twice`, () => {
    const a = row({ agreement_id: "A", start_date: "2022-07-01", end_date: "2023-07-01" });
    const b = row({ agreement_id: "B", start_date: "2022-08-01", end_date: "2023-08-01" });
    const c = row({ agreement_id: "C", start_date: "2022-09-01", end_date: "2023-09-01" });
    const v = validate(csv(a, b, c), 2).violations.filter((x) => x.rule === "R14");
    expect(v.map((x) => x.row)).toEqual([3]);
    expect(v[0]!.message).toMatch(/3 agreement periods are in use on 2022-09-01; the cap is 2/);
    expect(rulesBroken(csv(a, b, c), 3)).toEqual([]);
    const parallel = row({ agreement_id: "A", doctor_id: "D9", period: "2", start_date: "2022-09-01", end_date: "2023-09-01" });
    expect(rulesBroken(csv(a, b, parallel), 2).sort()).toEqual(["R14", "R15"]);
  });

  test(`R15 ${Q.R15}: period 2 follows period 1, not in parallel, and needs a period 1`, () => {
    const p1 = row({ doctor_id: "D1", start_date: "2022-07-01", end_date: "2024-07-01" });
    const p2 = (start: string) => row({ doctor_id: "D2", period: "2", start_date: start, end_date: "2026-06-30" });
    expect(rulesBroken(csv(p1, p2("2024-07-01")))).toEqual([]);
    expect(rulesBroken(csv(p1, p2("2024-06-30")))).toEqual(["R15"]);
    expect(rulesBroken(csv({ ...p2("2024-07-01"), decision_date: "2024-03-01" }))).toEqual(["R15"]);
  });

  test(`R16 ${Q.R16}: a row from 2021 is a breach of the scheme's start, not a FORMAT message; the other rows are still checked`, () => {
    const v = validate(
      csv(row({ start_date: "2021-07-01", end_date: "2022-07-01", decision_date: "2021-06-01" }), row({ doctor_id: "D2", agreement_id: "IA-2", lis1: "no" })),
    );
    expect(v.violations.map((x) => [x.row, x.rule, x.field])).toEqual([
      [1, "R16", "decision_date"],
      [1, "R16", "start_date"],
      [2, "R01", "lis1"],
    ]);
    expect(v.violations[1]!.message).toBe("start 2021-07-01 is before the scheme began on 2022-01-01");
  });

  test("R13: an outcome date before the start is a breach", () => {
    expect(validate(csv(row({ left_kommune_date: "2022-06-30" }))).violations.map((v) => [v.rule, v.field])).toEqual([["R13", "left_kommune_date"]]);
  });

  test("every rule states its text and source; every rule with a note (an ambiguous source) that is not an error says how it is read", () => {
    for (const [code, rule] of catalogue.rules) {
      expect(rule.text.length, code).toBeGreaterThan(10);
      expect(rule.source.length, code).toBeGreaterThan(5);
      if (rule.severity === "warning" && !["R07", "R08"].includes(code)) expect(rule.note, `${code} is a warning without a «bør» source`).toBeDefined();
    }
    expect(catalogue.rules.size).toBe(19);
  });

  test("a semicolon-separated file gets a hint, not a list of missing columns", () => {
    expect(() => parseRegisterCsv(`${HEADER.join(";")}\n`, "t.csv")).toThrowError(/looks semicolon-separated/);
  });

  test("numbers are read strictly: 0x32, 5e1 and 80 % are malformed", () => {
    for (const bad of ["0x32", "5e1", "80 %"]) expect(validate(csv(row({ fte_pct: bad }))).violations[0]).toMatchObject({ rule: "FORMAT", field: "fte_pct" });
    expect(rulesBroken(csv(row({ fte_pct: "80.5", other_work_specified: "ja" })))).toEqual([]);
  });

  test("unknown reference codes (specialist scheme, position) are FORMAT problems naming the row, the column and the reference list", () => {
    const v = validate(csv(row({ specialist_scheme: "gammel" }), row({ doctor_id: "D2", agreement_id: "IA-2", position_12m: "sykehus" })));
    expect(v.violations.map((x) => [x.row, x.rule, x.field, x.message])).toEqual([
      [1, "FORMAT", "specialist_scheme", '"gammel" is not allowed in specialist_scheme; expected one of new, old (data/reference/specialist-schemes.yaml)'],
      [
        2,
        "FORMAT",
        "position_12m",
        expect.stringMatching(/^"sykehus" is not allowed in position_12m; expected one of fastlege, .*utenfor_allmenn \(data\/reference\/positions\.yaml\)$/),
      ],
    ]);
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

  test("a register without the columns added in issue 15 is still read: they are unknown, and their rules are not checked", () => {
    const old = HEADER.filter((h) => !REGISTER_COLUMNS.find((c) => c.name === h)?.mayBeAbsent);
    expect(old).toHaveLength(20);
    const text = `${old.join(",")}\n${old.map((h) => VALID[h]).join(",")}\n`;
    expect(validate(text)).toMatchObject({ rows: 1, valid: 1, errors: 0, warnings: 0, extraColumns: [] });
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
    "IA-018:R15",
    "IA-019:R16",
    "IA-019:R16",
    "IA-020:R17",
    "IA-030:R18",
    "IA-031:R19",
    "IA-073:R12",
  ]);
  // R14 (in use) cannot break without R12 (granted) at the same cap; a cap of 20 shows it
  const low = validateRegister(readRegister(path.join(__dirname, "../../data/register/synthetic-agreements.csv")), catalogue, params, { cap: 20 });
  expect(low.violations.some((v) => v.rule === "R14")).toBe(true);
  expect(report.rows).toBe(113);
});
