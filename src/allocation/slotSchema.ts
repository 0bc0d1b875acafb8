/**
 * The scenario's optional `allocation:` section: the first round (decision date, applications, policy), the rounds
 * that follow (calendar, demand as distributions, where freed slots go), the horizon, the slot simulation's inputs,
 * the calibration against the observed use, and the regulation of the takster after the last known period.
 */
import { z } from "zod";
import { MAX_SIMULATION_MONTHS } from "../constants";
import { distSpec, type DistSpec } from "../distributions/spec";
import { isoDate } from "../time/isoDate";

/** The scheme started on 1 January 2022 (forskrift; FACTS.md): no round can be decided before. */
export const SCHEME_START = "2022-01-01";

/** The lowest value a distribution can take (−Infinity for normal). */
function lowest(s: DistSpec): number {
  switch (s.type) {
    case "fixed":
      return s.value;
    case "trippelestimat":
      return s.lav;
    case "uniform":
      return s.min;
    case "empirical":
      return Math.min(...s.values);
    case "lognormal":
      return 0;
    case "normal":
      return -Infinity;
  }
}

const demand = (what: string) =>
  distSpec.superRefine((s, ctx) => {
    if (lowest(s) < 0)
      ctx.addIssue({ code: "custom", message: `${what} cannot be negative; give a distribution of 0 or more (not normal, which has no lower end)` });
  });

export const roundsSchema = z
  .strictObject({
    /** Decision dates of the rounds after the first (ISO dates, in order). */
    dates: z.array(isoDate).optional(),
    /** Or: a round on this day every year from this date through the horizon. */
    yearlyFrom: isoDate.optional(),
    /** Kommuner applying in each later round (drawn per round and replication). */
    kommuner: demand("kommuner applying per round"),
    /** Agreements each applying kommune asks for (drawn per kommune). */
    agreementsPerKommune: demand("agreements requested per kommune"),
    /** Where a slot that ends, lapses or is given back goes: the next kommune on the waiting list, or back to the pool for the next round. */
    freedSlots: z.enum(["waitingList", "pool"]).default("waitingList"),
  })
  .superRefine((r, ctx) => {
    if (!r.dates && !r.yearlyFrom) ctx.addIssue({ code: "custom", message: "give the later rounds' dates (dates: [YYYY-MM-DD, …]) or yearlyFrom: YYYY-MM-DD" });
    if (r.dates && r.yearlyFrom) ctx.addIssue({ code: "custom", message: "give either dates or yearlyFrom, not both" });
    r.dates?.forEach((d, k) => {
      if (k > 0 && d <= r.dates![k - 1]!)
        ctx.addIssue({
          code: "custom",
          path: ["dates", k],
          message: `${d} is not after the round before it (${r.dates![k - 1]}); list the rounds in date order`,
        });
    });
  });

export const calibrationSchema = z.strictObject({
  /** Accept a parameter draw when its simulated count of agreements in place on the observation date is within ± band of the observed. */
  band: z.number().int().min(0, "band must be 0 or more"),
  /** Prior draws simulated per accepted draw wanted (replications × this many are simulated). */
  priorDrawsPerReplication: z.number().int().min(1).max(50).default(4),
  /** The inputs tuned to the observation (the rest come from sources or are plain assumptions). */
  fitted: z.array(z.string()).default([]),
});

export const allocationSectionSchema = z
  .strictObject({
    /** Date of the first round's decisions (the 2022 round: application deadline 15 March 2022). */
    decisionDate: isoDate,
    /**
     * The first round's applications (CSV, see data/allocation/) and, optionally, the allocation policy (YAML), as
     * paths relative to the scenario file that names them. `introsim run` simulates the slots and the budget only when given.
     */
    applications: z.string().min(1).optional(),
    policy: z.string().min(1).optional(),
    /** Last year simulated (through 31 December); default 2030. */
    horizon: z.number().int().min(2022, "horizon is a year from 2022").max(2060, "horizon is a year up to 2060").default(2030),
    /** Months simulated from the decision (overrides horizon; for short checks). */
    months: z
      .number()
      .int()
      .min(1, "months must be at least 1")
      .max(MAX_SIMULATION_MONTHS, `months must be at most ${MAX_SIMULATION_MONTHS} (20 years)`)
      .optional(),
    /** Later rounds; absent: only the first round (freed slots go to its waiting list, then are lost). */
    rounds: roundsSchema.optional(),
    calibration: calibrationSchema.optional(),
    /**
     * Yearly regulation of the takster after the last known tariff period (nominal budget years beyond the data). Absent:
     * the latest rate in data/params/regulering/normaltariff.yaml, the assumption the cost model uses (dataRegulation).
     */
    tariffRegulationPerYear: distSpec.optional(),
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
    /** How far each slot's and doctor's own durations and stillingsprosent spread around the replication's value (± share). */
    eventSpread: distSpec.default({ type: "fixed", value: 0.5 }),
  })
  .superRefine((s, ctx) => {
    if (s.decisionDate < SCHEME_START)
      ctx.addIssue({
        code: "custom",
        path: ["decisionDate"],
        message: `${s.decisionDate} is before the scheme started (${SCHEME_START}); rounds start then or later`,
      });
    if (s.horizon < Number(s.decisionDate.slice(0, 4)))
      ctx.addIssue({
        code: "custom",
        path: ["horizon"],
        message: `${s.horizon} is before the first round (${s.decisionDate}); give a year from ${s.decisionDate.slice(0, 4)}`,
      });
    const dates = s.rounds?.dates ?? [];
    dates.forEach((d, k) => {
      if (d < SCHEME_START) ctx.addIssue({ code: "custom", path: ["rounds", "dates", k], message: `${d} is before the scheme started (${SCHEME_START})` });
      else if (d <= s.decisionDate)
        ctx.addIssue({
          code: "custom",
          path: ["rounds", "dates", k],
          message: `${d} is not after the first round (${s.decisionDate}); list the rounds in date order`,
        });
    });
    const y = s.rounds?.yearlyFrom;
    if (y && y <= s.decisionDate)
      ctx.addIssue({
        code: "custom",
        path: ["rounds", "yearlyFrom"],
        message: `${y} is not after the first round (${s.decisionDate}); later rounds come after it`,
      });
  });

export type AllocationSection = z.infer<typeof allocationSectionSchema>;
