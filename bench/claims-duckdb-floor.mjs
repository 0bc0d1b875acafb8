#!/usr/bin/env node
/**
 * The floor for `claims estimate`'s heavy step (issue 18): the validation and first aggregation written as one raw
 * DuckDB SQL statement over the same Parquet files, with nothing around it (no doctor-table checks, no rejected-row
 * lookup, no panel, no bootstrap). bench/claims-vs-pandas.mjs runs it as its own process beside introsim.
 *
 *   node bench/claims-duckdb-floor.mjs CLAIMS (file or hive folder) DOCTORS.parquet TARIFF.json [threads] [spill folder]
 *
 * Checks per line, as validateClaims: missing values, patient_exempt ja/nei, negative amounts or antall, amounts above
 * 10^10 øre, a doctor not in the doctor table; the takst is looked up in the dated tariff by an equality join on
 * (takst, day) (unknown on its date = counted, not rejected; a range join per line was 3 times slower). Sums folketrygd cost (refusjon + egenandel when exempt) by reason, doctor, practice and month.
 * Prints one JSON line: read, accepted, rejected, cost of accepted lines in øre, lines with an unknown takst, groups.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { DuckDBInstance } = require(join(ROOT, "node_modules/@duckdb/node-api"));

const [claims, doctors, tariffJson, threads = "2", spillArg] = process.argv.slice(2);
const spill = spillArg ?? mkdtempSync(join(tmpdir(), "claims-floor-"));
const glob = statSync(claims).isDirectory() ? `read_parquet('${join(claims, "**", "*.parquet")}', hive_partitioning = true)` : `read_parquet('${claims}')`;
const periods = JSON.parse(readFileSync(tariffJson, "utf8"));
const values = periods.map((p) => `('${p.takst}', DATE '${p.valid_from}', DATE '${p.valid_to}')`).join(", ");
const db = await DuckDBInstance.create(":memory:", { threads });
const c = await db.connect();
await c.run(`SET memory_limit = '2GB'; SET temp_directory = '${join(spill, "spill")}'`);
await c.run(`CREATE TABLE doctors AS SELECT doctor_id, role FROM read_parquet('${doctors}');
  CREATE TABLE tariff_days AS SELECT takst, unnest(generate_series(valid_from, valid_to, INTERVAL 1 DAY))::DATE AS day
    FROM (VALUES ${values}) t(takst, valid_from, valid_to);
  CREATE TABLE agg AS
    SELECT reason, unknown_takst, doctor_id, practice_id, year(date) * 12 + month(date) - 1 AS m, count(*) AS n,
      sum(refusjon_ore + CASE WHEN patient_exempt = 'ja' THEN egenandel_ore ELSE 0 END) AS cost_ore
    FROM (
      SELECT l.*, CASE
          WHEN l.doctor_id IS NULL OR l.practice_id IS NULL OR l.kommunenr IS NULL OR l.date IS NULL OR l.takst IS NULL
            OR l.refusjon_ore IS NULL OR l.egenandel_ore IS NULL OR l.patient_exempt IS NULL OR l.patient_id IS NULL THEN 'missing_value'
          WHEN l.patient_exempt NOT IN ('ja', 'nei') THEN 'bad_patient_exempt'
          WHEN l.refusjon_ore < 0 OR l.egenandel_ore < 0 OR l.antall <= 0 THEN 'negative_amount'
          WHEN l.refusjon_ore > 10000000000 OR l.egenandel_ore > 10000000000 THEN 'amount_out_of_range'
          WHEN d.role IS NULL THEN 'unknown_doctor' END AS reason,
        k.takst IS NULL AS unknown_takst
      FROM ${glob} l LEFT JOIN doctors d USING (doctor_id) LEFT JOIN tariff_days k ON k.takst = l.takst AND k.day = l.date)
    GROUP BY ALL`);
const r = await c.runAndReadAll(`SELECT sum(n)::DOUBLE AS read, (sum(n) FILTER (WHERE reason IS NULL))::DOUBLE AS accepted,
  (sum(cost_ore) FILTER (WHERE reason IS NULL))::VARCHAR AS cost, (sum(n) FILTER (WHERE reason IS NULL AND unknown_takst))::DOUBLE AS unknown,
  count(*)::DOUBLE AS groups FROM agg`);
const [row] = r.getRowObjectsJS();
c.closeSync();
db.closeSync();
if (!spillArg) rmSync(spill, { recursive: true, force: true });
process.stdout.write(
  `${JSON.stringify({ read: row.read, accepted: row.accepted ?? 0, rejected: row.read - (row.accepted ?? 0), costOre: row.cost, unknownTakstLines: row.unknown ?? 0, groups: row.groups })}\n`,
);
