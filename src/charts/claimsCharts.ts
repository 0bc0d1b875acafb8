/**
 * Charts of the regnskapstall estimate: the event study around the agreement start (the handing-over fastleger's change
 * against the comparison, with 95 % intervals), and the estimate with its interval beside HOD's 500 000 kr and the
 * simulation's P10–P90. Norwegian labels; the titles state the finding.
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

/** Norwegian sentence on the pre-trend check (the library's statement is in English for the CLI). */
export function preTrendSentenceNb(r: ClaimsEstimate): string {
  const s = r.preTrend.slopeNokPerMonth;
  if (!Number.isFinite(s.estimate)) return "For få måneder før start til å vurdere trendene.";
  const range = `${formatNok(s.ci95[0])} – ${formatNok(s.ci95[1])}`;
  return r.preTrend.parallelTrendsPlausible
    ? `Før start fulgte de avgivende fastlegene sammenligningsgruppen (helning ${formatNok(s.estimate)} per legemåned per måned, 95 %-intervall ${range} omfatter 0): parallelle trender er plausibelt.`
    : `Før start drev de avgivende fastlegene fra sammenligningsgruppen (helning ${formatNok(s.estimate)} per legemåned per måned, 95 %-intervall ${range} omfatter ikke 0): anslaget på bortfallet er usikkert.`;
}

/** Title sentence of the estimate: where it lies against HOD's estimate. */
export function claimsFindingTitle(r: ClaimsEstimate): string {
  const net = r.netCostPerAgreementYear;
  const hod = r.reference.hodEstimateNok;
  const where = r.reference.position === "inside-interval" ? "HODs" : r.reference.position === "above-interval" ? "under HODs" : "over HODs";
  return `Regnskapstallene gir ${formatNok(net.estimate)} per avtaleår – ${where} ${formatNok(hod)}${r.reference.position === "inside-interval" ? " er innenfor intervallet" : ""}`;
}

export function eventStudySpec(r: ClaimsEstimate, source: string): ChartSpec {
  const values = r.eventStudy.map((c) => ({ maaned: c.e, endring: c.estimate, lav: c.ci95[0], hoy: c.ci95[1], periode: c.e < 0 ? "før start" : "etter start" }));
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
              color: { field: "periode", type: "nominal", title: null, scale: { domain: ["før start", "etter start"], range: [COLORS.grey, COLORS.vermillion] } },
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
      subtitle: [`95 %-intervall ${formatNok(net.ci95[0])} – ${formatNok(net.ci95[1])}.`, ...(sim ? [sim] : []), `Kilde: ${source}.`],
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
