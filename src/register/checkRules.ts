/**
 * Checks register rows against the rules R01–R19 (data/rules/introduksjonsavtale-regler.yaml; each rule's text, source
 * and reading are there). A rule that needs a field the row does not have (empty = unknown, or malformed) is not checked
 * for that row: unknown is not a breach.
 *
 *   rows -> row rules (one row) -> period rules (the doctors of an agreement and period: R04, R05, R06, R11)
 *        -> agreement rules (periods in order: R15) -> register rules (the cap: R12 granted, R14 in use)
 */
import { addMonths, calendarMonthsBetween } from "../time/isoDate";
import type { RegisterRow } from "./columns";
import { ruleDate, ruleNumber, type RuleCode } from "./ruleCatalogue";
import { capRules } from "./capRules";
import { violation, type RuleContext, type Violation } from "./violation";

export type { Violation, RuleContext };

const v = violation;

/** Whether a rule applies to an agreement starting on `date` (its validFrom/validTo in the rule file). */
function inForce(ctx: RuleContext, code: RuleCode, date: string | undefined): boolean {
  const rule = ctx.catalogue.rules.get(code)!;
  return !date || (date >= rule.validFrom && (!rule.validTo || date <= rule.validTo));
}

/** R16: the row's decision or start is before the scheme began; such a row is checked for nothing else. */
function beforeScheme(ctx: RuleContext, r: RegisterRow): Violation[] {
  const start = ruleDate(ctx.catalogue, "R16", "schemeStart");
  const out: Violation[] = [];
  if (r.decision_date && r.decision_date < start)
    out.push(v(ctx, r, "R16", "decision_date", `decision ${r.decision_date} is before the scheme began on ${start}`));
  if (r.start_date && r.start_date < start) out.push(v(ctx, r, "R16", "start_date", `start ${r.start_date} is before the scheme began on ${start}`));
  return out;
}

function rowRules(ctx: RuleContext, r: RegisterRow): Violation[] {
  const early = beforeScheme(ctx, r);
  if (early.length > 0) return early;
  const c = ctx.catalogue;
  const out: Violation[] = [];
  const push = (x: Violation) => {
    if (x.rule === "FORMAT" || inForce(ctx, x.rule, r.start_date)) out.push(x);
  };
  if (r.lis1 === "no") push(v(ctx, r, "R01", "lis1", "LIS1 is not completed"));
  if (r.lis1 === "eu_exception") {
    const before = ruleDate(c, "R01", "euExceptionLisStartBefore");
    if (!r.lis_start_date) push(v(ctx, r, "R01", "lis_start_date", `the EU/EØS exception needs lis_start_date (before ${before})`));
    else if (r.lis_start_date >= before)
      push(v(ctx, r, "R01", "lis_start_date", `started as LIS on ${r.lis_start_date}; the EU/EØS exception applies only to a start before ${before}`));
  }
  if (r.start_date) {
    const share = ctx.minStillingsprosent(r.start_date);
    if (share === undefined) {
      out.push({
        row: r.row,
        agreement_id: r.agreement_id ?? null,
        rule: "FORMAT",
        severity: "error",
        field: "start_date",
        message: `${r.start_date} is outside the periods data/params/rules/min_stillingsprosent.yaml covers; check the date`,
      });
    } else if (r.fte_pct !== undefined && r.fte_pct < Math.round(share * 1e6) / 1e4) {
      const min = Math.round(share * 1e6) / 1e4; // a share to a percentage, without float noise
      push(v(ctx, r, "R02", "fte_pct", `stillingsprosent ${r.fte_pct} % is below the minimum ${min} %`));
    }
  }
  if (r.start_date && r.end_date && r.start_date < r.end_date) {
    const minMonths = ruleNumber(c, "R03", "minMonthsPerDoctor");
    if (addMonths(r.start_date, minMonths) > r.end_date)
      push(v(ctx, r, "R03", "end_date", `${r.start_date} – ${r.end_date} is shorter than ${minMonths} months (allowed if the doctor resigned early)`));
  }
  if (r.patient_base !== undefined) {
    const min = ruleNumber(c, "R07", "minPatientBase");
    if (r.patient_base < min) push(v(ctx, r, "R07", "patient_base", `a patient base of ${r.patient_base} is below the recommended ${min}`));
  }
  if (r.fastleger_count !== undefined) {
    const min = ruleNumber(c, "R08", "minFastlegerCount");
    if (r.fastleger_count < min)
      push(v(ctx, r, "R08", "fastleger_count", `patients from ${r.fastleger_count} fastlege list(s); at least ${min} are recommended`));
  }
  const newScheme = r.specialist_scheme !== "old";
  if (newScheme && r.veileder_specialist === false)
    push(v(ctx, r, "R09", "veileder_specialist", "no individual veileder who is a specialist in allmennmedisin (specialist_scheme is not old)"));
  if (newScheme && r.utdanningsplan === false) push(v(ctx, r, "R10", "utdanningsplan", "no utdanningsplan (specialist_scheme is not old)"));
  if (r.decision_date && r.start_date && r.decision_date > r.start_date)
    push(v(ctx, r, "R13", "start_date", `start ${r.start_date} is before the decision ${r.decision_date}`));
  if (r.start_date && r.end_date && r.start_date >= r.end_date) push(v(ctx, r, "R13", "end_date", `end ${r.end_date} is not after start ${r.start_date}`));
  for (const field of ["specialist_approved_date", "became_fastlege_date", "left_kommune_date"] as const) {
    const d = r[field];
    if (d && r.start_date && d < r.start_date) push(v(ctx, r, "R13", field, `${field} ${d} is before the start ${r.start_date}`));
  }
  if (r.utdanningsvirksomhet === "no")
    push(v(ctx, r, "R17", "utdanningsvirksomhet", "the kommune is neither registered as utdanningsvirksomhet nor has applied"));
  if (r.fte_pct !== undefined && r.fte_pct < ruleNumber(c, "R18", "fullTimePct") && r.other_work_specified === false)
    push(v(ctx, r, "R18", "other_work_specified", `part time (${r.fte_pct} %) and the other work is not specified`));
  if (r.changes_reported === false) push(v(ctx, r, "R19", "changes_reported", "changes on this row were not reported to Helfo and Helsedirektoratet"));
  return out;
}

const byStart = (a: RegisterRow, b: RegisterRow) => (a.start_date! < b.start_date! ? -1 : a.start_date! > b.start_date! ? 1 : a.row - b.row);

/** Rows with the dates a group rule needs, from the scheme's start, in start order. */
export function dated(ctx: RuleContext, rows: ReadonlyArray<RegisterRow>): RegisterRow[] {
  const schemeStart = ruleDate(ctx.catalogue, "R16", "schemeStart");
  return rows.filter((r) => r.start_date && r.end_date && r.start_date < r.end_date && r.start_date >= schemeStart).sort(byStart);
}

/** A row is a substitute (R11 allows it) when it covers a doctor of the same period who has leave, within that doctor's time. */
function coveredDoctor(r: RegisterRow, group: ReadonlyArray<RegisterRow>): RegisterRow | undefined {
  if (!r.substitute_for) return undefined;
  return group.find(
    (d) => d !== r && d.doctor_id === r.substitute_for && (d.leave_extension_months ?? 0) > 0 && d.start_date! <= r.start_date! && r.end_date! <= d.end_date!,
  );
}

/** R11, R05, R04 and R06 for the doctors of one agreement and period (`ordered`: dated rows in start order). */
function periodRules(ctx: RuleContext, ordered: ReadonlyArray<RegisterRow>, firstDecisionOfAgreement: string | undefined): Violation[] {
  const c = ctx.catalogue;
  const out: Violation[] = [];
  // R11: doctors follow each other; each start is compared with the latest end so far. Substitutes during leave are allowed.
  const main: RegisterRow[] = [];
  let latest: RegisterRow | undefined;
  for (const r of ordered) {
    if (coveredDoctor(r, ordered)) continue;
    if (r.substitute_for)
      out.push(
        v(
          ctx,
          r,
          "R11",
          "substitute_for",
          `covers ${r.substitute_for}, who is not a doctor of this period with leave whose time includes ${r.start_date} – ${r.end_date}`,
        ),
      );
    else if (latest && r.start_date! < latest.end_date!)
      out.push(
        v(ctx, r, "R11", "start_date", `starts ${r.start_date}, before ${latest.doctor_id ?? "an earlier doctor"} ends ${latest.end_date} (row ${latest.row})`),
      );
    main.push(r);
    if (!latest || r.end_date! > latest.end_date!) latest = r;
  }
  if (main.length === 0) return out;
  // R05: leave extensions summed over the doctors of the period.
  const maxLeave = ruleNumber(c, "R05", "maxLeaveExtensionMonths");
  let leave = 0;
  for (const r of main) {
    const before = leave;
    leave += r.leave_extension_months ?? 0;
    if (before <= maxLeave && leave > maxLeave)
      out.push(v(ctx, r, "R05", "leave_extension_months", `leave extensions in the period add up to ${leave} months by this doctor; at most ${maxLeave}`));
  }
  // R04: the period's clock runs in calendar time from its start; part time slows it by the stillingsprosent, leave
  // (at most R05's 12 months in all) stops it. Checked at each doctor's end, so the first doctor past the limit is named.
  const maxFte = ruleNumber(c, "R04", "maxFteMonthsPerPeriod");
  const maxCalendar = ruleNumber(c, "R04", "maxCalendarMonthsPerPeriod");
  const periodStart = main[0]!.start_date!;
  let slack = 0;
  let credit = 0;
  let leaveUsed = 0;
  let lastEnd = periodStart;
  for (const r of main) {
    const months = calendarMonthsBetween(r.start_date!, r.end_date!);
    const share = (r.fte_pct ?? 100) / 100;
    slack += months * (1 - share);
    const l = Math.min(r.leave_extension_months ?? 0, maxLeave - leaveUsed);
    leaveUsed += l;
    credit += l * share;
    if (r.end_date! > lastEnd) lastEnd = r.end_date!;
    const calendar = calendarMonthsBetween(periodStart, lastEnd);
    const clock = calendar - slack - credit;
    if (clock > maxFte + 1e-9) {
      out.push(
        v(
          ctx,
          r,
          "R04",
          "end_date",
          `by ${r.end_date} the period from ${periodStart} has used ${clock.toFixed(1)} full-time months (vacant time counts in full); at most ${maxFte}`,
        ),
      );
      break;
    }
    if (calendar > maxCalendar + leaveUsed + 1e-9) {
      out.push(
        v(
          ctx,
          r,
          "R04",
          "end_date",
          `by ${r.end_date} the period from ${periodStart} has run ${calendar.toFixed(1)} calendar months; at most ${maxCalendar} plus ${leaveUsed} months of leave`,
        ),
      );
      break;
    }
  }
  // R06: taken into use within 6 months of the period's decision; a period 2 that carries the agreement's original
  // decision date is a continuation (R15 checks its order), not a new grant.
  const first = main[0]!;
  const continuation = first.period === 2 && first.decision_date !== undefined && first.decision_date === firstDecisionOfAgreement;
  if (first.decision_date && !continuation) {
    const months = ruleNumber(c, "R06", "takeIntoUseWithinMonths");
    const deadline = addMonths(first.decision_date, months);
    if (first.start_date! > deadline)
      out.push(
        v(
          ctx,
          first,
          "R06",
          "start_date",
          `first start ${first.start_date} is more than ${months} months after the decision ${first.decision_date} (deadline ${deadline})`,
        ),
      );
  }
  return out;
}

/** R15: period 2 needs a period 1 and starts when period 1's last doctor has ended. */
function periodOrder(ctx: RuleContext, p1: ReadonlyArray<RegisterRow>, p2: ReadonlyArray<RegisterRow>): Violation[] {
  if (p2.length === 0) return [];
  const first2 = p2[0]!;
  if (p1.length === 0) return [v(ctx, first2, "R15", "period", "period 2 without a period 1 in the register")];
  const end1 = p1.reduce((e, r) => (r.end_date! > e ? r.end_date! : e), p1[0]!.end_date!);
  return first2.start_date! < end1
    ? [v(ctx, first2, "R15", "start_date", `period 2 starts ${first2.start_date}, before period 1 ends ${end1}; the periods follow each other`)]
    : [];
}

function groupRules(ctx: RuleContext, rows: ReadonlyArray<RegisterRow>): Violation[] {
  const out: Violation[] = [];
  const agreements = new Map<string, RegisterRow[]>();
  for (const r of dated(ctx, rows))
    if (r.agreement_id && r.period !== undefined) agreements.set(r.agreement_id, [...(agreements.get(r.agreement_id) ?? []), r]);
  for (const rs of agreements.values()) {
    const p1 = rs.filter((r) => r.period === 1);
    const p2 = rs.filter((r) => r.period === 2);
    const firstDecision = p1
      .map((r) => r.decision_date)
      .filter((d): d is string => !!d)
      .sort()[0];
    out.push(...periodRules(ctx, p1, firstDecision), ...periodRules(ctx, p2, firstDecision), ...periodOrder(ctx, p1, p2));
  }
  out.push(...capRules(ctx, dated(ctx, rows)));
  return out;
}

/** All rule violations of the rows, sorted by row and rule. */
export function checkRules(ctx: RuleContext, rows: ReadonlyArray<RegisterRow>): Violation[] {
  const out = [...rows.flatMap((r) => rowRules(ctx, r)), ...groupRules(ctx, rows)];
  return out.sort((a, b) => a.row - b.row || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}
