/**
 * A scenario worker thread for `introsim run` with several scenarios (src/run/parallelRuns.ts): receives scenarios
 * (the loaded scenario, the parameter set and the run options, structured-cloned), runs each exactly as the main
 * thread would (runScenario, its Monte Carlo in this thread alone) and posts the ScenarioRun back, with the scenario's
 * own output files (charts, report, workbook: runOutputs.ts scenarioPart) when asked. Errors go back as
 * data, a UserError with its kind and exit code, so the command line reports them as it would without workers.
 */
import { parentPort } from "node:worker_threads";
import { setDefaultThreads } from "../cost/monteCarlo";
import { isUserError } from "../errors/userError";
import { runScenario } from "./runScenario";
import type { ScenarioJob, ScenarioJobResult } from "./parallelRuns";

// The scenarios already use the cores: one thread per scenario, no Monte Carlo pool inside a worker.
setDefaultThreads(1);

parentPort!.on("message", (job: ScenarioJob) => void answer(job).then((a) => parentPort!.postMessage(a)));

async function answer(job: ScenarioJob): Promise<ScenarioJobResult> {
  try {
    const run = runScenario(job.loaded, job.params, job.options);
    if (!job.outputs) return { index: job.index, run };
    // Loaded only when asked: the charts (vega, vega-lite) take a few hundred ms to load.
    const { scenarioPart } = await import("./runOutputs");
    return { index: job.index, run, part: await scenarioPart(run, job.outputs) };
  } catch (e) {
    return {
      index: job.index,
      error: isUserError(e) ? { message: e.message, kind: e.kind, exitCode: e.exitCode } : { message: e instanceof Error ? (e.stack ?? e.message) : String(e) },
    };
  }
}
