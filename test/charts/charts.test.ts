// Chart specs are valid Vega-Lite (checked against the published JSON schema), render headless to SVG and PNG, and
// speak Norwegian: number format "500 000", a title that states the finding.
import * as fs from "node:fs";
import Ajv from "ajv";
import { describe, expect, test } from "vitest";
import { costDistributionSpec, costFindingTitle } from "../../src/charts/costDistributionChart";
import { tornadoSpec } from "../../src/charts/tornadoChart";
import { flowsFindingTitle, partyEffectsSpec, partyWaterfallSpec } from "../../src/charts/flowsCharts";
import { runFlows } from "../../src/analysis/runFlows";
import { cohortSpec, retentionSpec } from "../../src/charts/registerCharts";
import { retentionCurves } from "../../src/register/retentionCurve";
import { doctorRecords } from "../../src/register/indicators";
import { readRegister } from "../../src/register/readRegister";
import { projectCohorts } from "../../src/register/cohort";
import * as path from "node:path";
import { readApplications } from "../../src/allocation/applications";
import { allocateRound } from "../../src/allocation/allocateRound";
import { DEFAULT_POLICY } from "../../src/allocation/policy";
import { simulateSlots, slotRules } from "../../src/allocation/simulateSlots";
import { loadRuleCatalogue } from "../../src/register/ruleCatalogue";
import { grantedByRegionSpec, slotTimelineSpec } from "../../src/charts/allocationCharts";
import { renderSvg, svgToPng } from "../../src/charts/render";
import { runCost } from "../../src/analysis/runCost";
import { loadScenario } from "../../src/scenario/loadScenario";
import { realParams, STANDARD } from "../helpers";
import { runScenario } from "../../src/run/runScenario";
import { sobolSpec } from "../../src/charts/sobolChart";
import { budgetFindingTitle, budgetPathSpec } from "../../src/charts/budgetChart";
import { budgetComparisonSpec, comparisonFindingTitle, scenarioComparisonSpec } from "../../src/charts/comparisonChart";
import type { BudgetProjection, BudgetYear } from "../../src/budget/projectBudget";
import type { CostReport } from "../../src/analysis/runCost";
import { estimateVsReferenceSpec, eventStudySpec } from "../../src/charts/claimsCharts";
import type { ClaimsEstimate, EventCoefficient } from "../../src/claims/estimateNetCost";

const params = realParams();
const run = runCost(loadScenario(STANDARD, params).scenario, params, { draws: 20_000, seed: 1 });
const scenario = loadScenario(STANDARD, params).scenario;
const register = readRegister(path.join(__dirname, "../../data/register/synthetic-agreements.csv"));
const flows = (["naeringsdrivende", "fastlonnet"] as const).map((employment) => runFlows(scenario, params, { employment, draws: 2000, seed: 1 }));
const specs = {
  kostnadsfordeling: costDistributionSpec(run.report, run.sortedNet),
  tornado: tornadoSpec(run.report),
  "strommer-parter": partyEffectsSpec(flows),
  "strommer-kommunen": partyWaterfallSpec(flows, "kommune"),
  retention: retentionSpec(retentionCurves(doctorRecords(register.rows, "2026-11-15"), "2026-11-15", (d) => d.helseregion), "test"),
  kohort: cohortSpec(projectCohorts(scenario, run.net, { draws: 2000, seed: 1 }), "test"),
  ...allocationSpecs(),
  ...runSpecs(),
  ...claimsSpecs(),
};

/** The regnskapstall charts on a hand-made estimate (the fields the charts read; figures like a 1 M-line extract). */
function claimsSpecs() {
  const coefficient = (e: number): EventCoefficient => {
    const estimate = e < 0 ? 40 * Math.sin(e) : -7_000 + 300 * Math.cos(e);
    return { e, estimate, ci95: [estimate - 900, estimate + 900], agreements: 30 };
  };
  const eventStudy = Array.from({ length: 36 }, (_, i) => coefficient(i - 12));
  const estimate = {
    netCostPerAgreementYear: { estimate: 368_000, ci95: [342_000, 394_000] as [number, number] },
    eventStudy,
    preTrend: {
      months: 12,
      coefficients: eventStudy.filter((c) => c.e < 0),
      slopeNokPerMonth: { estimate: 3, ci95: [-40, 45] as [number, number] },
      coefficientsExcludingZero: 0,
      parallelTrendsPlausible: true,
      statement: "",
    },
    agreements: { included: 30, excluded: [] },
    reference: { hodEstimateNok: 500_000, position: "above-interval" as const, statement: "" },
    simulation: { scenario: "standard", scenarioHash: "", draws: 20_000, seed: 1, p10: 280_000, p50: 420_000, p90: 610_000, percentileRank: 0.3, insideP10P90: true, statement: "" },
    manifest: { bootstrap: 999 },
  } satisfies Pick<ClaimsEstimate, "netCostPerAgreementYear" | "eventStudy" | "preTrend" | "agreements" | "reference" | "simulation"> & { manifest: Pick<ClaimsEstimate["manifest"], "bootstrap"> };
  const r = estimate as unknown as ClaimsEstimate;
  return { "regnskap-hendelsesstudie": eventStudySpec(r, "test"), "regnskap-mot-hod": estimateVsReferenceSpec(r, "test") };
}

function runSpecs() {
  const loaded = loadScenario(STANDARD, params);
  const a = runScenario(loaded, params, { draws: 5000, seed: 1, replications: 200, sobolSamples: 512, date: "2026-11-23" }).results;
  const b = runScenario({ ...loaded, scenario: { ...loaded.scenario, name: "deltid", title: "Deltid", inputs: { ...loaded.scenario.inputs, stillingsprosent: { type: "fixed" as const, value: 0.6 } } } }, params, { draws: 5000, seed: 1, replications: 200, sobolSamples: 0, date: "2026-11-23" }).results;
  return {
    sobol: sobolSpec(a.cost),
    budsjettbane: budgetPathSpec(a.budget!, "test"),
    sammenligning: scenarioComparisonSpec([a.cost, b.cost], "test"),
    "budsjett-sammenligning": budgetComparisonSpec([{ title: "A", budget: a.budget! }, { title: "B", budget: b.budget! }], "test"),
  };
}

function allocationSpecs() {
  const apps = readApplications(path.join(__dirname, "../../data/allocation/synthetic-applications-2022.csv")).applications;
  const sim = simulateSlots(apps, DEFAULT_POLICY, 65, scenario.allocation!, slotRules(loadRuleCatalogue(), 0.5), { replications: 200, seed: 1 });
  return {
    "tildeling-region": grantedByRegionSpec(allocateRound(apps, DEFAULT_POLICY, 65), "test"),
    "tildeling-tidslinje": slotTimelineSpec(sim, "test", { date: "2023-08-25", inPlace: 34, source: "Hdir" }),
  };
}
const schema = JSON.parse(fs.readFileSync(require.resolve("vega-lite/build/vega-lite-schema.json"), "utf8"));
const validate = new Ajv({ allowUnionTypes: true, strict: false }).compile(schema);

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
    const kroner = !["retention", "kohort", "tildeling-region", "tildeling-tidslinje", "sobol", "budsjettbane", "budsjett-sammenligning", "regnskap-hendelsesstudie"].includes(_name); // these show percentages, counts, millions or a few thousand kr
    if (kroner) expect(svg).toMatch(/\d{3}\u00a0000/); // e.g. "400 000" on the axis, thousands separated by a no-break space
    else expect(svg).toMatch(/<text[^>]*>\d/); // axis labels are there
    expect(svg).not.toMatch(/\d,\d{3},\d{3}/); // no English thousands separators
    const png = svgToPng(svg, 1);
    expect(Buffer.from(png).subarray(1, 4).toString()).toBe("PNG");
  });
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
