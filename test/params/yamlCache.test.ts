// The parsed-YAML cache of parameter files (issue 18: `introsim cost` spent half a second parsing data/params).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as v8 from "node:v8";
import { describe, expect, test } from "vitest";
import { loadParams } from "../../src/params/loadParams";
import { PARAMS_DIR } from "../../src/io/paths";
import { sha256 } from "../../src/io/sha256";
import { YamlCache } from "../../src/params/yamlCache";

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "introsim-yaml-cache-")), "cache.v8");

describe("YamlCache", () => {
  test("get(hash, text) parses on a miss, and a later load takes the value saved under that SHA-256 without parsing", () => {
    const file = tempFile();
    const text = "a: 1\nb: [.inf, -0, 2024-07-01]\n";
    const first = new YamlCache(file);
    expect(first.get(sha256(text), text, "x.yaml")).toEqual({ a: 1, b: [Infinity, -0, "2024-07-01"] });
    first.save();
    // Not parsed again: the cached value is returned for the key even when the text given is no longer YAML.
    const value = new YamlCache(file).get(sha256(text), "{ not yaml", "x.yaml") as { b: number[] };
    expect(value).toEqual({ a: 1, b: [Infinity, -0, "2024-07-01"] });
    expect(Object.is(value.b[1], -0)).toBe(true); // survives where JSON would give 0
  });

  test("get(hash, text) throws the parser's error for bad YAML and caches nothing", () => {
    const file = tempFile();
    const cache = new YamlCache(file);
    expect(() => cache.get(sha256("a: [1"), "a: [1", "bad.yaml")).toThrowError(/^bad\.yaml: /);
    cache.save();
    expect(fs.existsSync(file)).toBe(false);
  });

  test("a cache file that is not ours, or of another parser version, is ignored", () => {
    const file = tempFile();
    fs.writeFileSync(file, "garbage");
    expect(new YamlCache(file).get("k", "a: 2", "x.yaml")).toEqual({ a: 2 });
    fs.writeFileSync(file, v8.serialize({ stamp: "introsim-params-yaml 0", entries: new Map([["k", { a: 3 }]]) }));
    expect(new YamlCache(file).get("k", "a: 2", "x.yaml")).toEqual({ a: 2 });
  });

  test("loadParams(dir) gives the same parameter set from a warm cache as with INTROSIM_NO_CACHE", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-params-copy-"));
    fs.cpSync(PARAMS_DIR, dir, { recursive: true });
    const asData = (p: ReturnType<typeof loadParams>) => ({ t: [...p.takster], s: [...p.scalars], f: p.files, h: p.dataHash });
    process.env.INTROSIM_NO_CACHE = "1";
    let cold: ReturnType<typeof asData>;
    try {
      cold = asData(loadParams(dir));
    } finally {
      delete process.env.INTROSIM_NO_CACHE;
    }
    const touch = () => {
      const f = path.join(dir, "egenandelstak.yaml");
      const t = new Date(Date.now() + Math.random() * 1e6);
      fs.utimesSync(f, t, t); // a new signature: loadParams' in-memory cache is bypassed, the disk cache is not
    };
    touch();
    loadParams(dir); // fills the disk cache for these texts
    touch();
    expect(asData(loadParams(dir))).toStrictEqual(cold);
  });
});
