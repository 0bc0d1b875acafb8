import * as fs from "node:fs";
import YAML from "yaml";
import { describe, expect, test } from "vitest";
import {
  afterAgreement,
  compareSpecialists,
  competingObservation,
  indicatorValues,
  registerIndicators,
  slotUtilisation,
  type DoctorRecord,
} from "../../src/register/indicators";
import { parseComparisonCsv } from "../../src/register/readComparison";
import { wilsonInterval } from "../../src/stats/wilsonInterval";
import { parseRegisterCsv } from "../../src/register/readRegister";
import { REGISTER_COLUMNS } from "../../src/register/columns";
import { projectCohorts } from "../../src/register/cohort";
import { retentionCurves } from "../../src/register/retentionCurve";
import { addMonths } from "../../src/time/isoDate";
import { parseScenario } from "../../src/scenario/loadScenario";
import { fixtureParams, GOLDEN, realParams } from "../helpers";

const params = realParams();
const HEADER = REGISTER_COLUMNS.map((c) => c.name);
const doc = (d: Partial<DoctorRecord> & { doctor_id: string }): DoctorRecord => ({
  agreement_id: "A",
  lastEnd: "2023-01-01",
  kommunenr: "0301",
  helseregion: "Sør-Øst",
  startYear: 2022,
  firstStart: "2022-01-01",
  fteMonths: 12,
  ...d,
});

describe("suppression (cells under 5 doctors)", () => {
  test("a group of 4 doctors is suppressed: every value null", () => {
    const v = indicatorValues(
      [1, 2, 3, 4].map((k) => doc({ doctor_id: `D${k}` })),
      "2026-01-01",
      24,
    );
    expect(v.suppressed).toBe(true);
    expect(Object.entries(v).filter(([k, x]) => k !== "doctors" && k !== "suppressed" && x !== null)).toEqual([]);
  });

  test("a group of 5 is shown, but a share whose denominator is below 5 is suppressed", () => {
    // 5 doctors; only 2 of them started early enough to be observed 3 years by 2026-01-01
    const ds = [1, 2, 3, 4, 5].map((k) => doc({ doctor_id: `D${k}`, firstStart: k <= 2 ? "2022-01-01" : "2024-06-01" }));
    const v = indicatorValues(ds, "2026-01-01", 24);
    expect(v.suppressed).toBe(false);
    expect(v.meanFteMonths).toBe(12);
    expect(v.fastlegeBy12Months).toBe(0); // all 5 at risk beyond 12 months, none became fastlege
    expect(v.fastlegeBy36Months).toBeNull(); // only 2 at risk beyond 36 months
    expect(v.retention3Years).toBeNull(); // fewer than 5 still observed beyond 36 months
  });
});

describe("secondary suppression and retention values", () => {
  const rows = (groups: Record<string, number>) =>
    Object.entries(groups).flatMap(([kommunenr, n], g) =>
      Array.from({ length: n }, (_, k) => ({
        row: g * 100 + k + 1,
        doctor_id: `${kommunenr}-${k}`,
        agreement_id: `${kommunenr}-${k}`,
        kommunenr,
        start_date: "2022-01-01",
        end_date: "2024-01-01",
        fte_pct: 100,
        decision_date: "2021-12-01",
      })),
    );

  test("a suppressed group of 4 beside a group of 6 takes the 6 with it (else 4 = overall − 6)", () => {
    const r = registerIndicators(rows({ "0301": 6, "1804": 4 }), params, { asOf: "2025-01-01" });
    expect(r.byKommune["1804"]!.suppressed).toBe(true);
    expect(r.byKommune["0301"]!.suppressed).toBe(true);
    expect(r.overall.doctors).toBe(10);
  });

  test("suppressed groups holding 5 or more doctors together need no more: 3 + 6 hidden, 7 shown", () => {
    const r = registerIndicators(rows({ "0301": 7, "1804": 3, "4601": 6 }), params, { asOf: "2025-01-01" });
    expect(Object.fromEntries(Object.entries(r.byKommune).map(([k, v]) => [k, v.suppressed]))).toEqual({ "0301": false, "1804": true, "4601": true });
  });

  test("retention is a Kaplan–Meier value when enough doctors are observed: one of 6 leaves at 12 months -> 5/6", () => {
    const rs = rows({ "0301": 6 });
    (rs[0] as Record<string, unknown>).left_kommune_date = "2023-01-01";
    const r = registerIndicators(rs, params, { asOf: "2025-06-01" });
    expect(r.overall.retention1Year).toBeCloseTo(5 / 6, 12);
    expect(r.overall.retention2Years).toBeCloseTo(5 / 6, 12);
    // by 2025-06-01 the five stayers are observed 41 months, so the 3-year value is published too
    expect(r.overall.retention3Years).toBeCloseTo(5 / 6, 12);
  });

  test("outcome dates before the start and rows without a readable stillingsprosent are left out and counted", () => {
    const rs = rows({ "0301": 6 });
    (rs[0] as Record<string, unknown>).became_fastlege_date = "2021-06-01"; // before the start: not counted as an outcome
    delete (rs[1] as Record<string, unknown>).fte_pct;
    const r = registerIndicators(rs, params, { asOf: "2025-01-01" });
    expect(r.excludedRows).toBe(1);
    expect(r.overall.doctors).toBe(5);
    expect(r.overall.fastlegeBy12Months).toBe(0);
  });
});

describe("registerIndicators, a small case by hand", () => {
  // Five doctors in one agreement chain each (as of 2025-01-01):
  //   D1 2022-01-01 – 2024-01-01 at 100 %  -> 24 FTE months, specialist 2024-06-01, fastlege 2022-10-01 (within 1 year)
  //   D2 2022-01-01 – 2023-01-01 at 50 %   -> 6 FTE months, left the kommune 2023-01-01 (12 months)
  //   D3 2022-03-01 – 2024-03-01 at 100 %  -> 24 FTE months, other GP work before
  //   D4 2023-01-01 – 2024-01-01 at 100 %  -> 12 FTE months, other GP work before
  //   D5 2023-01-01 – 2025-01-01 at 100 %  -> 24 FTE months by 2025-01-01, other GP work unknown
  // mean FTE months (24 + 6 + 24 + 12 + 24) / 5 = 18; reached 24: 3/5. Specialist and fastlege cumulative
  // incidences are suppressed: fewer than 5 are at risk beyond 12 months (D1 had the event at 9, D2 left at 12).
  // From other GP work: 2 of the 4 known (D5 unknown) = 0.5, but a denominator of 4 is
  // under 5, so the share is suppressed.
  // Retention (KM, months from start): D2 leaves at 12 (event); the others are censored at 36, 34, 24, 24.
  //   KM at 12 months would be 4/5, but only 4 doctors are observed beyond 12 months (under 5): suppressed.
  const row = (r: Record<string, string>) => HEADER.map((h) => r[h] ?? "").join(",");
  const base = {
    kommunenr: "0301",
    period: "1",
    decision_date: "2021-12-01",
    fte_pct: "100",
    lis1: "completed",
    veileder_specialist: "ja",
    utdanningsplan: "ja",
  };
  const text = [
    HEADER.join(","),
    row({
      ...base,
      agreement_id: "A1",
      doctor_id: "D1",
      start_date: "2022-01-01",
      end_date: "2024-01-01",
      other_gp_work_before: "nei",
      specialist_approved_date: "2024-06-01",
      became_fastlege_date: "2022-10-01",
    }),
    row({
      ...base,
      agreement_id: "A2",
      doctor_id: "D2",
      start_date: "2022-01-01",
      end_date: "2023-01-01",
      fte_pct: "50",
      other_gp_work_before: "nei",
      left_kommune_date: "2023-01-01",
    }),
    row({ ...base, agreement_id: "A3", doctor_id: "D3", start_date: "2022-03-01", end_date: "2024-03-01", other_gp_work_before: "ja" }),
    row({ ...base, agreement_id: "A4", doctor_id: "D4", start_date: "2023-01-01", end_date: "2024-01-01", other_gp_work_before: "ja" }),
    row({ ...base, agreement_id: "A5", doctor_id: "D5", start_date: "2023-01-01", end_date: "2025-01-01" }),
  ].join("\n");
  const rows = parseRegisterCsv(text, "t.csv").rows;
  const r = registerIndicators(rows, params, { asOf: "2025-01-01", cap: 65 });

  test("the overall indicators equal the arithmetic", () => {
    expect(r.overall).toMatchObject({
      doctors: 5,
      suppressed: false,
      meanFteMonths: 18,
      shareReached24FteMonths: 0.6,
      specialistBy24Months: null,
      fastlegeBy12Months: null,
      shareFromOtherGpWork: null,
    });
    expect(r.overall.retention1Year).toBeNull();
    expect(r.overall.retention2Years).toBeNull();
    expect(r.overall.fastlegeBy36Months).toBeNull();
  });

  test("slot utilisation: active agreement-days over cap × days since the first decision", () => {
    // Agreement-days 2021-12-01 – 2025-01-01 (1 127 days): A1 730, A2 365, A3 731, A4 365, A5 731 = 2 922;
    // with cap 2: 2 922 / (2 × 1 127) = 1.2963…
    const u = slotUtilisation(rows, 2, "2025-01-01");
    expect(u.share).toBeCloseTo(2922 / (2 * 1127), 12);
    expect(u.activeAgreementYears).toBeCloseTo(2922 / 365.25, 12);
  });

  test("groups under 5 doctors are suppressed (each start year here)", () => {
    expect(Object.values(r.byStartYear).every((g) => g.suppressed)).toBe(true);
    expect(r.byHelseregion["Sør-Øst"]!.doctors).toBe(5);
  });
});

describe("specialist and fastlege as cumulative incidence with leaving the kommune competing (Aalen–Johansen)", () => {
  // Eight doctors from 2022-01-01, as of 2026-01-01 (48 months):
  //   D1 specialist at 12 months; D2 left the kommune at 18; D3 specialist at 24; D4–D8 nothing (censored at 48).
  //   t = 12: at risk 8, specialist 1      F = 1/8;              S = 7/8
  //   t = 18: at risk 7, left 1                                  S = 7/8 × 6/7 = 6/8
  //   t = 24: at risk 6, specialist 1      F += 6/8 × 1/6 = 1/8 -> 2/8 = 0.25;  S = 5/8
  // At 24 and 36 months 5 doctors are at risk beyond: published. 1 − KM with leaving censored would give
  // 1 − 7/8 × 5/6 = 13/48 = 0.2708 at 24 months: more than 0.25, as if D2 could still become a specialist here.
  const ds = [
    doc({ doctor_id: "D1", specialistApproved: "2023-01-01" }),
    doc({ doctor_id: "D2", leftKommune: "2023-07-01" }),
    doc({ doctor_id: "D3", specialistApproved: "2024-01-01" }),
    ...[4, 5, 6, 7, 8].map((k) => doc({ doctor_id: `D${k}` })),
  ];

  test("indicatorValues gives the hand-computed cumulative incidences; before any event it is 0", () => {
    const v = indicatorValues(ds, "2026-01-01", 24);
    expect(v.specialistBy24Months).toBeCloseTo(0.25, 14);
    expect(v.specialistBy36Months).toBeCloseTo(0.25, 14);
    expect(v.fastlegeBy12Months).toBe(0);
  });

  test("a doctor who started months ago is censored, not counted as a non-specialist (the old share was 2/9)", () => {
    const withNew = [...ds, doc({ doctor_id: "D9", firstStart: "2025-09-01" })];
    expect(indicatorValues(withNew, "2026-01-01", 24).specialistBy24Months).toBeCloseTo(0.25, 14);
  });

  test("competingObservation: the outcome on the day of leaving counts as the outcome; dates after asOf are censored", () => {
    expect(competingObservation("2022-01-01", "2023-01-01", "2023-01-01", "2026-01-01")).toEqual({ time: 12, cause: 1 });
    expect(competingObservation("2022-01-01", "2023-02-01", "2023-01-01", "2026-01-01")).toEqual({ time: 12, cause: 2 });
    expect(competingObservation("2022-01-01", "2027-01-01", undefined, "2026-01-01")).toEqual({ time: 48, cause: 0 });
  });

  test("with only 4 at risk beyond the horizon the value is suppressed", () => {
    expect(indicatorValues(ds.slice(0, 7), "2026-01-01", 24).specialistBy24Months).toBeNull();
  });
});

describe("position after the agreement ended (12 and 24 months)", () => {
  // Six doctors whose agreements ended 2023-01-01, as of 2024-06-01 (17 months later: only the 12-month position
  // is observed). Recorded at 12 months: fastlege, fastlege, sykehjem, allmenn_annen_kommune, utenfor_allmenn, and
  // one empty: n = 5. In the kommune 3/5, in general practice 4/5, fastlege 2/5, sykehjem/legevakt/other 1/5.
  const positions = ["fastlege", "fastlege", "sykehjem", "allmenn_annen_kommune", "utenfor_allmenn", undefined];
  const ds = positions.map((p, k) => doc({ doctor_id: `D${k}`, position12m: p, position24m: "fastlege" }));

  test("afterAgreement gives the shares with their Wilson intervals; 24 months is not yet observed (null)", () => {
    const [m12, m24] = afterAgreement(ds, "2024-06-01");
    expect(m12).toMatchObject({ months: 12, doctors: 5 });
    expect(m12!.inKommune).toEqual(wilsonInterval(3, 5, 0.95));
    expect(m12!.inGeneralPractice!.share).toBe(0.8);
    expect(m12!.fastlege!.share).toBe(0.4);
    expect(m12!.otherKommunalWork!.share).toBe(0.2);
    expect(m24).toEqual({ months: 24, doctors: null, inKommune: null, inGeneralPractice: null, fastlege: null, otherKommunalWork: null });
  });

  test("four recorded positions are suppressed: every share null", () => {
    expect(afterAgreement(ds.slice(1), "2024-06-01")[0]).toMatchObject({ doctors: null, inKommune: null, fastlege: null });
  });
});

describe("comparison: cost per additional specialist", () => {
  // The eight doctors above have F(36) = 0.25. Against an external rate of 0.10: 8 × (0.25 − 0.10) = 1.2 additional.
  const ds = [
    doc({ doctor_id: "D1", specialistApproved: "2023-01-01" }),
    doc({ doctor_id: "D2", leftKommune: "2023-07-01" }),
    doc({ doctor_id: "D3", specialistApproved: "2024-01-01" }),
    ...[4, 5, 6, 7, 8].map((k) => doc({ doctor_id: `D${k}` })),
  ];

  test("against an external rate, with its source in the assumption", () => {
    const c = compareSpecialists(ds, { kind: "rate", specialistShare: 0.1, source: "an estimate for the test" }, "2026-01-01");
    expect(c.introSpecialistShare).toBeCloseTo(0.25, 14);
    expect(c.additionalSpecialists).toBeCloseTo(1.2, 12);
    expect(c.assumption).toBe("uten avtale ville 10,0\u00a0% av introduksjonslegene vært spesialister 36 måneder etter start (an estimate for the test)");
  });

  test("against a comparison register: its own Aalen–Johansen value; under 5 comparison doctors it is suppressed", () => {
    // Five comparison doctors from 2022-01-01: one specialist at 30 months, four censored at 48: F(36) = 1/5.
    const comp = [1, 2, 3, 4, 5].map((k) => ({ doctor_id: `K${k}`, start: "2022-01-01", ...(k === 1 ? { specialistApproved: "2024-07-01" } : {}) }));
    const c = compareSpecialists(ds, { kind: "register", file: "k.csv", doctors: comp }, "2026-01-01");
    expect(c.comparisonSpecialistShare).toBeNull(); // only 4 at risk beyond 36 months
    const six = [...comp, { doctor_id: "K6", start: "2022-01-01" }];
    const c6 = compareSpecialists(ds, { kind: "register", file: "k.csv", doctors: six }, "2026-01-01");
    expect(c6.comparisonSpecialistShare).toBeCloseTo(1 / 6, 14);
    expect(c6.additionalSpecialists).toBeCloseTo(8 * (0.25 - 1 / 6), 12);
  });

  test("registerIndicators prices it: total cost / additional specialists, beside the gross figure", () => {
    // Ten one-year agreements from 2022-01-01 (as of 2026-01-01); D0–D4 specialists at 17 months, D5–D9 censored at 48.
    // F(36) = 5/10 (S = 1/2 after t = 17, five at risk beyond 36). Against a rate of 0.2: 10 × (0.5 − 0.2) = 3
    // additional specialists. Total cost 500 000 kr × 10 × 365/365.25 agreement-years; gross per specialist total/5,
    // per additional specialist total/3.
    const text = [
      HEADER.join(","),
      ...Array.from({ length: 10 }, (_, k) =>
        HEADER.map(
          (h) =>
            (
              ({
                agreement_id: `A${k}`,
                kommunenr: "0301",
                doctor_id: `D${k}`,
                period: "1",
                decision_date: "2022-01-01",
                start_date: "2022-01-01",
                end_date: "2023-01-01",
                fte_pct: "100",
                lis1: "completed",
                specialist_approved_date: k < 5 ? "2023-06-01" : "",
              }) as Record<string, string>
            )[h] ?? "",
        ).join(","),
      ),
    ].join("\n");
    const rows = parseRegisterCsv(text, "t.csv").rows;
    const r = registerIndicators(rows, params, {
      asOf: "2026-01-01",
      cap: 65,
      costPerAgreementYearNok: 500_000,
      comparison: { kind: "rate", specialistShare: 0.2, source: "test" },
    });
    const total = (500_000 * 10 * 365) / 365.25;
    expect(r.costPerOutcome!.totalCostNok).toBeCloseTo(total, 4);
    expect(r.comparison!.introSpecialistShare).toBeCloseTo(0.5, 14);
    expect(r.comparison!.additionalSpecialists).toBeCloseTo(3, 12);
    expect(r.costPerOutcome!.perSpecialistNok).toBeCloseTo(total / 5, 4);
    expect(r.costPerOutcome!.perAdditionalSpecialistNok).toBeCloseTo(total / 3, 4);
    // no more specialists than the comparison: no cost per additional specialist
    const none = registerIndicators(rows, params, {
      asOf: "2026-01-01",
      costPerAgreementYearNok: 500_000,
      comparison: { kind: "rate", specialistShare: 0.6, source: "test" },
    });
    expect(none.costPerOutcome!.perAdditionalSpecialistNok).toBeNull();
  });
});

describe("parseComparisonCsv", () => {
  const H = "doctor_id,kommunenr,start_date,specialist_approved_date,became_fastlege_date,left_kommune_date";
  test("reads a comparison register", () => {
    expect(parseComparisonCsv(`${H}\nK1,0301,2022-01-01,2024-01-01,,\n`, "k.csv")).toEqual([
      { doctor_id: "K1", start: "2022-01-01", specialistApproved: "2024-01-01" },
    ]);
  });
  test("wrong columns, a bad date and a bad kommunenr: one message naming the file, the row and the column", () => {
    expect(() => parseComparisonCsv("doctor_id,kommune,start_date\nK1,0301,2022-01-01\n", "k.csv")).toThrowError(
      /^k\.csv: row 1 \(header\): missing columns kommunenr, specialist_approved_date, became_fastlege_date, left_kommune_date; a comparison register has the columns/,
    );
    expect(() => parseComparisonCsv(`${H}\nK1,0301,2022-01-01,,,\nK2,0301,2022-13-01,,,\n`, "k.csv")).toThrowError(
      'k.csv: row 2, column start_date: "2022-13-01" is not allowed; expected a date written YYYY-MM-DD',
    );
    expect(() => parseComparisonCsv(`${H}\nK1,301,2022-01-01,,,\n`, "k.csv")).toThrowError(
      'k.csv: row 1, column kommunenr: "301" is not allowed; expected 4 digits',
    );
  });
});

describe("retentionCurves", () => {
  test("a group under 5 doctors gets no curve; a curve stops where fewer than 5 are still observed", () => {
    // 6 doctors observed 10, 20, 30, 40, 50, 60 months (no one leaves): the 5th longest is 20 months -> cut at 20
    const ds = [10, 20, 30, 40, 50, 60].map((m, k) =>
      doc({ doctor_id: `D${k}`, helseregion: k < 4 ? "Nord" : "Vest", firstStart: addMonths("2020-01-01", 60 - m) }),
    );
    const pts = retentionCurves(ds, "2025-01-01", (d) => d.helseregion);
    expect(new Set(pts.map((p) => p.group))).toEqual(new Set(["Alle"]));
    expect(Math.max(...pts.map((p) => p.month))).toBeCloseTo(20, 9);
  });

  test("the curve shows no point the indicator suppresses: one leaves at 12 months, 4 observed beyond", () => {
    // times 12 (left), 24, 30, 36, 40: only 4 beyond 12 months, so S(12) = 0.8 must not be drawn
    const ds = [12, 24, 30, 36, 40].map((m, k) =>
      doc({
        doctor_id: `D${k}`,
        firstStart: addMonths("2021-01-01", 40 - m),
        leftKommune: k === 0 ? addMonths(addMonths("2021-01-01", 40 - m), 12) : undefined,
      }),
    );
    const pts = retentionCurves(ds, "2024-05-01", () => "x").filter((p) => p.group === "Alle");
    expect(pts.every((p) => p.survival === 1)).toBe(true);
  });
});

describe("projectCohorts, all inputs fixed, by hand", () => {
  // intake 10 a year for 5 years; 50 % complete after 2 years; 80 % of them specialists 1 year later; 30 % become
  // fastleger, spread over 3 years from start (1 a year per cohort); 1.5 agreement-years each at 400 000 kr.
  //   completions (cohort y at y + 2): years 0–4 -> 0, 0, 5, 5, 5 -> cumulative 0, 0, 5, 10, 15
  //   specialists (4 per cohort at y + 3): 0, 0, 0, 4, 4 -> cumulative 0, 0, 0, 4, 8
  //   fastleger: year k gets 1 from each of the cohorts k, k−1, k−2: 1, 2, 3, 3, 3 -> cumulative 1, 3, 6, 9, 12
  //   cost: each cohort 10 × 1 × 400 000 = 4 mill. in its year, 10 × 0.5 × 400 000 = 2 mill. the next:
  //         4, 6, 6, 6, 6 mill. -> cumulative 4, 10, 16, 22, 28 mill.
  //   cost per specialist 28 / 8 = 3.5 mill.; per new fastlege 28 / 12 = 2.333… mill.
  test("the cumulative flows and cost per outcome equal the arithmetic", () => {
    const raw = YAML.parse(fs.readFileSync(GOLDEN, "utf8")) as Record<string, unknown>;
    raw.cohort = {
      startYear: 2025,
      years: 5,
      intakePerYear: 10,
      shareCompleting: 0.5,
      yearsToComplete: 2,
      shareSpecialistGivenCompleted: 0.8,
      yearsCompletionToSpecialist: 1,
      shareBecomingFastlege: 0.3,
      agreementYearsPerDoctor: 1.5,
    };
    const scenario = parseScenario(raw, "golden.yaml", fixtureParams());
    const p = projectCohorts(scenario, new Float64Array(50).fill(400_000), { draws: 50, seed: 1 });
    expect(p.byYear.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029]);
    expect(p.byYear.map((y) => y.completedCumulative.p50)).toEqual([0, 0, 5, 10, 15]);
    expect(p.byYear.map((y) => y.specialistsCumulative.p50)).toEqual([0, 0, 0, 4, 8]);
    expect(p.byYear.map((y) => y.fastlegerCumulative.p50).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([1, 3, 6, 9, 12]);
    expect(p.byYear.map((y) => y.costCumulativeNok.p50)).toEqual([4e6, 10e6, 16e6, 22e6, 28e6]);
    expect(p.costPerSpecialistNok.p50).toBeCloseTo(3.5e6, 6);
    expect(p.costPerNewFastlegeNok.p50).toBeCloseTo(28e6 / 12, 6);
    expect(p.costPerSpecialistNok.p10).toBeCloseTo(p.costPerSpecialistNok.p90, 6); // no uncertainty when all fixed
  });

  test("with no specialist within the horizon the cost per specialist is null and the draws are counted, not Infinity", () => {
    const raw = YAML.parse(fs.readFileSync(GOLDEN, "utf8")) as Record<string, unknown>;
    raw.cohort = {
      startYear: 2025,
      years: 2,
      intakePerYear: 10,
      shareCompleting: 0.5,
      yearsToComplete: 2,
      shareSpecialistGivenCompleted: 0.8,
      yearsCompletionToSpecialist: 1,
      shareBecomingFastlege: 0.3,
      agreementYearsPerDoctor: 1,
    };
    const p = projectCohorts(parseScenario(raw, "g.yaml", fixtureParams()), new Float64Array(20).fill(1), { draws: 20, seed: 1 });
    expect(p.costPerSpecialistNok.p50).toBeNull();
    expect(p.drawsWithoutSpecialist).toBe(20);
    expect(p.drawsWithoutFastlege).toBe(0);
  });

  test("a fractional lag splits the flow between two years", () => {
    const raw = YAML.parse(fs.readFileSync(GOLDEN, "utf8")) as Record<string, unknown>;
    raw.cohort = {
      startYear: 2025,
      years: 4,
      intakePerYear: 10,
      shareCompleting: 1,
      yearsToComplete: 2.25,
      shareSpecialistGivenCompleted: 0,
      yearsCompletionToSpecialist: 0,
      shareBecomingFastlege: 0,
      agreementYearsPerDoctor: 1,
    };
    const p = projectCohorts(parseScenario(raw, "g.yaml", fixtureParams()), new Float64Array(10).fill(1), { draws: 10, seed: 1 });
    // cohort 0: 7.5 in year 2, 2.5 in year 3; cohort 1: 7.5 in year 3 -> cumulative 0, 0, 7.5, 17.5
    expect(p.byYear.map((y) => y.completedCumulative.p50)).toEqual([0, 0, 7.5, 17.5]);
  });
});
