/**
 * The national cap as two checks (data/rules/introduksjonsavtale-regler.yaml):
 * - R12 granted: an agreement holds a slot from its first decision to its last doctor's end; the number held on a day
 *   never exceeds the cap (an agreement granted but not yet started, or between doctors, still holds its slot);
 * - R14 in use: the number of agreement periods with at least one doctor working on a day never exceeds the cap (a
 *   period 2 running alongside period 1 counts twice).
 * End dates are exclusive: an interval ending on a day frees its slot before one starting that day takes it.
 */
import { dayNumber } from "../time/isoDate";
import type { RegisterRow } from "./columns";
import { violation, type RuleContext, type Violation } from "./violation";

interface Interval {
  key: string;
  from: number;
  to: number;
  /** The row named when this interval takes a slot beyond the cap. */
  row: RegisterRow;
  field: string;
  date: string;
}

/** Sweeps intervals keyed by slot holder; yields the interval whose start makes the holders exceed `cap`. */
function overCap(intervals: ReadonlyArray<Interval>, cap: number): Array<{ at: Interval; held: number }> {
  type Event = { day: number; delta: number; i: Interval };
  const events: Event[] = intervals.flatMap((i) => [
    { day: i.from, delta: 1, i },
    { day: i.to, delta: -1, i },
  ]);
  events.sort((a, b) => a.day - b.day || a.delta - b.delta || a.i.row.row - b.i.row.row);
  const active = new Map<string, number>();
  const out: Array<{ at: Interval; held: number }> = [];
  for (const e of events) {
    const before = active.get(e.i.key) ?? 0;
    if (before + e.delta === 0) active.delete(e.i.key);
    else active.set(e.i.key, before + e.delta);
    if (e.delta > 0 && before === 0 && active.size > cap) out.push({ at: e.i, held: active.size });
  }
  return out;
}

/** R12 and R14 over the dated rows of the register. */
export function capRules(ctx: RuleContext, dated: ReadonlyArray<RegisterRow>): Violation[] {
  const byAgreement = new Map<string, RegisterRow[]>();
  for (const r of dated) if (r.agreement_id) byAgreement.set(r.agreement_id, [...(byAgreement.get(r.agreement_id) ?? []), r]);
  const granted: Interval[] = [];
  for (const [key, rs] of byAgreement) {
    const decided = rs
      .filter((r) => r.decision_date)
      .sort((a, b) => (a.decision_date! < b.decision_date! ? -1 : a.decision_date! > b.decision_date! ? 1 : a.row - b.row));
    const first = decided[0] ?? rs[0]!;
    const from = first.decision_date ?? first.start_date!;
    const to = rs.reduce((e, r) => (r.end_date! > e ? r.end_date! : e), rs[0]!.end_date!);
    granted.push({ key, from: dayNumber(from), to: dayNumber(to), row: first, field: first.decision_date ? "decision_date" : "start_date", date: from });
  }
  const inUse: Interval[] = dated
    .filter((r) => r.agreement_id)
    .map((r) => ({
      key: `${r.agreement_id} period ${r.period ?? "?"}`,
      from: dayNumber(r.start_date!),
      to: dayNumber(r.end_date!),
      row: r,
      field: "start_date",
      date: r.start_date!,
    }));
  return [
    ...overCap(granted, ctx.cap).map(({ at, held }) =>
      violation(ctx, at.row, "R12", at.field, `${held} agreements are granted on ${at.date}; the cap is ${ctx.cap}`),
    ),
    ...overCap(inUse, ctx.cap).map(({ at, held }) =>
      violation(ctx, at.row, "R14", at.field, `${held} agreement periods are in use on ${at.date}; the cap is ${ctx.cap}`),
    ),
  ];
}
