/**
 * Chart: global sensitivity (Sobol indices) of the net cost per agreement-year — for each uncertain input, the share
 * of the variance it explains alone (first order) and with its interactions (total effect), ranked.
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
export function sobolSpec(r: CostReport, lang: Lang = DEFAULT_LANG): ChartSpec {
  const w = chartText(lang).sobol;
  const f = numberFormats(lang);
  const indices = (r.sobol?.indices ?? []).slice(0, MAX_ROWS).map((s) => ({ ...s, label: inputLabel(lang, s) }));
  const rows = indices.flatMap((s) => [
    { input: s.label, mål: w.firstOrder, andel: 100 * Math.max(0, s.firstOrder) },
    { input: s.label, mål: w.total, andel: 100 * Math.max(0, s.total) },
  ]);
  const top = indices[0];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: w.description,
    title: {
      text: top ? w.title(top.label, f.percent(top.total, 0)) : chartText(lang).tornado.none,
      subtitle: [w.methodLine(f.number(r.sobol?.samples ?? 0, 0))],
    },
    width: PAGE_WIDTH - 340,
    height: { step: 14 },
    config: BASE_CONFIG,
    data: { values: rows },
    mark: "bar",
    encoding: {
      y: { field: "input", type: "nominal", title: null, sort: indices.map((s) => s.label), axis: { labelLimit: 340 } },
      yOffset: { field: "mål", type: "nominal", sort: [w.firstOrder, w.total] },
      x: { field: "andel", type: "quantitative", title: w.xTitle, axis: { format: ",.0f" }, scale: { domain: [0, 100] } },
      color: { field: "mål", type: "nominal", title: null, scale: { domain: [w.firstOrder, w.total], range: [COLORS.blue, COLORS.sky] }, legend: { orient: "bottom", labelLimit: 300 } },
      tooltip: [{ field: "input", title: w.tooltip.input }, { field: "mål", title: w.tooltip.measure }, { field: "andel", type: "quantitative", title: w.tooltip.share, format: ",.1f" }],
    },
  };
}
