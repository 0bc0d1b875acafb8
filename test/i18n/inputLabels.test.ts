// Every named input has a Norwegian and an English label and unit (issue 17): a sweep over every catalogue.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { COHORT_INPUTS } from "../../src/inputs/cohortInputs";
import { COST_INPUTS } from "../../src/inputs/costInputs";
import { FLOW_INPUTS } from "../../src/inputs/flowInputs";
import { SLOT_INPUTS } from "../../src/inputs/slotInputs";
import { INPUT_LABELS_EN, inputLabel, inputUnit } from "../../src/i18n/inputLabels";
import { LANGS } from "../../src/i18n/messages";
import { unitPrecision } from "../../src/format/norwegian";

const ALL = [...COST_INPUTS, ...FLOW_INPUTS, ...COHORT_INPUTS, ...SLOT_INPUTS];
const CAMEL_CASE = /\b[a-z]+[A-Z][A-Za-z]*\b/;

describe("input labels in both languages", () => {
  test("inputLabel(lang, input) and inputUnit(lang, input) are non-empty words, never the camelCase name, for every input and language", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL), fc.constantFrom(...LANGS), (def, lang) => {
        const label = inputLabel(lang, def);
        const unit = inputUnit(lang, def);
        expect(label.trim().length).toBeGreaterThan(0);
        expect(unit.trim().length).toBeGreaterThan(0);
        expect(label).not.toMatch(CAMEL_CASE);
        expect(label).not.toBe(def.name);
        expect(def.help.trim().length).toBeGreaterThan(0); // the one-line meaning
      }),
      { numRuns: ALL.length * 4 },
    );
  });

  test("INPUT_LABELS_EN has an entry for every catalogued input and none for an input that does not exist", () => {
    const names = new Set(ALL.map((d) => d.name));
    expect([...names].filter((n) => !INPUT_LABELS_EN[n])).toEqual([]);
    expect(Object.keys(INPUT_LABELS_EN).filter((n) => !names.has(n))).toEqual([]);
  });

  test("an input's English unit gives the same precision as its Norwegian one (the workbook, CSV and tables format by unit)", () => {
    for (const def of ALL) expect([def.name, unitPrecision(inputUnit("en", def))]).toEqual([def.name, unitPrecision(def.unit)]);
  });

  test("inputLabel picks the language: nb from the definition, en from the English table, nb for an input without an English entry", () => {
    const def = COST_INPUTS.find((d) => d.name === "substitutionShare")!;
    expect(inputLabel("nb", def)).toBe("Substitusjonsandel");
    expect(inputLabel("en", def)).toBe("Substitution share");
    expect(inputUnit("en", def)).toBe("share");
    const takst = { name: "takst.2ad.refusjon@2023-07-01", label: "Takst 2ad, refusjon", unit: "kr" };
    expect(inputLabel("en", takst)).toBe("Takst 2ad, refusjon");
  });
});
