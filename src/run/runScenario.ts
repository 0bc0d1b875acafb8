/**
 * One scenario, every analysis: the cost per agreement-year (Monte Carlo, tornado, Sobol), the refusjon flows for both
 * employment forms, the slot simulation over time and the national budget projection by year. `introsim run`, the
 * report and the gallery notebook all call this, so they show the same numbers.
 *
 *   scenario -> runCost (+ Sobol) -> runFlows × employment forms (when flows:) -> simulateSlots (when allocation:
 *   names the applications) -> projectBudget -> ScenarioResults (JSON-ready) + the draws charts need
 */
import { runDecision } from "../analysis/runDecision";
import * as fs from "node:fs";
import * as path from "node:path";
import type { AllocationSummary, RunManifest, ScenarioRun } from "../results/scenarioResults";
import { UserError } from "../errors/userError";
import { displayPath } from "../io/paths";
import { readApplications } from "../allocation/applications";
import { DEFAULT_POLICY, parsePolicy } from "../allocation/policy";
import { EVENTS_ONLY_REPLICATIONS, simulateSlots, slotRules } from "../allocation/simulateSlots";
import { observedInUse } from "../allocation/observedUse";
import { projectBudget, type BudgetProjection } from "../budget/projectBudget";
import { MIN_RECOMMENDED_DRAWS, RUN_REPLICATIONS, RUN_SOBOL_SAMPLES } from "../constants";
import { fewDrawsWarning, runCost } from "../analysis/runCost";
import { formatNumber } from "../format/norwegian";
import { EMPLOYMENT_FORMS, type EmploymentForm } from "../flows/parties";
import { runFlowsForms, type FlowsReport } from "../analysis/runFlows";
import type { MonteCarloResult } from "../cost/monteCarlo";
import type { ParamSet } from "../params/loadParams";
import { fixedScalarAt } from "../params/lookup";
import { loadRuleCatalogue } from "../register/ruleCatalogue";
import { projectCohorts } from "../register/cohort";
import type { LoadedScenario } from "../scenario/loadScenario";
import { scenarioFilePath } from "../scenario/loadScenario";
import { runDate } from "../time/runDate";
import { readText } from "../io/readText";
import { sha256 } from "../io/sha256";

export interface RunScenarioOptions {
  draws?: number;
  seed?: number;
  /** Sobol samples N (default RUN_SOBOL_SAMPLES; 0 for none). */
  sobolSamples?: number;
  /** Replications of the slot simulation and budget (default RUN_REPLICATIONS). */
  replications?: number;
  /** Price the budget at the tariff of this date (fixed prices); default nominal kroner. */
  fixedPriceDate?: string;
  /** Last year of the slot simulation and budget (default: the scenario's allocation.horizon, 2030). */
  horizon?: number;
  /** The run date for the manifest and subtitles (default: runDate()). */
  date?: string;
  onProgress?: (done: number, total: number) => void;
}

export function runScenario(loaded: LoadedScenario, params: ParamSet, opts: RunScenarioOptions = {}): ScenarioRun {
  const { scenario } = loaded;
  const common = { draws: opts.draws, seed: opts.seed, file: loaded.source.file, overrides: loaded.overrides };
  // One set of draws: the flows' Monte Carlo (both employment forms) also gives the cost run its draws.
  let costDraws: MonteCarloResult | undefined;
  const flowReports = scenario.flows
    ? runFlowsForms(scenario, params, EMPLOYMENT_FORMS, { ...common, onProgress: opts.onProgress, onCostDraws: (mc) => (costDraws = mc) })
    : undefined;
  const cost = runCost(scenario, params, {
    ...common,
    sobolSamples: opts.sobolSamples ?? RUN_SOBOL_SAMPLES,
    ...(costDraws ? { monteCarlo: costDraws } : { onProgress: opts.onProgress }),
  });
  const seed = cost.report.seed;
  const warnings = [...cost.report.warnings];
  const notes: string[] = [];
  if (fewDrawsWarning(cost.problem, cost.report.draws))
    notes.push(
      `Bare ${formatNumber(cost.report.draws, 0)} trekk: P85 og P90 er ustabile under ${formatNumber(MIN_RECOMMENDED_DRAWS, 0)}. Bruk minst så mange trekk for tall som skal publiseres.`,
    );
  const flows = flowReports ? (Object.fromEntries(flowReports.map((r) => [r.employment, r])) as Record<EmploymentForm, FlowsReport>) : undefined;

  const inputs: RunManifest["inputs"] = [];
  let allocation: AllocationSummary | undefined;
  let budget: BudgetProjection | undefined;
  let intake: Float64Array | undefined;
  const section = scenario.allocation;
  if (section?.applications) {
    for (const field of ["applications", "policy"] as const) {
      const f = section[field];
      if (f && !fs.existsSync(scenarioFilePath(f)))
        throw new UserError(
          "scenario",
          `${loaded.file}: allocation.${field}`,
          `"${f}" not found (looked for ${displayPath(scenarioFilePath(f))}); the path is relative to the scenario file that names it`,
        );
    }
    const apps = readApplications(scenarioFilePath(section.applications));
    inputs.push({ file: section.applications, sha256: apps.sha256 });
    let policy = DEFAULT_POLICY;
    if (section.policy) {
      const text = readText(scenarioFilePath(section.policy), "io"); // read once: parsed and hashed for the manifest
      policy = parsePolicy(text, displayPath(scenarioFilePath(section.policy)));
      inputs.push({ file: section.policy, sha256: sha256(text) });
    }
    const replications = opts.replications ?? RUN_REPLICATIONS;
    const cap = scenario.agreements ?? policy.cap ?? fixedScalarAt(params, "budget/max_agreements", section.decisionDate);
    const rules = slotRules(loadRuleCatalogue(), fixedScalarAt(params, "rules/min_stillingsprosent", section.decisionDate));
    const observed = observedInUse(params);
    const horizon = opts.horizon ?? section.horizon;
    const sim = simulateSlots(apps.applications, policy, cap, { ...section, horizon }, rules, {
      replications,
      seed,
      eventsOnlyReplications: EVENTS_ONLY_REPLICATIONS,
      ...(observed ? { observed } : {}),
    });
    const { activeMonthsByYear: _a, doctorsStartingByYear: _d, activity, steadyIntakeDraws, ...summary } = sim;
    intake = steadyIntakeDraws;
    allocation = { ...summary, ...(observed ? { observed } : {}) };
    budget = projectBudget(scenario, params, activity, {
      seed,
      fixedPriceDate: opts.fixedPriceDate,
      ...(section.tariffRegulationPerYear ? { regulation: section.tariffRegulationPerYear } : {}),
    });
    warnings.push(...budget.warnings);
    notes.push(...budget.notes);
  } else if (section) {
    warnings.push("the allocation section names no applications file (allocation.applications): no slot simulation or budget projection");
    notes.push("Scenarioet har ingen søknadsfil (allocation.applications): ingen tildelingssimulering og ingen budsjettbane.");
  }

  // The cohort projection takes its intake (doctors starting per year) from the slot simulation when there is one.
  const cohort = scenario.cohort
    ? projectCohorts(scenario, cost.net, {
        draws: Math.min(cost.net.length, intake?.length ?? opts.replications ?? RUN_REPLICATIONS),
        seed,
        ...(intake ? { intake } : {}),
      })
    : undefined;

  const decision = runDecision(scenario, params, { seed, ...(cohort ? { cohort } : {}) });

  const manifest: RunManifest = {
    ...cost.report.manifest,
    ...(opts.fixedPriceDate ? { options: { ...(cost.report.manifest.options ?? {}), fixedPrices: opts.fixedPriceDate } } : {}),
    date: opts.date ?? runDate(),
    inputs,
  };
  return {
    results: {
      scenario: {
        name: scenario.name,
        title: scenario.title ?? scenario.name,
        ...(scenario.description ? { description: scenario.description.trim() } : {}),
        file: loaded.file,
        chain: loaded.chain.map((f) => f.split(path.sep).join("/")),
      },
      cost: cost.report,
      ...(flows ? { flows } : {}),
      ...(allocation ? { allocation } : {}),
      ...(budget ? { budget } : {}),
      decision,
      ...(cohort ? { cohort } : {}),
      manifest,
      warnings: [...new Set(warnings)],
      notes,
    },
    sortedNet: cost.sortedNet,
    paired: { run: cost, scenario },
  };
}
