/**
 * Chart: scenarios side by side — the net cost per agreement-year of each as an interval (P10–P90 line, P50 point,
 * P85 tick), against HOD's 500 000 kr estimate. The title names the cheapest and the dearest median.
 */
import type { CostReport } from "../analysis/runCost";
import type { BudgetProjection } from "../budget/projectBudget";
import { numberFormats } from "../format/localeNumbers";
import { chartText } from "../i18n/chartMessages";
import { DEFAULT_LANG, type Lang } from "../i18n/messages";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";

export function comparisonFindingTitle(reports: ReadonlyArray<CostReport>, lang: Lang = DEFAULT_LANG): string {
  const w = chartText(lang).comparison;
  const nok = (x: number) => numberFormats(lang).nok(x);
  const byP50 = [...reports].sort((a, b) => a.p50 - b.p50);
  const lo = byP50[0]!;
  const hi = byP50[byP50.length - 1]!;
  const over = reports.filter((r) => r.p50 > r.referenceCostNok).length;
  const tail = over === 0 ? w.allUnder(nok(lo.referenceCostNok)) : w.someOver(over, reports.length, nok(lo.referenceCostNok));
  if (nok(lo.p50) === nok(hi.p50)) return w.sameMedian(nok(lo.p50), tail);
  return w.medianRange(nok(lo.p50), nok(hi.p50), tail);
}

/** Which scenario is cheapest and dearest (a subtitle line; the title stays short enough for a page). */
function extremesLine(reports: ReadonlyArray<CostReport>, lang: Lang): string {
  const w = chartText(lang).comparison;
  const nok = (x: number) => numberFormats(lang).nok(x);
  const byP50 = [...reports].sort((a, b) => a.p50 - b.p50);
  const lo = byP50[0]!;
  const hi = byP50[byP50.length - 1]!;
  if (nok(lo.p50) === nok(hi.p50)) return w.sameCost;
  return w.extremes(lo.scenario.title, hi.scenario.title);
}

/** @param lang the language of its words and numbers ("nb", the default, or "en") */
export function scenarioComparisonSpec(reports: ReadonlyArray<CostReport>, subtitle: string, lang: Lang = DEFAULT_LANG): ChartSpec {
  const text = chartText(lang);
  const w = text.comparison;
  const nok = (x: number) => numberFormats(lang).nok(x);
  const rows = reports.map((r) => ({ scenario: r.scenario.title, p10: r.p10, p50: r.p50, p85: r.p85, p90: r.p90 }));
  const order = rows.map((r) => r.scenario);
  const y = { field: "scenario", type: "nominal" as const, title: null, sort: order, axis: { labelLimit: 360 } };
  const reference = reports[0]?.referenceCostNok ?? 0;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: w.description,
    title: { text: comparisonFindingTitle(reports, lang), subtitle: [extremesLine(reports, lang), subtitle, w.keyLine(nok(reference))] },
    width: PAGE_WIDTH - 340,
    height: { step: 34 },
    config: BASE_CONFIG,
    data: { values: rows },
    layer: [
      { mark: { type: "rule", color: COLORS.blue, strokeWidth: 2 }, encoding: { y, x: { field: "p10", type: "quantitative", title: text.netCostAxis, axis: { format: ",.0f" }, scale: { zero: false } }, x2: { field: "p90" } } },
      { mark: { type: "tick", color: COLORS.orange, thickness: 3, size: 18 }, encoding: { y, x: { field: "p85", type: "quantitative" } } },
      {
        mark: { type: "point", filled: true, size: 80, color: COLORS.blue },
        encoding: {
          y,
          x: { field: "p50", type: "quantitative" },
          tooltip: [
            { field: "scenario", title: w.tooltipScenario },
            ...(["p10", "p50", "p85", "p90"] as const).map((f) => ({ field: f, type: "quantitative" as const, title: w.percentileNok(f.toUpperCase()), format: ",.0f" })),
          ],
        },
      },
      { data: { values: [{ x: reference }] }, mark: { type: "rule", color: COLORS.vermillion, strokeWidth: 2, strokeDash: [6, 3] }, encoding: { x: { field: "x", type: "quantitative" } } },
    ],
  };
}

/** Name of the parameter that picks the scenario shown ("" = all); bound to a select list under the interactive chart. */
const SCENARIO_PARAM = "visScenario";
const shownScenario = { filter: `${SCENARIO_PARAM} === '' || datum.scenario === ${SCENARIO_PARAM}` };

/**
 * Budget paths of several scenarios: P85 per budget year for each, against the appropriation. Interactive (report,
 * notebooks), a select list switches between all scenarios and one; the static SVG (print, PNG) shows all of them.
 */
export function budgetComparisonSpec(paths: ReadonlyArray<{ title: string; budget: BudgetProjection }>, subtitle: string, lang: Lang = DEFAULT_LANG): ChartSpec {
  const w = chartText(lang).budgetComparison;
  const millNok = (x: number) => numberFormats(lang).millNok(x);
  const rows = paths.flatMap((p) => p.budget.years.map((y) => ({ scenario: p.title, år: String(y.year), p50: y.nok.p50 / 1e6, p85: y.nok.p85 / 1e6 })));
  const line = paths[0]?.budget.years[0]?.budgetLineNok ?? 0;
  const peak = rows.reduce((a, r) => (r.p85 > a.p85 ? r : a), rows[0] ?? { scenario: "", år: "", p50: 0, p85: 0 });
  const x = { field: "år", type: "ordinal" as const, title: w.xTitle, axis: { labelAngle: 0 } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: w.description,
    title: {
      text: peak.p85 * 1e6 <= line ? w.underInAll(millNok(line)) : w.overIn(peak.scenario, peak.år, millNok(peak.p85 * 1e6)),
      subtitle: [subtitle, w.keyLine],
    },
    width: PAGE_WIDTH - 200,
    height: 260,
    config: BASE_CONFIG,
    params: [
      {
        name: SCENARIO_PARAM,
        value: "",
        bind: { input: "select", options: ["", ...paths.map((p) => p.title)], labels: [w.allScenarios, ...paths.map((p) => p.title)], name: w.showScenario },
      },
    ],
    layer: [
      {
        data: { values: rows },
        transform: [shownScenario],
        mark: { type: "line", point: true, strokeWidth: 2 },
        encoding: {
          x,
          y: { field: "p85", type: "quantitative", title: w.yTitle, axis: { format: ",.0f" } },
          color: { field: "scenario", type: "nominal", title: null, scale: { domain: paths.map((p) => p.title), range: [COLORS.blue, COLORS.orange, COLORS.green, COLORS.purple, COLORS.sky, COLORS.vermillion, COLORS.grey] }, legend: { orient: "bottom", columns: 1, labelLimit: 400 } },
          tooltip: [
            { field: "scenario", title: w.tooltip.scenario },
            { field: "år", title: w.tooltip.year },
            { field: "p85", type: "quantitative", title: w.tooltip.p85, format: ",.1f" },
            { field: "p50", type: "quantitative", title: w.tooltip.p50, format: ",.1f" },
          ],
        },
      },
      { data: { values: rows }, transform: [shownScenario], mark: { type: "line", strokeDash: [4, 3], strokeWidth: 1.2 }, encoding: { x, y: { field: "p50", type: "quantitative" }, color: { field: "scenario", type: "nominal" } } },
      { data: { values: [{ y: line / 1e6 }] }, mark: { type: "rule", color: COLORS.vermillion, strokeWidth: 2 }, encoding: { y: { field: "y", type: "quantitative" } } },
    ],
  };
}
