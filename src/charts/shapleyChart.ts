/**
 * Chart: Shapley effects of the net cost per agreement-year — each input's share of the variance, summing to 100 %,
 * with ± 2 Monte Carlo standard errors. Shown instead of the Sobol chart when inputs are correlated; the subtitle
 * says which decomposition is shown and why (CostReport.sensitivityMethod).
 */
import type { CostReport } from "../analysis/runCost";
import { numberFormats } from "../format/localeNumbers";
import { chartText } from "../i18n/chartMessages";
import { inputLabel } from "../i18n/inputLabels";
import { DEFAULT_LANG, type Lang } from "../i18n/messages";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";

const MAX_ROWS = 10;

/** @param lang the language of its words, numbers and input labels ("nb", the default, or "en") */
export function shapleySpec(r: CostReport, lang: Lang = DEFAULT_LANG): ChartSpec {
  const text = chartText(lang);
  const w = text.shapley;
  const f = numberFormats(lang);
  const effects = (r.shapley?.effects ?? []).slice(0, MAX_ROWS).map((e) => ({ ...e, label: inputLabel(lang, e) }));
  const rows = effects.map((e) => ({
    input: e.label,
    andel: 100 * e.share,
    lav: 100 * Math.max(0, e.share - 2 * e.shareSe),
    hoy: 100 * (e.share + 2 * e.shareSe),
  }));
  const top = effects[0];
  const why = r.correlations ? w.correlatedWhy : w.independentWhy;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: w.description,
    title: {
      text: top ? w.title(top.label, f.percent(top.share, 0)) : text.tornado.none,
      subtitle: [why, w.methodLine(f.number(r.shapley?.permutations ?? 0, 0))],
    },
    width: PAGE_WIDTH - 340,
    height: { step: 18 },
    config: BASE_CONFIG,
    data: { values: rows },
    layer: [
      {
        mark: { type: "bar", color: COLORS.blue },
        encoding: {
          y: { field: "input", type: "nominal", title: null, sort: effects.map((e) => e.label), axis: { labelLimit: 340 } },
          x: { field: "andel", type: "quantitative", title: text.sobol.xTitle, axis: { format: ",.0f" } },
          tooltip: [
            { field: "input", title: text.sobol.tooltip.input },
            { field: "andel", type: "quantitative", title: text.sobol.tooltip.share, format: ",.1f" },
          ],
        },
      },
      {
        mark: { type: "rule", color: "#333333" },
        encoding: {
          y: { field: "input", type: "nominal", sort: effects.map((e) => e.label) },
          x: { field: "lav", type: "quantitative" },
          x2: { field: "hoy" },
        },
      },
    ],
  };
}
