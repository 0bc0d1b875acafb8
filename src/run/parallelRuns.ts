/**
 * Several scenarios in parallel, one worker thread per scenario up to `threads` (issue 18): each worker runs
 * runScenario on its scenario exactly as the main thread would (src/run/runWorker.ts), and the runs come back in the
 * order of the scenarios, so results.json and every output are the same bit for bit as a sequential run (the Monte
 * Carlo's numbers never depend on the thread that computes them). A worker can also build its scenario's output files
 * (charts, report, workbook), which are most of a run's time after the computing; the main thread adds the comparison
 * and writes the folder. The inputs and results cross threads by structured
 * clone (plain data and typed arrays). Fewer than two threads or scenarios, and runs from the TypeScript sources
 * (tests: no compiled worker file), run one after the other in this thread.
 *
 *   scenarios -> queue -> T workers (runScenario each) -> runs in scenario order
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { UserError, type UserErrorKind } from "../errors/userError";
import type { ParamSet } from "../params/loadParams";
import type { ScenarioRun } from "../results/scenarioResults";
import type { LoadedScenario } from "../scenario/loadScenario";
import { runScenario, type RunScenarioOptions } from "./runScenario";
import type { OutputOptions, ScenarioPart } from "./runOutputs";

/** One scenario for a worker (onProgress cannot cross threads). */
export interface ScenarioJob {
  index: number;
  loaded: LoadedScenario;
  params: ParamSet;
  options: Omit<RunScenarioOptions, "onProgress">;
  /** Also build the scenario's output files (runOutputs.ts scenarioPart) with these options. */
  outputs?: OutputOptions;
}

/** A worker's answer: the run, or the error it threw (a UserError keeps its kind and exit code). */
export interface ScenarioJobResult {
  index: number;
  run?: ScenarioRun;
  part?: ScenarioPart;
  error?: { message: string; kind?: UserErrorKind; exitCode?: number };
}

const WORKER_FILE = path.join(__dirname, "runWorker.js");

/** Whether runScenarios would use workers for this many scenarios and threads. */
export function runsInParallel(scenarios: number, threads: number): boolean {
  return scenarios > 1 && threads > 1 && fs.existsSync(WORKER_FILE);
}

/**
 * Runs every scenario with the same options and returns the runs in the order given. With workers (see
 * runsInParallel) each worker also builds its scenario's output files when `outputs` is given (parts[i], else
 * undefined), and there is no progress callback; sequentially, progress(i) gives scenario i's.
 */
export async function runScenarios(
  loaded: ReadonlyArray<LoadedScenario>,
  params: ParamSet,
  options: Omit<RunScenarioOptions, "onProgress">,
  threads: number,
  progress?: (i: number) => { onProgress?: (done: number, total: number) => void; stop: () => void },
  outputs?: OutputOptions,
): Promise<{ runs: ScenarioRun[]; parts: Array<ScenarioPart | undefined> }> {
  if (!runsInParallel(loaded.length, threads)) {
    const runs = loaded.map((l, i) => {
      const p = progress?.(i);
      try {
        return runScenario(l, params, { ...options, onProgress: p?.onProgress });
      } finally {
        p?.stop();
      }
    });
    return { runs, parts: [] };
  }
  const runs: ScenarioRun[] = new Array<ScenarioRun>(loaded.length);
  const parts: Array<ScenarioPart | undefined> = new Array<ScenarioPart | undefined>(loaded.length);
  let next = 0;
  const workers: Worker[] = [];
  const one = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      let busy = false;
      const send = () => {
        busy = next < loaded.length;
        if (!busy) return resolve();
        const index = next++;
        const job: ScenarioJob = { index, loaded: loaded[index]!, params, options, ...(outputs ? { outputs } : {}) };
        worker.postMessage(job);
      };
      worker.on("message", (m: ScenarioJobResult) => {
        if (m.error) {
          const { message, kind, exitCode } = m.error;
          return reject(kind ? new UserError(kind, "", message, exitCode) : new Error(`scenario worker failed: ${message}`));
        }
        runs[m.index] = m.run!;
        parts[m.index] = m.part;
        send();
      });
      worker.on("error", reject);
      worker.on("exit", (code) => busy && reject(new Error(`scenario worker stopped (exit code ${code})`)));
      send();
    });
  try {
    const count = Math.min(threads, loaded.length);
    for (let k = 0; k < count; k++) workers.push(new Worker(WORKER_FILE));
    await Promise.all(workers.map(one));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { runs, parts };
}
