/**
 * The tables an analyst pastes into Excel, built from a run's results: summary, assumptions, sensitivity, parties,
 * budget by year, allocation timeline; and, for several scenarios, the comparison. Values are raw numbers (kroner,
 * shares as fractions); formatting is the writer's job.
 */
import { PARTIES, PARTY_LABELS } from "../flows/parties";
import type { ScenarioResults } from "../results/scenarioResults";
import { cols, type Sheet } from "./sheet";
import { distributionColumns } from "./distributionColumns";
import { decisionSheets } from "./appraisalSheet";
import { PRICE_BASIS_LABELS, type BudgetProjection } from "../budget/projectBudget";
import { formatDate } from "../format/norwegian";

/** A calendar year's months: a budget year with fewer was only partly simulated. */
const MONTHS_PER_YEAR = 12;

export function summarySheet(r: ScenarioResults): Sheet {
  const c = r.cost;
  const n = c.national;
  return {
    name: "sammendrag",
    title: `Netto merutgift for folketrygden per avtaleår – ${r.scenario.title}`,
    columns: cols(["Mål", "text"], ["Per avtale (kr)", "nok"], [`${n.agreements} avtaler (kr)`, "nok"]),
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

/**
 * Every assumption with its distribution as a kind and three numbers (lav, mest sannsynlig, høy), its central value
 * and the P10/P90 the tornado swings between; the numbers are shown by each row's unit (per cent for a share, one
 * decimal for weeks, whole kroner …).
 */
export function assumptionsSheet(r: ScenarioResults): Sheet {
  const UNIT = 2; // the column "Enhet"
  return {
    name: "forutsetninger",
    title: "Forutsetninger: fordeling og kilde",
    columns: cols(
      ["Navn", "text"],
      ["Forutsetning", "text"],
      ["Enhet", "text"],
      ["Fordeling", "text"],
      ["Lav", "unit", UNIT],
      ["Mest sannsynlig", "unit", UNIT],
      ["Høy", "unit", UNIT],
      ["Sentral", "unit", UNIT],
      ["P10", "unit", UNIT],
      ["P90", "unit", UNIT],
      ["Opphav", "text"],
      ["Kilde / begrunnelse", "text"],
    ),
    rows: r.cost.assumptions.map((a) => {
      const d = distributionColumns(a.distribution);
      return [a.name, a.label, a.unit, d.kind, d.low, d.mode, d.high, a.central, a.p10, a.p90, a.origin === "scenario" ? "scenario" : "data/params", a.source];
    }),
  };
}

export function sensitivitySheet(r: ScenarioResults): Sheet {
  const sobol = new Map((r.cost.sobol?.indices ?? []).map((s) => [s.name, s]));
  const rho = new Map(r.cost.rankCorrelation.map((x) => [x.name, x.rho]));
  return {
    name: "folsomhet",
    title: "Følsomhet: tornado (P10 → P90), rangkorrelasjon og Sobol-indekser",
    columns: cols(
      ["Forutsetning", "text"],
      ["Netto ved P10 (kr)", "nok"],
      ["Netto ved P90 (kr)", "nok"],
      ["Utslag (kr)", "nok"],
      ["Rangkorrelasjon", "number"],
      ["Sobol førsteordens", "number"],
      ["Sobol total", "number"],
    ),
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
    columns: cols(
      ["Ansettelsesform", "text"],
      ["Part", "text"],
      ["Virkning (kr)", "nok"],
      ["P10 (kr)", "nok"],
      ["P90 (kr)", "nok"],
      ["Sannsynlighet for tap", "share"],
    ),
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
    columns: cols(
      ["År", "text"],
      ["Priser", "text"],
      ["Simulerte måneder", "count"],
      ["Aktive avtaleår P50", "decimal1"],
      ["P10 (kr)", "nok"],
      ["P50 (kr)", "nok"],
      ["P85 (kr)", "nok"],
      ["P90 (kr)", "nok"],
      ["Bevilgning (kr)", "nok"],
      ["Andel over bevilgningen", "share"],
      ["Alle avtaler i bruk, P50 (kr)", "nok"],
    ),
    rows: b.years.map((y) => [
      y.simulatedMonths < MONTHS_PER_YEAR ? `${y.year} (${y.simulatedMonths} mnd.)` : String(y.year),
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
    columns: cols(
      ["Måned", "month"],
      ["Holdt P50", "count"],
      ["I bruk P10", "count"],
      ["I bruk P50", "count"],
      ["I bruk P90", "count"],
      ["Aktive P50", "count"],
    ),
    rows: a.timeline.map((t) => [t.date, t.held.p50, t.inPlace.p10, t.inPlace.p50, t.inPlace.p90, t.active.p50]),
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
    columns: cols(
      ["Scenario", "text"],
      ["Navn", "text"],
      ["Gjennomsnitt (kr)", "nok"],
      ["P10 (kr)", "nok"],
      ["P50 (kr)", "nok"],
      ["P85 (kr)", "nok"],
      ["P90 (kr)", "nok"],
      ["Andel over anslaget", "share"],
      ["Avtaler", "count"],
      ["Nasjonalt P50 (kr)", "nok"],
      ["Nasjonalt P85 (kr)", "nok"],
      ["Høyeste budsjettår P85 (kr)", "nok"],
    ),
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
