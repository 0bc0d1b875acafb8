// Every chart the toolkit draws, built from real runs (small draws) and a hand-made regnskapstall estimate: the
// catalogue that test/charts/charts.test.ts (schema, Norwegian format) and layout.test.ts (layout in Chromium) walk.
import { costDistributionSpec } from "../../src/charts/costDistributionChart";
import { tornadoSpec } from "../../src/charts/tornadoChart";
import { partyEffectsSpec, partyWaterfallSpec } from "../../src/charts/flowsCharts";
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
import { runCost } from "../../src/analysis/runCost";
import { loadScenario } from "../../src/scenario/loadScenario";
import { realParams, STANDARD } from "../helpers";
import { runScenario } from "../../src/run/runScenario";
import { sobolSpec } from "../../src/charts/sobolChart";
import { budgetPathSpec } from "../../src/charts/budgetChart";
import { budgetComparisonSpec, scenarioComparisonSpec } from "../../src/charts/comparisonChart";
import { estimateVsReferenceSpec, eventStudySpec } from "../../src/charts/claimsCharts";
import type { ClaimsEstimate, EventCoefficient } from "../../src/claims/estimateNetCost";
import type { ChartSpec } from "../../src/charts/render";
import { shapleySpec } from "../../src/charts/shapleyChart";
import { differenceSpec } from "../../src/charts/differenceChart";
import { isoCostSpec } from "../../src/charts/breakEvenCharts";
import { voiSpec } from "../../src/charts/voiChart";
import { comparePaired, pairedDraws } from "../../src/analysis/pairedComparison";
import { runDecision } from "../../src/analysis/runDecision";

const params = realParams();
export const run = runCost(loadScenario(STANDARD, params).scenario, params, { draws: 20_000, seed: 1 });
const scenario = loadScenario(STANDARD, params).scenario;
const register = readRegister(path.join(__dirname, "../../data/register/synthetic-agreements.csv"));
export const flows = (["naeringsdrivende", "fastlonnet"] as const).map((employment) => runFlows(scenario, params, { employment, draws: 2000, seed: 1 }));
const curves = retentionCurves(doctorRecords(register.rows, "2026-11-15"), "2026-11-15", (d) => d.helseregion);
const cohorts = projectCohorts(scenario, run.net, { draws: 2000, seed: 1 });
const allocation = allocationSpecs();
const uncertainty = uncertaintySpecs();
/** The two scenario runs, made once (runSpecs) for the charts in both languages. */
let runs: ReturnType<typeof scenarioRuns> | undefined;
export const specs = {
  kostnadsfordeling: costDistributionSpec(run.report, run.sortedNet),
  tornado: tornadoSpec(run.report),
  "strommer-parter": partyEffectsSpec(flows),
  "strommer-kommunen": partyWaterfallSpec(flows, "kommune"),
  retention: retentionSpec(curves, "test"),
  kohort: cohortSpec(cohorts, "test"),
  ...allocation.nb,
  ...runSpecs(),
  ...claimsSpecs(),
  ...uncertainty.nb,
};

/**
 * The charts whose words are in the catalogue src/i18n/chartMessages.ts, built with lang "en" (the layout test lays
 * these out in English; the others are laid out in English from their Norwegian spec: locale and accessibility labels).
 */
export const englishSpecs: Partial<Record<keyof typeof specs, ChartSpec>> = {
  kostnadsfordeling: costDistributionSpec(run.report, run.sortedNet, "en"),
  tornado: tornadoSpec(run.report, "en"),
  "strommer-parter": partyEffectsSpec(flows, "en"),
  "strommer-kommunen": partyWaterfallSpec(flows, "kommune", "en"),
  ...allocation.en,
  ...uncertainty.en,
  retention: retentionSpec(curves, "test", "en"),
  kohort: cohortSpec(cohorts, "test", "en"),
  ...runSpecs("en"),
};

/** The regnskapstall charts on a hand-made estimate (the fields the charts read; figures like a 1 M-line extract). */
function claimsSpecs() {
  const coefficient = (e: number): EventCoefficient => {
    const estimate = e < 0 ? 40 * Math.sin(e) : -7_000 + 300 * Math.cos(e);
    return { e, estimate, ci95: [estimate - 900, estimate + 900], agreements: 30 };
  };
  const eventStudy = Array.from({ length: 36 }, (_, i) => coefficient(i - 12));
  const estimate = {
    netCostPerAgreementYear: { estimate: 368_000, ci95: [342_000, 394_000] as [number, number], ci95Superpopulation: [330_000, 406_000] as [number, number] },
    eventStudy,
    preTrend: {
      months: 12,
      coefficients: eventStudy.filter((c) => c.e < 0),
      slopeNokPerMonth: { estimate: 3, ci95: [-40, 45] as [number, number] },
      coefficientsExcludingZero: 0,
      parallelTrendsPlausible: true,
      statement: "",
      joint: null,
      linear: null,
      alpha: { joint: 0.01, linear: 0.02 },
    },
    agreements: { included: 30, excluded: [] },
    reference: { hodEstimateNok: 500_000, position: "above-interval" as const, statement: "" },
    simulation: { scenario: "standard", scenarioHash: "", draws: 20_000, seed: 1, p10: 280_000, p50: 420_000, p90: 610_000, percentileRank: 0.3, insideP10P90: true, statement: "" },
    manifest: { bootstrap: 999 },
    design: { baselineMonths: 12, anticipationMonths: 0, periodGapMonths: 0, intervalPopulation: "agreements" },
  } satisfies Pick<ClaimsEstimate, "netCostPerAgreementYear" | "eventStudy" | "preTrend" | "agreements" | "reference" | "simulation" | "design"> & {
    manifest: Pick<ClaimsEstimate["manifest"], "bootstrap">;
  };
  const r = estimate as unknown as ClaimsEstimate;
  return { "regnskap-hendelsesstudie": eventStudySpec(r, "test"), "regnskap-mot-hod": estimateVsReferenceSpec(r, "test") };
}

/** Two full runs (the standard scenario and a part-time variant), made once for both languages. */
function scenarioRuns() {
  const loaded = loadScenario(STANDARD, params);
  const a = runScenario(loaded, params, { draws: 5000, seed: 1, replications: 200, sobolSamples: 512, date: "2026-11-23" }).results;
  const b = runScenario({ ...loaded, scenario: { ...loaded.scenario, name: "deltid", title: "Deltid", inputs: { ...loaded.scenario.inputs, stillingsprosent: { type: "fixed" as const, value: 0.6 } } } }, params, { draws: 5000, seed: 1, replications: 200, sobolSamples: 0, date: "2026-11-23" }).results;
  return { a, b };
}

function runSpecs(lang?: "en") {
  const { a, b } = (runs ??= scenarioRuns());
  if (lang)
    return {
      sobol: sobolSpec(a.cost, lang),
      budsjettbane: budgetPathSpec(a.budget!, "test", lang),
      sammenligning: scenarioComparisonSpec([a.cost, b.cost], "test", lang),
      "budsjett-sammenligning": budgetComparisonSpec([{ title: "A", budget: a.budget! }, { title: "B", budget: b.budget! }], "test", lang),
    };
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
  const round = allocateRound(apps, DEFAULT_POLICY, 65);
  const observed = { date: "2023-08-25", inPlace: 34, source: "Hdir" };
  const charts = (lang?: "en") => ({
    "tildeling-region": grantedByRegionSpec(round, "test", lang),
    "tildeling-tidslinje": slotTimelineSpec(sim, "test", observed, lang),
  });
  return { nb: charts(), en: charts("en") };
}

/** The charts of correlated inputs, paired comparisons and the decision section (small runs). */
function uncertaintySpecs() {
  const scenarios = path.join(__dirname, "../../data/scenarios");
  const correlated = loadScenario(path.join(scenarios, "korrelert.yaml"), params).scenario;
  const shapley = runCost(correlated, params, { draws: 2000, seed: 1, shapley: 20 });
  const partTime = loadScenario(path.join(scenarios, "deltid-60.yaml"), params).scenario;
  const partTimeRun = runCost(partTime, params, { draws: 20_000, seed: 1 });
  const decision = runDecision(scenario, params, { draws: 2000, parts: { breakEven: false, isoCost: true, voi: true, appraisal: false } });
  const paired = comparePaired(run, partTimeRun, scenario, partTime);
  const difference = pairedDraws(run, partTimeRun).sort();
  const charts = (lang?: "en") => ({
    "strommer-fastleger": partyWaterfallSpec(flows, "fastleger", lang),
    shapley: shapleySpec(shapley.report, lang),
    parvis: differenceSpec(paired, difference, lang),
    "iso-kostnad": isoCostSpec(decision.isoCost!, decision.scenario.title, lang),
    "verdi-av-informasjon": voiSpec(decision.voi!, decision.scenario.title, lang),
  });
  return { nb: charts(), en: charts("en") };
}
