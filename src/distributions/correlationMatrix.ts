/**
 * Checks and conversions of correlation matrices (small: one row per correlated input), on ml-matrix:
 *  - isPositiveSemidefinite: smallest eigenvalue >= −CORRELATION_PSD_TOLERANCE;
 *  - firstBreakingPair: adds the pairs one by one, in the order given, and returns the first that makes the matrix
 *    non-PSD (the pair a message can name);
 *  - nearestCorrelationMatrix: Higham's alternating projections with Dykstra's correction (Higham 2002,
 *    doi:10.1093/imanum/22.3.329);
 *  - spearmanToPearson: the Pearson correlation of a bivariate normal with Spearman ρ, r = 2 sin(π ρ / 6)
 *    (Pearson 1907; Kruskal 1958, doi:10.1080/01621459.1958.10501472), so normal scores with Pearson r have rank
 *    correlation ρ;
 *  - psdFactor: P with P Pᵀ = C from the eigendecomposition (works for singular C, where Cholesky does not).
 */
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { CORRELATION_PSD_TOLERANCE, NEAREST_CORRELATION_MAX_ITERATIONS, NEAREST_CORRELATION_TOLERANCE } from "../constants";

/** A correlation between two inputs (indices into the matrix's names). */
export interface IndexedPair {
  i: number;
  j: number;
  rho: number;
}

/** The smallest eigenvalue of a symmetric matrix. */
export function smallestEigenvalue(c: ReadonlyArray<ReadonlyArray<number>>): number {
  if (c.length === 0) return 1;
  const e = new EigenvalueDecomposition(new Matrix(c.map((r) => [...r])), { assumeSymmetric: true });
  return Math.min(...e.realEigenvalues);
}

export function isPositiveSemidefinite(c: ReadonlyArray<ReadonlyArray<number>>): boolean {
  return smallestEigenvalue(c) >= -CORRELATION_PSD_TOLERANCE;
}

/** The k×k identity with the given pairs set symmetrically. */
export function matrixFromPairs(k: number, pairs: ReadonlyArray<IndexedPair>): number[][] {
  const c = Array.from({ length: k }, (_, r) => Array.from({ length: k }, (_, s): number => (r === s ? 1 : 0)));
  for (const { i, j, rho } of pairs) {
    c[i]![j] = rho;
    c[j]![i] = rho;
  }
  return c;
}

/** The index (into `pairs`) of the first pair whose addition makes the matrix non-PSD, or −1 when all fit. */
export function firstBreakingPair(k: number, pairs: ReadonlyArray<IndexedPair>): number {
  for (let p = 0; p < pairs.length; p++) if (!isPositiveSemidefinite(matrixFromPairs(k, pairs.slice(0, p + 1)))) return p;
  return -1;
}

/** Projection onto the PSD cone: negative eigenvalues set to zero. */
function projectPsd(a: Matrix): Matrix {
  const e = new EigenvalueDecomposition(a, { assumeSymmetric: true });
  const v = e.eigenvectorMatrix;
  const d = Matrix.diag(e.realEigenvalues.map((x) => Math.max(x, 0)));
  return v.mmul(d).mmul(v.transpose());
}

/**
 * The nearest correlation matrix in the Frobenius norm (Higham 2002, Algorithm 3.3 with W = I): alternate the
 * projections onto the PSD cone and onto unit-diagonal matrices, with Dykstra's correction, until the iterate stops
 * moving. The result is then nudged to a smallest eigenvalue of at least 0 (clipping rounding noise).
 */
export function nearestCorrelationMatrix(c: ReadonlyArray<ReadonlyArray<number>>): number[][] {
  const k = c.length;
  let y = new Matrix(c.map((r) => [...r]));
  let ds = Matrix.zeros(k, k);
  for (let it = 0; it < NEAREST_CORRELATION_MAX_ITERATIONS; it++) {
    const r = y.clone().sub(ds);
    const x = projectPsd(r);
    ds = x.clone().sub(r);
    const next = x.clone();
    for (let d = 0; d < k; d++) next.set(d, d, 1);
    const moved = next.clone().sub(y).norm("frobenius") / Math.max(1, y.norm("frobenius"));
    y = next;
    if (moved < NEAREST_CORRELATION_TOLERANCE) break;
  }
  // Symmetrise and clip: the last unit-diagonal projection can leave an eigenvalue at −1e−12.
  const out = y.to2DArray().map((row, i) => row.map((v, j) => (i === j ? 1 : (v + y.get(j, i)) / 2)));
  if (!isPositiveSemidefinite(out)) {
    const p = projectPsd(new Matrix(out));
    const s = p.diag().map(Math.sqrt);
    return p.to2DArray().map((row, i) => row.map((v, j) => (i === j ? 1 : v / (s[i]! * s[j]!))));
  }
  return out;
}

/** r = 2 sin(π ρ / 6): the normal-score Pearson correlation that gives Spearman ρ. */
export function spearmanToPearson(rho: number): number {
  return 2 * Math.sin((Math.PI * rho) / 6);
}

/** ρ = (6 / π) asin(r / 2): the Spearman correlation of a bivariate normal with Pearson r. */
export function pearsonToSpearman(r: number): number {
  return (6 / Math.PI) * Math.asin(r / 2);
}

/** P (k×k, row-major) with P Pᵀ = C, as V √Λ from the eigendecomposition (negative rounding eigenvalues as 0). */
export function psdFactor(c: ReadonlyArray<ReadonlyArray<number>>): Float64Array {
  const k = c.length;
  const e = new EigenvalueDecomposition(new Matrix(c.map((r) => [...r])), { assumeSymmetric: true });
  const v = e.eigenvectorMatrix;
  const out = new Float64Array(k * k);
  e.realEigenvalues.forEach((lambda, col) => {
    const s = Math.sqrt(Math.max(lambda, 0));
    for (let row = 0; row < k; row++) out[row * k + col] = v.get(row, col) * s;
  });
  return out;
}
