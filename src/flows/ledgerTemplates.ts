/**
 * The rows of the two ledgers (with the agreement, and the counterfactual without it) as templates: who pays whom, of
 * what kind, and how the amount follows from the cost model's activity for one draw. One set of templates serves the
 * deterministic ledger in øre (src/flows/ledger.ts) and the Monte Carlo of each party's net effect.
 *
 * With the agreement (R = the intro doctor if næringsdrivende, the kommune if fastlønnet: who bills Helfo):
 *   folketrygden -> R          refusjon for the intro doctor's activity; egenandel for exempt patients and frikort
 *   pasienter -> R             egenandel from the other patients
 *   folketrygden, pasienter -> fastleger   the same for the activity the fastleger refill (backfill) in freed time
 *   kommune -> fastleger       basistilskudd, kept in full
 *   staten -> kommune          Nasjonal ALIS (expected: probability × maximum)
 *   fastleger -> andre         the legekontor's extra running costs (office, staff, equipment)
 *   P -> fastleger             each party's agreed share of those costs (costShares)
 *   kommune -> introduksjonslege  salary × stillingsprosent (fastlønnet only)
 *   kommune -> fastleger       supervision (the veileder); kommune -> andre: courses and the utdanningsplan
 * With flows.alisCounterfactual (the doctor would have had an ALIS agreement anyway) the ALIS grant, supervision and
 * courses are in the ledger without the agreement as well, so they do not change with it.
 * Without the agreement: the fastleger do the substituted activity themselves (refusjon and egenandeler to them),
 * basistilskudd as before; the unmet activity does not happen.
 */
import type { CostComponentArrays } from "../cost/costKernel";
import { formatNok, formatNumber } from "../format/norwegian";
import type { EmploymentForm, Party } from "./parties";
import type { FlowsSection } from "./schema";

export const FLOW_KINDS = [
  "refusjon",
  "egenandel_fritak",
  "egenandel_pasient",
  "basistilskudd",
  "nasjonal_alis",
  "driftsutgifter",
  "kostnadsdeling",
  "lonn",
  "veiledning",
  "utdanning",
] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

export const FLOW_KIND_LABELS: Readonly<Record<FlowKind, string>> = {
  refusjon: "Refusjon",
  egenandel_fritak: "Egenandel betalt av folketrygden (fritak, frikort)",
  egenandel_pasient: "Egenandel betalt av pasienten",
  basistilskudd: "Basistilskudd",
  nasjonal_alis: "Nasjonal ALIS-tilskudd",
  driftsutgifter: "Driftsutgifter (kontor, personell, utstyr)",
  kostnadsdeling: "Andel av driftsutgiftene",
  lonn: "Lønn",
  veiledning: "Veiledning (kommunen betaler veilederen)",
  utdanning: "Kurs og utdanningsplan",
};

/** Short labels for chart axes. */
export const FLOW_KIND_SHORT_LABELS: Readonly<Record<FlowKind, string>> = {
  refusjon: "Refusjon",
  egenandel_fritak: "Egenandel (fritak)",
  egenandel_pasient: "Egenandel (pasient)",
  basistilskudd: "Basistilskudd",
  nasjonal_alis: "Nasjonal ALIS",
  driftsutgifter: "Driftsutgifter",
  kostnadsdeling: "Kostnadsdeling",
  lonn: "Lønn",
  veiledning: "Veiledning",
  utdanning: "Kurs",
};

/** The values a template reads for draw i: the kernel's outputs (with flow detail) and three input columns. */
export interface FlowSources {
  out: Required<CostComponentArrays>;
  practiceCostsNok: Float64Array;
  salaryNokFullTime: Float64Array;
  stillingsprosent: Float64Array;
  supervisionCostNok: Float64Array;
  trainingCostNok: Float64Array;
}

export interface FlowTemplate {
  ledger: "with" | "without";
  from: Party;
  to: Party;
  kind: FlowKind;
  amount(s: FlowSources, i: number): number;
  basis(s: FlowSources, i: number): string;
}

const n0 = (x: number) => formatNumber(x, 0);

export function flowTemplates(employment: EmploymentForm, flows: FlowsSection): FlowTemplate[] {
  const biller: Party = employment === "naeringsdrivende" ? "introduksjonslege" : "kommune";
  const fl = "fastleger";
  const t: FlowTemplate[] = [
    {
      ledger: "with",
      from: "folketrygden",
      to: biller,
      kind: "refusjon",
      amount: (s, i) => s.out.grossRefusjon[i]!,
      basis: (s, i) => `${n0(s.out.consultations[i]!)} konsultasjoner hos introduksjonslegen, refusjon etter takstmiksen`,
    },
    {
      ledger: "with",
      from: "folketrygden",
      to: biller,
      kind: "egenandel_fritak",
      amount: (s, i) => s.out.egenandelPaid[i]!,
      basis: () => "egenandeler for pasienter med fritak eller frikort",
    },
    {
      ledger: "with",
      from: "pasienter",
      to: biller,
      kind: "egenandel_pasient",
      amount: (s, i) => s.out.egenandelFromPatients[i]!,
      basis: () => "egenandeler for de andre pasientene",
    },
    {
      ledger: "with",
      from: "folketrygden",
      to: fl,
      kind: "refusjon",
      amount: (s, i) => s.out.fastlegeRefusjonWith[i]!,
      basis: () => "aktivitet fastlegene fyller frigjort tid med (tilbakefylling)",
    },
    {
      ledger: "with",
      from: "folketrygden",
      to: fl,
      kind: "egenandel_fritak",
      amount: (s, i) => s.out.fastlegeEgenandelExemptWith[i]!,
      basis: () => "egenandeler med fritak/frikort i tilbakefyllingen",
    },
    {
      ledger: "with",
      from: "pasienter",
      to: fl,
      kind: "egenandel_pasient",
      amount: (s, i) => s.out.fastlegeEgenandelPatientsWith[i]!,
      basis: () => "egenandeler i tilbakefyllingen",
    },
    {
      ledger: "with",
      from: "kommune",
      to: fl,
      kind: "basistilskudd",
      amount: (s, i) => s.out.basistilskudd[i]!,
      basis: () => "pasientgrunnlaget × basistilskudd; fastlegene beholder det i sin helhet",
    },
    {
      ledger: "with",
      from: "staten",
      to: "kommune",
      kind: "nasjonal_alis",
      amount: (s, i) => s.out.alisSupport[i]!,
      basis: () => "forventet tilskudd: sannsynlighet × maksimalbeløp (standard- og tilleggselementer)",
    },
    {
      ledger: "with",
      from: fl,
      to: "andre",
      kind: "driftsutgifter",
      amount: (s, i) => s.practiceCostsNok[i]!,
      basis: (s, i) => `merkostnader i legekontoret: ${formatNok(s.practiceCostsNok[i]!)}`,
    },
    {
      ledger: "without",
      from: "folketrygden",
      to: fl,
      kind: "refusjon",
      amount: (s, i) => s.out.fastlegeRefusjonWithout[i]!,
      basis: () => "fastlegene gjør den overtatte aktiviteten selv",
    },
    {
      ledger: "without",
      from: "folketrygden",
      to: fl,
      kind: "egenandel_fritak",
      amount: (s, i) => s.out.fastlegeEgenandelExemptWithout[i]!,
      basis: () => "egenandeler med fritak/frikort i den aktiviteten",
    },
    {
      ledger: "without",
      from: "pasienter",
      to: fl,
      kind: "egenandel_pasient",
      amount: (s, i) => s.out.fastlegeEgenandelPatientsWithout[i]!,
      basis: () => "egenandeler i den aktiviteten",
    },
    {
      ledger: "without",
      from: "kommune",
      to: fl,
      kind: "basistilskudd",
      amount: (s, i) => s.out.basistilskudd[i]!,
      basis: () => "pasientgrunnlaget × basistilskudd (uendret)",
    },
  ];
  for (const [party, share] of Object.entries(flows.costShares[employment]) as Array<[Party, number]>) {
    if (party === fl || !(share > 0)) continue; // the fastleger's own share stays with them
    t.push({
      ledger: "with",
      from: party,
      to: fl,
      kind: "kostnadsdeling",
      amount: (s, i) => share * s.practiceCostsNok[i]!,
      basis: () => `${formatNumber(share * 100, 1)} % av merkostnadene i legekontoret`,
    });
  }
  // The kommune's own costs of the agreement: supervision (paid to the veileder, a fastlege) and courses. With the ALIS
  // counterfactual they, and the Nasjonal ALIS grant, are in the ledger without the agreement too.
  const alisLedgers: Array<"with" | "without"> = flows.alisCounterfactual ? ["with", "without"] : ["with"];
  for (const ledger of alisLedgers) {
    const why = ledger === "without" ? " (legen ville hatt ALIS-avtale uansett)" : "";
    t.push(
      {
        ledger,
        from: "kommune",
        to: fl,
        kind: "veiledning",
        amount: (s, i) => s.supervisionCostNok[i]!,
        basis: (s, i) => `individuell veileder: ${formatNok(s.supervisionCostNok[i]!)}${why}`,
      },
      {
        ledger,
        from: "kommune",
        to: "andre",
        kind: "utdanning",
        amount: (s, i) => s.trainingCostNok[i]!,
        basis: (s, i) => `kurs, utdanningsplan og reiser: ${formatNok(s.trainingCostNok[i]!)}${why}`,
      },
    );
    if (ledger === "without")
      t.push({
        ledger,
        from: "staten",
        to: "kommune",
        kind: "nasjonal_alis",
        amount: (s, i) => s.out.alisSupport[i]!,
        basis: () => "forventet ALIS-tilskudd også uten avtalen (legen ville hatt ALIS-avtale uansett)",
      });
  }
  if (employment === "fastlonnet") {
    t.push({
      ledger: "with",
      from: "kommune",
      to: "introduksjonslege",
      kind: "lonn",
      amount: (s, i) => s.salaryNokFullTime[i]! * s.stillingsprosent[i]!,
      basis: (s, i) => `${formatNok(s.salaryNokFullTime[i]!)} × stillingsprosent ${formatNumber(s.stillingsprosent[i]! * 100, 0)} %`,
    });
  }
  return t;
}
