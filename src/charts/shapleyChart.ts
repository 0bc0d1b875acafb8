/**
 * Chart: Shapley effects of the net cost per agreement-year — each input's share of the variance, summing to 100 %,
 * with ± 2 Monte Carlo standard errors. Shown instead of the Sobol chart when inputs are correlated; the subtitle
 * says which decomposition is shown and why (CostReport.sensitivityMethod).
 */
import type { CostReport } from "../analysis/runCost";
import { formatNumber, formatPercent } from "../format/norwegian";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";

const MAX_ROWS = 10;

export function shapleySpec(r: CostReport): ChartSpec {
  const effects = (r.shapley?.effects ?? []).slice(0, MAX_ROWS);
  const rows = effects.map((e) => ({
    input: e.label,
    andel: 100 * e.share,
    lav: 100 * Math.max(0, e.share - 2 * e.shareSe),
    hoy: 100 * (e.share + 2 * e.shareSe),
  }));
  const top = effects[0];
  const why = r.correlations
    ? "Forutsetningene er korrelerte, så Shapley-effekter vises i stedet for Sobol-indekser (som forutsetter uavhengighet)."
    : "Uavhengige forutsetninger: Shapley-effekten ligger mellom førsteordens og total Sobol-indeks.";
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: "Shapley-effekter: hver forutsetnings andel av variansen i netto merutgift per avtaleår (summerer til 100 %).",
    title: {
      text: top ? `${top.label} står for ${formatPercent(top.share, 0)} av usikkerheten` : "Ingen usikre forutsetninger",
      subtitle: [
        why,
        `Shapley-effekter (Song, Nelson og Staum 2016), ${formatNumber(r.shapley?.permutations ?? 0, 0)} tilfeldige rekkefølger; strek: ± 2 standardfeil.`,
      ],
    },
    width: PAGE_WIDTH - 340,
    height: { step: 18 },
    config: BASE_CONFIG,
    data: { values: rows },
    layer: [
      {
        mark: { type: "bar", color: COLORS.blue },
        encoding: {
          y: { field: "input", type: "nominal", title: null, sort: effects.map((e) => e.label), axis: { labelLimit: 340 } },
          x: { field: "andel", type: "quantitative", title: "Andel av variansen (%)", axis: { format: ",.0f" } },
          tooltip: [
            { field: "input", title: "Forutsetning" },
            { field: "andel", type: "quantitative", title: "Andel (%)", format: ",.1f" },
          ],
        },
      },
      {
        mark: { type: "rule", color: "#333333" },
        encoding: {
          y: { field: "input", type: "nominal", sort: effects.map((e) => e.label) },
          x: { field: "lav", type: "quantitative" },
          x2: { field: "hoy" },
        },
      },
    ],
  };
}
