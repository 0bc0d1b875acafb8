/**
 * The department's report (report.html), written as a notat: one self-contained HTML file — charts inlined as SVG
 * and, on screen, made interactive by Vega inlined from the installed packages (no requests, fonts or links to load) —
 * that prints on A4 with a running header and page numbers. Sections in the order a reader needs: the question, the
 * answer, what it means (generated from the numbers, see meaning.ts), the results, the sensitivity, the flows, the
 * budget, (the comparison,) the assumptions with a numbered source list, the method, and a compact manifest appendix.
 * Other capabilities plug in a section as one line in scenarioSections.
 * Every key number carries data-key (its path in results.json) and data-value (the raw number), so a test can check
 * that the report shows the same numbers as results.json.
 */
import { formatDate, formatDateLong, formatMillNok, formatNok, formatPercent, formatNumber } from "../format/norwegian";
import { budgetSheet, comparisonSheet } from "../export/resultSheets";
import { sheetTable } from "../export/sheet";
import type { ScenarioResults } from "../results/scenarioResults";
import { budgetMethodText } from "../budget/budgetText";
import { slotRunFacts } from "../allocation/slotFacts";
import { assumptionsTableView, decompositionTable, driversTable, exemptSharesTable, reconciliationTable, summaryTable, topDownTable } from "./costTables";
import { partyEffectsTable } from "./flowsTables";
import { decisionSection } from "./decisionSection";
import { uncertaintySection } from "./uncertaintySection";
import { escapeHtml, htmlTable } from "./htmlTable";
import { BOOT_SCRIPT, specBlock, vegaScripts } from "./interactive";
import { meaningParagraphs, num } from "./meaning";
import { citeDataFiles, sourcesList, type SourceRef } from "./sources";

export interface ReportChart {
  name: string;
  caption: string;
  svg: string;
  /** The laid-out Vega-Lite spec: when given, the chart is interactive on screen (the SVG stays for print). */
  spec?: object;
}

export interface ReportScenario {
  results: ScenarioResults;
  charts: ReportChart[];
  /** The numbered sources of the data files the run used (collectSources); without them, file paths are shown. */
  sources?: SourceRef[];
}

/** A text as a CSS string literal (for the page's margin boxes). */
const cssString = (text: string): string =>
  `"${text
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/</g, "\\3c ")
    .replace(/\n/g, " ")}"`;

/**
 * The print page: A4, a running header (the report's title left, what was run and when right) and "Side n av m" at
 * the foot, in CSS margin boxes (Chromium 131+ prints them; string-set is not supported, so the header is fixed text).
 */
function pageStyle(title: string, runLine: string): string {
  return `
@page { size: A4; margin: 16mm 15mm 18mm 15mm;
  @top-left { content: ${cssString(title)}; font-size: 8pt; color: #666; }
  @top-right { content: ${cssString(runLine)}; font-size: 8pt; color: #666; }
  @bottom-right { content: "Side " counter(page) " av " counter(pages); font-size: 8pt; color: #666; } }`;
}

const STYLE = `
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1a1a1a; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 19pt; margin: 0 0 4pt; } h2 { font-size: 14pt; margin: 18pt 0 6pt; border-bottom: 1px solid #ccc; padding-bottom: 2pt; }
h3 { font-size: 11.5pt; margin: 12pt 0 4pt; }
p.meta { color: #555; margin: 0 0 10pt; }
.answer { border-left: 4px solid #0072B2; background: #f3f8fc; padding: 8pt 12pt; margin: 8pt 0; }
.answer p { margin: 4pt 0; }
figure { margin: 10pt 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figure .interactive { display: none; } figure.live .interactive { display: block; } figure.live .static { display: none; }
#vg-tooltip-element { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9pt; }
table.introsim.kv th { width: 35%; }
ol.sources { font-size: 9pt; padding-left: 18pt; } ol.sources a { overflow-wrap: anywhere; }
figcaption { font-size: 9pt; color: #444; margin-top: 3pt; }
table.introsim { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 6pt 0 10pt; break-inside: auto; }
table.introsim caption { font-size: 10pt; margin-bottom: 3pt; }
table.introsim th, table.introsim td { border-bottom: 1px solid #ddd; padding: 2pt 5pt; vertical-align: top; hyphens: auto; }
table.introsim td:last-child { overflow-wrap: anywhere; }
table.introsim td[style="text-align:right"] { white-space: nowrap; overflow-wrap: normal; }
table.introsim thead th { border-bottom: 1.5px solid #888; }
table.introsim th { overflow-wrap: anywhere; hyphens: auto; }
table.introsim tr { break-inside: avoid; }
pre { font-size: 7.5pt; white-space: pre-wrap; word-break: break-all; background: #f6f6f6; padding: 6pt; }
ul.warnings li { color: #8a4b00; }
nav ol { columns: 2; font-size: 9.5pt; }
@media print { nav { display: none; } table.introsim { font-size: 7.5pt; } h2 { break-after: avoid; } a { color: inherit; text-decoration: none; }
  figure .interactive, figure.live .interactive { display: none !important; } figure .static, figure.live .static { display: block !important; } }
`;

/** The comparison columns that fit an A4 page (the workbook has them all). */
const COMPARISON_COLUMNS = ["Scenario", "P50 (kr)", "P85 (kr)", "Andel over anslaget", "Avtaler", "Nasjonalt P85 (kr)", "Høyeste budsjettår P85 (kr)"];

/** The budget columns that fit an A4 page (the workbook has them all). */
const BUDGET_COLUMNS = ["År", "Priser", "Aktive avtaleår P50", "P50 (kr)", "P85 (kr)", "Bevilgning (kr)", "Andel over bevilgningen"];

function figure(c: ReportChart | undefined): string {
  if (!c) return "";
  const id = `fig-${escapeHtml(c.name)}`;
  const caption = `<figcaption>${escapeHtml(c.caption)}</figcaption>`;
  if (!c.spec) return `<figure id="${id}"><div class="static">${c.svg}</div>${caption}</figure>`;
  return `<figure id="${id}" data-vega="vg-${escapeHtml(c.name)}"><div class="static">${c.svg}</div><div class="interactive"></div>${caption}</figure>${specBlock(`vg-${escapeHtml(c.name)}`, c.spec)}`;
}

/** What the run did, in words (the method section). */
function methodSection(r: ScenarioResults): string {
  const c = r.cost;
  return `<section id="metode"><h2>Metode</h2>
<p>Netto merutgift per avtaleår er introduksjonslegens refusjon og egenandeler folketrygden betaler, minus det de avgivende fastlegene ikke lenger krever (substitusjon),
regnet fra datostyrte normaltariff-takster. Usikre forutsetninger trekkes ${formatNumber(c.draws, 0)} ganger (Monte Carlo, frø ${c.seed}); resultatet er percentilene av trekkene.
Tornadoen flytter én forutsetning om gangen fra P10 til P90 med de andre på sentralverdien.${
    c.sobol
      ? ` Sobol-indeksene (Saltelli 2010, Jansen 1999; N = ${formatNumber(c.sobol.samples, 0)}) fordeler variansen på forutsetningene, alene og med samspill.`
      : ""
  }${r.budget ? ` Budsjettbanen simulerer tildeling, oppstart og tilbakelevering av avtalene måned for måned i ${formatNumber(r.budget.replications, 0)} replikasjoner.` : ""}
Samme scenario, frø, data og versjon gir de samme tallene (se vedlegget).</p></section>`;
}

/** The manifest as a short key–value table (the full manifest is manifest.json beside the report). */
function manifestTable(m: ScenarioResults["manifest"]): string {
  const short = (h: string) => h.slice(0, 12);
  const rows: Array<[string, string]> = [
    ["introsim-versjon", m.version],
    ["Kjørt", formatDateLong(m.date)],
    ["Scenario", `${m.scenario.name}${m.scenario.file ? ` (${m.scenario.file})` : ""}`],
    ["Scenario-hash", short(m.scenario.hash)],
    ["Frø / trekk", `${m.seed} / ${formatNumber(m.draws, 0)}`],
    ["Overstyringer (--set)", m.overrides.length ? m.overrides.map((o) => `${o.name}=${JSON.stringify(o.value)}`).join(", ") : "ingen"],
    ["Datafiler", `${m.data.files.length} filer, samlet hash ${short(m.data.hash)}`],
    ["Andre inndatafiler", m.inputs.length ? m.inputs.map((f) => `${f.file} (${short(f.sha256)})`).join(", ") : "ingen"],
  ];
  return `<table class="introsim kv"><tbody>${rows.map(([k, v]) => `<tr><th style="text-align:left">${escapeHtml(k)}</th><td style="text-align:left">${escapeHtml(v)}</td></tr>`).join("")}</tbody></table>`;
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
${uncertaintySection(r.cost, chart)}
<section id="forutsetninger"><h2>Forutsetninger og kilder</h2>
<p>Hver forutsetning med fordeling og kilde. Usikre tall er modellert som fordelinger (trippelestimat: lav, mest sannsynlig, høy). Tall fra datafilene viser til kildelisten.</p>
${s.sources ? citeDataFiles(htmlTable(assumptionsTableView(r.cost)), s.sources) : htmlTable(assumptionsTableView(r.cost))}
${s.sources ? `<h3 id="kilder">Kilder</h3>${sourcesList(s.sources)}` : ""}
</section>
${methodSection(r)}`;
}

function manifestSection(manifests: ReadonlyArray<ScenarioResults["manifest"]>, warnings: ReadonlyArray<string>): string {
  return `<section id="manifest"><h2>Vedlegg: manifest og merknader</h2>
${warnings.length ? `<ul class="warnings">${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul>` : "<p>Ingen merknader.</p>"}
<p>Samme scenario, frø, data og versjon gir de samme tallene. Hele manifestet (alle datafiler med SHA-256) står i manifest.json.</p>
${manifests.map(manifestTable).join("")}</section>`;
}

const QUESTION = `<section id="sporsmal"><h2>Spørsmålet</h2>
<p>Introduksjonsavtaler lar en lege i spesialisering i allmennmedisin arbeide på fastlegers lister og kreve trygderefusjon.
Helse- og omsorgsdepartementet finansierer avtalene over kap. 2755 post 70 og har lagt til grunn at hver avtale koster folketrygden
om lag 500 000 kr i året – et «svært usikkert anslag». Rapporten anslår netto merutgift per avtaleår med usikkerhet, viser hva som
driver den, hvem som betaler og får, og hva det betyr for budsjettet år for år.</p></section>`;

/** @param runLine the running header's right-hand text (scenario and run date) */
function page(title: string, meta: string, body: string, nav: Array<[string, string]>, runLine: string): string {
  return `<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${pageStyle(title, runLine)}${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p class="meta">${meta}</p></header>
<nav><ol>${nav.map(([id, label]) => `<li><a href="#${id}">${escapeHtml(label)}</a></li>`).join("")}</ol></nav>
${body}
${body.includes("data-vega=") ? `${vegaScripts()}\n${BOOT_SCRIPT}` : ""}
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
    ["betydning", "Hva det betyr"],
    ["resultater", "Resultater"],
    ["folsomhet", "Følsomhet"],
    ...(r.flows ? [["strommer", "Refusjonsstrømmer"] as [string, string]] : []),
    ...(r.budget ? [["budsjett", "Budsjett"] as [string, string]] : []),
    ["forutsetninger", "Forutsetninger og kilder"],
    ["metode", "Metode"],
    ["manifest", "Vedlegg: manifest"],
  ];
  const body = `${QUESTION}
<section id="svar"><h2>Svaret</h2>${r.scenario.description ? `<p>${escapeHtml(r.scenario.description)}</p>` : ""}${answer(r)}</section>
<section id="betydning"><h2>Hva det betyr</h2>${meaningParagraphs(r).join("\n")}</section>
${scenarioSections(s)}
${manifestSection([r.manifest], r.notes)}`;
  return page("Hva koster en introduksjonsavtale for folketrygden?", meta, body, nav, `Scenario «${r.scenario.name}» · kjørt ${formatDate(r.manifest.date)}`);
}

/** The report of several scenarios: the comparison first, then each scenario's answer, with links to their own reports. */
/** @param extraSections HTML placed after the comparison section (the paired comparison, src/report/uncertaintySection.ts) */
export function comparisonReportHtml(
  scenarios: ReadonlyArray<ReportScenario>,
  comparisonCharts: ReportChart[],
  links: ReadonlyArray<string>,
  extraSections = "",
): string {
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
${htmlTable(sheetTable(comparisonSheet(results), COMPARISON_COLUMNS))}
<p>Alle kolonnene (gjennomsnitt, P10, P90, nasjonalt P50) står i results.xlsx.</p>
</section>
${extraSections}
${scenarios
  .map((s, i) => {
    const r = s.results;
    return `<section id="scenario-${escapeHtml(r.scenario.name)}"><h2>${escapeHtml(r.scenario.title)}</h2>
${r.scenario.description ? `<p>${escapeHtml(r.scenario.description)}</p>` : ""}
${answer(r, `scenarios.${i}.`)}
${meaningParagraphs(r, `scenarios.${i}.`).join("\n")}
${figure(s.charts.find((c) => c.name === "budsjettbane"))}
<p>Hele rapporten for scenarioet: <a href="${escapeHtml(links[i]!)}">${escapeHtml(links[i]!)}</a>.</p></section>`;
  })
  .join("\n")}
${manifestSection(
  results.map((r) => r.manifest),
  [...new Set(results.flatMap((r) => r.notes.map((w) => `«${r.scenario.title}»: ${w}`)))],
)}`;
  return page("Hva koster introduksjonsavtalene? Scenarioer side om side", meta, body, nav, `${results.length} scenarioer · kjørt ${formatDate(date)}`);
}
