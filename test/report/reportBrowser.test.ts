/// <reference lib="dom" />
// report.html opened in headless Chromium (Debian's, installed by the set-up): it loads with no failed or network
// requests and no console errors, every chart is visible, and the numbers shown are those in results.json.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatNok } from "../../src/format/norwegian";
import { runCli } from "../helpers";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

interface PageCheck {
  failed: string[];
  external: string[];
  consoleErrors: string[];
  charts: Array<{ id: string; width: number; height: number; visible: boolean }>;
  numbers: Array<{ key: string; value: number; text: string }>;
}

let browser: Browser;
beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function openReport(file: string): Promise<PageCheck> {
  const page = await browser.newPage();
  const check: PageCheck = { failed: [], external: [], consoleErrors: [], charts: [], numbers: [] };
  page.on("requestfailed", (req) => check.failed.push(`${req.url()} ${req.failure()?.errorText ?? ""}`));
  page.on("request", (req) => {
    if (!/^(file|data|about):/.test(req.url())) check.external.push(req.url());
  });
  page.on("console", (msg) => {
    if (msg.type() === "error") check.consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => check.consoleErrors.push(String(err)));
  const response = await page.goto(`file://${file}`, { waitUntil: "load" });
  expect(response?.ok() ?? true).toBe(true);
  check.charts = await page.$$eval("figure", (figs) =>
    figs.map((f) => {
      const svg = f.querySelector("svg");
      const box = svg?.getBoundingClientRect();
      const style = svg ? getComputedStyle(svg) : undefined;
      return {
        id: f.id,
        width: box?.width ?? 0,
        height: box?.height ?? 0,
        visible: !!style && style.visibility !== "hidden" && style.display !== "none" && (svg?.querySelectorAll("path, rect, line, text").length ?? 0) > 10,
      };
    }),
  );
  check.numbers = await page.$$eval("[data-key]", (els) =>
    els.map((e) => ({ key: e.getAttribute("data-key")!, value: Number(e.getAttribute("data-value")), text: e.textContent ?? "" })),
  );
  await page.close();
  return check;
}

const get = (obj: unknown, key: string) => key.split(".").reduce<any>((o, k) => o?.[k], obj);

describe("report.html in headless Chromium", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-report-"));
  const r = runCli(["run", "--scenario", "data/scenarios/standard.yaml", "--draws", "20000", "--out", out]);

  test("loads with no failed or external requests and no console errors; every chart is visible", async () => {
    expect(r.status, r.stderr).toBe(0);
    const check = await openReport(path.join(out, "report.html"));
    expect(check.failed).toEqual([]);
    expect(check.external).toEqual([]);
    expect(check.consoleErrors).toEqual([]);
    expect(check.charts.map((c) => c.id).sort()).toEqual(
      ["budsjettbane", "kostnadsfordeling", "sobol", "strommer-fastleger", "strommer-kommunen", "strommer-parter", "tildeling-tidslinje", "tornado"].map(
        (n) => `fig-${n}`,
      ),
    );
    for (const c of check.charts) {
      expect(c.visible, c.id).toBe(true);
      expect(c.width, c.id).toBeGreaterThan(300);
      expect(c.height, c.id).toBeGreaterThan(100);
    }
  }, 60_000);

  test("the P50 shown equals results.json, and so does every other key number", async () => {
    const results = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8"));
    const check = await openReport(path.join(out, "report.html"));
    const p50 = check.numbers.find((n) => n.key === "cost.p50")!;
    expect(p50.value).toBe(results.cost.p50);
    expect(p50.text).toBe(formatNok(results.cost.p50));
    expect(check.numbers.length).toBeGreaterThanOrEqual(8);
    for (const n of check.numbers) expect(n.value, n.key).toBe(get(results, n.key));
  }, 60_000);

  test("prints on A4: in print media at the page's content width nothing is wider than the page, and it makes a PDF", async () => {
    const page = await browser.newPage();
    // A4 is 210 mm wide; with the report's 15 mm margins the content box is 180 mm = 680 CSS px.
    await page.setViewport({ width: 680, height: 1000 });
    await page.goto(`file://${path.join(out, "report.html")}`, { waitUntil: "load" });
    await page.emulateMediaType("print");
    const widths = await page.evaluate(() => ({
      page: document.documentElement.clientWidth,
      content: document.documentElement.scrollWidth,
      widest: Array.from(document.querySelectorAll("table, figure"))
        .map((e) => e.getBoundingClientRect().right)
        .reduce((a, b) => Math.max(a, b), 0),
    }));
    expect(widths.content).toBeLessThanOrEqual(widths.page);
    expect(widths.widest).toBeLessThanOrEqual(widths.page + 1);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    await page.close();
  }, 60_000);

  test("the file is self-contained: no scripts, no external stylesheets, fonts or images", () => {
    const html = fs.readFileSync(path.join(out, "report.html"), "utf8");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|@font-face|url\(/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).toMatch(/@page \{ size: A4/);
  });
});

describe("the comparison report of several scenarios in headless Chromium", () => {
  test("loads cleanly, shows the comparison charts, and each scenario's numbers equal results.json", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-report-"));
    const variant = path.join(dir, "hoy-substitusjon.yaml");
    fs.writeFileSync(variant, `extends: ${path.resolve("data/scenarios/standard.yaml")}\ntitle: "Høy substitusjon"\ninputs:\n  substitutionShare: 0.8\n`);
    const out = path.join(dir, "out");
    const run = runCli(["run", "--scenario", "data/scenarios/standard.yaml", "--scenario", variant, "--draws", "20000", "--out", out]);
    expect(run.status, run.stderr).toBe(0);
    const results = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8"));
    const check = await openReport(path.join(out, "report.html"));
    expect([...check.failed, ...check.external, ...check.consoleErrors]).toEqual([]);
    expect(check.charts.map((c) => c.id)).toEqual(expect.arrayContaining(["fig-sammenligning", "fig-budsjett-sammenligning"]));
    for (const c of check.charts) expect(c.visible, c.id).toBe(true);
    expect(check.numbers.filter((n) => n.key === "scenarios.1.cost.p50")).toHaveLength(1);
    for (const n of check.numbers) expect(n.value, n.key).toBe(get(results, n.key));
  }, 60_000);
});
