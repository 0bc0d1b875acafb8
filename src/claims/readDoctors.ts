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

export interface DoctorTable {
  source: TableSource;
  doctors: DoctorRow[];
  /** Doctors by role. */
  counts: Record<DoctorRow["role"], number>;
}

/** Where row `i` (0-based) is, as a user finds it: a CSV line (header is line 1) or a Parquet row number. */
function rowLabel(source: TableSource, i: number): string {
  return source.format === "csv" ? `line ${i + 2}` : `row ${i + 1}`;
}

export async function loadDoctors(engine: Engine, file: string): Promise<DoctorTable> {
  const source = await openTable(engine, file, DOCTOR_COLUMNS);
  const text = (c: string) => `NULLIF(TRIM(CAST(${c} AS VARCHAR)), '') AS ${c}`;
  const raw = await rows<Record<string, string | null>>(
    engine,
    `SELECT ${DOCTOR_COLUMNS.map((c) => text(c.name)).join(", ")} FROM ${source.numberedRelation} ORDER BY file_row`,
  );
  const where = displayPath(file);
  const seen = new Map<string, number>();
  const doctors = raw.map((r, i) => {
    const parsed = doctorRow.safeParse(r);
    if (!parsed.success) {
      const { path, what } = describeZodIssue(parsed.error);
      throw new UserError("io", `${where}: ${rowLabel(source, i)}${path ? `: ${path}` : ""}`, `${what} (got ${JSON.stringify(r[path] ?? null)})`);
    }
    const prev = seen.get(parsed.data.doctor_id);
    if (prev !== undefined)
      throw new UserError(
        "io",
        `${where}: ${rowLabel(source, i)}: doctor_id`,
        `"${parsed.data.doctor_id}" is already on ${rowLabel(source, prev)}; each doctor appears once`,
      );
    seen.set(parsed.data.doctor_id, i);
    return parsed.data;
  });
  if (doctors.length === 0) throw new UserError("io", where, "has no doctors");
  await run(
    engine,
    `CREATE OR REPLACE TEMP TABLE doctors AS
       SELECT NULLIF(TRIM(CAST(doctor_id AS VARCHAR)), '') AS doctor_id, TRIM(CAST(role AS VARCHAR)) AS role,
              NULLIF(TRIM(CAST(agreement_id AS VARCHAR)), '') AS agreement_id,
              TRY_CAST(NULLIF(TRIM(CAST(agreement_start AS VARCHAR)), '') AS DATE) AS agreement_start,
              TRY_CAST(NULLIF(TRIM(CAST(agreement_end AS VARCHAR)), '') AS DATE) AS agreement_end
       FROM ${source.relation}`,
  );
  const counts = { intro: 0, avgivende_fastlege: 0, fastlege: 0 };
  for (const d of doctors) counts[d.role]++;
  return { source, doctors, counts };
}
