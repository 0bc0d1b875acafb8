/**
 * From validated claim lines (claims_agg, in DuckDB) to the small sufficient statistics the estimator and its
 * bootstrap need, all in SQL:
 *
 *   claims_agg -> each list-holding doctor's active months (given periods, or inferred from the claims: first to last
 *     month with claims, a run of `gapMonths` empty months ends a period) -> doctor × active month panel (0 kr in an
 *     active month without claims; an inactive month is missing, not 0) ->
 *     agreements: window (start month g, last month h), baseline [g − k − L, g − k − 1] (k = anticipation months,
 *       L ≤ baselineMonths), host practice (the cluster), intro cost inside the window, cohort and groups
 *     avgivende: by event month e = m − g (from the start of the pre-trend window, which may reach back before the
 *       baseline), Σ cost of the doctors active then and Σ of their own baseline means
 *     comparison: Σ cost and active doctors by practice × month
 *     prior activity: intro doctors' own lines in the baseline window before their start (mean kr per month)
 *
 * Everything returned is a few thousand numbers even for a national extract; the claim lines stay in DuckDB.
 */
import { CLAIMS_MIN_PRE_MONTHS } from "../constants";
import { UserError } from "../errors/userError";
import { rows, run, type Engine } from "./duckdb";

export interface StatsOptions {
  /** Longest baseline, months (L). */
  baselineMonths: number;
  /** Months before the anticipation window with event-study coefficients (P ≥ L): the baseline and, before it, placebo months. */
  preTrendMonths: number;
  /** Months right before the start left out of the baseline and counted in the effect (k). */
  anticipationMonths: number;
  /** Inferred periods: this many empty months in a row end a period. */
  gapMonths: number;
  /** The doctor table gave active periods (table doctor_periods). */
  periodsGiven: boolean;
}

export interface AgreementStats {
  agreementId: string;
  /** First day of the agreement (earliest agreement_start of its doctors) and last day (latest agreement_end). */
  start: string;
  end: string;
  /** Calendar month index (year·12 + month − 1) of the start, and of the last month counted (clipped to the data). */
  g: number;
  h: number;
  /** Baseline months (at most baselineMonths), ending k months before the start. */
  preLen: number;
  /** Pre-start months with coefficients (at most preTrendMonths, at least preLen), ending k months before the start. */
  preTrendLen: number;
  /** The practice whose cluster the agreement belongs to (its intro doctors' main practice). */
  practiceId: string | null;
  /** Start cohort (half-year, e.g. 2023-H1) and, when the doctor table has them, the intro doctor's groups. */
  cohort: string;
  employmentForm: string | null;
  sentralitet: string | null;
  nIntro: number;
  nAvgivende: number;
  introCostNok: number;
  introRefusjonNok: number;
  introEgenandelPaidNok: number;
  /** null when included; else why the agreement is left out. */
  excludedBecause: string | null;
}

export interface PeriodReport {
  source: "given" | "inferred";
  /** Inferred: empty months in a row that end a period. */
  gapMonths: number | null;
  /** List-holding doctors (avgivende and comparison) in the panel, and their periods. */
  doctors: number;
  periods: number;
  /** Doctors active in fewer months than the extract spans (started, stopped or paused). */
  doctorsNotActiveThroughout: number;
  /** Doctor-months outside every period (missing, not 0 kr). */
  missingDoctorMonths: number;
}

export interface PriorActivity {
  agreementId: string;
  doctorId: string;
  /** The intro doctor's own first and last month in the agreement (calendar month index), and baseline length. */
  g: number;
  h: number;
  preLen: number;
  /** Mean folketrygd cost per month of the doctor's own lines in the baseline window before the start (kr). */
  meanNok: number;
}

export interface ClaimsStats {
  /** First and last calendar month index with accepted claims. */
  m0: number;
  m1: number;
  anticipationMonths: number;
  agreements: AgreementStats[];
  /** Per included agreement and event month: Σ cost of its avgivende doctors active then (kr), how many, Σ of their baseline means. */
  events: Array<{ agreementId: string; e: number; ysum: number; nev: number; bsum: number }>;
  /** Comparison doctors (role fastlege): Σ cost by practice and month, and doctors active in that month. */
  comparison: Array<{ practiceId: string; m: number; s: number; k: number }>;
  comparisonDoctors: number;
  prior: PriorActivity[];
  periods: PeriodReport;
  /** Doctors in the doctor table without any accepted claim (not in the panel). */
  doctorsWithoutClaims: number;
}

const monthOf = (d: string) => `(year(${d}) * 12 + month(${d}) - 1)`;

export async function sufficientStats(engine: Engine, o: StatsOptions): Promise<ClaimsStats> {
  const [span] = await rows<{ m0: number | null; m1: number | null }>(
    engine,
    `SELECT min(m)::INTEGER AS m0, max(m)::INTEGER AS m1 FROM claims_agg WHERE reason IS NULL`,
  );
  if (!span || span.m0 === null || span.m1 === null) throw new UserError("io", "claims", "no claim line was accepted");
  const { m0, m1 } = span as { m0: number; m1: number };
  const k = o.anticipationMonths;
  const L = o.baselineMonths;
  const activeSql = o.periodsGiven
    ? `SELECT DISTINCT p.doctor_id, mm.m::INTEGER AS m, 0 AS island FROM doctor_periods p
         CROSS JOIN range(${m0}, ${m1 + 1}) mm(m)
         WHERE mm.m BETWEEN ${monthOf("p.active_from")} AND ${monthOf("p.active_to")}`
    : `WITH cm AS (SELECT doctor_id, m FROM claims_agg WHERE reason IS NULL AND n > 0 GROUP BY ALL),
         isl AS (SELECT doctor_id, m, sum(CASE WHEN m - lag_m - 1 >= ${o.gapMonths} THEN 1 ELSE 0 END) OVER (PARTITION BY doctor_id ORDER BY m) AS island
                 FROM (SELECT *, coalesce(lag(m) OVER (PARTITION BY doctor_id ORDER BY m), m) AS lag_m FROM cm)),
         b AS (SELECT doctor_id, island, min(m) AS a, max(m) AS z FROM isl GROUP BY ALL)
       SELECT b.doctor_id, mm.m::INTEGER AS m, b.island FROM b, range(${m0}, ${m1 + 1}) mm(m) WHERE mm.m BETWEEN b.a AND b.z`;
  await run(
    engine,
    `CREATE OR REPLACE TEMP TABLE doc_practice AS
       SELECT doctor_id, first(practice_id ORDER BY n DESC, practice_id) AS practice_id, sum(n) AS n
       FROM (SELECT doctor_id, practice_id, sum(n) AS n FROM claims_agg WHERE reason IS NULL GROUP BY ALL) GROUP BY doctor_id;
     CREATE OR REPLACE TEMP TABLE active AS ${activeSql};
     CREATE OR REPLACE TEMP TABLE panel AS
       SELECT d.doctor_id, d.role, d.agreement_id, p.practice_id, a.m, coalesce(c.cost, 0)::BIGINT AS y
       FROM doctors d JOIN doc_practice p USING (doctor_id)
       JOIN (SELECT DISTINCT doctor_id, m FROM active) a USING (doctor_id)
       LEFT JOIN (SELECT doctor_id, m, sum(cost_ore) AS cost FROM claims_agg WHERE reason IS NULL GROUP BY ALL) c
         ON c.doctor_id = d.doctor_id AND c.m = a.m
       WHERE d.role IN ('avgivende_fastlege', 'fastlege');
     CREATE OR REPLACE TEMP TABLE agreements AS
       WITH w AS (
         SELECT agreement_id, min(agreement_start) AS start, max(agreement_end) AS "end",
           count(*) FILTER (WHERE role = 'intro') AS n_intro,
           first(employment_form ORDER BY agreement_start, doctor_id) FILTER (WHERE role = 'intro') AS employment_form,
           first(sentralitet ORDER BY agreement_start, doctor_id) FILTER (WHERE role = 'intro') AS sentralitet
         FROM doctors WHERE role <> 'fastlege' GROUP BY agreement_id),
       host AS (
         SELECT d.agreement_id, first(p.practice_id ORDER BY (d.role = 'intro') DESC, p.n DESC, p.practice_id) AS practice_id
         FROM doctors d JOIN doc_practice p USING (doctor_id) WHERE d.role <> 'fastlege' GROUP BY d.agreement_id),
       intro AS (
         SELECT d.agreement_id, sum(c.cost_ore) AS cost, sum(c.refusjon_ore) AS refusjon, sum(c.egenandel_paid_ore) AS egen
         FROM claims_agg c JOIN doctors d USING (doctor_id) WHERE c.reason IS NULL AND c.intro_phase = 'in' GROUP BY d.agreement_id),
       x AS (
         SELECT w.*, ${monthOf("w.start")}::INTEGER AS g, LEAST(${monthOf('w."end"')}, ${m1})::INTEGER AS h,
           GREATEST(0, LEAST(${L}, ${monthOf("w.start")} - ${k} - ${m0}))::INTEGER AS pre_len,
           GREATEST(0, LEAST(${Math.max(L, o.preTrendMonths)}, ${monthOf("w.start")} - ${k} - ${m0}))::INTEGER AS pre_trend_len,
           host.practice_id, coalesce(intro.cost, 0)::DOUBLE / 100 AS intro_cost, coalesce(intro.refusjon, 0)::DOUBLE / 100 AS intro_refusjon,
           coalesce(intro.egen, 0)::DOUBLE / 100 AS intro_egen,
           year(w.start)::VARCHAR || '-H' || CASE WHEN month(w.start) <= 6 THEN '1' ELSE '2' END AS cohort
         FROM w LEFT JOIN host USING (agreement_id) LEFT JOIN intro USING (agreement_id)),
       base AS (
         SELECT p.doctor_id, p.agreement_id, avg(p.y)::DOUBLE / 100 AS b
         FROM panel p JOIN x ON x.agreement_id = p.agreement_id
         WHERE p.role = 'avgivende_fastlege' AND p.m BETWEEN x.g - ${k} - x.pre_len AND x.g - ${k} - 1 GROUP BY ALL),
       navg AS (SELECT agreement_id, count(*) AS n_avg FROM base GROUP BY ALL)
       SELECT x.*, coalesce(navg.n_avg, 0) AS n_avg, CASE
           WHEN g > ${m1} THEN 'starts after the last month with claims'
           WHEN pre_len < ${CLAIMS_MIN_PRE_MONTHS} THEN 'fewer than ${CLAIMS_MIN_PRE_MONTHS} months of claims before the start${k > 0 ? ` (and the ${k} anticipation months)` : ""}'
           WHEN n_intro = 0 THEN 'no intro doctor in the doctor table'
           WHEN coalesce(navg.n_avg, 0) = 0 THEN 'no avgivende fastlege with claims in the baseline'
         END AS excluded_because
       FROM x LEFT JOIN navg USING (agreement_id);
     CREATE OR REPLACE TEMP TABLE avg_base AS
       -- the baseline mean in millionths of an øre, an integer: the sums over doctors below are then exact,
       -- so they do not depend on the order DuckDB's threads add them in (same extract, same bits)
       SELECT p.doctor_id, p.agreement_id, round(avg(p.y) * 1000000)::BIGINT AS b_micro
       FROM panel p JOIN agreements a ON a.agreement_id = p.agreement_id
       WHERE p.role = 'avgivende_fastlege' AND a.excluded_because IS NULL AND p.m BETWEEN a.g - ${k} - a.pre_len AND a.g - ${k} - 1 GROUP BY ALL;`,
  );
  const agreements = (
    await rows<Record<string, unknown>>(
      engine,
      `SELECT *, strftime(start, '%Y-%m-%d') AS start_s, strftime("end", '%Y-%m-%d') AS end_s FROM agreements ORDER BY agreement_id`,
    )
  ).map((r): AgreementStats => ({
    agreementId: r.agreement_id as string,
    start: r.start_s as string,
    end: r.end_s as string,
    g: r.g as number,
    h: r.h as number,
    preLen: r.pre_len as number,
    preTrendLen: r.pre_trend_len as number,
    practiceId: (r.practice_id as string | null) ?? null,
    cohort: r.cohort as string,
    employmentForm: (r.employment_form as string | null) ?? null,
    sentralitet: (r.sentralitet as string | null) ?? null,
    nIntro: Number(r.n_intro),
    nAvgivende: Number(r.n_avg),
    introCostNok: r.intro_cost as number,
    introRefusjonNok: r.intro_refusjon as number,
    introEgenandelPaidNok: r.intro_egen as number,
    excludedBecause: (r.excluded_because as string | null) ?? null,
  }));
  const events = await rows<{ agreementId: string; e: number; ysum: number; nev: number; bsum: number }>(
    engine,
    `SELECT a.agreement_id AS "agreementId", (p.m - a.g)::INTEGER AS e, sum(p.y)::DOUBLE / 100 AS ysum, count(*)::DOUBLE AS nev, sum(b.b_micro)::DOUBLE / 100000000 AS bsum
     FROM panel p JOIN agreements a ON a.agreement_id = p.agreement_id JOIN avg_base b ON b.doctor_id = p.doctor_id AND b.agreement_id = a.agreement_id
     WHERE p.role = 'avgivende_fastlege' AND a.excluded_because IS NULL AND p.m BETWEEN a.g - ${k} - a.pre_trend_len AND a.h
     GROUP BY ALL ORDER BY 1, 2`,
  );
  const comparison = await rows<{ practiceId: string; m: number; s: number; k: number }>(
    engine,
    `SELECT practice_id AS "practiceId", m, sum(y)::DOUBLE / 100 AS s, count(*)::DOUBLE AS k FROM panel WHERE role = 'fastlege' GROUP BY ALL ORDER BY 1, 2`,
  );
  const prior = await rows<PriorActivity>(
    engine,
    `WITH i AS (
       SELECT d.doctor_id, d.agreement_id, ${monthOf("d.agreement_start")}::INTEGER AS g, LEAST(${monthOf("d.agreement_end")}, ${m1})::INTEGER AS h,
         GREATEST(0, LEAST(${L}, ${monthOf("d.agreement_start")} - ${k} - ${m0}))::INTEGER AS pre_len
       FROM doctors d JOIN agreements a ON a.agreement_id = d.agreement_id WHERE d.role = 'intro' AND a.excluded_because IS NULL),
     c AS (SELECT doctor_id, m, sum(cost_ore) AS cost FROM claims_agg WHERE reason IS NULL AND intro_phase = 'before' GROUP BY ALL)
     SELECT i.agreement_id AS "agreementId", i.doctor_id AS "doctorId", i.g, i.h, i.pre_len AS "preLen", (sum(c.cost)::DOUBLE / 100 / i.pre_len)::DOUBLE AS "meanNok"
     FROM i JOIN c ON c.doctor_id = i.doctor_id AND c.m BETWEEN i.g - ${k} - i.pre_len AND i.g - ${k} - 1
     WHERE i.pre_len >= ${CLAIMS_MIN_PRE_MONTHS} AND i.h >= i.g GROUP BY i.agreement_id, i.doctor_id, i.g, i.h, i.pre_len HAVING sum(c.cost) > 0 ORDER BY 1, 2`,
  );
  const [counts] = await rows<{ comp: number; without: number; docs: number; periods: number; partial: number; missing: number }>(
    engine,
    `WITH pd AS (SELECT doctor_id, count(*) AS months FROM panel GROUP BY ALL)
     SELECT (SELECT count(DISTINCT doctor_id) FROM panel WHERE role = 'fastlege')::DOUBLE AS comp,
            (SELECT count(*) FROM doctors WHERE doctor_id NOT IN (SELECT doctor_id FROM doc_practice))::DOUBLE AS without,
            (SELECT count(*) FROM pd)::DOUBLE AS docs,
            (SELECT count(*) FROM (SELECT DISTINCT a.doctor_id, a.island FROM active a JOIN pd USING (doctor_id)))::DOUBLE AS periods,
            (SELECT count(*) FROM pd WHERE months < ${m1 - m0 + 1})::DOUBLE AS partial,
            (SELECT coalesce(sum(${m1 - m0 + 1} - months), 0) FROM pd)::DOUBLE AS missing`,
  );
  const c = counts!;
  const periods: PeriodReport = {
    source: o.periodsGiven ? "given" : "inferred",
    gapMonths: o.periodsGiven ? null : o.gapMonths,
    doctors: c.docs,
    periods: o.periodsGiven
      ? (await rows<{ n: number }>(engine, `SELECT count(*)::DOUBLE AS n FROM doctor_periods WHERE doctor_id IN (SELECT doctor_id FROM panel)`))[0]!.n
      : c.periods,
    doctorsNotActiveThroughout: c.partial,
    missingDoctorMonths: c.missing,
  };
  return { m0, m1, anticipationMonths: k, agreements, events, comparison, comparisonDoctors: c.comp, prior, periods, doctorsWithoutClaims: c.without };
}
