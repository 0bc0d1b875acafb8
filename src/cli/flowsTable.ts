/**
 * The human-readable output of `introsim flows`: net position per party with and without the agreement, and the
 * ledger, in the language of --lang (words from src/i18n/cliMessages.ts, parties and flows by their labels).
 */
import { numberFormats } from "../format/localeNumbers";
import { FLOW_KIND_LABELS } from "../flows/ledgerTemplates";
import { PARTIES, PARTY_LABELS, type Party } from "../flows/parties";
import type { FlowsReport } from "../analysis/runFlows";
import { cliText, flowWord } from "../i18n/cliMessages";
import type { Lang } from "../i18n/messages";

/** Width of a party's name in the ledger (the longest label, "Andre (husleie, personell, utstyr)", runs over). */
const PARTY_WIDTH = 26;

export function flowsTable(r: FlowsReport, lang: Lang): string {
  const t = cliText(lang).flows;
  const f = numberFormats(lang);
  const head = `  ${t.party.padEnd(36)} ${t.with.padStart(14)} ${t.without.padStart(14)} ${t.effect.padStart(14)}   ${t.spread.padStart(28)}  ${t.lossProbability}`;
  const party = (p: Party) => flowWord(lang, p, PARTY_LABELS[p]);
  const ledger = (rows: FlowsReport["ledger"]) =>
    rows.map(
      (row) =>
        `  ${party(row.from).padEnd(PARTY_WIDTH)} → ${party(row.to).padEnd(PARTY_WIDTH)} ${flowWord(lang, row.kind, FLOW_KIND_LABELS[row.kind]).padEnd(52)} ${f.nok(row.amountNok).padStart(14)}`,
    );
  const effect = f.nok(r.costCheck.folketrygdenDifferenceNok);
  const net = f.nok(r.costCheck.costModelNetNok);
  const lines = [
    t.heading(r.scenario.title, flowWord(lang, r.employment, r.employmentLabel)),
    t.period(r.scenario.agreementYear.from, r.scenario.agreementYear.toExclusive, f.number(r.draws, 0), r.seed),
    "",
    t.netHeading,
    head,
    ...PARTIES.map((p) => {
      const mc = r.monteCarlo[p];
      return `  ${flowWord(lang, p, PARTY_LABELS[p]).padEnd(36)} ${f.nok(r.netByParty.withAgreement[p]).padStart(14)} ${f.nok(r.netByParty.counterfactual[p]).padStart(14)} ${f.nok(r.netByParty.difference[p]).padStart(14)}   ${`${f.nok(mc.p10)} … ${f.nok(mc.p90)}`.padStart(28)}  ${f.percent(mc.probabilityOfLoss, 0).padStart(6)}`;
    }),
    "",
    Math.abs(r.costCheck.folketrygdenDifferenceNok + r.costCheck.costModelNetNok) < 1 ? t.checkOk(effect, net) : t.checkFailed(effect, net),
    "",
    t.ledgerWith,
    ...ledger(r.ledger),
    "",
    t.ledgerWithout,
    ...ledger(r.counterfactual),
  ];
  for (const w of r.warnings) lines.push(`${cliText(lang).warning}: ${w}`);
  return lines.join("\n");
}
