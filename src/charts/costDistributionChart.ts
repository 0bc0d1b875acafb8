/**
 * Chart: the distribution of the net cost per agreement-year (histogram of the Monte Carlo draws), with HOD's
 * 500 000 kr estimate and P50 / P85 marked. The title states the finding.
 */
import { histogramSorted } from "../stats/histogram";
import { HISTOGRAM_BINS } from "../constants";
import type { CostReport } from "../analysis/runCost";
import { formatNok, formatNumber, formatPercent } from "../format/norwegian";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";


/** Title sentence: where the median lies relative to the reference, and how likely the reference is exceeded. */
export function costFindingTitle(r: CostReport): string {
  const side = r.p50 <= r.referenceCostNok ? "under" : "over";
  return `Median ${formatNok(r.p50)} per avtaleår – ${side} anslaget på ${formatNok(r.referenceCostNok)}`;
}

export function costDistributionSpec(r: CostReport, sortedNet: Float64Array): ChartSpec {
  const bins = histogramSorted(sortedNet, HISTOGRAM_BINS).map((b) => ({ x0: b.x0, x1: b.x1, prosent: b.share * 100 }));
  const marks = [
    { navn: `Anslag ${formatNok(r.referenceCostNok)}`, x: r.referenceCostNok, farge: "anslag" },
    { navn: `P50 ${formatNok(r.p50)}`, x: r.p50, farge: "p50" },
    { navn: `P85 ${formatNok(r.p85)}`, x: r.p85, farge: "p85" },
  ];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: "Fordeling av folketrygdens netto merutgift per introduksjonsavtale per avtaleår (Monte Carlo).",
    title: {
      text: costFindingTitle(r),
      subtitle: [
        `${formatPercent(r.shareAbove500k)} av trekkene ligger over ${formatNok(r.referenceCostNok)}. P10–P90: ${formatNok(r.p10)} – ${formatNok(r.p90)}.`,
        `Scenario «${r.scenario.title}», ${formatNumber(r.draws, 0)} trekk, frø ${r.seed}.`,
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
          x: { field: "x0", type: "quantitative", title: "Netto merutgift for folketrygden per avtaleår (kr)", axis: { format: ",.0f" } },
          x2: { field: "x1" },
          y: { field: "prosent", type: "quantitative", title: "Andel av trekkene (%)", axis: { format: ",.1f" } },
          tooltip: [
            { field: "x0", type: "quantitative", title: "fra (kr)", format: ",.0f" },
            { field: "x1", type: "quantitative", title: "til (kr)", format: ",.0f" },
            { field: "prosent", type: "quantitative", title: "andel (%)", format: ",.2f" },
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
