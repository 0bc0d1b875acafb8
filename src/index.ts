/**
 * introsim: the library behind the CLI, the notebooks and the reports. Notebooks import from here:
 *   import { loadParams, loadScenario, runCost } from "introsim";
 */
export * from "./constants";
export { UserError, isUserError } from "./errors/userError";
export { loadParams, type ParamSet } from "./params/loadParams";
export { entryAt, entriesOverSpan, scalarAt, fixedScalarAt, takstFile, scalarFile } from "./params/lookup";
export * from "./distributions/spec";
export { quantileFunction, centralValue, pertShape, normalFrom90 } from "./distributions/quantile";
export { createSampler, fastQuantile, uniformStream } from "./distributions/sampler";
export { scenarioSchema, type Scenario } from "./scenario/schema";
export { loadScenario, parseScenario, type LoadedScenario } from "./scenario/loadScenario";
export { buildManifest, scenarioHash, type Manifest } from "./scenario/manifest";
export { COST_INPUTS, COST_INPUT_NAMES, type CostInputDef } from "./cost/inputs";
export { buildCostProblem, type CostProblem } from "./cost/costProblem";
export { evaluateCostChunk, COST_COMPONENTS, type CostComponent } from "./cost/costKernel";
export { runDeterministic, type CostComponents } from "./cost/deterministic";
export { runMonteCarlo } from "./cost/monteCarlo";
export { runCost, assumptionsTable, type CostReport, type CostRun, type AssumptionRow } from "./cost/runCost";
export { topDownCheck, type TopDownCheck } from "./cost/topDown";
export { summarise, shareAboveSorted, sortedCopy, type DistributionSummary } from "./analysis/summarise";
export { histogramSorted } from "./analysis/histogram";
export { tornado, type TornadoRow } from "./analysis/tornado";
export { rankCorrelations } from "./analysis/rankCorrelation";
export { renderSvg, svgToPng, renderChart, chartFiles, writeRenderedChart, writeChart, type ChartSpec, type RenderedChart } from "./charts/render";
export { costDistributionSpec, costFindingTitle } from "./charts/costDistributionChart";
export { tornadoSpec } from "./charts/tornadoChart";
export { BASE_CONFIG, COLORS, NORWEGIAN_LOCALE } from "./charts/theme";
export { formatNok, formatMillNok, formatPercent, formatNumber } from "./format/norwegian";
export { htmlTable, escapeHtml, type Table } from "./report/htmlTable";
export { summaryTable, decompositionTable, assumptionsTableView, driversTable, topDownTable } from "./report/costTables";
export { PACKAGE_ROOT, DATA_DIR, SCENARIOS_DIR, CHARTS_DIR } from "./io/paths";
export { PARTIES, PARTY_LABELS, EMPLOYMENT_FORMS, EMPLOYMENT_LABELS, type Party, type EmploymentForm } from "./flows/parties";
export { FLOW_INPUTS } from "./flows/flowInputs";
export { flowTemplates, FLOW_KINDS, FLOW_KIND_LABELS, type FlowTemplate } from "./flows/ledgerTemplates";
export { ledgerRows, netByPartyOre, toOre, type FlowRow } from "./flows/ledger";
export { runFlows, flowLedgers, type FlowsReport, type PartyEffectSummary } from "./flows/runFlows";
