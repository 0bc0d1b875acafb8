// The charts of notebook 04 for the scheme's goals: valid Vega-Lite 5 specs (against the published schema), titles that
// state the finding, and no point a suppressed indicator would hide.
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import { describe, expect, test } from "vitest";
import { afterAgreementSpec, incidenceSpec } from "../../src/charts/registerCharts";
import { incidenceCurves } from "../../src/register/incidenceCurves";
import { doctorRecords, registerIndicators } from "../../src/register/indicators";
import { readRegister } from "../../src/register/readRegister";
import { realParams } from "../helpers";

const schema = JSON.parse(fs.readFileSync(require.resolve("vega-lite/build/vega-lite-schema.json"), "utf8")) as object;
const validate = new Ajv({ allowUnionTypes: true, strict: false, validateFormats: false }).compile(schema);
const register = readRegister(path.join(__dirname, "../../data/register/synthetic-agreements.csv"));
const report = registerIndicators(register.rows, realParams());
const doctors = doctorRecords(register.rows, report.asOf);

describe("charts for the scheme's goals", () => {
  test("incidenceSpec(incidenceCurves) is valid Vega-Lite; its title states the 3-year specialist share the indicator shows", () => {
    const points = incidenceCurves(doctors, report.asOf);
    const spec = incidenceSpec(points, "test");
    expect(validate(spec), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const title = (spec.title as { text: string }).text;
    expect(title).toBe(`${Math.round(report.overall.specialistBy36Months! * 100)}\u00a0% er spesialister tre år etter start`);
    // each curve stops before fewer than 5 doctors are at risk: its last month is below the 5th-longest observation
    expect(new Set(points.map((p) => p.outcome))).toEqual(new Set(["Spesialistgodkjent", "Forlot kommunen først", "Ble fastlege"]));
    for (const p of points) expect(p.share).toBeGreaterThanOrEqual(0);
  });

  test("incidenceCurves of 4 doctors is empty (suppressed)", () => {
    expect(incidenceCurves(doctors.slice(0, 4), report.asOf)).toEqual([]);
  });

  test("afterAgreementSpec is valid Vega-Lite with a band from the Wilson interval; a suppressed horizon gives no points", () => {
    const spec = afterAgreementSpec(report.afterAgreement, "test");
    expect(validate(spec), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const values = (spec.data as { values: Array<{ måneder: number; andel: number; lav: number; høy: number }> }).values;
    expect(values.map((v) => v.måneder).sort()).toEqual([12, 12, 12, 12, 24, 24, 24, 24]);
    for (const v of values) expect(v.lav <= v.andel && v.andel <= v.høy).toBe(true);
    const suppressed = report.afterAgreement.map((a) => ({
      ...a,
      doctors: null,
      inKommune: null,
      inGeneralPractice: null,
      fastlege: null,
      otherKommunalWork: null,
    }));
    expect((afterAgreementSpec(suppressed, "test").data as { values: unknown[] }).values).toEqual([]);
  });
});
