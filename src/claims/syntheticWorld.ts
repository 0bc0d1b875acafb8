/**
 * The synthetic world behind `introsim claims generate`: tuning constants of a made-up claims extract with a known
 * answer. They are NOT facts about the real scheme (those live in data/params and are looked up there: the takster
 * and their dated amounts, the share of fastleger who are specialists, the share of egenandel paid by folketrygden).
 * They are chosen so that the numbers look like a Norwegian extract: a fastlege has about 3 200 consultations a year,
 * an intro doctor about three quarters of that, and the net effect per agreement-year is a few hundred thousand kr.
 *
 * Time effects are proportional (July takes the same share of every doctor's consultations, and the tariff raises every
 * krone alike each 1 July): the parallel-trends assumption the estimator makes, in proportions. Differences in takst mix
 * between specialists and others make it hold only approximately, as in real data.
 */
export const SYNTHETIC_WORLD = {
  /** First calendar month of the extract and its length: 2022-01 … 2025-12, inside the normaltariff's periods. */
  firstMonth: "2022-01-01",
  months: 48,
  /** Agreements start on the first of a month, uniformly from month 12 (2023-01) to month 24 (2024-01): staggered. */
  startMonthMin: 12,
  startMonthMax: 24,
  /** Every agreement lasts 24 months (2 years full time, the rule). */
  agreementMonths: 24,
  /** Share of agreements that chain two intro doctors (12 + 12 months). */
  chainShare: 0.25,
  /** Consultations per fastlege-month on average (≈ 3 200 a year: SSB 2023 / Hdir, derived; see FACTS.md). */
  consultationsPerMonth: 267,
  /** A doctor's level is uniform in 1 ± levelSpread times the average. */
  levelSpread: 0.3,
  /** Seasonal effect by calendar month, a share of each doctor's own level (July holidays, Christmas, Easter). */
  season: [0.05, 0.05, 0.03, -0.04, -0.02, -0.03, -0.4, -0.06, 0.08, 0.07, 0.07, -0.15],
  /** Common trend, share of each doctor's level per month (a growing population). */
  trendPerMonth: 0.0025,
  /** Idiosyncratic doctor-month noise: each doctor-month × (1 ± this share), uniform. */
  noise: 0.06,
  /** Intro doctor at full activity, share of an average fastlege; ramps up from rampStart over rampMonths. */
  introLevel: 0.75,
  rampStart: 0.5,
  rampMonths: 4,
  /** Handing-over fastleger per agreement (uniform integer range). */
  avgivendeMin: 2,
  avgivendeMax: 3,
  /** Each handing-over fastlege's fall in consultations during the agreement, share of their own level (uniform). */
  substitutionShareMin: 0.06,
  substitutionShareMax: 0.14,
  /** Comparison practices per agreement, and fastleger per comparison practice (uniform integer range). */
  comparisonPracticesPerAgreement: 1,
  comparisonDoctorsMin: 2,
  comparisonDoctorsMax: 4,
  /** Fewest agreements in a world; below the rows this needs, each row stands for several takst uses. */
  minAgreements: 30,
  /** Patients per list-holding doctor in a practice's pool (pseudonymous patient ids). */
  patientsPerList: 1000,
  /** Takst uses per consultation (a non-specialist's mix; specialists add 2dd to every consultation). */
  taksterPerConsultation: { "2ad": 1, "2cd": 0.35, "1ad": 0.2, "1bd": 0.9, "1e": 0.25 } as Record<string, number>,
  specialistTakst: "2dd",
  /** Kommuner the practices are spread over (real kommunenr, synthetic practices). */
  kommuner: ["0301", "4601", "5001", "1103", "3301", "1806", "5401", "3403", "4204", "1508"],
} as const;

/**
 * Switches for worlds that break the estimator's assumptions the way real extracts do (`claims generate --world`).
 * All default to off (the clean world above). Each adjusts truth.json by construction: the truth is computed from the
 * world's expected consultations, never from the estimator.
 */
export interface WorldSwitches {
  /** Share of comparison fastleger who stop practising during the extract (at a month drawn uniformly from month 12 to the end). */
  attrition: number;
  /** Write each doctor's active period (active_from / active_to) into doctors.parquet; else the estimator infers them. */
  writePeriods: boolean;
  /** Months before the formal start when the hand-over begins (the handing-over fastleger's fall starts then; truth counts it). */
  anticipationMonths: number;
  /** Handing-over fastleger busier by this share in the `dipMonths` months before the start (an Ashenfelter dip; not an effect). */
  preStartDip: number;
  dipMonths: number;
  /** Extra trend of hosting practices' doctors, share of level per month (a differential trend: part of the counterfactual). */
  hostTrendPerMonth: number;
  /** Kommune-level trends: each kommune's extra trend is uniform in ± this share per month. */
  kommuneTrendSpread: number;
  /** Effects that differ by cohort: substitution share × (1 + cohortEffect · (start − middle start) / half the start range). */
  cohortEffect: number;
  /** Share of intro doctors who billed folketrygden before the agreement (vikar, legevakt), at `priorLevel` of a fastlege, for `priorMonths` months. */
  priorShare: number;
  priorLevel: number;
  priorMonths: number;
  /** Lab takst uses per consultation (code `labTakst`, unknown to the normaltariff), priced at `labRefusjonNok`. */
  labPerConsultation: number;
}

export const CLEAN_WORLD: WorldSwitches = {
  attrition: 0,
  writePeriods: false,
  anticipationMonths: 0,
  preStartDip: 0,
  dipMonths: 6,
  hostTrendPerMonth: 0,
  kommuneTrendSpread: 0,
  cohortEffect: 0,
  priorShare: 0,
  priorLevel: 0.3,
  priorMonths: 12,
  labPerConsultation: 0,
};

/** The lab takst of the unknown-takst world: a code outside data/params/normaltariff, with a made-up refusjon (synthetic, not a fact). */
export const LAB_TAKST = { code: "701a", refusjonNok: 60 } as const;

/** The named worlds of the issue-14 bench (`claims generate --world NAME`), each one switch away from clean. */
export const NAMED_WORLDS: Record<string, Partial<WorldSwitches>> = {
  clean: {},
  attrition: { attrition: 0.2 },
  "attrition-periods": { attrition: 0.2, writePeriods: true },
  anticipation: { anticipationMonths: 3 },
  "pre-start-dip": { preStartDip: 0.08, dipMonths: 6 },
  "host-trend": { hostTrendPerMonth: 0.002 },
  "kommune-trends": { kommuneTrendSpread: 0.002 },
  "cohort-effects": { cohortEffect: 0.5 },
  "prior-billing": { priorShare: 1, priorLevel: 0.3, priorMonths: 12 },
  "unknown-takster": { labPerConsultation: 0.3 },
};
