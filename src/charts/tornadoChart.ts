/**
 * Chart: tornado — how far the net cost moves when each input goes from its P10 to its P90 with the others at their
 * central values. Bars start at the deterministic result and are sorted by swing; 500 000 kr is the reference line.
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
export function tornadoSpec(r: CostReport, lang: Lang = DEFAULT_LANG): ChartSpec {
  const text = chartText(lang);
  const w = text.tornado;
  const nok = (x: number) => numberFormats(lang).nok(x);
  const rows = r.tornado.rows.slice(0, MAX_ROWS).map((t) => ({ ...t, label: inputLabel(lang, t) }));
  const bars = rows.flatMap((t) => [
    { input: t.label, fra: r.tornado.base, til: t.outputAtLow, ende: w.atP10 },
    { input: t.label, fra: r.tornado.base, til: t.outputAtHigh, ende: w.atP90 },
  ]);
  const top = rows[0];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: w.description,
    title: {
      text: top ? w.title(top.label) : w.none,
      subtitle: [
        top ? w.rangeLine(nok(Math.min(top.outputAtLow, top.outputAtHigh)), nok(Math.max(top.outputAtLow, top.outputAtHigh))) : "",
        w.aloneLine,
        w.scenarioLine(r.scenario.title, nok(r.tornado.base)),
      ],
    },
    width: PAGE_WIDTH - 300,
    height: { step: 26 },
    config: BASE_CONFIG,
    layer: [
      {
        data: { values: bars },
        mark: { type: "bar", height: { band: 0.7 } },
        encoding: {
          y: { field: "input", type: "nominal", sort: rows.map((t) => t.label), title: null, axis: { labelLimit: 420 } },
          x: { field: "fra", type: "quantitative", title: text.netCostAxis, axis: { format: ",.0f" }, scale: { zero: false } },
          x2: { field: "til" },
          color: { field: "ende", type: "nominal", title: null, scale: { range: [COLORS.blue, COLORS.orange] }, legend: { orient: "bottom" } },
        },
      },
      {
        data: { values: [{ x: r.referenceCostNok }] },
        mark: { type: "rule", color: COLORS.vermillion, strokeWidth: 2 },
        encoding: { x: { field: "x", type: "quantitative" } },
      },
      {
        data: { values: [{ x: r.referenceCostNok, tekst: text.estimate(nok(r.referenceCostNok)) }] },
        mark: { type: "text", color: COLORS.vermillion, align: "left", dx: 4, dy: -6, baseline: "bottom", y: 0 },
        encoding: { x: { field: "x", type: "quantitative" }, text: { field: "tekst" } },
      },
    ],
  };
}
