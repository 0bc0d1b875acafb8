/**
 * Report section «Usikkerhet og presisjon» (issue 19): how precise each figure is (± 95 % Monte Carlo half-width and
 * standard error beside it), the rank correlations the run imposed between inputs (or that they are independent), and
 * which variance decomposition the report shows — Shapley effects when inputs are correlated, Sobol indices otherwise —
 * with the reason.
 */
import type { CostReport } from "../analysis/runCost";
import type { PairedComparison } from "../analysis/pairedComparison";
import { formatNok, formatNumber, formatPercent } from "../format/norwegian";
import type { Table } from "../format/table";
import { escapeHtml, htmlTable } from "./htmlTable";

/** The reported figures of the net cost, each with its value and Monte Carlo precision (report and CLI tables). */
export function precisionRows(r: CostReport): Array<[string, number, { se: number; halfWidth95: number }]> {
  const p = r.precision;
  return [
    ["Gjennomsnitt", r.mean, p.mean],
    ["P10", r.p10, p.p10],
    ["P50", r.p50, p.p50],
    ["P85", r.p85, p.p85],
    ["P90", r.p90, p.p90],
  ];
}

/** Each figure of the net cost with its Monte Carlo precision. */
export function precisionTableView(r: CostReport): Table {
  const p = r.precision;
  const rows = precisionRows(r);
  return {
    caption: `Presisjon: Monte Carlo-usikkerheten i hvert tall med ${formatNumber(p.draws, 0)} trekk (95 % halvbredde og standardfeil)`,
    headers: ["Størrelse", "Netto merutgift per avtaleår", "± 95 %", "Standardfeil"],
    rows: rows.map(([name, v, f]) => [name, formatNok(v), `± ${formatNok(f.halfWidth95)}`, formatNok(f.se)]),
  };
}

/** The imposed rank correlations, pair by pair (empty rows when independent). */
export function correlationsTableView(r: CostReport): Table {
  const c = r.correlations;
  const label = (name: string) => r.assumptions.find((a) => a.name === name)?.label ?? name;
  const rows: Array<Array<string | number>> = [];
  if (c)
    c.names.forEach((a, i) =>
      c.names.forEach((b, j) => {
        const rho = c.spearman[i]![j]!;
        if (j > i && rho !== 0) rows.push([label(a), label(b), formatNumber(rho, 2)]);
      }),
    );
  return { caption: "Rangkorrelasjoner mellom forutsetningene (Spearman, påført med Iman–Conover)", headers: ["Forutsetning", "Forutsetning", "ρ"], rows };
}

/** Shapley effects as a table: share ± standard error. */
export function shapleyTableView(r: CostReport): Table {
  return {
    caption: "Shapley-effekter: andel av variansen per forutsetning (summerer til 100 %)",
    headers: ["Forutsetning", "Andel av variansen", "Standardfeil"],
    rows: (r.shapley?.effects ?? []).slice(0, 12).map((e) => [e.label, formatPercent(e.share, 1), formatPercent(e.shareSe, 1)]),
  };
}

/** The section's HTML; `chart(name)` renders a catalogue chart (here "shapley") as a figure. */
export function uncertaintySection(r: CostReport, chart: (name: string) => string): string {
  const correlated = r.correlations !== undefined;
  const method = r.sensitivityMethod;
  const methodText = method
    ? method.method === "shapley"
      ? "Rapporten viser Shapley-effekter: hver forutsetnings andel av variansen, summert til 100 %. " +
        (correlated
          ? "Forutsetningene er korrelerte; Sobol-indekser forutsetter uavhengige forutsetninger og mister da sin betydning."
          : "Med uavhengige forutsetninger ligger de mellom førsteordens og total Sobol-indeks.")
      : "Rapporten viser Sobol-indekser: forutsetningene trekkes uavhengig av hverandre, og da fordeler Sobol-indeksene variansen."
    : "";
  return `<section id="usikkerhet"><h2>Usikkerhet og presisjon</h2>
<p>Hvor presist er svaret? Tabellen viser Monte Carlo-usikkerheten i hvert tall: med flere trekk blir den mindre (halvbredden faller med kvadratroten av antall trekk). Den er ikke usikkerheten i forutsetningene, bare i beregningen av dem.</p>
${htmlTable(precisionTableView(r))}
${
  correlated
    ? `<p>Noen forutsetninger henger sammen. De trekkes med rangkorrelasjon (Iman–Conover): hver forutsetning beholder nøyaktig sin fordeling, bare rekkefølgen av trekkene endres.</p>${htmlTable(correlationsTableView(r))}`
    : "<p>Alle forutsetningene trekkes uavhengig av hverandre (ingen <code>correlations:</code> i scenariofilen).</p>"
}
${methodText ? `<p>${escapeHtml(methodText)}</p>` : ""}
${r.shapley ? `${chart("shapley")}${htmlTable(shapleyTableView(r))}` : ""}
</section>`;
}

/** A paired comparison's figures: B − A per draw with its precision, P(B > A), paired and unpaired sd, the national change. */
export function pairedComparisonTableView(c: PairedComparison): Table {
  const d = c.difference;
  return {
    caption: `Parvis sammenligning: «${c.b.title}» minus «${c.a.title}», trekk for trekk (${formatNumber(c.draws, 0)} trekk, frø ${c.seed})`,
    headers: ["Størrelse", "Verdi", "± 95 % (Monte Carlo)"],
    rows: [
      ["Forskjell per avtaleår, gjennomsnitt", formatNok(d.mean), `± ${formatNok(d.precision.mean.halfWidth95)}`],
      ["Forskjell, P10", formatNok(d.p10), `± ${formatNok(d.precision.p10.halfWidth95)}`],
      ["Forskjell, P50", formatNok(d.p50), `± ${formatNok(d.precision.p50.halfWidth95)}`],
      ["Forskjell, P90", formatNok(d.p90), `± ${formatNok(d.precision.p90.halfWidth95)}`],
      ["Sannsynlighet for at B koster mer enn A", formatPercent(c.probabilityBHigher, 1), ""],
      ["Standardavvik for forskjellen, parvis", formatNok(d.sd), ""],
      ["Standardavvik om trukket uavhengig", formatNok(c.unpairedSd), ""],
      [`Endring nasjonalt (${c.national.agreementsA} → ${c.national.agreementsB} avtaler), gjennomsnitt`, formatNok(c.national.meanChange), ""],
      ["… i prosent av A", formatPercent(c.national.relativeChange, 1), ""],
      ["… av dette fra antall avtaler / fra kostnad per avtale", `${formatPercent(c.national.volumeShare, 0)} / ${formatPercent(c.national.costShare, 0)}`, ""],
    ],
  };
}

/** What differs between the two scenarios, field by field with both values. */
export function differencesTableView(c: PairedComparison): Table {
  return {
    caption: "Hva som er forskjellig mellom scenarioene",
    headers: ["Felt", `A: ${c.a.title}`, `B: ${c.b.title}`],
    rows: c.differences.map((r) => [r.field, r.a, r.b]),
  };
}

/**
 * The comparison report's paired section: for each scenario after the first, B − A per draw against the first
 * (common random numbers), what differs, and the difference chart. `figureFor(name)` renders chart "parvis-<name>".
 */
export function pairedSection(comparisons: ReadonlyArray<PairedComparison>, skipped: ReadonlyArray<string>, figureFor: (name: string) => string): string {
  if (comparisons.length === 0 && skipped.length === 0) return "";
  return `<section id="parvis"><h2>Parvis sammenligning</h2>
<p>Scenarioene er kjørt med felles tilfeldige tall: hver forutsetning trekkes fra sin egen strøm (frø og navn), så trekk nummer <em>i</em> i to scenarioer deler alle forutsetninger som er definert likt. Forskjellen trekk for trekk viser bare virkningen av det som er ulikt, og er langt mer presis enn to intervaller side om side.</p>
${comparisons
  .map(
    (c) => `<h3>${escapeHtml(c.b.title)} mot ${escapeHtml(c.a.title)}</h3>
${htmlTable(differencesTableView(c))}
${htmlTable(pairedComparisonTableView(c))}
${figureFor(c.b.name)}`,
  )
  .join("\n")}
${skipped.map((s) => `<p>${escapeHtml(s)}</p>`).join("\n")}
</section>`;
}
