// Small hand-made claims extracts for the claims tests, written as CSV into a fresh temp folder.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const CLAIMS_HEADER = "doctor_id,practice_id,kommunenr,date,takst,refusjon_ore,egenandel_ore,patient_exempt,patient_id";
export const DOCTORS_HEADER = "doctor_id,role,agreement_id,agreement_start,agreement_end";

export function tempDir(prefix = "introsim-claims-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes `lines` under `header` to dir/name and returns the path. */
export function writeCsv(dir: string, name: string, header: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${[header, ...lines].join("\n")}\n`);
  return file;
}

/** The golden world's doctor table: one agreement A1 from 2023-04-01, intro I1, avgivende V1, comparison K1 and K2. */
export const GOLDEN_DOCTORS = ["I1,intro,A1,2023-04-01,2023-06-30", "V1,avgivende_fastlege,A1,2023-04-01,2023-06-30", "K1,fastlege,,,", "K2,fastlege,,,"];
