/** `introsim indicators`: måloppnåelse indicators from an agreement register, suppressed below 5 doctors. */
import type { Command } from "commander";
import { registerIndicators, type IndicatorValues } from "../register/indicators";
import { formatNok, formatNumber, formatPercent } from "../format/norwegian";
import { loadScenario } from "../scenario/loadScenario";
import { buildCostProblem } from "../cost/costProblem";
import { runDeterministic } from "../cost/deterministic";
import { parseCap, parseIsoDateFlag } from "./flags";
import { paramsFromFlag } from "./scenarioFlags";
import { readRegisterOrExit } from "./registerFile";

const fmtShare = (x: number | null) => (x === null ? "prikket" : formatPercent(x, 0));

function line(name: string, v: IndicatorValues): string {
  if (v.suppressed || v.doctors === null) return `  ${name.padEnd(14)} suppressed (fewer than 5 doctors, or needed to protect a group that has)`;
  return `  ${name.padEnd(14)} ${String(v.doctors).padStart(4)} doctors  FTE months ${formatNumber(v.meanFteMonths ?? 0, 1).padStart(5)}  24 mnd ${fmtShare(v.shareReached24FteMonths).padStart(7)}  specialist ${fmtShare(v.shareSpecialistApproved).padStart(7)}  fastlege ≤1/≤3 år ${fmtShare(v.shareFastlegeWithin1Year)}/${fmtShare(v.shareFastlegeWithin3Years)}  retention 1/2/3 år ${fmtShare(v.retention1Year)}/${fmtShare(v.retention2Years)}/${fmtShare(v.retention3Years)}  other GP work ${fmtShare(v.shareFromOtherGpWork)}`;
}

export function registerIndicatorsCommand(program: Command): void {
  program
    .command("indicators")
    .description("måloppnåelse indicators from an agreement register (CSV), by kommune, helseregion and start year; cells under 5 doctors suppressed")
    .requiredOption("--agreements <file>", "the agreement register, CSV with a header row (see data/register/)")
    .option("--as-of <date>", "date the indicators are computed for (default: the register's latest decision, start or outcome date)", parseIsoDateFlag)
    .option("--cap <n>", "national cap for slot utilisation (default: data/params/budget/max_agreements)", parseCap)
    .option("--params <dir>", "parameter folder to use instead of the bundled data/params")
    .option("--scenario <file>", "scenario whose deterministic cost per agreement-year prices the outcomes (cost per specialist, per new fastlege)")
    .option("--json", "print one JSON object instead of a table")
    .action((flags: { agreements: string; asOf?: string; cap?: number; params?: string; scenario?: string; json?: boolean }) => {
      const register = readRegisterOrExit(flags.agreements);
      const params = paramsFromFlag(flags.params);
      const costPerAgreementYearNok = flags.scenario
        ? runDeterministic(buildCostProblem(loadScenario(flags.scenario, params).scenario, params)).net
        : undefined;
      const report = registerIndicators(register.rows, params, { asOf: flags.asOf, cap: flags.cap, costPerAgreementYearNok });
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ file: register.file, ...report }, null, 2)}\n`);
        return;
      }
      const out = [
        `introsim indicators — ${register.file}, as of ${report.asOf} (cells under ${report.minCellPersons} doctors suppressed)`,
        ...(report.excludedRows > 0
          ? [
              `notice: ${report.excludedRows} rows left out (missing or malformed fields the indicators need, or not started by the as-of date; run introsim validate)`,
            ]
          : []),
        line("all", report.overall),
        "by helseregion",
        ...Object.entries(report.byHelseregion).map(([k, v]) => line(k, v)),
        "by start year",
        ...Object.entries(report.byStartYear).map(([k, v]) => line(k, v)),
        "by kommune",
        ...Object.entries(report.byKommune).map(([k, v]) => line(k, v)),
        ...(report.costPerOutcome
          ? [
              `cost per specialist ${report.costPerOutcome.perSpecialistNok === null ? "prikket" : formatNok(report.costPerOutcome.perSpecialistNok)}, per new fastlege ${report.costPerOutcome.perNewFastlegeNok === null ? "prikket" : formatNok(report.costPerOutcome.perNewFastlegeNok)} (${formatNok(report.costPerOutcome.costPerAgreementYearNok)} per agreement-year)`,
            ]
          : []),
        `slot utilisation ${formatPercent(report.slotUtilisation.share)} (${formatNumber(report.slotUtilisation.activeAgreementYears, 1)} agreement-years of ${report.slotUtilisation.cap} slots, ${report.slotUtilisation.from} – ${report.slotUtilisation.to})`,
      ];
      process.stdout.write(`${out.join("\n")}\n`);
    });
}
