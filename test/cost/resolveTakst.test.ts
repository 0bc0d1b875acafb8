// Takster over a span: refusjon = honorar − egenandel as terms, and extrapolation beyond the last period with the
// regulering in data/params/regulering/normaltariff.yaml.
import { describe, expect, test } from "vitest";
import { extendScalarEntries, extendTakstEntries, resolveTakst } from "../../src/cost/resolveTakst";
import type { ModelInput } from "../../src/inputs/modelInput";
import { scalarFile, takstFile } from "../../src/params/lookup";
import { realParams } from "../helpers";

const params = realParams();

describe("resolveTakst(params, code, span, inputs)", () => {
  test("an agreement-year after the last tariff period extends the takst with the regulering as a trippelestimat", () => {
    // 2ad 2026-27 (last period): honorar {191, 207, 224}, egenandel 179; regulering from 2027-07-01 {0.02, 0.035, 0.06}
    // 2027-28: honorar {191 × 1.02, 207 × 1.035, 224 × 1.06}, egenandel {179 × 1.02, 179 × 1.035, 179 × 1.06}
    const inputs: ModelInput[] = [];
    resolveTakst(params, "2ad", { from: "2027-07-01", toExclusive: "2028-07-01" }, inputs);
    const h = inputs.find((i) => i.name === "takst.2ad.honorar@2027-07-01")!;
    const e = inputs.find((i) => i.name === "takst.2ad.egenandel@2027-07-01")!;
    expect(h.spec).toMatchObject({
      type: "trippelestimat",
      lav: expect.closeTo(191 * 1.02, 9),
      mest_sannsynlig: expect.closeTo(207 * 1.035, 9),
      hoy: expect.closeTo(224 * 1.06, 9),
    });
    expect(e.spec).toMatchObject({ lav: expect.closeTo(179 * 1.02, 9), mest_sannsynlig: expect.closeTo(179 * 1.035, 9), hoy: expect.closeTo(179 * 1.06, 9) });
    expect(h.stream).toBe("takst.2ad@2027-07-01");
    expect(e.stream).toBe("takst.2ad@2027-07-01");
  });

  test("extendTakstEntries chains the regulering year after year and leaves the dated entries as they are", () => {
    const f = takstFile(params, "1bd");
    const ext = extendTakstEntries(params, f.values, "2029-07-01");
    expect(ext.slice(0, f.values.length)).toEqual(f.values);
    expect(ext.map((e) => e.from).slice(f.values.length)).toEqual(["2027-07-01", "2028-07-01"]);
    // 1bd 2026-27 mest sannsynlig 80 → 80 × 1.035² in 2028-29
    expect((ext[ext.length - 1]!.honorar as { mest_sannsynlig: number }).mest_sannsynlig).toBeCloseTo(80 * 1.035 ** 2, 9);
    expect(ext[ext.length - 1]!.status).toBe("uncertain");
  });

  test("a span inside the data gives refusjon = honorar − egenandel with observed values as constants (2ad 2022-23: 175 − 160 = 15)", () => {
    const inputs: ModelInput[] = [];
    const t = resolveTakst(params, "2ad", { from: "2022-07-01", toExclusive: "2023-07-01" }, inputs);
    expect(inputs).toEqual([]);
    expect(t.honorar.constant).toBeCloseTo(175, 9);
    expect(t.egenandel.constant).toBeCloseTo(160, 9);
    expect(t.refusjon.constant).toBeCloseTo(15, 9);
  });

  test("extendScalarEntries(basistilskudd) applies the same regulering: 2025-26 {861, 895, 960} → 2026-27 {861, 930.8, 1036.8}", () => {
    const f = scalarFile(params, "basistilskudd");
    const ext = extendScalarEntries(params, f.values, "2027-07-01");
    expect(ext.length).toBe(f.values.length + 1);
    expect(ext[ext.length - 1]!.from).toBe("2026-07-01");
    expect(ext[ext.length - 1]!.value).toMatchObject({
      lav: expect.closeTo(861, 9),
      mest_sannsynlig: expect.closeTo(895 * 1.04, 9),
      hoy: expect.closeTo(960 * 1.08, 9),
    });
  });
});
