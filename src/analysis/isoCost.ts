/**
 * Iso-cost: for two inputs, the contour along which the cost per agreement-year equals the target (the others at
 * their central values), over both inputs' ranges, with the probability that the cost exceeds the target in each cell
 * of the plane (the other inputs drawn) and the scenario's central point. "How much substitution and how many
 * consultations make HOD's figure right."
 *
 *   y on a grid over its range -> solve x with cost(x, y) = target (Brent, nearest the central x) -> contour points
 *   cell centres (x, y) × draws of the others -> share of draws above the target -> shading
 */
import { UserError } from "../errors/userError";
import { checkTarget, solveNearest } from "./breakEven";
import { centralCols, factorValue, pickFactors, sampleInputs, setFactor, type CostModel, type Factor } from "./costModel";
import { ISO_COST_CONTOUR_POINTS, ISO_COST_SHADING_CELLS, ISO_COST_SHADING_DRAWS } from "./decisionConstants";

export interface IsoCostAxis {
  name: string;
  label: string;
  unit: string;
  low: number;
  high: number;
  central: number;
}

export interface IsoCostResult {
  target: number;
  x: IsoCostAxis;
  y: IsoCostAxis;
  /** Points (x, y) where the output equals the target, ordered by y; y values with no solution are left out. */
  contour: Array<{ x: number; y: number }>;
  /** Cells of the plane with the share of draws of the other inputs in which the output exceeds the target. */
  cells: Array<{ x0: number; x1: number; y0: number; y1: number; x: number; y: number; pExceed: number }>;
  /** The scenario's central point and the output there. */
  central: { x: number; y: number; output: number };
  draws: number;
  seed: number;
}

export interface IsoCostOptions {
  target: number;
  x: string;
  y: string;
  seed: number;
  /** Draws of the other inputs per shaded cell (0: no shading). */
  draws?: number;
  cells?: number;
  points?: number;
  where?: { target?: string; inputs?: string };
}

function axis(f: Factor): IsoCostAxis {
  return { name: f.name, label: f.label, unit: f.unit, low: factorValue(f, f.low), high: factorValue(f, f.high), central: factorValue(f, f.central) };
}

export function isoCost(model: CostModel, opts: IsoCostOptions): IsoCostResult {
  checkTarget(opts.target, opts.where?.target);
  const where = opts.where?.inputs ?? "inputs";
  const [fx, fy] = pickFactors(model.inputs, [opts.x, opts.y], where) as [Factor, Factor];
  if (fx.name === fy.name)
    throw new UserError(
      "flag",
      where,
      `the two inputs of an iso-cost chart must differ; both are "${fx.name}" (choose e.g. substitutionShare and consultationsPerWeekFullTime)`,
    );
  const target = opts.target;

  // Contour: for each y on a grid, the x where the output equals the target (others central).
  const points = opts.points ?? ISO_COST_CONTOUR_POINTS;
  const contour: IsoCostResult["contour"] = [];
  for (let j = 0; j < points; j++) {
    const ty = fy.low + ((fy.high - fy.low) * j) / (points - 1);
    const gGrid = (ts: Float64Array) => {
      const cols = centralCols(model.inputs, ts.length);
      setFactor(cols, fy, ty, 0, ts.length);
      ts.forEach((t, i) => setFactor(cols, fx, t, i, i + 1));
      return model.evaluate(cols, ts.length).map((v) => v - target);
    };
    const tx = solveNearest((t) => gGrid(Float64Array.of(t))[0]!, gGrid, fx.low, fx.high, fx.central);
    if (tx !== null) contour.push({ x: factorValue(fx, tx), y: factorValue(fy, ty) });
  }

  // Shading: the share of draws of the other inputs above the target at each cell's centre.
  const n = opts.draws ?? ISO_COST_SHADING_DRAWS;
  const m = opts.cells ?? ISO_COST_SHADING_CELLS;
  const cells: IsoCostResult["cells"] = [];
  if (n > 0) {
    const draws = sampleInputs(model.inputs, n, opts.seed);
    const edge = (f: Factor, i: number) => f.low + ((f.high - f.low) * i) / m;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        const tx = (edge(fx, i) + edge(fx, i + 1)) / 2;
        const ty = (edge(fy, j) + edge(fy, j + 1)) / 2;
        setFactor(draws, fx, tx, 0, n);
        setFactor(draws, fy, ty, 0, n);
        const out = model.evaluate(draws, n);
        let above = 0;
        for (let k = 0; k < n; k++) if (out[k]! > target) above++;
        cells.push({
          x0: factorValue(fx, edge(fx, i)),
          x1: factorValue(fx, edge(fx, i + 1)),
          y0: factorValue(fy, edge(fy, j)),
          y1: factorValue(fy, edge(fy, j + 1)),
          x: factorValue(fx, tx),
          y: factorValue(fy, ty),
          pExceed: above / n,
        });
      }
    }
  }
  const cc = centralCols(model.inputs, 1);
  return {
    target,
    x: axis(fx),
    y: axis(fy),
    contour,
    cells,
    central: { x: factorValue(fx, fx.central), y: factorValue(fy, fy.central), output: model.evaluate(cc, 1)[0]! },
    draws: n,
    seed: opts.seed,
  };
}
