/**
 * Results as danfojs DataFrames, for notebooks: draws, assumptions, tornado, budget path and register indicators, one
 * row per thing and one column per quantity (English column names, numbers unrounded), ready for `print()`,
 * `describe()` and `groupby()`.
 *
 * results -> frameColumns (plain column arrays, tested without danfojs) -> new DataFrame(columns)
 *
 * danfojs-node is loaded on first use only: it pulls in TensorFlow.js (about a second), which the CLI never needs.
 */
import type * as Danfo from "danfojs-node";
import type { AssumptionRow } from "../analysis/runCost";
import type { TornadoRow } from "../analysis/tornado";
import type { BudgetProjection } from "../budget/projectBudget";
import type { IndicatorValues, IndicatorsReport } from "../register/indicators";

/** Columns of a frame: name -> one value per row (all columns the same length). */
export type FrameColumns = Record<string, Array<number | string | boolean | null>>;

/** What toDataFrame can turn into a frame, by kind. */
export interface FrameSources {
  /** Net cost per agreement-year per draw (CostRun.net, draw order). Columns: draw, netCostNok. */
  draws: Float64Array | readonly number[];
  /** CostReport.assumptions: one row per input. */
  assumptions: readonly AssumptionRow[];
  /** CostReport.tornado.rows: one row per factor, largest swing first. */
  tornado: readonly TornadoRow[];
  /** ScenarioResults.budget: one row per budget year. */
  budget: BudgetProjection;
  /** registerIndicators(...): one row per group (overall, by agreement, kommune, helseregion, start year). */
  indicators: IndicatorsReport;
}
export type FrameKind = keyof FrameSources;

function rowsToColumns<R extends object>(rows: readonly R[], pick: (r: R) => Record<string, number | string | boolean | null>): FrameColumns {
  const out: FrameColumns = {};
  rows.forEach((row, i) => {
    for (const [key, value] of Object.entries(pick(row))) {
      // a column first seen in a later row is padded with nulls above it
      (out[key] ??= new Array<number | string | boolean | null>(i).fill(null)).push(value);
    }
  });
  return out;
}

const indicatorRow = (group: string, key: string, v: IndicatorValues): Record<string, number | string | boolean | null> => ({ group, key, ...v });

/** The plain columns of the frame of one kind (what toDataFrame wraps; a DataFrame-free function for tests). */
export function frameColumns<K extends FrameKind>(kind: K, source: FrameSources[K]): FrameColumns {
  switch (kind) {
    case "draws": {
      const net = Array.from(source as FrameSources["draws"]);
      return { draw: net.map((_, i) => i), netCostNok: net };
    }
    case "assumptions":
      return rowsToColumns(source as FrameSources["assumptions"], (r) => ({ ...r }));
    case "tornado":
      return rowsToColumns(source as FrameSources["tornado"], (r) => ({ ...r }));
    case "budget":
      return rowsToColumns((source as FrameSources["budget"]).years, (y) => ({
        year: y.year,
        prices: y.prices,
        simulatedMonths: y.simulatedMonths,
        agreementYearsP10: y.agreementYears.p10,
        agreementYearsP50: y.agreementYears.p50,
        agreementYearsP90: y.agreementYears.p90,
        meanNok: y.nok.mean,
        p10Nok: y.nok.p10,
        p50Nok: y.nok.p50,
        p85Nok: y.nok.p85,
        p90Nok: y.nok.p90,
        budgetLineNok: y.budgetLineNok,
        shareAboveLine: y.shareAboveLine,
      }));
    case "indicators": {
      const ind = source as FrameSources["indicators"];
      const groups: Array<[string, Record<string, IndicatorValues>]> = [
        ["agreement", ind.byAgreement],
        ["kommune", ind.byKommune],
        ["helseregion", ind.byHelseregion],
        ["startYear", ind.byStartYear],
      ];
      const rows = [
        indicatorRow("overall", "alle", ind.overall),
        ...groups.flatMap(([g, byKey]) => Object.entries(byKey).map(([k, v]) => indicatorRow(g, k, v))),
      ];
      return rowsToColumns(rows, (r) => r);
    }
    default:
      throw new Error(`frameColumns: unknown kind ${String(kind)}`);
  }
}

/**
 * A danfojs DataFrame of one kind of result, e.g. `toDataFrame("draws", run.net).describe().print()` or
 * `toDataFrame("indicators", report).groupby(["group"]).col(["doctors"]).sum()`.
 */
export function toDataFrame<K extends FrameKind>(kind: K, source: FrameSources[K]): Danfo.DataFrame {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: TensorFlow.js loads only when a frame is asked for
  const dfd = require("danfojs-node") as typeof Danfo;
  return new dfd.DataFrame(frameColumns(kind, source));
}
