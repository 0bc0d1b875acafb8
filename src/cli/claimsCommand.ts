/**
 * `introsim claims generate` (a synthetic extract with known truth) and `introsim claims estimate` (net extra
 * folketrygd cost per agreement-year from a claims extract, with a bootstrap interval and a pre-trend check).
 */
import * as path from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { DEFAULT_BOOTSTRAP, DEFAULT_SEED, MAX_BOOTSTRAP } from "../constants";
import type { ClaimsEstimate } from "../claims/estimateNetCost";
import { estimateWithSimulation } from "../analysis/compareWithSimulation";
import { generateClaims } from "../claims/generateClaims";
import { formatNok } from "../format/norwegian";
import { displayPath, SCENARIOS_DIR } from "../io/paths";
import { writeDirAtomic } from "../io/atomicWrite";
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

/** The readable summary of an estimate (English, like every CLI text). */
export function claimsSummaryLines(r: ClaimsEstimate): string[] {
  const v = r.validation.claims;
  const lines = [
    `introsim claims estimate — ${v.file}, ${r.span.from} – ${r.span.to}`,
    `claim lines read ${v.read}, accepted ${v.accepted}, rejected ${v.rejected}`,
    ...v.reasons.map(
      (x) =>
        `  rejected ${String(x.rows).padStart(8)}  ${x.reason}${x.column ? ` (${x.column})` : ""}: ${x.description}; first ${v.format === "csv" ? "lines" : "rows"} ${x.firstRows.join(", ")}`,
    ),
    `agreements ${r.agreements.included} (${r.agreementYears.toFixed(1)} agreement-years), comparison fastleger ${r.comparisonDoctors}`,
    ...r.agreements.excluded.map((x) => `  left out ${x.agreementId}: ${x.reason}`),
    "",
    `Net extra folketrygd cost per agreement-year   ${iv(r.netCostPerAgreementYear)}`,
    `  + intro doctors' refusjon and egenandel      ${iv(r.components.introCostPerAgreementYear)}`,
    `  − fall at the handing-over fastleger         ${iv(r.components.avgivendeFallPerAgreementYear)}`,
    `${r.reference.statement}`,
    ...(r.simulation ? [r.simulation.statement] : []),
    `pre-trend: ${r.preTrend.statement}`,
    ...r.warnings.map((w) => `warning: ${w}`),
    `bootstrap ${r.manifest.bootstrap} replications, seed ${r.manifest.seed}; --json for the event study and the manifest`,
  ];
  return lines;
}

/** The estimate's folder: results, manifest and the two charts (the same specs the notebook shows), written as a whole. */
async function writeEstimateFolder(out: string, result: ClaimsEstimate, source: string): Promise<void> {
  const { renderChart, chartFiles } = await import("../charts/render");
  const { eventStudySpec, estimateVsReferenceSpec } = await import("../charts/claimsCharts");
  const files = new Map<string, string | Uint8Array>();
  const charts: Array<[string, ChartSpec]> = [
    ["hendelsesstudie", eventStudySpec(result, source)],
    ["estimat-mot-anslag", estimateVsReferenceSpec(result, source)],
  ];
  for (const [name, spec] of charts) for (const [file, content] of chartFiles(await renderChart(spec), name)) files.set(file, content);
  files.set("results.json", `${JSON.stringify(result, null, 2)}\n`);
  files.set("manifest.json", `${JSON.stringify(result.manifest, null, 2)}\n`);
  writeDirAtomic(out, files);
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
    .option("--json", "print truth.json instead of a summary")
    .action(async (flags: { out: string; rows: number; seed: number; badRows: number; json?: boolean }) => {
      step(`generating ${flags.rows} rows`);
      const truth = await generateClaims(flags.out, { rows: flags.rows, seed: flags.seed, badRows: flags.badRows });
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
    .requiredOption("--claims <file>", "claim lines, .parquet or .csv (schema: README, Regnskapstall)")
    .requiredOption("--doctors <file>", "doctor table, .parquet or .csv")
    .option("--bootstrap <b>", "bootstrap replications", wholeNumber("--bootstrap", 1, MAX_BOOTSTRAP, "--bootstrap 999"), DEFAULT_BOOTSTRAP)
    .option("--seed <s>", "bootstrap seed", parseSeed, DEFAULT_SEED)
    .option("--scenario <file>", "scenario whose simulated cost distribution the estimate is placed in", path.join(SCENARIOS_DIR, "standard.yaml"))
    .option("--no-scenario", "skip the comparison with the simulation")
    .option("--json", "print one JSON object instead of a summary")
    .option("--out <dir>", "also write results.json, manifest.json and the charts (.svg, .png, .vl.json) to this folder, all or nothing")
    .action(async (flags: { claims: string; doctors: string; bootstrap: number; seed: number; scenario: string | false; json?: boolean; out?: string }) => {
      const result = await estimateWithSimulation(flags.claims, flags.doctors, {
        bootstrap: flags.bootstrap,
        seed: flags.seed,
        ...(flags.scenario ? { scenario: flags.scenario } : {}),
        onStep: step,
      });
      if (flags.out) await writeEstimateFolder(flags.out, result, displayPath(path.resolve(flags.claims)));
      process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${claimsSummaryLines(result).join("\n")}\n`);
    });
}
