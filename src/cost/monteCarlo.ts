/**
 * Monte Carlo of the cost per agreement-year: sample every input from its seeded stream chunk by chunk, evaluate the
 * kernel, keep the net cost of every draw (for percentiles and charts), running sums of every component (for the
 * decomposition) and the first draws of each uncertain input (for rank correlation). Memory is O(draws) for the net
 * cost plus one chunk of inputs, whatever the number of inputs.
 *
 *   inputs -> seeded samplers (one stream per input, or shared: see ModelInput.stream) -> [chunk: sample -> kernel ->
 *   store net, add sums] -> MonteCarloResult
 *
 * Threads (--threads; default the machine's cores): the main thread draws every input's uniforms chunk after chunk
 * from its own stream (MT19937, about a sixth of the work, and a stream cannot be entered in the middle without
 * producing what comes before), a pool of workers (src/cost/mcWorker.ts) maps them to draws and evaluates the kernel
 * (src/cost/chunkEngine.ts), and the main thread adds up the chunks' outputs in chunk order. Every chunk therefore
 * sees the same uniforms and the same arithmetic whatever the thread count: the result is the same bit for bit. The
 * main thread waits for the workers synchronously (Atomics.wait + receiveMessageOnPort), so runMonteCarlo stays a
 * plain function. Runs of fewer than MC_PARALLEL_MIN_CHUNKS chunks, and runs from the TypeScript sources (tests: no
 * compiled worker file), stay in the main thread.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { CHUNK_SIZE, MC_CHUNKS_AHEAD_PER_THREAD, MC_MAX_THREADS, MC_PARALLEL_MIN_CHUNKS, MC_WORKER_STALL_MS, RANK_CORRELATION_MAX_DRAWS } from "../constants";
import { tableValues } from "../distributions/sampler";
import { isDegenerate } from "../distributions/spec";
import { ChunkEngine, type ChunkMessage, type EngineModel, type WorkerTask } from "./chunkEngine";
import { allocateComponents, COST_COMPONENTS, type CostComponentArrays } from "./costKernel";
import type { CostProblem } from "./costProblem";
import { streamOf } from "../inputs/modelInput";
import type { CostComponents } from "./deterministic";
import { scenarioCorrelationPlan } from "../inputs/correlations";

export interface MonteCarloOptions {
  draws: number;
  seed: number;
  /** Called after each chunk with the draws done so far. */
  onProgress?: (done: number, total: number) => void;
  /** Also compute the flow detail components (src/flows/), passed to onChunk. */
  detail?: boolean;
  /** Called after each chunk with the kernel's outputs and the input columns for draws start .. start + n − 1. */
  onChunk?: (out: CostComponentArrays, cols: ReadonlyArray<Float64Array>, n: number, start: number) => void;
  /** Threads to sample and evaluate in (default: defaultThreads()); the result does not depend on it. */
  threads?: number;
}

export interface MonteCarloResult {
  draws: number;
  seed: number;
  /** Net extra cost to folketrygden per agreement-year, one value per draw, in draw order. */
  net: Float64Array;
  /** Mean of every component over the draws. */
  means: CostComponents;
  /** The first min(draws, RANK_CORRELATION_MAX_DRAWS) draws of each uncertain input and of the net cost. */
  sample: { inputs: Array<{ name: string; label: string; sample: Float64Array }>; net: Float64Array };
  /** Worker threads that evaluated the draws (1: the main thread alone); the numbers do not depend on it. */
  threads: number;
}

let threadsSetting: number | undefined;

/** Sets the thread count used when a run does not give one (the CLI's --threads); undefined restores the default. */
export function setDefaultThreads(threads: number | undefined): void {
  threadsSetting = threads;
}

/** The thread count a run uses by default: the CLI's --threads, else the machine's cores, at most MC_MAX_THREADS. */
export function defaultThreads(): number {
  return threadsSetting ?? Math.max(1, Math.min(MC_MAX_THREADS, os.availableParallelism()));
}

const WORKER_FILE = path.join(__dirname, "mcWorker.js");

/** The worker pool, started on first use and kept (unref'd: it never holds the process open). */
interface PoolWorker {
  worker: Worker;
  port: MessagePort;
}
let pool: PoolWorker[] = [];
/** [0]: messages sent by all workers; the main thread waits on it. */
const signal = new Int32Array(new SharedArrayBuffer(4));

function workers(count: number): PoolWorker[] {
  while (pool.length < count) {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_FILE, { workerData: { port: port2, signal }, transferList: [port2] });
    worker.unref();
    pool.push({ worker, port: port1 });
  }
  return pool.slice(0, count);
}

/** Stops the pool (after a failure, so that no stale message is read by the next run). */
function stopPool(): void {
  for (const w of pool) {
    w.port.close();
    void w.worker.terminate();
  }
  pool = [];
}

/** The next message on port, waiting (blocking this thread) until its worker sends one. */
function receive(port: MessagePort): ChunkMessage {
  let waited = 0;
  const step = 1000;
  for (;;) {
    const seen = Atomics.load(signal, 0);
    const m = receiveMessageOnPort(port);
    if (m) {
      const msg = m.message as ChunkMessage;
      if (msg.error !== undefined) throw new Error(`Monte Carlo worker failed: ${msg.error}`);
      return msg;
    }
    if (Atomics.wait(signal, 0, seen, step) === "timed-out") waited += step;
    if (waited >= MC_WORKER_STALL_MS) throw new Error(`Monte Carlo worker sent nothing for ${MC_WORKER_STALL_MS / 1000} s`);
  }
}

export function runMonteCarlo(problem: CostProblem, opts: MonteCarloOptions): MonteCarloResult {
  const { draws, seed } = opts;
  const chunk = Math.min(CHUNK_SIZE, draws);
  const detail = opts.detail ?? false;
  const correlation = scenarioCorrelationPlan(problem.scenario, problem.inputs);
  const model: EngineModel = {
    inputs: problem.inputs.map((inp) => ({ spec: inp.spec, lower: inp.lower, upper: inp.upper, stream: streamOf(inp).stream })),
    layout: problem.layout,
    ...(correlation ? { correlation } : {}),
  };
  const engine = new ChunkEngine(model, seed, chunk);
  const net = new Float64Array(draws);
  // Neumaier-compensated sums per component (Neumaier 1974, doi:10.1002/zamm.19740540106).
  const sums = new Float64Array(COST_COMPONENTS.length);
  const comp = new Float64Array(COST_COMPONENTS.length);

  const keep = Math.min(draws, RANK_CORRELATION_MAX_DRAWS);
  // One sample per uncertain stream (inputs sharing a stream are perfectly rank-correlated: one factor).
  const seen = new Set<string>();
  const uncertain = problem.inputs
    .map((inp, j) => ({ inp, j, ...streamOf(inp) }))
    .filter(({ inp, stream }) => !isDegenerate(inp.spec) && !seen.has(stream) && seen.add(stream));
  const kept = uncertain.map(({ stream, label }) => ({ name: stream, label, sample: new Float64Array(keep) }));

  /** Adds chunk draws start … start + n − 1 (chunks in order) to the result. */
  const consume = (o: CostComponentArrays, cols: ReadonlyArray<Float64Array>, n: number, start: number): void => {
    opts.onChunk?.(o, cols, n, start);
    net.set(o.net.subarray(0, n), start);
    COST_COMPONENTS.forEach((c, k) => {
      const a = o[c];
      let s = sums[k]!;
      let e = comp[k]!;
      for (let i = 0; i < n; i++) {
        const v = a[i]!;
        const t = s + v;
        e += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
        s = t;
      }
      sums[k] = s;
      comp[k] = e;
    });
    if (start < keep) {
      const m = Math.min(n, keep - start);
      uncertain.forEach(({ j }, u) => kept[u]!.sample.set(cols[j]!.subarray(0, m), start));
    }
    opts.onProgress?.(start + n, draws);
  };

  const chunks = Math.ceil(draws / chunk);
  // Threads asked for explicitly are used from 2 chunks; the default only from MC_PARALLEL_MIN_CHUNKS.
  const asked = opts.threads ?? threadsSetting;
  const threads = Math.min(Math.max(1, Math.floor(asked ?? defaultThreads())), chunks);
  const parallel = threads > 1 && chunks >= (asked === undefined ? MC_PARALLEL_MIN_CHUNKS : 2) && fs.existsSync(WORKER_FILE);
  if (parallel) {
    runParallel(
      engine,
      { kind: "task", model: { ...model, tables: problem.inputs.map((inp) => tableValues(inp.spec)) }, seed, chunk, detail },
      draws,
      threads,
      consume,
    );
  } else {
    const { cols } = engine.allocate();
    const out = allocateComponents(chunk, detail);
    for (let start = 0; start < draws; start += chunk) {
      const n = Math.min(chunk, draws - start);
      engine.uniforms(cols, n);
      engine.finish(cols, n, out);
      consume(out, cols, n, start);
    }
  }
  const means = Object.fromEntries(COST_COMPONENTS.map((c, k) => [c, (sums[k]! + comp[k]!) / draws])) as CostComponents;
  return { draws, seed, net, means, sample: { inputs: kept, net: net.subarray(0, keep) }, threads: parallel ? threads : 1 };
}

/**
 * The main thread draws every chunk's uniforms in order and sends chunk k to worker k mod T, at most
 * MC_CHUNKS_AHEAD_PER_THREAD · T chunks ahead of the one it adds up next; the outputs are added up in chunk order.
 */
function runParallel(
  engine: ChunkEngine,
  task: WorkerTask,
  draws: number,
  threads: number,
  consume: (o: CostComponentArrays, cols: ReadonlyArray<Float64Array>, n: number, start: number) => void,
): void {
  const chunk = task.chunk;
  const chunks = Math.ceil(draws / chunk);
  const ws = workers(threads);
  const ahead = MC_CHUNKS_AHEAD_PER_THREAD * threads;
  // Buffers that came back, for the next chunks.
  const buffers: Float64Array[] = [];
  const outs: CostComponentArrays[] = [];
  try {
    for (const w of ws) w.port.postMessage(task);
    let sent = 0;
    for (let k = 0; k < chunks; k++) {
      for (; sent < chunks && sent - k < ahead; sent++) {
        const start = sent * chunk;
        const n = Math.min(chunk, draws - start);
        const buffer = buffers.pop() ?? engine.allocate().buffer;
        engine.uniforms(
          task.model.inputs.map((_, j) => engine.column(buffer, j)),
          n,
        );
        const out = outs.pop();
        const message: ChunkMessage = { kind: "chunk", start, n, buffer, ...(out ? { out } : {}) };
        const transfer = [buffer, ...(out ? Object.values(out) : [])].map((a) => (a as Float64Array).buffer as ArrayBuffer);
        ws[sent % threads]!.port.postMessage(message, transfer);
      }
      const m = receive(ws[k % threads]!.port);
      if (m.start !== k * chunk || !m.out || !m.buffer) throw new Error(`Monte Carlo worker sent draw ${m.start}, expected ${k * chunk}`);
      const buffer = m.buffer;
      consume(
        m.out,
        task.model.inputs.map((_, j) => engine.column(buffer, j)),
        m.n,
        m.start,
      );
      buffers.push(buffer);
      outs.push(m.out);
    }
  } catch (e) {
    stopPool();
    throw e;
  }
}
