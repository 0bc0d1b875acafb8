import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import YAML from "yaml";
import { describe, expect, test } from "vitest";
import { loadScenario } from "../../src/scenario/loadScenario";
import { buildCostProblem } from "../../src/cost/costProblem";
import { runMonteCarlo } from "../../src/cost/monteCarlo";
import { UserError } from "../../src/errors/userError";
import { pearson, ranks } from "../../src/analysis/rankCorrelation";
import { realParams, STANDARD } from "../helpers";

const params = realParams();
const standardRaw = () => YAML.parse(fs.readFileSync(STANDARD, "utf8")) as Record<string, unknown>;
const spearman = (x: Float64Array, y: Float64Array) => pearson(ranks(x), ranks(y));

function writeScenario(obj: unknown, name = "s.yaml", dir = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-cor-"))): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, YAML.stringify(obj));
  return file;
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error("expected a UserError");
}

const pair = (a: string, b: string, rho: number) => ({ between: [a, b], rho });

describe("correlations: section", () => {
  test("loadScenario refuses an unknown input, a fixed input, rho outside −1…1, a pair given twice, and a non-PSD set naming the breaking pair", () => {
    const withPairs = (...pairs: unknown[]) => writeScenario({ ...standardRaw(), correlations: { pairs } });
    expect(messageOf(() => loadScenario(withPairs(pair("substitutionShare", "bogus", 0.3)), params))).toMatch(
      /s\.yaml: correlations\.pairs\[0\]: "bogus" is not an input of the cost or flow model; allowed: stillingsprosent/,
    );
    const fixed = standardRaw();
    (fixed.inputs as Record<string, unknown>).rampUpMonths = { type: "fixed", value: 3 };
    fixed.correlations = { pairs: [pair("rampUpMonths", "substitutionShare", 0.3)] };
    expect(messageOf(() => loadScenario(writeScenario(fixed), params))).toMatch(
      /"rampUpMonths" is fixed in this scenario; only uncertain inputs can be correlated/,
    );
    expect(messageOf(() => loadScenario(withPairs(pair("substitutionShare", "fastlegeBackfillShare", 1.2)), params))).toMatch(
      /s\.yaml: correlations\.pairs\[0\]\.rho: rho must be from -1 to 1 \(a rank correlation\)/,
    );
    expect(
      messageOf(() =>
        loadScenario(withPairs(pair("substitutionShare", "fastlegeBackfillShare", 0.3), pair("fastlegeBackfillShare", "substitutionShare", 0.4)), params),
      ),
    ).toMatch(
      /correlations\.pairs\[1\]: the pair fastlegeBackfillShare–substitutionShare is given twice with different values: 0\.3 \(correlations\.pairs\[0\]\) and 0\.4/,
    );
    const psd = messageOf(() =>
      loadScenario(
        withPairs(
          pair("consultationsPerWeekFullTime", "substitutionShare", 0.6),
          pair("consultationsPerWeekFullTime", "fastlegeBackfillShare", 0.6),
          pair("substitutionShare", "fastlegeBackfillShare", -0.9),
        ),
        params,
      ),
    );
    expect(psd).toMatch(
      /correlations\.pairs\[2\]: the correlations are not positive semi-definite .*substitutionShare–fastlegeBackfillShare -0\.9 contradicts consultationsPerWeekFullTime–substitutionShare 0\.6, consultationsPerWeekFullTime–fastlegeBackfillShare 0\.6/,
    );
    expect(psd).toMatch(/repair: nearest/);
  });

  test("a matrix that is not square, not symmetric or has a diagonal other than 1 is refused naming the cell", () => {
    const withMatrix = (rho: number[][]) =>
      writeScenario({ ...standardRaw(), correlations: { matrix: { inputs: ["substitutionShare", "fastlegeBackfillShare"], rho } } });
    expect(messageOf(() => loadScenario(withMatrix([[1, 0.2]]), params))).toMatch(/correlations\.matrix\.rho: expected a 2×2 matrix/);
    expect(
      messageOf(() =>
        loadScenario(
          withMatrix([
            [1, 0.2],
            [0.3, 1],
          ]),
          params,
        ),
      ),
    ).toMatch(/rho\[1\]\[0\]: the matrix must be symmetric/);
    expect(
      messageOf(() =>
        loadScenario(
          withMatrix([
            [0.9, 0.2],
            [0.2, 1],
          ]),
          params,
        ),
      ),
    ).toMatch(/rho\[0\]\[0\]: the diagonal must be 1, got 0\.9/);
  });

  test("extends: a variant inherits its parent's correlations and overrides one pair by its two names", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-cor-"));
    writeScenario(
      {
        ...standardRaw(),
        correlations: { pairs: [pair("consultationsPerWeekFullTime", "substitutionShare", 0.4), pair("substitutionShare", "fastlegeBackfillShare", 0.3)] },
      },
      "parent.yaml",
      dir,
    );
    const child = writeScenario(
      { extends: "parent.yaml", correlations: { pairs: [pair("fastlegeBackfillShare", "substitutionShare", -0.2)] } },
      "child.yaml",
      dir,
    );
    const { scenario } = loadScenario(child, params);
    expect(scenario.correlations?.pairs?.map((p) => [...p.between, p.rho])).toEqual([
      ["consultationsPerWeekFullTime", "substitutionShare", 0.4],
      ["fastlegeBackfillShare", "substitutionShare", -0.2],
    ]);
  });

  test("runMonteCarlo with a pair reaches the target rank correlation (±0.02 at 100 000 draws) and leaves every other input's draws and every marginal as without it", () => {
    const raw = standardRaw();
    const plain = loadScenario(writeScenario(raw), params).scenario;
    const correlated = loadScenario(
      writeScenario({ ...raw, correlations: { pairs: [pair("consultationsPerWeekFullTime", "substitutionShare", 0.5)] } }),
      params,
    ).scenario;
    const collect = (s: typeof plain) => {
      const problem = buildCostProblem(s, params);
      const draws = 100_000;
      const cols = problem.inputs.map(() => new Float64Array(draws));
      runMonteCarlo(problem, { draws, seed: 11, onChunk: (_out, c, n, start) => c.forEach((col, j) => cols[j]!.set(col.subarray(0, n), start)) });
      return { problem, cols };
    };
    const a = collect(plain);
    const b = collect(correlated);
    const at = (r: typeof a, name: string) => r.cols[r.problem.inputs.findIndex((i) => i.name === name)]!;
    expect(Math.abs(spearman(at(b, "consultationsPerWeekFullTime"), at(b, "substitutionShare")) - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(spearman(at(a, "consultationsPerWeekFullTime"), at(a, "substitutionShare")))).toBeLessThan(0.02);
    for (const name of ["consultationsPerWeekFullTime", "substitutionShare"]) expect([...at(b, name).slice().sort()]).toEqual([...at(a, name).slice().sort()]);
    expect([...at(b, "stillingsprosent")]).toEqual([...at(a, "stillingsprosent")]);
  }, 60_000);

  test("repair: nearest replaces a non-PSD set by the nearest valid matrix, and the run still reaches it", () => {
    const raw = {
      ...standardRaw(),
      correlations: {
        repair: "nearest",
        pairs: [
          pair("consultationsPerWeekFullTime", "substitutionShare", 0.6),
          pair("consultationsPerWeekFullTime", "fastlegeBackfillShare", 0.6),
          pair("substitutionShare", "fastlegeBackfillShare", -0.9),
        ],
      },
    };
    const { scenario } = loadScenario(writeScenario(raw), params);
    const problem = buildCostProblem(scenario, params);
    const mc = runMonteCarlo(problem, { draws: 20_000, seed: 3 });
    expect(Number.isFinite(mc.means.net)).toBe(true);
  });
});
