/**
 * The cost model's part of a scenario: the agreement-year it prices, the number of agreements for national totals,
 * and every named cost input as a distribution. The scenario schema (scenario/schema.ts) composes this section with
 * the other capabilities' sections; the cost model reads only what is declared here.
 */
import { z } from "zod";
import { distSpec } from "../distributions/spec";
import { COST_INPUT_NAMES } from "../inputs/costInputs";
import { isoDate } from "../time/isoDate";
import type { CorrelationsSection } from "../inputs/correlations";

const inputShape = Object.fromEntries(COST_INPUT_NAMES.map((name) => [name, distSpec])) as Record<string, typeof distSpec>;

/** Fields the cost model owns at the top level of a scenario file. */
export const costSectionShape = {
  /** First day of the agreement-year; takster and rules are looked up for each day of the following 12 months. */
  agreementYearStart: isoDate,
  /** Which year of the agreement (1 = first, with ramp-up). */
  agreementYearIndex: z.number().int().min(1, "agreementYearIndex is 1 for the first agreement-year, 2 for the second …").default(1),
  /** Number of agreements for national totals; default: the cap in data/params/budget/max_agreements.yaml. */
  agreements: z.number().int().min(0, "agreements must be 0 or more").optional(),
  inputs: z.strictObject(inputShape),
};

const _costSection = z.object(costSectionShape);

/**
 * What the cost model reads of a scenario: its name, its cost section and, for the flows, the `flows:` section's
 * distributions (by input name). Any resolved scenario is one.
 */
export type CostScenario = z.infer<typeof _costSection> & { name: string; flows?: object | undefined; correlations?: CorrelationsSection | undefined };
