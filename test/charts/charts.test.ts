// Chart specs are valid Vega-Lite (checked against the published JSON schema), render headless to SVG and PNG, and
// speak Norwegian: number format "500 000", a title that states the finding.
import * as fs from "node:fs";
import Ajv from "ajv";
import { describe, expect, test, vi } from "vitest";
import * as vl from "vega-lite";
import { fitChart, renderSvg, svgToPng } from "../../src/charts/render";
import { englishSpecs, flows, run, specs } from "./catalogue";
import { costFindingTitle } from "../../src/charts/costDistributionChart";
import { flowsFindingTitle } from "../../src/charts/flowsCharts";
import { budgetFindingTitle } from "../../src/charts/budgetChart";
import { comparisonFindingTitle } from "../../src/charts/comparisonChart";
import type { BudgetProjection, BudgetYear } from "../../src/budget/projectBudget";
import type { CostReport } from "../../src/analysis/runCost";
const schema = JSON.parse(fs.readFileSync(require.resolve("vega-lite/build/vega-lite-schema.json"), "utf8"));
const validate = new Ajv({ allowUnionTypes: true, strict: false, validateFormats: false }).compile(schema);

describe.each(Object.entries(specs))("chart %s", (_name, spec) => {
  test("is valid against the Vega-Lite v5 schema and has $schema and a description", () => {
    const ok = validate(spec);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(spec.$schema).toMatch(/vega-lite\/v5/);
    expect(spec.description).toBeTruthy();
  });

  test("renders to SVG with Norwegian number format and to a PNG", async () => {
    const svg = await renderSvg(spec);
    expect(svg).toMatch(/^<svg/);
    const kroner = !["retention", "kohort", "tildeling-region", "tildeling-tidslinje", "sobol", "shapley", "budsjettbane", "budsjett-sammenligning", "regnskap-hendelsesstudie"].includes(_name); // these show percentages, counts, millions or a few thousand kr
    if (kroner) expect(svg).toMatch(/\d{3}\u00a0000/); // e.g. "400 000" on the axis, thousands separated by a no-break space
    else expect(svg).toMatch(/<text[^>]*>\d/); // axis labels are there
    expect(svg).not.toMatch(/\d,\d{3},\d{3}/); // no English thousands separators
    const png = svgToPng(svg, 1);
    expect(Buffer.from(png).subarray(1, 4).toString()).toBe("PNG");
  });
});

test("rendering every chart of the catalogue (and compiling its laid-out spec, as the report and notebooks do) prints no Vega or Vega-Lite warning", async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    for (const [name, spec] of Object.entries(specs))
      for (const lang of ["nb", "en"] as const) {
        const fitted = await fitChart(spec, { lang });
        vl.compile(fitted.spec);
        const said = [...warn.mock.calls, ...error.mock.calls].map((c) => `${name} (${lang}): ${c.map(String).join(" ")}`);
        expect(said).toEqual([]);
      }
  } finally {
    warn.mockRestore();
    error.mockRestore();
  }
});

test("costFindingTitle states where the median lies relative to 500 000 kr", () => {
  const t = costFindingTitle(run.report);
  expect(t).toMatch(/^Median \d{3}\u00a0\d{3}\u00a0kr per avtaleår – (under|over) anslaget på 500\u00a0000\u00a0kr$/);
  expect(t.includes("under")).toBe(run.report.p50 <= 500_000);
});

test("flowsFindingTitle says what the kommune gains or loses under each employment form", () => {
  expect(flowsFindingTitle(flows)).toMatch(/^Kommunen per avtaleår – næringsdrivende lege: (tjener|taper) [\d\u00a0]+\u00a0kr; fastlønnet lege: (tjener|taper) [\d\u00a0]+\u00a0kr$/);
});

test("the cost chart marks 500 000 kr, P50 and P85", () => {
  const layer = (specs.kostnadsfordeling as { layer: Array<{ data: { values: Array<{ x?: number }> } }> }).layer[1]!;
  expect(layer.data.values.map((v) => v.x)).toEqual([500_000, run.report.p50, run.report.p85]);
});

function budgetYear(year: number, p85: number): BudgetYear {
  return { year, prices: "nominal", simulatedMonths: 12, agreementYears: { p10: 1, p50: 1, p90: 1 }, nok: { mean: p85, p10: p85, p50: p85, p85, p90: p85 }, budgetLineNok: 32_700_000, shareAboveLine: 0, fullUse: { agreements: 65, p50: 0, p85: 0 } };
}

test("budgetFindingTitle: under the line in every year (with the peak), or the years over it", () => {
  const b = (p85s: number[]): BudgetProjection => ({ years: p85s.map((p, i) => budgetYear(2023 + i, p)), replications: 1, seed: 1, basis: "nominal", lastPricedDay: "2026-06-30", warnings: [], notes: [] });
  expect(budgetFindingTitle(b([10e6, 16.84e6, 12e6]))).toBe("P85 under bevilgningen på 32,7\u00a0mill.\u00a0kr i alle år; høyest 16,8\u00a0mill.\u00a0kr i 2024");
  expect(budgetFindingTitle(b([10e6, 33e6, 40e6]))).toBe("P85 over bevilgningen på 32,7\u00a0mill.\u00a0kr i 2024, 2025");
});

test("comparisonFindingTitle names the range of medians and how many exceed 500 000 kr", () => {
  const r = (title: string, p50: number) => ({ p50, referenceCostNok: 500_000, scenario: { title } }) as unknown as CostReport;
  expect(comparisonFindingTitle([r("A", 418_654), r("B", 280_392)])).toBe("Median fra 280\u00a0392\u00a0kr til 418\u00a0654\u00a0kr per avtaleår; alle under 500\u00a0000\u00a0kr");
  expect(comparisonFindingTitle([r("A", 418_654.2), r("B", 418_654.4)])).toBe("Samme median i alle scenarioene: 418\u00a0654\u00a0kr per avtaleår; alle under 500\u00a0000\u00a0kr");
  expect(comparisonFindingTitle([r("A", 518_000), r("B", 280_000), r("C", 610_000)])).toBe("Median fra 280\u00a0000\u00a0kr til 610\u00a0000\u00a0kr per avtaleår; 2 av 3 over 500\u00a0000\u00a0kr");
});

/** Words of the Norwegian chart texts that must not appear in a chart laid out in English. */
const NORWEGIAN_WORDS = /avtaleår|Anslag|trekkene|[Ff]orutsetning|Netto merutgift|Andel av|Budsjettår|Mill\. kr|bevilgningen|Inndata på|samspill|Alle scenarioer|Folketrygden|Kommunen|tjener|taper|Virkning|Kroner per|Netto virkning|Bånd|Løpende priser|replikasjoner|Grå stiplet|Søkt|Tildelt|[Ii] bruk|Lyst bånd|taket|Gjennomsnitt|Ingen forskjell|står for|Kroner per år|Å vite|Hva må|Krysset|Fargen|Måneder|Antall leger|Spesialister|kommunen|Alle\b|\d\u00a0kr\b/;

describe.each(Object.entries(englishSpecs))("chart %s in English", (name, spec) => {
  test("its title, subtitle, axes, legend and tooltips are English, numbers in the English format (500,000)", async () => {
    const svg = await renderSvg(spec!, { lang: "en" });
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!).join(" | ");
    // input labels without an English entry (a takst's Norwegian name) may remain; the chart's own words may not
    expect(texts.replace(/Takst [^|]*/g, "")).not.toMatch(NORWEGIAN_WORDS);
    expect(JSON.stringify(spec)).not.toMatch(/"title":"(Netto|Andel|Budsjettår|Mill\. kr|Forutsetning|Scenario «)/);
    if (!["sobol", "budsjett-sammenligning", "budsjettbane", "tildeling-region", "tildeling-tidslinje", "shapley", "iso-kostnad", "retention", "kohort"].includes(name)) expect(texts).toMatch(/\d{1,3},\d{3}/); // "500,000" on an axis
    expect(texts).not.toMatch(/\d\u00a0\d{3}/); // no Norwegian thousands separator
  });
});

test("the English words are those of the catalogue: the cost chart's title is 'Median NOK … per agreement-year – below/above the estimate of NOK 500,000'", () => {
  const t = costFindingTitle(run.report, "en");
  expect(t).toMatch(/^Median NOK\u00a0\d{3},\d{3} per agreement-year – (below|above) the estimate of NOK\u00a0500,000$/);
  expect(t.includes("below")).toBe(run.report.p50 <= 500_000);
});
