/**
 * Monte Carlo of the cost per agreement-year: sample every input from its seeded stream chunk by chunk, evaluate the
 * kernel, keep the net cost of every draw (for percentiles and charts), running sums of every component (for the
 * decomposition) and the first draws of each uncertain input (for rank correlation). Memory is O(draws) for the net
 * cost plus one chunk of inputs, whatever the number of inputs.
 *
 *   inputs -> seeded samplers (one stream per input, or shared: see ModelInput.stream) -> [chunk: sample -> kernel ->
 *   store net, add sums] -> MonteCarloResult
 */
import { CHUNK_SIZE, RANK_CORRELATION_MAX_DRAWS } from "../constants";
import { createSampler } from "../distributions/sampler";
import { isDegenerate } from "../distributions/spec";
import { allocateComponents, COST_COMPONENTS, CostScratch, evaluateCostChunk, type CostComponentArrays } from "./costKernel";
import type { CostProblem } from "./costProblem";
import { streamOf } from "../inputs/modelInput";
import type { CostComponents } from "./deterministic";
import { scenarioCorrelationStep } from "../inputs/correlations";

export interface MonteCarloOptions {
  draws: number;
  seed: number;
  /** Called after each chunk with the draws done so far. */
  onProgress?: (done: number, total: number) => void;
  /** Also compute the flow detail components (src/flows/), passed to onChunk. */
  detail?: boolean;
  /** Called after each chunk with the kernel's outputs and the input columns for draws start .. start + n − 1. */
  onChunk?: (out: CostComponentArrays, cols: ReadonlyArray<Float64Array>, n: number, start: number) => void;
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
}

export function runMonteCarlo(problem: CostProblem, opts: MonteCarloOptions): MonteCarloResult {
  const { draws, seed } = opts;
  const chunk = Math.min(CHUNK_SIZE, draws);
  const samplers = problem.inputs.map((inp) => createSampler(inp.spec, seed, streamOf(inp).stream, inp.lower, inp.upper));
  const cols = problem.inputs.map(() => new Float64Array(chunk));
  // Rank correlations (Iman–Conover within each chunk): reorders the correlated inputs' draws, values unchanged.
  const correlate = scenarioCorrelationStep(problem.scenario, problem.inputs);
  const out = allocateComponents(chunk, opts.detail ?? false);
  const scratch = new CostScratch(chunk);
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

  for (let start = 0; start < draws; start += chunk) {
    const n = Math.min(chunk, draws - start);
    for (let j = 0; j < samplers.length; j++) samplers[j]!.fill(cols[j]!, n);
    correlate?.(cols, n);
    evaluateCostChunk(problem.layout, cols, n, out, scratch);
    opts.onChunk?.(out, cols, n, start);
    net.set(out.net.subarray(0, n), start);
    COST_COMPONENTS.forEach((c, k) => {
      const a = out[c];
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
  }
  const means = Object.fromEntries(COST_COMPONENTS.map((c, k) => [c, (sums[k]! + comp[k]!) / draws])) as CostComponents;
  return { draws, seed, net, means, sample: { inputs: kept, net: net.subarray(0, keep) } };
}
