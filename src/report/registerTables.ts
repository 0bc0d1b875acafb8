/** Måloppnåelse as Norwegian tables (suppressed cells shown as "prikket"), shared by the notebook and reports. */
import { formatNok, formatNumber, formatPercent } from "../format/norwegian";
import type { CohortProjection } from "../register/cohort";
import type { AfterAgreement, IndicatorsReport, IndicatorValues } from "../register/indicators";
import type { SchemeGoal } from "../register/referenceLists";
import type { FastlegeWorkload, WorkloadGroup } from "../register/fastlegeWorkload";
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

const interval = (x: { share: number; low: number; high: number } | null) =>
  x === null ? SUPPRESSED : `${formatPercent(x.share, 0)} (${formatPercent(x.low, 0)}–${formatPercent(x.high, 0)})`;

/** Position 12 and 24 months after the agreement ended, shares with 95 % Wilson intervals ("prikket" under 5 doctors). */
export function afterAgreementTable(after: ReadonlyArray<AfterAgreement>): Table {
  return {
    caption: "Hvor legene arbeider etter at avtalen sluttet: andel (95 % konfidensintervall); færre enn 5 leger er prikket",
    headers: ["Etter avtalen", "Leger", "I kommunen", "I allmennmedisin", "Fastlege i kommunen", "Sykehjem, legevakt, annet kommunalt"],
    alignRight: [1, 2, 3, 4, 5],
    rows: after.map((a) => [
      `${a.months} måneder`,
      a.doctors ?? SUPPRESSED,
      interval(a.inKommune),
      interval(a.inGeneralPractice),
      interval(a.fastlege),
      interval(a.otherKommunalWork),
    ]),
  };
}

/**
 * The scheme's goals (data/reference/scheme-goals.yaml), each with its indicator and what the register shows.
 * `workload` is the result for the fastleger's workload when a claims extract was analysed (else it says what is needed).
 */
export function goalsTable(goals: ReadonlyArray<SchemeGoal>, r: IndicatorsReport, workload?: string): Table {
  const o = r.overall;
  const a12 = r.afterAgreement.find((a) => a.months === 12);
  const results: Record<string, string> = {
    specialisation: [
      `spesialist innen 2 år ${share(o.specialistBy24Months)}, innen 3 år ${share(o.specialistBy36Months)}`,
      r.comparison
        ? `uten avtale ${share(r.comparison.comparisonSpecialistShare)}; ${r.comparison.additionalSpecialists === null ? "ekstra spesialister prikket" : `om lag ${formatNumber(r.comparison.additionalSpecialists, 0)} ekstra spesialister`}`
        : "ingen sammenligning gitt",
      r.costPerOutcome
        ? `kostnad per spesialist ${r.costPerOutcome.perSpecialistNok === null ? SUPPRESSED : formatNok(r.costPerOutcome.perSpecialistNok)} (brutto), per ekstra spesialist ${r.costPerOutcome.perAdditionalSpecialistNok === null ? "ikke beregnet" : formatNok(r.costPerOutcome.perAdditionalSpecialistNok)}`
        : "",
    ]
      .filter((x) => x)
      .join("; "),
    recruitment_stability: [
      `fastlege innen 1 år ${share(o.fastlegeBy12Months)}, innen 3 år ${share(o.fastlegeBy36Months)}`,
      a12 ? `12 måneder etter avtalen: i kommunen ${interval(a12.inKommune)}, i sykehjem/legevakt/annet kommunalt ${interval(a12.otherKommunalWork)}` : "",
    ]
      .filter((x) => x)
      .join("; "),
    fastlege_workload: workload ?? "krever et refusjonsuttrekk for de avgivende fastlegene (se notatbok 05)",
  };
  return {
    caption: `Ordningens mål og hva registeret viser per ${r.asOf} (prikket: færre enn ${r.minCellPersons} leger)`,
    headers: ["Mål", "Indikator", "Resultat"],
    rows: goals.map((g) => [g.goal, g.indicator, results[g.id] ?? ""]),
  };
}

/** The handing-over fastleger's workload before and after, against comparison fastleger ("prikket" under 5 doctors). */
export function workloadTable(w: FastlegeWorkload): Table {
  const n = (x: number | null) => (x === null ? SUPPRESSED : formatNumber(x, 0));
  const row = (name: string, g: WorkloadGroup) => [
    name,
    g.doctors ?? SUPPRESSED,
    n(g.consultationsBefore),
    n(g.consultationsAfter),
    share(g.consultationsChange),
    n(g.patientsBefore),
    n(g.patientsAfter),
    share(g.patientsChange),
  ];
  return {
    caption: `Konsultasjoner og pasienter per fastlege ${w.windowMonths} måneder før og etter avtalens start (sammenligningsfastleger i de samme månedene; færre enn 5 leger er prikket)`,
    headers: ["Fastleger", "Leger", "Konsultasjoner før", "etter", "Endring", "Pasienter før", "etter", "Endring"],
    alignRight: [1, 2, 3, 4, 5, 6, 7],
    rows: [row("Avgivende fastleger", w.handingOver), row("Sammenligningsfastleger", w.comparison)],
  };
}

/** One line for the goals table: the change of the handing-over fastleger's consultations against the comparison. */
export function workloadSummary(w: FastlegeWorkload): string {
  if (w.handingOver.consultationsChange === null) return "prikket (færre enn 5 avgivende fastleger)";
  const diff = w.consultationsDifference;
  return `konsultasjoner per avgivende fastlege ${share(w.handingOver.consultationsChange)} fra året før til året etter start, sammenligningsfastleger ${share(w.comparison.consultationsChange)}${diff === null ? "" : `; forskjell ${formatNumber(diff * 100, 0)} prosentpoeng`}`;
}
