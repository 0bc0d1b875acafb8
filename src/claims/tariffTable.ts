/**
 * The normaltariff as a small table for DuckDB: one row per (takst, period) from data/params/normaltariff, with the
 * central refusjon and egenandel (a trippelestimat's mest_sannsynlig). validateClaims checks a claim's takst against
 * the periods; the synthetic generator prices its takster from the same rows, so the two can never disagree.
 */
import type { ParamSet } from "../params/loadParams";
import type { ParamNumber } from "../params/schema";
import { run, sqlString, type Engine } from "./duckdb";

export interface TariffPeriod {
  takst: string;
  /** First and last day of the period (inclusive), YYYY-MM-DD. */
  from: string;
  to: string;
  refusjonNok: number;
  egenandelNok: number;
  /** The range the amounts may take (lav – høy of a trippelestimat; the one value when observed), kr per use. */
  refusjonRangeNok: [number, number];
  egenandelRangeNok: [number, number];
}

const central = (v: ParamNumber): number => (typeof v === "number" ? v : v.mest_sannsynlig);
const range = (v: ParamNumber): [number, number] => (typeof v === "number" ? [v, v] : [v.lav, v.hoy]);

/** Every takst period in the parameter set, sorted by takst and date. */
export function tariffPeriods(params: ParamSet): TariffPeriod[] {
  const out: TariffPeriod[] = [];
  for (const [takst, file] of params.takster) {
    for (const v of file.values)
      out.push({
        takst,
        from: v.from,
        to: v.to,
        refusjonNok: central(v.refusjon),
        egenandelNok: central(v.egenandel),
        refusjonRangeNok: range(v.refusjon),
        egenandelRangeNok: range(v.egenandel),
      });
  }
  return out.sort((a, b) => (a.takst < b.takst ? -1 : a.takst > b.takst ? 1 : a.from < b.from ? -1 : 1));
}

/**
 * Creates `tariff_days(takst, day, ref_lo, ref_hi, egen_lo, egen_hi)` (øre per use): one row per takst and day it is valid. A claim is checked by an equality join on
 * (takst, date), which DuckDB does as a hash join; a range join on the periods would multiply rows before filtering.
 */
export async function createTariffDays(engine: Engine, periods: ReadonlyArray<TariffPeriod>): Promise<void> {
  const ore = (x: number) => Math.round(x * 100);
  const values = periods
    .map(
      (p) =>
        `(${sqlString(p.takst)}, DATE ${sqlString(p.from)}, DATE ${sqlString(p.to)}, ${ore(p.refusjonRangeNok[0])}, ${ore(p.refusjonRangeNok[1])}, ${ore(p.egenandelRangeNok[0])}, ${ore(p.egenandelRangeNok[1])})`,
    )
    .join(", ");
  await run(
    engine,
    `CREATE OR REPLACE TEMP TABLE tariff_periods(takst VARCHAR, valid_from DATE, valid_to DATE, ref_lo BIGINT, ref_hi BIGINT, egen_lo BIGINT, egen_hi BIGINT);
     ${periods.length ? `INSERT INTO tariff_periods VALUES ${values};` : ""}
     CREATE OR REPLACE TEMP TABLE tariff_days AS
       SELECT takst, CAST(unnest(generate_series(valid_from, valid_to, INTERVAL 1 DAY)) AS DATE) AS day, ref_lo, ref_hi, egen_lo, egen_hi FROM tariff_periods;`,
  );
}
