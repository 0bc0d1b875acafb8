// Validation of claim lines: every reason counted with its first line numbers, a missing column named, and rows
// read = accepted + rejected for any file (property test against a slow classifier written from the definition).
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { closeEngine, openEngine } from "../../src/claims/duckdb";
import { loadDoctors } from "../../src/claims/readDoctors";
import { createTariffDays, tariffPeriods, type TariffPeriod } from "../../src/claims/tariffTable";
import { validateClaims } from "../../src/claims/validateClaims";
import { isIsoDate } from "../../src/time/isoDate";
import { realParams } from "../helpers";
import { CLAIMS_HEADER, DOCTORS_HEADER, GOLDEN_DOCTORS, tempDir, writeCsv } from "./helpers";

const periods = tariffPeriods(realParams());

async function validate(claimLines: string[], doctorLines = GOLDEN_DOCTORS, header = CLAIMS_HEADER) {
  const dir = tempDir();
  const engine = await openEngine({ threads: 1 });
  try {
    await createTariffDays(engine, periods);
    await loadDoctors(engine, writeCsv(dir, "doctors.csv", DOCTORS_HEADER, doctorLines));
    return await validateClaims(engine, writeCsv(dir, "claims.csv", header, claimLines));
  } finally {
    closeEngine(engine);
  }
}

describe("validateClaims", () => {
  test("validateClaims(file) counts each rejection reason with its first CSV line numbers", async () => {
    const v = await validate([
      "K1,P2,0301,2023-01-15,2ad,1500,16000,nei,N1", // line 2: accepted
      "K1,P2,0301,2023-01-15,,1500,16000,nei,N1", // 3: missing takst
      "K1,P2,0301,2023-02-30,2ad,1500,16000,nei,N1", // 4: not a date
      "K1,P2,0301,2023-01-15,2ad,15.5x,16000,nei,N1", // 5: not whole øre
      "K1,P2,0301,2023-01-15,2ad,1500,16000,kanskje,N1", // 6: bad patient_exempt
      "K1,P2,0301,2023-01-15,2ad,-1500,16000,nei,N1", // 7: negative
      "X9,P2,0301,2023-01-15,2ad,1500,16000,nei,N1", // 8: unknown doctor
      "I1,P1,0301,2023-03-31,2ad,1500,16000,nei,N1", // 9: intro before agreement_start
      "I1,P1,0301,2023-07-01,2ad,1500,16000,nei,N1", // 10: intro after agreement_end
      "K1,P2,0301,2023-01-15,zz9,1500,16000,nei,N1", // 11: unknown takst
      "K1,P2,0301,2020-01-15,2ad,1500,16000,nei,N1", // 12: 2ad not in the tariff's periods on that date
      "I1,P1,0301,2023-04-01,2ad,1500,16000,ja,N1", // 13: accepted (first day of the window)
    ]);
    expect(v).toMatchObject({ read: 12, accepted: 2, rejected: 10, format: "csv" });
    const by = Object.fromEntries(v.reasons.map((r) => [`${r.reason}${r.column ? `:${r.column}` : ""}`, [r.rows, r.firstRows]]));
    expect(by).toEqual({
      "missing_value:takst": [1, [3]],
      "bad_value:date": [1, [4]],
      "bad_value:refusjon_ore": [1, [5]],
      bad_patient_exempt: [1, [6]],
      negative_amount: [1, [7]],
      unknown_doctor: [1, [8]],
      outside_agreement_window: [2, [9, 10]],
      unknown_takst_for_date: [2, [11, 12]],
    });
  });

  test("validateClaims(file without a takst column) names the file, the missing column and the columns expected", async () => {
    const header = CLAIMS_HEADER.replace(",takst", "");
    await expect(validate(["K1,P2,0301,2023-01-15,1500,16000,nei,N1"], GOLDEN_DOCTORS, header)).rejects.toThrow(
      /claims\.csv: missing column "takst"; expected columns: doctor_id, practice_id, kommunenr, date, takst, refusjon_ore, egenandel_ore, patient_exempt, patient_id; found: /,
    );
  });

  test("loadDoctors(table with a bad role) names the line, the field and what is allowed", async () => {
    await expect(validate([], [...GOLDEN_DOCTORS, "Z1,vikar,,,"])).rejects.toThrow(
      /doctors\.csv: line 6: role: role must be one of intro, avgivende_fastlege, fastlege \(got "vikar"\)/,
    );
    await expect(validate([], [...GOLDEN_DOCTORS, "Z1,intro,A9,2023-05-01,"])).rejects.toThrow(
      /line 6: agreement_end: agreement_end is required when role is intro/,
    );
    await expect(validate([], [...GOLDEN_DOCTORS, "K1,fastlege,,,"])).rejects.toThrow(/line 6: doctor_id: "K1" is already on line 4/);
  });

  // The slow classifier, straight from the definition in README / REJECTION_REASONS (first failing check wins).
  function reference(row: string[], tariff: ReadonlyArray<TariffPeriod>): string | null {
    const [doctor, practice, kommune, date, takst, ref, egen, exempt, patient] = row;
    const cols = {
      doctor_id: doctor,
      practice_id: practice,
      kommunenr: kommune,
      date,
      takst,
      refusjon_ore: ref,
      egenandel_ore: egen,
      patient_exempt: exempt,
      patient_id: patient,
    };
    for (const [k, v] of Object.entries(cols)) if (v === "") return `missing_value:${k}`;
    if (!isIsoDate(date!)) return "bad_value:date";
    if (!/^-?\d+$/.test(ref!)) return "bad_value:refusjon_ore";
    if (!/^-?\d+$/.test(egen!)) return "bad_value:egenandel_ore";
    if (exempt !== "ja" && exempt !== "nei") return "bad_patient_exempt";
    if (+ref! < 0 || +egen! < 0) return "negative_amount";
    const role = { I1: "intro", V1: "avgivende_fastlege", K1: "fastlege", K2: "fastlege" }[doctor!];
    if (!role) return "unknown_doctor";
    if (role === "intro" && (date! < "2023-04-01" || date! > "2023-06-30")) return "outside_agreement_window";
    if (!tariff.some((p) => p.takst === takst && p.from <= date! && date! <= p.to)) return "unknown_takst_for_date";
    return null;
  }

  test("validateClaims: rows read = accepted + rejected, and every reason's count matches the definition (random files)", async () => {
    const cell = {
      doctor: fc.constantFrom("I1", "V1", "K1", "K2", "X9", ""),
      date: fc.constantFrom("2023-01-15", "2023-04-01", "2023-06-30", "2023-07-01", "2021-06-30", "2023-02-30", "15.01.2023", ""),
      takst: fc.constantFrom("2ad", "2cd", "1e", "zz9", ""),
      amount: fc.constantFrom("0", "1500", "-1", "12.5", ""),
      exempt: fc.constantFrom("ja", "nei", "JA", ""),
      id: fc.constantFrom("P1", "N7", ""),
    };
    const row = fc.tuple(cell.doctor, cell.id, fc.constantFrom("0301", ""), cell.date, cell.takst, cell.amount, cell.amount, cell.exempt, cell.id);
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 40 }), async (rows) => {
        const v = await validate(rows.map((r) => r.join(",")));
        expect(v.read).toBe(rows.length);
        expect(v.accepted + v.rejected).toBe(v.read);
        const expected = new Map<string, number>();
        for (const r of rows) {
          const reason = reference(r, periods);
          if (reason) expected.set(reason, (expected.get(reason) ?? 0) + 1);
        }
        const got = new Map(v.reasons.map((r) => [`${r.reason}${r.column ? `:${r.column}` : ""}`, r.rows]));
        expect(got).toEqual(expected);
      }),
      { numRuns: 30, seed: 6 },
    );
  });
});
