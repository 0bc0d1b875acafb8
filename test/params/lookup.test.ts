import { describe, expect, test } from "vitest";
import { entriesOverSpan, entryAt, scalarAt, takstFile } from "../../src/params/lookup";
import { UserError } from "../../src/errors/userError";
import { realParams } from "../helpers";

describe("lookup by date in the bundled normaltariff", () => {
  const params = realParams();
  const t2ad = takstFile(params, "2ad");

  test("entryAt(2ad) switches at the 1 July tariff change", () => {
    const before = entryAt(t2ad.values, "2023-06-30", t2ad.file);
    const after = entryAt(t2ad.values, "2023-07-01", t2ad.file);
    expect(before.from).toBe("2022-07-01");
    expect(before.refusjon).toBe(15);
    expect(before.egenandel).toBe(160);
    expect(after.from).toBe("2023-07-01");
    expect(after.egenandel).toBe(170); // observed in price lists from 1 July 2023
  });

  test("entriesOverSpan(calendar year 2023) weights the two tariff periods by their days", () => {
    const parts = entriesOverSpan(t2ad.values, "2023-01-01", "2024-01-01", t2ad.file);
    expect(parts.map((p) => p.entry.from)).toEqual(["2022-07-01", "2023-07-01"]);
    expect(parts[0]!.weight).toBeCloseTo(181 / 365, 12);
    expect(parts[1]!.weight).toBeCloseTo(184 / 365, 12);
  });

  test("a date outside every takst period is a UserError naming the file, the date and the periods", () => {
    expect(() => entryAt(t2ad.values, "2040-01-01", t2ad.file)).toThrowError(UserError);
    expect(() => entryAt(t2ad.values, "2040-01-01", t2ad.file)).toThrowError(
      /data\/params\/normaltariff\/2ad\.yaml: no value for 2040-01-01; its periods cover 2021-07-01 – 2022-06-30/,
    );
    expect(() => entriesOverSpan(t2ad.values, "2027-01-01", "2028-01-01", t2ad.file)).toThrowError(/no value for 2027-07-01/);
  });

  test("scalarAt(egenandelstak) is looked up by calendar year", () => {
    expect(scalarAt(params, "egenandelstak", "2022-06-01")).toBe(2921);
    expect(scalarAt(params, "egenandelstak", "2023-12-31")).toBe(3040);
    expect(scalarAt(params, "egenandelstak", "2024-01-01")).toBe(3165);
  });

  test("the budget figures are 65 agreements, 500 000 kr and 32.7 mill. kr", () => {
    expect(scalarAt(params, "budget/max_agreements", "2024-01-01")).toBe(65);
    expect(scalarAt(params, "budget/hod_estimate_per_agreement", "2024-01-01")).toBe(500_000);
    expect(scalarAt(params, "budget/kap2755_post70_introduksjonsavtaler", "2022-01-01")).toBe(32_700_000);
  });
});
