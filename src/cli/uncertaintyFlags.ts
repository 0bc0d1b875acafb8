/**
 * Flags of `introsim cost` about uncertainty and audit (issue 19): --precision KR (draw in blocks until the P85's 95 %
 * half-width is below KR), --shapley (Shapley effects of the variance), --export-draws FILE.parquet (every draw, with
 * the manifest as metadata). Bad values are refused before any work: --precision must be a number of kroner above 0,
 * the draws file must be a writable .parquet path.
 *
 *   flags -> check the draws path -> run (once, or in rounds sized from the half-width) -> export -> print
 */
import { InvalidArgumentError, type Command } from "commander";
import { MAX_DRAWS, PRECISION_BLOCK_DRAWS, PRECISION_MAX_ROUNDS } from "../constants";
import { checkWritableFile, exportCostDraws } from "../analysis/drawsExport";
import { nextDraws } from "../analysis/precision";
import type { CostRun } from "../analysis/runCost";
import { formatNok, formatNumber } from "../format/norwegian";
import { numberFormats } from "../format/localeNumbers";
import { cliText } from "../i18n/cliMessages";
import type { Lang } from "../i18n/messages";
import { precisionRows } from "../report/uncertaintySection";

export interface UncertaintyFlags {
  precision?: number;
  shapley?: boolean;
  exportDraws?: string;
}

/** --precision: kroner above 0 (decimals allowed). */
export function parsePrecision(v: string): number {
  const text = v.trim();
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(n > 0) || n > 1e9)
    throw new InvalidArgumentError(`"${v}" is not allowed; --precision is the P85's 95 % half-width to reach, in kroner above 0, e.g. --precision 2000`);
  return n;
}

export function addUncertaintyFlags(command: Command): Command {
  return command
    .option(
      "--precision <kr>",
      "draw in blocks until the P85's 95 % Monte Carlo half-width is below KR kroner (deterministic for a seed), e.g. --precision 2000",
      parsePrecision,
    )
    .option("--shapley", "also compute Shapley effects (each input's share of the variance; shown instead of Sobol when inputs are correlated)")
    .option(
      "--export-draws <file>",
      "write every input's draws and every output per draw to FILE.parquet, with the manifest as metadata (for audit and `introsim replay`)",
    );
}

/** What a --precision run did: the target, the half-width reached, the draws of each round. */
export interface PrecisionRun {
  targetKr: number;
  halfWidth95: number;
  reached: boolean;
  rounds: number[];
}

/**
 * Runs `runAt(draws)` once, or with --precision in rounds: first max(draws, one block) draws rounded up to whole
 * blocks, then as many as the half-width says (nextDraws) until it is below the target, MAX_DRAWS or
 * PRECISION_MAX_ROUNDS rounds. Each round is a fresh run with the same seed, so the result depends only on the seed.
 */
export async function runWithUncertaintyFlags(
  flags: UncertaintyFlags,
  defaultDraws: number,
  runAt: (draws: number | undefined) => CostRun,
): Promise<{ run: CostRun; precisionRun?: PrecisionRun }> {
  if (flags.exportDraws) checkWritableFile(flags.exportDraws, "--export-draws");
  let run: CostRun;
  let precisionRun: PrecisionRun | undefined;
  if (flags.precision === undefined) run = runAt(undefined);
  else {
    const target = flags.precision;
    let draws = Math.ceil(Math.max(defaultDraws, PRECISION_BLOCK_DRAWS) / PRECISION_BLOCK_DRAWS) * PRECISION_BLOCK_DRAWS;
    const rounds: number[] = [];
    for (;;) {
      run = runAt(draws);
      rounds.push(draws);
      const hw = run.report.precision.p85.halfWidth95;
      if (hw <= target || draws >= MAX_DRAWS || rounds.length >= PRECISION_MAX_ROUNDS) {
        precisionRun = { targetKr: target, halfWidth95: hw, reached: hw <= target, rounds };
        if (!precisionRun.reached)
          run.report.warnings.push(
            `--precision ${target}: the P85's half-width is still ${formatNok(hw)} after ${formatNumber(draws, 0)} draws (${rounds.length} rounds); raise the target or the draws`,
          );
        break;
      }
      draws = nextDraws(draws, hw, target, PRECISION_BLOCK_DRAWS, MAX_DRAWS);
    }
  }
  if (flags.exportDraws) await exportCostDraws(run, flags.exportDraws);
  return { run, ...(precisionRun ? { precisionRun } : {}) };
}

/** The precision table printed after the cost table: each figure with its 95 % Monte Carlo half-width and MCSE. */
export function precisionTable(run: CostRun, lang: Lang, precisionRun?: PrecisionRun): string {
  const r = run.report;
  const p = r.precision;
  const rows = precisionRows(r);
  const t = cliText(lang).precision;
  const f = numberFormats(lang);
  const caption = precisionRun
    ? t.headingRounds(f.number(p.draws, 0), precisionRun.rounds.map((d) => f.number(d, 0)).join(", "), f.nok(precisionRun.targetKr), precisionRun.reached)
    : t.heading(f.number(p.draws, 0));
  const line = (a: string, b: string, c: string, d: string) => `  ${a.padEnd(14)} ${b.padStart(14)} ${c.padStart(22)} ${d.padStart(14)}`;
  return [
    caption,
    line("", t.value, t.halfWidth, t.standardError),
    ...rows.map(([name, v, x]) => line(/^P\d+$/.test(name) ? name : t.mean, f.nok(v), `± ${f.nok(x.halfWidth95)}`, f.nok(x.se))),
  ].join("\n");
}

/**
 * `introsim run --export-draws FILE.parquet`: the cost draws of each scenario; with several scenarios one file per
 * scenario, FILE-<name>.parquet. Returns the files written.
 */
export async function exportRunDraws(file: string, runs: ReadonlyArray<{ name: string; costRun: CostRun | undefined }>): Promise<string[]> {
  const written: string[] = [];
  for (const { name, costRun } of runs) {
    if (!costRun) continue;
    const target = runs.length > 1 ? file.replace(/\.parquet$/i, `-${name}.parquet`) : file;
    await exportCostDraws(costRun, target);
    written.push(target);
  }
  return written;
}
