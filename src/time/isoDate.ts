/**
 * ISO calendar dates (YYYY-MM-DD) as used in parameter and scenario files. YAML may parse an unquoted date into a
 * JavaScript Date; both forms are accepted and normalised to the string form, which sorts and compares correctly.
 */
import { z } from "zod";

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written YYYY-MM-DD (2023-02-30 is not). */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

export const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.string().refine(isIsoDate, { message: "expected a date written YYYY-MM-DD" }),
);

/** Days since 1970-01-01 (UTC) of an ISO date; the unit for all date arithmetic in introsim. */
export function dayNumber(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
}

/** The ISO date one calendar year after `iso` (2024-02-29 -> 2025-03-01, as Date arithmetic does). */
export function addYears(iso: string, years: number): string {
  const d = new Date(Date.UTC(+iso.slice(0, 4) + years, +iso.slice(5, 7) - 1, +iso.slice(8, 10)));
  return d.toISOString().slice(0, 10);
}
