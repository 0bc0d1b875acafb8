/**
 * Validation of the claim lines, all in DuckDB SQL, in one pass that also does the first aggregation:
 *
 *   file -> typed columns (TRY_CAST) -> join doctors + tariff_days (+ doctor_periods when given)
 *        -> reason (first failed check, or NULL = accepted) and, for accepted lines, what the summary must say about
 *           them (takst unknown on its date, amounts off the dated tariff, an intro doctor's line outside the window)
 *        -> GROUP BY reason, flag, doctor, practice, month  =  claims_agg (small: doctors × months + a row per flag)
 *
 * Every takst is accepted: the cost of a line is the amounts on it, whatever the code. A code unknown to the
 * normaltariff on its date, or amounts outside the tariff's range, is counted (lines, kroner, share of all accepted
 * kroner) and warned about, never dropped: nothing folketrygden paid disappears without a line in the summary. Every
 * row read lands in exactly one group, so rows read = accepted + rejected by construction. Row numbers of the first
 * offenders are looked up in a second query, only when something was rejected.
 */
import { CLAIM_VALIDATION_FIRST_ROWS, CLAIMS_TARIFF_TOLERANCE, MAX_CLAIM_LINE_ORE } from "../constants";
import { UserError } from "../errors/userError";
import { displayPath } from "../io/paths";
import { rows, run, type Engine } from "./duckdb";
import { openTable, type TableSource } from "./readTable";
import { CLAIM_COLUMNS, REJECTION_REASONS, type RejectionReason } from "./schema";

export interface RejectionCount {
  reason: RejectionReason;
  /** The column a missing_value / bad_value reason is about. */
  column?: string;
  description: string;
  rows: number;
  /** The first offending rows: CSV line numbers (header = line 1) or 1-based Parquet row numbers (within their file). */
  firstRows: number[];
  /** For a folder of Parquet files: the file (relative to the folder) of each of firstRows. */
  firstFiles?: string[];
}

/** Accepted lines the summary reports on: by takst, with their folketrygd cost and its share of all accepted cost. */
export interface FlaggedTakst {
  takst: string;
  lines: number;
  /** Folketrygd cost of these lines (refusjon + egenandel paid for exempt patients), kr. */
  kroner: number;
  /** Share of the folketrygd cost of all accepted lines (0 … 1). */
  share: number;
}

export interface ClaimsValidation {
  file: string;
  format: TableSource["format"];
  /** Parquet files read (a folder of files is read as one table). */
  files: number;
  read: number;
  accepted: number;
  rejected: number;
  reasons: RejectionCount[];
  /** Folketrygd cost of all accepted lines, kr. */
  acceptedKroner: number;
  /** Accepted lines whose takst the normaltariff does not have on the line's date (their amounts are counted as paid). */
  unknownTakster: FlaggedTakst[];
  /** Accepted lines whose amounts per use lie outside the dated tariff's range by more than the tolerance. */
  tariffMismatches: FlaggedTakst[];
  /** Relative tolerance of the tariff check (plus 1 kr for rounding). */
  tariffTolerance: number;
  /** Intro doctors' accepted lines before / after their own agreement window (not intro cost; before = prior activity). */
  introOutsideWindow: { before: { lines: number; kroner: number }; after: { lines: number; kroner: number } };
  /** Columns in the file that the schema does not use (ignored). */
  extraColumns: string[];
}

/** Text a value must match before it is converted: whole øre (no rounding of 12.5), dates written YYYY-MM-DD, antall a plain number. */
const TEXT_PATTERN: Record<string, string> = { BIGINT: "-?[0-9]+", DATE: "[0-9]{4}-[0-9]{2}-[0-9]{2}", DOUBLE: "-?[0-9]+([.][0-9]+)?" };
const NATIVE_TYPES: Record<string, RegExp> = {
  BIGINT: /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/,
  DATE: /^DATE$/,
  DOUBLE: /^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL.*)$/,
};
/** Amounts are read as 128-bit integers so that a value near 9·10^18 is an out-of-range rejection, not an overflow. */
const TYPED_AS: Record<string, string> = { BIGINT: "HUGEINT", DATE: "DATE", DOUBLE: "DOUBLE" };

/**
 * SQL for one column as text (empty -> NULL) and as its typed value. A Parquet column already of the right type is
 * used as is; anything else must match TEXT_PATTERN, so a value is never silently rounded or reinterpreted. An absent
 * optional column (antall) takes its default.
 */
function columnSql(source: TableSource, name: string, sqlType: string, optional: boolean): { raw: string; typed: string } {
  if (optional && !source.present.has(name)) return { raw: "'1'", typed: "1.0::DOUBLE" };
  const q = `"${name}"`;
  if (sqlType === "VARCHAR") {
    const raw = source.format === "csv" ? `NULLIF(TRIM(${q}), '')` : `NULLIF(CAST(${q} AS VARCHAR), '')`;
    return { raw, typed: raw };
  }
  const as = TYPED_AS[sqlType]!;
  if (source.format === "parquet" && NATIVE_TYPES[sqlType]!.test(source.types[name] ?? "")) return { raw: q, typed: `TRY_CAST(${q} AS ${as})` };
  const raw = source.format === "csv" ? `NULLIF(TRIM(${q}), '')` : `NULLIF(TRIM(CAST(${q} AS VARCHAR)), '')`;
  return { raw, typed: `CASE WHEN regexp_full_match(${raw}, '${TEXT_PATTERN[sqlType]}') THEN TRY_CAST(${raw} AS ${as}) END` };
}

/**
 * The checked claim lines over `relation`: typed columns plus `reason` (NULL when accepted), `takst_flag` ('unknown',
 * 'mismatch' or NULL) and `intro_phase` ('before', 'in', 'after' for an intro doctor's line, NULL for others).
 * `withPeriods`: the doctor table gave active periods (table doctor_periods), and a line outside them is rejected.
 */
export function checkedSql(source: TableSource, relation: string, withRow: boolean, withPeriods = false): string {
  const cols = CLAIM_COLUMNS.map((c) => ({ ...c, ...columnSql(source, c.name, c.sqlType, c.optional === true) }));
  const typed = cols.map((c) => `${c.typed} AS ${c.name}`).join(", ");
  const flags = cols.map((c) => `${c.raw} IS NULL AS missing_${c.name}`).join(", ");
  const missing = cols.map((c) => `WHEN t.missing_${c.name} THEN 'missing_value:${c.name}'`).join(" ");
  const bad = cols
    .filter((c) => c.sqlType !== "VARCHAR")
    .map((c) => `WHEN t.${c.name} IS NULL THEN 'bad_value:${c.name}'`)
    .join(" ");
  const tol = CLAIMS_TARIFF_TOLERANCE;
  const outside = (v: string, lo: string, hi: string) => `(${v} / t.antall < k.${lo} * ${1 - tol} - 100 OR ${v} / t.antall > k.${hi} * ${1 + tol} + 100)`;
  return `
    SELECT t.*, d.role, CASE ${missing} ${bad}
      WHEN t.patient_exempt NOT IN ('ja', 'nei') THEN 'bad_patient_exempt'
      WHEN t.refusjon_ore < 0 OR t.egenandel_ore < 0 OR t.antall <= 0 THEN 'negative_amount'
      WHEN t.refusjon_ore > ${MAX_CLAIM_LINE_ORE} OR t.egenandel_ore > ${MAX_CLAIM_LINE_ORE} THEN 'amount_out_of_range'
      WHEN d.role IS NULL THEN 'unknown_doctor'
      ${withPeriods ? "WHEN d.has_periods AND p.doctor_id IS NULL THEN 'outside_active_period'" : ""}
    END AS reason,
    CASE WHEN k.takst IS NULL THEN 'unknown' WHEN ${outside("t.refusjon_ore", "ref_lo", "ref_hi")} OR ${outside("t.egenandel_ore", "egen_lo", "egen_hi")} THEN 'mismatch' END AS takst_flag,
    CASE WHEN d.role = 'intro' THEN CASE WHEN t.date < d.agreement_start THEN 'before' WHEN t.date > d.agreement_end THEN 'after' ELSE 'in' END END AS intro_phase
    FROM (SELECT ${withRow ? `file_row, ${source.rowsNameFile ? "file_name, " : ""}` : ""}${typed}, ${flags} FROM ${relation}) t
    LEFT JOIN doctors d ON d.doctor_id = t.doctor_id
    ${withPeriods ? "LEFT JOIN doctor_periods p ON p.doctor_id = t.doctor_id AND t.date BETWEEN p.active_from AND p.active_to" : ""}
    LEFT JOIN tariff_days k ON k.takst = t.takst AND k.day = t.date`;
}

/** A DuckDB error while reading the file (a corrupt page, a failed decompression, a bad cast) as one UserError naming the file. */
function readError(file: string, e: unknown): UserError {
  const msg = String((e as Error).message ?? e)
    .split("\n")[0]!
    .slice(0, 300);
  return new UserError("io", displayPath(file), `cannot be read (${msg}); the file may be damaged or not what its name says`);
}

/**
 * Validates the claims file against the `doctors` and `tariff_days` tables already in `engine`, and leaves
 * `claims_agg(reason, takst_flag, flag_takst, intro_phase, doctor_id, practice_id, m, n, cost_ore, refusjon_ore,
 * egenandel_paid_ore)` behind, where m = year·12 + month − 1 and cost = refusjon + egenandel when patient_exempt = ja
 * (folketrygden's cost). Sums stay in whole øre (integers, each line at most MAX_CLAIM_LINE_ORE, so no sum can
 * overflow), so they do not depend on the order DuckDB's threads add them in: same file, same bits.
 */
export async function validateClaims(engine: Engine, file: string, opts: { withPeriods?: boolean } = {}): Promise<ClaimsValidation> {
  const source = await openTable(engine, file, CLAIM_COLUMNS);
  const withPeriods = opts.withPeriods === true;
  const acc = (x: string) => `CASE WHEN reason IS NULL THEN ${x} END`;
  try {
    await run(
      engine,
      `CREATE OR REPLACE TEMP TABLE claims_agg AS
     SELECT reason, ${acc("takst_flag")} AS takst_flag, ${acc("CASE WHEN takst_flag IS NOT NULL THEN takst END")} AS flag_takst,
       ${acc("intro_phase")} AS intro_phase, ${acc("doctor_id")} AS doctor_id, ${acc("practice_id")} AS practice_id,
       ${acc("year(date) * 12 + month(date) - 1")} AS m,
       count(*)::BIGINT AS n,
       sum(${acc("CAST(refusjon_ore AS BIGINT) + CASE WHEN patient_exempt = 'ja' THEN CAST(egenandel_ore AS BIGINT) ELSE 0 END")})::BIGINT AS cost_ore,
       sum(${acc("CAST(refusjon_ore AS BIGINT)")})::BIGINT AS refusjon_ore,
       coalesce(sum(CASE WHEN reason IS NULL AND patient_exempt = 'ja' THEN CAST(egenandel_ore AS BIGINT) END), 0)::BIGINT AS egenandel_paid_ore
     FROM (${checkedSql(source, source.relation, false, withPeriods)})
     GROUP BY ALL`,
    );
  } catch (e) {
    throw readError(file, e);
  }
  const counts = await rows<{ reason: string | null; n: number }>(
    engine,
    `SELECT reason, sum(n)::DOUBLE AS n FROM claims_agg GROUP BY reason ORDER BY reason NULLS FIRST`,
  );
  const read = counts.reduce((s, r) => s + r.n, 0);
  const accepted = counts.find((r) => r.reason === null)?.n ?? 0;
  const rejectedCounts = counts.filter((r) => r.reason !== null);
  const first = new Map<string, Array<{ f: string | null; r: number }>>();
  if (rejectedCounts.length > 0) {
    let found: Array<{ reason: string; first: Array<{ f: string | null; r: number }> }>;
    // Ordered by file, then row: in a folder the first offenders are those of the first file (files sorted by path).
    const key = `{'f': ${source.rowsNameFile ? "file_name" : "NULL::VARCHAR"}, 'r': file_row::DOUBLE}`;
    try {
      found = await rows<{ reason: string; first: Array<{ f: string | null; r: number }> }>(
        engine,
        `SELECT reason, min(${key}, ${CLAIM_VALIDATION_FIRST_ROWS}) AS first
       FROM (${checkedSql(source, source.numberedRelation, true, withPeriods)}) WHERE reason IS NOT NULL GROUP BY reason`,
      );
    } catch (e) {
      throw readError(file, e);
    }
    for (const f of found)
      first.set(
        f.reason,
        f.first.map((x) => ({ f: x.f, r: source.format === "csv" ? x.r + 1 : x.r })),
      );
  }
  const reasons = rejectedCounts.map((r) => {
    const [reason, column] = r.reason!.split(":") as [RejectionReason, string | undefined];
    const at = first.get(r.reason!) ?? [];
    return {
      reason,
      ...(column ? { column } : {}),
      description: REJECTION_REASONS[reason],
      rows: r.n,
      firstRows: at.map((x) => x.r),
      ...(source.rowsNameFile ? { firstFiles: at.map((x) => x.f ?? "") } : {}),
    };
  });
  const [tot] = await rows<{ kr: number | null }>(engine, `SELECT sum(cost_ore)::DOUBLE / 100 AS kr FROM claims_agg WHERE reason IS NULL`);
  const acceptedKroner = tot?.kr ?? 0;
  const flagged = await rows<{ flag: string; takst: string; lines: number; kr: number }>(
    engine,
    `SELECT takst_flag AS flag, flag_takst AS takst, sum(n)::DOUBLE AS lines, sum(cost_ore)::DOUBLE / 100 AS kr
     FROM claims_agg WHERE reason IS NULL AND takst_flag IS NOT NULL GROUP BY ALL ORDER BY kr DESC, takst`,
  );
  const byFlag = (f: string): FlaggedTakst[] =>
    flagged.filter((x) => x.flag === f).map((x) => ({ takst: x.takst, lines: x.lines, kroner: x.kr, share: acceptedKroner > 0 ? x.kr / acceptedKroner : 0 }));
  const phases = await rows<{ phase: string; lines: number; kr: number }>(
    engine,
    `SELECT intro_phase AS phase, sum(n)::DOUBLE AS lines, sum(cost_ore)::DOUBLE / 100 AS kr FROM claims_agg WHERE reason IS NULL AND intro_phase IN ('before', 'after') GROUP BY ALL`,
  );
  const phase = (p: string) => {
    const x = phases.find((r) => r.phase === p);
    return { lines: x?.lines ?? 0, kroner: x?.kr ?? 0 };
  };
  return {
    file,
    format: source.format,
    files: source.files.length,
    read,
    accepted,
    rejected: read - accepted,
    reasons,
    acceptedKroner,
    unknownTakster: byFlag("unknown"),
    tariffMismatches: byFlag("mismatch"),
    tariffTolerance: CLAIMS_TARIFF_TOLERANCE,
    introOutsideWindow: { before: phase("before"), after: phase("after") },
    extraColumns: source.extraColumns,
  };
}

/** The first offending rows of a reason: "2, 3" (line or row numbers), or "year=2023/month=1/part-0.parquet row 5, …" for a folder. */
export function firstRowsText(r: RejectionCount): string {
  return (r.firstFiles ? r.firstRows.map((n, i) => `${r.firstFiles![i]} row ${n}`) : r.firstRows).join(", ");
}

/** One line listing the rejection reasons (count and first rows), for messages. */
export function rejectionSummary(v: ClaimsValidation): string {
  const where = v.format === "csv" ? "lines" : "rows";
  return v.reasons.map((r) => `${r.reason}${r.column ? ` (${r.column})` : ""} ${r.rows} (first ${where} ${firstRowsText(r)})`).join("; ");
}
