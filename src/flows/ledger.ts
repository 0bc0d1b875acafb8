/**
 * The ledgers in whole øre: each flow row (from, to, kind, amount, basis) is rounded to the øre once, and every
 * party's net position is the integer sum of what it receives minus what it pays, so the positions of all parties add
 * up to exactly 0.
 */
import { PARTIES, type Party } from "./parties";
import type { FlowKind, FlowSources, FlowTemplate } from "./ledgerTemplates";

export interface FlowRow {
  from: Party;
  to: Party;
  kind: FlowKind;
  /** Whole øre (integer). */
  amountOre: number;
  /** The same amount in kroner (amountOre / 100). */
  amountNok: number;
  basis: string;
}

/** Kroner to whole øre (half away from zero). */
export function toOre(nok: number): number {
  const ore = Math.round(Math.abs(nok) * 100);
  return nok < 0 ? -ore : ore;
}

/** The rows of one ledger for draw i (zero-amount rows left out). */
export function ledgerRows(templates: ReadonlyArray<FlowTemplate>, ledger: "with" | "without", s: FlowSources, i = 0): FlowRow[] {
  return templates
    .filter((t) => t.ledger === ledger)
    .map((t) => {
      const amountOre = toOre(t.amount(s, i));
      return { from: t.from, to: t.to, kind: t.kind, amountOre, amountNok: amountOre / 100, basis: t.basis(s, i) };
    })
    .filter((r) => r.amountOre !== 0);
}

/** Each party's net position in øre: received − paid. */
export function netByPartyOre(rows: ReadonlyArray<FlowRow>): Record<Party, number> {
  const net = Object.fromEntries(PARTIES.map((p) => [p, 0])) as Record<Party, number>;
  for (const r of rows) {
    net[r.to] += r.amountOre;
    net[r.from] -= r.amountOre;
  }
  return net;
}
