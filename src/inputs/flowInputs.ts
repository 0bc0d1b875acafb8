/**
 * The flow model's named inputs besides the cost model's: amounts agreed locally or not sourced, written as
 * distributions in the scenario's `flows:` section (and open to --set like the cost inputs).
 */
import type { InputDef } from "./inputDef";

export const FLOW_INPUTS: ReadonlyArray<InputDef> = [
  {
    name: "practiceCostsNok",
    label: "Merkostnader i legekontoret (kontor, personell, utstyr)",
    unit: "kr per avtaleår",
    domain: "amount",
    help: "extra running costs of the legekontor caused by the intro doctor per agreement-year (office, staff, equipment), shared as the scenario's costShares say",
  },
  {
    name: "supervisionCostNok",
    label: "Kommunens kostnad til veiledning",
    unit: "kr per avtaleår",
    domain: "amount",
    help: "what the kommune pays for the intro doctor's individual veileder (a specialist in allmennmedisin, often one of the fastleger in the agreement) per agreement-year",
  },
  {
    name: "trainingCostNok",
    label: "Kommunens kostnad til kurs og utdanningsplan",
    unit: "kr per avtaleår",
    domain: "amount",
    help: "courses, the utdanningsplan and its administration, travel, paid by the kommune per agreement-year",
  },
  {
    name: "salaryNokFullTime",
    label: "Kommunens lønnskostnad for introduksjonslegen (full stilling)",
    unit: "kr per år",
    domain: "amount",
    help: "the kommune's salary cost for a fastlønnet intro doctor at full time, scaled by stillingsprosent",
  },
];

export const FLOW_INPUT_NAMES: ReadonlyArray<string> = FLOW_INPUTS.map((d) => d.name);
