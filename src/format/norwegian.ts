/**
 * Norwegian number and date formats for tables, charts and reports: "500 000 kr", "22,5 %", "0,43", "23.11.2026".
 * Thousands are separated by a no-break space (U+00A0), decimals by a comma and negative numbers carry the minus
 * sign U+2212, as Intl's nb-NO locale does. A value that rounds to zero is shown as 0, never "−0". A number that is
 * not finite is a bug upstream: it throws instead of printing "NaN kr" into a report.
 */
/** Minus sign only for values that stay negative after rounding (ES2023; the TypeScript lib we target predates it). */
const NEGATIVE_ONLY = { signDisplay: "negative" } as unknown as Intl.NumberFormatOptions;
const integer = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 0, ...NEGATIVE_ONLY });
const oneDecimal = new Intl.NumberFormat("nb-NO", { minimumFractionDigits: 1, maximumFractionDigits: 1, ...NEGATIVE_ONLY });
const fixedDigits = new Map<number, Intl.NumberFormat>();
const maxDigits = new Map<number, Intl.NumberFormat>();

function finite(x: number, what: string): number {
  if (!Number.isFinite(x)) throw new Error(`${what}: cannot format ${x} (a number that is not finite reached a table or chart)`);
  return x;
}

function cached(map: Map<number, Intl.NumberFormat>, digits: number, min: boolean): Intl.NumberFormat {
  let f = map.get(digits);
  if (!f) map.set(digits, (f = new Intl.NumberFormat("nb-NO", { minimumFractionDigits: min ? digits : 0, maximumFractionDigits: digits, ...NEGATIVE_ONLY })));
  return f;
}

/** Whole kroner: formatNok(449131.49) === "449 131 kr" (with no-break spaces). */
export function formatNok(x: number): string {
  return `${integer.format(finite(x, "formatNok"))}\u00a0kr`;
}

/** Millions of kroner with one decimal: formatMillNok(32_700_000) === "32,7 mill. kr". */
export function formatMillNok(x: number): string {
  return `${oneDecimal.format(finite(x, "formatMillNok") / 1e6)}\u00a0mill.\u00a0kr`;
}

/** A share as a percentage: formatPercent(0.2247) === "22,5 %". */
export function formatPercent(share: number, digits = 1): string {
  return `${cached(fixedDigits, digits, true).format(finite(share, "formatPercent") * 100)}\u00a0%`;
}

/** A plain number with up to `digits` decimals: formatNumber(0.633) === "0,633", formatNumber(12500, 0) === "12 500". */
export function formatNumber(x: number, digits = 3): string {
  return cached(maxDigits, digits, false).format(finite(x, "formatNumber"));
}

const MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

/** An ISO date the Norwegian way: formatDate("2026-11-23") === "23.11.2026". */
export function formatDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** An ISO date in words: formatDateLong("2026-11-03") === "3. november 2026". */
export function formatDateLong(iso: string): string {
  return `${Number(iso.slice(8, 10))}. ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** A month in words: formatMonthYear("2023-08-25") === "august 2023" (the day is ignored). */
export function formatMonthYear(iso: string): string {
  return `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** How a unit's values are shown: as per cent, as whole kroner, or as a number with `digits` decimals. */
export interface UnitPrecision {
  kind: "percent" | "nok" | "number";
  /** Decimals shown (of the percentage for "percent"). */
  digits: number;
}

/**
 * The precision a unit (the `unit` of an input in src/inputs, in Norwegian) needs: shares and probabilities as per
 * cent with one decimal ("andel av full stilling" 0.815 -> 81,5 %), kroner whole, persons and doctors whole,
 * consultations, weeks, months and years with one decimal, takster per consultation and factors with two; unknown
 * units three decimals. The tables (formatByUnit), the workbook's number formats and the CSV's rounding read it.
 * The English units of src/i18n/inputLabels.ts ("share", "weeks", "NOK per year" …) give the same precision.
 */
export function unitPrecision(unit: string): UnitPrecision {
  const u = unit.toLowerCase();
  const starts = (...words: string[]) => words.some((w) => u.startsWith(w));
  if (starts("andel", "sannsynlighet", "share", "probability")) return { kind: "percent", digits: 1 };
  if (starts("kr", "nok")) return { kind: "nok", digits: 0 };
  if (starts("listeinnbyggere", "leger", "listed patients", "doctors")) return { kind: "number", digits: 0 };
  if (starts("konsultasjoner", "uker", "måneder", "consultations", "weeks", "months") || ["år", "avtaleår", "years", "agreement-years"].includes(u))
    return { kind: "number", digits: 1 };
  if (starts("takster", "faktor", "factor")) return { kind: "number", digits: 2 };
  return { kind: "number", digits: 3 };
}

/**
 * A value formatted by its unit (see unitPrecision), for tables people read: formatByUnit(0.815, "andel av full
 * stilling") === "81,5 %", formatByUnit(1573.348, "listeinnbyggere") === "1 573", formatByUnit(41.551, "uker") === "41,6".
 */
export function formatByUnit(x: number, unit: string): string {
  const p = unitPrecision(unit);
  if (p.kind === "percent") return formatPercent(x, p.digits);
  if (p.kind === "nok") return formatNok(x);
  return formatNumber(x, p.digits);
}
