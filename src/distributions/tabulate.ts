/**
 * A quantile function tabulated on a u-grid of G cells and interpolated linearly, with the outermost TAIL_CELLS cells
 * at each end (where quantile functions curve most) evaluated exactly. The table is plain data so the sampler's
 * hot loop can interpolate inline.
 */
import { QUANTILE_GRID_INTERVALS, QUANTILE_TAIL_CELLS as TAIL_CELLS } from "../constants";

export interface QuantileTable {
  /** Q(j / cells) for j = TAIL_CELLS … cells − TAIL_CELLS (other entries unused). */
  table: Float64Array;
  cells: number;
  /** u below lo or at/above hi is evaluated with `exact`. */
  lo: number;
  hi: number;
  exact: (u: number) => number;
}

/** @param values a table computed before for the same `exact` and `cells` (kept as is) */
export function tabulate(exact: (u: number) => number, cells: number = QUANTILE_GRID_INTERVALS, values?: Float64Array): QuantileTable {
  const table = values ?? new Float64Array(cells + 1);
  if (!values) for (let j = TAIL_CELLS; j <= cells - TAIL_CELLS; j++) table[j] = exact(j / cells);
  return { table, cells, lo: TAIL_CELLS / cells, hi: (cells - TAIL_CELLS) / cells, exact };
}

/** Evaluates a tabulated quantile at u (the same arithmetic the sampler inlines). */
export function evaluateTable(t: QuantileTable, u: number): number {
  if (u < t.lo || u >= t.hi) return t.exact(u);
  const x = u * t.cells;
  const j = x | 0;
  const a = t.table[j]!;
  return a + (t.table[j + 1]! - a) * (x - j);
}
