// results.xlsx and CSV as an analyst pastes them (issue 17): Excel tables with header filters, number formats by unit,
// months as real dates, triple estimates as three numbers, a short key–value manifest; CSV rounded to the unit.
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { sheetCsv } from "../../src/export/csv";
import { distributionColumns } from "../../src/export/distributionColumns";
import { manifestSheet } from "../../src/export/manifestSheet";
import { cols, sheetTable, type Sheet } from "../../src/export/sheet";
import { workbookBytes } from "../../src/export/xlsx";

/** Assumptions the way the run writes them: three numbers by the row's unit (column 1). */
const ASSUMPTIONS: Sheet = {
  name: "forutsetninger",
  title: "Forutsetninger",
  columns: cols(["Forutsetning", "text"], ["Enhet", "text"], ["Lav", "unit", 1], ["Mest sannsynlig", "unit", 1], ["Høy", "unit", 1]),
  rows: [
    ["Substitusjonsandel", "andel", 0.1, 0.3, 0.55],
    ["Kliniske uker per år", "uker", 40, 41.551, 44],
    ["Merkostnader", "kr per avtaleår", 150_000.4, 200_000, 260_000],
    ["Pasientgrunnlag", "listeinnbyggere", 800, 1573.348, 2000],
  ],
};

const TIMELINE: Sheet = {
  name: "tildeling",
  title: "Avtaler per måned",
  columns: cols(["Måned", "month"], ["I bruk P50", "count"], ["Aktive avtaleår", "decimal1"], ["Andel", "share"], ["Kroner", "nok"]),
  rows: [
    ["2023-08-01", 34, 12.25, 0.52345678, 418_540.75],
    ["2023-09-01", 35.5, 12.75, 0.1 + 0.2, -1234.5],
  ],
};

const MANIFEST = {
  tool: "introsim",
  version: "0.1.0",
  scenario: { name: "standard", file: "data/scenarios/standard.yaml", hash: "ab".repeat(32) },
  seed: 20240101,
  draws: 10000,
  overrides: [{ name: "substitutionShare", value: 0.3 }],
  data: {
    hash: "cd".repeat(32),
    files: Array.from({ length: 29 }, (_, i) => ({ id: `f${i}`, sha256: "0".repeat(64), lastVerified: i === 0 ? "2026-11-01" : "2026-11-23" })),
  },
  date: "2026-11-23",
  inputs: [{ file: "data/allocation/policy-default.yaml", sha256: "f2c5f91f8dd76d2c59ac1ccad5b55ee0051ec79cc1dc23dd932d67a3fbbe5987" }],
};

async function readBack(sheets: Sheet[], manifest: unknown = MANIFEST): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await workbookBytes(sheets, { date: "2026-11-23", manifest })) as unknown as ArrayBuffer);
  return wb;
}

describe("results.xlsx read back with exceljs", () => {
  test("each sheet is the title in row 1 and an Excel table with header filters from A2 over every row", async () => {
    const wb = await readBack([ASSUMPTIONS, TIMELINE]);
    const ws = wb.getWorksheet("forutsetninger")!;
    expect(ws.getCell("A1").value).toBe("Forutsetninger");
    const tables = (
      ws as unknown as {
        tables: Record<string, { table: { tableRef: string; autoFilterRef: string; columns: Array<{ name: string; filterButton: boolean }> } }>;
      }
    ).tables;
    const t = Object.values(tables)[0]!.table;
    // 5 columns (A–E), header in row 2 and 4 data rows: A2:E6
    expect(t.tableRef).toBe("A2:E6");
    expect(t.autoFilterRef).toBe("A2:E6");
    expect(t.columns.map((c) => c.name)).toEqual(["Forutsetning", "Enhet", "Lav", "Mest sannsynlig", "Høy"]);
    expect(t.columns.every((c) => c.filterButton)).toBe(true);
    const t2 = Object.values((wb.getWorksheet("tildeling") as unknown as typeof ws & { tables: typeof tables }).tables)[0]!.table;
    expect(t2.tableRef).toBe("A2:E4");
  });

  test("numbers stay numbers with a format by their unit: per cent, one decimal for weeks, whole kroner, whole persons", async () => {
    const ws = (await readBack([ASSUMPTIONS])).getWorksheet("forutsetninger")!;
    expect(ws.getCell("C3").value).toBe(0.1);
    expect(ws.getCell("C3").numFmt).toBe("0.0%");
    expect(ws.getCell("D4").value).toBe(41.551);
    expect(ws.getCell("D4").numFmt).toBe("#,##0.0");
    expect(ws.getCell("C5").numFmt).toBe('#,##0 "kr"');
    expect(ws.getCell("D6").numFmt).toBe("#,##0");
  });

  test("months are real dates shown as 'mmmm yyyy'; counts whole, agreement-years one decimal, shares per cent", async () => {
    const ws = (await readBack([TIMELINE])).getWorksheet("tildeling")!;
    const a3 = ws.getCell("A3");
    expect(a3.value).toBeInstanceOf(Date);
    expect((a3.value as Date).toISOString()).toBe("2023-08-01T00:00:00.000Z");
    expect(a3.numFmt).toBe("mmmm yyyy");
    expect(ws.getCell("B3").numFmt).toBe("#,##0");
    expect(ws.getCell("C3").numFmt).toBe("#,##0.0");
    expect(ws.getCell("D3").numFmt).toBe("0.0%");
    expect(ws.getCell("E4").value).toBe(-1234.5); // the cell keeps the full value; the format rounds the display
  });

  test("the manifest is a short key–value sheet (a dozen rows), not the JSON", async () => {
    const ws = (await readBack([TIMELINE])).getWorksheet("manifest")!;
    expect(ws.rowCount).toBeLessThanOrEqual(25);
    const kv = new Map<string, unknown>();
    ws.eachRow((row, i) => {
      if (i > 2) kv.set(row.getCell(1).text, row.getCell(2).value);
    });
    expect(kv.get("Scenario")).toBe("standard");
    expect(kv.get("Frø (seed)")).toBe(20240101);
    expect(kv.get("Trekk")).toBe(10000);
    expect(kv.get("Overstyringer (--set)")).toBe("substitutionShare=0.3");
    expect(kv.get("Dataversjoner")).toBe("29 filer i data/params, kontrollert 2026-11-01 – 2026-11-23");
    expect(kv.get("introsim-versjon")).toBe("0.1.0");
    expect(kv.get("Kjøredato")).toBe("2026-11-23");
  });

  test("several manifests (a comparison) give one column per scenario", () => {
    const s = manifestSheet([MANIFEST, { ...MANIFEST, scenario: { ...MANIFEST.scenario, name: "deltid" } }], "2026-11-23");
    expect(s.columns.map((c) => c.header)).toEqual(["Nøkkel", "standard", "deltid"]);
    expect(s.rows.length).toBeLessThanOrEqual(25);
  });

  test("a sheet without rows has its header and no table; the workbook is byte-stable for the same run", async () => {
    const empty: Sheet = { ...TIMELINE, rows: [] };
    const ws = (await readBack([empty])).getWorksheet("tildeling")!;
    expect(ws.getCell("A2").value).toBe("Måned");
    const a = await workbookBytes([ASSUMPTIONS, TIMELINE], { date: "2026-11-23", manifest: MANIFEST });
    const b = await workbookBytes([ASSUMPTIONS, TIMELINE], { date: "2026-11-23", manifest: MANIFEST });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe("CSV rounded to the unit's precision", () => {
  test("golden: kroner whole, shares 4 decimals, counts whole, one decimal, months ISO; no 16-digit floats", () => {
    // 418 540,75 -> 418 541; 0,52345678 -> 0,5235; 0,1 + 0,2 = 0,30000000000000004 -> 0,3; 35,5 -> 36; 12,25 -> 12,3;
    // −1 234,5 -> −1 235 (half away from zero)
    expect(sheetCsv(TIMELINE)).toBe(
      "\ufeffMåned;I bruk P50;Aktive avtaleår;Andel;Kroner\r\n2023-08-01;34;12,3;0,5235;418541\r\n2023-09-01;36;12,8;0,3;-1235\r\n",
    );
  });
  test("unit columns round by each row's unit", () => {
    const lines = sheetCsv(ASSUMPTIONS).split("\r\n");
    expect(lines[1]).toBe("Substitusjonsandel;andel;0,1;0,3;0,55");
    expect(lines[2]).toBe("Kliniske uker per år;uker;40;41,6;44");
    expect(lines[3]).toBe("Merkostnader;kr per avtaleår;150000;200000;260000");
    expect(lines[4]).toBe("Pasientgrunnlag;listeinnbyggere;800;1573;2000");
  });
  test("no number in any CSV cell has more than 4 decimals", () => {
    for (const s of [ASSUMPTIONS, TIMELINE]) expect(sheetCsv(s)).not.toMatch(/\d,\d{5,}/);
  });
});

describe("the report's table formats by the same rules", () => {
  test("sheetTable: months in words, unit rows as per cent / one decimal", () => {
    expect(sheetTable(TIMELINE).rows[0]![0]).toBe("august 2023");
    expect(sheetTable(ASSUMPTIONS).rows[0]![3]).toBe("30,0\u00a0%");
    expect(sheetTable(ASSUMPTIONS).rows[1]![3]).toBe("41,6");
  });
});

describe("distributionColumns reads the description back as a kind and three numbers", () => {
  test("trippelestimat, fixed, uniform, normal and an unknown description", () => {
    expect(distributionColumns("trippelestimat 0.5 / 1 / 1 (PERT)")).toEqual({ kind: "trippelestimat (PERT)", low: 0.5, mode: 1, high: 1 });
    expect(distributionColumns("trippelestimat -2 / 0 / 1e-7 (triangel)")).toEqual({ kind: "trippelestimat (triangel)", low: -2, mode: 0, high: 1e-7 });
    expect(distributionColumns("fast verdi 250000")).toEqual({ kind: "fast verdi", low: null, mode: 250000, high: null });
    expect(distributionColumns("uniform 2–4")).toEqual({ kind: "uniform", low: 2, mode: null, high: 4 });
    expect(distributionColumns("lognormal, 90 %-intervall 100–300")).toEqual({ kind: "lognormal, 90 %-intervall", low: 100, mode: null, high: 300 });
    expect(distributionColumns("empirisk, 12 observasjoner")).toEqual({ kind: "empirisk, 12 observasjoner", low: null, mode: null, high: null });
  });
});
