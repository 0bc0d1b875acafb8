/** The scenario's optional `cohort:` section: a planning projection of intake and outcomes over some years. */
import { z } from "zod";
import { distSpec } from "../distributions/spec";

export const cohortSectionSchema = z.strictObject({
  startYear: z.number().int().min(2022, "startYear is a calendar year from 2022"),
  years: z.number().int().min(1, "years must be at least 1").max(30, "years must be at most 30"),
  intakePerYear: distSpec,
  shareCompleting: distSpec,
  yearsToComplete: distSpec,
  shareSpecialistGivenCompleted: distSpec,
  yearsCompletionToSpecialist: distSpec,
  shareBecomingFastlege: distSpec,
  agreementYearsPerDoctor: distSpec,
});

export type CohortSection = z.infer<typeof cohortSectionSchema>;
