/** Charts for allocation: granted against requested by helseregion, and the slot timeline against the cap (with the
 * 2023 observation). Spending by year against the budget line is the budget chart (src/charts/budgetChart.ts). */
import type { AllocationResult } from "../allocation/allocateRound";
import type { SlotSimulation } from "../allocation/simulateSlots";
import { formatMonthYear, formatNumber } from "../format/norwegian";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";

export function grantedByRegionSpec(result: AllocationResult, subtitle: string): ChartSpec {
  const rows = Object.entries(result.totals.byHelseregion).flatMap(([region, t]) => [
    { region, hva: "Søkt", antall: t.requested },
    { region, hva: "Tildelt", antall: t.granted },
  ]);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: "Søkte og tildelte introduksjonsavtaler etter helseregion.",
    title: { text: `${result.totals.granted} av ${result.totals.requested} søkte avtaler tildelt innenfor taket på ${result.cap}`, subtitle: [subtitle] },
    width: PAGE_WIDTH - 200,
    height: { step: 18 },
    config: BASE_CONFIG,
    data: { values: rows },
    mark: "bar",
    encoding: {
      y: { field: "region", type: "nominal", title: null, sort: ["Nord", "Midt-Norge", "Vest", "Sør-Øst"] },
      yOffset: { field: "hva", type: "nominal", sort: ["Søkt", "Tildelt"] },
      x: { field: "antall", type: "quantitative", title: "Avtaler" },
      color: { field: "hva", type: "nominal", title: null, scale: { domain: ["Søkt", "Tildelt"], range: [COLORS.sky, COLORS.blue] }, legend: { orient: "bottom" } },
    },
  };
}

/** Title sentence: the long-run number in use under the cap, and the fit to the observation when there is one. */
export function slotFindingTitle(
  sim: Pick<SlotSimulation, "timeline" | "cap" | "steadyState" | "rounds" | "calibration">,
  observed?: { date: string; inPlace: number },
): string {
  const at = observed ? sim.timeline.find((t) => t.date.slice(0, 7) === observed.date.slice(0, 7)) : undefined;
  const last = sim.timeline[sim.timeline.length - 1]!;
  const steady = sim.steadyState
    ? `${sim.rounds.length ? "Med årlige runder" : "Bare første runde"}: om lag ${Math.round(sim.steadyState.held.p50)} av ${sim.cap} avtaler tildelt og ${Math.round(sim.steadyState.activeAgreements.p50)} i aktiv bruk ved utgangen av ${last.date.slice(0, 4)}`
    : `Avtaler i bruk per måned mot taket på ${sim.cap}`;
  if (!at || !observed) return steady;
  return `${steady}; ${sim.calibration ? "tilpasset" : "simulert"} ${Math.round(at.inPlace.p50)} i bruk i ${formatMonthYear(observed.date)} (observert ${observed.inPlace})`;
}

export function slotTimelineSpec(
  sim: Pick<SlotSimulation, "timeline" | "replications" | "cap"> & Partial<Pick<SlotSimulation, "steadyState" | "rounds" | "calibration" | "eventsOnly">>,
  subtitle: string,
  observed?: { date: string; inPlace: number; source: string },
): ChartSpec {
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
    description: "Introduksjonsavtaler i bruk per måned (simulert, P10–P90) mot taket.",
    title: {
      text: sim.steadyState && sim.rounds ? slotFindingTitle(sim as Parameters<typeof slotFindingTitle>[0], observed) : `Avtaler i bruk per måned mot taket på ${sim.cap}`,
      subtitle: [
        subtitle,
        `Lyst bånd: P10–P90 i ${formatNumber(sim.replications, 0)} replikasjoner (usikre parametre og hver avtales egne hendelser).${ev ? ` Mørkt bånd: bare hendelsene (parametrene på medianen, ${formatNumber(ev.replications, 0)} replikasjoner).` : ""}`,
        `Blå linje: i bruk (P50); grå stiplet: tildelt (P50). Rød strek: taket.${observed ? ` Punkt: observert (${observed.source}).` : ""}`,
      ],
    },
    width: PAGE_WIDTH - 80,
    height: 260,
    config: BASE_CONFIG,
    layer: [
      { data: { values: rows }, mark: { type: "area", color: COLORS.sky, opacity: 0.3 }, encoding: { x, y: { field: "p10", type: "quantitative", title: "Avtaler" }, y2: { field: "p90" } } },
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
