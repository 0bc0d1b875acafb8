/**
 * The report's decision section: what would have to be true for the target (break-even table, iso-cost chart), which
 * uncertainty is worth resolving first (value of information: the decision, the loss, EVPI, EVPPI), and the
 * scheme's cost to society as a samfunnsøkonomisk analysis summary (present value, skattefinansieringskostnad,
 * parties, discount-rate sensitivity).
 */
import type { DecisionReport } from "../analysis/runDecision";
import { appraisalSheet, breakEvenSheet, discountSensitivitySheet, voiSheet } from "../export/appraisalSheet";
import { sheetTable } from "../export/sheet";
import { formatNok, formatPercent } from "../format/norwegian";
import { escapeHtml, htmlTable } from "./htmlTable";

/** @param chart the report's figure for a chart of the run by name (empty when the run has none) */
export function decisionSection(d: DecisionReport | undefined, chart: (name: string) => string): string {
  if (!d?.breakEven) return "";
  const be = d.breakEven;
  const found = be.rows.filter((r) => r.deterministic.value !== null);
  const parts: string[] = [
    `<section id="beslutning"><h2>Beslutningen: hva må være sant for ${formatNok(d.target)}?</h2>`,
    `<p>Med alle forutsetninger på sentralverdien koster et avtaleår ${formatNok(be.base)}; medianen over trekkene er ${formatNok(be.baseP50 ?? be.base)}.
For hver usikker forutsetning viser tabellen verdien som alene gjør kostnaden lik ${formatNok(d.target)} (de øvrige på sentralverdien, eller trukket slik at medianen blir målet).
${found.length} av ${be.rows.length} forutsetninger kan gjøre det innenfor sitt eget spenn; for de andre står det «ikke innenfor spennet».</p>`,
    htmlTable(sheetTable(breakEvenSheet(d)!)),
    chart("iso-kostnad"),
  ];
  if (d.voi) {
    const v = d.voi;
    const best = v.decision.options.find((o) => o.key === v.decision.best)!;
    const top = v.rows[0];
    parts.push(
      `<h3>Hva er verdt å måle først? Verdien av informasjon</h3>
<p><strong>Beslutningen:</strong> neste års budsjettpost for ordningen, valgt blant ${v.decision.options.map((o) => `${escapeHtml(o.label.toLowerCase())} (${formatNok(o.budgetNok)})`).join(", ")}.
<strong>Tapet:</strong> ${v.decision.weights.overrun.toLocaleString("nb-NO")} kr per krone kostnaden overstiger posten, ${v.decision.weights.unused.toLocaleString("nb-NO")} kr per krone som er bundet uten å bli brukt (skattefinansieringskostnaden).
Med dagens kunnskap gir ${escapeHtml(best.label.toLowerCase())} minst forventet tap.
Perfekt informasjon om alt (EVPI) er verdt ${formatNok(v.evpi.perYear)} per år, ${formatNok(v.evpi.horizon)} over ${v.horizonYears} år (neddiskontert; en øvre grense).
${top ? `Mest verdt er å kjenne ${escapeHtml(top.label.toLowerCase())} (${formatPercent(top.shareOfEvpi)} av EVPI): det er det regnskapstallene bør feste først.` : ""}
Beregnet fra Monte Carlo-trekkene med regresjonsmetoden til Strong, Oakley &amp; Brennan (2014).</p>`,
      htmlTable(sheetTable(voiSheet(d)!)),
      chart("verdi-av-informasjon"),
    );
  }
  if (d.appraisal) {
    const a = d.appraisal;
    parts.push(
      `<h3>Samfunnsøkonomisk kostnad (DFØ, R-109/21)</h3>
<p>Nåverdi over ${a.rates.horizonYears} år med ${formatPercent(a.rates.discountRate, 0)} reell kalkulasjonsrente og ${formatPercent(a.rates.taxFinancingCost, 0)} skattefinansieringskostnad, i faste ${a.priceYear}-kroner.
Kilder: ${escapeHtml(a.rates.sources.discountRate)}; ${escapeHtml(a.rates.sources.taxFinancingCost)}; ${escapeHtml(a.rates.sources.priceIndex)}.</p>`,
      htmlTable(sheetTable(appraisalSheet(d)!)),
      htmlTable(sheetTable(discountSensitivitySheet(d)!)),
      a.perOutcome
        ? `<p><strong>Per utfall</strong> (${a.perOutcome.years} år, P50): ${a.perOutcome.pvPerSpecialistP50 === null ? "ingen spesialister i framskrivingen" : `${formatNok(a.perOutcome.pvPerSpecialistP50)} per spesialist (${a.perOutcome.specialistsP50.toLocaleString("nb-NO", { maximumFractionDigits: 1 })})`}; ${a.perOutcome.pvPerNewFastlegeP50 === null ? "ingen nye fastleger i framskrivingen" : `${formatNok(a.perOutcome.pvPerNewFastlegeP50)} per ny fastlege (${a.perOutcome.newFastlegerP50.toLocaleString("nb-NO", { maximumFractionDigits: 1 })})`}.</p>`
        : "",
      `<ul>${a.assumptions.map((x) => `<li>${escapeHtml(x)}</li>`).join("")}</ul>`,
    );
  }
  parts.push("</section>");
  return parts.join("\n");
}
