/**
 * Chart: tornado — how far the net cost moves when each input goes from its P10 to its P90 with the others at their
 * central values. Bars start at the deterministic result and are sorted by swing; 500 000 kr is the reference line.
 */
import type { CostReport } from "../analysis/runCost";
import { formatNok } from "../format/norwegian";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";

const MAX_ROWS = 10;

export function tornadoSpec(r: CostReport): ChartSpec {
  const rows = r.tornado.rows.slice(0, MAX_ROWS);
  const bars = rows.flatMap((t) => [
    { input: t.label, fra: r.tornado.base, til: t.outputAtLow, ende: "Inndata på P10" },
    { input: t.label, fra: r.tornado.base, til: t.outputAtHigh, ende: "Inndata på P90" },
  ]);
  const top = rows[0];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: "Tornadodiagram: endring i netto merutgift per avtaleår når hver forutsetning går fra P10 til P90.",
    title: {
      text: top ? `${top.label} betyr mest for kostnaden per avtale` : "Ingen usikre forutsetninger",
      subtitle: [
        top ? `Fra P10 til P90 flytter den resultatet mellom ${formatNok(Math.min(top.outputAtLow, top.outputAtHigh))} og ${formatNok(Math.max(top.outputAtLow, top.outputAtHigh))}.` : "",
        "Hver forutsetning flyttes alene; de andre står på sentralverdien.",
        `Scenario «${r.scenario.title}». Sentralt resultat ${formatNok(r.tornado.base)}.`,
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
          x: { field: "fra", type: "quantitative", title: "Netto merutgift per avtaleår (kr)", axis: { format: ",.0f" }, scale: { zero: false } },
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
        data: { values: [{ x: r.referenceCostNok, tekst: `Anslag ${formatNok(r.referenceCostNok)}` }] },
        mark: { type: "text", color: COLORS.vermillion, align: "left", dx: 4, dy: -6, baseline: "bottom", y: 0 },
        encoding: { x: { field: "x", type: "quantitative" }, text: { field: "tekst" } },
      },
    ],
  };
}
