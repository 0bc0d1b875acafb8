// Sweep tests: every bundled parameter has its unit, source and validity; every estimate says how it was made.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { loadParams } from "../../src/params/loadParams";
import { dayNumber } from "../../src/time/isoDate";
import { COST_INPUT_NAMES } from "../../src/inputs/costInputs";
import { realParams, STANDARD } from "../helpers";
import YAML from "yaml";

describe("bundled data/params", () => {
  const params = realParams();

  test("every file has a description, unit, lastVerified and at least one titled reference", () => {
    const offenders = params.files.filter((f) => {
      const p = f.id.startsWith("normaltariff/") ? params.takster.get(f.id.slice(13)) : params.scalars.get(f.id);
      return !p || !p.unit || !p.description || !p.lastVerified || p.reference.length === 0 || p.reference.some((r) => !r.title);
    });
    expect(offenders.map((f) => f.file)).toEqual([]);
  });

  test("every derived or uncertain value carries a note with its arithmetic or reason", () => {
    const offenders: string[] = [];
    for (const p of [...params.takster.values(), ...params.scalars.values()]) {
      p.values.forEach((v, i) => {
        if (v.status !== "observed" && !v.note) offenders.push(`${p.file}: values[${i}]`);
      });
    }
    expect(offenders).toEqual([]);
  });

  test("every takst covers 2021-07-01 – 2026-06-30 without gaps, one entry per tariff year starting 1 July", () => {
    const offenders: string[] = [];
    for (const [code, t] of params.takster) {
      if (t.values[0]!.from > "2021-07-01" || t.values[t.values.length - 1]!.to < "2026-06-30") offenders.push(`${code}: coverage`);
      t.values.forEach((v, i) => {
        if (!v.from.endsWith("-07-01")) offenders.push(`${code}: values[${i}] starts ${v.from}, not 1 July`);
        const prev = t.values[i - 1];
        if (prev && dayNumber(v.from) !== dayNumber(prev.to) + 1) offenders.push(`${code}: gap before ${v.from}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  test("the default scenario gives every cost input, each with a reason or a source", () => {
    const raw = YAML.parse(fs.readFileSync(STANDARD, "utf8")) as { inputs: Record<string, { reason?: string; source?: string }> };
    expect(Object.keys(raw.inputs).sort()).toEqual([...COST_INPUT_NAMES].sort());
    const offenders = Object.entries(raw.inputs)
      .filter(([, v]) => !v.reason && !v.source)
      .map(([k]) => k);
    expect(offenders).toEqual([]);
  });

  test("data/README.md lists every parameter file", () => {
    const readme = fs.readFileSync(path.join(__dirname, "../../data/README.md"), "utf8");
    expect(params.files.filter((f) => !readme.includes(`\`${f.id}\``)).map((f) => f.id)).toEqual([]);
  });

  test("loadParams() stamps each file with its SHA-256 and the set with one data hash", () => {
    expect(params.files.length).toBeGreaterThan(15);
    for (const f of params.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(params.dataHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("loadParams(dir) rejects bad parameter files with the file and field", () => {
  function withFile(rel: string, text: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-params-"));
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
    return dir;
  }
  const head = 'description: "x"\nunit: NOK\nlastVerified: 2026-11-23\nreference:\n  - title: "t"\n';

  test("overlapping periods", () => {
    const dir = withFile(
      "a.yaml",
      `${head}values:\n  - {from: 2022-01-01, to: 2022-12-31, value: 1, status: observed}\n  - {from: 2022-06-01, to: 2023-12-31, value: 2, status: observed}\n`,
    );
    expect(() => loadParams(dir)).toThrowError(/a\.yaml: values\[1\]: period 2022-06-01 – 2023-12-31 overlaps/);
  });

  test("a takst whose honorar is not refusjon + egenandel", () => {
    const dir = withFile(
      "normaltariff/2ad.yaml",
      `${head}values:\n  - {from: 2022-07-01, to: 2023-06-30, honorar: 170, refusjon: 15, egenandel: 160, status: observed}\n`,
    );
    expect(() => loadParams(dir)).toThrowError(/2ad\.yaml: values\[0\]: honorar must equal refusjon \+ egenandel/);
  });

  test("loadParams(dir) sees a file that changed since the last call", () => {
    const dir = withFile("e.yaml", `${head}values:\n  - {from: 2022-01-01, to: 2022-12-31, value: 1, status: observed}\n`);
    expect(loadParams(dir).scalars.get("e")!.values[0]!.value).toBe(1);
    fs.writeFileSync(path.join(dir, "e.yaml"), `${head}values:\n  - {from: 2022-01-01, to: 2022-12-31, value: 22, status: observed}\n`);
    expect(loadParams(dir).scalars.get("e")!.values[0]!.value).toBe(22);
  });

  test("a missing reference", () => {
    const dir = withFile(
      "b.yaml",
      'description: "x"\nunit: NOK\nlastVerified: 2026-11-23\nvalues:\n  - {from: 2022-01-01, to: 2022-12-31, value: 1, status: observed}\n',
    );
    expect(() => loadParams(dir)).toThrowError(/b\.yaml: reference: missing field/);
  });

  test("a trippelestimat with lav > hoy and an unknown status", () => {
    const d1 = withFile(
      "c.yaml",
      `${head}values:\n  - {from: 2022-01-01, to: 2022-12-31, value: {lav: 3, mest_sannsynlig: 2, hoy: 1}, status: uncertain, note: n}\n`,
    );
    expect(() => loadParams(d1)).toThrowError(/lav <= mest_sannsynlig <= hoy/);
    const d2 = withFile("d.yaml", `${head}values:\n  - {from: 2022-01-01, to: 2022-12-31, value: 1, status: guessed}\n`);
    expect(() => loadParams(d2)).toThrowError(/d\.yaml: values\[0\]\.status/);
  });
});
