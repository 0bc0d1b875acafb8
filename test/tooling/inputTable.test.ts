// The README's table of inputs (issue 17) is generated from the catalogues in src/inputs and kept current.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { COST_INPUTS } from "../../src/inputs/costInputs";

const ROOT = path.resolve(__dirname, "../..");

describe("README table of inputs", () => {
  test("node scripts/input-table.mjs --check passes (the table matches the catalogues)", () => {
    const r = spawnSync("node", ["scripts/input-table.mjs", "--check"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  });
  test("every cost input appears with its Norwegian label and unit", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    for (const d of COST_INPUTS) expect(readme).toContain(`| \`${d.name}\` | ${d.label} | ${d.unit} |`);
  });
});
