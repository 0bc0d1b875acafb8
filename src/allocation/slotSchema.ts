/** The scenario's optional `allocation:` section: the decision date, the horizon and the slot simulation's inputs. */
import { z } from "zod";
import { distSpec } from "../distributions/spec";
import { isoDate } from "../time/isoDate";

export const allocationSectionSchema = z.strictObject({
  /** Date of the round's decisions (the 2022 round: application deadline 15 March 2022). */
  decisionDate: isoDate,
  /**
   * The round's applications (CSV, see data/allocation/) and, optionally, the allocation policy (YAML), as paths
   * relative to the scenario file that names them. `introsim run` simulates the slots and the budget only when given.
   */
  applications: z.string().min(1).optional(),
  policy: z.string().min(1).optional(),
  /** Months simulated from the decision. */
  months: z.number().int().min(1, "months must be at least 1").max(240, "months must be at most 240"),
  recruitFailWithCandidate: distSpec,
  recruitFailWithoutCandidate: distSpec,
  recruitFailPerSentralitetStep: distSpec,
  monthsToStart: distSpec,
  monthsPerDoctor: distSpec,
  stillingsprosentShare: distSpec,
  chainProbability: distSpec,
  monthsBetweenDoctors: distSpec,
  leaveProbabilityPerDoctor: distSpec,
  leaveMonths: distSpec,
  secondPeriodProbability: distSpec,
  reallocationDelayMonths: distSpec,
});

export type AllocationSection = z.infer<typeof allocationSectionSchema>;
