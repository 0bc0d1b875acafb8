/**
 * The scenario's `flows:` section: the employment form, the locally agreed amounts (as distributions) and who carries
 * the legekontor's extra costs under each employment form (shares by party that add up to 1).
 */
import { z } from "zod";
import { distSpec, fixed } from "../distributions/spec";
import { COST_SHARING_PARTIES, EMPLOYMENT_FORMS } from "./parties";

/** Tolerance when checking that cost shares add up to 1 (shares are written with a few decimals). */
const SHARE_SUM_TOLERANCE = 1e-9;

const allowedParties: ReadonlyArray<string> = COST_SHARING_PARTIES;

const costShares = z
  .record(z.string(), z.number().finite().min(0, "a cost share must be 0 or more").max(1, "a cost share must be at most 1"))
  .superRefine((shares, ctx) => {
    for (const party of Object.keys(shares)) {
      if (!allowedParties.includes(party))
        ctx.addIssue({ code: "custom", path: [party], message: `"${party}" cannot share the legekontor's costs; allowed: ${COST_SHARING_PARTIES.join(", ")}` });
    }
    const sum = Object.values(shares).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) ctx.addIssue({ code: "custom", message: `the shares add up to ${sum}; they must add up to 1` });
  })
  .transform((shares) => shares as Partial<Record<(typeof COST_SHARING_PARTIES)[number], number>>);

export const flowsSectionSchema = z.strictObject({
  /** Employment form used when the command line does not choose one. */
  employment: z.enum(EMPLOYMENT_FORMS, { error: () => `employment must be one of ${EMPLOYMENT_FORMS.join(", ")}` }).default("naeringsdrivende"),
  practiceCostsNok: distSpec,
  salaryNokFullTime: distSpec,
  /** The kommune's supervision and training costs per agreement-year (absent in older files: 0, i.e. not counted). */
  supervisionCostNok: distSpec.default(fixed(0)),
  trainingCostNok: distSpec.default(fixed(0)),
  /**
   * The counterfactual for the ALIS grant: true when the doctor would have had an ALIS agreement in the kommune
   * anyway (for example a doctor in other general-practice work, the scheme's main purpose), so the Nasjonal ALIS
   * grant and the kommune's supervision and training costs are in both ledgers and do not change with the agreement.
   */
  alisCounterfactual: z.boolean({ error: () => "alisCounterfactual must be true or false" }).default(false),
  /** Who carries practiceCostsNok under each employment form; the fastleger's own share stays with them. */
  costShares: z.strictObject({ naeringsdrivende: costShares, fastlonnet: costShares }),
});

export type FlowsSection = z.infer<typeof flowsSectionSchema>;
