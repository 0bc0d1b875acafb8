/** The slot simulation's named inputs (the scenario's `allocation:` section), as distributions drawn per replication. */
import type { InputDef } from "./inputDef";

export const SLOT_INPUTS: ReadonlyArray<InputDef> = [
  {
    name: "recruitFailWithCandidate",
    label: "Mislykket rekruttering, med kandidat",
    unit: "sannsynlighet",
    domain: "share",
    help: "probability that a kommune that named a candidate fails to recruit within the deadline",
  },
  {
    name: "recruitFailWithoutCandidate",
    label: "Mislykket rekruttering, uten kandidat",
    unit: "sannsynlighet",
    domain: "share",
    help: "probability that a kommune without a candidate fails to recruit within the deadline",
  },
  {
    name: "recruitFailPerSentralitetStep",
    label: "Økt risiko per sentralitetsklasse",
    unit: "sannsynlighet per klasse",
    domain: "share",
    help: "added failure probability per sentralitet class above 1 (less central kommuner recruit less easily)",
  },
  {
    name: "monthsToStart",
    label: "Måneder fra vedtak til oppstart",
    unit: "måneder",
    domain: "count",
    help: "months from decision to the first doctor's start, when recruitment succeeds (over 6 months: the slot lapses)",
  },
  { name: "monthsPerDoctor", label: "Måneder per lege", unit: "måneder", domain: "count", help: "calendar months each doctor stays (at least 6 by the rules)" },
  {
    name: "stillingsprosentShare",
    label: "Stillingsprosent",
    unit: "andel",
    domain: "share",
    help: "share of full time of each doctor (the FTE months of a period are capped at 24)",
  },
  {
    name: "chainProbability",
    label: "Ny lege etter forrige",
    unit: "sannsynlighet",
    domain: "share",
    help: "probability that a new doctor follows when one leaves and FTE months remain (else the slot is given back)",
  },
  { name: "monthsBetweenDoctors", label: "Måneder mellom leger", unit: "måneder", domain: "count", help: "months a slot stands idle between two doctors" },
  {
    name: "leaveProbabilityPerDoctor",
    label: "Permisjon per lege",
    unit: "sannsynlighet",
    domain: "share",
    help: "probability that a doctor takes leave (illness, pregnancy, parental leave) that extends the agreement",
  },
  {
    name: "leaveMonths",
    label: "Måneder permisjon",
    unit: "måneder",
    domain: "months",
    help: "months of leave when it happens (the extension is at most 12 months, R05)",
  },
  {
    name: "secondPeriodProbability",
    label: "Sannsynlighet for periode 2",
    unit: "sannsynlighet",
    domain: "share",
    help: "probability that a slot whose first period is used up is granted a second period (2 + 2 years) and goes on",
  },
  {
    name: "reallocationDelayMonths",
    label: "Måneder før ny tildeling",
    unit: "måneder",
    domain: "count",
    help: "months from a slot is freed to a new decision for the next kommune on the waiting list",
  },
  {
    name: "eventSpread",
    label: "Spredning mellom avtaler og leger",
    unit: "andel (±)",
    domain: "share",
    help: "how far each slot's and doctor's own durations and stillingsprosent spread around the replication's value (symmetric triangle, ± this share)",
  },
];
