/**
 * Chart: value of information — what perfect knowledge of each input (and group of inputs) is worth for the choice
 * of budget line, in kroner per year, against the value of knowing everything (EVPI). Tells the directorate which
 * quantity its regnskapstall should pin down first.
 */
import type { VoiResult } from "../analysis/valueOfInformation";
import { formatNok } from "../format/norwegian";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";

const MAX_ROWS = 10;

export function voiSpec(r: VoiResult, scenarioTitle: string): ChartSpec {
  const rows = r.rows.filter((x) => x.perYear > 0).slice(0, MAX_ROWS);
  const top = rows[0];
  const bars = rows.map((x) => ({ navn: x.label, verdi: x.perYear, type: x.kind === "group" ? "Gruppe av forutsetninger" : "Én forutsetning" }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: "Verdi av informasjon (EVPPI) per forutsetning og gruppe, kroner per år, mot verdien av perfekt informasjon (EVPI).",
    title: {
      text: top ? `Å vite ${top.label.toLowerCase()} er verdt mest` : "Ingen forutsetning endrer valget av budsjettpost",
      subtitle: [
        `Forventet tap unngått ved valg av budsjettpost (dagens post, P50 eller P85) hvis verdien var kjent, kroner per år.`,
        `Perfekt informasjon om alt (EVPI): ${formatNok(r.evpi.perYear)} per år, ${formatNok(r.evpi.horizon)} over ${r.horizonYears} år.`,
        `Scenario «${scenarioTitle}».`,
      ],
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
          x: { field: "verdi", type: "quantitative", title: "Kroner per år", axis: { format: ",.0f", tickCount: 4 } },
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
