// The result tables as data and their writers: CSV in Norwegian Excel format (golden), formatted report tables, and
// the chart subtitle with the run's context.
import { describe, expect, test } from "vitest";
import { sheetCsv } from "../../src/export/csv";
import { sheetTable, type Sheet } from "../../src/export/sheet";
import { runSubtitle, withRunContext } from "../../src/charts/subtitle";
import { runDate } from "../../src/time/runDate";
import { workbookBytes } from "../../src/export/xlsx";

const SHEET: Sheet = {
  name: "eksempel",
  title: "Eksempel",
  columns: [
    { header: "Mål", format: "text" },
    { header: "Beløp (kr)", format: "nok" },
    { header: "Andel", format: "share" },
  ],
  rows: [
    ["P50; median", 418540.75, 0.2247],
    ['Sitat "x"', -1234, null],
  ],
};

describe("CSV for Norwegian Excel", () => {
  test("golden: BOM, semicolons, decimal comma, quoting, CRLF; kroner whole, shares stay fractions, null is empty", () => {
    // 418 540,75 kr is written to the unit's precision, whole kroner: 418541 (test/export/workbook.test.ts has the rest)
    expect(sheetCsv(SHEET)).toBe('\ufeffMål;Beløp (kr);Andel\r\n"P50; median";418541;0,2247\r\n"Sitat ""x""";-1234;\r\n');
  });
  test("a number that is not finite is refused", () => {
    expect(() => sheetCsv({ ...SHEET, rows: [["x", Number.NaN, 0]] })).toThrow(/not finite/);
  });
});

describe("sheetTable formats cells the Norwegian way for the report", () => {
  test("kroner, percentages, empty for null; numeric columns right-aligned", () => {
    const t = sheetTable(SHEET);
    expect(t.rows[0]).toEqual(["P50; median", "418\u00a0541\u00a0kr", "22,5\u00a0%"]);
    expect(t.rows[1]).toEqual(['Sitat "x"', "\u22121\u00a0234\u00a0kr", ""]);
    expect(t.alignRight).toEqual([1, 2]);
  });
});

describe("chart subtitles carry the scenario and the run date", () => {
  test("runSubtitle and withRunContext (adds the date only when the scenario is already named; never twice)", () => {
    expect(runSubtitle("Standard", "2026-11-23")).toBe("Scenario «Standard» · kjørt 23.11.2026");
    const plain = withRunContext({ title: { text: "T", subtitle: ["Funn."] } }, "Standard", "2026-11-23");
    expect(plain.title).toEqual({ text: "T", subtitle: ["Funn.", "Scenario «Standard» · kjørt 23.11.2026."] });
    const named = withRunContext({ title: { text: "T", subtitle: "Scenario «Standard», 100 trekk." } }, "Standard", "2026-11-23");
    expect(named.title).toEqual({ text: "T", subtitle: ["Scenario «Standard», 100 trekk.", "Kjørt 23.11.2026."] });
    expect(withRunContext(named, "Standard", "2026-11-23")).toEqual(named);
  });
  test("runDate honours SOURCE_DATE_EPOCH and refuses a value that is not whole seconds", () => {
    expect(runDate({ SOURCE_DATE_EPOCH: "1795392000" })).toBe("2026-11-23");
    expect(() => runDate({ SOURCE_DATE_EPOCH: "igår" })).toThrow(/SOURCE_DATE_EPOCH: "igår" is not allowed/);
    expect(runDate({})).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("results.xlsx", () => {
  test("the same sheets and date give byte-identical workbooks (no clock time inside)", async () => {
    const a = await workbookBytes([SHEET], { date: "2026-11-23", manifest: { seed: 1 } });
    await new Promise((r) => setTimeout(r, 2100)); // zip timestamps have 2-second resolution: cross a boundary
    const b = await workbookBytes([SHEET], { date: "2026-11-23", manifest: { seed: 1 } });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = await workbookBytes([SHEET], { date: "2026-11-24", manifest: { seed: 1 } });
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });
});
