/**
 * The scenario file schema (YAML or JSON, comments allowed): every assumption of a run, composed from the sections
 * that the capabilities own (cost/section.ts, flows/schema.ts, register/cohortSchema.ts, allocation/slotSchema.ts). Strict: an unknown key or a
 * missing input is an error. Domain checks (a share in 0–1, a count >= 0) follow in validateScenario.ts, where the
 * message can name the exact field of the distribution.
 */
import { z } from "zod";
import { costSectionShape } from "../cost/section";
import { MAX_DRAWS } from "../constants";
import { flowsSectionSchema } from "../flows/schema";
import { cohortSectionSchema } from "../register/cohortSchema";
import { allocationSectionSchema } from "../allocation/slotSchema";
import { correlationsSectionSchema } from "../inputs/correlations";

export const scenarioSchema = z.strictObject({
  /** Short identifier used for output folders: lower-case letters, digits and dashes. */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "name must be lower-case letters, digits and dashes, e.g. standard-2024"),
  /** Norwegian title for charts and reports. */
  title: z.string().optional(),
  description: z.string().optional(),
  /** Path of a scenario this one inherits from (resolved before validation). */
  extends: z.string().optional(),
  /** The cost model's section: agreement-year, its index, the number of agreements (cost/section.ts). */
  ...costSectionShape,
  draws: z.number().int().min(1, "draws must be at least 1").max(MAX_DRAWS, `draws must be at most ${MAX_DRAWS}`).optional(),
  seed: z
    .number()
    .int()
    .min(0, "seed must be a whole number >= 0")
    .max(2 ** 32 - 1, "seed must be below 2^32")
    .optional(),
  /** Refusjon flows between the parties (employment form, cost sharing); needed by `introsim flows`. */
  flows: flowsSectionSchema.optional(),
  /** Cohort projection for planning (intake and outcomes over years); used by the måloppnåelse notebook. */
  cohort: cohortSectionSchema.optional(),
  /** Slot simulation over time for allocation rounds (introsim allocate --scenario). */
  allocation: allocationSectionSchema.optional(),
  /** Rank correlations between uncertain cost and flow inputs, imposed by Iman–Conover (inputs/correlations.ts). */
  correlations: correlationsSectionSchema.optional(),
});

export type Scenario = z.infer<typeof scenarioSchema>;
