/**
 * The cost results as Norwegian tables (headers + formatted rows), shared by the notebook and the report:
 * the summary, the decomposition, the assumptions, the drivers, the top-down cross-check, the reconciliation with the
 * national refusjon per consultation and the average and marginal exempt shares.
 */
import type { CostReport } from "../analysis/runCost";
import { formatByUnit, formatMillNok, formatNok, formatNumber, formatPercent } from "../format/norwegian";
import type { Table } from "../format/table";

export function summaryTable(r: CostReport): Table {
  return {
    caption: "Folketrygdens netto merutgift per avtaleår",
    headers: ["Mål", "Per avtale", `${r.national.agreements} avtaler`],
    alignRight: [1, 2],
    rows: [
      ["Deterministisk (sentralverdier)", formatNok(r.deterministic.net), formatMillNok(r.national.deterministic)],
      ["Gjennomsnitt", formatNok(r.mean), formatMillNok(r.national.mean)],
      ["P10", formatNok(r.p10), formatMillNok(r.national.p10)],
      ["P50 (median)", formatNok(r.p50), formatMillNok(r.national.p50)],
      ["P85 (budsjettramme)", formatNok(r.p85), formatMillNok(r.national.p85)],
      ["P90", formatNok(r.p90), formatMillNok(r.national.p90)],
      ["Standardavvik", formatNok(r.sd), ""],
      [
        `Andel trekk over ${formatNok(r.referenceCostNok)} / over bevilgningen ${formatMillNok(r.national.budgetLineNok)}`,
        formatPercent(r.shareAbove500k),
        formatPercent(r.national.shareAboveBudgetLine),
      ],
    ],
  };
}

export function decompositionTable(r: CostReport): Table {
  const d = r.decomposition;
  const det = r.deterministic;
  return {
    caption: "Dekomponering per avtaleår",
    headers: ["Komponent", "Deterministisk", "Gjennomsnitt"],
    alignRight: [1, 2],
    rows: [
      ["Konsultasjoner (antall)", formatNumber(det.consultations, 0), formatNumber(d.consultations, 0)],
      ["+ Refusjon til introduksjonslegen", formatNok(det.grossRefusjon), formatNok(d.grossRefusjon)],
      ["+ Egenandeler folketrygden betaler (frikort, barn, fritak)", formatNok(det.egenandelPaid), formatNok(d.egenandelPaid)],
      ["− Substitusjon: det fastlegene ikke lenger krever", formatNok(det.substitutionSaving), formatNok(d.substitutionSaving)],
      ["= Netto merutgift for folketrygden", formatNok(det.net), formatNok(d.net)],
      ["Annen offentlig kostnad (ikke folketrygden), bare det som endres av avtalen:", "", ""],
      r.otherPublicCost.alisInCounterfactual
        ? ["Nasjonal ALIS (staten): ingen endring, legen ville hatt ALIS-avtale og tilskudd uansett", formatNok(0), formatNok(0)]
        : ["Nasjonal ALIS, forventet tilskudd (staten)", formatNok(det.alisSupport), formatNok(r.otherPublicCost.nasjonalAlisExpectedNok)],
      [
        `Basistilskudd: ingen endring (fastlegene beholder hele basistilskuddet for listene, ${formatNok(r.otherPublicCost.basistilskuddKeptByFastlegerNok)} i året, med eller uten avtale)`,
        formatNok(0),
        formatNok(r.otherPublicCost.basistilskuddChangeNok),
      ],
    ],
  };
}

/** The assumptions with central value, P10 and P90 formatted by each input's unit (per cent, kroner, weeks, persons). */
export function assumptionsTableView(r: CostReport): Table {
  return {
    caption: "Forutsetninger (fra scenariofilen og data/params/)",
    headers: ["Forutsetning", "Enhet", "Fordeling", "Sentral", "P10", "P90", "Kilde / begrunnelse"],
    alignRight: [3, 4, 5],
    rows: r.assumptions.map((a) => {
      const fmt = (x: number) => formatByUnit(x, a.unit);
      return [a.label, a.unit, a.distribution.replace(/(\d+)\.(\d+)/g, "$1,$2"), fmt(a.central), fmt(a.p10), fmt(a.p90), a.source];
    }),
  };
}

/** Tornado swing and rank correlation per input; with Sobol indices (when the run computed them) as two more columns. */
export function driversTable(r: CostReport): Table {
  const rho = new Map(r.rankCorrelation.map((c) => [c.name, c.rho]));
  const sobol = r.sobol ? new Map(r.sobol.indices.map((x) => [x.name, x])) : undefined;
  const share = (x: number | undefined) => (x === undefined ? "" : formatPercent(Math.max(0, x), 0));
  return {
    caption: `Hva driver resultatet: tornado (P10 → P90, de andre på sentralverdi), rangkorrelasjon (Spearman) med netto kostnad${sobol ? " og Sobol-indekser (andel av variansen)" : ""}`,
    headers: ["Forutsetning", "Netto ved P10", "Netto ved P90", "Utslag", "Rangkorrelasjon", ...(sobol ? ["Sobol alene", "Sobol total"] : [])],
    alignRight: sobol ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4],
    rows: r.tornado.rows.map((t) => [
      t.label,
      formatNok(t.outputAtLow),
      formatNok(t.outputAtHigh),
      formatNok(t.swing),
      formatNumber(rho.get(t.name) ?? 0, 2),
      ...(sobol ? [share(sobol.get(t.name)?.firstOrder), share(sobol.get(t.name)?.total)] : []),
    ]),
  };
}

export function topDownTable(r: CostReport): Table {
  const t = r.topDown;
  return {
    caption: `Kontroll ovenfra (nasjonale tall ${t.referenceYear})`,
    headers: ["Størrelse", "Verdi"],
    alignRight: [1],
    rows: [
      ["Folketrygdens utgift per fastlegekonsultasjon, hele landet", formatNok(t.nationalRatePerConsultationNok)],
      ["Modellens utgift per konsultasjon hos introduksjonslegen", formatNok(t.bottomUpRatePerConsultationNok)],
      ["Konsultasjoner i avtaleåret", formatNumber(t.consultations, 0)],
      ["Effektiv substitusjonsandel", formatPercent(t.effectiveSubstitutionShare)],
      ["Netto ovenfra", formatNok(t.topDownNetNok)],
      ["Netto nedenfra (modellen, deterministisk)", formatNok(t.bottomUpNetNok)],
      ["Forskjell", formatNok(t.differenceNok)],
      [`  herav: takstmiks og prisendring fra ${t.referenceYear} (nasjonal snittsats mot modellens takster)`, formatNok(t.rateEffectNok)],
      ["  herav: spesialisttillegg på aktivitet fastlegene gir fra seg", formatNok(t.specialistAddOnEffectNok)],
    ],
  };
}

/** The reconciliation of the scenario's refusjon per consultation with the national figure, step by step. */
export function reconciliationTable(r: CostReport): Table {
  const x = r.reconciliation;
  const fmt = (v: number) => formatNumber(v, 1).concat(" kr");
  return {
    caption: `Avstemming mot det folketrygden faktisk betaler: refusjon per konsultasjon (takstmiksen er kalibrert når avviket er innenfor ${formatPercent(x.tolerance, 0)}; avviket er ${formatPercent(x.relativeMixEffect, 1)})`,
    headers: ["Trinn", "Kr per konsultasjon", "Kilde"],
    alignRight: [1],
    rows: x.rows.map((row) => [row.label, fmt(row.nok), row.source]),
  };
}

/** Average and marginal share of the egenandel paid by folketrygden, side by side, and which one the cost uses. */
export function exemptSharesTable(r: CostReport): Table {
  const e = r.exemptShares;
  const m = e.model;
  return {
    caption: `Egenandeler folketrygden betaler: i snitt og på marginen (kostnaden bruker ${e.basis === "marginal" ? "andelen på marginen" : "gjennomsnittsandelen"})`,
    headers: ["Størrelse", "I snitt", "På marginen"],
    alignRight: [1, 2],
    rows: [
      [`Befolkningsmodellen ${m.year} (egenandelstak ${formatNok(m.takNok)})`, formatPercent(m.average, 1), formatPercent(m.marginal, 1)],
      ...m.groups.map((g) => [
        `  ${g.label} (${formatPercent(g.consultationShare, 1)} av konsultasjonene)`,
        formatPercent(g.average, 1),
        formatPercent(g.marginal, 1),
      ]),
      ["Scenarioets forutsetning (sentralverdi)", formatPercent(e.scenarioAverage, 1), formatPercent(e.scenarioMarginal, 1)],
    ],
  };
}
