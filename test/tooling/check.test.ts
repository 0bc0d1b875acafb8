// The code's shape, checked in every `npm test` (issue 21): layer rules and no cycles (dependency-cruiser), the layer
// diagram is current, Prettier's format, ESLint with type-aware rules, and knip (no unused file, export or dependency).
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, test } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

function npmRun(script: string): { status: number | null; output: string } {
  const r = spawnSync("npm", ["run", "-s", script], { cwd: ROOT, encoding: "utf8", timeout: 170_000 });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

describe("the code keeps its shape", () => {
  test.each(["lint:layers", "layers:check", "format:check", "lint", "knip"])("npm run %s passes", (script) => {
    const r = npmRun(script);
    expect(r.status, r.output).toBe(0);
  });
});
