/**
 * The words of the decision sheets (break-even, value of information, appraisal, discount-rate sensitivity) in
 * bokmål and English: the workbook and the report use bokmål; `introsim breakeven --lang en` prints them in English.
 * Amounts come in formatted by the caller.
 */
import type { Lang } from "./messages";

export interface DecisionSheetText {
  notInRange: string;
  breakEvenTitle(target: string): string;
  breakEvenHeaders: [string, string, string, string, string, string, string];
  voiTitle(years: number): string;
  voiHeaders: [string, string, string, string, string, string];
  evpiRow: string;
  group: string;
  input: string;
  otherInputs(n: number): string;
  appraisalTitle(years: number, rate: string, priceYear: number): string;
  appraisalHeaders: [string, string, string, string, string, string, string];
  appraisalParty: Record<string, string>;
  discountTitle: string;
  discountHeaders: [string, string, string];
}

const NB: DecisionSheetText = {
  notInRange: "ikke innenfor spennet",
  breakEvenTitle: (target) => `Break-even: verdien hver forutsetning må ha for at kostnaden per avtaleår skal bli ${target}`,
  breakEvenHeaders: ["Forutsetning", "Enhet", "Sentralverdi", "Spenn fra", "Spenn til", "Break-even, øvrige sentrale", "Break-even, P50 over øvrige"],
  voiTitle: (years) => `Verdi av informasjon for valg av budsjettpost (kr per år og over ${years} år, neddiskontert)`,
  voiHeaders: ["Inndata eller gruppe", "Type", "Verdi per år (kr)", "Verdi over horisonten (kr)", "Andel av EVPI", "Forklart varians (R²)"],
  evpiRow: "Perfekt informasjon om alt (EVPI)",
  group: "gruppe (EVPPI)",
  input: "inndata (EVPPI)",
  otherInputs: (n) => `Øvrige ${n} forutsetninger (endrer ikke valget)`,
  appraisalTitle: (years, rate, priceYear) => `Samfunnsøkonomisk kostnad: nåverdi over ${years} år, ${rate} kalkulasjonsrente, faste ${priceYear}-kroner`,
  appraisalHeaders: [
    "Part",
    "Årlig kostnad P50 (kr)",
    "Nåverdi P50 (kr)",
    "Nåverdi P85 (kr)",
    "Skattefinansieringskostnad, forventet (kr)",
    "Nåverdi inkl. skattefinansiering P50 (kr)",
    "Nåverdi inkl. skattefinansiering P85 (kr)",
  ],
  appraisalParty: {},
  discountTitle: "Følsomhet for kalkulasjonsrenten: offentlige parter samlet, nåverdi inkl. skattefinansieringskostnad",
  discountHeaders: ["Kalkulasjonsrente", "Nåverdi P50 (kr)", "Nåverdi P85 (kr)"],
};

const EN: DecisionSheetText = {
  notInRange: "not within the range",
  breakEvenTitle: (target) => `Break-even: the value each input must take for the cost per agreement-year to be ${target}`,
  breakEvenHeaders: ["Input", "Unit", "Central value", "Range from", "Range to", "Break-even, others central", "Break-even, P50 over the others"],
  voiTitle: (years) => `Value of information for the choice of budget line (NOK per year and over ${years} years, discounted)`,
  voiHeaders: ["Input or group", "Kind", "Value per year (NOK)", "Value over the horizon (NOK)", "Share of EVPI", "Variance explained (R²)"],
  evpiRow: "Perfect information about everything (EVPI)",
  group: "group (EVPPI)",
  input: "input (EVPPI)",
  otherInputs: (n) => `The other ${n} inputs (do not change the choice)`,
  appraisalTitle: (years, rate, priceYear) => `Cost to society: present value over ${years} years, ${rate} discount rate, fixed ${priceYear} kroner`,
  appraisalHeaders: [
    "Party",
    "Annual cost P50 (NOK)",
    "Present value P50 (NOK)",
    "Present value P85 (NOK)",
    "Cost of tax financing, expected (NOK)",
    "Present value incl. tax financing P50 (NOK)",
    "Present value incl. tax financing P85 (NOK)",
  ],
  appraisalParty: {
    folketrygden: "Folketrygden (net refusjon)",
    staten: "The state (Nasjonal ALIS grant)",
    kommune: "The kommuner",
    offentlig: "Public parties together",
  },
  discountTitle: "Sensitivity to the discount rate: public parties together, present value incl. the cost of tax financing",
  discountHeaders: ["Discount rate", "Present value P50 (NOK)", "Present value P85 (NOK)"],
};

const TEXT: Record<Lang, DecisionSheetText> = { nb: NB, en: EN };

/** The decision sheets' words in a language. */
export function decisionSheetText(lang: Lang): DecisionSheetText {
  return TEXT[lang];
}
