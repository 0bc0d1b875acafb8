/** A rule violation on a register row, and the context the rules are checked in (catalogue, stillingsprosent, cap). */
import type { RegisterRow } from "./columns";
import type { RuleCatalogue, RuleCode } from "./ruleCatalogue";

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

export function violation(ctx: RuleContext, r: RegisterRow, rule: RuleCode, field: string, message: string): Violation {
  return { row: r.row, agreement_id: r.agreement_id ?? null, rule, severity: ctx.catalogue.rules.get(rule)!.severity, field, message };
}
