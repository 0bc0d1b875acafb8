import { describe, expect, test } from "vitest";
import { formatMillNok, formatNok, formatNumber, formatPercent } from "../../src/format/norwegian";

const nb = (s: string) => s.replace(/ /g, "\u00a0");

describe("Norwegian number formats", () => {
  test("formatNok rounds to whole kroner with no-break spaces: 500 000 kr", () => {
    expect(formatNok(500000)).toBe(nb("500 000 kr"));
    expect(formatNok(449131.49)).toBe(nb("449 131 kr"));
    expect(formatNok(-1234.4)).toBe("\u22121\u00a0234\u00a0kr"); // Intl's nb-NO minus sign is U+2212
  });
  test("formatMillNok, formatPercent and formatNumber use a decimal comma", () => {
    expect(formatMillNok(32_700_000)).toBe(nb("32,7 mill. kr"));
    expect(formatPercent(0.2247)).toBe(nb("22,5 %"));
    expect(formatNumber(0.633)).toBe("0,633");
  });
});
