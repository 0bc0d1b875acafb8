#!/usr/bin/env node
// Screenshots of a report for reviewers (issue 17): the screen view as one tall PNG and every A4 page of its printed
// PDF as a PNG, with Debian's headless Chromium (puppeteer-core) and, for the PDF pages, pdftoppm (poppler-utils)
// when it is installed (otherwise the PDF itself is kept beside the screenshots).
//
//   node scripts/screenshots.mjs [REPORT_HTML] [OUT_DIR]
//   defaults: charts/standard/report.html -> charts/standard/screenshots/ (run `npm start` first)
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import puppeteer from "puppeteer-core";
/* global document -- the waitForFunction callback runs in the page */

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
/** Screen width in CSS px (a laptop window) and the scale of the PNGs. */
const SCREEN = { width: 1100, height: 900, deviceScaleFactor: 1 };
/** Resolution of the PDF pages as PNG (dots per inch). */
const PAGE_DPI = 110;

const report = path.resolve(process.argv[2] ?? "charts/standard/report.html");
const out = path.resolve(process.argv[3] ?? path.join(path.dirname(report), "screenshots"));
if (!fs.existsSync(report)) {
  console.error(`screenshots: ${report} does not exist; run \`npm start\` (or introsim run --out DIR) first, or pass the report's path`);
  process.exit(1);
}
if (!fs.existsSync(CHROMIUM)) {
  console.error(`screenshots: ${CHROMIUM} is missing; install Debian's chromium (bash scripts/setup.sh --test does)`);
  process.exit(1);
}
fs.mkdirSync(out, { recursive: true });

const browser = await puppeteer.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
try {
  const page = await browser.newPage();
  await page.setViewport(SCREEN);
  await page.goto(`file://${report}`, { waitUntil: "networkidle0" });
  // wait for the interactive charts (Vega) to come alive, if the report has any
  await page.waitForFunction(() => document.querySelectorAll("figure[data-vega]").length === document.querySelectorAll("figure.live").length, {
    timeout: 30_000,
  });
  await page.screenshot({ path: path.join(out, "skjerm.png"), fullPage: true });
  const pdfFile = path.join(out, "utskrift-a4.pdf");
  await page.pdf({ path: pdfFile, format: "A4", printBackground: true, displayHeaderFooter: false, preferCSSPageSize: true });
  let pages = 0;
  try {
    execFileSync("pdftoppm", ["-png", "-r", String(PAGE_DPI), pdfFile, path.join(out, "a4-side")]);
    pages = fs.readdirSync(out).filter((f) => f.startsWith("a4-side") && f.endsWith(".png")).length;
  } catch {
    console.error("screenshots: pdftoppm (Debian's poppler-utils) is not installed; the A4 pages are in utskrift-a4.pdf");
  }
  console.log(`screenshots: wrote ${path.relative(process.cwd(), out)}/ (skjerm.png, utskrift-a4.pdf${pages ? `, ${pages} A4 pages as a4-side-*.png` : ""})`);
} finally {
  await browser.close();
}
