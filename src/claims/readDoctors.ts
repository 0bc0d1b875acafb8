/**
 * The doctor table: read (CSV or Parquet), validated row by row with zod (it is small: one row per doctor), and loaded
 * into DuckDB as `doctors(doctor_id, role, agreement_id, agreement_start, agreement_end)`. A bad doctor row is one
 * UserError naming the file, the row, the field and what is allowed: every claim depends on this table, so it is not
 * "rejected and counted" like a claim line.
 */
import { UserError } from "../errors/userError";
import { describeZodIssue } from "../errors/formatZodError";
import { displayPath } from "../io/paths";
import { rows, run, type Engine } from "./duckdb";
import { openTable, type TableSource } from "./readTable";
import { DOCTOR_COLUMNS, doctorRow, type DoctorRow } from "./schema";

/** One period a doctor practised (from the doctor table's active_from / active_to). */
export interface ActivePeriod {
  doctorId: string;
  from: string;
  /** null = still practising at the end of the extract. */
  to: string | null;
}

export interface DoctorTable {
  source: TableSource;
  /** One entry per doctor (a doctor with several period rows appears once). */
  doctors: DoctorRow[];
  /** Doctor rows in the file. */
  rows: number;
  /** Doctors by role. */
  counts: Record<DoctorRow["role"], number>;
  /** The active periods, when the table has the columns active_from / active_to; else null (inferred from the claims). */
  periods: ActivePeriod[] | null;
}

/** Where row `i` (0-based) is, as a user finds it: a CSV line (header is line 1) or a Parquet row number. */
function rowLabel(source: TableSource, i: number): string {
  return source.format === "csv" ? `line ${i + 2}` : `row ${i + 1}`;
}

const SAME_FIELDS = ["role", "agreement_id", "agreement_start", "agreement_end", "employment_form", "sentralitet"] as const;

/**
 * Reads and checks the doctor table, and creates `doctors(doctor_id, role, agreement_id, agreement_start,
 * agreement_end, has_periods, employment_form, sentralitet)` (one row per doctor) and, when periods are given,
 * `doctor_periods(doctor_id, active_from, active_to)` (an open end = 9999-12-31). A doctor may have several rows only
 * to give several periods: the other fields must agree, and the periods must not overlap.
 */
export async function loadDoctors(engine: Engine, file: string): Promise<DoctorTable> {
  const source = await openTable(engine, file, DOCTOR_COLUMNS);
  const present = DOCTOR_COLUMNS.filter((c) => !c.optional || source.present.has(c.name));
  const text = (c: string) => `NULLIF(TRIM(CAST(${c} AS VARCHAR)), '') AS ${c}`;
  const raw = await rows<Record<string, string | null>>(
    engine,
    `SELECT ${present.map((c) => text(c.name)).join(", ")} FROM ${source.numberedRelation} ORDER BY file_row`,
  );
  const where = displayPath(file);
  const withPeriods = source.present.has("active_from");
  if (source.present.has("active_to") && !withPeriods) throw new UserError("io", `${where}: column active_to`, "needs the column active_from beside it");
  const byId = new Map<string, { row: DoctorRow; first: number; periods: Array<{ from: string; to: string | null; i: number }> }>();
  raw.forEach((r, i) => {
    const parsed = doctorRow.safeParse(r);
    if (!parsed.success) {
      const { path, what } = describeZodIssue(parsed.error);
      throw new UserError("io", `${where}: ${rowLabel(source, i)}${path ? `: ${path}` : ""}`, `${what} (got ${JSON.stringify(r[path] ?? null)})`);
    }
    const d = parsed.data;
    const prev = byId.get(d.doctor_id);
    if (prev !== undefined) {
      if (!withPeriods)
        throw new UserError(
          "io",
          `${where}: ${rowLabel(source, i)}: doctor_id`,
          `"${d.doctor_id}" is already on ${rowLabel(source, prev.first)}; each doctor appears once (or once per active period, with active_from / active_to)`,
        );
      for (const f of SAME_FIELDS)
        if ((prev.row[f] ?? null) !== (d[f] ?? null))
          throw new UserError(
            "io",
            `${where}: ${rowLabel(source, i)}: ${f}`,
            `"${d.doctor_id}" has ${JSON.stringify(d[f] ?? null)} here but ${JSON.stringify(prev.row[f] ?? null)} on ${rowLabel(source, prev.first)}; only the active period may differ between a doctor's rows`,
          );
    }
    const entry = prev ?? { row: d, first: i, periods: [] };
    if (withPeriods) {
      if (!d.active_from)
        throw new UserError("io", `${where}: ${rowLabel(source, i)}: active_from`, "is empty; give the first day the doctor practised (YYYY-MM-DD)");
      const to = d.active_to ?? null;
      for (const q of entry.periods) {
        const overlaps = d.active_from <= (q.to ?? "9999-12-31") && q.from <= (to ?? "9999-12-31");
        if (overlaps)
          throw new UserError(
            "io",
            `${where}: ${rowLabel(source, i)}: active_from`,
            `"${d.doctor_id}"'s period ${d.active_from} – ${to ?? "(open)"} overlaps its period ${q.from} – ${q.to ?? "(open)"} on ${rowLabel(source, q.i)}; periods of one doctor must not overlap`,
          );
      }
      entry.periods.push({ from: d.active_from, to, i });
    }
    byId.set(d.doctor_id, entry);
  });
  const doctors = [...byId.values()].map((e) => e.row);
  if (doctors.length === 0) throw new UserError("io", where, "has no doctors");
  const col = (c: string) =>
    source.present.has(c) || !DOCTOR_COLUMNS.find((x) => x.name === c)!.optional ? `NULLIF(TRIM(CAST(${c} AS VARCHAR)), '')` : "NULL::VARCHAR";
  await run(
    engine,
    `CREATE OR REPLACE TEMP TABLE doctors AS
       SELECT DISTINCT ON (doctor_id) NULLIF(TRIM(CAST(doctor_id AS VARCHAR)), '') AS doctor_id, TRIM(CAST(role AS VARCHAR)) AS role,
              ${col("agreement_id")} AS agreement_id,
              TRY_CAST(${col("agreement_start")} AS DATE) AS agreement_start,
              TRY_CAST(${col("agreement_end")} AS DATE) AS agreement_end,
              ${withPeriods} AS has_periods,
              ${col("employment_form")} AS employment_form, ${col("sentralitet")} AS sentralitet
       FROM ${source.relation};
     CREATE OR REPLACE TEMP TABLE doctor_periods AS
       SELECT NULLIF(TRIM(CAST(doctor_id AS VARCHAR)), '') AS doctor_id,
              ${withPeriods ? `TRY_CAST(${col("active_from")} AS DATE)` : "NULL::DATE"} AS active_from,
              ${withPeriods ? `coalesce(TRY_CAST(${source.present.has("active_to") ? col("active_to") : "NULL"} AS DATE), DATE '9999-12-31')` : "NULL::DATE"} AS active_to
       FROM ${source.relation} WHERE ${withPeriods};`,
  );
  const counts = { intro: 0, avgivende_fastlege: 0, fastlege: 0 };
  for (const d of doctors) counts[d.role]++;
  const periods = withPeriods ? [...byId.values()].flatMap((e) => e.periods.map((p) => ({ doctorId: e.row.doctor_id, from: p.from, to: p.to }))) : null;
  return { source, doctors, rows: raw.length, counts, periods };
}
