/** The refusjon flows as Norwegian tables, shared by the notebook and reports. */
import { formatNok, formatPercent } from "../format/norwegian";
import { FLOW_KIND_LABELS } from "../flows/ledgerTemplates";
import { PARTIES, PARTY_LABELS } from "../flows/parties";
import type { FlowsReport } from "../analysis/runFlows";
import type { Table } from "../format/table";

/** Each party's effect (with − without) under each employment form, with the Monte Carlo interval and chance of loss. */
export function partyEffectsTable(reports: ReadonlyArray<FlowsReport>): Table {
  return {
    caption: "Virkning av avtalen per part og avtaleår (med minus uten avtale)",
    headers: ["Part", ...reports.flatMap((r) => [`${r.employmentLabel}: virkning`, "P10 – P90", "Sannsynlighet for tap"])],
    alignRight: reports.flatMap((_, k) => [1 + 3 * k, 2 + 3 * k, 3 + 3 * k]),
    rows: PARTIES.map((p) => [
      PARTY_LABELS[p],
      ...reports.flatMap((r) => [
        formatNok(r.netByParty.difference[p]),
        `${formatNok(r.monteCarlo[p].p10)} – ${formatNok(r.monteCarlo[p].p90)}`,
        formatPercent(r.monteCarlo[p].probabilityOfLoss, 0),
      ]),
    ]),
  };
}

/** One ledger (with or without the agreement) as rows: from, to, kind, amount, basis. */
export function ledgerTable(report: FlowsReport, which: "ledger" | "counterfactual"): Table {
  return {
    caption: `${which === "ledger" ? "Med avtale" : "Uten avtale"} – ${report.employmentLabel.toLowerCase()}`,
    headers: ["Fra", "Til", "Strøm", "Beløp", "Grunnlag"],
    alignRight: [3],
    rows: report[which].map((r) => [PARTY_LABELS[r.from], PARTY_LABELS[r.to], FLOW_KIND_LABELS[r.kind], formatNok(r.amountNok), r.basis]),
  };
}
