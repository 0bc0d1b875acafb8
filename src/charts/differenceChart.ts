/**
 * Chart: the paired difference B − A of the net cost per agreement-year, draw by draw (common random numbers), as a
 * histogram with 0 and the mean marked. The title states how likely B costs more than A.
 */
import type { PairedComparison } from "../analysis/pairedComparison";
import { HISTOGRAM_BINS } from "../constants";
import { formatNok, formatPercent } from "../format/norwegian";
import { histogramSorted } from "../stats/histogram";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";

/** @param sortedDifference B − A per draw, sorted ascending */
export function differenceSpec(c: PairedComparison, sortedDifference: Float64Array): ChartSpec {
  const bins = histogramSorted(sortedDifference, HISTOGRAM_BINS).map((b) => ({ x0: b.x0, x1: b.x1, prosent: b.share * 100 }));
  const marks = [
    { navn: "Ingen forskjell", x: 0 },
    { navn: `Gjennomsnitt ${formatNok(c.difference.mean)}`, x: c.difference.mean },
  ];
  const title =
    c.shareEqual === 1
      ? `«${c.b.title}» koster det samme som «${c.a.title}» i hvert trekk`
      : `«${c.b.title}» koster mer enn «${c.a.title}» i ${formatPercent(c.probabilityBHigher, 0)} av trekkene`;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: "Parvis forskjell i netto merutgift per avtaleår mellom to scenarioer, trekk for trekk (felles tilfeldige tall).",
    title: {
      text: title,
      subtitle: [
        `Forskjell B − A: gjennomsnitt ${formatNok(c.difference.mean)}, P10–P90 ${formatNok(c.difference.p10)} – ${formatNok(c.difference.p90)}.`,
        `Parvis standardavvik ${formatNok(c.difference.sd)} mot ${formatNok(c.unpairedSd)} om scenarioene var trukket uavhengig.`,
      ],
    },
    width: PAGE_WIDTH,
    height: 260,
    config: BASE_CONFIG,
    layer: [
      {
        data: { values: bins },
        mark: { type: "rect", color: COLORS.sky, stroke: "#ffffff", strokeWidth: 0.5 },
        encoding: {
          x: { field: "x0", type: "quantitative", title: "Forskjell i netto merutgift per avtaleår, B − A (kr)", axis: { format: ",.0f" } },
          x2: { field: "x1" },
          y: { field: "prosent", type: "quantitative", title: "Andel av trekkene (%)", axis: { format: ",.1f" } },
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
