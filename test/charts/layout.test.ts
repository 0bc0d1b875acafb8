/// <reference lib="dom" />
// The layout rule (src/charts/layout.ts), checked on every chart of the catalogue in both languages from the SVG as
// headless Chromium lays it out: the chart is exactly the page width (600 px), the plot area takes at least half of
// it, no two text boxes overlap, no text ends in "…", and the accessibility labels are in the chosen language.
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fitChart, svgWidth } from "../../src/charts/render";
import { layoutSpec } from "../../src/charts/layout";
import { wrapText, textWidth } from "../../src/charts/textWidth";
import { PAGE_WIDTH, WIDE_WIDTH } from "../../src/charts/theme";
import type { Lang } from "../../src/i18n/messages";
import { launchChromium } from "../browser";
import { englishSpecs, specs } from "./catalogue";

interface Measured {
  width: number;
  plotWidth: number;
  overlaps: string[];
  cut: string[];
  englishAria: string[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** Lays out the SVG in Chromium and measures it (boxes as the browser draws them, real fonts). */
async function measure(svg: string): Promise<Measured> {
  const page = await browser.newPage();
  try {
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    return await page.evaluate(() => {
      const root = document.querySelector("svg")!;
      const rootBox = root.getBoundingClientRect();
      // plot area: the union of the data marks, grid lines and axis domains (panels and the room between them count)
      const plot = Array.from(root.querySelectorAll(".role-mark, .role-axis-grid, .role-axis-domain"))
        .map((e) => e.getBoundingClientRect())
        .filter((b) => b.width > 0 || b.height > 0);
      const left = Math.min(...plot.map((b) => b.left));
      const right = Math.max(...plot.map((b) => b.right));
      const texts = Array.from(root.querySelectorAll("text"))
        .filter((t) => (t.textContent ?? "").trim() !== "" && getComputedStyle(t).opacity !== "0")
        .map((t) => ({ text: t.textContent ?? "", box: t.getBoundingClientRect(), rotated: /rotate\((?!0\))/.test(t.getAttribute("transform") ?? "") }));
      const overlaps: string[] = [];
      for (let i = 0; i < texts.length; i++)
        for (let j = i + 1; j < texts.length; j++) {
          const a = texts[i]!;
          const b = texts[j]!;
          if (a.rotated && b.rotated) continue; // angled tick labels: their upright boxes overlap by construction; Vega's labelOverlap thins them
          const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          if (w > 1 && h > 1) overlaps.push(`«${a.text}» / «${b.text}»`);
        }
      const cut = texts.filter((t) => /…\s*$/.test(t.text)).map((t) => t.text);
      const englishAria = Array.from(root.querySelectorAll("[aria-label], [aria-roledescription]"))
        .map((e) => `${e.getAttribute("aria-roledescription") ?? ""} ${e.getAttribute("aria-label") ?? ""}`)
        .filter((s) => /(-axis|legend|Title text|mark container| mark\b|\bscale with\b)/.test(s));
      return { width: rootBox.width, plotWidth: plot.length ? right - left : 0, overlaps, cut, englishAria };
    });
  } finally {
    await page.close();
  }
}

// in English, the chart as its spec function writes it with lang "en" when it can (englishSpecs), else the Norwegian spec
const cases = Object.entries(specs).flatMap(([name, spec]) =>
  (["nb", "en"] as Lang[]).map((lang) => [name, lang, (lang === "en" ? englishSpecs[name as keyof typeof specs] : undefined) ?? spec] as const),
);

describe.each(cases)("chart %s (%s)", (_name, lang, spec) => {
  test("is the page width; the plot area takes at least half; no overlapping text; no label cut with …; accessibility labels in the language", async () => {
    const { svg } = await fitChart(spec, { lang });
    // panels are fitted in whole pixels: within 1 px of the page width
    expect(Math.abs(svgWidth(svg) - PAGE_WIDTH)).toBeLessThanOrEqual(1);
    const m = await measure(svg);
    expect(Math.abs(m.width - PAGE_WIDTH)).toBeLessThanOrEqual(1);
    expect(m.plotWidth).toBeGreaterThanOrEqual(PAGE_WIDTH / 2);
    expect(m.overlaps).toEqual([]);
    expect(m.cut).toEqual([]);
    if (lang === "nb") expect(m.englishAria).toEqual([]);
    else expect(m.englishAria.length).toBeGreaterThan(0);
  });
});

describe("layout rule, by hand", () => {
  test("wrapText(text, width) keeps every line within the width and loses no word", () => {
    const text = "Fra P10 til P90 flytter den resultatet mellom 450\u00a0005 kr og 661\u00a0360 kr, og hver forutsetning flyttes alene";
    const lines = wrapText(text, 200, 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(200);
    expect(lines.join(" ")).toBe(text);
    // numbers with no-break spaces are never split: "450 005" stays on one line
    expect(lines.some((l) => l.includes("450\u00a0005"))).toBe(true);
  });
  test("textWidth measures DejaVu Sans: 'Substitusjonsandel' at 11 px is about 100 px, not Vega's guess 0.8 × 11 × 18 = 158 px", () => {
    const w = textWidth("Substitusjonsandel", 11);
    expect(w).toBeGreaterThan(80);
    expect(w).toBeLessThan(125);
  });
  test("a long subtitle does not set the width: a single view is fitted to the page or the wide width", () => {
    const spec = { mark: "bar", title: { text: "T", subtitle: "x ".repeat(400) }, data: { values: [{ a: 1 }] }, encoding: { x: { field: "a", type: "quantitative" } } } as const;
    const page = layoutSpec(spec, { width: "page" }) as unknown as { width: number; autosize: unknown; title: { subtitle: string[] } };
    expect(page.width).toBe(PAGE_WIDTH);
    expect(page.autosize).toEqual({ type: "fit-x", contains: "padding" });
    expect(page.title.subtitle.length).toBeGreaterThan(1);
    expect((layoutSpec(spec, { width: "wide" }) as unknown as { width: number }).width).toBe(WIDE_WIDTH);
  });
});
