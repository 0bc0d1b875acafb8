/**
 * Charts of the regnskapstall estimate: the event study around the agreement start (the handing-over fastleger's change
 * against the comparison, with 95 % intervals), the estimate with its interval beside HOD's 500 000 kr and the
 * simulation's P10–P90, and the sensitivity bounds for violations of parallel trends (relative magnitudes M̄ = 0 … 2
 * and the smoothness bounds of a continuing linear trend). Norwegian labels; the titles state the finding, and when the
 * pre-trend test fails they say so next to the number.
 */
import type { ClaimsEstimate } from "../claims/estimateNetCost";
import { formatNok } from "../format/norwegian";
import type { ChartSpec } from "./render";
import { BASE_CONFIG, COLORS, PAGE_WIDTH } from "./theme";

/** Mean change per avgivende doctor-month over the event months from the start on (kr; negative = they bill less). */
function meanPostChange(r: ClaimsEstimate): number {
  const post = r.eventStudy.filter((c) => c.e >= 0);
  return post.reduce((s, c) => s + c.estimate, 0) / Math.max(1, post.length);
}

const decimalNb = (x: number, digits: number) => x.toFixed(digits).replace(".", ",").replace("-", "−");

/** Norwegian sentence on the pre-trend check, from its two tests (the library's statement is in English for the CLI). */
export function preTrendSentenceNb(r: ClaimsEstimate): string {
  const { joint: j, linear: l, alpha } = r.preTrend;
  if (!j && !l) return "For få måneder før start til å teste trendene.";
  const tests = [
    j ? `samlet test av ${j.coefficients} kvartaler i grunnlaget p = ${decimalNb(j.p, 3)} (nivå ${decimalNb(alpha.joint, 2)})` : "",
    l ? `lineær trend ${formatNok(l.slopeNokPerMonth)} per legemåned per måned, t = ${decimalNb(l.t, 2)}, p = ${decimalNb(l.p, 3)} (nivå ${decimalNb(alpha.linear, 2)})` : "",
  ]
    .filter(Boolean)
    .join("; ");
  return r.preTrend.parallelTrendsPlausible
    ? `Før start fulgte de avgivende fastlegene sammenligningsgruppen (${tests}): parallelle trender virker rimelige.`
    : `Før start fulgte de avgivende fastlegene ikke sammenligningsgruppen (${tests}): se følsomhetsgrensene før punktanslaget.`;
}

/** Norwegian warning to show next to the headline when the pre-trend test fails (empty otherwise): both kinds of bounds. */
export function headlineWarningNb(r: ClaimsEstimate): string {
  if (r.preTrend.parallelTrendsPlausible) return "";
  const b = r.sensitivity.bounds.find((x) => x.mBar === 1);
  const s = r.sensitivity.smoothness.find((x) => x.mShare === 0);
  const parts = [
    b ? `med avvik opptil det største før start (M̄ = 1) ligger netto merutgift mellom ${formatNok(b.ci95[0])} og ${formatNok(b.ci95[1])}` : "",
    s && Number.isFinite(s.lower)
      ? `fortsetter trenden før start som en rett linje, er den ${formatNok(s.lower)} (95 %-intervall ${formatNok(s.ci95[0])} – ${formatNok(s.ci95[1])})`
      : "",
  ].filter(Boolean);
  return `Advarsel: testen av trendene før start forkaster parallelle trender${parts.length ? `; ${parts.join("; ")}` : ""}.`;
}

/** Title sentence of the estimate: where it lies against HOD's estimate. */
export function claimsFindingTitle(r: ClaimsEstimate): string {
  const net = r.netCostPerAgreementYear;
  const hod = r.reference.hodEstimateNok;
  const where = r.reference.position === "inside-interval" ? "HODs" : r.reference.position === "above-interval" ? "under HODs" : "over HODs";
  return `Regnskapstallene gir ${formatNok(net.estimate)} per avtaleår – ${where} ${formatNok(hod)}${r.reference.position === "inside-interval" ? " er innenfor intervallet" : ""}`;
}

export function eventStudySpec(r: ClaimsEstimate, source: string): ChartSpec {
  const k = r.design.anticipationMonths;
  const values = r.eventStudy.map((c) => ({
    maaned: c.e,
    endring: c.estimate,
    lav: c.ci95[0],
    hoy: c.ci95[1],
    periode: c.e < -k ? "før start" : c.e < 0 ? "overlapping før start" : "etter start",
  }));
  const change = meanPostChange(r);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: "Hendelsesstudie: endring i de avgivende fastlegenes refusjon og betalte egenandeler mot sammenligningsgruppen, per måned fra avtalestart.",
    title: {
      text: `Avgivende fastleger fakturerer folketrygden ${formatNok(Math.abs(change))} ${change <= 0 ? "mindre" : "mer"} per måned etter avtalestart`,
      subtitle: [...preTrendSentenceNb(r).split(/(?<=\):) /), `Kilde: ${source}. ${r.agreements.included} avtaler, 95 %-intervall fra klyngebootstrap (${r.manifest.bootstrap} trekk).`],
    },
    width: PAGE_WIDTH,
    height: 300,
    config: BASE_CONFIG,
    layer: [
      { data: { values: [{ y: 0 }] }, mark: { type: "rule", color: COLORS.grey }, encoding: { y: { field: "y", type: "quantitative" } } },
      { data: { values: [{ x: -0.5 }] }, mark: { type: "rule", color: COLORS.grey, strokeDash: [4, 3] }, encoding: { x: { field: "x", type: "quantitative" } } },
      {
        data: { values },
        layer: [
          {
            mark: { type: "rule", strokeWidth: 1.5 },
            encoding: {
              x: { field: "maaned", type: "quantitative", title: "Måneder fra avtalestart" },
              y: { field: "lav", type: "quantitative", title: "Endring per avgivende fastlege per måned (kr)", axis: { format: ",.0f" } },
              y2: { field: "hoy" },
              color: {
                field: "periode",
                type: "nominal",
                title: null,
                scale: { domain: ["før start", "overlapping før start", "etter start"], range: [COLORS.grey, COLORS.orange, COLORS.vermillion] },
              },
            },
          },
          {
            mark: { type: "point", filled: true, size: 40 },
            encoding: {
              x: { field: "maaned", type: "quantitative" },
              y: { field: "endring", type: "quantitative" },
              color: { field: "periode", type: "nominal", title: null },
              tooltip: [
                { field: "maaned", type: "quantitative", title: "måned" },
                { field: "endring", type: "quantitative", title: "endring (kr)", format: ",.0f" },
                { field: "lav", type: "quantitative", title: "95 % fra (kr)", format: ",.0f" },
                { field: "hoy", type: "quantitative", title: "95 % til (kr)", format: ",.0f" },
              ],
            },
          },
        ],
      },
    ],
  };
}

export function estimateVsReferenceSpec(r: ClaimsEstimate, source: string): ChartSpec {
  const net = r.netCostPerAgreementYear;
  const rows: Array<{ rad: string; x: number; lav: number; hoy: number }> = [{ rad: "Regnskapstall (95 %-intervall)", x: net.estimate, lav: net.ci95[0], hoy: net.ci95[1] }];
  if (r.simulation) rows.push({ rad: "Simulering (P10–P90, P50)", x: r.simulation.p50, lav: r.simulation.p10, hoy: r.simulation.p90 });
  const hod = r.reference.hodEstimateNok;
  const sim = r.simulation ? `Estimatet ligger på persentil ${Math.round(r.simulation.percentileRank * 100)} i simuleringen (P10–P90 ${formatNok(r.simulation.p10)} – ${formatNok(r.simulation.p90)}).` : "";
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description: "Netto merutgift for folketrygden per avtaleår fra regnskapstall, med 95 %-intervall, mot HODs anslag og simuleringens P10–P90.",
    title: {
      text: claimsFindingTitle(r),
      subtitle: [
        ...(headlineWarningNb(r) ? [headlineWarningNb(r)] : []),
        `95 %-intervall ${formatNok(net.ci95[0])} – ${formatNok(net.ci95[1])} for avtalene i uttrekket; for avtaler som disse generelt ${formatNok(net.ci95Superpopulation[0])} – ${formatNok(net.ci95Superpopulation[1])}.`,
        ...(sim ? [sim] : []),
        `Kilde: ${source}.`,
      ],
    },
    width: PAGE_WIDTH,
    height: 140,
    config: BASE_CONFIG,
    layer: [
      {
        data: { values: rows },
        layer: [
          {
            mark: { type: "rule", strokeWidth: 6, opacity: 0.5 },
            encoding: {
              y: { field: "rad", type: "nominal", title: null, sort: null, axis: { labelLimit: 320 } },
              x: { field: "lav", type: "quantitative", title: "Netto merutgift for folketrygden per avtaleår (kr)", axis: { format: ",.0f" }, scale: { zero: true } },
              x2: { field: "hoy" },
              color: { field: "rad", type: "nominal", legend: null, scale: { range: [COLORS.blue, COLORS.sky] } },
            },
          },
          {
            mark: { type: "point", filled: true, size: 90, color: COLORS.black },
            encoding: { y: { field: "rad", type: "nominal", sort: null }, x: { field: "x", type: "quantitative" }, tooltip: [{ field: "x", type: "quantitative", title: "kr", format: ",.0f" }] },
          },
        ],
      },
      {
        data: { values: [{ x: hod, navn: `HODs anslag ${formatNok(hod)}` }] },
        layer: [
          { mark: { type: "rule", color: COLORS.vermillion, strokeWidth: 2 }, encoding: { x: { field: "x", type: "quantitative" } } },
          { mark: { type: "text", align: "left", dx: 4, dy: -4, color: COLORS.vermillion, baseline: "bottom" }, encoding: { x: { field: "x", type: "quantitative" }, y: { value: 0 }, text: { field: "navn" } } },
        ],
      },
    ],
  };
}

/**
 * The sensitivity bounds (Rambachan & Roth 2023), both kinds, one row each with its 95 % interval: relative
 * magnitudes (the post-start deviation up to M̄ times the largest one in the baseline) and smoothness (the pre-start
 * trend continued as a line, its slope drifting by at most M a month, M a share of a doctor-month's baseline cost).
 */
export function sensitivityBoundsSpec(r: ClaimsEstimate, source: string): ChartSpec {
  const rows = [
    ...r.sensitivity.bounds.map((b) => ({ mbar: `Avvik ≤ ${decimalNb(b.mBar, b.mBar % 1 ? 1 : 0)} × største før start`, lower: b.lower, upper: b.upper, lav: b.ci95[0], hoy: b.ci95[1] })),
    ...r.sensitivity.smoothness.map((b) => ({
      mbar: b.mShare === 0 ? "Trenden før start fortsetter (rett linje)" : `Trend, stigningen endres ≤ ${decimalNb(100 * b.mShare, 2)} % per måned`,
      lower: b.lower,
      upper: b.upper,
      lav: b.ci95[0],
      hoy: b.ci95[1],
    })),
  ];
  const hod = r.reference.hodEstimateNok;
  const b1 = r.sensitivity.bounds.find((b) => b.mBar === 1);
  const s0 = r.sensitivity.smoothness.find((b) => b.mShare === 0 && Number.isFinite(b.ci95[0]));
  // A linear pre-trend was found: the bound that continues it is the one to read first.
  const trendRejected = r.preTrend.linear !== null && r.preTrend.linear.p < r.preTrend.alpha.linear;
  const warn = headlineWarningNb(r);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    description:
      "Følsomhetsgrenser for netto merutgift per avtaleår: når trendene etter start kan avvike inntil M̄ ganger det største avviket før start, og når trenden før start fortsetter.",
    title: {
      text:
        trendRejected && s0
          ? `Fortsetter trenden før start, er netto merutgift ${formatNok(s0.ci95[0])} – ${formatNok(s0.ci95[1])} per avtaleår`
          : b1
            ? `Selv med avvik som det største før start: ${formatNok(b1.ci95[0])} – ${formatNok(b1.ci95[1])} per avtaleår`
            : "Følsomhetsgrenser for netto merutgift per avtaleår",
      subtitle: [
        ...(warn ? [warn] : []),
        `Største avvik i grunnlaget ${formatNok(r.sensitivity.largestPreDeviationNok)} per avgivende legemåned; tykk strek: grensene, tynn: 95 %-intervall (Rambachan og Roth 2023).`,
        "Avvik som det største før start passer for en topp eller et fall før start; en rett linje passer for en trend som skiller lag.",
        `Kilde: ${source}.`,
      ],
    },
    width: PAGE_WIDTH,
    height: 260,
    config: BASE_CONFIG,
    layer: [
      {
        data: { values: rows },
        layer: [
          {
            mark: { type: "rule", strokeWidth: 1.5, color: COLORS.grey },
            encoding: {
              y: { field: "mbar", type: "nominal", title: null, sort: null },
              x: { field: "lav", type: "quantitative", title: "Netto merutgift for folketrygden per avtaleår (kr)", axis: { format: ",.0f" }, scale: { zero: false } },
              x2: { field: "hoy" },
            },
          },
          {
            mark: { type: "rule", strokeWidth: 7, color: COLORS.blue },
            encoding: {
              y: { field: "mbar", type: "nominal", sort: null },
              x: { field: "lower", type: "quantitative" },
              x2: { field: "upper" },
              tooltip: [
                { field: "mbar", type: "nominal", title: "Forutsetning" },
                { field: "lower", type: "quantitative", title: "fra (kr)", format: ",.0f" },
                { field: "upper", type: "quantitative", title: "til (kr)", format: ",.0f" },
                { field: "lav", type: "quantitative", title: "95 % fra (kr)", format: ",.0f" },
                { field: "hoy", type: "quantitative", title: "95 % til (kr)", format: ",.0f" },
              ],
            },
          },
        ],
      },
      {
        data: { values: [{ x: hod, navn: `HODs anslag ${formatNok(hod)}` }] },
        layer: [
          { mark: { type: "rule", color: COLORS.vermillion, strokeWidth: 2 }, encoding: { x: { field: "x", type: "quantitative" } } },
          { mark: { type: "text", align: "left", dx: 4, dy: -4, color: COLORS.vermillion, baseline: "bottom" }, encoding: { x: { field: "x", type: "quantitative" }, y: { value: 0 }, text: { field: "navn" } } },
        ],
      },
    ],
  };
}
