/** Måloppnåelse as Norwegian tables (suppressed cells shown as "prikket"), shared by the notebook and reports. */
import { formatNok, formatNumber, formatPercent } from "../format/norwegian";
import type { CohortProjection } from "../register/cohort";
import type { IndicatorsReport, IndicatorValues } from "../register/indicators";
import type { ValidationReport } from "../register/validateRegister";
import type { Table } from "../format/table";

const SUPPRESSED = "prikket";
const share = (x: number | null) => (x === null ? SUPPRESSED : formatPercent(x, 0));

function indicatorRow(name: string, v: IndicatorValues): Array<string | number> {
  if (v.suppressed || v.doctors === null) return [name, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED];
  return [
    name,
    v.doctors,
    formatNumber(v.meanFteMonths ?? 0, 1),
    share(v.shareReached24FteMonths),
    share(v.specialistBy36Months),
    share(v.fastlegeBy36Months),
    share(v.retention1Year),
    share(v.retention2Years),
    share(v.shareFromOtherGpWork),
  ];
}

export function indicatorsTable(r: IndicatorsReport, by: "byHelseregion" | "byStartYear" | "byKommune"): Table {
  const title = { byHelseregion: "helseregion", byStartYear: "startår", byKommune: "kommune" }[by];
  return {
    caption: `Indikatorer etter ${title} per ${r.asOf} (celler med færre enn ${r.minCellPersons} leger er prikket, og grupper som ellers kunne regnes ut som differanse)`,
    headers: [
      title[0]!.toUpperCase() + title.slice(1),
      "Leger",
      "Månedsverk",
      "Fullført 24 mnd",
      "Spesialist innen 3 år",
      "Fastlege innen 3 år",
      "I kommunen etter 1 år",
      "… etter 2 år",
      "Fra annet allmennlegearbeid",
    ],
    alignRight: [1, 2, 3, 4, 5, 6, 7, 8],
    rows: [indicatorRow("Alle", r.overall), ...Object.entries(r[by]).map(([k, v]) => indicatorRow(k, v))],
  };
}

export function validationSummaryTable(v: ValidationReport): Table {
  const counts = new Map<string, number>();
  for (const x of v.violations) counts.set(x.rule, (counts.get(x.rule) ?? 0) + 1);
  return {
    caption: `Kontroll av registeret: ${v.rows} rader, ${v.valid} uten feil, ${v.errors} feil og ${v.warnings} advarsler`,
    headers: ["Regel", "Alvor", "Antall", "Regelen"],
    alignRight: [2],
    rows: [...counts.entries()]
      .sort()
      .map(([rule, n]) => [
        rule,
        rule === "FORMAT" ? "feil" : v.rules[rule as keyof ValidationReport["rules"]]?.severity === "warning" ? "advarsel" : "feil",
        n,
        rule === "FORMAT" ? "Feil format i en celle" : (v.rules[rule as keyof ValidationReport["rules"]]?.text ?? ""),
      ]),
  };
}

export function cohortTable(p: CohortProjection): Table {
  const b = (x: { p10: number; p50: number; p90: number }) => `${formatNumber(x.p50, 0)} (${formatNumber(x.p10, 0)}–${formatNumber(x.p90, 0)})`;
  return {
    caption: "Kohortframskriving, kumulativt: P50 (P10–P90)",
    headers: ["År", "Startet", "Fullført 24 mnd", "Spesialister", "Nye fastleger", "Kostnad for folketrygden"],
    alignRight: [1, 2, 3, 4, 5],
    rows: p.byYear.map((y) => [
      y.year,
      b(y.intake),
      b(y.completedCumulative),
      b(y.specialistsCumulative),
      b(y.fastlegerCumulative),
      `${formatNok(y.costCumulativeNok.p50)}`,
    ]),
  };
}
