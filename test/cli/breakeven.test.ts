// `introsim breakeven`: the table and JSON on the default scenario, and every bad input as one clear message, exit 1.
import { describe, expect, test } from "vitest";
import { runCli, STANDARD } from "../helpers";

const BASE = ["breakeven", "--scenario", STANDARD, "--draws", "2000"];

function expectOneClearError(r: ReturnType<typeof runCli>, pattern: RegExp): void {
  expect(r.status).toBe(1);
  expect(r.stdout).toBe("");
  const lines = r.stderr
    .trim()
    .split("\n")
    .filter((l) => !l.startsWith("(run with --help"));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^introsim: error: /);
  expect(lines[0]).toMatch(pattern);
}

describe("introsim breakeven", () => {
  test("prints the break-even table with values and «ikke innenfor spennet»; --json gives the same numbers", () => {
    const r = runCli([...BASE, "--inputs", "substitutionShare,patientBase"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Break-even: verdien hver forutsetning må ha for at kostnaden per avtaleår skal bli 500\u00a0000\u00a0kr/);
    expect(r.stdout).toMatch(/Substitusjonsandel .*58,0\u00a0%/); // a share is shown as per cent (its unit)
    expect(r.stdout).toMatch(/Pasientgrunnlag .*ikke innenfor spennet/);
    const j = runCli([...BASE, "--inputs", "substitutionShare", "--target", "450000", "--json"]);
    expect(j.status, j.stderr).toBe(0);
    const d = JSON.parse(j.stdout) as { target: number; breakEven: { rows: Array<{ name: string; deterministic: { value: number } }> } };
    expect(d.target).toBe(450_000);
    expect(d.breakEven.rows[0]!.name).toBe("substitutionShare");
    // a lower target needs more substitution than the 0,58 for 500 000 kr
    expect(d.breakEven.rows[0]!.deterministic.value).toBeGreaterThan(0.58);
  });

  test("--voi --appraisal --iso add the value of information, the appraisal and the contour", () => {
    const r = runCli([...BASE, "--inputs", "substitutionShare", "--voi", "--appraisal", "--iso", "substitutionShare,consultationsPerWeekFullTime"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Perfekt informasjon om alt \(EVPI\)/);
    expect(r.stdout).toMatch(/Substitusjon og tilbakefylling/);
    expect(r.stdout).toMatch(/Offentlige parter samlet/);
    expect(r.stdout).toMatch(/Følsomhet for kalkulasjonsrenten/);
    expect(r.stdout).toMatch(/Iso-kostnad .* punkter på kurven/);
  });

  test("bad input: target not positive, fixed input, identical iso-cost inputs, negative loss weight, discount rate outside 0–20 %", () => {
    expectOneClearError(runCli([...BASE, "--target", "0"]), /positive number of kroner/);
    expectOneClearError(runCli([...BASE, "--target", "-5"]), /positive number of kroner/);
    expectOneClearError(runCli([...BASE, "--target", "abc"]), /positive number of kroner/);
    expectOneClearError(
      runCli([...BASE, "--set", "substitutionShare=0.5", "--inputs", "substitutionShare"]),
      /--inputs: input "substitutionShare" is fixed at 0.5/,
    );
    expectOneClearError(runCli([...BASE, "--iso", "substitutionShare,substitutionShare"]), /must differ/);
    expectOneClearError(runCli([...BASE, "--voi", "--overrun-loss", "-1"]), /loss weight is kroner of loss per krone, 0 or more/);
    expectOneClearError(runCli([...BASE, "--appraisal", "--discount-rate", "0.25"]), /0 to 0.2 \(0–20 %\)/);
    expectOneClearError(runCli([...BASE, "--inputs", "nonsense"]), /--inputs: unknown input "nonsense"; choose one of: /);
  });
});
