/**
 * From validated claim lines (claims_agg, in DuckDB) to the small sufficient statistics the estimator and its
 * bootstrap need, all in SQL:
 *
 *   claims_agg -> doctor × month panel (zero-filled; folketrygd cost in whole øre, so sums are exact) ->
 *     agreements: window (start month g, last month h), baseline length, host practice (the cluster), intro cost
 *     avgivende: Σ cost of the agreement's handing-over doctors by event month e = m − g (baseline and after)
 *     comparison: Σ cost and number of doctors by practice × month
 *
 * Everything returned is a few thousand numbers even for a national extract; the claim lines stay in DuckDB.
 */
import { CLAIMS_MIN_PRE_MONTHS, CLAIMS_PRE_WINDOW_MONTHS } from "../constants";
import { UserError } from "../errors/userError";
import { rows, run, type Engine } from "./duckdb";

export interface AgreementStats {
  agreementId: string;
  /** First day of the agreement (earliest agreement_start of its doctors) and last day (latest agreement_end). */
  start: string;
  end: string;
  /** Calendar month index (year·12 + month − 1) of the start, and of the last month counted (clipped to the data). */
  g: number;
  h: number;
  /** Baseline months before the start (at most CLAIMS_PRE_WINDOW_MONTHS). */
  preLen: number;
  /** The practice whose cluster the agreement belongs to (its intro doctors' main practice). */
  practiceId: string | null;
  nIntro: number;
  nAvgivende: number;
  introCostNok: number;
  introRefusjonNok: number;
  introEgenandelPaidNok: number;
  /** null when included; else why the agreement is left out. */
  excludedBecause: string | null;
}

export interface ClaimsStats {
  /** First and last calendar month index with accepted claims. */
  m0: number;
  m1: number;
  agreements: AgreementStats[];
  /** Per included agreement and event month: Σ cost of its avgivende doctors (kr), and how many doctors. */
  events: Array<{ agreementId: string; e: number; ysum: number; nev: number }>;
  /** Comparison doctors (role fastlege): Σ cost by practice and month, and doctors per practice. */
  comparison: Array<{ practiceId: string; m: number; s: number; k: number }>;
  comparisonDoctors: number;
  /** Doctors in the doctor table without any accepted claim (not in the panel). */
  doctorsWithoutClaims: number;
}

const monthOf = (d: string) => `(year(${d}) * 12 + month(${d}) - 1)`;

export async function sufficientStats(engine: Engine): Promise<ClaimsStats> {
  const [span] = await rows<{ m0: number | null; m1: number | null }>(
    engine,
    `SELECT min(m)::INTEGER AS m0, max(m)::INTEGER AS m1 FROM claims_agg WHERE reason IS NULL`,
  );
  if (!span || span.m0 === null || span.m1 === null) throw new UserError("io", "claims", "no claim line was accepted; see the rejection reasons");
  const { m0, m1 } = span as { m0: number; m1: number };
  await run(
    engine,
    `CREATE OR REPLACE TEMP TABLE doc_practice AS
       SELECT doctor_id, first(practice_id ORDER BY n DESC, practice_id) AS practice_id, sum(n) AS n
       FROM (SELECT doctor_id, practice_id, sum(n) AS n FROM claims_agg WHERE reason IS NULL GROUP BY ALL) GROUP BY doctor_id;
     CREATE OR REPLACE TEMP TABLE panel AS
       SELECT d.doctor_id, d.role, d.agreement_id, p.practice_id, mm.m::INTEGER AS m, coalesce(c.cost, 0)::BIGINT AS y
       FROM doctors d JOIN doc_practice p USING (doctor_id)
       CROSS JOIN range(${m0}, ${m1 + 1}) mm(m)
       LEFT JOIN (SELECT doctor_id, m, sum(cost_ore) AS cost FROM claims_agg WHERE reason IS NULL GROUP BY ALL) c
         ON c.doctor_id = d.doctor_id AND c.m = mm.m
       WHERE d.role IN ('avgivende_fastlege', 'fastlege');
     CREATE OR REPLACE TEMP TABLE agreements AS
       WITH w AS (
         SELECT agreement_id, min(agreement_start) AS start, max(agreement_end) AS "end",
           count(*) FILTER (WHERE role = 'intro') AS n_intro,
           count(*) FILTER (WHERE role = 'avgivende_fastlege' AND doctor_id IN (SELECT doctor_id FROM doc_practice)) AS n_avg
         FROM doctors WHERE role <> 'fastlege' GROUP BY agreement_id),
       host AS (
         SELECT d.agreement_id, first(p.practice_id ORDER BY (d.role = 'intro') DESC, p.n DESC, p.practice_id) AS practice_id
         FROM doctors d JOIN doc_practice p USING (doctor_id) WHERE d.role <> 'fastlege' GROUP BY d.agreement_id),
       intro AS (
         SELECT d.agreement_id, sum(c.cost_ore) AS cost, sum(c.refusjon_ore) AS refusjon, sum(c.egenandel_paid_ore) AS egen
         FROM claims_agg c JOIN doctors d USING (doctor_id) WHERE c.reason IS NULL AND d.role = 'intro' GROUP BY d.agreement_id),
       x AS (
         SELECT w.*, ${monthOf("w.start")}::INTEGER AS g, LEAST(${monthOf('w."end"')}, ${m1})::INTEGER AS h,
           LEAST(${CLAIMS_PRE_WINDOW_MONTHS}, ${monthOf("w.start")} - ${m0})::INTEGER AS pre_len,
           host.practice_id, coalesce(intro.cost, 0)::DOUBLE / 100 AS intro_cost, coalesce(intro.refusjon, 0)::DOUBLE / 100 AS intro_refusjon,
           coalesce(intro.egen, 0)::DOUBLE / 100 AS intro_egen
         FROM w LEFT JOIN host USING (agreement_id) LEFT JOIN intro USING (agreement_id))
       SELECT *, CASE
           WHEN g > ${m1} THEN 'starts after the last month with claims'
           WHEN pre_len < ${CLAIMS_MIN_PRE_MONTHS} THEN 'fewer than ${CLAIMS_MIN_PRE_MONTHS} months of claims before the start'
           WHEN n_intro = 0 THEN 'no intro doctor in the doctor table'
           WHEN n_avg = 0 THEN 'no avgivende fastlege with claims'
         END AS excluded_because
       FROM x;`,
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
    practiceId: (r.practice_id as string | null) ?? null,
    nIntro: Number(r.n_intro),
    nAvgivende: Number(r.n_avg),
    introCostNok: r.intro_cost as number,
    introRefusjonNok: r.intro_refusjon as number,
    introEgenandelPaidNok: r.intro_egen as number,
    excludedBecause: (r.excluded_because as string | null) ?? null,
  }));
  const events = await rows<{ agreementId: string; e: number; ysum: number; nev: number }>(
    engine,
    `SELECT a.agreement_id AS "agreementId", (p.m - a.g)::INTEGER AS e, sum(p.y)::DOUBLE / 100 AS ysum, count(*)::DOUBLE AS nev
     FROM panel p JOIN agreements a ON a.agreement_id = p.agreement_id
     WHERE p.role = 'avgivende_fastlege' AND a.excluded_because IS NULL AND p.m BETWEEN a.g - a.pre_len AND a.h
     GROUP BY ALL ORDER BY 1, 2`,
  );
  const comparison = await rows<{ practiceId: string; m: number; s: number; k: number }>(
    engine,
    `SELECT practice_id AS "practiceId", m, sum(y)::DOUBLE / 100 AS s, count(*)::DOUBLE AS k FROM panel WHERE role = 'fastlege' GROUP BY ALL ORDER BY 1, 2`,
  );
  const [counts] = await rows<{ comp: number; without: number }>(
    engine,
    `SELECT (SELECT count(DISTINCT doctor_id) FROM panel WHERE role = 'fastlege')::DOUBLE AS comp,
            (SELECT count(*) FROM doctors WHERE doctor_id NOT IN (SELECT doctor_id FROM doc_practice))::DOUBLE AS without`,
  );
  return { m0, m1, agreements, events, comparison, comparisonDoctors: counts!.comp, doctorsWithoutClaims: counts!.without };
}
