/**
 * `introsim breakeven`: what would have to be true for the cost per agreement-year to equal a target (500 000 kr by
 * default): the break-even value of each uncertain input, optionally the iso-cost contour of two inputs, the value of
 * information for the budget-line decision and the appraisal view (DFØ). A table or JSON on stdout.
 */
import { InvalidArgumentError, type Command } from "commander";
import { runDecision } from "../analysis/runDecision";
import { decisionSheets } from "../export/appraisalSheet";
import { sheetTable } from "../export/sheet";
import { numberFormats } from "../format/localeNumbers";
import { cliText } from "../i18n/cliMessages";
import { inputLabel } from "../i18n/inputLabels";
import { langOf } from "./flags";
import type { Table } from "../format/table";
import { addScenarioFlags, loadFromFlags, type ScenarioFlags } from "./scenarioFlags";

function parsePositiveNok(v: string): number {
  const n = Number(v.replace(/[\s_]/g, ""));
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError(`"${v}" is not allowed; the target must be a positive number of kroner per agreement-year, e.g. --target 500000`);
  return n;
}

function parseNames(v: string): string[] {
  const names = v
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (names.length === 0)
    throw new InvalidArgumentError(`"${v}" names no input; give input names separated by commas, e.g. substitutionShare,stillingsprosent`);
  return names;
}

function parsePair(v: string): [string, string] {
  const names = parseNames(v);
  if (names.length !== 2)
    throw new InvalidArgumentError(
      `"${v}" is not allowed; give exactly two input names separated by a comma, e.g. substitutionShare,consultationsPerWeekFullTime`,
    );
  if (names[0] === names[1]) throw new InvalidArgumentError(`"${v}" is not allowed; the two inputs of an iso-cost chart must differ`);
  return names as [string, string];
}

function parseRate(v: string): number {
  const n = Number(v);
  if (v.trim() === "" || !Number.isFinite(n) || n < 0 || n > 0.2)
    throw new InvalidArgumentError(`"${v}" is not allowed; the discount rate is a real rate per year from 0 to 0.2 (0–20 %), e.g. --discount-rate 0.04`);
  return n;
}

function parseWeight(v: string): number {
  const n = Number(v);
  if (v.trim() === "" || !Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError(`"${v}" is not allowed; a loss weight is kroner of loss per krone, 0 or more, e.g. 1 or 0.2`);
  return n;
}

function parseYears(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n < 1 || n > 40) throw new InvalidArgumentError(`"${v}" is not allowed; the horizon is a whole number of years from 1 to 40`);
  return n;
}

function parseYear(v: string): number {
  const n = Number(v);
  if (!/^\d{4}$/.test(v.trim()))
    throw new InvalidArgumentError(
      `"${v}" is not allowed; the price year is a calendar year with KPI in data/params/appraisal/consumer_price_index.yaml, e.g. 2024`,
    );
  return n;
}

/** A table as aligned text for the terminal. */
function textTable(t: Table): string {
  const cells = [t.headers, ...t.rows.map((r) => r.map(String))];
  const widths = t.headers.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? "").length)));
  const right = new Set(t.alignRight ?? []);
  const line = (r: Array<string | number>) => r.map((c, i) => (right.has(i) ? String(c).padStart(widths[i]!) : String(c).padEnd(widths[i]!))).join("  ");
  return [t.caption ?? "", line(t.headers), ...t.rows.map(line)].join("\n");
}

/** The iso-cost contour is printed every ISO_POINT_STEP-th point (the chart in `run` has them all). */
const ISO_POINT_STEP = 5;

interface BreakevenFlags extends ScenarioFlags {
  target?: number;
  inputs?: string[];
  iso?: [string, string];
  voi?: boolean;
  appraisal?: boolean;
  discountRate?: number;
  horizon?: number;
  priceYear?: number;
  overrunLoss?: number;
  unusedLoss?: number;
  json?: boolean;
}

export function registerBreakeven(program: Command): void {
  addScenarioFlags(
    program
      .command("breakeven")
      .description(
        "what would have to be true for the cost per agreement-year to equal a target: break-even per input, iso-cost, value of information, appraisal",
      ),
  )
    .option("--target <kr>", "target cost per agreement-year in kroner (default: HOD's estimate in data, 500 000)", parsePositiveNok)
    .option("--inputs <names>", "only these inputs, comma-separated (default: every uncertain input)", parseNames)
    .option("--iso <x,y>", "also the iso-cost contour of two inputs, e.g. --iso substitutionShare,consultationsPerWeekFullTime", parsePair)
    .option("--voi", "also the value of information (EVPI, EVPPI) for the choice of budget line")
    .option("--appraisal", "also the appraisal view (present value, skattefinansieringskostnad, parties)")
    .option("--discount-rate <r>", "real discount rate for --appraisal and --voi (default: 0.04 from R-109/21 in data)", parseRate)
    .option("--horizon <years>", "horizon in years for --appraisal and --voi (default from data: 10)", parseYears)
    .option("--price-year <year>", "show the appraisal in fixed kroner of this year (KPI; default: the agreement-year's)", parseYear)
    .option("--overrun-loss <w>", "loss per krone the cost exceeds the budget line (default from data: 1)", parseWeight)
    .option("--unused-loss <w>", "loss per krone of budget line left unused (default: the 20 % skattefinansieringskostnad)", parseWeight)
    .option("--json", "print one JSON object instead of tables")
    .action((flags: BreakevenFlags, cmd: Command) => {
      const { params, loaded } = loadFromFlags(flags);
      const d = runDecision(loaded.scenario, params, {
        target: flags.target,
        inputs: flags.inputs,
        isoCost: flags.iso,
        seed: flags.seed,
        draws: flags.draws,
        discountRate: flags.discountRate,
        horizonYears: flags.horizon,
        priceYear: flags.priceYear,
        weights: { overrun: flags.overrunLoss, unused: flags.unusedLoss },
        parts: { breakEven: true, isoCost: !!flags.iso, voi: !!flags.voi, appraisal: !!flags.appraisal },
        where: { target: "--target", inputs: "--inputs", isoCost: "--iso" },
      });
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(d, null, 2)}\n`);
        return;
      }
      const lang = langOf(cmd);
      const t = cliText(lang).breakeven;
      const f = numberFormats(lang);
      const out: string[] = [
        t.heading(d.scenario.title),
        t.target(f.nok(d.target), f.nok(d.breakEven!.base), f.number(d.breakEven!.draws, 0), f.nok(d.breakEven!.baseP50 ?? d.breakEven!.base)),
        "",
      ];
      for (const s of decisionSheets(d, lang)) out.push(textTable(sheetTable(s, undefined, lang)), "");
      if (d.isoCost) {
        const c = d.isoCost;
        const [x, y] = [inputLabel(lang, c.x), inputLabel(lang, c.y)];
        out.push(t.isoHeading(x, y, c.contour.length, f.nok(c.target)));
        for (const p of c.contour.filter((_, i) => i % ISO_POINT_STEP === 0)) out.push(`  ${y} ${f.number(p.y)} → ${x} ${f.number(p.x)}`);
        out.push("");
      }
      if (d.voi) {
        const best = d.voi.decision.options.find((o) => o.key === d.voi!.decision.best)!;
        out.push(t.budgetDecision(best.label, f.nok(best.budgetNok), f.number(d.voi.decision.weights.overrun), f.number(d.voi.decision.weights.unused)));
      }
      if (d.appraisal) for (const a of d.appraisal.assumptions) out.push(t.note(a));
      process.stdout.write(`${out.join("\n")}\n`);
    });
}
