// The report's assumptions table shows each value by its unit: shares as per cent, kroner whole, weeks with one
// decimal, persons whole (issue 17: "0,815", "41,551" and "1 573,348 listeinnbyggere" were printed raw).
import { describe, expect, test } from "vitest";
import type { AssumptionRow, CostReport } from "../../src/analysis/runCost";
import { assumptionsTableView } from "../../src/report/costTables";

const row = (name: string, unit: string, central: number, p10: number, p90: number): AssumptionRow => ({
  name,
  label: name,
  unit,
  distribution: "trippelestimat 0.5 / 1 / 1 (PERT)",
  central,
  p10,
  p90,
  origin: "scenario",
  source: "test",
});

describe("assumptionsTableView(report)", () => {
  const rows = [
    row("stillingsprosent", "andel av full stilling", 1, 0.815, 0.99),
    row("weeks", "uker per år", 43, 41.551, 44.5),
    row("patients", "listeinnbyggere", 1200, 1573.348, 1899.5),
    row("takst", "kr", 74, 73.459, 74.933),
  ];
  const table = assumptionsTableView(Object.freeze({ assumptions: rows }) as unknown as CostReport);
  const cells = (name: string) => table.rows.find((r) => r[0] === name)!.slice(3, 6);

  test("formats a share as per cent with one decimal: 0.815 -> 81,5 % (the fraction × 100)", () => {
    expect(cells("stillingsprosent")).toEqual(["100,0\u00a0%", "81,5\u00a0%", "99,0\u00a0%"]);
  });
  test("formats weeks with one decimal: 41.551 -> 41,6", () => {
    expect(cells("weeks")).toEqual(["43", "41,6", "44,5"]); // at most one decimal
  });
  test("formats persons whole: 1573.348 -> 1 573, and 1899.5 rounds to 1 900", () => {
    expect(cells("patients")).toEqual(["1\u00a0200", "1\u00a0573", "1\u00a0900"]);
  });
  test("formats kroner whole with the unit: 73.459 -> 73 kr", () => {
    expect(cells("takst")).toEqual(["74\u00a0kr", "73\u00a0kr", "75\u00a0kr"]);
  });
  test("writes the distribution's decimals with a decimal comma", () => {
    expect(table.rows[0]![2]).toBe("trippelestimat 0,5 / 1 / 1 (PERT)");
  });
});
