/** `introsim indicators`: måloppnåelse indicators from an agreement register, suppressed below 5 doctors. */
import type { Command } from "commander";
import { registerIndicators, type AfterAgreement, type Comparison, type IndicatorValues } from "../register/indicators";
import { readComparison } from "../register/readComparison";
import { UserError } from "../errors/userError";
import { numberFormats, type NumberFormats } from "../format/localeNumbers";
import { cliText, type CliText } from "../i18n/cliMessages";
import type { Lang } from "../i18n/messages";
import { loadScenario } from "../scenario/loadScenario";
import { buildCostProblem } from "../cost/costProblem";
import { runDeterministic } from "../cost/deterministic";
import { langOf, parseCap, parseIsoDateFlag } from "./flags";
import { paramsFromFlag } from "./scenarioFlags";
import { readRegisterOrExit } from "./registerFile";

/** The words and number formats of one language, with the indicator cells' formats (a suppressed cell is "prikket"). */
interface Words {
  t: CliText["indicators"];
  f: NumberFormats;
  share: (x: number | null) => string;
  interval: (x: { share: number; low: number; high: number } | null) => string;
}

function wordsFor(lang: Lang): Words {
  const t = cliText(lang).indicators;
  const f = numberFormats(lang);
  return {
    t,
    f,
    share: (x) => (x === null ? t.suppressedCell : f.percent(x, 0)),
    interval: (x) => (x === null ? t.suppressedCell : `${f.percent(x.share, 0)} (${f.percent(x.low, 0)}–${f.percent(x.high, 0)})`),
  };
}

function afterLine(w: Words, a: AfterAgreement): string {
  if (a.doctors === null) return w.t.afterSuppressed(a.months);
  return w.t.after(a.months, a.doctors, w.interval(a.inKommune), w.interval(a.inGeneralPractice), w.interval(a.fastlege), w.interval(a.otherKommunalWork));
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

function line(w: Words, name: string, v: IndicatorValues): string {
  if (v.suppressed || v.doctors === null) return `  ${name.padEnd(14)} ${w.t.suppressedLine}`;
  const s = w.share;
  return `  ${name.padEnd(14)} ${w.t.line(
    v.doctors,
    w.f.number(v.meanFteMonths ?? 0, 1),
    s(v.shareReached24FteMonths),
    `${s(v.specialistBy24Months)}/${s(v.specialistBy36Months)}`,
    `${s(v.fastlegeBy12Months)}/${s(v.fastlegeBy36Months)}`,
    `${s(v.retention1Year)}/${s(v.retention2Years)}/${s(v.retention3Years)}`,
    s(v.shareFromOtherGpWork),
  )}`;
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
      (
        flags: {
          agreements: string;
          asOf?: string;
          cap?: number;
          params?: string;
          scenario?: string;
          comparison?: string;
          comparisonRate?: number;
          comparisonSource?: string;
          json?: boolean;
        },
        cmd: Command,
      ) => {
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
        const w = wordsFor(langOf(cmd));
        const { t, f } = w;
        const c = report.comparison;
        const o = report.costPerOutcome;
        const nokOrSuppressed = (x: number | null) => (x === null ? t.suppressedCell : f.nok(x));
        const u = report.slotUtilisation;
        const out = [
          t.heading(register.file, report.asOf, report.minCellPersons),
          ...(report.excludedRows > 0 ? [t.excluded(report.excludedRows)] : []),
          line(w, t.all, report.overall),
          t.byHelseregion,
          ...Object.entries(report.byHelseregion).map(([k, v]) => line(w, k, v)),
          t.byStartYear,
          ...Object.entries(report.byStartYear).map(([k, v]) => line(w, k, v)),
          t.byKommune,
          ...Object.entries(report.byKommune).map(([k, v]) => line(w, k, v)),
          t.afterHeading,
          ...report.afterAgreement.map((a) => afterLine(w, a)),
          ...(c
            ? [
                t.comparison(
                  c.kind,
                  c.source,
                  c.horizonMonths,
                  w.share(c.introSpecialistShare),
                  w.share(c.comparisonSpecialistShare),
                  c.additionalSpecialists === null ? t.suppressedCell : f.number(c.additionalSpecialists, 1),
                ),
                t.assumption(c.assumption),
              ]
            : []),
          ...(o
            ? [
                t.costPerOutcome(
                  nokOrSuppressed(o.perSpecialistNok),
                  o.perAdditionalSpecialistNok === null ? (c ? t.notDefined : t.needsComparison) : f.nok(o.perAdditionalSpecialistNok),
                  nokOrSuppressed(o.perNewFastlegeNok),
                  f.nok(o.costPerAgreementYearNok),
                ),
              ]
            : []),
          t.utilisation(f.percent(u.share), f.number(u.activeAgreementYears, 1), u.cap, u.from, u.to),
        ];
        process.stdout.write(`${out.join("\n")}\n`);
      },
    );
}
