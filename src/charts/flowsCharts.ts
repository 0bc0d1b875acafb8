/**
 * Charts of the refusjon flows: who gains and who pays (each party's effect of the agreement, both employment forms
 * side by side, with the Monte Carlo P10–P90), and a waterfall of one party's effect by kind of flow.
 */
import { partyEffectByKind } from "../flows/partyEffect";
import { PARTIES, PARTY_LABELS, type Party } from "../flows/parties";
import type { FlowsReport } from "../analysis/runFlows";
import { formatNok, formatNumber } from "../format/norwegian";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";

const gainsOrPays = (x: number) => (x >= 0 ? `tjener ${formatNok(x)}` : `taper ${formatNok(-x)}`);

/** Title: what the kommune gets under each form, which is what decides whether kommuner take agreements. */
export function flowsFindingTitle(reports: ReadonlyArray<FlowsReport>): string {
  const parts = reports.map((r) => `${r.employment === "naeringsdrivende" ? "næringsdrivende" : "fastlønnet"} lege: ${gainsOrPays(r.netByParty.difference.kommune)}`);
  return `Kommunen per avtaleår – ${parts.join("; ")}`;
}

export function partyEffectsSpec(reports: ReadonlyArray<FlowsReport>): ChartSpec {
  const rows = reports.flatMap((r) =>
    PARTIES.map((p) => ({ part: PARTY_LABELS[p], form: r.employmentLabel, effekt: r.netByParty.difference[p], p10: r.monteCarlo[p].p10, p90: r.monteCarlo[p].p90, tap: r.monteCarlo[p].probabilityOfLoss })),
  );
  const first = reports[0]!;
  const y = { field: "part", type: "nominal" as const, sort: PARTIES.map((p) => PARTY_LABELS[p]), title: null, axis: { labelLimit: 240 } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: "Hver parts økonomiske virkning av en introduksjonsavtale i ett avtaleår (med minus uten avtale), etter ansettelsesform.",
    title: {
      text: flowsFindingTitle(reports),
      subtitle: [
        `Folketrygden betaler ${formatNok(-first.netByParty.difference.folketrygden)} netto. Søyler: sentralverdier; streker: P10–P90 i ${formatNumber(first.draws, 0)} trekk.`,
        `Scenario «${first.scenario.title}». Positivt tall = parten får mer enn uten avtale.`,
      ],
    },
    config: BASE_CONFIG,
    data: { values: rows },
    facet: { column: { field: "form", type: "nominal", title: null, sort: reports.map((r) => r.employmentLabel), header: { labelFontSize: 12 } } },
    spec: {
      width: (PAGE_WIDTH - 200) / Math.max(1, reports.length),
      height: { step: 30 },
      layer: [
        {
          mark: { type: "bar", height: { band: 0.6 } },
          encoding: {
            y,
            x: { field: "effekt", type: "quantitative", title: "Virkning per avtaleår (kr)", axis: { format: ",.0f", labelOverlap: true } },
            color: { condition: { test: "datum.effekt < 0", value: COLORS.vermillion }, value: COLORS.green },
            tooltip: [
              { field: "part", title: "Part" },
              { field: "form", title: "Ansettelsesform" },
              { field: "effekt", type: "quantitative", title: "Virkning (kr)", format: ",.0f" },
              { field: "p10", type: "quantitative", title: "P10 (kr)", format: ",.0f" },
              { field: "p90", type: "quantitative", title: "P90 (kr)", format: ",.0f" },
              { field: "tap", type: "quantitative", title: "Sannsynlighet for tap", format: ".0%" },
            ],
          },
        },
        { mark: { type: "rule", color: COLORS.black, strokeWidth: 1.5 }, encoding: { y: { ...y, bandPosition: 0.5 }, x: { field: "p10", type: "quantitative" }, x2: { field: "p90" } } },
        { mark: { type: "rule", color: COLORS.grey }, encoding: { x: { datum: 0, type: "quantitative" } } },
      ],
    },
  };
}

/** Waterfall of one party's effect by kind of flow, one panel per employment form. */
export function partyWaterfallSpec(reports: ReadonlyArray<FlowsReport>, party: Party): ChartSpec {
  const values = reports.flatMap((r) => {
    let running = 0;
    const steps = partyEffectByKind(r, party).map((s) => {
      const start = running;
      running += s.amountNok;
      return { form: r.employmentLabel, steg: s.shortLabel, fra: start, til: running, belop: s.amountNok, type: s.amountNok >= 0 ? "Inn" : "Ut" };
    });
    return [...steps, { form: r.employmentLabel, steg: "Netto virkning", fra: 0, til: running, belop: running, type: "Netto" }];
  });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: `Fossefall: ${PARTY_LABELS[party]} sin virkning av avtalen etter type strøm, per ansettelsesform.`,
    title: {
      text: `${PARTY_LABELS[party]}: ${reports.map((r) => `${r.employment === "naeringsdrivende" ? "næringsdrivende" : "fastlønnet"} ${gainsOrPays(r.netByParty.difference[party])}`).join(", ")}`,
      subtitle: [`Hva avtalen endrer for ${PARTY_LABELS[party].toLowerCase()} i ett avtaleår, strøm for strøm (med avtale minus uten). Sentralverdier.`],
    },
    config: BASE_CONFIG,
    data: { values },
    facet: { column: { field: "form", type: "nominal", title: null, sort: reports.map((r) => r.employmentLabel), header: { labelFontSize: 12 } } },
    resolve: { scale: { x: "independent" } }, // each panel lists only its own steps, in ledger order
    spec: {
      width: (PAGE_WIDTH - 80) / Math.max(1, reports.length),
      height: 240,
      mark: { type: "bar", width: { band: 0.7 } },
      encoding: {
        x: { field: "steg", type: "nominal", sort: null, title: null, axis: { labelAngle: -30, labelLimit: 200 } },
        y: { field: "fra", type: "quantitative", title: "Kroner per avtaleår", axis: { format: ",.0f" } },
        y2: { field: "til" },
        color: { field: "type", type: "nominal", title: null, scale: { domain: ["Inn", "Ut", "Netto"], range: [COLORS.green, COLORS.vermillion, COLORS.blue] }, legend: { orient: "bottom" } },
        tooltip: [{ field: "steg", title: "Strøm" }, { field: "belop", type: "quantitative", title: "Beløp (kr)", format: ",.0f" }],
      },
    },
  };
}
