/**
 * A model input: one named uncertain (or fixed) quantity with its distribution and bounds. Scenario inputs and
 * uncertain data values (a takst's refusjon written as a trippelestimat) are both model inputs, so Monte Carlo,
 * the tornado and rank correlation treat them alike.
 */
import type { DistSpec } from "../distributions/spec";

export interface ModelInput {
  /** Unique name: a scenario input ("substitutionShare") or a data value ("takst.2ad.refusjon@2023-07-01"). */
  name: string;
  /** Norwegian label for tables and charts. */
  label: string;
  unit: string;
  spec: DistSpec;
  /** Bounds draws are clamped to (relevant for normal/lognormal specs of bounded quantities). */
  lower: number;
  upper: number;
  origin: "scenario" | "data";
  /**
   * Inputs with the same stream are drawn from the same uniforms (perfectly rank-correlated) and act as one factor in
   * the tornado and the rank correlation: the periods of one uncertain takst value, which are estimated by chaining
   * the tariff regulations and so are high or low together. Default: the input's own name.
   */
  stream?: string;
  /** Norwegian label of the stream when it differs from the input's (e.g. without the period). */
  streamLabel?: string;
  /** Where the value is documented: the scenario's reason/source, or the data file. */
  source?: string;
}

/** A value that is a constant plus a weighted sum of model inputs (e.g. a takst averaged over two tariff periods). */
export interface LinearTerm {
  constant: number;
  parts: Array<{ index: number; weight: number }>;
}

/** The stream an input draws from, and its label. */
export function streamOf(inp: ModelInput): { stream: string; label: string } {
  return { stream: inp.stream ?? inp.name, label: inp.streamLabel ?? inp.label };
}

/** Writes the term's value for draws 0..n-1 into `out`. */
export function evaluateTerm(term: LinearTerm, cols: ReadonlyArray<Float64Array>, n: number, out: Float64Array): Float64Array {
  out.fill(term.constant, 0, n);
  for (const { index, weight } of term.parts) {
    const col = cols[index]!;
    for (let i = 0; i < n; i++) out[i]! += weight * col[i]!;
  }
  return out;
}
