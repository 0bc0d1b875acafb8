/**
 * Charts for måloppnåelse: retention in the kommune (Kaplan–Meier), specialist approval and becoming fastlege
 * (Aalen–Johansen), the position after the agreement ended with its intervals, and the cohort projection with its band.
 */
import type { CohortProjection } from "../register/cohort";
import type { CurvePoint } from "../register/retentionCurve";
import type { IncidencePoint } from "../register/incidenceCurves";
import type { AfterAgreement } from "../register/indicators";
import { numberFormats } from "../format/localeNumbers";
import { chartText } from "../i18n/chartMessages";
import { DEFAULT_LANG, type Lang } from "../i18n/messages";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";

/** The register charts take `lang` ("nb", the default, or "en"): words from chartMessages, numbers in the language. */
export function retentionSpec(points: ReadonlyArray<CurvePoint>, subtitle: string, lang: Lang = DEFAULT_LANG): ChartSpec {
  const w = chartText(lang).register;
  const f = numberFormats(lang);
  const all = points.filter((p) => p.group === "Alle");
  const at = (m: number) => [...all].reverse().find((p) => p.month <= m)?.survival;
  const oneYear = at(12);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: w.retentionDescription,
    title: {
      text: oneYear !== undefined ? w.retentionTitle(f.percent(oneYear, 0)) : w.retentionNone,
      subtitle: [subtitle, w.retentionNote],
    },
    width: PAGE_WIDTH - 120,
    height: 280,
    config: BASE_CONFIG,
    data: { values: points.map((p) => ({ ...p, group: w.groups[p.group] ?? p.group, prosent: p.survival * 100 })) },
    mark: { type: "line", interpolate: "step-after", strokeWidth: 2 },
    encoding: {
      x: { field: "month", type: "quantitative", title: w.monthsSinceStart, scale: { domainMin: 0 } },
      y: { field: "prosent", type: "quantitative", title: w.inKommuneAxis, scale: { domain: [0, 100] } },
      color: { field: "group", type: "nominal", title: null, scale: { range: [COLORS.black, COLORS.blue, COLORS.orange, COLORS.green, COLORS.purple, COLORS.sky] } },
      strokeWidth: { condition: { test: `datum.group === ${JSON.stringify(w.groups.Alle ?? "Alle")}`, value: 3 }, value: 1.5 },
    },
  };
}

export function cohortSpec(p: CohortProjection, subtitle: string, lang: Lang = DEFAULT_LANG): ChartSpec {
  const w = chartText(lang).register;
  const f = numberFormats(lang);
  const rows = p.byYear.flatMap((y) => [
    { år: y.year, utfall: w.specialists, p10: y.specialistsCumulative.p10, p50: y.specialistsCumulative.p50, p90: y.specialistsCumulative.p90 },
    { år: y.year, utfall: w.fastleger, p10: y.fastlegerCumulative.p10, p50: y.fastlegerCumulative.p50, p90: y.fastlegerCumulative.p90 },
  ]);
  const last = p.byYear[p.byYear.length - 1]!;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: w.cohortDescription,
    title: {
      text: w.cohortTitle(Math.round(last.specialistsCumulative.p50), Math.round(last.fastlegerCumulative.p50), last.year),
      subtitle: [subtitle, w.cohortNote(f.nok(p.costPerSpecialistNok.p50), f.number(p.draws, 0))],
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
      { mark: { type: "area", opacity: 0.25 }, encoding: { y: { field: "p10", type: "quantitative", title: w.doctorsAxis }, y2: { field: "p90" } } },
      { mark: { type: "line", point: true, strokeWidth: 2 }, encoding: { y: { field: "p50", type: "quantitative" } } },
    ],
  };
}

export function incidenceSpec(points: ReadonlyArray<IncidencePoint>, subtitle: string, lang: Lang = DEFAULT_LANG): ChartSpec {
  const w = chartText(lang).register;
  const f = numberFormats(lang);
  const spec = points.filter((p) => p.outcome === "Spesialistgodkjent");
  const at = (m: number) => [...spec].reverse().find((p) => p.month <= m)?.share;
  const threeYears = at(36);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: w.incidenceDescription,
    title: {
      text: threeYears !== undefined ? w.incidenceTitle(f.percent(threeYears, 0)) : w.incidenceNone,
      subtitle: [subtitle, w.incidenceNote],
    },
    width: PAGE_WIDTH - 120,
    height: 280,
    config: BASE_CONFIG,
    data: { values: points.map((p) => ({ ...p, outcome: w.outcomes[p.outcome] ?? p.outcome, prosent: p.share * 100 })) },
    mark: { type: "line", interpolate: "step-after", strokeWidth: 2 },
    encoding: {
      x: { field: "month", type: "quantitative", title: w.monthsSinceStart, scale: { domainMin: 0 } },
      y: { field: "prosent", type: "quantitative", title: w.cumulativeAxis, scale: { domain: [0, 100] } },
      color: { field: "outcome", type: "nominal", title: null, scale: { range: [COLORS.blue, COLORS.orange, COLORS.black] }, legend: { orient: "top-left", labelLimit: 300 } },
    },
  };
}

/** The positions after the agreement, in the order drawn. */
const AFTER_KEYS = ["inKommune", "inGeneralPractice", "fastlege", "otherKommunalWork"] as const;

export function afterAgreementSpec(after: ReadonlyArray<AfterAgreement>, subtitle: string, lang: Lang = DEFAULT_LANG): ChartSpec {
  const w = chartText(lang).register;
  const f = numberFormats(lang);
  const rows = after.flatMap((a) =>
    AFTER_KEYS.flatMap((k) => {
      const x = a[k];
      return x ? [{ måneder: a.months, mål: w.after[k], andel: x.share * 100, lav: x.low * 100, høy: x.high * 100, leger: a.doctors }] : [];
    }),
  );
  const first = after.find((a) => a.inKommune !== null);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: w.afterDescription,
    title: {
      text: first?.inKommune ? w.afterTitle(f.percent(first.inKommune.share, 0), first.months) : w.afterNone,
      subtitle: [subtitle, w.afterNote],
    },
    width: PAGE_WIDTH - 120,
    height: 280,
    config: BASE_CONFIG,
    data: { values: rows },
    encoding: {
      x: { field: "måneder", type: "quantitative", title: w.monthsAfter, scale: { domain: [0, 30] }, axis: { values: [12, 24] } },
      color: { field: "mål", type: "nominal", title: null, scale: { range: [COLORS.black, COLORS.blue, COLORS.orange, COLORS.green] }, legend: { orient: "bottom", labelLimit: 300 } },
    },
    layer: [
      { mark: { type: "area", opacity: 0.15 }, encoding: { y: { field: "lav", type: "quantitative", title: w.shareAxis, scale: { domain: [0, 100] } }, y2: { field: "høy" } } },
      { mark: { type: "line", point: true, strokeWidth: 2 }, encoding: { y: { field: "andel", type: "quantitative" } } },
    ],
  };
}
