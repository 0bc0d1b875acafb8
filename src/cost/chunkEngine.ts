/**
 * The two halves of a Monte Carlo chunk, so that they can run in different threads with the same numbers as one thread:
 *  - uniforms: every input's next n uniforms from its own stream, in chunk order (the main thread; MT19937 is cheap,
 *    about a sixth of the work, and a stream cannot be entered in the middle without producing what comes before);
 *  - finish: the uniforms mapped in place to draws (inverse CDF), the scenario's rank correlations (Iman–Conover within
 *    the chunk) and the cost kernel (the main thread, or a worker: src/cost/mcWorker.ts).
 * It loads only the samplers and the kernel (what a worker needs), so a worker starts quickly.
 */
import type { MessagePort } from "node:worker_threads";
import { imposeRankCorrelation } from "../distributions/imanConover";
import { createSampler, primeTable, type Sampler } from "../distributions/sampler";
import type { DistSpec } from "../distributions/spec";
import type { CorrelationPlan } from "../inputs/correlations";
import { allocateComponents, CostScratch, evaluateCostChunk, type CostComponentArrays } from "./costKernel";
import type { CostLayout } from "./costProblem";

/** What the engine needs of a cost problem: every input's distribution, bounds and stream, and the kernel layout. */
export interface EngineModel {
  inputs: Array<{ spec: DistSpec; lower: number; upper: number; stream: string }>;
  layout: CostLayout;
  /** The scenario's rank correlations, if any. */
  correlation?: CorrelationPlan;
  /** Each input's sampling table (sampler.ts tableValues), so a worker reuses the main thread's tables. */
  tables?: Array<Float64Array | undefined>;
}

export class ChunkEngine {
  private readonly samplers: Sampler[];
  private readonly scratch: CostScratch;

  constructor(
    private readonly model: EngineModel,
    seed: number,
    readonly chunk: number,
  ) {
    model.tables?.forEach((t, j) => t && primeTable(model.inputs[j]!.spec, t));
    this.samplers = model.inputs.map((inp) => createSampler(inp.spec, seed, inp.stream, inp.lower, inp.upper));
    this.scratch = new CostScratch(chunk);
  }

  /** Column j of a chunk buffer (one chunk-long column per input, input after input). */
  column(buffer: Float64Array, j: number): Float64Array {
    return buffer.subarray(j * this.chunk, (j + 1) * this.chunk);
  }

  /** A buffer for one chunk's inputs, and its columns. */
  allocate(): { buffer: Float64Array; cols: Float64Array[] } {
    const buffer = new Float64Array(this.model.inputs.length * this.chunk);
    return { buffer, cols: this.model.inputs.map((_, j) => this.column(buffer, j)) };
  }

  /** The next n uniforms of every input's stream into its column. */
  uniforms(cols: ReadonlyArray<Float64Array>, n: number): void {
    this.samplers.forEach((s, j) => s.uniforms(cols[j]!, n));
  }

  /** Maps the uniforms to draws in place, applies the rank correlations and evaluates the kernel into out. */
  finish(cols: ReadonlyArray<Float64Array>, n: number, out: CostComponentArrays): void {
    this.samplers.forEach((s, j) => s.transform(cols[j]!, n));
    const c = this.model.correlation;
    if (c)
      imposeRankCorrelation(
        c.plan,
        c.columns.map((j) => cols[j]!),
        n,
      );
    evaluateCostChunk(this.model.layout, cols, n, out, this.scratch);
  }
}

/** The first message of a run to a worker: the model and what to send back. */
export interface WorkerTask {
  kind: "task";
  model: EngineModel;
  seed: number;
  chunk: number;
  detail: boolean;
}

/**
 * One chunk's uniforms (main → worker, with output arrays to reuse), or its draws and outputs (worker → main); the
 * buffers are transferred, not copied, and go back and forth (allocating fresh ones per chunk cost more than the
 * kernel's arithmetic). Or a worker's error.
 */
export interface ChunkMessage {
  kind: "chunk";
  start: number;
  n: number;
  buffer?: Float64Array;
  out?: CostComponentArrays;
  error?: string;
}

/** The worker's side: a task, then chunks, answered in the order they come; every answer wakes the main thread. */
export function workerLoop(port: MessagePort, signal: Int32Array): void {
  let task: WorkerTask | undefined;
  let engine: ChunkEngine | undefined;
  const send = (message: ChunkMessage, transfer: ArrayBuffer[] = []) => {
    port.postMessage(message, transfer);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  port.on("message", (m: WorkerTask | ChunkMessage) => {
    try {
      if (m.kind === "task") {
        task = m;
        engine = new ChunkEngine(m.model, m.seed, m.chunk);
        return;
      }
      if (!task || !engine || !m.buffer) throw new Error("chunk without a task");
      const cols = task.model.inputs.map((_, j) => engine!.column(m.buffer!, j));
      const out = m.out ?? allocateComponents(task.chunk, task.detail);
      engine.finish(cols, m.n, out);
      const transfer = [...Object.values(out), m.buffer].map((a) => (a as Float64Array).buffer as ArrayBuffer);
      send({ kind: "chunk", start: m.start, n: m.n, out, buffer: m.buffer }, transfer);
    } catch (e) {
      send({ kind: "chunk", start: m.kind === "chunk" ? m.start : -1, n: 0, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
}
