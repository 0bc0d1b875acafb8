/**
 * `introsim claims generate` (a synthetic extract with known truth) and `introsim claims estimate` (net extra
 * folketrygd cost per agreement-year from a claims extract, with a bootstrap interval and a pre-trend check).
 */
import * as path from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import {
  CLAIMS_MAX_ANTICIPATION_MONTHS,
  CLAIMS_MAX_BASELINE_MONTHS,
  CLAIMS_PERIOD_GAP_MONTHS,
  CLAIMS_PRE_WINDOW_MONTHS,
  DEFAULT_BOOTSTRAP,
  DEFAULT_SEED,
  MAX_BOOTSTRAP,
} from "../constants";
import type { ClaimsEstimate } from "../claims/estimateNetCost";
import { estimateWithSimulation } from "../analysis/compareWithSimulation";
import { generateClaims } from "../claims/generateClaims";
import { NAMED_WORLDS } from "../claims/syntheticWorld";
import { formatNok } from "../format/norwegian";
import { displayPath, SCENARIOS_DIR } from "../io/paths";
import { writeDirAtomic } from "../io/atomicWrite";
import { checkOutputDir } from "../io/outputDir";
import { firstRowsText } from "../claims/validateClaims";
import type { ChartSpec } from "../charts/render";
import { parseSeed } from "./flags";

/** Most claim rows `claims generate` makes in one extract. */
const MAX_GENERATED_ROWS = 1_000_000_000;

function wholeNumber(flag: string, min: number, max: number, example: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`"${v}" is not allowed; ${flag} must be a whole number from ${min} to ${max}, e.g. ${example}`);
    return n;
  };
}

const step = (s: string) => {
  if (process.stderr.isTTY) process.stderr.write(`introsim claims: ${s}…\n`);
};

const iv = (x: { estimate: number; ci95: [number, number] }) => `${formatNok(x.estimate)} (95 % ${formatNok(x.ci95[0])} – ${formatNok(x.ci95[1])})`;

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** The readable summary of an estimate (English, like every CLI text). When the pre-trend test fails, the bounds come first. */
export function claimsSummaryLines(r: ClaimsEstimate): string[] {
  const v = r.validation.claims;
  const where = v.format === "csv" ? "lines" : "rows";
  const bounds = [
    `Sensitivity bounds (post-start deviation up to M̄ × the largest pre-start one, ${formatNok(r.sensitivity.largestPreDeviationNok)} per doctor-month):`,
    ...r.sensitivity.bounds.map(
      (b) => `  M̄ = ${String(b.mBar).padEnd(3)}  ${formatNok(b.lower)} – ${formatNok(b.upper)}   (95 % ${formatNok(b.ci95[0])} – ${formatNok(b.ci95[1])})`,
    ),
  ];
  const n = r.netCostPerAgreementYear;
  const headline = [
    `Net extra folketrygd cost per agreement-year   ${iv(n)}  [interval for the agreements in the extract]`,
    `  interval for agreements like these in general (superpopulation): ${formatNok(n.ci95Superpopulation[0])} – ${formatNok(n.ci95Superpopulation[1])}`,
    `  + intro doctors' refusjon and egenandel      ${iv(r.components.introCostPerAgreementYear)}`,
    `  − fall at the handing-over fastleger         ${iv(r.components.avgivendeFallPerAgreementYear)}`,
    ...(r.netCostAdjustedForPriorActivity
      ? [
          `  net after the intro doctors' displaced prior activity (${r.netCostAdjustedForPriorActivity.introDoctorsWithPriorActivity} billed before): ${iv(r.netCostAdjustedForPriorActivity)}`,
        ]
      : []),
  ];
  const warned = r.warnings.map((w) => `warning: ${w}`);
  const lines = [
    `introsim claims estimate — ${v.file}${v.files > 1 ? ` (${v.files} Parquet files)` : ""}, ${r.span.from} – ${r.span.to}`,
    `claim lines read ${v.read}, accepted ${v.accepted}, rejected ${v.rejected}`,
    ...v.reasons.map(
      (x) => `  rejected ${String(x.rows).padStart(8)}  ${x.reason}${x.column ? ` (${x.column})` : ""}: ${x.description}; first ${where} ${firstRowsText(x)}`,
    ),
    ...v.unknownTakster.map(
      (x) =>
        `  accepted ${String(x.lines).padStart(8)}  takst ${x.takst} unknown to the normaltariff on its date: ${formatNok(x.kroner)} (${pct(x.share)} of the cost)`,
    ),
    ...v.tariffMismatches.map(
      (x) => `  accepted ${String(x.lines).padStart(8)}  takst ${x.takst} amounts off the dated tariff: ${formatNok(x.kroner)} (${pct(x.share)} of the cost)`,
    ),
    ...(v.introOutsideWindow.before.lines > 0
      ? [
          `  accepted ${String(v.introOutsideWindow.before.lines).padStart(8)}  intro doctors' lines before their start (prior activity): ${formatNok(v.introOutsideWindow.before.kroner)}`,
        ]
      : []),
    ...(v.introOutsideWindow.after.lines > 0
      ? [
          `  accepted ${String(v.introOutsideWindow.after.lines).padStart(8)}  intro doctors' lines after their end (not intro cost): ${formatNok(v.introOutsideWindow.after.kroner)}`,
        ]
      : []),
    `practice periods ${r.periods.source}${r.periods.gapMonths !== null ? ` (a gap of ${r.periods.gapMonths} months ends a period)` : ""}: ${r.periods.doctors} list-holding doctors, ${r.periods.periods} periods, ${r.periods.doctorsNotActiveThroughout} not active throughout, ${r.periods.missingDoctorMonths} doctor-months missing`,
    `agreements ${r.agreements.included} (${r.agreementYears.toFixed(1)} agreement-years), comparison fastleger ${r.comparisonDoctors}; baseline ${r.design.baselineMonths} months, anticipation ${r.design.anticipationMonths}`,
    ...r.agreements.excluded.map((x) => `  left out ${x.agreementId}: ${x.reason}`),
    "",
    ...(r.sensitivity.showFirst ? [...warned, ...bounds, "", ...headline] : [...headline, ...bounds]),
    ...r.heterogeneity.map(
      (g) => `  ${g.by} ${g.group}: ${formatNok(g.estimate)} (95 % ${formatNok(g.ci95[0])} – ${formatNok(g.ci95[1])}), ${g.agreements} agreements`,
    ),
    `${r.reference.statement}`,
    ...(r.simulation ? [r.simulation.statement] : []),
    `pre-trend: ${r.preTrend.statement}`,
    ...(r.sensitivity.showFirst ? [] : warned),
    `bootstrap ${r.manifest.bootstrap} replications, seed ${r.manifest.seed}; --json for the event study and the manifest`,
  ];
  return lines;
}

/** The estimate's folder: results, manifest and the two charts (the same specs the notebook shows), written as a whole. */
async function writeEstimateFolder(out: string, result: ClaimsEstimate, source: string, force: boolean): Promise<void> {
  const { renderChart, chartFiles } = await import("../charts/render");
  const { eventStudySpec, estimateVsReferenceSpec, sensitivityBoundsSpec } = await import("../charts/claimsCharts");
  const files = new Map<string, string | Uint8Array>();
  const charts: Array<[string, ChartSpec]> = [
    ["hendelsesstudie", eventStudySpec(result, source)],
    ["estimat-mot-anslag", estimateVsReferenceSpec(result, source)],
    ["folsomhetsgrenser", sensitivityBoundsSpec(result, source)],
  ];
  for (const [name, spec] of charts) for (const [file, content] of chartFiles(await renderChart(spec), name)) files.set(file, content);
  files.set("results.json", `${JSON.stringify(result, null, 2)}\n`);
  files.set("manifest.json", `${JSON.stringify(result.manifest, null, 2)}\n`);
  writeDirAtomic(out, files, { force });
}

export function registerClaims(program: Command): void {
  const claims = program.command("claims").description("regnskapstall: estimate the real cost per agreement from claim-level refusjon data");
  claims
    .command("generate")
    .description("write a synthetic claims extract with a known true effect: DIR/claims.parquet, DIR/doctors.parquet, DIR/truth.json")
    .requiredOption("--out <dir>", "output folder (replaced as a whole; other files in it are kept)")
    .option("--rows <n>", "claim lines to generate", wholeNumber("--rows", 1_000, MAX_GENERATED_ROWS, "--rows 1000000"), 1_000_000)
    .option("--seed <s>", "random seed (the same seed gives the same files)", parseSeed, DEFAULT_SEED)
    .option(
      "--bad-rows <n>",
      "extra defective lines appended (one defect each), to exercise validation",
      wholeNumber("--bad-rows", 0, MAX_GENERATED_ROWS, "--bad-rows 60"),
      0,
    )
    .option(
      "--world <name>",
      `a world that breaks an assumption (truth adjusted by construction): ${Object.keys(NAMED_WORLDS).join(", ")}`,
      (v: string) => {
        if (!Object.hasOwn(NAMED_WORLDS, v)) throw new InvalidArgumentError(`"${v}" is not a world; allowed: ${Object.keys(NAMED_WORLDS).join(", ")}`);
        return v;
      },
      "clean",
    )
    .option("--json", "print truth.json instead of a summary")
    .action(async (flags: { out: string; rows: number; seed: number; badRows: number; world: string; json?: boolean }) => {
      step(`generating ${flags.rows} rows`);
      const truth = await generateClaims(flags.out, { rows: flags.rows, seed: flags.seed, badRows: flags.badRows, world: NAMED_WORLDS[flags.world]! });
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(truth, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        [
          `introsim claims generate — ${flags.out}: ${truth.rows} claim lines${truth.badRows ? ` + ${truth.badRows} defective` : ""}, seed ${truth.seed}`,
          `${truth.agreements} agreements (${truth.agreementYears} agreement-years), ${truth.doctors.intro} intro doctors, ${truth.doctors.avgivende_fastlege} avgivende, ${truth.doctors.fastlege} comparison fastleger in ${truth.practices} practices`,
          `true net extra folketrygd cost per agreement-year ${formatNok(truth.netCostPerAgreementYearNok)} (intro ${formatNok(truth.introCostPerAgreementYearNok)} − fall ${formatNok(truth.avgivendeFallPerAgreementYearNok)})`,
          ...(truth.usesPerRow > 1
            ? [`each line stands for ${truth.usesPerRow.toFixed(2)} takst uses (the world needs more rows than --rows to be life-size)`]
            : []),
          `files: claims.parquet, doctors.parquet, truth.json`,
        ].join("\n") + "\n",
      );
    });
  claims
    .command("estimate")
    .description("net extra folketrygd cost per agreement-year by difference-in-differences, with a practice-clustered bootstrap interval")
    .requiredOption(
      "--claims <file>",
      "claim lines, .parquet or .csv, or a folder of .parquet files (hive-partitioned, e.g. year=2023/) read as one table (schema: README, Regnskapstall)",
    )
    .requiredOption("--doctors <file>", "doctor table, .parquet or .csv")
    .option("--bootstrap <b>", "bootstrap replications", wholeNumber("--bootstrap", 1, MAX_BOOTSTRAP, "--bootstrap 999"), DEFAULT_BOOTSTRAP)
    .option("--seed <s>", "bootstrap seed", parseSeed, DEFAULT_SEED)
    .option("--scenario <file>", "scenario whose simulated cost distribution the estimate is placed in", path.join(SCENARIOS_DIR, "standard.yaml"))
    .option("--no-scenario", "skip the comparison with the simulation")
    .option(
      "--baseline-months <n>",
      "longest baseline before the start",
      wholeNumber("--baseline-months", 3, CLAIMS_MAX_BASELINE_MONTHS, "--baseline-months 24"),
      CLAIMS_PRE_WINDOW_MONTHS,
    )
    .option(
      "--anticipation-months <k>",
      "months before the start left out of the baseline and counted in the effect (a hand-over that begins early)",
      wholeNumber("--anticipation-months", 0, CLAIMS_MAX_ANTICIPATION_MONTHS, "--anticipation-months 3"),
      0,
    )
    .option(
      "--period-gap <n>",
      "without active_from/active_to in the doctor table: empty months in a row that end a doctor's practice period",
      wholeNumber("--period-gap", 1, 120, "--period-gap 3"),
      CLAIMS_PERIOD_GAP_MONTHS,
    )
    .option("--json", "print one JSON object instead of a summary")
    .option("--out <dir>", "also write results.json, manifest.json and the charts (.svg, .png, .vl.json) to this folder, all or nothing")
    .option("--force", "replace --out even when it holds files introsim did not write (they are kept; system, home and temp folders stay refused)")
    .action(
      async (flags: {
        claims: string;
        doctors: string;
        bootstrap: number;
        seed: number;
        baselineMonths: number;
        anticipationMonths: number;
        periodGap: number;
        scenario: string | false;
        json?: boolean;
        out?: string;
        force?: boolean;
      }) => {
        // Refused before anything is computed (a bootstrap over a national extract takes minutes): a system or home
        // folder, a file, a folder introsim did not write (unless --force), a place not writable.
        const target = flags.out ? checkOutputDir(flags.out, { force: flags.force }) : null;
        const result = await estimateWithSimulation(flags.claims, flags.doctors, {
          bootstrap: flags.bootstrap,
          seed: flags.seed,
          baselineMonths: flags.baselineMonths,
          anticipationMonths: flags.anticipationMonths,
          periodGapMonths: flags.periodGap,
          ...(flags.scenario ? { scenario: flags.scenario } : {}),
          onStep: step,
        });
        if (target) await writeEstimateFolder(target, result, displayPath(path.resolve(flags.claims)), flags.force === true);
        process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${claimsSummaryLines(result).join("\n")}\n`);
      },
    );
}
