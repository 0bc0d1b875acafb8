/**
 * Validation of the claim lines, all in DuckDB SQL, in one pass that also does the first aggregation:
 *
 *   file -> typed columns (TRY_CAST) -> join doctors + tariff_days -> reason (first failed check, or NULL = accepted)
 *        -> GROUP BY reason, doctor, practice, month  =  claims_agg (small: doctors × months + one row per reason)
 *
 * Every row read lands in exactly one group, so rows read = accepted + rejected by construction, and the rejection
 * reasons come with their counts. Row numbers of the first offenders are looked up in a second query, only when
 * something was rejected.
 */
import { CLAIM_VALIDATION_FIRST_ROWS } from "../constants";
import { rows, run, type Engine } from "./duckdb";
import { openTable, type TableSource } from "./readTable";
import { CLAIM_COLUMNS, REJECTION_REASONS, type RejectionReason } from "./schema";

export interface RejectionCount {
  reason: RejectionReason;
  /** The column a missing_value / bad_value reason is about. */
  column?: string;
  description: string;
  rows: number;
  /** The first offending rows: CSV line numbers (header = line 1) or 1-based Parquet row numbers. */
  firstRows: number[];
}

export interface ClaimsValidation {
  file: string;
  format: TableSource["format"];
  read: number;
  accepted: number;
  rejected: number;
  reasons: RejectionCount[];
  /** Columns in the file that the schema does not use (ignored). */
  extraColumns: string[];
}

/** Text a value must match before it is converted: whole øre (no rounding of 12.5) and dates written YYYY-MM-DD. */
const TEXT_PATTERN: Record<string, string> = { BIGINT: "-?[0-9]+", DATE: "[0-9]{4}-[0-9]{2}-[0-9]{2}" };
const NATIVE_TYPES: Record<string, RegExp> = { BIGINT: /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/, DATE: /^DATE$/ };

/**
 * SQL for one column as text (empty -> NULL) and as its typed value. A Parquet column already of the right type is
 * used as is; anything else must match TEXT_PATTERN, so a value is never silently rounded or reinterpreted.
 */
function columnSql(source: TableSource, name: string, sqlType: string): { raw: string; typed: string } {
  const q = `"${name}"`;
  if (sqlType === "VARCHAR") {
    const raw = source.format === "csv" ? `NULLIF(TRIM(${q}), '')` : `NULLIF(CAST(${q} AS VARCHAR), '')`;
    return { raw, typed: raw };
  }
  if (source.format === "parquet" && NATIVE_TYPES[sqlType]!.test(source.types[name] ?? "")) return { raw: q, typed: `CAST(${q} AS ${sqlType})` };
  const raw = source.format === "csv" ? `NULLIF(TRIM(${q}), '')` : `NULLIF(TRIM(CAST(${q} AS VARCHAR)), '')`;
  return { raw, typed: `CASE WHEN regexp_full_match(${raw}, '${TEXT_PATTERN[sqlType]}') THEN TRY_CAST(${raw} AS ${sqlType}) END` };
}

/** The checked claim lines over `relation`: typed columns plus `reason` (NULL when accepted). */
export function checkedSql(source: TableSource, relation: string, withRow: boolean): string {
  const cols = CLAIM_COLUMNS.map((c) => ({ ...c, ...columnSql(source, c.name, c.sqlType) }));
  const typed = cols.map((c) => `${c.typed} AS ${c.name}`).join(", ");
  const flags = cols.map((c) => `${c.raw} IS NULL AS missing_${c.name}`).join(", ");
  const missing = cols.map((c) => `WHEN t.missing_${c.name} THEN 'missing_value:${c.name}'`).join(" ");
  const bad = cols
    .filter((c) => c.sqlType !== "VARCHAR")
    .map((c) => `WHEN t.${c.name} IS NULL THEN 'bad_value:${c.name}'`)
    .join(" ");
  return `
    SELECT t.*, d.role, CASE ${missing} ${bad}
      WHEN t.patient_exempt NOT IN ('ja', 'nei') THEN 'bad_patient_exempt'
      WHEN t.refusjon_ore < 0 OR t.egenandel_ore < 0 THEN 'negative_amount'
      WHEN d.role IS NULL THEN 'unknown_doctor'
      WHEN d.role = 'intro' AND (t.date < d.agreement_start OR t.date > d.agreement_end) THEN 'outside_agreement_window'
      WHEN k.takst IS NULL THEN 'unknown_takst_for_date'
    END AS reason
    FROM (SELECT ${withRow ? "file_row, " : ""}${typed}, ${flags} FROM ${relation}) t
    LEFT JOIN doctors d ON d.doctor_id = t.doctor_id
    LEFT JOIN tariff_days k ON k.takst = t.takst AND k.day = t.date`;
}

/**
 * Validates the claims file against the `doctors` and `tariff_days` tables already in `engine`, and leaves
 * `claims_agg(reason, doctor_id, practice_id, m, n, cost_ore, refusjon_ore, egenandel_paid_ore)` behind, where
 * m = year·12 + month − 1 and cost = refusjon + egenandel when patient_exempt = ja (folketrygden's cost). Sums stay in
 * whole øre (integers), so they do not depend on the order DuckDB's threads add them in: same file, same bits.
 */
export async function validateClaims(engine: Engine, file: string): Promise<ClaimsValidation> {
  const source = await openTable(engine, file, CLAIM_COLUMNS);
  await run(
    engine,
    `CREATE OR REPLACE TEMP TABLE claims_agg AS
     SELECT reason,
       CASE WHEN reason IS NULL THEN doctor_id END AS doctor_id,
       CASE WHEN reason IS NULL THEN practice_id END AS practice_id,
       CASE WHEN reason IS NULL THEN year(date) * 12 + month(date) - 1 END AS m,
       count(*)::BIGINT AS n,
       sum(CASE WHEN reason IS NULL THEN refusjon_ore + CASE WHEN patient_exempt = 'ja' THEN egenandel_ore ELSE 0 END END)::BIGINT AS cost_ore,
       sum(CASE WHEN reason IS NULL THEN refusjon_ore END)::BIGINT AS refusjon_ore,
       coalesce(sum(CASE WHEN reason IS NULL AND patient_exempt = 'ja' THEN egenandel_ore END), 0)::BIGINT AS egenandel_paid_ore
     FROM (${checkedSql(source, source.relation, false)})
     GROUP BY ALL`,
  );
  const counts = await rows<{ reason: string | null; n: number }>(
    engine,
    `SELECT reason, sum(n)::DOUBLE AS n FROM claims_agg GROUP BY reason ORDER BY reason NULLS FIRST`,
  );
  const read = counts.reduce((s, r) => s + r.n, 0);
  const accepted = counts.find((r) => r.reason === null)?.n ?? 0;
  const rejectedCounts = counts.filter((r) => r.reason !== null);
  const first = new Map<string, number[]>();
  if (rejectedCounts.length > 0) {
    const found = await rows<{ reason: string; first: number[] }>(
      engine,
      `SELECT reason, min(file_row::DOUBLE, ${CLAIM_VALIDATION_FIRST_ROWS}) AS first
       FROM (${checkedSql(source, source.numberedRelation, true)}) WHERE reason IS NOT NULL GROUP BY reason`,
    );
    for (const f of found)
      first.set(
        f.reason,
        f.first.map((r) => (source.format === "csv" ? r + 1 : r)),
      );
  }
  const reasons = rejectedCounts.map((r) => {
    const [reason, column] = r.reason!.split(":") as [RejectionReason, string | undefined];
    return { reason, ...(column ? { column } : {}), description: REJECTION_REASONS[reason], rows: r.n, firstRows: first.get(r.reason!) ?? [] };
  });
  return { file, format: source.format, read, accepted, rejected: read - accepted, reasons, extraColumns: source.extraColumns };
}
