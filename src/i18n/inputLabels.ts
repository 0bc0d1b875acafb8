/**
 * English labels and units of the named inputs, for `--lang en`. The Norwegian label, unit and one-line meaning of
 * each input live with its definition in src/inputs (the catalogues of cost, flows, cohort and slot inputs, a layer
 * above this one); this table gives the English words keyed by the input's name, and test/i18n checks that every
 * input of every catalogue has an entry here and no entry is left over.
 */
import type { Lang } from "./messages";

interface EnglishLabel {
  label: string;
  unit: string;
}

export const INPUT_LABELS_EN: Readonly<Record<string, EnglishLabel>> = {
  // cost (src/inputs/costInputs.ts)
  stillingsprosent: { label: "Stillingsprosent (position size)", unit: "share of full time" },
  clinicalWeeksPerYear: { label: "Clinical weeks per year", unit: "weeks" },
  consultationsPerWeekFullTime: { label: "Consultations per week (full time)", unit: "consultations per week" },
  rampUpMonths: { label: "Ramp-up time", unit: "months" },
  rampUpStartProductivity: { label: "Activity at start", unit: "share of full activity" },
  timeAddOnsPerConsultation: { label: "Time add-ons (2cd) per consultation", unit: "takster per consultation" },
  simpleContactsInPersonPerConsultation: { label: "Simple contacts in person (1ad) per consultation", unit: "takster per consultation" },
  simpleContactsRemotePerConsultation: { label: "Simple contacts by letter/phone (1bd) per consultation", unit: "takster per consultation" },
  labTaksterPerConsultation: { label: "Laboratory takster (1e) per consultation", unit: "takster per consultation" },
  otherRefusjonPerConsultationNok: { label: "Other takster (procedures, tests) per consultation", unit: "NOK refusjon per consultation" },
  lisRefusjonFactor: { label: "LIS adjustment of refusjon per consultation", unit: "factor (1 = as a fastlege without specialist add-on)" },
  exemptEgenandelShare: { label: "Share of egenandeler paid by folketrygden", unit: "share" },
  marginalExemptEgenandelShare: { label: "Share of egenandeler paid by folketrygden, at the margin", unit: "share" },
  substitutionShare: { label: "Substitution share", unit: "share" },
  fastlegeBackfillShare: { label: "Backfill by the fastleger", unit: "share" },
  fastlegeBackfillShareBeforeLifting: { label: "Backfill before the listetak rule was lifted", unit: "share" },
  backfillRampMonths: { label: "Months to full backfill after the lifting", unit: "months" },
  specialistShareHandingOver: { label: "Share of handing-over fastleger who are specialists", unit: "share" },
  patientBase: { label: "Patient base", unit: "listed patients" },
  alisStandardProbability: { label: "Probability of Nasjonal ALIS (standard)", unit: "probability" },
  alisAdditionalProbability: { label: "Probability of Nasjonal ALIS (additional)", unit: "probability" },
  // flows (src/inputs/flowInputs.ts)
  practiceCostsNok: { label: "Extra costs of the legekontor (office, staff, equipment)", unit: "NOK per agreement-year" },
  supervisionCostNok: { label: "The kommune's cost of supervision", unit: "NOK per agreement-year" },
  trainingCostNok: { label: "The kommune's cost of courses and utdanningsplan", unit: "NOK per agreement-year" },
  salaryNokFullTime: { label: "The kommune's salary cost of the intro doctor (full time)", unit: "NOK per year" },
  // cohort (src/inputs/cohortInputs.ts)
  intakePerYear: { label: "New intro doctors per year", unit: "doctors per year" },
  shareCompleting: { label: "Share completing 24 FTE months", unit: "share" },
  yearsToComplete: { label: "Years from start to completed practice", unit: "years" },
  shareSpecialistGivenCompleted: { label: "Share of completers becoming specialists", unit: "share" },
  yearsCompletionToSpecialist: { label: "Years from completed practice to approval", unit: "years" },
  shareBecomingFastlege: { label: "Share becoming fastlege within 3 years", unit: "share" },
  agreementYearsPerDoctor: { label: "Agreement-years per doctor", unit: "agreement-years" },
  // slots (src/inputs/slotInputs.ts)
  recruitFailWithCandidate: { label: "Failed recruitment, with a candidate", unit: "probability" },
  recruitFailWithoutCandidate: { label: "Failed recruitment, without a candidate", unit: "probability" },
  recruitFailPerSentralitetStep: { label: "Added risk per sentralitet class", unit: "probability per class" },
  monthsToStart: { label: "Months from decision to start", unit: "months" },
  monthsPerDoctor: { label: "Months per doctor", unit: "months" },
  stillingsprosentShare: { label: "Stillingsprosent (position size)", unit: "share" },
  chainProbability: { label: "A new doctor after the previous one", unit: "probability" },
  monthsBetweenDoctors: { label: "Months between doctors", unit: "months" },
  leaveProbabilityPerDoctor: { label: "Leave per doctor", unit: "probability" },
  leaveMonths: { label: "Months of leave", unit: "months" },
  secondPeriodProbability: { label: "Probability of a second period", unit: "probability" },
  reallocationDelayMonths: { label: "Months before reallocation", unit: "months" },
  eventSpread: { label: "Spread between agreements and doctors", unit: "share (±)" },
};

/**
 * An input's label in the language: the Norwegian one from its definition (nb), else the English one by its name;
 * an input without an English entry (a data value such as a takst) keeps its Norwegian label.
 */
export function inputLabel(lang: Lang, input: { name: string; label: string }): string {
  return lang === "en" ? (INPUT_LABELS_EN[input.name]?.label ?? input.label) : input.label;
}

/** An input's unit in the language (see inputLabel). */
export function inputUnit(lang: Lang, input: { name: string; unit: string }): string {
  return lang === "en" ? (INPUT_LABELS_EN[input.name]?.unit ?? input.unit) : input.unit;
}
