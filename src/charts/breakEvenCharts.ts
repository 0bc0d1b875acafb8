/**
 * Chart: iso-cost — the plane of two inputs shaded by the probability that the cost per agreement-year exceeds the
 * target (the other inputs drawn), the contour where it equals the target (the others central), and the scenario's
 * central point. "How much substitution and how many consultations make HOD's figure right."
 */
import type { IsoCostResult } from "../analysis/isoCost";
import { numberFormats } from "../format/localeNumbers";
import { chartText } from "../i18n/chartMessages";
import { inputLabel, inputUnit } from "../i18n/inputLabels";
import { DEFAULT_LANG, type Lang } from "../i18n/messages";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";

/** The label with its unit in brackets, unless the label already says it (e.g. "Konsultasjoner per uke"). */
const axisTitle = (label: string, unit: string) => (unit && !label.toLowerCase().includes(unit.toLowerCase()) ? `${label} (${unit})` : label);

/** @param lang the language of its words, numbers and input labels ("nb", the default, or "en") */
export function isoCostSpec(r: IsoCostResult, scenarioTitle: string, lang: Lang = DEFAULT_LANG): ChartSpec {
  const w = chartText(lang).isoCost;
  const f = numberFormats(lang);
  const target = f.nok(r.target);
  const [xLabel, yLabel] = [inputLabel(lang, r.x), inputLabel(lang, r.y)];
  const side = PAGE_WIDTH - 160;
  const xScale = { domain: [r.x.low, r.x.high], nice: false, zero: false };
  const yScale = { domain: [r.y.low, r.y.high], nice: false, zero: false };
  const contourNote = r.contour.length > 0 ? w.contour(target) : w.noContour(target);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: w.description(xLabel, yLabel, target),
    title: {
      text: w.title(xLabel, yLabel, target),
      subtitle: [contourNote, w.colourLine(f.number(r.draws, 0), target), w.crossLine(f.nok(r.central.output), scenarioTitle)],
    },
    width: side,
    height: side,
    config: BASE_CONFIG,
    layer: [
      {
        data: { values: r.cells },
        mark: { type: "rect" },
        encoding: {
          x: { field: "x0", type: "quantitative", title: axisTitle(xLabel, inputUnit(lang, r.x)), scale: xScale },
          x2: { field: "x1" },
          y: { field: "y0", type: "quantitative", title: axisTitle(yLabel, inputUnit(lang, r.y)), scale: yScale },
          y2: { field: "y1" },
          color: {
            field: "pExceed",
            type: "quantitative",
            title: w.legendTitle(target),
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
