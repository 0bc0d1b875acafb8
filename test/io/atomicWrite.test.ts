import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { recoverInterruptedWrite, writeDirAtomic, writeFileAtomic } from "../../src/io/atomicWrite";
import { UserError } from "../../src/errors/userError";

describe("atomic output", () => {
  test("writeDirAtomic(dir) replaces the listed files, keeps others, and leaves no temporary folder", () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-io-"));
    const dir = path.join(parent, "out");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "results.json"), "old");
    fs.writeFileSync(path.join(dir, "notes.txt"), "mine");
    // The folder has no list of introsim's outputs: only an explicit force replaces it.
    writeDirAtomic(
      dir,
      new Map([
        ["results.json", "new"],
        ["chart.svg", "<svg/>"],
      ]),
      { force: true },
    );
    expect(fs.readFileSync(path.join(dir, "results.json"), "utf8")).toBe("new");
    expect(fs.readFileSync(path.join(dir, "notes.txt"), "utf8")).toBe("mine");
    expect(fs.readdirSync(parent)).toEqual(["out"]);
  });

  test("writeDirAtomic(dir) that fails midway leaves the old folder exactly as it was", () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-io-"));
    const dir = path.join(parent, "out");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "results.json"), "old");
    fs.writeFileSync(path.join(dir, ".introsim-outputs"), "results.json\n");
    // The third file cannot be written ("chart" is a file, not a folder): nothing may change.
    expect(() =>
      writeDirAtomic(
        dir,
        new Map([
          ["results.json", "new"],
          ["chart", "x"],
          ["chart/sub.svg", "y"],
        ]),
      ),
    ).toThrowError(UserError);
    expect(fs.readdirSync(dir).sort()).toEqual([".introsim-outputs", "results.json"]);
    expect(fs.readFileSync(path.join(dir, "results.json"), "utf8")).toBe("old");
    expect(fs.readdirSync(parent)).toEqual(["out"]);
  });

  test("writeDirAtomic writes names with '/' into sub-folders", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "introsim-io-")), "out");
    writeDirAtomic(
      dir,
      new Map([
        ["report.html", "top"],
        ["standard/report.html", "sub"],
      ]),
    );
    expect(fs.readFileSync(path.join(dir, "standard/report.html"), "utf8")).toBe("sub");
  });

  test("after a run killed while writing (SIGKILL), the next write removes its temporary folder and restores a moved-aside output", () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-io-"));
    const dir = path.join(parent, "out");
    const dead = 2 ** 22 + 12345; // above Linux's default pid_max (4 194 304 = 2^22): no such process
    const mark = (folder: string, pid = dead) => fs.writeFileSync(path.join(folder, ".introsim-write"), `${os.hostname()} ${pid}\n`);
    // Killed between "move the old folder aside" and "rename the new one in": the old output sits in .out.old-….
    const tmp = path.join(parent, `.out.tmp-${os.hostname()}-${dead}`);
    const old = path.join(parent, `.out.old-${os.hostname()}-${dead}`);
    fs.mkdirSync(tmp);
    fs.writeFileSync(path.join(tmp, "report.html"), "<html>half");
    mark(tmp);
    fs.mkdirSync(old);
    fs.writeFileSync(path.join(old, "keep.txt"), "previous run");
    mark(old);
    recoverInterruptedWrite(dir);
    expect(fs.readdirSync(parent)).toEqual(["out"]);
    expect(fs.readdirSync(dir)).toEqual(["keep.txt"]); // the marker is gone
    // A live process's temporary folder is left alone.
    const live = path.join(parent, `.out.tmp-${os.hostname()}-${process.ppid}`);
    fs.mkdirSync(live);
    mark(live, process.ppid);
    recoverInterruptedWrite(dir);
    expect(fs.existsSync(live)).toBe(true);
  });

  test("a user's folder that only looks like ours (no marker) is never moved or deleted", () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-io-"));
    for (const name of [".out.old-4999999", ".out.tmp-4999999"]) {
      fs.mkdirSync(path.join(parent, name));
      fs.writeFileSync(path.join(parent, name, "thesis.docx"), "years of work");
    }
    writeDirAtomic(path.join(parent, "out"), new Map([["report.html", "new"]]));
    expect(fs.readdirSync(parent).sort()).toEqual([".out.old-4999999", ".out.tmp-4999999", "out"]);
    expect(fs.readdirSync(path.join(parent, "out")).sort()).toEqual([".introsim-outputs", "report.html"]);
  });

  test("a second write replaces everything the first wrote (no stale outputs) and keeps the user's own files", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "introsim-io-")), "out");
    writeDirAtomic(
      dir,
      new Map([
        ["report.html", "1"],
        ["csv/budsjett.csv", "1"],
        ["budsjettbane.svg", "1"],
      ]),
    );
    fs.writeFileSync(path.join(dir, "mine.txt"), "notes");
    writeDirAtomic(dir, new Map([["report.html", "2"]]));
    expect(fs.readdirSync(dir).sort()).toEqual([".introsim-outputs", "mine.txt", "report.html"]);
    expect(fs.readFileSync(path.join(dir, "report.html"), "utf8")).toBe("2");
    expect(fs.readFileSync(path.join(dir, ".introsim-outputs"), "utf8")).toBe("report.html\n");
  });

  test("writeFileAtomic into a path under a file gives a UserError naming the path, not a crash", () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-io-"));
    fs.writeFileSync(path.join(parent, "afile"), "x");
    expect(() => writeFileAtomic(path.join(parent, "afile", "results.json"), "y")).toThrowError(
      /afile\/results\.json: cannot write \(a part of the path is a file, not a folder, ENOTDIR\); choose another output folder/,
    );
  });
});
