/**
 * Checks register rows against the rules R01–R13 (data/rules/introduksjonsavtale-regler.yaml). A rule that needs a
 * field the row does not have (empty = unknown, or malformed) is not checked for that row: unknown is not a breach.
 * Row rules look at one row; group rules look at the doctors of an agreement and period (R04, R06, R11) or at the
 * whole register (R12: agreements active on the same day).
 */
import { addMonths, calendarMonthsBetween, dayNumber } from "../time/isoDate";
import type { RegisterRow } from "./columns";
import { ruleDate, ruleNumber, type RuleCatalogue, type RuleCode } from "./ruleCatalogue";

export interface Violation {
  /** 1-based data row number (header excluded). */
  row: number;
  agreement_id: string | null;
  rule: RuleCode | "FORMAT";
  severity: "error" | "warning";
  field: string;
  message: string;
}

export interface RuleContext {
  catalogue: RuleCatalogue;
  /** Minimum stillingsprosent on a date (data/params/rules/min_stillingsprosent) as a share (0.5); undefined outside its periods. */
  minStillingsprosent: (date: string) => number | undefined;
  /** The national cap (data/params/budget/max_agreements or --cap). */
  cap: number;
}

function v(ctx: RuleContext, r: RegisterRow, rule: RuleCode, field: string, message: string): Violation {
  return { row: r.row, agreement_id: r.agreement_id ?? null, rule, severity: ctx.catalogue.rules.get(rule)!.severity, field, message };
}

/** Whether a rule applies to an agreement starting on `date` (its validFrom/validTo in the rule file). */
function inForce(ctx: RuleContext, code: RuleCode, date: string | undefined): boolean {
  const rule = ctx.catalogue.rules.get(code)!;
  return !date || (date >= rule.validFrom && (!rule.validTo || date <= rule.validTo));
}

function rowRules(ctx: RuleContext, r: RegisterRow): Violation[] {
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
      push(v(ctx, r, "R03", "end_date", `${r.start_date} – ${r.end_date} is shorter than ${minMonths} months`));
  }
  if (r.leave_extension_months !== undefined) {
    const max = ruleNumber(c, "R05", "maxLeaveExtensionMonths");
    if (r.leave_extension_months > max)
      push(v(ctx, r, "R05", "leave_extension_months", `an extension of ${r.leave_extension_months} months is more than ${max}`));
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
  if (r.veileder_specialist === false) push(v(ctx, r, "R09", "veileder_specialist", "no individual veileder who is a specialist in allmennmedisin"));
  if (r.utdanningsplan === false) push(v(ctx, r, "R10", "utdanningsplan", "no utdanningsplan"));
  if (r.decision_date && r.start_date && r.decision_date > r.start_date)
    push(v(ctx, r, "R13", "start_date", `start ${r.start_date} is before the decision ${r.decision_date}`));
  if (r.start_date && r.end_date && r.start_date >= r.end_date) push(v(ctx, r, "R13", "end_date", `end ${r.end_date} is not after start ${r.start_date}`));
  for (const field of ["specialist_approved_date", "became_fastlege_date", "left_kommune_date"] as const) {
    const d = r[field];
    if (d && r.start_date && d < r.start_date) push(v(ctx, r, "R13", field, `${field} ${d} is before the start ${r.start_date}`));
  }
  return out;
}

/** Rows with the dates a group rule needs, in a consistent order. */
const dated = (rows: ReadonlyArray<RegisterRow>) => rows.filter((r) => r.start_date && r.end_date && r.start_date < r.end_date);

function groupRules(ctx: RuleContext, rows: ReadonlyArray<RegisterRow>): Violation[] {
  const out: Violation[] = [];
  const c = ctx.catalogue;
  const groups = new Map<string, RegisterRow[]>();
  for (const r of rows) {
    if (!r.agreement_id || r.period === undefined) continue;
    const key = `${r.agreement_id}\u0000${r.period}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const group of groups.values()) {
    const ordered = dated(group).sort((a, b) => (a.start_date! < b.start_date! ? -1 : a.start_date! > b.start_date! ? 1 : a.row - b.row));
    // R11: doctors of one agreement and period follow each other: each start is compared with the latest end so far.
    let latest: RegisterRow | undefined;
    for (const r of ordered) {
      if (latest && r.start_date! < latest.end_date!)
        out.push(
          v(
            ctx,
            r,
            "R11",
            "start_date",
            `starts ${r.start_date}, before ${latest.doctor_id ?? "an earlier doctor"} ends ${latest.end_date} (row ${latest.row})`,
          ),
        );
      if (!latest || r.end_date! > latest.end_date!) latest = r;
    }
    // R04: FTE months in the period at most 24 plus the leave extensions.
    const maxFte = ruleNumber(c, "R04", "maxFteMonthsPerPeriod");
    const maxLeave = ruleNumber(c, "R05", "maxLeaveExtensionMonths");
    let fteMonths = 0;
    let extension = 0;
    for (const r of ordered) {
      if (r.fte_pct === undefined) continue;
      fteMonths += (calendarMonthsBetween(r.start_date!, r.end_date!) * r.fte_pct) / 100;
      // Leave extends the period by at most R05's 12 months in all (a longer extension is itself an R05 breach).
      extension = Math.min(maxLeave, extension + (r.leave_extension_months ?? 0));
      if (fteMonths > maxFte + extension + 1e-9) {
        out.push(
          v(
            ctx,
            r,
            "R04",
            "end_date",
            `the period has ${fteMonths.toFixed(1)} FTE months by ${r.end_date}; at most ${maxFte} plus ${extension} months of extension`,
          ),
        );
        break;
      }
    }
    // R06: taken into use within 6 months of the decision (the earliest start of any doctor in the period).
    const first = group.filter((r) => r.start_date).sort((a, b) => (a.start_date! < b.start_date! ? -1 : a.start_date! > b.start_date! ? 1 : a.row - b.row))[0];
    if (first?.decision_date) {
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
  }
  out.push(...capRule(ctx, rows));
  return out;
}

/** R12: the number of agreements with at least one doctor working on a day never exceeds the cap. */
function capRule(ctx: RuleContext, rows: ReadonlyArray<RegisterRow>): Violation[] {
  type Event = { day: number; delta: number; r: RegisterRow };
  const events: Event[] = [];
  for (const r of dated(rows)) {
    if (!r.agreement_id) continue;
    events.push({ day: dayNumber(r.start_date!), delta: 1, r }, { day: dayNumber(r.end_date!), delta: -1, r });
  }
  // Ends before starts on the same day (end dates are exclusive); then by row for a stable report.
  events.sort((a, b) => a.day - b.day || a.delta - b.delta || a.r.row - b.r.row);
  const doctorsActive = new Map<string, number>();
  const out: Violation[] = [];
  for (const e of events) {
    const id = e.r.agreement_id!;
    const before = doctorsActive.get(id) ?? 0;
    doctorsActive.set(id, before + e.delta);
    if (doctorsActive.get(id) === 0) doctorsActive.delete(id);
    if (e.delta > 0 && before === 0 && doctorsActive.size > ctx.cap) {
      out.push(v(ctx, e.r, "R12", "start_date", `${doctorsActive.size} agreements are in use on ${e.r.start_date}; the cap is ${ctx.cap}`));
    }
  }
  return out;
}

/** All rule violations of the rows, sorted by row and rule. */
export function checkRules(ctx: RuleContext, rows: ReadonlyArray<RegisterRow>): Violation[] {
  const out = [...rows.flatMap((r) => rowRules(ctx, r)), ...groupRules(ctx, rows)];
  return out.sort((a, b) => a.row - b.row || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}
