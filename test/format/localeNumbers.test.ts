// Golden cases for the number formats by language (--lang nb|en).
import { describe, expect, test } from "vitest";
import { numberFormats } from "../../src/format/localeNumbers";

/** Expected strings written with ordinary spaces and "-"; the formats use U+00A0 and (nb) U+2212. */
const nbs = (s: string) => s.replace(/ /g, "\u00a0").replace(/-/g, "\u2212");
const ens = (s: string) => s.replace(/ /g, "\u00a0");

describe("numberFormats(lang)", () => {
  test("nb: 500 000 kr, 12,5 %, 32,7 mill. kr, 313,1 kr, 0,633", () => {
    const f = numberFormats("nb");
    expect(f.nok(500_000)).toBe(nbs("500 000 kr"));
    expect(f.percent(0.125)).toBe(nbs("12,5 %"));
    expect(f.millNok(32_700_000)).toBe(nbs("32,7 mill. kr"));
    expect(f.nokOneDecimal(313.14)).toBe(nbs("313,1 kr"));
    expect(f.number(0.633)).toBe("0,633");
    expect(f.nok(-1234.4)).toBe(nbs("-1 234 kr"));
  });
  test("en: NOK 500,000, 12.5%, NOK 32.7 million, NOK 313.1, 0.633", () => {
    const f = numberFormats("en");
    expect(f.nok(500_000)).toBe(ens("NOK 500,000"));
    expect(f.nok(449_131.49)).toBe(ens("NOK 449,131"));
    expect(f.percent(0.125)).toBe("12.5%");
    expect(f.percent(0.5, 0)).toBe("50%");
    expect(f.millNok(32_700_000)).toBe(ens("NOK 32.7 million"));
    expect(f.nokOneDecimal(313.14)).toBe(ens("NOK 313.1"));
    expect(f.number(0.633)).toBe("0.633");
    expect(f.number(12_500, 0)).toBe("12,500");
    expect(f.nok(-0.3)).toBe(ens("NOK 0")); // rounds to zero: no minus
  });
  test("byUnit formats by the input's unit in both languages (0,815 andel -> 81,5 % / 81.5%; 41,551 uker -> 41,6 / 41.6)", () => {
    expect(numberFormats("nb").byUnit(0.815, "andel av full stilling")).toBe(nbs("81,5 %"));
    expect(numberFormats("en").byUnit(0.815, "andel av full stilling")).toBe("81.5%");
    expect(numberFormats("nb").byUnit(41.551, "uker")).toBe("41,6");
    expect(numberFormats("en").byUnit(41.551, "uker")).toBe("41.6");
    expect(numberFormats("en").byUnit(1573.348, "listeinnbyggere")).toBe("1,573");
    expect(numberFormats("en").byUnit(449_131, "kr per avtaleår")).toBe(ens("NOK 449,131"));
  });
  test("month(iso): the month in words in each language", () => {
    expect(numberFormats("nb").month("2023-08-25")).toBe("august 2023");
    expect(numberFormats("en").month("2023-08-25")).toBe("August 2023");
    expect(numberFormats("en").month("2024-12-31")).toBe("December 2024"); // UTC: never the next month
  });
  test("a number that is not finite throws instead of printing NaN", () => {
    expect(() => numberFormats("en").nok(Number.NaN)).toThrow(/not finite/);
    expect(() => numberFormats("nb").nok(Number.POSITIVE_INFINITY)).toThrow(/not finite/);
  });
});
