/**
 * Chart: folketrygd spending on introduksjonsavtaler per budget year (P50 with the P50–P85 band, the usual budget
 * frame) against the appropriation on kap. 2755 post 70. Years priced at the last known or a regulated-forward tariff are drawn hollow.
 */
import { CORRELATION_LABELS, PRICE_BASIS_LABELS, type BudgetProjection } from "../budget/projectBudget";
import { formatDate, formatMillNok, formatNumber, formatPercent } from "../format/norwegian";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";

/** Title sentence: whether P85 stays under the line in every year, else the first year it does not. */
export function budgetFindingTitle(b: BudgetProjection): string {
  const line = b.years[0]?.budgetLineNok ?? 0;
  const over = b.years.filter((y) => y.nok.p85 > y.budgetLineNok);
  const peak = b.years.reduce((a, y) => (y.nok.p85 > a.nok.p85 ? y : a), b.years[0]!);
  if (over.length === 0) return `P85 under bevilgningen på ${formatMillNok(line)} i alle år; høyest ${formatMillNok(peak.nok.p85)} i ${peak.year}`;
  return `P85 over bevilgningen på ${formatMillNok(line)} i ${over.map((y) => y.year).join(", ")}`;
}

export function budgetPathSpec(b: BudgetProjection, subtitle: string): ChartSpec {
  const rows = b.years.map((y) => ({
    år: String(y.year),
    p50: y.nok.p50 / 1e6,
    p85: y.nok.p85 / 1e6,
    bevilgning: y.budgetLineNok / 1e6,
    fullBruk: y.fullUse.p50 / 1e6,
    priser: PRICE_BASIS_LABELS[y.prices],
    måneder: y.simulatedMonths,
  }));
  const present = [...new Set(rows.map((r) => r.priser))];
  const lastKnown = b.years.filter((y) => y.prices === "last-known").map((y) => y.year);
  const extrapolated = b.years.filter((y) => y.prices === "extrapolated").map((y) => y.year);
  const partial = b.years.filter((y) => y.simulatedMonths < 12).map((y) => `${y.year} (${y.simulatedMonths} mnd.)`);
  const notes = [
    b.basis === "fixed" ? `Faste priser: takstene per ${formatDate(b.fixedPriceDate!)}.` : "Løpende priser: takstene som gjaldt hver dag.",
    ...(lastKnown.length ? [`${lastKnown.join(", ")}: siste kjente takster (åpne punkter).`] : []),
    ...(extrapolated.length && b.regulation
      ? [`${extrapolated[0]}–${extrapolated[extrapolated.length - 1]}: takstene fremskrevet med ${formatPercent(b.regulation.p50)} i året (P10–P90 ${formatPercent(b.regulation.p10)}–${formatPercent(b.regulation.p90)}; åpne punkter).`]
      : []),
    ...(b.correlation ? [`Usikkerhet mellom avtaler: ${CORRELATION_LABELS[b.correlation]}. Opptrapping bare i hver nye leges første måneder.`] : []),
    ...(partial.length ? [`Delvis simulerte år: ${partial.join(", ")}.`] : []),
  ];
  const x = { field: "år", type: "ordinal" as const, title: "Budsjettår", axis: { labelAngle: 0 } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: "Folketrygdens utgifter til introduksjonsavtaler per budsjettår (P50 og P50–P85) mot bevilgningen på kap. 2755 post 70.",
    title: {
      text: budgetFindingTitle(b),
      subtitle: [subtitle, `Bånd: P50–P85 i ${formatNumber(b.replications, 0)} replikasjoner. Rød strek: bevilgningen.`, "Grå stiplet: alle finansierte avtaler i bruk hver måned (P50).", ...notes],
    },
    width: PAGE_WIDTH - 120,
    height: 260,
    config: BASE_CONFIG,
    data: { values: rows },
    layer: [
      { mark: { type: "bar", color: COLORS.sky, opacity: 0.55, width: { band: 0.5 } }, encoding: { x, y: { field: "p50", type: "quantitative", title: "Mill. kr", axis: { format: ",.0f" } }, y2: { field: "p85" } } },
      {
        mark: { type: "line", color: COLORS.blue, strokeWidth: 2, point: false },
        encoding: { x, y: { field: "p50", type: "quantitative" } },
      },
      {
        mark: { type: "point", size: 70, strokeWidth: 2, color: COLORS.blue },
        encoding: {
          x,
          y: { field: "p50", type: "quantitative" },
          fill: { field: "priser", type: "nominal", title: null, scale: { domain: present, range: present.map((p) => (p === PRICE_BASIS_LABELS["last-known"] || p === PRICE_BASIS_LABELS.extrapolated ? "#ffffff" : COLORS.blue)) }, legend: { orient: "bottom", labelLimit: 300 } },
          tooltip: [
            { field: "år", title: "År" },
            { field: "p50", type: "quantitative", title: "P50 (mill. kr)", format: ",.1f" },
            { field: "p85", type: "quantitative", title: "P85 (mill. kr)", format: ",.1f" },
            { field: "priser", title: "Priser" },
          ],
        },
      },
      { mark: { type: "line", color: COLORS.grey, strokeDash: [4, 3], strokeWidth: 1.5 }, encoding: { x, y: { field: "fullBruk", type: "quantitative" } } },
      { mark: { type: "rule", color: COLORS.vermillion, strokeWidth: 2 }, encoding: { y: { aggregate: "max", field: "bevilgning", type: "quantitative" } } },
    ],
  };
}
