/**
 * One party's effect of the agreement broken down by kind of flow (with − without, received positive, paid
 * negative): the steps of a waterfall, summing to the party's net difference.
 */
import type { FlowRow } from "./ledger";
import { FLOW_KIND_LABELS, FLOW_KIND_SHORT_LABELS, FLOW_KINDS, type FlowKind } from "./ledgerTemplates";
import type { Party } from "./parties";

export interface EffectStep {
  kind: FlowKind;
  label: string;
  shortLabel: string;
  /** Kroner (exact øre). */
  amountNok: number;
}

function byKind(rows: ReadonlyArray<FlowRow>, party: Party, sign: number, into: Map<FlowKind, number>): void {
  for (const r of rows) {
    const s = r.to === party ? 1 : r.from === party ? -1 : 0;
    if (s !== 0) into.set(r.kind, (into.get(r.kind) ?? 0) + sign * s * r.amountOre);
  }
}

/** The party's effect by kind, in the order of FLOW_KINDS, leaving out kinds with no effect. */
export function partyEffectByKind(report: { ledger: ReadonlyArray<FlowRow>; counterfactual: ReadonlyArray<FlowRow> }, party: Party): EffectStep[] {
  const ore = new Map<FlowKind, number>();
  byKind(report.ledger, party, 1, ore);
  byKind(report.counterfactual, party, -1, ore);
  return FLOW_KINDS.filter((k) => (ore.get(k) ?? 0) !== 0).map((k) => ({
    kind: k,
    label: FLOW_KIND_LABELS[k],
    shortLabel: FLOW_KIND_SHORT_LABELS[k],
    amountNok: ore.get(k)! / 100,
  }));
}
