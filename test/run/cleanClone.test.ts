// A clean clone stays clean (issue 17): what `npm start` and `npm test` write is untracked, and the lockfile pins every
// platform's optional binding, so `npm ci` (scripts/setup.sh in a fresh clone) never rewrites it. .ci/run also checks
// `git status --porcelain` after both on a real fresh clone.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const git = (...args: string[]): string => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" });

interface LockEntry {
  version?: string;
  optionalDependencies?: Record<string, string>;
}

describe("a clean clone stays clean", () => {
  test("no generated output under charts/ is tracked (only the README and the layer diagram)", () => {
    const tracked = git("ls-files", "charts").split("\n").filter(Boolean);
    expect(tracked.filter((f) => f !== "charts/README.md" && !f.startsWith("charts/architecture/"))).toEqual([]);
  });

  test("what npm start writes (charts/standard/) and a comparison run writes are ignored by git", () => {
    const probe = ["charts/standard/report.html", "charts/standard/results.xlsx", "charts/sammenligning/report.html"];
    // git check-ignore prints each ignored path; all of them must be listed
    expect(
      git("check-ignore", ...probe)
        .split("\n")
        .filter(Boolean),
    ).toEqual(probe);
  });

  test("package-lock.json holds every optional platform binding its packages declare (any OS and CPU)", () => {
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
    const missing: string[] = [];
    let bindings = 0;
    for (const [where, entry] of Object.entries(lock.packages)) {
      for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
        // npm places an optional dependency beside its parent or at the top of node_modules
        const nested = `${where}/node_modules/${name}`;
        const top = `node_modules/${name}`;
        const found = lock.packages[nested] ?? lock.packages[top];
        if (found === undefined) missing.push(`${where} -> ${name}@${version}`);
        else bindings++;
      }
    }
    expect(missing).toEqual([]);
    // the two native packages this toolkit needs ship a binding per platform: at least 8 (DuckDB) + 12 (resvg)
    expect(bindings).toBeGreaterThanOrEqual(20);
  });

  test("scripts/setup.sh installs with npm ci when the lockfile is present", () => {
    const setup = fs.readFileSync(path.join(ROOT, "scripts/setup.sh"), "utf8");
    expect(setup).toMatch(/if \[ -f package-lock.json \][^\n]*\n[^\n]*\n\s*if ! npm ci /);
  });
});
