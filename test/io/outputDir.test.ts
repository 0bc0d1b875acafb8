// Output folders that cannot hurt: refused before computing when dangerous; swapped in keeping permissions; never a
// folder introsim did not write unless forced; a symlink's target gets no stray marker.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { UserError } from "../../src/errors/userError";
import { writeDirAtomic } from "../../src/io/atomicWrite";
import { checkOutputDir, OUTPUTS_LIST } from "../../src/io/outputDir";

const tmp = () => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "introsim-out-")));

function refusal(dir: string, opts: { force?: boolean } = {}): string {
  try {
    checkOutputDir(dir, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    const m = (e as Error).message;
    expect(m).not.toContain("\n");
    return m;
  }
  throw new Error(`expected ${dir} to be refused`);
}

describe("checkOutputDir(dir) refuses dangerous places, naming them", () => {
  test("/, the home folder, the temp folder itself and folders holding the project", () => {
    expect(refusal("/")).toMatch(/^\/: is the root folder, and an output folder is replaced as a whole; choose a new folder/);
    expect(refusal(os.homedir())).toMatch(/is the home folder|holds the (working|project) folder/);
    expect(refusal(os.tmpdir())).toMatch(/is the temp folder/);
    expect(refusal(path.resolve(__dirname, "../.."))).toMatch(/is the (working|project) folder/);
  });

  test("system folders and anything under /proc, /sys, /dev, /etc, /usr", () => {
    for (const d of ["/etc", "/usr", "/var", "/boot"]) expect(refusal(d)).toMatch(new RegExp(`^${d}: is a system folder; `));
    for (const d of ["/proc/introsim-x", "/sys/kernel/x", "/dev/shm/x", "/etc/introsim", "/usr/local/out"])
      expect(refusal(d)).toMatch(/: is under the system folder \/(proc|sys|dev|etc|usr); /);
  });

  test("a file, a device, a dangling symlink and a too-long name", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "afile"), "x");
    expect(refusal(path.join(dir, "afile"))).toMatch(/afile: exists and is a file, not a folder; choose another --out$/);
    expect(refusal("/dev/null")).toMatch(/^\/dev\/null: is under the system folder \/dev/);
    fs.symlinkSync(path.join(dir, "gone"), path.join(dir, "dangling"));
    expect(refusal(path.join(dir, "dangling"))).toMatch(/dangling: is a symlink to nothing \(dangling\); choose a new folder/);
    expect(refusal(path.join(dir, "x".repeat(300)))).toMatch(
      /a name in the path is too long \(300 bytes; at most \d+, leaving room for the temporary folder\)/,
    );
    expect(refusal(path.join(dir, ...Array(40).fill("y".repeat(120))))).toMatch(/the path is too long \(\d+ bytes; at most 4095\)/);
  });

  test("a place under a file cannot be created", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "afile"), "x");
    expect(refusal(path.join(dir, "afile", "out"))).toMatch(/cannot be created: .*afile is a file, not a folder/);
  });

  test("a folder with files introsim did not write, unless --force; an empty or new folder and introsim's own are fine", () => {
    const dir = tmp();
    const mine = path.join(dir, "thesis");
    fs.mkdirSync(mine);
    fs.writeFileSync(path.join(mine, "chapter1.docx"), "years of work");
    expect(refusal(mine)).toMatch(/thesis: holds files introsim did not write \(it has no \.introsim-outputs\).* or give --force to replace it/);
    expect(checkOutputDir(mine, { force: true })).toBe(mine);
    fs.mkdirSync(path.join(dir, "empty"));
    expect(checkOutputDir(path.join(dir, "empty"))).toBe(path.join(dir, "empty"));
    expect(checkOutputDir(path.join(dir, "new", "deeper"))).toBe(path.join(dir, "new", "deeper"));
    fs.writeFileSync(path.join(mine, OUTPUTS_LIST), "report.html\n");
    expect(checkOutputDir(mine)).toBe(mine);
  });

  test("--force does not open system, home or temp folders", () => {
    expect(refusal("/", { force: true })).toMatch(/is the root folder/);
    expect(refusal(os.tmpdir(), { force: true })).toMatch(/is the temp folder/);
    expect(refusal("/etc", { force: true })).toMatch(/is a system folder/);
  });
});

describe("writeDirAtomic(dir) swaps the new folder in safely", () => {
  test("an existing output folder keeps its permissions (mode, and owner and group when run as root)", () => {
    const dir = path.join(tmp(), "out");
    writeDirAtomic(dir, new Map([["report.html", "1"]]));
    fs.chmodSync(dir, 0o750);
    const isRoot = process.getuid?.() === 0;
    if (isRoot) fs.chownSync(dir, 1234, 5678);
    writeDirAtomic(dir, new Map([["report.html", "2"]]));
    const st = fs.statSync(dir);
    expect(st.mode & 0o7777).toBe(0o750);
    if (isRoot) expect([st.uid, st.gid]).toEqual([1234, 5678]);
    expect(fs.readFileSync(path.join(dir, "report.html"), "utf8")).toBe("2");
  });

  test("a symlink to a folder: the target is written, the link stays, and no marker is left behind anywhere", () => {
    const dir = tmp();
    const real = path.join(dir, "real");
    writeDirAtomic(real, new Map([["report.html", "1"]]));
    fs.symlinkSync(real, path.join(dir, "link"));
    writeDirAtomic(path.join(dir, "link"), new Map([["report.html", "2"]]));
    expect(fs.lstatSync(path.join(dir, "link")).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(real, "report.html"), "utf8")).toBe("2");
    expect(fs.readdirSync(real).sort()).toEqual([OUTPUTS_LIST, "report.html"]);
    expect(fs.readdirSync(dir).sort()).toEqual(["link", "real"]);
  });

  test("a folder introsim did not write is refused and left exactly as it was", () => {
    const dir = tmp();
    const mine = path.join(dir, "thesis");
    fs.mkdirSync(mine);
    fs.writeFileSync(path.join(mine, "chapter1.docx"), "years of work");
    expect(() => writeDirAtomic(mine, new Map([["report.html", "x"]]))).toThrowError(/holds files introsim did not write/);
    expect(fs.readdirSync(mine)).toEqual(["chapter1.docx"]);
    expect(fs.readdirSync(dir)).toEqual(["thesis"]);
  });

  test("a FIFO given as --out is refused, not opened", () => {
    const dir = tmp();
    execFileSync("mkfifo", [path.join(dir, "pipe")]);
    expect(refusal(path.join(dir, "pipe"))).toMatch(/pipe: exists and is not a folder \(a device, pipe or socket\), not a folder/);
  });
});
