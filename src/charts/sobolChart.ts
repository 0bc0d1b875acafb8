/**
 * Chart: global sensitivity (Sobol indices) of the net cost per agreement-year — for each uncertain input, the share
 * of the variance it explains alone (first order) and with its interactions (total effect), ranked.
 */
import type { CostReport } from "../analysis/runCost";
import { formatPercent, formatNumber } from "../format/norwegian";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";

const MAX_ROWS = 10;

export function sobolSpec(r: CostReport): ChartSpec {
  const indices = (r.sobol?.indices ?? []).slice(0, MAX_ROWS);
  const rows = indices.flatMap((s) => [
    { input: s.label, mål: "Alene (førsteordens)", andel: 100 * Math.max(0, s.firstOrder) },
    { input: s.label, mål: "Med samspill (total)", andel: 100 * Math.max(0, s.total) },
  ]);
  const top = indices[0];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: "Sobol-indekser: andel av variansen i netto merutgift per avtaleår som hver forutsetning forklarer.",
    title: {
      text: top ? `${top.label} forklarer ${formatPercent(top.total, 0)} av usikkerheten med samspill` : "Ingen usikre forutsetninger",
      subtitle: [`Sobol-indekser (Saltelli 2010 / Jansen 1999), N = ${formatNumber(r.sobol?.samples ?? 0, 0)}. Forskjellen mellom total og førsteordens er samspill.`],
    },
    width: PAGE_WIDTH - 340,
    height: { step: 14 },
    config: BASE_CONFIG,
    data: { values: rows },
    mark: "bar",
    encoding: {
      y: { field: "input", type: "nominal", title: null, sort: indices.map((s) => s.label), axis: { labelLimit: 340 } },
      yOffset: { field: "mål", type: "nominal", sort: ["Alene (førsteordens)", "Med samspill (total)"] },
      x: { field: "andel", type: "quantitative", title: "Andel av variansen (%)", axis: { format: ",.0f" }, scale: { domain: [0, 100] } },
      color: { field: "mål", type: "nominal", title: null, scale: { domain: ["Alene (førsteordens)", "Med samspill (total)"], range: [COLORS.blue, COLORS.sky] }, legend: { orient: "bottom", labelLimit: 300 } },
      tooltip: [{ field: "input", title: "Forutsetning" }, { field: "mål", title: "Mål" }, { field: "andel", type: "quantitative", title: "Andel (%)", format: ",.1f" }],
    },
  };
}
