/// <reference lib="dom" />
// report.html opened in headless Chromium (Debian's, installed by the set-up): it loads with no failed or network
// requests and no console errors, every chart comes alive (Vega inlined) and is visible, a tooltip with Norwegian
// numbers appears on hover, print shows the static SVG and fits A4 with page numbers and a running header on every
// PDF page, the comparison report's budget chart switches scenarios (a Vega select list), and the numbers shown — in
// the answer and in the generated "Hva det betyr" text — are those in results.json.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatNok } from "../../src/format/norwegian";
import { launchChromium } from "../browser";
import { runCli } from "../helpers";

interface PageCheck {
  failed: string[];
  external: string[];
  consoleErrors: string[];
  charts: Array<{ id: string; width: number; height: number; visible: boolean; live: boolean }>;
  numbers: Array<{ key: string; value: number; text: string }>;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
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
  await waitForLiveCharts(page);
  check.charts = await page.$$eval("figure", (figs) =>
    figs.map((f) => {
      const svg = f.classList.contains("live") ? f.querySelector(".interactive svg") : f.querySelector(".static svg");
      const box = svg?.getBoundingClientRect();
      const style = svg ? getComputedStyle(svg) : undefined;
      return {
        id: f.id,
        live: f.classList.contains("live"),
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

/** Waits until every chart with a Vega spec has been embedded (its figure gets the class "live"). */
/** The report in print media at A4's content width: 210 mm less the report's 15 mm margins = 180 mm = 680 CSS px. */
async function openForPrint(file: string): Promise<import("puppeteer-core").Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 680, height: 1000 });
  await page.goto(`file://${file}`, { waitUntil: "load" });
  await page.emulateMediaType("print");
  return page;
}

/** Nothing overflows the page, and no element matching `selector` reaches past its right edge. */
async function expectFitsPage(page: import("puppeteer-core").Page, selector: string): Promise<void> {
  const widths = await page.evaluate(
    (sel) => ({
      page: document.documentElement.clientWidth,
      content: document.documentElement.scrollWidth,
      widest: Array.from(document.querySelectorAll(sel))
        .map((e) => e.getBoundingClientRect().right)
        .reduce((a, b) => Math.max(a, b), 0),
    }),
    selector,
  );
  expect(widths.content).toBeLessThanOrEqual(widths.page);
  expect(widths.widest).toBeLessThanOrEqual(widths.page + 1);
}

async function waitForLiveCharts(page: import("puppeteer-core").Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll("figure[data-vega]").length === document.querySelectorAll("figure.live").length, {
    timeout: 30_000,
  });
}

/** The text of each page of a PDF (pdftotext from Debian's poppler-utils, installed by setup.sh --test). */
function pdfPages(pdf: Uint8Array): string[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "introsim-pdf-")), "report.pdf");
  fs.writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" })
    .split("\f")
    .filter((p) => p.trim() !== "");
}

/** Every page carries the running header (title and run line) and "Side n av m", n counting up to m. */
function expectPageHeaders(pages: string[], title: RegExp, runLine: RegExp): void {
  expect(pages.length).toBeGreaterThan(2);
  pages.forEach((text, i) => {
    expect(text, `page ${i + 1}`).toContain(`Side ${i + 1} av ${pages.length}`);
    const head = text.split("\n").slice(0, 2).join(" ").replace(/\s+/g, " ");
    expect(head, `header of page ${i + 1}`).toMatch(title);
    expect(head, `header of page ${i + 1}`).toMatch(runLine);
  });
}

/** Prints the page to A4 in print media with static charts shown, and returns the PDF. */
async function printStatic(page: import("puppeteer-core").Page): Promise<{ figs: Array<[string, boolean, boolean]>; pdf: Uint8Array }> {
  await page.emulateMediaType("print");
  const figs = await page.$$eval("figure", (fs) =>
    fs.map(
      (f) =>
        [
          f.id,
          getComputedStyle(f.querySelector(".static")!).display !== "none" && (f.querySelector(".static svg")?.getBoundingClientRect().height ?? 0) > 100,
          f.querySelector(".interactive") ? getComputedStyle(f.querySelector(".interactive")!).display !== "none" : false,
        ] as [string, boolean, boolean],
    ),
  );
  return { figs, pdf: await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true }) };
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
    // the standard charts (other capabilities may add more)
    expect(check.charts.map((c) => c.id)).toEqual(
      expect.arrayContaining(
        ["budsjettbane", "kostnadsfordeling", "sobol", "strommer-fastleger", "strommer-kommunen", "strommer-parter", "tildeling-tidslinje", "tornado"].map(
          (n) => `fig-${n}`,
        ),
      ),
    );
    expect(check.charts.every((c) => c.live)).toBe(true);
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
    const page = await openForPrint(path.join(out, "report.html"));
    await expectFitsPage(page, "table, figure");
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    await page.close();
    // page numbers and the running header on every page of the PDF
    expectPageHeaders(pdfPages(pdf), /Hva koster en introduksjonsavtale for folketrygden\?/, /Scenario «standard» · kjørt \d{2}\.\d{2}\.\d{4}/);
  }, 60_000);

  test("the file is self-contained: scripts inline only (Vega from node_modules), no external stylesheets, fonts or images", () => {
    const html = fs.readFileSync(path.join(out, "report.html"), "utf8");
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).toMatch(/<script>/); // vega.min.js and vega-embed.min.js inlined
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|@font-face/i);
    expect(html).not.toMatch(/src="(https?:)?\/\//i);
    expect(html).toMatch(/@page \{\s*size: A4/);
    expect(html).toMatch(/counter\(page\)/); // page numbers in print
  });

  test("a tooltip with Norwegian numbers appears on hover over the cost distribution", async () => {
    const page = await browser.newPage();
    const external: string[] = [];
    page.on("request", (req) => {
      if (!/^(file|data|about):/.test(req.url())) external.push(req.url());
    });
    await page.goto(`file://${path.join(out, "report.html")}`, { waitUntil: "load" });
    await waitForLiveCharts(page);
    const bars = await page.$$("#fig-kostnadsfordeling .interactive .role-mark path");
    expect(bars.length).toBeGreaterThan(10);
    await bars[Math.floor(bars.length / 2)]!.hover(); // a bar in the middle of the histogram (the outer ones can be empty)
    await page.waitForSelector("#vg-tooltip-element.visible", { timeout: 10_000 });
    const tip = await page.$eval("#vg-tooltip-element", (e) => e.textContent ?? "");
    expect(tip).toMatch(/fra \(kr\)/); // the chart's Norwegian field titles
    expect(tip).toMatch(/\d{1,3}\u00a0\d{3}/); // "350 000": Norwegian thousands separator
    expect(external).toEqual([]); // zero network requests, interactive charts included
    await page.close();
  }, 60_000);

  test("print shows the static SVG of every chart and hides the interactive one", async () => {
    const page = await browser.newPage();
    await page.goto(`file://${path.join(out, "report.html")}`, { waitUntil: "load" });
    await waitForLiveCharts(page);
    await page.emulateMediaType("print");
    const figs = await page.$$eval("figure", (fs) =>
      fs.map((f) => ({
        id: f.id,
        staticShown:
          getComputedStyle(f.querySelector(".static")!).display !== "none" && (f.querySelector(".static svg")?.getBoundingClientRect().height ?? 0) > 100,
        interactiveShown: f.querySelector(".interactive") ? getComputedStyle(f.querySelector(".interactive")!).display !== "none" : false,
      })),
    );
    expect(figs.length).toBeGreaterThanOrEqual(8);
    for (const f of figs) expect([f.id, f.staticShown, f.interactiveShown]).toEqual([f.id, true, false]);
    const pdf = Buffer.from(await page.pdf({ format: "A4", printBackground: true }));
    // the static charts are vector drawings in the PDF: one chart page has far more than text
    expect(pdf.length).toBeGreaterThan(100_000);
    await page.close();
  }, 60_000);

  test("«Hva det betyr» is generated from the numbers: every number in it equals results.json", async () => {
    const results = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8"));
    const page = await browser.newPage();
    await page.goto(`file://${path.join(out, "report.html")}`, { waitUntil: "load" });
    const nums = await page.$$eval("#betydning [data-key]", (els) =>
      els.map((e) => ({ key: e.getAttribute("data-key")!, value: Number(e.getAttribute("data-value")) })),
    );
    const text = await page.$eval("#betydning", (e) => e.textContent ?? "");
    await page.close();
    const keys = nums.map((n) => n.key);
    expect(keys).toEqual(
      expect.arrayContaining(["cost.p50", "cost.shareAbove500k", "cost.topDown.differenceNok", "cost.national.p85", "cost.tornado.rows.0.swing"]),
    );
    for (const n of nums) expect(n.value, n.key).toBe(get(results, n.key));
    // the top driver named in the text is the tornado's first row, and the direction follows the share above 500 000 kr
    expect(text).toContain(results.cost.tornado.rows[0].label);
    expect(text).toMatch(/Avstemming ovenfra og ned/);
    expect(text).toMatch(/Budsjettet/);
  }, 60_000);
});

describe("the comparison report of several scenarios in headless Chromium", () => {
  test("loads cleanly, shows the comparison charts, each scenario's numbers equal results.json, fits A4, prints static charts with page numbers and header, and switches scenarios", async () => {
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
    expect(check.numbers.filter((n) => n.key === "scenarios.1.cost.p50").length).toBeGreaterThanOrEqual(1);
    for (const n of check.numbers) expect(n.value, n.key).toBe(get(results, n.key));
    // fits A4: in print media at the content width (180 mm = 680 px) no table, figure, chart or paragraph is wider than the page
    const page = await openForPrint(path.join(out, "report.html"));
    await expectFitsPage(page, "table, figure, svg, p");
    // print: every chart static (the interactive one hidden), page numbers and the running header on every page
    const { figs, pdf } = await printStatic(page);
    await page.close();
    expect(figs.length).toBeGreaterThanOrEqual(4);
    for (const f of figs) expect(f).toEqual([f[0], true, false]);
    expectPageHeaders(pdfPages(pdf), /Hva koster introduksjonsavtalene\? Scenarioer side om side/, /2 scenarioer · kjørt \d{2}\.\d{2}\.\d{4}/);

    // the comparison switches scenarios: the budget chart's select list shows one scenario's lines, then all again
    const live = await browser.newPage();
    const external: string[] = [];
    live.on("request", (req) => {
      if (!/^(file|data|about):/.test(req.url())) external.push(req.url());
    });
    await live.goto(`file://${path.join(out, "report.html")}`, { waitUntil: "load" });
    await waitForLiveCharts(live);
    const fig = "#fig-budsjett-sammenligning";
    const lines = async () =>
      live.$$eval(`${fig} .interactive .mark-line path`, (ps) => ps.map((p) => (p as SVGPathElement).getAttribute("d") ?? "").filter((d) => d !== ""));
    const options = await live.$$eval(`${fig} select option`, (os) => os.map((o) => o.textContent ?? ""));
    expect(options).toEqual(["Alle scenarioer", results.scenarios[0].scenario.title, "Høy substitusjon"]);
    const all = await lines();
    expect(all.length).toBe(4); // P85 and P50 for each of two scenarios
    const pick = async (index: number) => {
      await live.$eval(
        `${fig} select`,
        (el, i) => {
          const select = el as HTMLSelectElement;
          select.selectedIndex = i;
          select.dispatchEvent(new Event("change"));
        },
        index,
      );
      await live.waitForFunction(
        (sel, n) => document.querySelectorAll(`${sel} .interactive .mark-line path`).length === n,
        { timeout: 10_000 },
        fig,
        index === 0 ? 4 : 2,
      );
    };
    await pick(2);
    const one = await lines();
    expect(one.length).toBe(2);
    await pick(0);
    expect((await lines()).length).toBe(4);
    expect(external).toEqual([]);
    await live.close();
  }, 240_000); // two scenario runs with charts on a loaded machine
});
