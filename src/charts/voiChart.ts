/**
 * Chart: value of information — what perfect knowledge of each input (and group of inputs) is worth for the choice
 * of budget line, in kroner per year, against the value of knowing everything (EVPI). Tells the directorate which
 * quantity its regnskapstall should pin down first.
 */
import type { VoiResult } from "../analysis/valueOfInformation";
import { numberFormats } from "../format/localeNumbers";
import { chartText } from "../i18n/chartMessages";
import { inputLabel } from "../i18n/inputLabels";
import { DEFAULT_LANG, type Lang } from "../i18n/messages";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";

const MAX_ROWS = 10;

/** @param lang the language of its words, numbers and input labels ("nb", the default, or "en"); group names stay Norwegian */
export function voiSpec(r: VoiResult, scenarioTitle: string, lang: Lang = DEFAULT_LANG): ChartSpec {
  const w = chartText(lang).voi;
  const f = numberFormats(lang);
  const rows = r.rows
    .filter((x) => x.perYear > 0)
    .slice(0, MAX_ROWS)
    .map((x) => ({ ...x, label: x.kind === "input" ? inputLabel(lang, x) : x.label }));
  const top = rows[0];
  const bars = rows.map((x) => ({ navn: x.label, verdi: x.perYear, type: x.kind === "group" ? w.group : w.single }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: w.description,
    title: {
      text: top ? w.title(top.label) : w.none,
      subtitle: [w.lossLine, w.evpiLine(f.nok(r.evpi.perYear), f.nok(r.evpi.horizon), r.horizonYears), w.scenarioLine(scenarioTitle)],
    },
    width: PAGE_WIDTH - 320,
    height: { step: 24 },
    config: BASE_CONFIG,
    layer: [
      {
        data: { values: bars },
        mark: { type: "bar", height: { band: 0.7 } },
        encoding: {
          y: { field: "navn", type: "nominal", sort: rows.map((x) => x.label), title: null, axis: { labelLimit: 360 } },
          x: { field: "verdi", type: "quantitative", title: w.xTitle, axis: { format: ",.0f", tickCount: 4 } },
          color: { field: "type", type: "nominal", title: null, scale: { range: [COLORS.blue, COLORS.green] }, legend: { orient: "bottom" } },
        },
      },
      {
        data: { values: [{ x: r.evpi.perYear }] },
        mark: { type: "rule", color: COLORS.vermillion, strokeWidth: 2 },
        encoding: { x: { field: "x", type: "quantitative" } },
      },
    ],
  };
}
