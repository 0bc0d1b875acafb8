/**
 * The department's report (report.html): one self-contained HTML file — charts inlined as SVG, styles inline, no
 * scripts, fonts or requests — that prints on A4. Sections: the question, the answer, the results with charts, the
 * sensitivity, the flows, the budget, the comparison (several scenarios), the assumptions and the manifest.
 * Every key number carries data-key (its path in results.json) and data-value (the raw number), so a test can check
 * that the report shows the same numbers as results.json.
 */
import { formatDateLong, formatMillNok, formatNok, formatPercent, formatNumber } from "../format/norwegian";
import { budgetSheet, comparisonSheet } from "../export/resultSheets";
import { sheetTable } from "../export/sheet";
import type { ScenarioResults } from "../results/scenarioResults";
import { budgetMethodText } from "../budget/budgetText";
import { slotRunFacts } from "../allocation/slotFacts";
import { assumptionsTableView, decompositionTable, driversTable, exemptSharesTable, reconciliationTable, summaryTable, topDownTable } from "./costTables";
import { partyEffectsTable } from "./flowsTables";
import { decisionSection } from "./decisionSection";
import { escapeHtml, htmlTable } from "./htmlTable";

export interface ReportChart {
  name: string;
  caption: string;
  svg: string;
}

export interface ReportScenario {
  results: ScenarioResults;
  charts: ReportChart[];
}

const STYLE = `
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1a1a1a; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 19pt; margin: 0 0 4pt; } h2 { font-size: 14pt; margin: 18pt 0 6pt; border-bottom: 1px solid #ccc; padding-bottom: 2pt; }
h3 { font-size: 11.5pt; margin: 12pt 0 4pt; }
p.meta { color: #555; margin: 0 0 10pt; }
.answer { border-left: 4px solid #0072B2; background: #f3f8fc; padding: 8pt 12pt; margin: 8pt 0; }
.answer p { margin: 4pt 0; }
figure { margin: 10pt 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-size: 9pt; color: #444; margin-top: 3pt; }
table.introsim { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 6pt 0 10pt; break-inside: auto; }
table.introsim caption { font-size: 10pt; margin-bottom: 3pt; }
table.introsim th, table.introsim td { border-bottom: 1px solid #ddd; padding: 2pt 5pt; vertical-align: top; hyphens: auto; }
table.introsim td:last-child { overflow-wrap: anywhere; }
table.introsim td[style="text-align:right"] { white-space: nowrap; overflow-wrap: normal; }
table.introsim thead th { border-bottom: 1.5px solid #888; }
table.introsim tr { break-inside: avoid; }
pre { font-size: 7.5pt; white-space: pre-wrap; word-break: break-all; background: #f6f6f6; padding: 6pt; }
ul.warnings li { color: #8a4b00; }
nav ol { columns: 2; font-size: 9.5pt; }
@media print { nav { display: none; } table.introsim { font-size: 7.5pt; } h2 { break-after: avoid; } a { color: inherit; text-decoration: none; } }
`;

/** The budget columns that fit an A4 page (the workbook has them all). */
const BUDGET_COLUMNS = ["År", "Priser", "Aktive avtaleår P50", "P50 (kr)", "P85 (kr)", "Bevilgning (kr)", "Andel over bevilgningen"];

/** A key number: shown formatted, with its path in results.json and its raw value for checks. */
function num(key: string, value: number, shown: string): string {
  return `<span class="num" data-key="${escapeHtml(key)}" data-value="${value}">${escapeHtml(shown)}</span>`;
}

function figure(c: ReportChart | undefined): string {
  return c ? `<figure id="fig-${escapeHtml(c.name)}">${c.svg}<figcaption>${escapeHtml(c.caption)}</figcaption></figure>` : "";
}

function answer(r: ScenarioResults, prefix = ""): string {
  const c = r.cost;
  const n = c.national;
  const b = r.budget;
  const side = c.p50 <= c.referenceCostNok ? "under" : "over";
  const worstIndex = b ? b.years.reduce((a, y, i) => (y.nok.p85 > b.years[a]!.nok.p85 ? i : a), 0) : -1;
  const worst = b?.years[worstIndex];
  return `<div class="answer">
<p><strong>Netto merutgift for folketrygden per avtaleår:</strong> median ${num(`${prefix}cost.p50`, c.p50, formatNok(c.p50))}, P85 ${num(`${prefix}cost.p85`, c.p85, formatNok(c.p85))}
(P10–P90: ${num(`${prefix}cost.p10`, c.p10, formatNok(c.p10))} – ${num(`${prefix}cost.p90`, c.p90, formatNok(c.p90))}). Medianen ligger ${side} anslaget på ${formatNok(c.referenceCostNok)};
${num(`${prefix}cost.shareAbove500k`, c.shareAbove500k, formatPercent(c.shareAbove500k))} av trekkene ligger over.</p>
<p><strong>${n.agreements} avtaler hele året:</strong> P50 ${num(`${prefix}cost.national.p50`, n.p50, formatMillNok(n.p50))}, P85 ${num(`${prefix}cost.national.p85`, n.p85, formatMillNok(n.p85))} mot bevilgningen på ${formatMillNok(n.budgetLineNok)}.</p>
${worst ? `<p><strong>Budsjettbanen</strong> (avtaler faktisk i bruk): høyeste P85 er ${num(`${prefix}budget.years.${worstIndex}.nok.p85`, worst.nok.p85, formatMillNok(worst.nok.p85))} i ${worst.year}; ${b!.years.every((y) => y.nok.p85 <= y.budgetLineNok) ? "under bevilgningen i alle år" : "over bevilgningen i minst ett år"}.</p>` : ""}
</div>`;
}

function scenarioSections(s: ReportScenario): string {
  const r = s.results;
  const chart = (name: string) => figure(s.charts.find((c) => c.name === name));
  const budget = budgetSheet(r.budget);
  return `
<section id="resultater"><h2>Resultater</h2>
${htmlTable(summaryTable(r.cost))}
${chart("kostnadsfordeling")}
${htmlTable(decompositionTable(r.cost))}
${htmlTable(reconciliationTable(r.cost))}
${htmlTable(exemptSharesTable(r.cost))}
${htmlTable(topDownTable(r.cost))}
</section>
<section id="folsomhet"><h2>Følsomhet: hva betyr mest?</h2>
<p>Tornadoen flytter én forutsetning om gangen fra P10 til P90. Sobol-indeksene fordeler hele variansen, også samspill mellom forutsetningene.</p>
${chart("tornado")}
${chart("sobol")}
${htmlTable(driversTable(r.cost))}
</section>
${
  r.flows
    ? `<section id="strommer"><h2>Refusjonsstrømmer: hvem betaler og hvem får</h2>${chart("strommer-parter")}${Object.values(r.flows)
        .map((f) => htmlTable(partyEffectsTable([f])))
        .join("")}${chart("strommer-kommunen")}${chart("strommer-fastleger")}</section>`
    : ""
}
${
  budget
    ? `<section id="budsjett"><h2>Budsjett: utgifter per år mot kap. 2755 post 70</h2>
<p>${escapeHtml(r.allocation ? budgetMethodText(r.budget!, slotRunFacts(r.allocation)) : "")}</p>
${chart("tildeling-tidslinje")}${chart("budsjettbane")}${htmlTable(sheetTable(budget, BUDGET_COLUMNS))}
<p>Alle kolonnene (P10, P90, simulerte måneder, alle avtaler i bruk) står i results.xlsx.</p></section>`
    : ""
}
${decisionSection(r.decision, chart)}
<section id="forutsetninger"><h2>Forutsetninger</h2>
<p>Hver forutsetning med fordeling og kilde. Usikre tall er modellert som fordelinger (trippelestimat: lav, mest sannsynlig, høy).</p>
${htmlTable(assumptionsTableView(r.cost))}
</section>`;
}

function manifestSection(manifests: ReadonlyArray<unknown>, warnings: ReadonlyArray<string>): string {
  return `<section id="manifest"><h2>Manifest og merknader</h2>
${warnings.length ? `<ul class="warnings">${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul>` : "<p>Ingen merknader.</p>"}
<p>Samme scenario, frø, data og versjon gir de samme tallene.</p>
<pre>${escapeHtml(JSON.stringify(manifests.length === 1 ? manifests[0] : manifests, null, 2))}</pre></section>`;
}

const QUESTION = `<section id="sporsmal"><h2>Spørsmålet</h2>
<p>Introduksjonsavtaler lar en lege i spesialisering i allmennmedisin arbeide på fastlegers lister og kreve trygderefusjon.
Helse- og omsorgsdepartementet finansierer avtalene over kap. 2755 post 70 og har lagt til grunn at hver avtale koster folketrygden
om lag 500 000 kr i året – et «svært usikkert anslag». Rapporten anslår netto merutgift per avtaleår med usikkerhet, viser hva som
driver den, hvem som betaler og får, og hva det betyr for budsjettet år for år.</p></section>`;

function page(title: string, meta: string, body: string, nav: Array<[string, string]>): string {
  return `<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p class="meta">${meta}</p></header>
<nav><ol>${nav.map(([id, label]) => `<li><a href="#${id}">${escapeHtml(label)}</a></li>`).join("")}</ol></nav>
${body}
</body>
</html>
`;
}

/** The report of one scenario. */
export function scenarioReportHtml(s: ReportScenario): string {
  const r = s.results;
  const meta = `Scenario «${escapeHtml(r.scenario.title)}» (${escapeHtml(r.scenario.file)}) · kjørt ${formatDateLong(r.manifest.date)} · introsim ${escapeHtml(r.manifest.version)} · ${formatNumber(r.cost.draws, 0)} trekk, frø ${r.cost.seed}`;
  const nav: Array<[string, string]> = [
    ["sporsmal", "Spørsmålet"],
    ["svar", "Svaret"],
    ["resultater", "Resultater"],
    ["folsomhet", "Følsomhet"],
    ...(r.flows ? [["strommer", "Refusjonsstrømmer"] as [string, string]] : []),
    ...(r.budget ? [["budsjett", "Budsjett"] as [string, string]] : []),
    ["forutsetninger", "Forutsetninger"],
    ["manifest", "Manifest"],
  ];
  const body = `${QUESTION}
<section id="svar"><h2>Svaret</h2>${r.scenario.description ? `<p>${escapeHtml(r.scenario.description)}</p>` : ""}${answer(r)}</section>
${scenarioSections(s)}
${manifestSection([r.manifest], r.notes)}`;
  return page("Hva koster en introduksjonsavtale for folketrygden?", meta, body, nav);
}

/** The report of several scenarios: the comparison first, then each scenario's answer, with links to their own reports. */
export function comparisonReportHtml(scenarios: ReadonlyArray<ReportScenario>, comparisonCharts: ReportChart[], links: ReadonlyArray<string>): string {
  const results = scenarios.map((s) => s.results);
  const date = results[0]!.manifest.date;
  const meta = `${results.length} scenarioer · kjørt ${formatDateLong(date)} · introsim ${escapeHtml(results[0]!.manifest.version)}`;
  const nav: Array<[string, string]> = [
    ["sporsmal", "Spørsmålet"],
    ["sammenligning", "Sammenligning"],
    ...results.map((r) => [`scenario-${r.scenario.name}`, r.scenario.title] as [string, string]),
    ["manifest", "Manifest"],
  ];
  const body = `${QUESTION}
<section id="sammenligning"><h2>Sammenligning</h2>
${comparisonCharts.map(figure).join("")}
${htmlTable(sheetTable(comparisonSheet(results)))}
</section>
${scenarios
  .map((s, i) => {
    const r = s.results;
    return `<section id="scenario-${escapeHtml(r.scenario.name)}"><h2>${escapeHtml(r.scenario.title)}</h2>
${r.scenario.description ? `<p>${escapeHtml(r.scenario.description)}</p>` : ""}
${answer(r, `scenarios.${i}.`)}
${figure(s.charts.find((c) => c.name === "budsjettbane"))}
<p>Hele rapporten for scenarioet: <a href="${escapeHtml(links[i]!)}">${escapeHtml(links[i]!)}</a>.</p></section>`;
  })
  .join("\n")}
${manifestSection(
  results.map((r) => r.manifest),
  [...new Set(results.flatMap((r) => r.notes.map((w) => `«${r.scenario.title}»: ${w}`)))],
)}`;
  return page("Hva koster introduksjonsavtalene? Scenarioer side om side", meta, body, nav);
}
