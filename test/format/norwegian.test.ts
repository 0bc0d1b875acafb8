// Golden cases for the Norwegian number and date formats used in every table, chart and report.
import { describe, expect, test } from "vitest";
import { formatByUnit, formatDate, formatDateLong, formatMillNok, formatMonthYear, formatNok, formatNumber, formatPercent } from "../../src/format/norwegian";

/** Writes the expected strings with ordinary spaces and "-" for readability; the formats use U+00A0 and U+2212. */
const nb = (s: string) => s.replace(/ /g, "\u00a0").replace(/-/g, "\u2212");

describe("Norwegian number formats", () => {
  test("formatNok: whole kroner, no-break space every three digits, ' kr' after", () => {
    expect(formatNok(500000)).toBe(nb("500 000 kr"));
    expect(formatNok(449131.49)).toBe(nb("449 131 kr"));
    expect(formatNok(999.5)).toBe(nb("1 000 kr")); // rounds half up to the next thousand
    expect(formatNok(32_700_000)).toBe(nb("32 700 000 kr"));
    expect(formatNok(0)).toBe(nb("0 kr"));
    expect(formatNok(12)).toBe(nb("12 kr")); // no separator below 1 000
  });
  test("negative amounts carry the minus sign U+2212; a value that rounds to zero is 0, not −0", () => {
    expect(formatNok(-1234.4)).toBe(nb("-1 234 kr"));
    expect(formatNok(-1234.4)).toBe("\u22121\u00a0234\u00a0kr");
    expect(formatNok(-0.3)).toBe(nb("0 kr"));
    expect(formatNok(-0)).toBe(nb("0 kr"));
    expect(formatMillNok(-2_350_000)).toBe(nb("-2,4 mill. kr"));
    expect(formatPercent(-0.051)).toBe(nb("-5,1 %"));
    expect(formatNumber(-0.0001)).toBe("0");
  });
  test("decimal comma: millions with one decimal, percentages, plain numbers", () => {
    expect(formatMillNok(32_700_000)).toBe(nb("32,7 mill. kr"));
    expect(formatMillNok(27_150_000)).toBe(nb("27,2 mill. kr")); // 27.15 -> 27.2 (half away from zero)
    expect(formatMillNok(1_234_000_000)).toBe(nb("1 234,0 mill. kr"));
    expect(formatPercent(0.2247)).toBe(nb("22,5 %"));
    expect(formatPercent(0.5, 0)).toBe(nb("50 %"));
    expect(formatPercent(1)).toBe(nb("100,0 %"));
    expect(formatNumber(0.633)).toBe("0,633");
    expect(formatNumber(12500, 0)).toBe(nb("12 500"));
    expect(formatNumber(1.5, 2)).toBe("1,5"); // trailing zeros dropped
  });
  test("a number that is not finite throws instead of printing NaN into a report", () => {
    expect(() => formatNok(Number.NaN)).toThrow(/not finite/);
    expect(() => formatPercent(Infinity)).toThrow(/not finite/);
  });
  test("dates: 23.11.2026 and 3. november 2026", () => {
    expect(formatDate("2026-11-23")).toBe("23.11.2026");
    expect(formatDateLong("2026-11-03")).toBe("3. november 2026");
    expect(formatDateLong("2024-01-01")).toBe("1. januar 2024");
  });
  test('formatMonthYear("2023-08-25") is "august 2023"', () => {
    expect(formatMonthYear("2023-08-25")).toBe("august 2023");
    expect(formatMonthYear("2024-01-01")).toBe("januar 2024");
  });
  test("formatByUnit formats by the input's unit (the figures the issue found printed raw)", () => {
    expect(formatByUnit(0.815, "andel av full stilling")).toBe(nb("81,5 %"));
    expect(formatByUnit(41.551, "uker")).toBe("41,6");
    expect(formatByUnit(1573.348, "listeinnbyggere")).toBe(nb("1 573"));
    expect(formatByUnit(449131.4, "kr per avtaleår")).toBe(nb("449 131 kr"));
    expect(formatByUnit(0.05, "sannsynlighet")).toBe(nb("5,0 %"));
    expect(formatByUnit(1.234, "takster per konsultasjon")).toBe("1,23");
    expect(formatByUnit(1.2345, "ukjent enhet")).toBe("1,235"); // unknown unit: up to three decimals
  });
});
