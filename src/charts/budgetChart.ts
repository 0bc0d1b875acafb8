/**
 * Chart: folketrygd spending on introduksjonsavtaler per budget year (P50 with the P50–P85 band, the usual budget
 * frame) against the appropriation on kap. 2755 post 70. Years priced at the last known or a regulated-forward tariff are drawn hollow.
 */
import { CORRELATION_LABELS, PRICE_BASIS_LABELS, type BudgetProjection } from "../budget/projectBudget";
import { formatDate } from "../format/norwegian";
import { numberFormats } from "../format/localeNumbers";
import { chartText } from "../i18n/chartMessages";
import { DEFAULT_LANG, type Lang } from "../i18n/messages";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";

/** Title sentence: whether P85 stays under the line in every year, else the first year it does not. */
export function budgetFindingTitle(b: BudgetProjection, lang: Lang = DEFAULT_LANG): string {
  const w = chartText(lang).budgetPath;
  const f = numberFormats(lang);
  const line = b.years[0]?.budgetLineNok ?? 0;
  const over = b.years.filter((y) => y.nok.p85 > y.budgetLineNok);
  const peak = b.years.reduce((a, y) => (y.nok.p85 > a.nok.p85 ? y : a), b.years[0]!);
  if (over.length === 0) return w.underInAll(f.millNok(line), f.millNok(peak.nok.p85), peak.year);
  return w.overIn(f.millNok(line), over.map((y) => y.year).join(", "));
}

/** @param lang the language of its words and numbers ("nb", the default, or "en") */
export function budgetPathSpec(b: BudgetProjection, subtitle: string, lang: Lang = DEFAULT_LANG): ChartSpec {
  const w = chartText(lang).budgetPath;
  const f = numberFormats(lang);
  const priceLabel = (p: keyof typeof PRICE_BASIS_LABELS) => w.prices[p] ?? PRICE_BASIS_LABELS[p];
  const rows = b.years.map((y) => ({
    år: String(y.year),
    p50: y.nok.p50 / 1e6,
    p85: y.nok.p85 / 1e6,
    bevilgning: y.budgetLineNok / 1e6,
    fullBruk: y.fullUse.p50 / 1e6,
    priser: priceLabel(y.prices),
    måneder: y.simulatedMonths,
  }));
  const present = [...new Set(rows.map((r) => r.priser))];
  const lastKnown = b.years.filter((y) => y.prices === "last-known").map((y) => y.year);
  const extrapolated = b.years.filter((y) => y.prices === "extrapolated").map((y) => y.year);
  const partial = b.years.filter((y) => y.simulatedMonths < 12).map((y) => w.partialYear(y.year, y.simulatedMonths));
  const notes = [
    b.basis === "fixed" ? w.fixedPrices(formatDate(b.fixedPriceDate!)) : w.currentPrices,
    ...(lastKnown.length ? [w.lastKnown(lastKnown.join(", "))] : []),
    ...(extrapolated.length && b.regulation
      ? [w.extrapolated(extrapolated[0]!, extrapolated[extrapolated.length - 1]!, f.percent(b.regulation.p50), f.percent(b.regulation.p10), f.percent(b.regulation.p90))]
      : []),
    ...(b.correlation ? [w.correlationLine(w.correlation[b.correlation] ?? CORRELATION_LABELS[b.correlation])] : []),
    ...(partial.length ? [w.partial(partial.join(", "))] : []),
  ];
  const x = { field: "år", type: "ordinal" as const, title: w.xTitle, axis: { labelAngle: 0 } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: w.description,
    title: {
      text: budgetFindingTitle(b, lang),
      subtitle: [subtitle, w.bandLine(f.number(b.replications, 0)), w.fullUseLine, ...notes],
    },
    width: PAGE_WIDTH - 120,
    height: 260,
    config: BASE_CONFIG,
    data: { values: rows },
    layer: [
      { mark: { type: "bar", color: COLORS.sky, opacity: 0.55, width: { band: 0.5 } }, encoding: { x, y: { field: "p50", type: "quantitative", title: w.yTitle, axis: { format: ",.0f" } }, y2: { field: "p85" } } },
      {
        mark: { type: "line", color: COLORS.blue, strokeWidth: 2, point: false },
        encoding: { x, y: { field: "p50", type: "quantitative" } },
      },
      {
        mark: { type: "point", size: 70, strokeWidth: 2, color: COLORS.blue },
        encoding: {
          x,
          y: { field: "p50", type: "quantitative" },
          fill: { field: "priser", type: "nominal", title: null, scale: { domain: present, range: present.map((p) => (p === priceLabel("last-known") || p === priceLabel("extrapolated") ? "#ffffff" : COLORS.blue)) }, legend: { orient: "bottom", labelLimit: 300 } },
          tooltip: [
            { field: "år", title: w.tooltip.year },
            { field: "p50", type: "quantitative", title: w.tooltip.p50, format: ",.1f" },
            { field: "p85", type: "quantitative", title: w.tooltip.p85, format: ",.1f" },
            { field: "priser", title: w.tooltip.prices },
          ],
        },
      },
      { mark: { type: "line", color: COLORS.grey, strokeDash: [4, 3], strokeWidth: 1.5 }, encoding: { x, y: { field: "fullBruk", type: "quantitative" } } },
      { mark: { type: "rule", color: COLORS.vermillion, strokeWidth: 2 }, encoding: { y: { aggregate: "max", field: "bevilgning", type: "quantitative" } } },
    ],
  };
}
