/**
 * The human-readable table `introsim cost` prints without --json: a few lines an economist can read at a glance, in
 * the language of --lang (words from src/i18n/cliMessages.ts, numbers in the language's format, inputs by label).
 */
import type { CostReport } from "../analysis/runCost";
import { numberFormats } from "../format/localeNumbers";
import { cliText, reconciliationLabel } from "../i18n/cliMessages";
import { inputLabel } from "../i18n/inputLabels";
import type { Lang } from "../i18n/messages";

const LABEL_WIDTH = 44;
const VALUE_WIDTH = 16;

function row(label: string, value: string): string {
  return `  ${label.padEnd(LABEL_WIDTH)} ${value.padStart(VALUE_WIDTH)}`;
}

export function costTable(r: CostReport, lang: Lang): string {
  const t = cliText(lang).cost;
  const f = numberFormats(lang);
  const lines = [
    t.heading(r.scenario.title),
    t.period(r.scenario.agreementYear.from, r.scenario.agreementYear.toExclusive, r.scenario.agreementYearIndex, f.number(r.draws, 0), r.seed),
    "",
    t.netHeading,
    row(t.deterministic, f.nok(r.deterministic.net)),
    row(t.mean, f.nok(r.mean)),
    row("P10", f.nok(r.p10)),
    row("P50", f.nok(r.p50)),
    row("P85", f.nok(r.p85)),
    row("P90", f.nok(r.p90)),
    row(t.shareAbove(f.nok(r.referenceCostNok)), f.percent(r.shareAbove500k)),
    "",
    t.decompositionHeading,
    row(t.consultations, f.number(r.decomposition.consultations, 0)),
    row(t.grossRefusjon, f.nok(r.decomposition.grossRefusjon)),
    row(t.egenandelPaid, f.nok(r.decomposition.egenandelPaid)),
    row(t.substitution, f.nok(r.decomposition.substitutionSaving)),
    row(t.net, f.nok(r.decomposition.net)),
    "",
    t.national(r.national.agreements, f.millNok(r.national.budgetLineNok)),
    row(t.nationalP50P85, `${f.millNok(r.national.p50)} / ${f.millNok(r.national.p85)}`),
    row(t.shareAboveBudgetLine, f.percent(r.national.shareAboveBudgetLine)),
    "",
    t.otherPublicHeading,
    row(t.nasjonalAlis, f.nok(r.otherPublicCost.nasjonalAlisExpectedNok)),
    row(t.basistilskudd, f.nok(r.otherPublicCost.basistilskuddKeptByFastlegerNok)),
    "",
    t.tornadoHeading,
    ...r.tornado.rows.slice(0, 5).map((x) => row(inputLabel(lang, x), `${f.nok(x.outputAtLow)} → ${f.nok(x.outputAtHigh)}`)),
    ...(r.sobol
      ? [
          "",
          t.sobolHeading(f.number(r.sobol.samples, 0)),
          ...r.sobol.indices.slice(0, 6).map((x) => row(inputLabel(lang, x), `${f.number(x.firstOrder, 2)} / ${f.number(x.total, 2)}`)),
        ]
      : []),
    "",
    t.topDownHeading(r.topDown.referenceYear, f.nok(r.topDown.nationalRatePerConsultationNok), f.nok(r.topDown.bottomUpRatePerConsultationNok)),
    row(t.topDownNet, f.nok(r.topDown.topDownNetNok)),
    row(t.rateEffect(r.topDown.referenceYear), f.nok(r.topDown.rateEffectNok)),
    row(t.specialistEffect, f.nok(r.topDown.specialistAddOnEffectNok)),
    "",
    t.reconciliationHeading(r.reconciliation.withinTolerance, f.percent(r.reconciliation.relativeMixEffect, 1), f.percent(r.reconciliation.tolerance, 0)),
    ...r.reconciliation.rows.map((x) => row(reconciliationLabel(lang, x, r.reconciliation.referenceYear), f.nokOneDecimal(x.nok))),
    row(t.exemptShares(r.exemptShares.basis), `${f.percent(r.exemptShares.scenarioAverage)} / ${f.percent(r.exemptShares.scenarioMarginal)}`),
  ];
  for (const w of r.warnings) lines.push(`${cliText(lang).warning}: ${w}`);
  return lines.join("\n");
}
