#!/usr/bin/env node
// Writes data/register/synthetic-agreements.csv: a SYNTHETIC agreement register (no real person or agreement) with
// about 60 agreements and 100 doctors shaped like the scheme (two allocation rounds, chained doctors, part time,
// outcomes with censoring), plus one planted breach of each rule, listed in data/register/README.md.
// Seeded, so the file is the same on every run: node scripts/make-synthetic-register.mjs
import { createRequire } from "node:module";
import * as fs from "node:fs";
const require = createRequire(import.meta.url);
const { Mt19937 } = require("../dist/distributions/mt19937.js");

const rng = new Mt19937(20221);
const u = () => (rng.nextUint32() + 0.5) / 2 ** 32;
const int = (a, b) => a + Math.floor(u() * (b - a + 1));
const pick = (xs) => xs[Math.floor(u() * xs.length)];
const addMonths = (iso, m) => {
  const [y, mo, d] = iso.split("-").map(Number);
  const t = new Date(Date.UTC(y, mo - 1 + m, 1));
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
};
const TODAY = "2026-11-23";

// Kommunenummer (2024 numbering) used only as labels for synthetic agreements.
const KOMMUNER = [
  "0301",
  "4601",
  "5001",
  "1103",
  "3201",
  "5401",
  "1806",
  "1804",
  "4204",
  "3907",
  "3403",
  "1505",
  "4621",
  "5035",
  "3301",
  "1820",
  "5501",
  "4614",
  "3105",
  "1860",
  "4602",
  "3901",
  "5028",
  "3411",
];

const header = [
  "agreement_id",
  "kommunenr",
  "doctor_id",
  "period",
  "decision_date",
  "start_date",
  "end_date",
  "fte_pct",
  "lis1",
  "lis_start_date",
  "patient_base",
  "fastleger_count",
  "veileder_specialist",
  "utdanningsplan",
  "leave_extension_months",
  "employment",
  "other_gp_work_before",
  "specialist_approved_date",
  "became_fastlege_date",
  "left_kommune_date",
  "specialist_scheme",
  "utdanningsvirksomhet",
  "other_work_specified",
  "changes_reported",
  "substitute_for",
  "position_12m",
  "position_24m",
];
// Position 12 and 24 months after the agreement ended (codes of data/reference/positions.yaml), drawn with weights.
const POSITIONS = [
  ["fastlege", 0.35],
  ["sykehjem", 0.15],
  ["legevakt", 0.1],
  ["annen_kommunal", 0.1],
  ["allmenn_annen_kommune", 0.18],
  ["utenfor_allmenn", 0.12],
];
const position = () => {
  let x = u();
  for (const [code, w] of POSITIONS) if ((x -= w) < 0) return code;
  return POSITIONS[POSITIONS.length - 1][0];
};
const rows = [];
let doctor = 0;
for (let a = 1; a <= 60; a++) {
  const id = `IA-${String(a).padStart(3, "0")}`;
  const kommunenr = KOMMUNER[(a * 7) % KOMMUNER.length];
  const decision = a <= 40 ? "2022-05-15" : "2023-05-15";
  let start = addMonths(decision, int(1, 5));
  const nDoctors = pick([1, 1, 2, 2, 2, 3]);
  let fteMonthsLeft = 24;
  for (let k = 0; k < nDoctors && fteMonthsLeft >= 6; k++) {
    doctor++;
    const fte = pick([100, 100, 100, 80, 60, 50]);
    const months = Math.min(int(6, 24), Math.floor((fteMonthsLeft * 100) / fte));
    if (months < 6) break;
    const end = addMonths(start, months);
    fteMonthsLeft -= (months * fte) / 100;
    const finished = end <= TODAY;
    const otherGp = u() < 0.7;
    const specialist = finished && u() < 0.5 ? addMonths(end, int(2, 10)) : "";
    const fastlege = u() < 0.35 ? addMonths(start, int(6, 30)) : "";
    const left = u() < 0.25 ? addMonths(start, int(8, 40)) : "";
    rows.push({
      agreement_id: id,
      kommunenr,
      doctor_id: `D${String(doctor).padStart(4, "0")}`,
      period: 1,
      decision_date: decision,
      start_date: start,
      end_date: end,
      fte_pct: fte,
      lis1: "completed",
      lis_start_date: "",
      patient_base: int(850, 1800),
      fastleger_count: int(2, 5),
      veileder_specialist: "ja",
      utdanningsplan: "ja",
      leave_extension_months: 0,
      employment: pick(["naeringsdrivende", "fastlonnet"]),
      other_gp_work_before: otherGp ? "ja" : "nei",
      specialist_approved_date: specialist <= TODAY ? specialist : "",
      became_fastlege_date: fastlege <= TODAY ? fastlege : "",
      left_kommune_date: left <= TODAY ? left : "",
      specialist_scheme: u() < 0.1 ? "old" : "new",
      utdanningsvirksomhet: u() < 0.85 ? "registered" : "applied",
      other_work_specified: fte < 100 ? "ja" : "",
      changes_reported: "ja",
      substitute_for: "",
      position_12m: addMonths(end, 12) <= TODAY ? position() : "",
      position_24m: addMonths(end, 24) <= TODAY ? position() : "",
    });
    start = end;
  }
}
const NO_OUTCOMES = { specialist_approved_date: "", became_fastlege_date: "", left_kommune_date: "", position_12m: "", position_24m: "" };
// Planted breaches (one each), by agreement: see data/register/README.md.
const first = (id) => rows.find((r) => r.agreement_id === id);
first("IA-002").lis1 = "no"; // R01
Object.assign(first("IA-003"), { lis1: "eu_exception", lis_start_date: "2019-06-01" }); // R01 (exception too late)
Object.assign(first("IA-004"), { lis1: "eu_exception", lis_start_date: "2018-09-01" }); // passes R01 (exception applies)
first("IA-005").fte_pct = 40; // R02
Object.assign(first("IA-006"), { end_date: addMonths(first("IA-006").start_date, 4) }); // R03
first("IA-007").leave_extension_months = 14; // R05
first("IA-008").patient_base = 600; // R07 (warning)
first("IA-009").fastleger_count = 1; // R08 (warning)
first("IA-010").veileder_specialist = "nei"; // R09
first("IA-011").utdanningsplan = "nei"; // R10
first("IA-012").start_date = "2022-12-01"; // R06 (decision 2022-05-15, deadline 2022-11-15); later doctors follow on
first("IA-013").end_date = first("IA-013").start_date; // R13 (end not after start)
first("IA-014").kommunenr = "301"; // FORMAT (3 digits)
first("IA-015").specialist_approved_date = "2023-02-30"; // FORMAT (not a date)
// R11: a second doctor on IA-016 who starts before the first ends.
const r16 = first("IA-016");
rows.push({
  ...r16,
  doctor_id: "D9001",
  start_date: addMonths(r16.start_date, 2),
  end_date: addMonths(r16.start_date, 10) < r16.end_date ? addMonths(r16.start_date, 10) : r16.end_date,
  specialist_approved_date: "",
  became_fastlege_date: "",
  left_kommune_date: "",
  position_12m: "",
  position_24m: "",
});
// R04: a period 2 (its own decision) whose doctors run 26 months at 100 % from its start, after period 1 has ended.
const lastEnd = (id) => rows.filter((r) => r.agreement_id === id).reduce((e, r) => (r.end_date > e ? r.end_date : e), "");
const p2start = lastEnd("IA-017");
rows.push({
  ...first("IA-017"),
  doctor_id: "D9002",
  period: 2,
  decision_date: addMonths(p2start, -3),
  start_date: p2start,
  end_date: addMonths(p2start, 18),
  fte_pct: 100,
  specialist_approved_date: "",
  became_fastlege_date: "",
  left_kommune_date: "",
  position_12m: "",
  position_24m: "",
});
rows.push({
  ...first("IA-017"),
  doctor_id: "D9003",
  period: 2,
  decision_date: addMonths(p2start, -3),
  start_date: addMonths(p2start, 18),
  end_date: addMonths(p2start, 26),
  fte_pct: 100,
  specialist_approved_date: "",
  became_fastlege_date: "",
  left_kommune_date: "",
  position_12m: "",
  position_24m: "",
});

// Agreements with one doctor, for breaches that belong to the whole agreement (R16, R17).
const single = (from) => {
  for (let a = from; a <= 60; a++) {
    const id = `IA-${String(a).padStart(3, "0")}`;
    if (rows.filter((r) => r.agreement_id === id).length === 1) return id;
  }
  throw new Error("no single-doctor agreement left");
};
// R15: a period 2 running alongside period 1 (same decision as period 1, starting 6 months before period 1 ends).
const p18 = lastEnd("IA-018");
rows.push({ ...first("IA-018"), doctor_id: "D9004", period: 2, start_date: addMonths(p18, -6), end_date: addMonths(p18, 6), ...NO_OUTCOMES });
// R16: an agreement decided and started in 2021, before the scheme began on 2022-01-01.
const before2022 = single(19);
Object.assign(first(before2022), { decision_date: "2021-10-01", start_date: "2021-12-01" });
// R17: a kommune neither registered nor applying as utdanningsvirksomhet.
const r17 = single(Number(before2022.slice(3)) + 1);
first(r17).utdanningsvirksomhet = "no";
// R18: part time without the other work specified; R19: changes not reported.
const partTime = rows.find((r) => r.agreement_id >= "IA-030" && r.fte_pct < 100 && r.period === 1);
partTime.other_work_specified = "nei";
first("IA-031").changes_reported = "nei";
// Allowed: a doctor on the old specialist scheme without veileder and utdanningsplan (R09/R10 do not apply).
Object.assign(first("IA-032"), { specialist_scheme: "old", veileder_specialist: "nei", utdanningsplan: "nei" });
// Allowed (R11): a substitute covering 6 months of a doctor's leave, within that doctor's time.
const host = rows.find((r) => r.agreement_id >= "IA-033" && r.period === 1 && addMonths(r.start_date, 12) <= r.end_date);
host.leave_extension_months = 6;
rows.push({
  ...host,
  doctor_id: "D9005",
  substitute_for: host.doctor_id,
  start_date: addMonths(host.start_date, 2),
  end_date: addMonths(host.start_date, 8),
  leave_extension_months: 0,
  ...NO_OUTCOMES,
});
// R12: more agreements granted on 2023-05-15 than the cap of 65 (they start later, so in use stays under the cap).
const ROUND2 = "2023-05-15";
// Held as R12 counts: rows with a start from 2022-01-01 before their end; an agreement holds from its decision to its last end.
const checked = rows.filter((r) => r.start_date >= "2022-01-01" && r.start_date < r.end_date);
const checkedEnd = (id) => checked.filter((r) => r.agreement_id === id).reduce((e, r) => (r.end_date > e ? r.end_date : e), "");
const held = new Set(checked.filter((r) => r.decision_date <= ROUND2 && checkedEnd(r.agreement_id) > ROUND2).map((r) => r.agreement_id)).size;
for (let k = 0; k < 66 - held; k++) {
  doctor++;
  const id = `IA-${String(61 + k).padStart(3, "0")}`;
  rows.push({
    ...rows[0],
    agreement_id: id,
    kommunenr: KOMMUNER[(61 + k) % KOMMUNER.length],
    doctor_id: `D${String(doctor).padStart(4, "0")}`,
    decision_date: ROUND2,
    start_date: "2023-11-01",
    end_date: "2025-05-01",
    ...NO_OUTCOMES,
  });
}

const csv = [header.join(","), ...rows.map((r) => header.map((h) => String(r[h] ?? "")).join(","))].join("\n") + "\n";
fs.writeFileSync(new URL("../data/register/synthetic-agreements.csv", import.meta.url), csv);
console.log(
  `wrote data/register/synthetic-agreements.csv: ${rows.length} rows, ${new Set(rows.map((r) => r.agreement_id)).size} agreements, ${new Set(rows.map((r) => r.doctor_id)).size} doctors`,
);

// A SYNTHETIC comparison register: doctors in other general-practice work in kommuner without an agreement, followed
// from the start of 2022 or 2023, with a lower specialist rate (25 % within 2–5 years) and more leaving (35 %) than
// the intro doctors above. Its own random stream, so the agreement register above does not change with it.
const crng = new Mt19937(20222);
const cu = () => (crng.nextUint32() + 0.5) / 2 ** 32;
const cint = (a, b) => a + Math.floor(cu() * (b - a + 1));
const comparisonHeader = ["doctor_id", "kommunenr", "start_date", "specialist_approved_date", "became_fastlege_date", "left_kommune_date"];
const comparison = [];
for (let k = 1; k <= 120; k++) {
  const start = addMonths(cu() < 0.6 ? "2022-06-15" : "2023-06-15", cint(0, 5));
  const specialist = cu() < 0.25 ? addMonths(start, cint(24, 60)) : "";
  const fastlege = cu() < 0.2 ? addMonths(start, cint(6, 48)) : "";
  const left = cu() < 0.35 ? addMonths(start, cint(6, 40)) : "";
  comparison.push({
    doctor_id: `K${String(k).padStart(4, "0")}`,
    kommunenr: KOMMUNER[(k * 5) % KOMMUNER.length],
    start_date: start,
    specialist_approved_date: specialist && specialist <= TODAY && (!left || specialist <= left) ? specialist : "",
    became_fastlege_date: fastlege && fastlege <= TODAY && (!left || fastlege <= left) ? fastlege : "",
    left_kommune_date: left <= TODAY ? left : "",
  });
}
fs.writeFileSync(
  new URL("../data/register/synthetic-comparison.csv", import.meta.url),
  [comparisonHeader.join(","), ...comparison.map((r) => comparisonHeader.map((h) => r[h]).join(","))].join("\n") + "\n",
);
console.log(`wrote data/register/synthetic-comparison.csv: ${comparison.length} comparison doctors`);
