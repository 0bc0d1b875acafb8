// Results as danfojs DataFrames (issue 17): the plain columns by hand, and the frame's shape and statistics.
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { frameColumns, toDataFrame } from "../../src/export/dataFrames";
import type { TornadoRow } from "../../src/analysis/tornado";

const TORNADO: TornadoRow[] = [
  {
    name: "substitutionShare",
    label: "Substitusjonsandel",
    unit: "andel",
    inputLow: 0.2,
    inputHigh: 0.6,
    outputAtLow: 600_000,
    outputAtHigh: 300_000,
    swing: 300_000,
  },
  { name: "fte", label: "Stillingsprosent", unit: "andel", inputLow: 0.6, inputHigh: 1, outputAtLow: 350_000, outputAtHigh: 500_000, swing: 150_000 },
];

describe("frameColumns", () => {
  test('frameColumns("draws", net) numbers the draws from 0 and keeps the values', () => {
    expect(frameColumns("draws", new Float64Array([5, 7, 9]))).toEqual({ draw: [0, 1, 2], netCostNok: [5, 7, 9] });
  });
  test('frameColumns("tornado", rows) has one column per field and one row per factor, in order', () => {
    const cols = frameColumns("tornado", TORNADO);
    expect(Object.keys(cols)).toEqual(["name", "label", "unit", "inputLow", "inputHigh", "outputAtLow", "outputAtHigh", "swing"]);
    expect(cols.swing).toEqual([300_000, 150_000]);
  });
  test("every column of any frame has as many values as there are rows", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), { maxLength: 50 }), (xs) => {
        const cols = frameColumns("draws", xs);
        return Object.values(cols).every((c) => c.length === xs.length);
      }),
    );
  });
});

describe("toDataFrame", () => {
  test('toDataFrame("draws", net) has shape [draws, 2] and its mean is the mean of the draws', () => {
    // mean of 100, 200, 600 = 900 / 3 = 300 (hand arithmetic)
    const df = toDataFrame("draws", new Float64Array([100, 200, 600]));
    expect(df.shape).toEqual([3, 2]);
    expect(df.columns).toEqual(["draw", "netCostNok"]);
    expect(df.column("netCostNok").mean()).toBe(300);
  });
  test('toDataFrame("tornado", rows) groups by unit: the two "andel" factors swing 450 000 kr together', () => {
    const df = toDataFrame("tornado", TORNADO);
    const sums = df.groupby(["unit"]).col(["swing"]).sum();
    // 300 000 + 150 000 = 450 000
    expect(sums.column("swing_sum").values).toEqual([450_000]);
  });
});
