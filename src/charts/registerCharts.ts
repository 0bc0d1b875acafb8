/**
 * Charts for måloppnåelse: retention in the kommune (Kaplan–Meier), specialist approval and becoming fastlege
 * (Aalen–Johansen), the position after the agreement ended with its intervals, and the cohort projection with its band.
 */
import type { CohortProjection } from "../register/cohort";
import type { CurvePoint } from "../register/retentionCurve";
import type { IncidencePoint } from "../register/incidenceCurves";
import type { AfterAgreement } from "../register/indicators";
import { formatNok, formatPercent, formatNumber } from "../format/norwegian";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";

export function retentionSpec(points: ReadonlyArray<CurvePoint>, subtitle: string): ChartSpec {
  const all = points.filter((p) => p.group === "Alle");
  const at = (m: number) => [...all].reverse().find((p) => p.month <= m)?.survival;
  const oneYear = at(12);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: "Andel introduksjonsleger som fortsatt er i kommunen, etter måneder siden start (Kaplan–Meier).",
    title: {
      text: oneYear !== undefined ? `${formatPercent(oneYear, 0)} er fortsatt i kommunen ett år etter start` : "Andel som blir i kommunen",
      subtitle: [subtitle, "Kaplan–Meier; kurvene stopper der færre enn 5 leger fortsatt er observert."],
    },
    width: PAGE_WIDTH - 120,
    height: 280,
    config: BASE_CONFIG,
    data: { values: points.map((p) => ({ ...p, prosent: p.survival * 100 })) },
    mark: { type: "line", interpolate: "step-after", strokeWidth: 2 },
    encoding: {
      x: { field: "month", type: "quantitative", title: "Måneder siden start", scale: { domainMin: 0 } },
      y: { field: "prosent", type: "quantitative", title: "Andel i kommunen (%)", scale: { domain: [0, 100] } },
      color: { field: "group", type: "nominal", title: null, scale: { range: [COLORS.black, COLORS.blue, COLORS.orange, COLORS.green, COLORS.purple, COLORS.sky] } },
      strokeWidth: { condition: { test: "datum.group === 'Alle'", value: 3 }, value: 1.5 },
    },
  };
}

export function cohortSpec(p: CohortProjection, subtitle: string): ChartSpec {
  const rows = p.byYear.flatMap((y) => [
    { år: y.year, utfall: "Spesialister (kumulativt)", p10: y.specialistsCumulative.p10, p50: y.specialistsCumulative.p50, p90: y.specialistsCumulative.p90 },
    { år: y.year, utfall: "Nye fastleger (kumulativt)", p10: y.fastlegerCumulative.p10, p50: y.fastlegerCumulative.p50, p90: y.fastlegerCumulative.p90 },
  ]);
  const last = p.byYear[p.byYear.length - 1]!;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: "Framskriving av spesialister og nye fastleger fra introduksjonsavtalene, P50 med P10–P90.",
    title: {
      text: `Om lag ${Math.round(last.specialistsCumulative.p50)} spesialister og ${Math.round(last.fastlegerCumulative.p50)} nye fastleger innen ${last.year} (P50)`,
      subtitle: [subtitle, `Kostnad per spesialist P50 ${formatNok(p.costPerSpecialistNok.p50)}; båndet viser P10–P90 i ${formatNumber(p.draws, 0)} trekk.`],
    },
    width: PAGE_WIDTH - 120,
    height: 280,
    config: BASE_CONFIG,
    data: { values: rows },
    encoding: {
      x: { field: "år", type: "ordinal", title: null },
      color: { field: "utfall", type: "nominal", title: null, scale: { range: [COLORS.blue, COLORS.orange] }, legend: { orient: "top-left", labelLimit: 300 } },
    },
    layer: [
      { mark: { type: "area", opacity: 0.25 }, encoding: { y: { field: "p10", type: "quantitative", title: "Antall leger" }, y2: { field: "p90" } } },
      { mark: { type: "line", point: true, strokeWidth: 2 }, encoding: { y: { field: "p50", type: "quantitative" } } },
    ],
  };
}

export function incidenceSpec(points: ReadonlyArray<IncidencePoint>, subtitle: string): ChartSpec {
  const spec = points.filter((p) => p.outcome === "Spesialistgodkjent");
  const at = (m: number) => [...spec].reverse().find((p) => p.month <= m)?.share;
  const threeYears = at(36);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: "Kumulativ andel introduksjonsleger som er spesialistgodkjent eller ble fastlege, etter måneder siden start (Aalen–Johansen).",
    title: {
      text: threeYears !== undefined ? `${formatPercent(threeYears, 0)} er spesialister tre år etter start` : "Andel som blir spesialister og fastleger",
      subtitle: [subtitle, "Aalen–Johansen: å forlate kommunen er et konkurrerende utfall; kurvene stopper der færre enn 5 leger er under observasjon."],
    },
    width: PAGE_WIDTH - 120,
    height: 280,
    config: BASE_CONFIG,
    data: { values: points.map((p) => ({ ...p, prosent: p.share * 100 })) },
    mark: { type: "line", interpolate: "step-after", strokeWidth: 2 },
    encoding: {
      x: { field: "month", type: "quantitative", title: "Måneder siden start", scale: { domainMin: 0 } },
      y: { field: "prosent", type: "quantitative", title: "Kumulativ andel (%)", scale: { domain: [0, 100] } },
      color: { field: "outcome", type: "nominal", title: null, scale: { range: [COLORS.blue, COLORS.orange, COLORS.black] }, legend: { orient: "top-left", labelLimit: 300 } },
    },
  };
}

const AFTER_LABELS = {
  inKommune: "I kommunen",
  inGeneralPractice: "I allmennmedisin",
  fastlege: "Fastlege i kommunen",
  otherKommunalWork: "Sykehjem, legevakt, annet kommunalt",
} as const;

export function afterAgreementSpec(after: ReadonlyArray<AfterAgreement>, subtitle: string): ChartSpec {
  const rows = after.flatMap((a) =>
    (Object.keys(AFTER_LABELS) as Array<keyof typeof AFTER_LABELS>).flatMap((k) => {
      const x = a[k];
      return x ? [{ måneder: a.months, mål: AFTER_LABELS[k], andel: x.share * 100, lav: x.low * 100, høy: x.high * 100, leger: a.doctors }] : [];
    }),
  );
  const first = after.find((a) => a.inKommune !== null);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: "Hvor introduksjonslegene arbeider 12 og 24 måneder etter at avtalen sluttet, med 95 % konfidensintervall (Wilson).",
    title: {
      text: first?.inKommune
        ? `${formatPercent(first.inKommune.share, 0)} er fortsatt i kommunen ${first.months} måneder etter at avtalen sluttet`
        : "Hvor legene er etter avtalen (prikket: for få leger)",
      subtitle: [subtitle, "Båndet viser 95 % konfidensintervall (Wilson); tidspunkt med færre enn 5 leger er utelatt."],
    },
    width: PAGE_WIDTH - 120,
    height: 280,
    config: BASE_CONFIG,
    data: { values: rows },
    encoding: {
      x: { field: "måneder", type: "quantitative", title: "Måneder etter at avtalen sluttet", scale: { domain: [0, 30] }, axis: { values: [12, 24] } },
      color: { field: "mål", type: "nominal", title: null, scale: { range: [COLORS.black, COLORS.blue, COLORS.orange, COLORS.green] }, legend: { orient: "bottom", labelLimit: 300 } },
    },
    layer: [
      { mark: { type: "area", opacity: 0.15 }, encoding: { y: { field: "lav", type: "quantitative", title: "Andel av legene (%)", scale: { domain: [0, 100] } }, y2: { field: "høy" } } },
      { mark: { type: "line", point: true, strokeWidth: 2 }, encoding: { y: { field: "andel", type: "quantitative" } } },
    ],
  };
}
