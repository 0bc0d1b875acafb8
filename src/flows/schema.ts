/**
 * The scenario's `flows:` section: the employment form, the locally agreed amounts (as distributions) and who carries
 * the legekontor's extra costs under each employment form (shares by party that add up to 1).
 */
import { z } from "zod";
import { distSpec } from "../distributions/spec";
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
  /** Who carries practiceCostsNok under each employment form; the fastleger's own share stays with them. */
  costShares: z.strictObject({ naeringsdrivende: costShares, fastlonnet: costShares }),
});

export type FlowsSection = z.infer<typeof flowsSectionSchema>;
