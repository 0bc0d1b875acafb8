/**
 * What a run of one scenario produces, as results.json holds it and the report, the workbook and the charts read it.
 * The types live here, below the run that fills them and the faces that show them.
 */
import type { SlotSimulation } from "../allocation/simulateSlots";
import type { ObservedUse } from "../allocation/observedUse";
import type { BudgetProjection } from "../budget/projectBudget";
import type { CohortProjection } from "../register/cohort";
import type { CostReport, CostRun } from "../analysis/runCost";
import type { DecisionReport } from "../analysis/runDecision";
import type { FlowsReport } from "../analysis/runFlows";
import type { EmploymentForm } from "../flows/parties";
import type { Manifest } from "../manifest/manifest";

/** The slot simulation as results.json holds it (no per-replication arrays), with the observation it is calibrated to. */
export type AllocationSummary = Omit<SlotSimulation, "activeMonthsByYear" | "doctorsStartingByYear" | "activity" | "steadyIntakeDraws"> & {
  observed?: ObservedUse;
};

export interface RunManifest extends Manifest {
  /** The day the run was made (Europe/Oslo; SOURCE_DATE_EPOCH when set). */
  date: string;
  /** Input files besides the scenario and data/params (applications, policy) with their SHA-256. */
  inputs: Array<{ file: string; sha256: string }>;
}

export interface ScenarioResults {
  scenario: { name: string; title: string; description?: string; file: string; chain: string[] };
  cost: CostReport;
  flows?: Record<EmploymentForm, FlowsReport>;
  allocation?: AllocationSummary;
  budget?: BudgetProjection;
  /** Break-even, iso-cost, value of information and the appraisal view (src/analysis/runDecision.ts). */
  decision?: DecisionReport;
  /** The cohort projection (when the scenario has cohort:), its intake taken from the slot simulation when there is one. */
  cohort?: CohortProjection;
  manifest: RunManifest;
  /** For the command line (English). */
  warnings: string[];
  /** What the report says about the run's limits (Norwegian). */
  notes: string[];
}

export interface ScenarioRun {
  results: ScenarioResults;
  /** Sorted net cost draws, for the distribution chart. */
  sortedNet: Float64Array;
  /** The cost run (net cost in draw order) and the resolved scenario, for paired comparisons (src/run/pairedRuns.ts). */
  paired?: { run: CostRun; scenario: object };
}
