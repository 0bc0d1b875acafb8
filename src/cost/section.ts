/**
 * The cost model's part of a scenario: the agreement-year it prices, the number of agreements for national totals,
 * and every named cost input as a distribution. The scenario schema (scenario/schema.ts) composes this section with
 * the other capabilities' sections; the cost model reads only what is declared here.
 */
import { z } from "zod";
import { distSpec, fixed, type DistSpec } from "../distributions/spec";
import { COST_INPUT_NAMES } from "../inputs/costInputs";
import { isoDate } from "../time/isoDate";
import type { CorrelationsSection } from "../inputs/correlations";

/**
 * Inputs added after the first scenario files were written, with the value that switches their effect off (the model as
 * it was before them), so older scenario files still load: no LIS adjustment, no backfill before the listetak lifting,
 * backfill at its long-run share at once. A missing marginalExemptEgenandelShare takes the value of exemptEgenandelShare.
 */
export const NEUTRAL_COST_INPUTS: Readonly<Record<string, number>> = {
  lisRefusjonFactor: 1,
  fastlegeBackfillShareBeforeLifting: 0,
  backfillRampMonths: 0,
};
const MARGINAL_EXEMPT = "marginalExemptEgenandelShare";

const inputShape = Object.fromEntries(
  COST_INPUT_NAMES.map((name) => {
    const neutral = NEUTRAL_COST_INPUTS[name];
    if (neutral !== undefined) return [name, distSpec.default(fixed(neutral))];
    return [name, name === MARGINAL_EXEMPT ? distSpec.optional() : distSpec];
  }),
) as Record<string, typeof distSpec>;

/** Which exempt share the cost uses for the intro doctor's extra consultations (see src/cost/exemptShares.ts). */
export const EXEMPT_SHARE_BASES = ["marginal", "average"] as const;

/** Fields the cost model owns at the top level of a scenario file. */
export const costSectionShape = {
  /** First day of the agreement-year; takster and rules are looked up for each day of the following 12 months. */
  agreementYearStart: isoDate,
  /** Which year of the agreement (1 = first, with ramp-up). */
  agreementYearIndex: z.number().int().min(1, "agreementYearIndex is 1 for the first agreement-year, 2 for the second …").default(1),
  /** Number of agreements for national totals; default: the cap in data/params/budget/max_agreements.yaml. */
  agreements: z.number().int().min(0, "agreements must be 0 or more").optional(),
  inputs: z.strictObject(inputShape).transform((inputs) => {
    const all = inputs as Record<string, DistSpec | undefined>;
    return { ...all, [MARGINAL_EXEMPT]: all[MARGINAL_EXEMPT] ?? all.exemptEgenandelShare } as Record<string, DistSpec>;
  }),
  /**
   * marginal (default): folketrygden's share of an extra consultation's egenandel (marginalExemptEgenandelShare);
   * average: the share of all egenandeler it pays (exemptEgenandelShare), as in the national accounts.
   */
  exemptShareBasis: z.enum(EXEMPT_SHARE_BASES, { error: () => `exemptShareBasis must be one of ${EXEMPT_SHARE_BASES.join(", ")}` }).default("marginal"),
};

const _costSection = z.object(costSectionShape);

/**
 * What the cost model reads of a scenario: its name, its cost section and, for the flows, the `flows:` section's
 * distributions (by input name). Any resolved scenario is one.
 */
export type CostScenario = z.infer<typeof _costSection> & { name: string; flows?: object | undefined; correlations?: CorrelationsSection | undefined };
