/**
 * `introsim validate`: checks an agreement register against the rules R01–R19. Exit codes (as the register issue
 * asks): 0 no rule errors, 1 rule errors found (the violations are the result), 2 the file itself cannot be read.
 */
import type { Command } from "commander";
import { paramsFromFlag } from "./scenarioFlags";
import { readRegisterOrExit } from "./registerFile";
import { loadRuleCatalogue } from "../register/ruleCatalogue";
import { validateRegister, type ValidationReport } from "../register/validateRegister";
import { langOf, parseCap } from "./flags";
import { cliText } from "../i18n/cliMessages";
import type { Lang } from "../i18n/messages";

export const EXIT_RULE_ERRORS = 1;

function validationTable(r: ValidationReport, lang: Lang): string {
  const t = cliText(lang);
  const lines = [
    t.validate.heading(r.file, r.rows, r.valid, r.errors, r.warnings, r.cap),
    ...(r.extraColumns.length ? [t.extraColumns(r.extraColumns.join(", "))] : []),
    ...r.violations.map(
      (x) =>
        `  ${t.validate.row} ${String(x.row).padStart(4)}  ${(x.agreement_id ?? "").padEnd(10)} ${x.rule.padEnd(6)} ${t.validate.severity(x.severity).padEnd(8)} ${x.field.padEnd(22)} ${x.message}`,
    ),
  ];
  return lines.join("\n");
}

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("check an agreement register (CSV) against the rules R01–R19; exit 0 no errors, 1 rule errors, 2 unreadable file")
    .requiredOption("--agreements <file>", "the agreement register, CSV with a header row (see data/register/)")
    .option("--cap <n>", "national cap on agreements in use at once (default: data/params/budget/max_agreements)", parseCap)
    .option("--params <dir>", "parameter folder to use instead of the bundled data/params")
    .option("--json", "print one JSON object instead of a table")
    .action((flags: { agreements: string; cap?: number; params?: string; json?: boolean }, cmd: Command) => {
      const register = readRegisterOrExit(flags.agreements);
      const report = validateRegister(register, loadRuleCatalogue(), paramsFromFlag(flags.params), { cap: flags.cap });
      process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : `${validationTable(report, langOf(cmd))}\n`);
      if (report.errors > 0) process.exitCode = EXIT_RULE_ERRORS;
    });
}
