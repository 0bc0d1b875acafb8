/**
 * Validation of an agreement register: format problems in cells and breaches of R01–R19, as one list of violations,
 * plus the count of rows with no error. Warnings (a "bør") do not make a row invalid.
 *
 *   CSV -> rows + cell problems (FORMAT) -> rule checks -> ValidationReport
 */
import type { ParamSet } from "../params/loadParams";
import { fixedScalarAt, scalarFile } from "../params/lookup";
import { checkRules, type Violation } from "./checkRules";
import type { RegisterFile } from "./readRegister";
import type { RuleCatalogue, RuleCode } from "./ruleCatalogue";

export interface ValidationReport {
  file: string;
  /** Data rows read (header excluded). */
  rows: number;
  /** Rows with no error (warnings allowed). */
  valid: number;
  errors: number;
  warnings: number;
  cap: number;
  violations: Violation[];
  /** The text, severity and source of every rule that was broken. */
  rules: Partial<Record<RuleCode, { severity: string; text: string; source: string; href?: string; note?: string }>>;
  extraColumns: string[];
  data: { registerSha256: string; rulesFile: string; rulesSha256: string; paramsHash: string };
}

/** A parameter's value on a date, or undefined when the date is outside its periods (reported per row, not fatal). */
function covered(params: ParamSet, id: string, date: string): number | undefined {
  const f = scalarFile(params, id);
  return f.values.some((v) => v.from <= date && date <= v.to) ? fixedScalarAt(params, id, date) : undefined;
}

export function validateRegister(register: RegisterFile, catalogue: RuleCatalogue, params: ParamSet, opts: { cap?: number } = {}): ValidationReport {
  // The cap in force at the register's first start that the cap file covers (else its first period's value).
  const capFile = scalarFile(params, "budget/max_agreements");
  const firstCovered = register.rows
    .map((r) => r.start_date)
    .filter((d): d is string => !!d && covered(params, "budget/max_agreements", d) !== undefined)
    .sort()[0];
  const cap = opts.cap ?? fixedScalarAt(params, "budget/max_agreements", firstCovered ?? capFile.values[0]!.from);
  const formatViolations: Violation[] = register.problems.map((p) => ({
    row: p.row,
    agreement_id: p.agreement_id ?? null,
    rule: "FORMAT",
    severity: "error",
    field: p.field,
    message: p.message,
  }));
  const ruleViolations = checkRules({ catalogue, cap, minStillingsprosent: (d) => covered(params, "rules/min_stillingsprosent", d) }, register.rows);
  const violations = [...formatViolations, ...ruleViolations].sort((a, b) => a.row - b.row || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const rowsWithError = new Set(violations.filter((x) => x.severity === "error").map((x) => x.row));
  const rules: ValidationReport["rules"] = {};
  for (const x of ruleViolations) {
    if (x.rule === "FORMAT") continue;
    const def = catalogue.rules.get(x.rule)!;
    rules[def.code] = {
      severity: def.severity,
      text: def.text,
      source: def.source,
      ...(def.href ? { href: def.href } : {}),
      ...(def.note ? { note: def.note } : {}),
    };
  }
  return {
    file: register.file,
    rows: register.rows.length,
    valid: register.rows.filter((r) => !rowsWithError.has(r.row)).length,
    errors: violations.filter((x) => x.severity === "error").length,
    warnings: violations.filter((x) => x.severity === "warning").length,
    cap,
    violations,
    rules,
    extraColumns: register.extraColumns,
    data: { registerSha256: register.sha256, rulesFile: catalogue.file, rulesSha256: catalogue.sha256, paramsHash: params.dataHash },
  };
}
