/**
 * Chart: the paired difference B − A of the net cost per agreement-year, draw by draw (common random numbers), as a
 * histogram with 0 and the mean marked. The title states how likely B costs more than A.
 */
import type { PairedComparison } from "../analysis/pairedComparison";
import { HISTOGRAM_BINS } from "../constants";
import { numberFormats } from "../format/localeNumbers";
import { chartText } from "../i18n/chartMessages";
import { DEFAULT_LANG, type Lang } from "../i18n/messages";
import { histogramSorted } from "../stats/histogram";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";

/**
 * @param sortedDifference B − A per draw, sorted ascending
 * @param lang the language of its words and numbers ("nb", the default, or "en")
 */
export function differenceSpec(c: PairedComparison, sortedDifference: Float64Array, lang: Lang = DEFAULT_LANG): ChartSpec {
  const text = chartText(lang);
  const w = text.difference;
  const f = numberFormats(lang);
  const bins = histogramSorted(sortedDifference, HISTOGRAM_BINS).map((b) => ({ x0: b.x0, x1: b.x1, prosent: b.share * 100 }));
  const marks = [
    { navn: w.noDifference, x: 0 },
    { navn: w.mean(f.nok(c.difference.mean)), x: c.difference.mean },
  ];
  const title = c.shareEqual === 1 ? w.same(c.b.title, c.a.title) : w.higher(c.b.title, c.a.title, f.percent(c.probabilityBHigher, 0));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: w.description,
    title: {
      text: title,
      subtitle: [w.summaryLine(f.nok(c.difference.mean), f.nok(c.difference.p10), f.nok(c.difference.p90)), w.sdLine(f.nok(c.difference.sd), f.nok(c.unpairedSd))],
    },
    width: PAGE_WIDTH,
    height: 260,
    config: BASE_CONFIG,
    layer: [
      {
        data: { values: bins },
        mark: { type: "rect", color: COLORS.sky, stroke: "#ffffff", strokeWidth: 0.5 },
        encoding: {
          x: { field: "x0", type: "quantitative", title: w.xTitle, axis: { format: ",.0f" } },
          x2: { field: "x1" },
          y: { field: "prosent", type: "quantitative", title: text.costDistribution.yTitle, axis: { format: ",.1f" } },
        },
      },
      {
        data: { values: marks },
        mark: { type: "rule", strokeWidth: 2 },
        encoding: {
          x: { field: "x", type: "quantitative" },
          color: { field: "navn", type: "nominal", title: null, scale: { domain: marks.map((m) => m.navn), range: [COLORS.vermillion, COLORS.blue] }, legend: { orient: "top-right" } },
        },
      },
    ],
  };
}
