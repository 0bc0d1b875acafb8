/**
 * Chart: the distribution of the net cost per agreement-year (histogram of the Monte Carlo draws), with HOD's
 * 500 000 kr estimate and P50 / P85 marked. The title states the finding.
 */
import { histogramSorted } from "../stats/histogram";
import { HISTOGRAM_BINS } from "../constants";
import type { CostReport } from "../analysis/runCost";
import { numberFormats } from "../format/localeNumbers";
import { chartText } from "../i18n/chartMessages";
import { DEFAULT_LANG, type Lang } from "../i18n/messages";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";


/** Title sentence: where the median lies relative to the reference, and how likely the reference is exceeded. */
export function costFindingTitle(r: CostReport, lang: Lang = DEFAULT_LANG): string {
  const nok = (x: number) => numberFormats(lang).nok(x);
  return chartText(lang).costDistribution.title(nok(r.p50), r.p50 <= r.referenceCostNok ? "under" : "over", nok(r.referenceCostNok));
}

/** @param lang the language of its words and numbers ("nb", the default, or "en") */
export function costDistributionSpec(r: CostReport, sortedNet: Float64Array, lang: Lang = DEFAULT_LANG): ChartSpec {
  const t = chartText(lang);
  const f = numberFormats(lang);
  const bins = histogramSorted(sortedNet, HISTOGRAM_BINS).map((b) => ({ x0: b.x0, x1: b.x1, prosent: b.share * 100 }));
  const marks = [
    { navn: t.estimate(f.nok(r.referenceCostNok)), x: r.referenceCostNok, farge: "anslag" },
    { navn: `P50 ${f.nok(r.p50)}`, x: r.p50, farge: "p50" },
    { navn: `P85 ${f.nok(r.p85)}`, x: r.p85, farge: "p85" },
  ];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: t.costDistribution.description,
    title: {
      text: costFindingTitle(r, lang),
      subtitle: [
        t.costDistribution.shareLine(f.percent(r.shareAbove500k), f.nok(r.referenceCostNok), f.nok(r.p10), f.nok(r.p90)),
        t.costDistribution.runLine(r.scenario.title, f.number(r.draws, 0), r.seed),
      ],
    },
    width: PAGE_WIDTH,
    height: 300,
    config: BASE_CONFIG,
    layer: [
      {
        data: { values: bins },
        mark: { type: "rect", color: COLORS.sky, stroke: "#ffffff", strokeWidth: 0.5 },
        encoding: {
          x: { field: "x0", type: "quantitative", title: t.costDistribution.xTitle, axis: { format: ",.0f" } },
          x2: { field: "x1" },
          y: { field: "prosent", type: "quantitative", title: t.costDistribution.yTitle, axis: { format: ",.1f" } },
          tooltip: [
            { field: "x0", type: "quantitative", title: t.costDistribution.tooltip.from, format: ",.0f" },
            { field: "x1", type: "quantitative", title: t.costDistribution.tooltip.to, format: ",.0f" },
            { field: "prosent", type: "quantitative", title: t.costDistribution.tooltip.share, format: ",.2f" },
          ],
        },
      },
      {
        data: { values: marks },
        mark: { type: "rule", strokeWidth: 2 },
        encoding: {
          x: { field: "x", type: "quantitative" },
          color: {
            field: "navn",
            type: "nominal",
            title: null,
            scale: { domain: marks.map((m) => m.navn), range: [COLORS.vermillion, COLORS.blue, COLORS.orange] },
            legend: { orient: "top-right" },
          },
          strokeDash: { field: "navn", type: "nominal", title: null, scale: { domain: marks.map((m) => m.navn), range: [[1, 0], [6, 3], [2, 2]] } },
        },
      },
    ],
  };
}
