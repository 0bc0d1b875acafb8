// Input limits: regular files only, a size limit per kind, strict UTF-8, YAML with alias and depth limits.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { afterEach, describe, expect, test } from "vitest";
import { MAX_INPUT_BYTES, YAML_MAX_ALIAS_COUNT, YAML_MAX_DEPTH } from "../../src/constants";
import { UserError } from "../../src/errors/userError";
import { parseYaml } from "../../src/io/parseYaml";
import { decodeUtf8, MAX_INPUT_ENV, maxInputBytes, readText } from "../../src/io/readText";
import { loadParams } from "../../src/params/loadParams";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "introsim-read-"));

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error("expected a UserError");
}

afterEach(() => {
  delete process.env[MAX_INPUT_ENV];
});

describe("readText(file) refuses what is not a regular file, naming it", () => {
  test("a folder, a device and a FIFO are refused at once (the FIFO does not block)", () => {
    const dir = tmp();
    expect(messageOf(() => readText(dir, "scenario"))).toMatch(/is a folder, expected a file$/);
    expect(messageOf(() => readText("/dev/zero", "scenario"))).toBe("/dev/zero: is a device, expected a file");
    const fifo = path.join(dir, "pipe.yaml");
    execFileSync("mkfifo", [fifo]);
    const t0 = Date.now();
    expect(messageOf(() => readText(fifo, "scenario"))).toMatch(/pipe\.yaml: is a pipe \(FIFO\), expected a file$/);
    expect(Date.now() - t0).toBeLessThan(5000); // not a timing assertion on speed: a blocked read would never return
  });

  test("a missing file and a dangling symlink are told apart", () => {
    const dir = tmp();
    fs.symlinkSync(path.join(dir, "gone.yaml"), path.join(dir, "link.yaml"));
    expect(messageOf(() => readText(path.join(dir, "none.yaml")))).toMatch(/none\.yaml: file not found$/);
    expect(messageOf(() => readText(path.join(dir, "link.yaml")))).toMatch(/link\.yaml: is a symlink to nothing \(dangling\)$/);
  });
});

describe("readText(file) bounds the size by kind", () => {
  test("a YAML file one byte over 64 KiB is refused with the limit and how to raise it; a CSV of that size is read", () => {
    const dir = tmp();
    const big = "#".repeat(MAX_INPUT_BYTES.yaml + 1);
    fs.writeFileSync(path.join(dir, "s.yaml"), big);
    fs.writeFileSync(path.join(dir, "r.csv"), big);
    // 65 537 bytes / 1 024 = 64.001 -> rounded up to 65 KB; the limit is 65 536 bytes = 64 KB
    expect(messageOf(() => readText(path.join(dir, "s.yaml"), "scenario"))).toMatch(
      /s\.yaml: is 65 KB, larger than the 64 KB allowed for a YAML\/JSON input; .* INTROSIM_MAX_INPUT_MB=<MB> \(or --max-input-mb\)$/,
    );
    expect(readText(path.join(dir, "r.csv"))).toHaveLength(big.length);
  });

  test("INTROSIM_MAX_INPUT_MB raises every limit, never lowers it, and must be a positive number", () => {
    process.env[MAX_INPUT_ENV] = "1";
    expect(maxInputBytes("yaml")).toBe(1024 * 1024);
    expect(maxInputBytes("csv")).toBe(MAX_INPUT_BYTES.csv);
    process.env[MAX_INPUT_ENV] = "-3";
    expect(messageOf(() => maxInputBytes("yaml"))).toMatch(/^INTROSIM_MAX_INPUT_MB: "-3" is not allowed/);
  });

  test("a 50 MB garbage scenario is refused from its size, without reading it", () => {
    const file = path.join(tmp(), "garbage.yaml");
    const fd = fs.openSync(file, "w");
    fs.ftruncateSync(fd, 50 * 1024 * 1024); // sparse: 50 MB of zero bytes
    fs.closeSync(fd);
    const before = process.memoryUsage().rss;
    expect(messageOf(() => readText(file, "scenario"))).toMatch(/garbage\.yaml: is 50\.0 MB, larger than the 64 KB allowed/);
    expect(process.memoryUsage().rss - before).toBeLessThan(10 * 1024 * 1024);
  });
});

describe("decodeUtf8(bytes) is strict", () => {
  test("a byte-order mark is dropped; latin-1 æøå is refused with line, byte and the fix", () => {
    expect(decodeUtf8(Buffer.from("\ufeffname: x\n", "utf8"), "s.yaml", "scenario")).toBe("name: x\n");
    // "a,b\n" is 4 bytes, then "ø" in latin-1 is the single byte 0xF8 at line 2, byte 1.
    expect(messageOf(() => decodeUtf8(Buffer.from("a,b\nø,1\n", "latin1"), "r.csv", "io"))).toBe(
      "r.csv: is not UTF-8 text (line 2, byte 1: 0xF8, e.g. æ, ø or å saved as latin-1/Windows-1252); save it as UTF-8 (Excel: «CSV UTF-8»; or iconv -f windows-1252 -t utf-8)",
    );
  });

  test("the reported byte is the first invalid one, wherever it is (property, against Buffer's own check)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), fc.nat(), fc.integer({ min: 0x80, max: 0xff }), (s, k, bad) => {
        const good = Buffer.from(s, "utf8");
        const at = good.length === 0 ? 0 : k % good.length;
        // Insert at a character boundary: move forward past continuation bytes.
        let i = at;
        while (i < good.length && (good[i]! & 0xc0) === 0x80) i++;
        const bytes = Buffer.concat([good.subarray(0, i), Buffer.from([bad]), Buffer.from([0x41]), good.subarray(i)]);
        const lines = bytes.subarray(0, i).toString("latin1").split("\n");
        const msg = messageOf(() => decodeUtf8(bytes, "f", "io"));
        expect(msg).toContain(`line ${lines.length}, byte ${lines[lines.length - 1]!.length + 1}: 0x${bad.toString(16).toUpperCase()}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe("parseYaml(text) has bounded work", () => {
  test("an alias to no anchor is one message naming the alias", () => {
    expect(messageOf(() => parseYaml("foo: *nope\n", "s.yaml", "scenario"))).toBe(
      "s.yaml: not valid YAML: the alias *nope refers to no anchor (&nope must come before it)",
    );
  });

  test("an alias bomb (9 aliases of 9 aliases …) is refused", () => {
    let text = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
    let prev = "a";
    for (const c of "bcdefghij") {
      text += `${c}: &${c} [${Array(9).fill(`*${prev}`).join(",")}]\n`;
      prev = c;
    }
    expect(messageOf(() => parseYaml(text, "s.yaml", "scenario"))).toBe(
      `s.yaml: not valid here: aliases (*name) expand to more than ${YAML_MAX_ALIAS_COUNT} copies; write the values out`,
    );
  });

  test("a few aliases are fine", () => {
    expect(parseYaml("a: &x {v: 1}\nb: *x\n", "s.yaml", "scenario")).toEqual({ a: { v: 1 }, b: { v: 1 } });
  });

  test("nesting deeper than the limit is refused with line and column, in flow and block style", () => {
    expect(messageOf(() => parseYaml(`x: ${"[".repeat(100_000)}${"]".repeat(100_000)}`, "s.yaml", "scenario"))).toBe(
      // "x: " is 3 characters, so the (64 + 1)th "[" (depth 1 from "x:" + 64 brackets) is at column 3 + 64 = 67.
      `s.yaml: not valid here (line 1, column 67): nested deeper than ${YAML_MAX_DEPTH} levels`,
    );
    expect(messageOf(() => parseYaml(`x:\n${"- ".repeat(100_000)}a\n`, "s.yaml", "scenario"))).toMatch(/\(line 2, column \d+\): nested deeper than 64/);
  });

  test("one-line JSON with many keys is not mistaken for depth", () => {
    const obj = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, { a: [1, 2, { b: 3 }] }]));
    expect(parseYaml(JSON.stringify(obj), "s.json", "scenario")).toEqual(obj);
  });

  test("any text either parses or gives one UserError line naming the file (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        try {
          parseYaml(s, "s.yaml", "scenario");
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
          expect((e as Error).message).toMatch(/^s\.yaml: /);
          expect((e as Error).message).not.toContain("\n");
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("readText(file.csv) recognises a Norwegian Excel export", () => {
  test("a header with semicolons and no comma is refused with how to save it; commas with semicolons in cells are read", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "r.csv"), "\ufeffagreement_id;kommunenr;fte_pct\r\nIA-1;0301;80,5\r\n");
    expect(messageOf(() => readText(path.join(dir, "r.csv")))).toMatch(
      /r\.csv: is separated by semicolons \(as Norwegian Excel saves CSV, with decimal commas\); save it comma-separated with a decimal point/,
    );
    fs.writeFileSync(path.join(dir, "ok.csv"), 'agreement_id,note\nIA-1,"a;b"\n');
    expect(readText(path.join(dir, "ok.csv"))).toBe('agreement_id,note\nIA-1,"a;b"\n');
  });
});

describe("loadParams(dir) bounds the folder it walks", () => {
  test("--params / is refused at once as not a parameter folder", () => {
    // Whichever bound it meets first (5 000 entries, 8 levels, an unreadable folder such as /proc/1/fdinfo), one message.
    expect(messageOf(() => loadParams("/"))).toMatch(/(holds more than 5000 entries|nests folders deeper than 8 levels|cannot be read \(EACCES\))/);
  });

  test("a folder nested deeper than 8 levels is refused", () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, ...Array(10).fill("d")), { recursive: true });
    expect(messageOf(() => loadParams(dir))).toMatch(/nests folders deeper than 8 levels; expected a parameter folder like data\/params$/);
  });
});
