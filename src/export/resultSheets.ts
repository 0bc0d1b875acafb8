/**
 * The tables an analyst pastes into Excel, built from a run's results: summary, assumptions, sensitivity, parties,
 * budget by year, allocation timeline; and, for several scenarios, the comparison. Values are raw numbers (kroner,
 * shares as fractions); formatting is the writer's job.
 */
import { PARTIES, PARTY_LABELS } from "../flows/parties";
import type { ScenarioResults } from "../results/scenarioResults";
import type { Sheet } from "./sheet";
import { decisionSheets } from "./appraisalSheet";
import { PRICE_BASIS_LABELS, type BudgetProjection } from "../budget/projectBudget";
import { formatDate } from "../format/norwegian";

export function summarySheet(r: ScenarioResults): Sheet {
  const c = r.cost;
  const n = c.national;
  return {
    name: "sammendrag",
    title: `Netto merutgift for folketrygden per avtaleår – ${r.scenario.title}`,
    columns: [
      { header: "Mål", format: "text" },
      { header: "Per avtale (kr)", format: "nok" },
      { header: `${n.agreements} avtaler (kr)`, format: "nok" },
    ],
    rows: [
      ["Deterministisk (sentralverdier)", c.deterministic.net, n.deterministic],
      ["Gjennomsnitt", c.mean, n.mean],
      ["P10", c.p10, n.p10],
      ["P50 (median)", c.p50, n.p50],
      ["P85 (budsjettramme)", c.p85, n.p85],
      ["P90", c.p90, n.p90],
      ["Anslag (HOD) / bevilgning", c.referenceCostNok, n.budgetLineNok],
    ],
  };
}

export function assumptionsSheet(r: ScenarioResults): Sheet {
  return {
    name: "forutsetninger",
    title: "Forutsetninger: fordeling og kilde",
    columns: [
      { header: "Navn", format: "text" },
      { header: "Forutsetning", format: "text" },
      { header: "Enhet", format: "text" },
      { header: "Fordeling", format: "text" },
      { header: "Sentral", format: "number" },
      { header: "P10", format: "number" },
      { header: "P90", format: "number" },
      { header: "Opphav", format: "text" },
      { header: "Kilde / begrunnelse", format: "text" },
    ],
    rows: r.cost.assumptions.map((a) => [
      a.name,
      a.label,
      a.unit,
      a.distribution,
      a.central,
      a.p10,
      a.p90,
      a.origin === "scenario" ? "scenario" : "data/params",
      a.source,
    ]),
  };
}

export function sensitivitySheet(r: ScenarioResults): Sheet {
  const sobol = new Map((r.cost.sobol?.indices ?? []).map((s) => [s.name, s]));
  const rho = new Map(r.cost.rankCorrelation.map((x) => [x.name, x.rho]));
  return {
    name: "folsomhet",
    title: "Følsomhet: tornado (P10 → P90), rangkorrelasjon og Sobol-indekser",
    columns: [
      { header: "Forutsetning", format: "text" },
      { header: "Netto ved P10 (kr)", format: "nok" },
      { header: "Netto ved P90 (kr)", format: "nok" },
      { header: "Utslag (kr)", format: "nok" },
      { header: "Rangkorrelasjon", format: "number" },
      { header: "Sobol førsteordens", format: "number" },
      { header: "Sobol total", format: "number" },
    ],
    rows: r.cost.tornado.rows.map((t) => [
      t.label,
      t.outputAtLow,
      t.outputAtHigh,
      t.swing,
      rho.get(t.name) ?? null,
      sobol.get(t.name)?.firstOrder ?? null,
      sobol.get(t.name)?.total ?? null,
    ]),
  };
}

export function partiesSheet(r: ScenarioResults): Sheet | undefined {
  if (!r.flows) return undefined;
  return {
    name: "parter",
    title: "Virkning per part og avtaleår (med minus uten avtale)",
    columns: [
      { header: "Ansettelsesform", format: "text" },
      { header: "Part", format: "text" },
      { header: "Virkning (kr)", format: "nok" },
      { header: "P10 (kr)", format: "nok" },
      { header: "P90 (kr)", format: "nok" },
      { header: "Sannsynlighet for tap", format: "share" },
    ],
    rows: Object.values(r.flows).flatMap((f) =>
      PARTIES.map((p) => [
        f.employmentLabel,
        PARTY_LABELS[p],
        f.netByParty.difference[p],
        f.monteCarlo[p].p10,
        f.monteCarlo[p].p90,
        f.monteCarlo[p].probabilityOfLoss,
      ]),
    ),
  };
}

export function budgetSheet(b: BudgetProjection | undefined): Sheet | undefined {
  if (!b) return undefined;
  return {
    name: "budsjett",
    title: `Folketrygdens utgifter per budsjettår mot kap. 2755 post 70 (${b.basis === "fixed" ? `faste priser per ${formatDate(b.fixedPriceDate!)}` : "løpende priser"})`,
    columns: [
      { header: "År", format: "text" },
      { header: "Priser", format: "text" },
      { header: "Simulerte måneder", format: "count" },
      { header: "Aktive avtaleår P50", format: "number" },
      { header: "P10 (kr)", format: "nok" },
      { header: "P50 (kr)", format: "nok" },
      { header: "P85 (kr)", format: "nok" },
      { header: "P90 (kr)", format: "nok" },
      { header: "Bevilgning (kr)", format: "nok" },
      { header: "Andel over bevilgningen", format: "share" },
      { header: "Alle avtaler i bruk, P50 (kr)", format: "nok" },
    ],
    rows: b.years.map((y) => [
      y.simulatedMonths < 12 ? `${y.year} (${y.simulatedMonths} mnd.)` : String(y.year),
      PRICE_BASIS_LABELS[y.prices],
      y.simulatedMonths,
      y.agreementYears.p50,
      y.nok.p10,
      y.nok.p50,
      y.nok.p85,
      y.nok.p90,
      y.budgetLineNok,
      y.shareAboveLine,
      y.fullUse.p50,
    ]),
  };
}

export function allocationSheet(r: ScenarioResults): Sheet | undefined {
  const a = r.allocation;
  if (!a) return undefined;
  return {
    name: "tildeling",
    title: `Avtaler per måned (${a.replications} replikasjoner, tak ${a.cap})`,
    columns: [
      { header: "Måned", format: "text" },
      { header: "Holdt P50", format: "number" },
      { header: "I bruk P10", format: "number" },
      { header: "I bruk P50", format: "number" },
      { header: "I bruk P90", format: "number" },
      { header: "Aktive P50", format: "number" },
    ],
    rows: a.timeline.map((t) => [t.date.slice(0, 7), t.held.p50, t.inPlace.p10, t.inPlace.p50, t.inPlace.p90, t.active.p50]),
  };
}

/** Every sheet of one scenario, in order. */
export function scenarioSheets(r: ScenarioResults): Sheet[] {
  return [
    summarySheet(r),
    assumptionsSheet(r),
    sensitivitySheet(r),
    partiesSheet(r),
    budgetSheet(r.budget),
    allocationSheet(r),
    ...decisionSheets(r.decision),
  ].filter((s): s is Sheet => s !== undefined);
}

/** Several scenarios side by side: the cost per agreement-year, the national total and the budget's worst year. */
export function comparisonSheet(results: ReadonlyArray<ScenarioResults>): Sheet {
  return {
    name: "sammenligning",
    title: "Scenarioene side om side: netto merutgift per avtaleår og nasjonalt",
    columns: [
      { header: "Scenario", format: "text" },
      { header: "Navn", format: "text" },
      { header: "Gjennomsnitt (kr)", format: "nok" },
      { header: "P10 (kr)", format: "nok" },
      { header: "P50 (kr)", format: "nok" },
      { header: "P85 (kr)", format: "nok" },
      { header: "P90 (kr)", format: "nok" },
      { header: "Andel over anslaget", format: "share" },
      { header: "Avtaler", format: "count" },
      { header: "Nasjonalt P50 (kr)", format: "nok" },
      { header: "Nasjonalt P85 (kr)", format: "nok" },
      { header: "Høyeste budsjettår P85 (kr)", format: "nok" },
    ],
    rows: results.map((r) => [
      r.scenario.title,
      r.scenario.name,
      r.cost.mean,
      r.cost.p10,
      r.cost.p50,
      r.cost.p85,
      r.cost.p90,
      r.cost.shareAbove500k,
      r.cost.national.agreements,
      r.cost.national.p50,
      r.cost.national.p85,
      r.budget ? Math.max(...r.budget.years.map((y) => y.nok.p85)) : null,
    ]),
  };
}
