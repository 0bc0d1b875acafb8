import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { writeDirAtomic, writeFileAtomic } from "../../src/io/atomicWrite";
import { UserError } from "../../src/errors/userError";

describe("atomic output", () => {
  test("writeDirAtomic(dir) replaces the listed files, keeps others, and leaves no temporary folder", () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-io-"));
    const dir = path.join(parent, "out");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "results.json"), "old");
    fs.writeFileSync(path.join(dir, "notes.txt"), "mine");
    writeDirAtomic(dir, new Map([["results.json", "new"], ["chart.svg", "<svg/>"]]));
    expect(fs.readFileSync(path.join(dir, "results.json"), "utf8")).toBe("new");
    expect(fs.readFileSync(path.join(dir, "notes.txt"), "utf8")).toBe("mine");
    expect(fs.readdirSync(parent)).toEqual(["out"]);
  });

  test("writeDirAtomic(dir) that fails midway leaves the old folder exactly as it was", () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-io-"));
    const dir = path.join(parent, "out");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "results.json"), "old");
    // The second file cannot be written (its folder does not exist): nothing may change.
    expect(() => writeDirAtomic(dir, new Map([["results.json", "new"], ["missing/sub.svg", "x"]]))).toThrowError(UserError);
    expect(fs.readdirSync(dir)).toEqual(["results.json"]);
    expect(fs.readFileSync(path.join(dir, "results.json"), "utf8")).toBe("old");
    expect(fs.readdirSync(parent)).toEqual(["out"]);
  });

  test("writeFileAtomic into a path under a file gives a UserError naming the path, not a crash", () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-io-"));
    fs.writeFileSync(path.join(parent, "afile"), "x");
    expect(() => writeFileAtomic(path.join(parent, "afile", "results.json"), "y")).toThrowError(/afile\/results\.json: cannot write \(ENOTDIR|EEXIST/);
  });
});
