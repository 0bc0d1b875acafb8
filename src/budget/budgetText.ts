/**
 * What the report says about how the budget path is made, in Norwegian: the rounds, where freed slots go, the
 * calibration, ramp-up per doctor, the tariff after the last priced day, and which inputs are shared by all agreements
 * and which each agreement draws for itself (full correlation is the upper bound).
 */
import { costInputDef } from "../inputs/costInputs";
import { formatDateLong, formatNumber, formatPercent } from "../format/norwegian";
import { CORRELATION_LABELS, type BudgetProjection } from "./projectBudget";

/** The slot simulation as the text needs it (plain values: the budget sits below the allocation layer). */
export interface SlotRunFacts {
  rounds: number;
  freedSlots: "waitingList" | "pool" | "firstRoundOnly";
  firstYear: number;
  lastYear: number;
  calibration?: { accepted: number; priorDraws: number; target: { date: string; inPlace: number; band: number }; fitted: string[] };
}

/** The shared inputs the text names (the rest are counted). */
const SHARED_NAMED = ["substitutionShare", "fastlegeBackfillShare", "exemptEgenandelShare", "specialistShareHandingOver"] as const;

const label = (name: string) => costInputDef(name)?.label.toLowerCase() ?? name;

/** One paragraph of plain text (no HTML). */
export function budgetMethodText(b: BudgetProjection, s: SlotRunFacts): string {
  const freed =
    s.freedSlots === "waitingList"
      ? "ledige avtaler går til neste kommune på ventelisten fra siste runde, ellers tilbake til potten til neste runde"
      : s.freedSlots === "pool"
        ? "ledige avtaler går tilbake til potten til neste runde"
        : "ledige avtaler går til ventelisten fra 2022-runden og går tapt når den er tom";
  const rounds = s.rounds > 0 ? `første runde i ${s.firstYear} og ${formatNumber(s.rounds, 0)} senere søknadsrunder` : `bare første runde (${s.firstYear})`;
  const parts = [
    `Ordningen simuleres måned for måned fra ${s.firstYear} til og med ${s.lastYear} i ${formatNumber(b.replications, 0)} replikasjoner: ${rounds}; ${freed}. Hver avtale og hver lege har egne hendelser (rekruttering, oppstart, varighet, stillingsprosent, permisjon) trukket fra replikasjonens parametre.`,
  ];
  const c = s.calibration;
  if (c)
    parts.push(
      `${formatNumber(c.fitted.length, 0)} forutsetninger er tilpasset observasjonen ${c.target.inPlace} avtaler i bruk ${formatDateLong(c.target.date)} med approksimativ bayesiansk beregning (ABC): ${formatNumber(c.accepted, 0)} av ${formatNumber(c.priorDraws, 0)} parametertrekk lå innenfor ± ${c.target.band} og er brukt videre, så usikkerheten i tilpasningen er med i budsjettbåndet.`,
    );
  parts.push(
    "Utgiften i et år er hver leges aktive måneder ganger kostnaden per avtaleår ved full aktivitet; opptrappingen gjelder bare hver nye leges første måneder, ikke hvert år.",
  );
  if (b.regulation)
    parts.push(
      `Takstene etter ${formatDateLong(b.lastPricedDay)} er fremskrevet med en årlig regulering på ${formatPercent(b.regulation.p50)} (P10–P90 ${formatPercent(b.regulation.p10)}–${formatPercent(b.regulation.p90)}) fra hver 1. juli.`,
    );
  if (b.correlation) {
    parts.push(`Usikkerhet mellom avtaler: ${CORRELATION_LABELS[b.correlation]}.`);
    if (b.correlation === "split" && b.individualInputs && b.sharedInputs)
      parts.push(
        `Egne trekk for hver avtale: ${b.individualInputs.map(label).join(", ")}. Felles for alle avtaler i en replikasjon: takstene og ${b.sharedInputs
          .filter((n) => (SHARED_NAMED as readonly string[]).includes(n))
          .map(label)
          .join(
            ", ",
          )}, med takstmiksen og de øvrige forutsetningene (${formatNumber(b.sharedInputs.length, 0)} i alt). Med full korrelasjon (alle avtaler samme trekk) blir båndet bredere: det er øvre grense.`,
      );
  }
  parts.push("Første og siste år er bare delvis simulert når runden ikke faller 1. januar (antall måneder står ved året).");
  return parts.join(" ");
}
