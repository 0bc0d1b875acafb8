/** A progress bar on stderr for long runs, only when stderr is a terminal (never in pipes, CI or --json captures). */
import type * as CliProgress from "cli-progress";
import { PROGRESS_MIN_DRAWS } from "../constants";

export function progressFor(total: number, label: string): { onProgress?: (done: number, total: number) => void; stop: () => void } {
  if (!process.stderr.isTTY || total < PROGRESS_MIN_DRAWS) return { stop: () => {} };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: loaded only when a bar is shown
  const { SingleBar, Presets } = require("cli-progress") as typeof CliProgress; // only when a bar is shown
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} draws`, stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return { onProgress: (done) => bar.update(done), stop: () => bar.stop() };
}
