// Claims files as they arrive from outside: a folder of hive-partitioned Parquet files read as one table, and bad
// input (wrong column types, amounts near 2^63, a damaged file, an empty folder, every line rejected) refused with one
// message that names the file and the column (issues 14 and 16).
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { closeEngine, openEngine, run } from "../../src/claims/duckdb";
import { estimateNetCost } from "../../src/claims/estimateNetCost";
import { UserError } from "../../src/errors/userError";
import { runCli } from "../helpers";
import { CLAIMS_HEADER, DOCTORS_HEADER, GOLDEN_DOCTORS, tempDir, writeCsv } from "./helpers";

/** The golden world of estimateNetCost.test.ts as CSV lines (600 kr per agreement-year). */
function goldenLines(): string[] {
  const line = (doc: string, practice: string, date: string, ref: number, egen = 0, exempt = "nei") =>
    `${doc},${practice},0301,${date},2ad,${ref},${egen},${exempt},N1`;
  const months = ["2023-01-15", "2023-02-15", "2023-03-15", "2023-04-15", "2023-05-15", "2023-06-15"];
  return [
    ...months.map((d, i) => line("K1", "P2", d, i < 3 ? 10_000 : 12_000)),
    ...months.map((d, i) => line("K2", "P3", d, i < 3 ? 10_000 : 12_000)),
    ...months.map((d, i) => line("V1", "P1", d, i < 3 ? 20_000 : 18_000)),
    ...months.slice(3).map((d) => line("I1", "P1", d, 10_000, 16_000, "nei")),
    line("I1", "P1", "2023-05-20", 1_000, 2_000, "ja"),
  ];
}

/** Writes `select` (DuckDB SQL over the CSV `csv`) to a Parquet file. */
async function toParquet(csv: string, file: string, select = "*", where = "true"): Promise<void> {
  const e = await openEngine({ threads: 1 });
  try {
    await run(e, `COPY (SELECT ${select} FROM read_csv('${csv}', header = true, all_varchar = true) WHERE ${where}) TO '${file}' (FORMAT parquet)`);
  } finally {
    closeEngine(e);
  }
}

const typed =
  "doctor_id, practice_id, kommunenr, CAST(date AS DATE) AS date, takst, CAST(refusjon_ore AS BIGINT) AS refusjon_ore, CAST(egenandel_ore AS BIGINT) AS egenandel_ore, patient_exempt, patient_id";

describe("claims files from outside", () => {
  test("estimateNetCost(folder of hive-partitioned Parquet files) reads them as one table: the golden 600 kr", async () => {
    const dir = tempDir();
    const csv = writeCsv(dir, "all.csv", CLAIMS_HEADER, goldenLines());
    const doctors = writeCsv(dir, "doctors.csv", DOCTORS_HEADER, GOLDEN_DOCTORS);
    const root = path.join(dir, "extract");
    for (const m of ["1", "2", "3", "4", "5", "6"]) {
      fs.mkdirSync(path.join(root, "year=2023", `month=${m}`), { recursive: true });
      await toParquet(csv, path.join(root, "year=2023", `month=${m}`, "part-0.parquet"), typed, `month(CAST(date AS DATE)) = ${m}`);
    }
    const r = await estimateNetCost(root, doctors, { bootstrap: 20, seed: 1 });
    expect(r.validation.claims).toMatchObject({ read: 22, accepted: 22, rejected: 0, files: 6, format: "parquet" });
    expect(r.validation.claims.extraColumns.sort()).toEqual(["month", "year"]);
    expect(r.netCostPerAgreementYear.estimate).toBeCloseTo(600, 9);
    expect(r.manifest.claims.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test("estimateNetCost(empty folder) names the folder and what it expected", async () => {
    const dir = tempDir();
    const doctors = writeCsv(dir, "doctors.csv", DOCTORS_HEADER, GOLDEN_DOCTORS);
    fs.mkdirSync(path.join(dir, "empty"));
    await expect(estimateNetCost(path.join(dir, "empty"), doctors, { bootstrap: 10 })).rejects.toThrow(
      /empty: is a folder without \.parquet files; expected a \.csv or \.parquet file, or a folder of \.parquet files/,
    );
  });

  test("a Parquet column of a type that could shift or round values is refused naming the column, its type and what is allowed", async () => {
    const dir = tempDir();
    const csv = writeCsv(dir, "all.csv", CLAIMS_HEADER, goldenLines());
    const doctors = writeCsv(dir, "doctors.csv", DOCTORS_HEADER, GOLDEN_DOCTORS);
    const ts = path.join(dir, "ts.parquet");
    await toParquet(csv, ts, typed.replace("CAST(date AS DATE) AS date", "CAST(date AS TIMESTAMP) AS date"));
    await expect(estimateNetCost(ts, doctors, { bootstrap: 10 })).rejects.toThrow(
      /ts\.parquet: column date: is of type TIMESTAMP; allowed: DATE, or text written YYYY-MM-DD/,
    );
    const dbl = path.join(dir, "dbl.parquet");
    await toParquet(csv, dbl, typed.replace("CAST(refusjon_ore AS BIGINT)", "CAST(refusjon_ore AS DOUBLE)"));
    await expect(estimateNetCost(dbl, doctors, { bootstrap: 10 })).rejects.toThrow(
      /dbl\.parquet: column refusjon_ore: is of type DOUBLE; allowed: an integer type \(whole øre\), or text of whole øre/,
    );
  });

  test("refusjon_ore near 9·10^18 (an INT64 whose sum would overflow) is a counted rejection, not an internal error", async () => {
    const dir = tempDir();
    const csv = writeCsv(dir, "all.csv", CLAIMS_HEADER, [...goldenLines(), "K1,P2,0301,2023-01-20,2ad,9223372036854775000,0,nei,N1"]);
    const doctors = writeCsv(dir, "doctors.csv", DOCTORS_HEADER, GOLDEN_DOCTORS);
    const huge = path.join(dir, "huge.parquet");
    await toParquet(csv, huge, typed);
    const r = await estimateNetCost(huge, doctors, { bootstrap: 10, seed: 1 });
    expect(r.validation.claims.reasons.map((x) => [x.reason, x.rows, x.firstRows])).toEqual([["amount_out_of_range", 1, [23]]]);
    expect(r.netCostPerAgreementYear.estimate).toBeCloseTo(600, 9);
  });

  test("a damaged Parquet file is one message naming the file (a UserError: exit 1, not 70)", async () => {
    const dir = tempDir();
    const csv = writeCsv(dir, "all.csv", CLAIMS_HEADER, Array.from({ length: 40 }, () => goldenLines()).flat());
    const doctors = writeCsv(dir, "doctors.csv", DOCTORS_HEADER, GOLDEN_DOCTORS);
    const bad = path.join(dir, "bad.parquet");
    await toParquet(csv, bad, typed);
    const bytes = fs.readFileSync(bad);
    // Overwrite the first data page (after the 4-byte magic) with noise; the footer stays readable.
    for (let i = 8; i < Math.min(bytes.length - 200, 400); i++) bytes[i] = (i * 7919) & 0xff;
    fs.writeFileSync(bad, bytes);
    const err = await estimateNetCost(bad, doctors, { bootstrap: 10 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UserError);
    expect(String((err as Error).message)).toMatch(/bad\.parquet: (cannot be read|column)/);
  });

  test("when every line is rejected, the message names the file and lists the reasons with counts and first rows", async () => {
    const dir = tempDir();
    const claims = writeCsv(dir, "claims.csv", CLAIMS_HEADER, [
      "K1,P2,0301,2023-01-15T10:00,2ad,1500,16000,nei,N1",
      "K1,P2,0301,15.01.2023,2ad,1500,16000,nei,N1",
      "X1,P2,0301,2023-01-15,2ad,1500,16000,nei,N1",
    ]);
    const doctors = writeCsv(dir, "doctors.csv", DOCTORS_HEADER, GOLDEN_DOCTORS);
    await expect(estimateNetCost(claims, doctors, { bootstrap: 10 })).rejects.toThrow(
      /claims\.csv: no claim line was accepted \(3 read; rejected: bad_value \(date\) 2 \(first lines 2, 3\); unknown_doctor 1 \(first lines 4\)\)/,
    );
  });

  test("a claims CSV that is not UTF-8 is refused with the line and byte of the first bad byte, like every other CSV input", async () => {
    const dir = tempDir();
    const doctors = writeCsv(dir, "doctors.csv", DOCTORS_HEADER, GOLDEN_DOCTORS);
    const file = path.join(dir, "latin1.csv");
    // Line 4 (header = line 1) holds practice "Bø" saved as latin-1: 0xF8 is byte 5 of that line.
    const lines = [CLAIMS_HEADER, ...goldenLines()];
    const head = Buffer.from(`${lines.slice(0, 3).join("\n")}\nK1,B`, "utf8");
    fs.writeFileSync(
      file,
      Buffer.concat([head, Buffer.from([0xf8]), Buffer.from(`,0301,2023-01-20,2ad,1500,0,nei,N1\n${lines.slice(3).join("\n")}\n`, "utf8")]),
    );
    await expect(estimateNetCost(file, doctors, { bootstrap: 10 })).rejects.toThrow(
      /latin1\.csv: is not UTF-8 text \(line 4, byte 5: 0xF8, e\.g\. æ, ø or å saved as latin-1\/Windows-1252\); save it as UTF-8/,
    );
  });

  test("the line of a bad byte is counted across the scanner's 1 MiB chunks", async () => {
    const dir = tempDir();
    const doctors = writeCsv(dir, "doctors.csv", DOCTORS_HEADER, GOLDEN_DOCTORS);
    const file = path.join(dir, "big.csv");
    const good = goldenLines();
    const body = Array.from({ length: 30_000 }, (_, i) => good[i % good.length]!); // 30 000 lines of ~45 bytes: 1.3 MiB
    fs.writeFileSync(file, Buffer.concat([Buffer.from(`${[CLAIMS_HEADER, ...body].join("\n")}\n`, "utf8"), Buffer.from([0x4b, 0x32, 0xe6, 0x0a])]));
    // The bad line is the last: 1 header + 30 000 lines before it; 0xE6 (æ in latin-1) is its byte 3.
    await expect(estimateNetCost(file, doctors, { bootstrap: 10 })).rejects.toThrow(/big\.csv: is not UTF-8 text \(line 30002, byte 3: 0xE6/);
  });

  test("an empty claims CSV and one with a wrong header are refused naming the file and what was expected", async () => {
    const dir = tempDir();
    const doctors = writeCsv(dir, "doctors.csv", DOCTORS_HEADER, GOLDEN_DOCTORS);
    const empty = path.join(dir, "empty.csv");
    fs.writeFileSync(empty, "\n  \n");
    await expect(estimateNetCost(empty, doctors, { bootstrap: 10 })).rejects.toThrow(
      /empty\.csv: is empty; expected a header line \(doctor_id,practice_id,kommunenr,date,takst,refusjon_ore,egenandel_ore,patient_exempt,patient_id\)/,
    );
    const dato = writeCsv(dir, "dato.csv", CLAIMS_HEADER.replace("date", "dato"), goldenLines());
    await expect(estimateNetCost(dato, doctors, { bootstrap: 10 })).rejects.toThrow(
      /dato\.csv: missing column "date"; expected columns: doctor_id, practice_id, kommunenr, date, takst, refusjon_ore, egenandel_ore, patient_exempt, patient_id; found: .*dato/,
    );
  });

  test("rejected lines in a folder of Parquet files are reported with the file they are in and their row in it", async () => {
    const dir = tempDir();
    const bad = "K1,P2,0301,2023-02-20,2ad,-5,0,nei,N1"; // negative refusjon: rejected
    const csv = writeCsv(dir, "all.csv", CLAIMS_HEADER, [...goldenLines(), bad]);
    const doctors = writeCsv(dir, "doctors.csv", DOCTORS_HEADER, GOLDEN_DOCTORS);
    const root = path.join(dir, "extract");
    for (const m of ["1", "2", "3", "4", "5", "6"]) {
      fs.mkdirSync(path.join(root, "year=2023", `month=${m}`), { recursive: true });
      await toParquet(csv, path.join(root, "year=2023", `month=${m}`, "part-0.parquet"), typed, `month(CAST(date AS DATE)) = ${m}`);
    }
    const r = await estimateNetCost(root, doctors, { bootstrap: 10, seed: 1 });
    // February's file holds K1's, K2's and V1's February lines (rows 1-3) and then the bad line (row 4).
    expect(r.validation.claims.reasons).toEqual([
      expect.objectContaining({ reason: "negative_amount", rows: 1, firstRows: [4], firstFiles: [path.join("year=2023", "month=2", "part-0.parquet")] }),
    ]);
    expect(r.netCostPerAgreementYear.estimate).toBeCloseTo(600, 9);
  });

  test("claims estimate --out checks the output folder before it reads or computes anything", () => {
    const dir = tempDir();
    // The claims file does not exist: had the estimate run first, the message would be about it.
    const e = runCli(["claims", "estimate", "--claims", path.join(dir, "missing.parquet"), "--doctors", path.join(dir, "missing.csv"), "--out", "/etc"]);
    expect(e.status).toBe(1);
    expect(e.stderr).toMatch(/\/etc/);
    expect(e.stderr).not.toMatch(/missing\.parquet/);
    const foreign = path.join(dir, "notes");
    fs.mkdirSync(foreign);
    fs.writeFileSync(path.join(foreign, "mine.txt"), "a user's notes\n");
    const f = runCli(["claims", "estimate", "--claims", path.join(dir, "missing.parquet"), "--doctors", path.join(dir, "missing.csv"), "--out", foreign]);
    expect(f.status).toBe(1);
    expect(f.stderr).toMatch(/notes/);
    expect(f.stderr).not.toMatch(/missing\.parquet/);
  });
});
