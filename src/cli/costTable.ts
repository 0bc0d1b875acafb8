/** The human-readable table `introsim cost` prints without --json: a few lines an economist can read at a glance. */
import { formatMillNok, formatNok, formatNumber, formatPercent } from "../format/norwegian";
import type { CostReport } from "../analysis/runCost";

function row(label: string, value: string): string {
  return `  ${label.padEnd(44)} ${value.padStart(16)}`;
}

export function costTable(r: CostReport): string {
  const lines = [
    `introsim cost — ${r.scenario.title}`,
    `agreement-year ${r.scenario.agreementYear.from} – ${r.scenario.agreementYear.toExclusive} (year ${r.scenario.agreementYearIndex}), ${formatNumber(r.draws, 0)} draws, seed ${r.seed}`,
    "",
    "Net extra cost to folketrygden per agreement-year",
    row("deterministic (central values)", formatNok(r.deterministic.net)),
    row("mean", formatNok(r.mean)),
    row("P10", formatNok(r.p10)),
    row("P50", formatNok(r.p50)),
    row("P85", formatNok(r.p85)),
    row("P90", formatNok(r.p90)),
    row(`share of draws above ${formatNok(r.referenceCostNok)}`, formatPercent(r.shareAbove500k)),
    "",
    "Decomposition (mean over draws)",
    row("consultations", formatNumber(r.decomposition.consultations, 0)),
    row("+ refusjon to the intro doctor", formatNok(r.decomposition.grossRefusjon)),
    row("+ egenandel paid by folketrygden", formatNok(r.decomposition.egenandelPaid)),
    row("− substitution (fastleger bill less)", formatNok(r.decomposition.substitutionSaving)),
    row("= net", formatNok(r.decomposition.net)),
    "",
    `${r.national.agreements} agreements (budget line ${formatMillNok(r.national.budgetLineNok)})`,
    row("P50 / P85", `${formatMillNok(r.national.p50)} / ${formatMillNok(r.national.p85)}`),
    row("share of draws above the budget line", formatPercent(r.national.shareAboveBudgetLine)),
    "",
    "Other public cost (not folketrygden)",
    row("Nasjonal ALIS support, expected (state)", formatNok(r.otherPublicCost.nasjonalAlisExpectedNok)),
    row("basistilskudd, kept by fastleger (kommune)", formatNok(r.otherPublicCost.basistilskuddKeptByFastlegerNok)),
    "",
    "What drives it (tornado: P10 → P90 of each input, others central)",
    ...r.tornado.rows.slice(0, 5).map((t) => row(t.name, `${formatNok(t.outputAtLow)} → ${formatNok(t.outputAtHigh)}`)),
    ...(r.sobol
      ? [
          "",
          `Global sensitivity (Sobol, N = ${formatNumber(r.sobol.samples, 0)}): first-order / total-effect share of the variance`,
          ...r.sobol.indices.slice(0, 6).map((x) => row(x.name, `${formatNumber(x.firstOrder, 2)} / ${formatNumber(x.total, 2)}`)),
        ]
      : []),
    "",
    `Top-down check (${r.topDown.referenceYear}): ${formatNok(r.topDown.nationalRatePerConsultationNok)} per consultation nationally vs ${formatNok(r.topDown.bottomUpRatePerConsultationNok)} bottom-up`,
    row("top-down net", formatNok(r.topDown.topDownNetNok)),
    row(`difference: takst mix and prices since ${r.topDown.referenceYear}`, formatNok(r.topDown.rateEffectNok)),
    row("difference: specialist add-on on substitution", formatNok(r.topDown.specialistAddOnEffectNok)),
    "",
    `Reconciliation: refusjon per consultation (${r.reconciliation.withinTolerance ? "mix calibrated" : "mix NOT calibrated"}, mix effect ${formatPercent(r.reconciliation.relativeMixEffect, 1)}, tolerance ${formatPercent(r.reconciliation.tolerance, 0)})`,
    ...r.reconciliation.rows.map((x) => row(x.label, `${formatNumber(x.nok, 1)} kr`)),
    row(
      `exempt egenandel share, average / marginal (${r.exemptShares.basis} used)`,
      `${formatPercent(r.exemptShares.scenarioAverage)} / ${formatPercent(r.exemptShares.scenarioMarginal)}`,
    ),
  ];
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return lines.join("\n");
}
