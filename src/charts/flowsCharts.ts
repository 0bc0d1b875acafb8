/**
 * Charts of the refusjon flows: who gains and who pays (each party's effect of the agreement, both employment forms
 * side by side, with the Monte Carlo P10–P90), and a waterfall of one party's effect by kind of flow.
 */
import { partyEffectByKind } from "../flows/partyEffect";
import { PARTIES, PARTY_LABELS, type Party } from "../flows/parties";
import type { FlowsReport } from "../analysis/runFlows";
import { numberFormats } from "../format/localeNumbers";
import { chartText } from "../i18n/chartMessages";
import { DEFAULT_LANG, type Lang } from "../i18n/messages";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";

function gainsOrPays(x: number, lang: Lang): string {
  const w = chartText(lang).flows;
  const f = numberFormats(lang);
  return x >= 0 ? w.gains(f.nok(x)) : w.pays(f.nok(-x));
}

/** A party's label in the language (the flows module's Norwegian label unless the catalogue has one). */
const partyLabel = (p: Party, lang: Lang): string => chartText(lang).flows.parties[p] ?? PARTY_LABELS[p];

/** Title: what the kommune gets under each form, which is what decides whether kommuner take agreements. */
export function flowsFindingTitle(reports: ReadonlyArray<FlowsReport>, lang: Lang = DEFAULT_LANG): string {
  const w = chartText(lang).flows;
  return w.findingTitle(reports.map((r) => w.findingPart(w.employmentShort[r.employment] ?? r.employment, gainsOrPays(r.netByParty.difference.kommune, lang))));
}

/** @param lang the language of its words and numbers ("nb", the default, or "en") */
export function partyEffectsSpec(reports: ReadonlyArray<FlowsReport>, lang: Lang = DEFAULT_LANG): ChartSpec {
  const w = chartText(lang).flows;
  const f = numberFormats(lang);
  const form = (r: FlowsReport) => w.employment[r.employment] ?? r.employmentLabel;
  const rows = reports.flatMap((r) =>
    PARTIES.map((p) => ({ part: partyLabel(p, lang), form: form(r), effekt: r.netByParty.difference[p], p10: r.monteCarlo[p].p10, p90: r.monteCarlo[p].p90, tap: r.monteCarlo[p].probabilityOfLoss })),
  );
  const first = reports[0]!;
  const y = { field: "part", type: "nominal" as const, sort: PARTIES.map((p) => partyLabel(p, lang)), title: null, axis: { labelLimit: 240 } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: w.effectsDescription,
    title: {
      text: flowsFindingTitle(reports, lang),
      subtitle: [w.netLine(f.nok(-first.netByParty.difference.folketrygden), f.number(first.draws, 0)), w.signLine(first.scenario.title)],
    },
    config: BASE_CONFIG,
    data: { values: rows },
    facet: { column: { field: "form", type: "nominal", title: null, sort: reports.map(form), header: { labelFontSize: 12 } } },
    spec: {
      width: (PAGE_WIDTH - 200) / Math.max(1, reports.length),
      height: { step: 30 },
      layer: [
        {
          mark: { type: "bar", height: { band: 0.6 } },
          encoding: {
            y,
            x: { field: "effekt", type: "quantitative", title: w.effectAxis, axis: { format: ",.0f", labelOverlap: true } },
            color: { condition: { test: "datum.effekt < 0", value: COLORS.vermillion }, value: COLORS.green },
            tooltip: [
              { field: "part", title: w.tooltip.party },
              { field: "form", title: w.tooltip.form },
              { field: "effekt", type: "quantitative", title: w.tooltip.effect, format: ",.0f" },
              { field: "p10", type: "quantitative", title: w.tooltip.p10, format: ",.0f" },
              { field: "p90", type: "quantitative", title: w.tooltip.p90, format: ",.0f" },
              { field: "tap", type: "quantitative", title: w.tooltip.lossProbability, format: ".0%" },
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
export function partyWaterfallSpec(reports: ReadonlyArray<FlowsReport>, party: Party, lang: Lang = DEFAULT_LANG): ChartSpec {
  const w = chartText(lang).flows;
  const t = w.stepTypes;
  const form = (r: FlowsReport) => w.employment[r.employment] ?? r.employmentLabel;
  const label = partyLabel(party, lang);
  const values = reports.flatMap((r) => {
    let running = 0;
    const steps = partyEffectByKind(r, party).map((s) => {
      const start = running;
      running += s.amountNok;
      return { form: form(r), steg: w.kinds[s.kind] ?? s.shortLabel, fra: start, til: running, belop: s.amountNok, type: s.amountNok >= 0 ? t.in : t.out };
    });
    return [...steps, { form: form(r), steg: w.netStep, fra: 0, til: running, belop: running, type: t.net }];
  });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: w.waterfallDescription(label),
    title: {
      text: `${label}: ${reports.map((r) => `${w.employmentShort[r.employment] ?? r.employment} ${gainsOrPays(r.netByParty.difference[party], lang)}`).join(", ")}`,
      subtitle: [w.waterfallSubtitle(label)],
    },
    config: BASE_CONFIG,
    data: { values },
    facet: { column: { field: "form", type: "nominal", title: null, sort: reports.map(form), header: { labelFontSize: 12 } } },
    resolve: { scale: { x: "independent" } }, // each panel lists only its own steps, in ledger order
    spec: {
      width: (PAGE_WIDTH - 80) / Math.max(1, reports.length),
      height: 240,
      mark: { type: "bar", width: { band: 0.7 } },
      encoding: {
        x: { field: "steg", type: "nominal", sort: null, title: null, axis: { labelAngle: -30, labelLimit: 200 } },
        y: { field: "fra", type: "quantitative", title: w.waterfallAxis, axis: { format: ",.0f" } },
        y2: { field: "til" },
        color: { field: "type", type: "nominal", title: null, scale: { domain: [t.in, t.out, t.net], range: [COLORS.green, COLORS.vermillion, COLORS.blue] }, legend: { orient: "bottom" } },
        tooltip: [
          { field: "steg", title: w.waterfallTooltip.flow },
          { field: "belop", type: "quantitative", title: w.waterfallTooltip.amount, format: ",.0f" },
        ],
      },
    },
  };
}
