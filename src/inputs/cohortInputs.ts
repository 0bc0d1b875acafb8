/** The cohort projection's named inputs (the scenario's `cohort:` section), as distributions. */
import type { InputDef } from "./inputDef";

export const COHORT_INPUTS: ReadonlyArray<InputDef> = [
  { name: "intakePerYear", label: "Nye introduksjonsleger per år", unit: "leger per år", domain: "count", help: "doctors starting an agreement each year" },
  {
    name: "shareCompleting",
    label: "Andel som fullfører 24 månedsverk",
    unit: "andel",
    domain: "share",
    help: "share of intro doctors who complete two years (24 FTE months) of open practice",
  },
  { name: "yearsToComplete", label: "År fra start til fullført praksis", unit: "år", domain: "count", help: "years from start to 24 FTE months" },
  {
    name: "shareSpecialistGivenCompleted",
    label: "Andel spesialister blant dem som fullfører",
    unit: "andel",
    domain: "share",
    help: "share of those completing who are approved as specialists",
  },
  {
    name: "yearsCompletionToSpecialist",
    label: "År fra fullført praksis til godkjenning",
    unit: "år",
    domain: "count",
    help: "years from completion to specialist approval",
  },
  {
    name: "shareBecomingFastlege",
    label: "Andel som blir fastlege innen 3 år",
    unit: "andel",
    domain: "share",
    help: "share of intro doctors who become fastlege within three years of start",
  },
  { name: "agreementYearsPerDoctor", label: "Avtaleår per lege", unit: "avtaleår", domain: "count", help: "agreement-years each intro doctor uses (cost)" },
];
