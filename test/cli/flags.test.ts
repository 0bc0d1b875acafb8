// Flag values and --set: declared ranges, decimal numbers only, known names only; the message states the real range.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { InvalidArgumentError } from "commander";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { FLAG_DATE_MAX, FLAG_DATE_MIN, MAX_AGREEMENT_YEAR_INDEX, MAX_SIMULATION_MONTHS } from "../../src/constants";
import { UserError } from "../../src/errors/userError";
import { MAX_SEED, parseCap, parseDraws, parseIsoDateFlag, parseMonths, parseSeed } from "../../src/cli/flags";
import { applyOverrides } from "../../src/scenario/overrides";
import { loadScenario } from "../../src/scenario/loadScenario";
import { realParams, STANDARD } from "../helpers";

function flagError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidArgumentError);
    return (e as Error).message;
  }
  throw new Error("expected an InvalidArgumentError");
}

function userError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error("expected a UserError");
}

describe("numeric flags state their range", () => {
  test("parseSeed takes 0 to 2^32 − 1 = 4294967295, the Mersenne Twister's seed range", () => {
    expect(MAX_SEED).toBe(4294967295);
    expect(parseSeed("0")).toBe(0);
    expect(parseSeed("4294967295")).toBe(4294967295);
    expect(flagError(() => parseSeed("4294967296"))).toBe('"4294967296" is not allowed; seed must be a whole number from 0 to 4294967295, e.g. --seed 1');
    expect(flagError(() => parseSeed("9007199254740993"))).toMatch(/from 0 to 4294967295/);
  });

  test("parseCap shows a huge value as typed, not as 1e+23", () => {
    expect(flagError(() => parseCap("99999999999999999999999"))).toBe(
      '"99999999999999999999999" is not allowed; the cap (agreements) must be a whole number from 1 to 1000000, e.g. --cap 65',
    );
    expect(parseCap("65")).toBe(65);
  });

  test("parseMonths refuses 100000 (the slot simulation's horizon is at most 240 months)", () => {
    expect(MAX_SIMULATION_MONTHS).toBe(240);
    expect(flagError(() => parseMonths("100000"))).toBe('"100000" is not allowed; months must be a whole number from 1 to 240, e.g. --months 48');
    expect(parseMonths("240")).toBe(240);
  });

  test("whole-number flags refuse 1e3, 0x10, -1, 1.5, Infinity and empty text", () => {
    for (const v of ["1e3", "0x10", "-1", "1.5", "Infinity", "", " ", "１２"])
      expect(flagError(() => parseDraws(v))).toMatch(/^".*" is not allowed; draws must be/);
  });

  test("any string either parses to a whole number within the range or is refused (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map(String)), (v) => {
        let n: number;
        try {
          n = parseSeed(v);
        } catch (e) {
          expect(e).toBeInstanceOf(InvalidArgumentError);
          return;
        }
        expect(Number.isInteger(n) && n >= 0 && n <= MAX_SEED).toBe(true);
        expect(String(n)).toBe(v.trim().replace(/^0+(?=\d)/, ""));
      }),
      { numRuns: 2000 },
    );
  });

  test("parseIsoDateFlag refuses dates outside 2000–2099, naming the range (--as-of 1900-01-01 blames the flag)", () => {
    expect(flagError(() => parseIsoDateFlag("1900-01-01"))).toBe(`"1900-01-01" is not allowed; the date must be from ${FLAG_DATE_MIN} to ${FLAG_DATE_MAX}`);
    expect(flagError(() => parseIsoDateFlag("2024-02-30"))).toBe('"2024-02-30" is not a date written YYYY-MM-DD');
    expect(parseIsoDateFlag("2024-07-01")).toBe("2024-07-01");
  });
});

describe("--set takes decimal numbers and known names only", () => {
  test("prototype keys are unknown names, and nothing lands on the scenario", () => {
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      const raw: Record<string, unknown> = {};
      expect(userError(() => applyOverrides(raw, [`${name}=1`]))).toMatch(new RegExp(`^--set ${name}=1: unknown name "${name}"; allowed: `));
      expect(Object.keys(raw)).toEqual([]);
      expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
    }
  });

  test("hex, exponents and Infinity are refused; a decimal comma is accepted", () => {
    for (const v of ["0x1", "1e-1", "Infinity", "NaN", "1,2,3", "--1", ""])
      expect(userError(() => applyOverrides({}, [`substitutionShare=${v}`]))).toMatch(
        /is not a decimal number; write e\.g\. substitutionShare=0\.5 or substitutionShare=0,5$/,
      );
    const raw: Record<string, unknown> = {};
    expect(applyOverrides(raw, ["substitutionShare=0,35"])).toEqual([{ name: "substitutionShare", value: 0.35 }]);
    expect(applyOverrides({}, ["substitutionShare=.5"])).toEqual([{ name: "substitutionShare", value: 0.5 }]);
  });

  test("settings have ranges: agreementYearIndex 1 to 10, agreements whole and not negative", () => {
    expect(userError(() => applyOverrides({}, ["agreementYearIndex=1000000"]))).toBe(
      `--set agreementYearIndex=1000000: "1000000" is not allowed; agreementYearIndex must be a whole number from 1 to ${MAX_AGREEMENT_YEAR_INDEX}`,
    );
    expect(userError(() => applyOverrides({}, ["agreements=2,5"]))).toMatch(/agreements must be a whole number from 0 to 1000000$/);
    expect(applyOverrides({}, ["agreementYearIndex=2"])).toEqual([{ name: "agreementYearIndex", value: 2 }]);
  });

  test("a scenario file with agreementYearIndex: 1000000 is refused naming the field and the range", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-flags-"));
    const file = path.join(dir, "idx.yaml");
    fs.writeFileSync(file, `extends: ${JSON.stringify(STANDARD)}\nagreementYearIndex: 1000000\n`);
    expect(userError(() => loadScenario(file, realParams()))).toMatch(
      /idx\.yaml \(extends .*standard\.yaml\): agreementYearIndex: 1000000 is not allowed; agreementYearIndex must be a whole number from 1 to 10 \(no agreement lasts longer\)$/,
    );
  });
});
