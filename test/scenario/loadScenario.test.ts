import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import YAML from "yaml";
import { describe, expect, test } from "vitest";
import { loadScenario, parseScenario } from "../../src/scenario/loadScenario";
import { buildCostProblem } from "../../src/cost/costProblem";
import { scenarioHash } from "../../src/manifest/manifest";
import { COST_INPUTS } from "../../src/inputs/costInputs";
import { UserError } from "../../src/errors/userError";
import { realParams, STANDARD } from "../helpers";

const params = realParams();
const standardRaw = () => YAML.parse(fs.readFileSync(STANDARD, "utf8")) as Record<string, any>;

function writeScenario(obj: unknown, name = "s.yaml", dir = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-scn-"))): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof obj === "string" ? obj : YAML.stringify(obj));
  return file;
}

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error("expected a UserError");
}

describe("loadScenario(file) on bad input gives one message naming the file and the field", () => {
  test("an unknown key", () => {
    const file = writeScenario({ ...standardRaw(), inputz: {} });
    expect(errorOf(() => loadScenario(file, params)).message).toMatch(/s\.yaml: unknown key "inputz"/);
  });

  test("an unknown input name", () => {
    const raw = standardRaw();
    raw.inputs.substitutionShar = 0.5;
    expect(errorOf(() => loadScenario(writeScenario(raw), params)).message).toMatch(/s\.yaml: inputs: unknown key "substitutionShar"/);
  });

  test("a missing field", () => {
    const raw = standardRaw();
    delete raw.inputs.substitutionShare;
    expect(errorOf(() => loadScenario(writeScenario(raw), params)).message).toMatch(/s\.yaml: inputs\.substitutionShare: missing field/);
    const raw2 = standardRaw();
    delete raw2.agreementYearStart;
    expect(errorOf(() => loadScenario(writeScenario(raw2), params)).message).toMatch(/s\.yaml: agreementYearStart: /);
  });

  test("a negative count", () => {
    const raw = standardRaw();
    raw.inputs.consultationsPerWeekFullTime.lav = -5;
    expect(errorOf(() => loadScenario(writeScenario(raw), params)).message).toMatch(
      /s\.yaml: inputs\.consultationsPerWeekFullTime\.lav: -5 is not allowed; consultationsPerWeekFullTime is a count: 0 to 1000000/,
    );
  });

  test("a probability outside 0–1", () => {
    const raw = standardRaw();
    raw.inputs.substitutionShare = { type: "trippelestimat", lav: 0.2, mest_sannsynlig: 0.5, hoy: 1.2 };
    expect(errorOf(() => loadScenario(writeScenario(raw), params)).message).toMatch(
      /inputs\.substitutionShare\.hoy: 1\.2 is not allowed; substitutionShare is a share or probability: 0 to 1/,
    );
  });

  test("allocation.months beyond 20 years: the same limit as --months", () => {
    const raw = standardRaw();
    raw.allocation.months = 241;
    expect(errorOf(() => loadScenario(writeScenario(raw), params)).message).toMatch(/s\.yaml: allocation\.months: .*months must be at most 240 \(20 years\)/);
  });

  test("a stillingsprosent below the rule's 50 %", () => {
    const raw = standardRaw();
    raw.inputs.stillingsprosent = 0.4;
    expect(errorOf(() => loadScenario(writeScenario(raw), params)).message).toMatch(/inputs\.stillingsprosent\.value: 0\.4 is not allowed; .*at least 50 %/);
  });

  test("a trippelestimat with lav > høy", () => {
    const raw = standardRaw();
    raw.inputs.clinicalWeeksPerYear = { type: "trippelestimat", lav: 45, mest_sannsynlig: 43, hoy: 40 };
    expect(errorOf(() => loadScenario(writeScenario(raw), params)).message).toMatch(
      /s\.yaml: inputs\.clinicalWeeksPerYear: trippelestimat requires lav <= mest_sannsynlig <= hoy/,
    );
  });

  test("a date beyond the dated data (found when the problem is built)", () => {
    // takster and basistilskudd are extended with data/params/regulering/normaltariff.yaml (to 2040); the listetak rule
    // is dated to 2030-12-31, so an agreement-year from 2030-07-01 runs out of it on 2031-01-01
    const raw = standardRaw();
    raw.agreementYearStart = "2030-07-01";
    const { scenario } = loadScenario(writeScenario(raw), params);
    expect(errorOf(() => buildCostProblem(scenario, params)).message).toMatch(/data\/params\/rules\/listetak_freeze\.yaml: no value for 2031-01-01/);
  });

  test("a date that is not a date, and YAML that does not parse", () => {
    const raw = standardRaw();
    raw.agreementYearStart = "2024-02-30";
    expect(errorOf(() => loadScenario(writeScenario(raw), params)).message).toMatch(/agreementYearStart: expected a date written YYYY-MM-DD/);
    expect(errorOf(() => loadScenario(writeScenario("name: [unclosed\n"), params)).message).toMatch(/s\.yaml: not valid YAML \(line \d+, column \d+\)/);
  });

  test("a file that does not exist", () => {
    expect(errorOf(() => loadScenario("/nonexistent/x.yaml", params)).message).toBe("/nonexistent/x.yaml: file not found");
  });

  test("--set of an unknown name, or a value that is not a number", () => {
    expect(errorOf(() => loadScenario(STANDARD, params, ["fooBar=1"])).message).toMatch(/^--set fooBar=1: unknown name "fooBar"; allowed: stillingsprosent, /);
    expect(errorOf(() => loadScenario(STANDARD, params, ["substitutionShare=abc"])).message).toBe(
      '--set substitutionShare=abc: "abc" is not a decimal number; write e.g. substitutionShare=0.5 or substitutionShare=0,5',
    );
    expect(errorOf(() => loadScenario(STANDARD, params, ["substitutionShare"])).message).toMatch(/expected name=value/);
  });
});

describe("loadScenario(file) resolves extends and --set", () => {
  test("a child scenario inherits everything and overrides one input; the hash changes", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-ext-"));
    fs.copyFileSync(STANDARD, path.join(dir, "standard.yaml"));
    const child = writeScenario("extends: standard.yaml\nname: deltid\ninputs:\n  stillingsprosent: 0.6\n", "deltid.yaml", dir);
    const parent = loadScenario(path.join(dir, "standard.yaml"), params).scenario;
    const loaded = loadScenario(child, params);
    expect(loaded.scenario.inputs.stillingsprosent).toEqual({ type: "fixed", value: 0.6 });
    expect(loaded.scenario.inputs.substitutionShare).toEqual(parent.inputs.substitutionShare);
    expect(loaded.chain).toHaveLength(2);
    expect(scenarioHash(loaded.scenario)).not.toBe(scenarioHash(parent));
  });

  test("a variant without a name of its own is named after its file, so it never overwrites the parent's outputs", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-ext-"));
    fs.copyFileSync(STANDARD, path.join(dir, "standard.yaml"));
    const child = writeScenario("extends: standard.yaml\ninputs:\n  stillingsprosent: 0.8\n", "Deltid-80.yaml", dir);
    expect(loadScenario(child, params).scenario.name).toBe("deltid-80");
  });

  test("an extends cycle is reported", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-cyc-"));
    writeScenario("extends: b.yaml\nname: a\n", "a.yaml", dir);
    writeScenario("extends: a.yaml\nname: b\n", "b.yaml", dir);
    expect(errorOf(() => loadScenario(path.join(dir, "a.yaml"), params)).message).toMatch(/extends forms a cycle/);
  });

  test("--set replaces an input with a fixed value and is recorded", () => {
    const loaded = loadScenario(STANDARD, params, ["substitutionShare=0.25", "agreements=100"]);
    expect(loaded.scenario.inputs.substitutionShare).toMatchObject({ type: "fixed", value: 0.25 });
    expect(loaded.scenario.agreements).toBe(100);
    expect(loaded.overrides).toEqual([
      { name: "substitutionShare", value: 0.25 },
      { name: "agreements", value: 100 },
    ]);
  });

  test("--set exemptShareBasis takes one of its values, and names them when it gets another", () => {
    const loaded = loadScenario(STANDARD, params, ["exemptShareBasis=average"]);
    expect(loaded.scenario.exemptShareBasis).toBe("average");
    expect(loaded.overrides).toEqual([{ name: "exemptShareBasis", value: "average" }]);
    expect(errorOf(() => loadScenario(STANDARD, params, ["exemptShareBasis=mean"])).message).toMatch(
      /--set exemptShareBasis=mean: "mean" is not allowed; exemptShareBasis must be one of marginal, average/,
    );
  });
});

describe("domain checks (property tests)", () => {
  const shares = COST_INPUTS.filter((d) => d.domain === "share").map((d) => d.name);
  const counts = COST_INPUTS.filter((d) => d.domain === "count" || d.domain === "amount").map((d) => d.name);

  test("any share input set outside 0–1 is refused, naming that input", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...shares),
        fc.oneof(fc.double({ min: -1e9, max: -1e-9, noNaN: true }), fc.double({ min: 1 + 1e-9, max: 1e9, noNaN: true })),
        (name, value) => {
          const raw = standardRaw();
          raw.inputs[name] = value;
          expect(() => parseScenario(raw, "x.yaml", params)).toThrowError(new RegExp(`x\\.yaml: inputs\\.${name}\\.value: .* is not allowed`));
        },
      ),
      { numRuns: 100, seed: 1 },
    );
  });

  test("any count or amount input set negative or above its sanity limit is refused; any value in range is accepted", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...counts),
        fc.oneof(fc.double({ min: -1e9, max: -1e-9, noNaN: true }), fc.double({ min: 1e9 + 1, max: 1e308, noNaN: true })),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (name, bad, good) => {
          const raw = standardRaw();
          raw.inputs[name] = bad;
          expect(() => parseScenario(raw, "x.yaml", params)).toThrowError(/is a count: 0 to 1000000|is an amount in kroner: 0 to 1000000000/);
          raw.inputs[name] = good;
          expect(parseScenario(raw, "x.yaml", params).inputs[name]).toEqual({ type: "fixed", value: good });
        },
      ),
      { numRuns: 100, seed: 2 },
    );
  });

  test("any trippelestimat with lav > hoy is refused", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        fc.pre(a !== b);
        const raw = standardRaw();
        raw.inputs.exemptEgenandelShare = { type: "trippelestimat", lav: Math.max(a, b), mest_sannsynlig: Math.max(a, b), hoy: Math.min(a, b) };
        expect(() => parseScenario(raw, "x.yaml", params)).toThrowError(/trippelestimat requires lav <= mest_sannsynlig <= hoy/);
      }),
      { numRuns: 50, seed: 3 },
    );
  });
});
