/**
 * Number agreement in bokmål: "1 lege trenger", "5 leger trenger", "0 leger". Only the count 1 takes the singular
 * (bokmål uses the plural for 0 and for fractions).
 */

/** The noun that agrees with the count: nounFor(1, "lege", "leger") === "lege", nounFor(2, "lege", "leger") === "leger". */
export function nounFor(count: number, singular: string, plural: string): string {
  return count === 1 ? singular : plural;
}
