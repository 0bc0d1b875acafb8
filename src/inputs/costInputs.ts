/**
 * The catalogue of the cost model's named inputs: what each means, its unit, its Norwegian label for tables and
 * charts, the values it may take, and which takst (if any) it counts per consultation. A scenario must give every
 * input here (as a distribution); `--set name=value` may override any of them.
 */

import type { InputDef } from "./inputDef";

export const COST_INPUTS: ReadonlyArray<InputDef> = [
  {
    name: "stillingsprosent",
    label: "Stillingsprosent",
    unit: "andel av full stilling",
    domain: "stillingsprosent",
    help: "the intro doctor's position as a share of full time (the rules require at least 50 %)",
  },
  {
    name: "clinicalWeeksPerYear",
    label: "Kliniske uker per år",
    unit: "uker",
    domain: "weeks",
    help: "weeks per year with patient work (after holidays, courses, leave)",
  },
  {
    name: "consultationsPerWeekFullTime",
    label: "Konsultasjoner per uke (full stilling)",
    unit: "konsultasjoner per uke",
    domain: "count",
    help: "consultations (takst 2ad) per clinical week at full time once up to speed",
  },
  {
    name: "rampUpMonths",
    label: "Opptrappingstid",
    unit: "måneder",
    domain: "months",
    help: "months until the intro doctor reaches full activity (first agreement-year only)",
  },
  {
    name: "rampUpStartProductivity",
    label: "Aktivitet ved start",
    unit: "andel av full aktivitet",
    domain: "share",
    help: "activity in the first month as a share of full activity; rises linearly over the ramp-up",
  },
  {
    name: "timeAddOnsPerConsultation",
    label: "Tidstillegg (2cd) per konsultasjon",
    unit: "takster per konsultasjon",
    domain: "count",
    takst: "2cd",
    help: "time add-ons 2cd billed per consultation",
  },
  {
    name: "simpleContactsInPersonPerConsultation",
    label: "Enkel kontakt ved oppmøte (1ad) per konsultasjon",
    unit: "takster per konsultasjon",
    domain: "count",
    takst: "1ad",
    help: "simple contacts in person (1ad) per consultation",
  },
  {
    name: "simpleContactsRemotePerConsultation",
    label: "Enkel kontakt skriftlig/telefon (1bd) per konsultasjon",
    unit: "takster per konsultasjon",
    domain: "count",
    takst: "1bd",
    help: "simple contacts by phone, letter or electronically (1bd) per consultation",
  },
  {
    name: "labTaksterPerConsultation",
    label: "Laboratorietakster (1e) per konsultasjon",
    unit: "takster per konsultasjon",
    domain: "count",
    takst: "1e",
    help: "laboratory takster per consultation, priced as 1e (a lab visit; the representative lab takst in data/)",
  },
  {
    name: "otherRefusjonPerConsultationNok",
    label: "Andre takster (prosedyrer, analyser) per konsultasjon",
    unit: "kr refusjon per konsultasjon",
    domain: "amount",
    help: "refusjon from other takster (procedures, analyses, certificates) per consultation, in the agreement-year's prices",
  },
  {
    name: "lisRefusjonFactor",
    label: "LIS-justering av refusjon per konsultasjon",
    unit: "faktor (1 = som en fastlege uten spesialisttillegg)",
    domain: "count",
    help: "the intro doctor's refusjon per consultation relative to the calibrated fastlege mix without the specialist add-on (a LIS may bill longer consultations and fewer procedures)",
  },
  {
    name: "exemptEgenandelShare",
    label: "Andel egenandeler folketrygden betaler",
    unit: "andel",
    domain: "share",
    help: "share of egenandeler that folketrygden pays (frikort, children under 16, other exemptions)",
  },
  {
    name: "marginalExemptEgenandelShare",
    label: "Andel egenandeler folketrygden betaler, på marginen",
    unit: "andel",
    domain: "share",
    help: "share of the egenandel of one EXTRA consultation that folketrygden pays: children and other exemptions, plus patients who reach the egenandelstak in the year (src/cost/exemptShares.ts); used when exemptShareBasis is marginal",
  },
  {
    name: "substitutionShare",
    label: "Substitusjonsandel",
    unit: "andel",
    domain: "share",
    help: "share of the intro doctor's activity that the handing-over fastleger would otherwise have done themselves",
  },
  {
    name: "fastlegeBackfillShare",
    label: "Tilbakefylling hos fastlegene",
    unit: "andel",
    domain: "share",
    help: "share of the freed fastlege capacity refilled with new billed activity in the long run after the listetak rule was lifted",
  },
  {
    name: "fastlegeBackfillShareBeforeLifting",
    label: "Tilbakefylling før listetaket ble åpnet",
    unit: "andel",
    domain: "share",
    help: "share of the freed fastlege capacity refilled while the listetak rule was in force (more consultations with the patients already on the list: the rule capped list size, not activity)",
  },
  {
    name: "backfillRampMonths",
    label: "Måneder til full tilbakefylling etter åpningen",
    unit: "måneder",
    domain: "months",
    help: "months after the listetak rule was lifted until the fastleger reach the long-run backfill share (linear rise from the share before the lifting)",
  },
  {
    name: "specialistShareHandingOver",
    label: "Andel avgivende fastleger som er spesialister",
    unit: "andel",
    domain: "share",
    help: "share of the handing-over fastleger's consultations that carry the specialist add-on 2dd",
  },
  {
    name: "patientBase",
    label: "Pasientgrunnlag",
    unit: "listeinnbyggere",
    domain: "count",
    help: "patients on the lists the intro doctor works on (the rules recommend at least 800)",
  },
  {
    name: "alisStandardProbability",
    label: "Sannsynlighet for Nasjonal ALIS (standard)",
    unit: "sannsynlighet",
    domain: "share",
    help: "probability that the kommune receives Nasjonal ALIS standard elements for the intro doctor",
  },
  {
    name: "alisAdditionalProbability",
    label: "Sannsynlighet for Nasjonal ALIS (tillegg)",
    unit: "sannsynlighet",
    domain: "share",
    help: "probability that the kommune receives the additional elements for recruitment-weak kommuner",
  },
];

export const COST_INPUT_NAMES: ReadonlyArray<string> = COST_INPUTS.map((d) => d.name);

export function costInputDef(name: string): InputDef | undefined {
  return COST_INPUTS.find((d) => d.name === name);
}
