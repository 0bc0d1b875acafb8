/**
 * Looks parameter values up by date. A value is found by the period that contains the date; a span of days (an
 * agreement-year) gets every period it overlaps with its share of the days as weight. A day outside every period is
 * an error that names the file and the periods that exist — never a silent default.
 */
import { UserError } from "../errors/userError";
import { dayNumber } from "../time/isoDate";
import { displayPath } from "../io/paths";
import * as path from "node:path";
import type { ParamSet } from "./loadParams";
import type { ParamNumber, ScalarParamFile, TakstParamFile } from "./schema";

interface Dated {
  from: string;
  to: string;
}

function coverage(values: ReadonlyArray<Dated>): string {
  return values.map((v) => `${v.from} – ${v.to}`).join(", ");
}

/** The entry of `values` whose period contains `date`, or a UserError naming `file`. */
export function entryAt<T extends Dated>(values: ReadonlyArray<T>, date: string, file: string): T {
  const hit = values.find((v) => v.from <= date && date <= v.to);
  if (!hit) throw new UserError("params", file, `no value for ${date}; its periods cover ${coverage(values)}`);
  return hit;
}

export interface WeightedEntry<T> {
  entry: T;
  /** Share of the span's days that fall in this entry's period; the weights of a span sum to 1. */
  weight: number;
}

/**
 * The entries that cover the days from `from` (inclusive) to `toExclusive`, each with its share of the days.
 * Throws if any day of the span is outside every period.
 */
export function entriesOverSpan<T extends Dated>(values: ReadonlyArray<T>, from: string, toExclusive: string, file: string): WeightedEntry<T>[] {
  const start = dayNumber(from);
  const end = dayNumber(toExclusive);
  const total = end - start;
  if (total <= 0) throw new UserError("params", file, `empty span ${from} – ${toExclusive}`);
  const out: WeightedEntry<T>[] = [];
  let covered = 0;
  for (const v of values) {
    const a = Math.max(start, dayNumber(v.from));
    const b = Math.min(end, dayNumber(v.to) + 1);
    if (b > a) {
      out.push({ entry: v, weight: (b - a) / total });
      covered += b - a;
    }
  }
  if (covered !== total) {
    const firstMissing = firstUncovered(values, start, end);
    throw new UserError("params", file, `no value for ${firstMissing} (needed for ${from} – ${toExclusive}); its periods cover ${coverage(values)}`);
  }
  return out;
}

function firstUncovered(values: ReadonlyArray<Dated>, start: number, end: number): string {
  for (let d = start; d < end; d++) {
    if (!values.some((v) => dayNumber(v.from) <= d && d <= dayNumber(v.to))) return new Date(d * 86_400_000).toISOString().slice(0, 10);
  }
  return "";
}

/** The takst file for `code`, or a UserError listing the takster that exist. */
export function takstFile(params: ParamSet, code: string): TakstParamFile & { file: string } {
  const t = params.takster.get(code);
  if (!t)
    throw new UserError(
      "params",
      displayPath(path.join(params.dir, "normaltariff")),
      `no takst "${code}" (expected ${code}.yaml); available: ${[...params.takster.keys()].join(", ") || "none"}`,
    );
  return t;
}

/** The scalar parameter file `id`, or a UserError listing the ids that exist. */
export function scalarFile(params: ParamSet, id: string): ScalarParamFile & { file: string } {
  const s = params.scalars.get(id);
  if (!s)
    throw new UserError(
      "params",
      displayPath(params.dir),
      `no parameter "${id}" (expected ${id}.yaml); available: ${[...params.scalars.keys()].join(", ") || "none"}`,
    );
  return s;
}

/** The value of scalar parameter `id` on `date` (a number or a trippelestimat). */
export function scalarAt(params: ParamSet, id: string, date: string): ParamNumber {
  const f = scalarFile(params, id);
  return entryAt(f.values, date, f.file).value;
}

/** The value of scalar parameter `id` on `date`, which must be a plain number (for figures that are not uncertain). */
export function fixedScalarAt(params: ParamSet, id: string, date: string): number {
  const v = scalarAt(params, id, date);
  if (typeof v !== "number") throw new UserError("params", scalarFile(params, id).file, `expected a plain number on ${date}, found a trippelestimat`);
  return v;
}
