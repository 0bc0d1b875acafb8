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
export { buildManifest, scenarioHash, type Manifest } from "./manifest/manifest";
export { COST_INPUTS, COST_INPUT_NAMES } from "./inputs/costInputs";
export type { InputDef, InputDomain } from "./inputs/inputDef";
export { buildCostProblem, type CostProblem } from "./cost/costProblem";
export { evaluateCostChunk, COST_COMPONENTS, type CostComponent } from "./cost/costKernel";
export { runDeterministic, type CostComponents } from "./cost/deterministic";
export { runMonteCarlo } from "./cost/monteCarlo";
export { runCost, assumptionsTable, sobolFactors, type CostReport, type CostRun, type AssumptionRow } from "./analysis/runCost";
export { topDownCheck, type TopDownCheck } from "./cost/topDown";
export { reconcileRefusjon, MIX_TOLERANCE, type Reconciliation, type ReconciliationRow } from "./cost/reconciliation";
export { exemptEgenandelShares, defaultExemptShares, loadEgenandelPopulation, type PatientGroup, type ExemptShares } from "./cost/exemptShares";
export { resolveTakst, extendTakstEntries, type TakstTerms } from "./cost/resolveTakst";
export { takstMixPerConsultation, backfillRampAverage } from "./cost/costKernel";
export { summarise, shareAboveSorted, sortedCopy, type DistributionSummary } from "./stats/summarise";
export { histogramSorted } from "./stats/histogram";
export { tornado, type TornadoRow } from "./analysis/tornado";
export { rankCorrelations } from "./analysis/rankCorrelation";
export { renderSvg, svgToPng, renderChart, chartFiles, writeRenderedChart, writeChart, type ChartSpec, type RenderedChart } from "./charts/render";
export { costDistributionSpec, costFindingTitle } from "./charts/costDistributionChart";
export { tornadoSpec } from "./charts/tornadoChart";
export { BASE_CONFIG, COLORS, NORWEGIAN_LOCALE } from "./charts/theme";
export { formatNok, formatMillNok, formatPercent, formatNumber, formatDate, formatDateLong } from "./format/norwegian";
export { htmlTable, escapeHtml } from "./report/htmlTable";
export type { Table } from "./format/table";
export {
  summaryTable,
  decompositionTable,
  assumptionsTableView,
  driversTable,
  topDownTable,
  reconciliationTable,
  exemptSharesTable,
} from "./report/costTables";
export { PACKAGE_ROOT, DATA_DIR, SCENARIOS_DIR, CHARTS_DIR } from "./io/paths";
export { PARTIES, PARTY_LABELS, EMPLOYMENT_FORMS, EMPLOYMENT_LABELS, type Party, type EmploymentForm } from "./flows/parties";
export { FLOW_INPUTS } from "./inputs/flowInputs";
export { flowTemplates, FLOW_KINDS, FLOW_KIND_LABELS, type FlowTemplate } from "./flows/ledgerTemplates";
export { ledgerRows, netByPartyOre, toOre, type FlowRow } from "./flows/ledger";
export { runFlows, flowLedgers, type FlowsReport, type PartyEffectSummary } from "./analysis/runFlows";
export { partyEffectByKind, type EffectStep } from "./flows/partyEffect";
export { partyEffectsSpec, partyWaterfallSpec, flowsFindingTitle } from "./charts/flowsCharts";
export { partyEffectsTable, ledgerTable } from "./report/flowsTables";
export { REGISTER_COLUMNS, type RegisterRow } from "./register/columns";
export { readRegister, parseRegisterCsv, type RegisterFile } from "./register/readRegister";
export { loadRuleCatalogue, RULE_CODES, type RuleCatalogue, type RuleCode } from "./register/ruleCatalogue";
export { checkRules, type Violation } from "./register/checkRules";
export { validateRegister, type ValidationReport } from "./register/validateRegister";
export { kaplanMeier, survivalAt, type KaplanMeierStep, type SurvivalObservation } from "./stats/kaplanMeier";
export { aalenJohansen, cumulativeIncidenceAt, type AalenJohansenStep, type CompetingObservation } from "./stats/aalenJohansen";
export { wilsonInterval, type ShareInterval } from "./stats/wilsonInterval";
export {
  registerIndicators,
  indicatorValues,
  doctorRecords,
  slotUtilisation,
  latestDate,
  afterAgreement,
  compareSpecialists,
  type IndicatorsReport,
  type IndicatorValues,
  type DoctorRecord,
  type AfterAgreement,
  type Comparison,
  type ComparisonResult,
} from "./register/indicators";
export { readComparison, parseComparisonCsv } from "./register/readComparison";
export { schemeGoals, positionCodes, specialistSchemeCodes, type SchemeGoal } from "./register/referenceLists";
export { incidenceCurves, type IncidencePoint } from "./register/incidenceCurves";
export { helseregionOf, HELSEREGIONER } from "./register/helseregion";
export { projectCohorts, type CohortProjection, type CohortYear } from "./register/cohort";
export { COHORT_INPUTS } from "./inputs/cohortInputs";
export { SLOT_INPUTS } from "./inputs/slotInputs";
export { INPUT_LABELS_EN, inputLabel, inputUnit } from "./i18n/inputLabels";
export { LANGS, DEFAULT_LANG, type Lang } from "./i18n/messages";
export { numberFormats, type NumberFormats } from "./format/localeNumbers";
export { retentionCurves, type CurvePoint } from "./register/retentionCurve";
export { retentionSpec, cohortSpec, incidenceSpec, afterAgreementSpec } from "./charts/registerCharts";
export { indicatorsTable, validationSummaryTable, cohortTable, afterAgreementTable, goalsTable, workloadTable, workloadSummary } from "./report/registerTables";
export { fastlegeWorkload, type FastlegeWorkload } from "./register/fastlegeWorkload";
export { readApplications, parseApplicationsCsv, type Application } from "./allocation/applications";
export { allocateRound, rankApplications, priorityScore, grantLimit, type AllocationDecision, type AllocationResult } from "./allocation/allocateRound";
export { DEFAULT_POLICY, readPolicy, policySchema, type AllocationPolicy } from "./allocation/policy";
export { simulateSlots, slotRules, horizonMonths, type SlotSimulation, type SlotLife, type SlotCalibration } from "./allocation/simulateSlots";
export { slotRunFacts } from "./allocation/slotFacts";
export { grantedByRegionSpec, slotTimelineSpec, slotFindingTitle } from "./charts/allocationCharts";
export { sobolIndices, type SobolFactor, type SobolIndex } from "./analysis/sobol";
// Scenarios, budget, report and exports (introsim run)
export { observedInUse, type ObservedUse } from "./allocation/observedUse";
export { runScenario, type RunScenarioOptions } from "./run/runScenario";
export type { ScenarioRun, ScenarioResults, RunManifest, AllocationSummary } from "./results/scenarioResults";
export { scenarioCharts, type CatalogueEntry } from "./run/scenarioCharts";
export { scenarioOutputFiles, comparisonOutputFiles } from "./run/runOutputs";
export { toDataFrame, frameColumns, type FrameKind, type FrameSources, type FrameColumns } from "./export/dataFrames";
export { showChart, chartBundle, VEGALITE_MIME, type MimeBundle } from "./charts/display";
export { layoutSpec, type LayoutOptions } from "./charts/layout";
export { fitChart } from "./charts/render";
export {
  projectBudget,
  spellsActivity,
  CORRELATION_LABELS,
  INDIVIDUAL_INPUTS,
  type BudgetProjection,
  type BudgetYear,
  type Correlation,
} from "./budget/projectBudget";
export { budgetMethodText } from "./budget/budgetText";
export { lastPricedDay } from "./budget/priceCoverage";
export { budgetPathSpec, budgetFindingTitle } from "./charts/budgetChart";
export { scenarioComparisonSpec, budgetComparisonSpec, comparisonFindingTitle } from "./charts/comparisonChart";
export { sobolSpec } from "./charts/sobolChart";
export { runSubtitle, comparisonSubtitle, withRunContext } from "./charts/subtitle";
export { scenarioSheets, comparisonSheet, budgetSheet } from "./export/resultSheets";
export { sheetTable, type Sheet } from "./export/sheet";
export { sheetCsv } from "./export/csv";
export { workbookBytes } from "./export/xlsx";
export { scenarioReportHtml, comparisonReportHtml } from "./report/reportHtml";
export { meaningParagraphs } from "./report/meaning";
export { runDate } from "./time/runDate";

// Regnskapstall (claims)
export {
  CLAIM_COLUMNS,
  DOCTOR_COLUMNS,
  DOCTOR_ROLES,
  REJECTION_REASONS,
  doctorRow,
  type ColumnSpec,
  type DoctorRow,
  type DoctorRole,
  type RejectionReason,
} from "./claims/schema";
export { validateClaims, firstRowsText, type ClaimsValidation, type FlaggedTakst, type RejectionCount } from "./claims/validateClaims";
export { generateClaims, type ClaimsTruth, type GenerateOptions } from "./claims/generateClaims";
export { SYNTHETIC_WORLD, CLEAN_WORLD, NAMED_WORLDS, LAB_TAKST, type WorldSwitches } from "./claims/syntheticWorld";
export {
  estimateNetCost,
  type ClaimsEstimate,
  type EstimateOptions,
  type EventCoefficient,
  type GroupEstimate,
  type NetInterval,
  type PreTrendCheck,
  type Sensitivity,
} from "./claims/estimateNetCost";
export type { JointPreTrendTest, SensitivityBound } from "./claims/preTrend";
export type { PeriodReport } from "./claims/sufficientStats";
export { compareWithHod, type Interval, type ReferenceComparison, type SimulationComparison } from "./claims/compareWithHod";
export { compareWithSimulation, estimateWithSimulation } from "./analysis/compareWithSimulation";
export { publishedClaimsTable, type PublishedCell } from "./claims/publishedTable";
export { tariffPeriods, type TariffPeriod } from "./claims/tariffTable";
export {
  eventStudySpec,
  estimateVsReferenceSpec,
  sensitivityBoundsSpec,
  claimsFindingTitle,
  preTrendSentenceNb,
  headlineWarningNb,
} from "./charts/claimsCharts";
export { runDecision, DEFAULT_ISO_COST_INPUTS, type DecisionReport, type DecisionOptions } from "./analysis/runDecision";
export { breakEven, type BreakEvenResult, type BreakEvenRow } from "./analysis/breakEven";
export { isoCost, type IsoCostResult } from "./analysis/isoCost";
export { evpi, evppi, type EvppiEstimate } from "./analysis/evppi";
export { valueOfInformation, DEFAULT_VOI_GROUPS, type VoiResult, type VoiRow, type LossWeights } from "./analysis/valueOfInformation";
export { appraise, appraisalRates, presentValue, annuityFactor, type AppraisalResult, type AppraisalRow } from "./analysis/appraisal";
export { costModel, type CostModel } from "./analysis/costModel";
export { breakEvenSheet, voiSheet, appraisalSheet, discountSensitivitySheet, decisionSheets } from "./export/appraisalSheet";
export { isoCostSpec } from "./charts/breakEvenCharts";
export { voiSpec } from "./charts/voiChart";

// Correlated uncertainty, paired comparisons, precision and the audit trail (issue 19).
export { correlationTarget, correlationsSectionSchema, type CorrelationTarget, type CorrelationsSection } from "./inputs/correlations";
export { imposeRankCorrelation, planRankCorrelation } from "./distributions/imanConover";
export { nearestCorrelationMatrix, spearmanToPearson } from "./distributions/correlationMatrix";
export { shapleyEffects, type ShapleyEffect, type ShapleyResult } from "./analysis/shapley";
export { comparePaired, pairedDraws, scenarioDifferences, type PairedComparison, type DifferenceRow } from "./analysis/pairedComparison";
export { monteCarloPrecision, percentilePrecision, type MonteCarloPrecision, type FigurePrecision } from "./analysis/precision";
export { exportCostDraws, readDrawsMetadata, costResultsHash, type DrawsMetadata } from "./analysis/drawsExport";
export { replayCostRun } from "./analysis/replay";
export { shapleySpec } from "./charts/shapleyChart";
export { differenceSpec } from "./charts/differenceChart";
export { precisionTableView, correlationsTableView, shapleyTableView, pairedComparisonTableView, differencesTableView } from "./report/uncertaintySection";
