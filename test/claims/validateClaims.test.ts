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
      "I1,P1,0301,2023-03-31,2ad,1500,16000,nei,N1", // 9: accepted: intro before agreement_start (prior activity)
      "I1,P1,0301,2023-07-01,2ad,1500,16000,nei,N1", // 10: accepted: intro after agreement_end (not intro cost)
      "K1,P2,0301,2023-01-15,zz9,1500,16000,nei,N1", // 11: accepted: unknown takst, counted
      "K1,P2,0301,2020-01-15,2ad,1500,16000,nei,N1", // 12: accepted: 2ad not in the tariff's periods on that date
      "I1,P1,0301,2023-04-01,2ad,1500,16000,ja,N1", // 13: accepted (first day of the window)
      "K1,P2,0301,2023-01-15,2ad,20000000000,16000,nei,N1", // 14: 200 million kr on one line
    ]);
    expect(v).toMatchObject({ read: 13, accepted: 6, rejected: 7, format: "csv" });
    const by = Object.fromEntries(v.reasons.map((r) => [`${r.reason}${r.column ? `:${r.column}` : ""}`, [r.rows, r.firstRows]]));
    expect(by).toEqual({
      "missing_value:takst": [1, [3]],
      "bad_value:date": [1, [4]],
      "bad_value:refusjon_ore": [1, [5]],
      bad_patient_exempt: [1, [6]],
      negative_amount: [1, [7]],
      unknown_doctor: [1, [8]],
      amount_out_of_range: [1, [14]],
    });
    // 2ad had no tariff period in 2020 and zz9 never: both listed by takst with their kroner. 2ad on 2023-07-01 carries
    // 2022-23's egenandel (160 kr) where 2023-24 says 170 kr: off the tariff by more than 2 % + 1 kr.
    expect(v.unknownTakster).toEqual([
      { takst: "2ad", lines: 1, kroner: 15, share: 15 / v.acceptedKroner },
      { takst: "zz9", lines: 1, kroner: 15, share: 15 / v.acceptedKroner },
    ]);
    // Folketrygd cost of the accepted lines: 6 × 15 kr refusjon + 160 kr egenandel of the exempt patient on line 13 = 250 kr.
    expect(v.acceptedKroner).toBeCloseTo(250, 9);
    expect(v.tariffMismatches).toEqual([{ takst: "2ad", lines: 1, kroner: 15, share: 15 / 250 }]);
    expect(v.introOutsideWindow).toEqual({ before: { lines: 1, kroner: 15 }, after: { lines: 1, kroner: 15 } });
  });

  test("validateClaims: lab lines with a takst outside the normaltariff are accepted and listed with lines, kroner and share", async () => {
    const v = await validate([
      "I1,P1,0301,2023-05-02,2ad,1500,16000,nei,N1", // 2ad 2022-23: refusjon 15 kr, egenandel 160 kr (the tariff's)
      "I1,P1,0301,2023-05-02,701a,6000,0,nei,N1", // lab: 60 kr
      "I1,P1,0301,2023-05-03,701a,6000,0,nei,N2", // lab: 60 kr
    ]);
    expect(v).toMatchObject({ read: 3, accepted: 3, rejected: 0 });
    // 15 + 60 + 60 = 135 kr accepted; the lab lines are 120 / 135 of it.
    expect(v.acceptedKroner).toBeCloseTo(135, 9);
    expect(v.unknownTakster).toEqual([{ takst: "701a", lines: 2, kroner: 120, share: 120 / 135 }]);
    expect(v.tariffMismatches).toEqual([]);
  });

  test("validateClaims: a line's amounts per use (antall) are checked against the dated tariff with a tolerance", async () => {
    const header = `${CLAIMS_HEADER},antall`;
    const v = await validate(
      [
        "K1,P2,0301,2023-05-02,2ad,4500,48000,nei,N1,3", // 3 uses of 15 / 160 kr: agrees
        "K1,P2,0301,2023-05-02,2ad,4500,48000,nei,N1,1", // the same amounts for one use: three times the tariff
        "K1,P2,0301,2023-05-02,2ad,4500,48000,nei,N1,0", // antall 0: rejected
      ],
      GOLDEN_DOCTORS,
      header,
    );
    expect(v).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
    expect(v.reasons.map((r) => r.reason)).toEqual(["negative_amount"]);
    // Accepted: 45 + 45 kr (patients not exempt); the one-use line is half of it.
    expect(v.tariffMismatches).toEqual([{ takst: "2ad", lines: 1, kroner: 45, share: 0.5 }]);
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

  test("loadDoctors with active periods: several rows per doctor; overlapping periods and a period ending before it starts are refused", async () => {
    const header = `${DOCTORS_HEADER},active_from,active_to`;
    const base = ["I1,intro,A1,2023-04-01,2023-06-30,2023-01-01,", "V1,avgivende_fastlege,A1,2023-04-01,2023-06-30,2023-01-01,"];
    const dir = tempDir();
    const run = async (lines: string[], claims: string[] = []) => {
      const engine = await openEngine({ threads: 1 });
      try {
        await createTariffDays(engine, periods);
        const t = await loadDoctors(engine, writeCsv(dir, "doctors.csv", header, lines));
        const v = await validateClaims(engine, writeCsv(dir, "claims.csv", CLAIMS_HEADER, claims), { withPeriods: t.periods !== null });
        return { t, v };
      } finally {
        closeEngine(engine);
      }
    };
    const { t, v } = await run(
      [...base, "K1,fastlege,,,,2023-01-01,2023-02-28", "K1,fastlege,,,,2023-05-01,"],
      ["K1,P2,0301,2023-02-15,2ad,15000,16000,nei,N1", "K1,P2,0301,2023-03-15,2ad,15000,16000,nei,N1", "K1,P2,0301,2023-05-15,2ad,15000,16000,nei,N1"],
    );
    expect(t.periods).toEqual([
      { doctorId: "I1", from: "2023-01-01", to: null },
      { doctorId: "V1", from: "2023-01-01", to: null },
      { doctorId: "K1", from: "2023-01-01", to: "2023-02-28" },
      { doctorId: "K1", from: "2023-05-01", to: null },
    ]);
    expect(t.doctors).toHaveLength(3);
    // The March line falls between K1's periods: counted, not fatal.
    expect(v.reasons.map((r) => [r.reason, r.rows, r.firstRows])).toEqual([["outside_active_period", 1, [3]]]);
    await expect(run([...base, "K1,fastlege,,,,2023-01-01,2023-06-30", "K1,fastlege,,,,2023-05-01,"])).rejects.toThrow(
      /doctors\.csv: line 5: active_from: "K1"'s period 2023-05-01 – \(open\) overlaps its period 2023-01-01 – 2023-06-30 on line 4; periods of one doctor must not overlap/,
    );
    await expect(run([...base, "K1,fastlege,,,,2023-03-01,2023-02-01"])).rejects.toThrow(
      /doctors\.csv: line 4: active_to: active_to 2023-02-01 is before active_from 2023-03-01/,
    );
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
    if (+ref! > 1e10 || +egen! > 1e10) return "amount_out_of_range";
    const role = { I1: "intro", V1: "avgivende_fastlege", K1: "fastlege", K2: "fastlege" }[doctor!];
    if (!role) return "unknown_doctor";
    // Every takst is accepted (an unknown one is counted in the summary), and so are an intro doctor's lines outside the window.
    void tariff;
    return null;
  }

  test("validateClaims: rows read = accepted + rejected, and every reason's count matches the definition (random files)", async () => {
    const cell = {
      doctor: fc.constantFrom("I1", "V1", "K1", "K2", "X9", ""),
      date: fc.constantFrom("2023-01-15", "2023-04-01", "2023-06-30", "2023-07-01", "2021-06-30", "2023-02-30", "15.01.2023", ""),
      takst: fc.constantFrom("2ad", "2cd", "1e", "zz9", ""),
      amount: fc.constantFrom("0", "1500", "-1", "12.5", "", "99999999999999999999"),
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
