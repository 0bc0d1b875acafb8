/** `introsim indicators`: måloppnåelse indicators from an agreement register, suppressed below 5 doctors. */
import type { Command } from "commander";
import { registerIndicators, type AfterAgreement, type Comparison, type IndicatorValues } from "../register/indicators";
import { readComparison } from "../register/readComparison";
import { UserError } from "../errors/userError";
import { formatNok, formatNumber, formatPercent } from "../format/norwegian";
import { loadScenario } from "../scenario/loadScenario";
import { buildCostProblem } from "../cost/costProblem";
import { runDeterministic } from "../cost/deterministic";
import { parseCap, parseIsoDateFlag } from "./flags";
import { paramsFromFlag } from "./scenarioFlags";
import { readRegisterOrExit } from "./registerFile";

const fmtShare = (x: number | null) => (x === null ? "prikket" : formatPercent(x, 0));
const fmtInterval = (x: { share: number; low: number; high: number } | null) =>
  x === null ? "prikket" : `${formatPercent(x.share, 0)} (${formatPercent(x.low, 0)}–${formatPercent(x.high, 0)})`;

function afterLine(a: AfterAgreement): string {
  if (a.doctors === null) return `  ${a.months} months after the agreement: suppressed (fewer than 5 doctors with a recorded position)`;
  return `  ${a.months} months after the agreement (${a.doctors} doctors): in the kommune ${fmtInterval(a.inKommune)}, in general practice ${fmtInterval(a.inGeneralPractice)}, fastlege ${fmtInterval(a.fastlege)}, sykehjem/legevakt/other kommunal ${fmtInterval(a.otherKommunalWork)}`;
}

/** Columns whose codes come from a reference list in data/reference/. */
const REFERENCE_CODED = ["specialist_scheme", "position_12m", "position_24m"];

/** A share 0..1 given on the command line, e.g. 0.3. */
function parseShare(value: string): number {
  const v = Number(value.replace(",", "."));
  if (!/^\d+([.,]\d+)?$/.test(value) || !(v >= 0 && v <= 1))
    throw new UserError("flag", "--comparison-rate", `"${value}" is not allowed; expected a share from 0 to 1, e.g. 0.3`);
  return v;
}

function line(name: string, v: IndicatorValues): string {
  if (v.suppressed || v.doctors === null) return `  ${name.padEnd(14)} suppressed (fewer than 5 doctors, or needed to protect a group that has)`;
  return `  ${name.padEnd(14)} ${String(v.doctors).padStart(4)} doctors  FTE months ${formatNumber(v.meanFteMonths ?? 0, 1).padStart(5)}  24 mnd ${fmtShare(v.shareReached24FteMonths).padStart(7)}  specialist 24/36 mnd ${fmtShare(v.specialistBy24Months)}/${fmtShare(v.specialistBy36Months)}  fastlege 12/36 mnd ${fmtShare(v.fastlegeBy12Months)}/${fmtShare(v.fastlegeBy36Months)}  retention 1/2/3 år ${fmtShare(v.retention1Year)}/${fmtShare(v.retention2Years)}/${fmtShare(v.retention3Years)}  other GP work ${fmtShare(v.shareFromOtherGpWork)}`;
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
    .option(
      "--comparison <file>",
      "register of comparison doctors (other general-practice work, no agreement; see data/register/README.md) for cost per additional specialist",
    )
    .option(
      "--comparison-rate <share>",
      "instead of --comparison: the share of comparable doctors who become specialists within 36 months without an agreement",
      parseShare,
    )
    .option("--comparison-source <text>", "where --comparison-rate comes from (required with it; printed as the assumption)")
    .option("--json", "print one JSON object instead of a table")
    .action(
      (flags: {
        agreements: string;
        asOf?: string;
        cap?: number;
        params?: string;
        scenario?: string;
        comparison?: string;
        comparisonRate?: number;
        comparisonSource?: string;
        json?: boolean;
      }) => {
        if (flags.comparison && flags.comparisonRate !== undefined)
          throw new UserError("flag", "--comparison-rate", "give either --comparison or --comparison-rate, not both");
        if (flags.comparisonRate !== undefined && !flags.comparisonSource)
          throw new UserError("flag", "--comparison-source", "is required with --comparison-rate: say where the rate comes from");
        const register = readRegisterOrExit(flags.agreements);
        // A coded cell outside its reference list would silently drop the doctor from an indicator: refuse, naming it.
        const coded = register.problems.filter((p) => REFERENCE_CODED.includes(p.field));
        if (coded.length > 0) {
          const p = coded[0]!;
          throw new UserError(
            "io",
            `${register.file}: row ${p.row}, column ${p.field}`,
            `${p.message}${coded.length > 1 ? ` (and ${coded.length - 1} more such cells)` : ""}`,
          );
        }
        const comparison: Comparison | undefined = flags.comparison
          ? { kind: "register", ...readComparison(flags.comparison) }
          : flags.comparisonRate !== undefined
            ? { kind: "rate", specialistShare: flags.comparisonRate, source: flags.comparisonSource! }
            : undefined;
        const params = paramsFromFlag(flags.params);
        const costPerAgreementYearNok = flags.scenario
          ? runDeterministic(buildCostProblem(loadScenario(flags.scenario, params).scenario, params)).net
          : undefined;
        const report = registerIndicators(register.rows, params, { asOf: flags.asOf, cap: flags.cap, costPerAgreementYearNok, comparison });
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
          "after the agreement ended (position recorded in the register; 95 % Wilson intervals)",
          ...report.afterAgreement.map(afterLine),
          ...(report.comparison
            ? [
                `comparison (${report.comparison.kind}: ${report.comparison.source}): specialist within ${report.comparison.horizonMonths} months ${fmtShare(report.comparison.introSpecialistShare)} with an agreement, ${fmtShare(report.comparison.comparisonSpecialistShare)} without; additional specialists ${report.comparison.additionalSpecialists === null ? "prikket" : formatNumber(report.comparison.additionalSpecialists, 1)}`,
                `  assumption: ${report.comparison.assumption}`,
              ]
            : []),
          ...(report.costPerOutcome
            ? [
                `cost per specialist ${report.costPerOutcome.perSpecialistNok === null ? "prikket" : formatNok(report.costPerOutcome.perSpecialistNok)} (gross), per additional specialist ${report.costPerOutcome.perAdditionalSpecialistNok === null ? (report.comparison ? "not defined (no more specialists than the comparison)" : "needs --comparison or --comparison-rate") : formatNok(report.costPerOutcome.perAdditionalSpecialistNok)}, per new fastlege ${report.costPerOutcome.perNewFastlegeNok === null ? "prikket" : formatNok(report.costPerOutcome.perNewFastlegeNok)} (${formatNok(report.costPerOutcome.costPerAgreementYearNok)} per agreement-year)`,
              ]
            : []),
          `slot utilisation ${formatPercent(report.slotUtilisation.share)} (${formatNumber(report.slotUtilisation.activeAgreementYears, 1)} agreement-years of ${report.slotUtilisation.cap} slots, ${report.slotUtilisation.from} – ${report.slotUtilisation.to})`,
        ];
        process.stdout.write(`${out.join("\n")}\n`);
      },
    );
}
