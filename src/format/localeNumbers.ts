/**
 * Number formats by language, for text people read in either language (`--lang nb|en`): bokmål "500 000 kr",
 * "12,5 %", "32,7 mill. kr" (src/format/norwegian.ts), English "NOK 500,000", "12.5%", "NOK 32.7 million". The
 * language is given as its code ("nb" | "en", the codes of src/i18n), so this module needs nothing above it.
 */
import { formatMillNok, formatMonthYear, formatNok, formatNumber, formatPercent, unitPrecision } from "./norwegian";

export interface NumberFormats {
  /** Whole kroner. */
  nok(x: number): string;
  /** Kroner with one decimal (amounts per consultation). */
  nokOneDecimal(x: number): string;
  /** Millions of kroner with one decimal. */
  millNok(x: number): string;
  /** A share as a percentage with `digits` decimals (default 1). */
  percent(share: number, digits?: number): string;
  /** A plain number with up to `digits` decimals (default 3). */
  number(x: number, digits?: number): string;
  /** The month of an ISO date in words: "august 2023" (nb), "August 2023" (en). */
  month(iso: string): string;
  /** A value formatted by the unit of its input (shares as per cent, kroner whole, weeks with one decimal …). */
  byUnit(x: number, unit: string): string;
}

/** Minus sign only for values that stay negative after rounding (ES2023 option; see norwegian.ts). */
const NEGATIVE_ONLY = { signDisplay: "negative" } as unknown as Intl.NumberFormatOptions;
const english = new Map<string, Intl.NumberFormat>();

function en(x: number, min: number, max: number): string {
  if (!Number.isFinite(x)) throw new Error(`format: cannot format ${x} (a number that is not finite reached a table or chart)`);
  const key = `${min}/${max}`;
  let f = english.get(key);
  if (!f) english.set(key, (f = new Intl.NumberFormat("en-GB", { minimumFractionDigits: min, maximumFractionDigits: max, ...NEGATIVE_ONLY })));
  return f.format(x);
}

function byUnitWith(f: Omit<NumberFormats, "byUnit">): NumberFormats["byUnit"] {
  return (x, unit) => {
    const p = unitPrecision(unit);
    if (p.kind === "percent") return f.percent(x, p.digits);
    if (p.kind === "nok") return f.nok(x);
    return f.number(x, p.digits);
  };
}

const EN_MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

const NB: Omit<NumberFormats, "byUnit"> = {
  month: formatMonthYear,
  nok: formatNok,
  nokOneDecimal: (x) => `${formatNumber(x, 1)}\u00a0kr`,
  millNok: formatMillNok,
  percent: formatPercent,
  number: formatNumber,
};
const EN: Omit<NumberFormats, "byUnit"> = {
  month: (iso) => EN_MONTH.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
  nok: (x) => `NOK\u00a0${en(x, 0, 0)}`,
  nokOneDecimal: (x) => `NOK\u00a0${en(x, 1, 1)}`,
  millNok: (x) => `NOK\u00a0${en(x / 1e6, 1, 1)}\u00a0million`,
  percent: (share, digits = 1) => `${en(share * 100, digits, digits)}%`,
  number: (x, digits = 3) => en(x, 0, digits),
};

const FORMATS: Record<"nb" | "en", NumberFormats> = {
  nb: { ...NB, byUnit: byUnitWith(NB) },
  en: { ...EN, byUnit: byUnitWith(EN) },
};

/** The number formats of a language: numberFormats("en").nok(449131.49) === "NOK 449,131". */
export function numberFormats(lang: "nb" | "en"): NumberFormats {
  return FORMATS[lang];
}
