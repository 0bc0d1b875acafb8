/**
 * Chart: iso-cost — the plane of two inputs shaded by the probability that the cost per agreement-year exceeds the
 * target (the other inputs drawn), the contour where it equals the target (the others central), and the scenario's
 * central point. "How much substitution and how many consultations make HOD's figure right."
 */
import type { IsoCostResult } from "../analysis/isoCost";
import { formatNok, formatNumber } from "../format/norwegian";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";

/** The label with its unit in brackets, unless the label already says it (e.g. "Konsultasjoner per uke"). */
const axisTitle = (label: string, unit: string) => (unit && !label.toLowerCase().includes(unit.toLowerCase()) ? `${label} (${unit})` : label);

export function isoCostSpec(r: IsoCostResult, scenarioTitle: string): ChartSpec {
  const side = PAGE_WIDTH - 160;
  const xScale = { domain: [r.x.low, r.x.high], nice: false, zero: false };
  const yScale = { domain: [r.y.low, r.y.high], nice: false, zero: false };
  const contourNote =
    r.contour.length > 0
      ? `Linjen: kombinasjonene der kostnaden er ${formatNok(r.target)} med de øvrige forutsetningene på sentralverdien.`
      : `Kostnaden når ikke ${formatNok(r.target)} noe sted i planet med de øvrige forutsetningene på sentralverdien.`;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: `Iso-kostnad: ${r.x.label} mot ${r.y.label}, skyggelagt etter sannsynligheten for å overstige ${formatNok(r.target)}.`,
    title: {
      text: `Hva må ${r.x.label.toLowerCase()} og ${r.y.label.toLowerCase()} være for ${formatNok(r.target)}?`,
      subtitle: [
        contourNote,
        `Fargen: andel av ${formatNumber(r.draws, 0)} trekk av de øvrige forutsetningene der kostnaden overstiger ${formatNok(r.target)}.`,
        `Krysset: scenarioets sentralverdi (${formatNok(r.central.output)}). Scenario «${scenarioTitle}».`,
      ],
    },
    width: side,
    height: side,
    config: BASE_CONFIG,
    layer: [
      {
        data: { values: r.cells },
        mark: { type: "rect" },
        encoding: {
          x: { field: "x0", type: "quantitative", title: axisTitle(r.x.label, r.x.unit), scale: xScale },
          x2: { field: "x1" },
          y: { field: "y0", type: "quantitative", title: axisTitle(r.y.label, r.y.unit), scale: yScale },
          y2: { field: "y1" },
          color: {
            field: "pExceed",
            type: "quantitative",
            title: `P(over ${formatNok(r.target)})`,
            scale: { domain: [0, 1], range: [COLORS.sky, "#ffffff", COLORS.orange], domainMid: 0.5 },
            legend: { format: ".0%", orient: "right" },
          },
        },
      },
      {
        data: { values: r.contour },
        mark: { type: "line", color: COLORS.black, strokeWidth: 2.5 },
        encoding: {
          x: { field: "x", type: "quantitative", scale: xScale },
          y: { field: "y", type: "quantitative", scale: yScale },
          order: { field: "y", type: "quantitative" },
        },
      },
      {
        data: { values: [{ x: r.central.x, y: r.central.y }] },
        mark: { type: "point", shape: "cross", size: 220, filled: true, color: COLORS.vermillion },
        encoding: { x: { field: "x", type: "quantitative", scale: xScale }, y: { field: "y", type: "quantitative", scale: yScale } },
      },
    ],
  };
}
