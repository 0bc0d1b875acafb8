/** The human-readable output of `introsim flows`: net position per party with and without the agreement, and the ledger. */
import { formatNok, formatPercent } from "../format/norwegian";
import { FLOW_KIND_LABELS } from "../flows/ledgerTemplates";
import { PARTIES, PARTY_LABELS } from "../flows/parties";
import type { FlowsReport } from "../analysis/runFlows";

export function flowsTable(r: FlowsReport): string {
  const head = `  ${"party".padEnd(36)} ${"with".padStart(14)} ${"without".padStart(14)} ${"effect".padStart(14)}   ${"P10 … P90 of the effect".padStart(28)}  P(loss)`;
  const lines = [
    `introsim flows — ${r.scenario.title}: ${r.employmentLabel}`,
    `agreement-year ${r.scenario.agreementYear.from} – ${r.scenario.agreementYear.toExclusive}; central values; Monte Carlo ${r.draws} draws, seed ${r.seed}`,
    "",
    "Net position per party (received − paid), kroner",
    head,
    ...PARTIES.map((p) => {
      const mc = r.monteCarlo[p];
      return `  ${PARTY_LABELS[p].padEnd(36)} ${formatNok(r.netByParty.withAgreement[p]).padStart(14)} ${formatNok(r.netByParty.counterfactual[p]).padStart(14)} ${formatNok(r.netByParty.difference[p]).padStart(14)}   ${`${formatNok(mc.p10)} … ${formatNok(mc.p90)}`.padStart(28)}  ${formatPercent(mc.probabilityOfLoss, 0).padStart(6)}`;
    }),
    "",
    Math.abs(r.costCheck.folketrygdenDifferenceNok + r.costCheck.costModelNetNok) < 1
      ? `Check: folketrygden's effect ${formatNok(r.costCheck.folketrygdenDifferenceNok)} = minus the cost model's net cost ${formatNok(r.costCheck.costModelNetNok)}`
      : `CHECK FAILED: folketrygden's effect ${formatNok(r.costCheck.folketrygdenDifferenceNok)} ≠ minus the cost model's net cost ${formatNok(r.costCheck.costModelNetNok)} (a bug; please report)`,
    "",
    "Ledger with the agreement",
    ...r.ledger.map(
      (row) => `  ${row.from.padEnd(18)} → ${row.to.padEnd(18)} ${FLOW_KIND_LABELS[row.kind].padEnd(52)} ${formatNok(row.amountNok).padStart(14)}`,
    ),
    "",
    "Ledger without the agreement",
    ...r.counterfactual.map(
      (row) => `  ${row.from.padEnd(18)} → ${row.to.padEnd(18)} ${FLOW_KIND_LABELS[row.kind].padEnd(52)} ${formatNok(row.amountNok).padStart(14)}`,
    ),
  ];
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return lines.join("\n");
}
