// Bad input for the scheme's rounds and calibration through the built CLI: one clear message, exit 1, nothing written.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import YAML from "yaml";
import { describe, expect, test } from "vitest";
import { ROOT, runCli, STANDARD } from "../helpers";

const APPS = path.join(ROOT, "data/allocation/synthetic-applications-2022.csv");

/** The standard scenario with the allocation section changed, in a temp folder (paths made absolute). */
function scenarioWith(mutate: (a: Record<string, unknown>) => void): { file: string; dir: string } {
  const raw = YAML.parse(fs.readFileSync(STANDARD, "utf8")) as { allocation: Record<string, unknown> };
  raw.allocation.applications = APPS;
  raw.allocation.policy = path.join(ROOT, "data/allocation/policy-default.yaml");
  mutate(raw.allocation);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-rounds-"));
  const file = path.join(dir, "bad.yaml");
  fs.writeFileSync(file, YAML.stringify(raw));
  return { file, dir };
}

function expectRefused(args: string[], message: RegExp, out?: string) {
  const r = runCli(args);
  expect(r.status, r.stderr).toBe(1);
  expect(r.stderr).toMatch(/^introsim: error: /);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  if (out) expect(fs.existsSync(out)).toBe(false);
}

describe("introsim run / allocate: bad rounds, horizon and calibration", () => {
  test("rounds out of date order", () => {
    const { file, dir } = scenarioWith((a) => {
      a.rounds = { ...(a.rounds as object), yearlyFrom: undefined, dates: ["2025-06-15", "2024-06-15"] };
    });
    const out = path.join(dir, "out");
    expectRefused(["run", "--scenario", file, "--out", out], /allocation\.rounds\.dates\[1\]: 2024-06-15 is not after the round before it \(2025-06-15\)/, out);
  });

  test("a round before the scheme started", () => {
    const { file, dir } = scenarioWith((a) => {
      a.rounds = { ...(a.rounds as object), yearlyFrom: undefined, dates: ["2021-10-01"] };
    });
    const out = path.join(dir, "out");
    expectRefused(["run", "--scenario", file, "--out", out], /allocation\.rounds\.dates\[0\]: 2021-10-01 is before the scheme started \(2022-01-01\)/, out);
  });

  test("negative demand", () => {
    const { file, dir } = scenarioWith((a) => {
      a.rounds = { ...(a.rounds as object), agreementsPerKommune: { type: "trippelestimat", lav: -1, mest_sannsynlig: 2, hoy: 4 } };
    });
    const out = path.join(dir, "out");
    expectRefused(
      ["run", "--scenario", file, "--out", out],
      /allocation\.rounds\.agreementsPerKommune: agreements requested per kommune cannot be negative/,
      out,
    );
  });

  test("a horizon before the first round (scenario and flag)", () => {
    const { file, dir } = scenarioWith((a) => {
      a.decisionDate = "2024-06-15";
      a.rounds = undefined;
      a.calibration = undefined;
      a.horizon = 2023;
    });
    const out = path.join(dir, "out");
    expectRefused(["run", "--scenario", file, "--out", out], /allocation\.horizon: 2023 is before the first round \(2024-06-15\)/, out);
    expectRefused(["allocate", "--applications", APPS, "--scenario", STANDARD, "--horizon", "2019"], /--horizon/);
  });

  test("an ABC band that accepts no draw", () => {
    const { file } = scenarioWith((a) => {
      a.calibration = { band: 0, priorDrawsPerReplication: 1, fitted: [] };
      a.recruitFailWithCandidate = 1;
      a.recruitFailWithoutCandidate = 1;
    });
    expectRefused(
      ["allocate", "--applications", APPS, "--scenario", file, "--replications", "50"],
      /allocation\.calibration\.band: ± 0 around 34 in place on 2023-08-25 accepts none of 50 prior draws/,
    );
  });
});
