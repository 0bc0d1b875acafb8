// The third goal's indicator: the handing-over fastleger's consultations and patients before and after the agreement,
// against comparison fastleger over the same calendar windows, from a hand-made claims extract.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { fastlegeWorkload } from "../../src/register/fastlegeWorkload";

const CLAIMS_HEADER = "doctor_id,practice_id,kommunenr,date,takst,refusjon_ore,egenandel_ore,patient_exempt,patient_id";
const DOCTORS_HEADER = "doctor_id,role,agreement_id,agreement_start,agreement_end";

/** `n` 2ad consultations on `date` with distinct patients `${prefix}1..n`, plus one lab line (1e) that is not a consultation. */
const lines = (doctor: string, date: string, n: number, prefix: string) => [
  ...Array.from({ length: n }, (_, k) => `${doctor},P1,0301,${date},2ad,1500,16000,nei,${prefix}${k + 1}`),
  `${doctor},P1,0301,${date},1e,1000,5900,nei,${prefix}1`,
];

function extract(handingOver: number, comparison: number): { claims: string; doctors: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-workload-"));
  const docs: string[] = [];
  const claims: string[] = [];
  for (let k = 1; k <= handingOver; k++) {
    docs.push(`A${k},avgivende_fastlege,IA-1,2023-01-01,2024-12-31`);
    claims.push(...lines(`A${k}`, "2022-06-15", 10, `pa${k}-`), ...lines(`A${k}`, "2023-06-15", 8, `pa${k}-`));
  }
  for (let k = 1; k <= comparison; k++) {
    docs.push(`F${k},fastlege,,,`);
    claims.push(...lines(`F${k}`, "2022-06-15", 10, `pf${k}-`), ...lines(`F${k}`, "2023-06-15", 10, `pf${k}-`));
    claims.push(...lines(`F${k}`, "2021-06-15", 50, `old${k}-`)); // outside both windows: not counted
  }
  fs.writeFileSync(path.join(dir, "claims.csv"), [CLAIMS_HEADER, ...claims].join("\n") + "\n");
  fs.writeFileSync(path.join(dir, "doctors.csv"), [DOCTORS_HEADER, ...docs].join("\n") + "\n");
  return { claims: path.join(dir, "claims.csv"), doctors: path.join(dir, "doctors.csv") };
}

describe("fastlegeWorkload", () => {
  test("hand case: handing-over fastleger 10 -> 8 consultations (−20 %), comparison 10 -> 10 (0 %): difference −20 points", async () => {
    // Windows around the agreement start 2023-01-01: before = 2022-01-01 … 2022-12-31, after = 2023-01-01 … 2023-12-31.
    // Each handing-over fastlege: 10 consultations (10 patients) before, 8 (8 patients) after; the lab lines are not
    // consultations. Each comparison fastlege: 10 and 10; their 2021 lines fall outside both windows.
    const { claims, doctors } = extract(5, 6);
    const w = await fastlegeWorkload(claims, doctors);
    expect(w.windowMonths).toBe(12);
    expect(w.handingOver).toEqual({
      doctors: 5,
      consultationsBefore: 10,
      consultationsAfter: 8,
      patientsBefore: 10,
      patientsAfter: 8,
      consultationsChange: -0.2,
      patientsChange: -0.2,
    });
    expect(w.comparison).toMatchObject({ doctors: 6, consultationsBefore: 10, consultationsAfter: 10, consultationsChange: 0 });
    expect(w.consultationsDifference).toBeCloseTo(-0.2, 12);
  });

  test("four handing-over fastleger are suppressed: every value null, and no difference", async () => {
    const { claims, doctors } = extract(4, 6);
    const w = await fastlegeWorkload(claims, doctors);
    expect(w.handingOver.doctors).toBeNull();
    expect(w.handingOver.consultationsBefore).toBeNull();
    expect(w.consultationsDifference).toBeNull();
  });
});
