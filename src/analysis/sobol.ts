/**
 * Variance-based global sensitivity: Sobol first-order (S1) and total-effect (ST) indices, estimated from two
 * independent sample matrices A and B and the k matrices A_B^i (A with column i taken from B):
 *   S1_i = mean( f(B) · (f(A_B^i) − f(A)) ) / V          (Saltelli et al. 2010, doi:10.1016/j.cpc.2009.09.018)
 *   ST_i = mean( (f(A) − f(A_B^i))² ) / (2 V)           (Jansen 1999, doi:10.1016/S0010-4655(98)00154-4)
 * with V the variance of f over A and B together. Cost: N (k + 2) model evaluations. A factor is a set of inputs
 * driven by the same uniform (one stream, e.g. a takst's tariff periods); each member maps it through its own quantile.
 * Known-answer check (test/analysis/sobol.test.ts): the Ishigami function.
 */
import { Mt19937 } from "../distributions/mt19937";
import { streamSeed } from "../distributions/seed";

export interface SobolFactor {
  name: string;
  label: string;
  /** Input columns this factor drives, each with the quantile function mapping the factor's uniform to the input. */
  members: Array<{ column: number; quantile: (u: number) => number }>;
}

export interface SobolIndex {
  name: string;
  label: string;
  firstOrder: number;
  total: number;
}

/**
 * @param central  the value of every input column when no factor sets it (degenerate inputs)
 * @param evaluate the model at n points given as input columns
 */
export function sobolIndices(
  factors: ReadonlyArray<SobolFactor>,
  central: ReadonlyArray<number>,
  evaluate: (cols: Float64Array[], n: number) => Float64Array,
  opts: { samples: number; seed: number },
): { variance: number; indices: SobolIndex[] } {
  const N = opts.samples;
  // Uniforms for A and B, one independent stream per factor and matrix.
  const uniforms = (tag: string) =>
    factors.map((f) => {
      const rng = new Mt19937(streamSeed(opts.seed, `sobol.${tag}.${f.name}`));
      const u = new Float64Array(N);
      rng.fillUniform(u);
      return u;
    });
  const uA = uniforms("A");
  const uB = uniforms("B");
  const columnsFor = (pick: (factor: number) => Float64Array) => {
    const cols = central.map((c) => new Float64Array(N).fill(c));
    factors.forEach((f, j) => {
      const u = pick(j);
      for (const m of f.members) {
        const col = cols[m.column]!;
        for (let i = 0; i < N; i++) col[i] = m.quantile(u[i]!);
      }
    });
    return cols;
  };
  const fA = evaluate(
    columnsFor((j) => uA[j]!),
    N,
  ).slice();
  const fB = evaluate(
    columnsFor((j) => uB[j]!),
    N,
  ).slice();
  let mean = 0;
  for (let i = 0; i < N; i++) mean += fA[i]! + fB[i]!;
  mean /= 2 * N;
  let V = 0;
  for (let i = 0; i < N; i++) V += (fA[i]! - mean) ** 2 + (fB[i]! - mean) ** 2;
  V /= 2 * N - 1;
  const indices = factors.map((f, j) => {
    const fAB = evaluate(
      columnsFor((m) => (m === j ? uB[m]! : uA[m]!)),
      N,
    );
    let s1 = 0;
    let st = 0;
    for (let i = 0; i < N; i++) {
      s1 += fB[i]! * (fAB[i]! - fA[i]!);
      st += (fA[i]! - fAB[i]!) ** 2;
    }
    return { name: f.name, label: f.label, firstOrder: V > 0 ? s1 / N / V : 0, total: V > 0 ? st / (2 * N) / V : 0 };
  });
  indices.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  return { variance: V, indices };
}
