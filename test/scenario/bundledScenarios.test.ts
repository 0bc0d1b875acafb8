// Every scenario shipped in data/scenarios/ loads and validates, and the variants inherit what they do not change.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { loadScenario } from "../../src/scenario/loadScenario";
import { realParams, ROOT, STANDARD } from "../helpers";

const DIR = path.join(ROOT, "data/scenarios");
const files = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".yaml"))
  .sort();

describe("bundled scenarios", () => {
  const params = realParams();
  const standard = loadScenario(STANDARD, params).scenario;

  test.each(files)("%s loads, validates and has a Norwegian title", (f) => {
    const { scenario } = loadScenario(path.join(DIR, f), params);
    expect(scenario.name).toBe(f.replace(/\.yaml$/, ""));
    expect(scenario.title).toBeTruthy();
    expect(scenario.allocation?.applications).toBe("data/allocation/synthetic-applications-2022.csv");
  });

  test("deltid-60 changes only stillingsprosent (cost and allocation); 100-avtaler only the number of agreements", () => {
    const deltid = loadScenario(path.join(DIR, "deltid-60.yaml"), params).scenario;
    expect(deltid.inputs.stillingsprosent).toMatchObject({ mest_sannsynlig: 0.6 });
    expect(deltid.allocation!.stillingsprosentShare).toMatchObject({ mest_sannsynlig: 0.6 });
    expect({ ...deltid.inputs, stillingsprosent: null }).toEqual({ ...standard.inputs, stillingsprosent: null });
    const hundred = loadScenario(path.join(DIR, "100-avtaler.yaml"), params).scenario;
    expect(hundred.agreements).toBe(100);
    expect(hundred.inputs).toEqual(standard.inputs);
  });
});
