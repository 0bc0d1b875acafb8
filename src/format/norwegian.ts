/**
 * Norwegian number formats for tables, charts and reports: "500 000 kr", "22,5 %", "0,43". Thousands are separated
 * by a no-break space (U+00A0) and decimals by a comma, as Intl's nb-NO locale does.
 */
const integer = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 0 });

/** Whole kroner: formatNok(449131.49) === "449 131 kr" (with no-break spaces). */
export function formatNok(x: number): string {
  return `${integer.format(Math.round(x))}\u00a0kr`;
}

/** Millions of kroner with one decimal: formatMillNok(32_700_000) === "32,7 mill. kr". */
export function formatMillNok(x: number): string {
  return `${new Intl.NumberFormat("nb-NO", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x / 1e6)}\u00a0mill.\u00a0kr`;
}

/** A share as a percentage: formatPercent(0.2247) === "22,5 %". */
export function formatPercent(share: number, digits = 1): string {
  return `${new Intl.NumberFormat("nb-NO", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share * 100)}\u00a0%`;
}

/** A plain number with up to `digits` decimals: formatNumber(0.633) === "0,633". */
export function formatNumber(x: number, digits = 3): string {
  return new Intl.NumberFormat("nb-NO", { maximumFractionDigits: digits }).format(x);
}
