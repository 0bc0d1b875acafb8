/** Charts for allocation: granted against requested by helseregion, and the slot timeline against the cap (with the
 * 2023 observation). Spending by year against the budget line is the budget chart (src/charts/budgetChart.ts). */
import type { AllocationResult } from "../allocation/allocateRound";
import type { SlotSimulation } from "../allocation/simulateSlots";
import { formatMonthYear } from "../format/norwegian";
import { numberFormats } from "../format/localeNumbers";
import { chartText } from "../i18n/chartMessages";
import { DEFAULT_LANG, type Lang } from "../i18n/messages";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, ENGLISH_LOCALE, PAGE_WIDTH } from "./theme";

/** "august 2023" / "August 2023". */
const monthYear = (iso: string, lang: Lang): string =>
  lang === "en" ? `${ENGLISH_LOCALE.time!.months[Number(iso.slice(5, 7)) - 1]!} ${iso.slice(0, 4)}` : formatMonthYear(iso);

/** @param lang the language of its words ("nb", the default, or "en"); region names stay Norwegian */
export function grantedByRegionSpec(result: AllocationResult, subtitle: string, lang: Lang = DEFAULT_LANG): ChartSpec {
  const w = chartText(lang).allocation;
  const rows = Object.entries(result.totals.byHelseregion).flatMap(([region, t]) => [
    { region, hva: w.requested, antall: t.requested },
    { region, hva: w.granted, antall: t.granted },
  ]);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: w.regionDescription,
    title: { text: w.regionTitle(result.totals.granted, result.totals.requested, result.cap), subtitle: [subtitle] },
    width: PAGE_WIDTH - 200,
    height: { step: 18 },
    config: BASE_CONFIG,
    data: { values: rows },
    mark: "bar",
    encoding: {
      y: { field: "region", type: "nominal", title: null, sort: ["Nord", "Midt-Norge", "Vest", "Sør-Øst"] },
      yOffset: { field: "hva", type: "nominal", sort: [w.requested, w.granted] },
      x: { field: "antall", type: "quantitative", title: w.agreementsAxis },
      color: { field: "hva", type: "nominal", title: null, scale: { domain: [w.requested, w.granted], range: [COLORS.sky, COLORS.blue] }, legend: { orient: "bottom" } },
    },
  };
}

/** Title sentence: the long-run number in use under the cap, and the fit to the observation when there is one. */
export function slotFindingTitle(
  sim: Pick<SlotSimulation, "timeline" | "cap" | "steadyState" | "rounds" | "calibration">,
  observed?: { date: string; inPlace: number },
  lang: Lang = DEFAULT_LANG,
): string {
  const w = chartText(lang).allocation;
  const at = observed ? sim.timeline.find((t) => t.date.slice(0, 7) === observed.date.slice(0, 7)) : undefined;
  const last = sim.timeline[sim.timeline.length - 1]!;
  const steady = sim.steadyState
    ? w.steady(sim.rounds.length > 0, Math.round(sim.steadyState.held.p50), sim.cap, Math.round(sim.steadyState.activeAgreements.p50), last.date.slice(0, 4))
    : w.perMonth(sim.cap);
  if (!at || !observed) return steady;
  return w.fit(steady, !!sim.calibration, Math.round(at.inPlace.p50), monthYear(observed.date, lang), observed.inPlace);
}

export function slotTimelineSpec(
  sim: Pick<SlotSimulation, "timeline" | "replications" | "cap"> & Partial<Pick<SlotSimulation, "steadyState" | "rounds" | "calibration" | "eventsOnly">>,
  subtitle: string,
  observed?: { date: string; inPlace: number; source: string },
  lang: Lang = DEFAULT_LANG,
): ChartSpec {
  const w = chartText(lang).allocation;
  const f = numberFormats(lang);
  const ev = sim.eventsOnly;
  const rows = sim.timeline.map((t, m) => ({
    dato: t.date,
    p10: t.inPlace.p10,
    p50: t.inPlace.p50,
    p90: t.inPlace.p90,
    tildelt: t.held.p50,
    aktiv: t.active.p50,
    ...(ev ? { e10: ev.inPlace[m]!.p10, e90: ev.inPlace[m]!.p90 } : {}),
  }));
  const x = { field: "dato", type: "temporal" as const, title: null, axis: { format: "%Y", tickCount: "year" as const } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: w.timelineDescription,
    title: {
      text: sim.steadyState && sim.rounds ? slotFindingTitle(sim as Parameters<typeof slotFindingTitle>[0], observed, lang) : w.perMonth(sim.cap),
      subtitle: [
        subtitle,
        `${w.bandLine(f.number(sim.replications, 0))}${ev ? w.eventsBand(f.number(ev.replications, 0)) : ""}`,
        `${w.keyLine}${observed ? w.observedPoint(observed.source) : ""}`,
      ],
    },
    width: PAGE_WIDTH - 80,
    height: 260,
    config: BASE_CONFIG,
    layer: [
      { data: { values: rows }, mark: { type: "area", color: COLORS.sky, opacity: 0.3 }, encoding: { x, y: { field: "p10", type: "quantitative", title: w.agreementsAxis }, y2: { field: "p90" } } },
      ...(ev
        ? [{ data: { values: rows }, mark: { type: "area" as const, color: COLORS.sky, opacity: 0.6 }, encoding: { x, y: { field: "e10", type: "quantitative" as const }, y2: { field: "e90" } } }]
        : []),
      { data: { values: rows }, mark: { type: "line", color: COLORS.blue, strokeWidth: 2 }, encoding: { x, y: { field: "p50", type: "quantitative" } } },
      { data: { values: rows }, mark: { type: "line", color: COLORS.grey, strokeDash: [4, 3], strokeWidth: 1.5 }, encoding: { x, y: { field: "tildelt", type: "quantitative" } } },
      { data: { values: [{ tak: sim.cap }] }, mark: { type: "rule", color: COLORS.vermillion, strokeWidth: 2 }, encoding: { y: { field: "tak", type: "quantitative" } } },
      ...(observed
        ? [
            {
              data: { values: [{ dato: observed.date, antall: observed.inPlace }] },
              mark: { type: "point" as const, filled: true, size: 90, color: COLORS.black },
              encoding: { x: { field: "dato", type: "temporal" as const }, y: { field: "antall", type: "quantitative" as const } },
            },
          ]
        : []),
    ],
  };
}
