// The issue-16 cases through the command line: output folders refused before computing, manifests independent of the
// working directory, the cases the attacker's report listed, each exit 1 with one line naming the file or flag.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT, runCli, STANDARD } from "../helpers";
import { runInProcess, type InProcessResult } from "../fuzz/inProcess";

const NASTY = path.join(ROOT, "test/fixtures/nasty");
const REGISTER = path.join(ROOT, "data/register/synthetic-agreements.csv");
const APPLICATIONS = path.join(ROOT, "data/allocation/synthetic-applications-2022.csv");

function oneError(r: InProcessResult, pattern: RegExp, code = 1): void {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^introsim: error: /);
  expect(lines[0]).toMatch(pattern);
}

describe("run --out refuses dangerous folders before computing", () => {
  // runCommand checks the folder right after loading the scenario and before runScenario: with 20 000 000 draws a
  // computed run would take minutes, so a prompt answer also shows that nothing was computed.
  const run = (out: string, ...more: string[]) => runInProcess(["run", "--scenario", STANDARD, "--draws", "20000000", "--out", out, ...more]);

  test("/, /tmp, $HOME and a file", async () => {
    oneError(await run("/"), /^introsim: error: \/: is the root folder/);
    oneError(await run(os.tmpdir()), /is the temp folder/);
    oneError(await run(os.homedir()), /is the home folder|holds the (working|project) folder/);
    const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "introsim-h-")), "afile");
    fs.writeFileSync(f, "keep");
    oneError(await run(f), /afile: exists and is a file, not a folder/);
    expect(fs.readFileSync(f, "utf8")).toBe("keep");
  });

  test("/dev/null, under /proc and /sys, a dangling symlink, a 300-character name, a user's folder without --force", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-h-"));
    oneError(await run("/dev/null"), /is under the system folder \/dev/);
    oneError(await run("/proc/introsim"), /is under the system folder \/proc/);
    oneError(await run("/sys/introsim"), /is under the system folder \/sys/);
    fs.symlinkSync(path.join(dir, "nothing"), path.join(dir, "dangling"));
    oneError(await run(path.join(dir, "dangling")), /dangling: is a symlink to nothing/);
    oneError(await run(path.join(dir, "n".repeat(300))), /a name in the path is too long \(300 bytes/);
    fs.mkdirSync(path.join(dir, "thesis"));
    fs.writeFileSync(path.join(dir, "thesis", "ch1.docx"), "work");
    oneError(await run(path.join(dir, "thesis")), /holds files introsim did not write.*--force/);
    oneError(await run("/", "--force"), /is the root folder/);
    expect(fs.readdirSync(path.join(dir, "thesis"))).toEqual(["ch1.docx"]);
  });
});

describe("the cases of the attacker's report", () => {
  test("YAML alias bomb and undefined alias in every command that reads YAML", async () => {
    const bomb = path.join(NASTY, "alias-bomb.yaml");
    const undef = path.join(NASTY, "undefined-alias.yaml");
    oneError(await runInProcess(["cost", "--scenario", bomb]), /alias-bomb\.yaml: not valid here: aliases \(\*name\) expand to more than 100 copies/);
    oneError(await runInProcess(["flows", "--scenario", undef]), /undefined-alias\.yaml: not valid YAML: the alias \*nope refers to no anchor/);
    oneError(await runInProcess(["run", "--scenario", undef]), /undefined-alias\.yaml: not valid YAML/);
    oneError(
      await runInProcess(["allocate", "--applications", APPLICATIONS, "--policy", path.join(NASTY, "policy-alias-bomb.yaml")]),
      /policy-alias-bomb\.yaml: not valid here/,
    );
    oneError(await runInProcess(["indicators", "--agreements", REGISTER, "--scenario", bomb]), /alias-bomb\.yaml/);
  });

  test("extends: /dev/zero is refused at once, naming the scenario", async () => {
    oneError(
      await runInProcess(["cost", "--scenario", path.join(NASTY, "extends-devzero.yaml")]),
      /extends-devzero\.yaml: extends: "\/dev\/zero": \/dev\/zero: is a device, expected a file/,
    );
  });

  test("allocate --months 100000, --cap 10^23, --seed 2^32, indicators --as-of 1900-01-01, --set __proto__=1 and 0x1", async () => {
    oneError(
      await runInProcess(["allocate", "--applications", APPLICATIONS, "--scenario", STANDARD, "--months", "100000"]),
      /months must be a whole number from 1 to 240/,
    );
    oneError(
      await runInProcess(["allocate", "--applications", APPLICATIONS, "--cap", "99999999999999999999999"]),
      /"99999999999999999999999" is not allowed; the cap/,
    );
    oneError(await runInProcess(["cost", "--scenario", STANDARD, "--seed", "4294967296"]), /seed must be a whole number from 0 to 4294967295/);
    oneError(await runInProcess(["indicators", "--agreements", REGISTER, "--as-of", "1900-01-01"]), /option '--as-of <date>' argument '1900-01-01' is invalid/);
    oneError(await runInProcess(["cost", "--scenario", STANDARD, "--set", "__proto__=1"]), /--set __proto__=1: unknown name "__proto__"/);
    oneError(await runInProcess(["cost", "--scenario", STANDARD, "--set", "substitutionShare=0x1"]), /"0x1" is not a decimal number/);
  });

  test("a latin-1 register and scenario are refused naming the file and the fix", async () => {
    oneError(
      await runInProcess(["validate", "--agreements", path.join(NASTY, "register-latin1.csv")]),
      /register-latin1\.csv: is not UTF-8 text \(line 2, byte 7: 0xE6/,
      2,
    );
    oneError(await runInProcess(["cost", "--scenario", path.join(NASTY, "latin1.yaml")]), /latin1\.yaml: is not UTF-8 text \(line 1, byte 8: 0xE6.*iconv/);
  });
});

describe("manifests do not depend on the working directory", () => {
  test("cost --json from the project and from /tmp records the same scenario path and hash", () => {
    const args = ["cost", "--scenario", STANDARD, "--draws", "1000", "--seed", "1", "--json"];
    const here = JSON.parse(runCli(args).stdout);
    const there = JSON.parse(runCli(args, os.tmpdir()).stdout);
    expect(here.manifest.scenario.file).toBe("data/scenarios/standard.yaml");
    expect(there.manifest).toEqual(here.manifest);
  });
});
