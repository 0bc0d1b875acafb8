/**
 * `introsim claims generate`: a synthetic claims extract with a known answer, generated inside DuckDB and streamed to
 * Parquet, so 20 million rows never exist as JavaScript objects.
 *
 *   world (SQL): practices -> agreements (staggered starts) -> doctors (intro, avgivende, comparison) ->
 *   doctor-months: expected consultations (level + season + trend + noise − substitution; intro ramp-up) ->
 *   exact row counts (systematic sampling: Σ = --rows) -> rows via unnest -> takst, patient and so exemption (drawn,
 *   or from a low-discrepancy sequence when a row stands for several uses), amounts (dated normaltariff) ->
 *   COPY claims.parquet; doctors.parquet; truth.json (same definition as the estimator)
 *
 * Every random number is u(seed, …) = DuckDB hash(hash(seed, key…)) scaled to [0, 1): a pure function of the seed and
 * the row, so the same seed gives the same files (for one DuckDB version) and rows can be made in any order or thread.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CLAIMS_GENERATOR_MEMORY_LIMIT } from "../constants";
import { UserError } from "../errors/userError";
import { displayPath } from "../io/paths";
import { writeDirAtomic } from "../io/atomicWrite";
import { loadParams, type ParamSet } from "../params/loadParams";
import { fixedScalarAt } from "../params/lookup";
import { packageVersion } from "../manifest/manifest";
import { addMonths } from "../time/isoDate";
import { closeEngine, openEngine, rows, run, sqlString, type Engine } from "./duckdb";
import { CLEAN_WORLD, LAB_TAKST, SYNTHETIC_WORLD as W, type WorldSwitches } from "./syntheticWorld";
import { tariffPeriods } from "./tariffTable";

export interface GenerateOptions {
  rows: number;
  seed: number;
  /** Extra rows appended with one defect each (cycling through the rejection reasons); they carry no truth. Default 0. */
  badRows?: number;
  params?: ParamSet;
  threads?: number;
  /** Features that break the estimator's assumptions (default: none, the clean world). */
  world?: Partial<WorldSwitches>;
}

export interface ClaimsTruth {
  definition: string;
  netCostPerAgreementYearNok: number;
  introCostPerAgreementYearNok: number;
  avgivendeFallPerAgreementYearNok: number;
  /**
   * What the intro doctors who billed before the agreement would have billed anyway during it, per agreement-year, and
   * the net cost after subtracting it (equal to the net cost when no intro doctor billed before).
   */
  displacedPriorActivityPerAgreementYearNok: number;
  netCostAdjustedForPriorActivityPerAgreementYearNok: number;
  agreements: number;
  agreementYears: number;
  doctors: { intro: number; avgivende_fastlege: number; fastlege: number };
  practices: number;
  rows: number;
  badRows: number;
  /**
   * Takst uses each row stands for (1 for a full-size extract; more when --rows is too small for the world). Rows are
   * drawn so that the sampling noise is still that of the life-size extract (see generateClaims).
   */
  usesPerRow: number;
  seed: number;
  /** Facts from data/params the world used. */
  fromParams: { specialistShare: number; exemptShare: number; dataHash: string };
  world: typeof W;
  switches: WorldSwitches;
  version: string;
}

/**
 * 53 random bits of a hash of (seed, keys…), as a double in [0, 1). DuckDB's hash of several values XORs the last
 * value's hash into the combination of the others, so hash(s, x, 1) and hash(s, x, 4) differ by a fixed bit mask and
 * their top bits agree far more often than chance (correlation 0.88; a doctor's level and substitution share,
 * keys 10 and 11, 0.98). Hashing that hash again (a 64-bit finaliser with full avalanche) makes the streams independent.
 */
export const uniformSql = (seed: number, ...keys: string[]) => `((hash(hash(${seed}::UBIGINT, ${keys.join(", ")})) >> 11)::DOUBLE / 9007199254740992.0)`;
const u = uniformSql;

/** The takster of a world: the non-specialist mix (plus the lab takst when switched on), then the specialist takst last. */
interface Mix {
  codes: string[];
  /** Uses per consultation of each non-specialist code (codes minus the last). */
  nonSpec: number[];
}
function takstMix(sw: WorldSwitches): Mix {
  const base = Object.entries(W.taksterPerConsultation);
  if (sw.labPerConsultation > 0) base.push([LAB_TAKST.code, sw.labPerConsultation]);
  return { codes: [...base.map(([c]) => c), W.specialistTakst], nonSpec: base.map(([, u]) => u) };
}

/** Rows a world makes per agreement at one takst use per row (to size the world from --rows). */
function rowsPerAgreement(specialistShare: number): number {
  const nonSpec = Object.values(W.taksterPerConsultation).reduce((a, b) => a + b, 0);
  const listHolders = (W.avgivendeMin + W.avgivendeMax) / 2 + W.comparisonPracticesPerAgreement * ((W.comparisonDoctorsMin + W.comparisonDoctorsMax) / 2);
  return W.consultationsPerMonth * (W.introLevel * W.agreementMonths * nonSpec + listHolders * W.months * (nonSpec + specialistShare));
}

/**
 * The dated normaltariff by month (first day of each month of the world) × takst, in øre, as a SQL list literal
 * indexed m · T + k + 1.
 */
function priceList(params: ParamSet, kind: "refusjonNok" | "egenandelNok", codes: string[]): string {
  const periods = tariffPeriods(params);
  const values = Array.from({ length: W.months }, (_, m) => addMonths(W.firstMonth, m)).flatMap((day) =>
    codes.map((t) => {
      if (t === LAB_TAKST.code) return kind === "refusjonNok" ? LAB_TAKST.refusjonNok * 100 : 0;
      const p = periods.find((x) => x.takst === t && x.from <= day && day <= x.to);
      if (!p) throw new UserError("params", `normaltariff/${t}`, `no period covers ${day}, which the synthetic world needs`);
      return Math.round(p[kind] * 100);
    }),
  );
  return `[${values.join(", ")}]`;
}

function cumulative(weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  let c = 0;
  return weights.map((x) => (c += x) / total);
}

/** CASE expression choosing a takst index from uniform `uu` for a non-specialist (5 takster) or specialist (6). */
function takstIndexSql(uu: string, mix: Mix): string {
  const base = mix.nonSpec;
  const cases = (cum: number[]) =>
    cum
      .slice(0, -1)
      .map((c, k) => `WHEN ${uu} < ${c} THEN ${k}`)
      .join(" ") + ` ELSE ${cum.length - 1}`;
  return `CASE WHEN specialist THEN (CASE ${cases(cumulative([...base, 1]))} END) ELSE (CASE ${cases(cumulative(base))} END) END`;
}

async function buildWorld(
  engine: Engine,
  o: { seed: number; rows: number; specialistShare: number; exemptShare: number; params: ParamSet; sw: WorldSwitches; mix: Mix },
): Promise<void> {
  const { seed, sw, mix } = o;
  const TAKSTER = mix.codes;
  const agreements = Math.max(W.minAgreements, Math.floor(o.rows / rowsPerAgreement(o.specialistShare)));
  const practices = agreements + Math.round(agreements * W.comparisonPracticesPerAgreement);
  const T = TAKSTER.length;
  const nonSpec = mix.nonSpec;
  const L = (spec: string) => `(${nonSpec.reduce((a, b) => a + b, 0)} + CASE WHEN ${spec} THEN 1 ELSE 0 END)`;
  const ramp = (e: string) => `LEAST(1.0, ${W.rampStart} + ${1 - W.rampStart} * (${e}) / ${W.rampMonths})`;
  const season = `[${W.season.join(", ")}]`;
  const noise = (key: string) => `${W.noise} * (2 * ${u(seed, "d", "m", key)} - 1)`;
  // Expected folketrygd cost per consultation (kr) by month, mix and the practice's exempt share: Σ_k uses_k (ref + share · egen).
  const cpc = (spec: string, share: string) =>
    "(" +
    TAKSTER.map((t, k) => {
      const uses = k < nonSpec.length ? `${nonSpec[k]}` : `CASE WHEN ${spec} THEN 1 ELSE 0 END`;
      return `${uses} * (list_extract(${"$ref"}, m * ${T} + ${k + 1}) + ${share} * list_extract(${"$egen"}, m * ${T} + ${k + 1}))`;
    }).join(" + ") +
    ") / 100.0";
  const sql = `
    CREATE OR REPLACE TABLE practices AS
      SELECT p::INTEGER AS p, p < ${agreements} AS hosts,
        CASE WHEN p < ${agreements} THEN 1 + (${u(seed, "p", "1")} < ${W.chainShare})::INTEGER ELSE 0 END AS n_intro,
        CASE WHEN p < ${agreements} THEN ${W.avgivendeMin} + floor(${u(seed, "p", "2")} * ${W.avgivendeMax - W.avgivendeMin + 1})::INTEGER ELSE 0 END AS n_avg,
        CASE WHEN p < ${agreements} THEN 0 ELSE ${W.comparisonDoctorsMin} + floor(${u(seed, "p", "3")} * ${W.comparisonDoctorsMax - W.comparisonDoctorsMin + 1})::INTEGER END AS n_comp,
        CASE WHEN p < ${agreements} THEN ${W.startMonthMin} + floor(${u(seed, "p", "4")} * ${W.startMonthMax - W.startMonthMin + 1})::INTEGER END AS g,
        [${W.kommuner.map((k) => sqlString(k)).join(", ")}][1 + floor(${u(seed, "p", "5")} * ${W.kommuner.length})::INTEGER] AS kommunenr
      FROM range(${practices}) r(p);
    -- A practice's patients are slots 0 … pool − 1; the first n_exempt of them are exempt (how many is drawn per
    -- patient), so a row's patient slot decides its exemption.
    CREATE OR REPLACE TABLE practice_pool AS
      SELECT p, any_value(${W.patientsPerList} * (n_avg + n_comp)) AS pool,
        avg((${u(seed, "p::BIGINT * 100000 + i", "7")} < ${o.exemptShare}::DOUBLE)::INTEGER) AS exempt_share,
        sum((${u(seed, "p::BIGINT * 100000 + i", "7")} < ${o.exemptShare}::DOUBLE)::INTEGER)::INTEGER AS n_exempt
      FROM practices, range(${W.patientsPerList * Math.max(W.avgivendeMax, W.comparisonDoctorsMax)}) r(i)
      WHERE i < ${W.patientsPerList} * (n_avg + n_comp) GROUP BY p;
    CREATE OR REPLACE TABLE docs AS
      WITH slots AS (SELECT p, g, n_intro, n_avg, unnest(range(n_intro + n_avg + n_comp)) AS slot FROM practices)
      SELECT (row_number() OVER (ORDER BY p, slot) - 1)::INTEGER AS d, p, g,
        CASE WHEN slot < n_intro THEN 'intro' WHEN slot < n_intro + n_avg THEN 'avgivende_fastlege' ELSE 'fastlege' END AS role,
        CASE WHEN slot < n_intro THEN g + slot * (${W.agreementMonths} // n_intro) END AS intro_from,
        CASE WHEN slot < n_intro THEN g + (slot + 1) * (${W.agreementMonths} // n_intro) - 1 END AS intro_to
      FROM slots;
    CREATE OR REPLACE TABLE docs2 AS
      SELECT *, 'L' || lpad(d::VARCHAR, 6, '0') AS doctor_id, 'P' || lpad(p::VARCHAR, 5, '0') AS practice_id,
        CASE WHEN role <> 'fastlege' THEN 'A' || lpad(p::VARCHAR, 4, '0') END AS agreement_id,
        ${1 - W.levelSpread} + ${2 * W.levelSpread} * ${u(seed, "d", "10")} AS level,
        CASE WHEN role = 'avgivende_fastlege' THEN ${W.substitutionShareMin} + ${W.substitutionShareMax - W.substitutionShareMin} * ${u(seed, "d", "11")} ELSE 0 END AS sub_share,
        role <> 'intro' AND ${u(seed, "d", "12")} < ${o.specialistShare}::DOUBLE AS specialist,
        CASE WHEN role = 'fastlege' AND ${u(seed, "d", "13")} < ${sw.attrition}::DOUBLE THEN ${W.startMonthMin} + floor(${u(seed, "d", "14")} * ${W.months - W.startMonthMin})::INTEGER END AS stop_m,
        role = 'intro' AND ${u(seed, "d", "15")} < ${sw.priorShare}::DOUBLE AS has_prior
      FROM docs;
    CREATE OR REPLACE TABLE dm AS
      WITH grid AS (
        SELECT x.*, m::INTEGER AS m, ${u(seed, "pr.kommune_i", "16")} AS u_kommune,
          role = 'intro' AND m BETWEEN x.intro_from AND x.intro_to AS in_window
        FROM docs2 x JOIN (SELECT p, list_position(${`[${W.kommuner.map((k) => sqlString(k)).join(", ")}]`}, kommunenr) AS kommune_i FROM practices) pr USING (p)
        CROSS JOIN range(${W.months}) r(m)
        WHERE (x.role <> 'intro' AND (x.stop_m IS NULL OR m <= x.stop_m))
           OR (x.role = 'intro' AND (m BETWEEN x.intro_from AND x.intro_to OR (x.has_prior AND m BETWEEN x.intro_from - ${sw.priorMonths} AND x.intro_from - 1)))),
      lam AS (
        SELECT *,
          -- the common time path: season, trend, the hosting practice's and the kommune's own trends
          (1 + ${season}[m % 12 + 1] + (${W.trendPerMonth} + CASE WHEN g IS NOT NULL AND role <> 'intro' THEN ${sw.hostTrendPerMonth} ELSE 0 END
              + ${sw.kommuneTrendSpread} * (2 * u_kommune - 1)) * m) AS path,
          CASE WHEN role = 'intro' AND in_window THEN ${W.consultationsPerMonth * W.introLevel} * ${ramp("m - intro_from")}
               WHEN role = 'intro' THEN ${W.consultationsPerMonth * sw.priorLevel}
               ELSE ${W.consultationsPerMonth} * level END
            * (1 + ${season}[m % 12 + 1] + (${W.trendPerMonth} + CASE WHEN g IS NOT NULL AND role <> 'intro' THEN ${sw.hostTrendPerMonth} ELSE 0 END
              + ${sw.kommuneTrendSpread} * (2 * u_kommune - 1)) * m) * (1 + ${noise("20")})
            * CASE WHEN role = 'avgivende_fastlege' AND m BETWEEN g - ${sw.dipMonths} AND g - ${sw.anticipationMonths} - 1 THEN ${1 + sw.preStartDip} ELSE 1 END AS lam0,
          CASE WHEN role = 'avgivende_fastlege' AND m BETWEEN g - ${sw.anticipationMonths} AND g + ${W.agreementMonths - 1}
            THEN LEAST(0.9, sub_share * (1 + ${sw.cohortEffect} * (g - ${(W.startMonthMin + W.startMonthMax) / 2}) / ${(W.startMonthMax - W.startMonthMin) / 2}))
              * ${ramp(`m - g + ${sw.anticipationMonths}`)} ELSE 0 END AS fall_share,
          -- what an intro doctor who billed before would have billed anyway in the agreement months (expected, no noise)
          CASE WHEN role = 'intro' AND in_window AND has_prior THEN ${W.consultationsPerMonth * sw.priorLevel}
            * (1 + ${season}[m % 12 + 1] + (${W.trendPerMonth} + ${sw.kommuneTrendSpread} * (2 * u_kommune - 1)) * m) ELSE 0 END AS lam_prior
        FROM grid)
      SELECT lam.*, lam0 * (1 - fall_share) AS lam, lam0 * (1 - fall_share) * ${L("specialist")} AS r, pp.pool, pp.exempt_share, pp.n_exempt, pr.kommunenr
      FROM lam JOIN practice_pool pp USING (p) JOIN practices pr USING (p);
    CREATE OR REPLACE TABLE dm_cost AS
      SELECT d, m, ${cpc("specialist", "exempt_share")} AS cpc FROM dm;`;
  await run(engine, sql.replaceAll("$ref", priceList(o.params, "refusjonNok", TAKSTER)).replaceAll("$egen", priceList(o.params, "egenandelNok", TAKSTER)));
}

/** Generates the extract into `outDir` (claims.parquet, doctors.parquet, truth.json), all or nothing. */
export async function generateClaims(outDir: string, opts: GenerateOptions): Promise<ClaimsTruth> {
  const shown = displayPath(outDir);
  if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory()) throw new UserError("io", shown, "exists and is not a folder; choose another --out");
  const params = opts.params ?? loadParams();
  const N = opts.rows;
  const bad = opts.badRows ?? 0;
  const seed = opts.seed >>> 0;
  const specialistShare = fixedScalarAt(params, "national/andel_fastleger_spesialister", "2023-07-01");
  const paidByTrygd =
    fixedScalarAt(params, "national/refusjon_frikortegenandeler", "2023-07-01") + fixedScalarAt(params, "national/refusjon_ovrige_egenandeler", "2023-07-01");
  const exemptShare = paidByTrygd / (paidByTrygd + fixedScalarAt(params, "national/egenandeler_betalt_av_pasienter", "2023-07-01"));
  const engine = await openEngine(opts.threads ? { threads: opts.threads } : {});
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "introsim-claims-"));
  try {
    // Writing Parquet in row order buffers row groups; a cap makes DuckDB flush instead of holding gigabytes,
    // and its spill files go to this run's own scratch folder: DuckDB's default (.tmp in the working directory) is
    // shared, and two generators running at once corrupted each other's spill blocks.
    await run(engine, `SET memory_limit = '${CLAIMS_GENERATOR_MEMORY_LIMIT}'; SET temp_directory = ${sqlString(path.join(scratch, "spill"))}`);
    const sw: WorldSwitches = { ...CLEAN_WORLD, ...(opts.world ?? {}) };
    const mix = takstMix(sw);
    const TAKSTER = mix.codes;
    await buildWorld(engine, { seed, rows: N, specialistShare, exemptShare, params, sw, mix });
    const [tot] = await rows<{ R: number }>(engine, `SELECT sum(r)::DOUBLE AS "R" FROM dm`);
    const R = tot!.R;
    const usesPerRow = Math.max(1, R / N);
    // Sampling noise that does not grow with usesPerRow. A line standing for k takst uses of one randomly drawn takst
    // (and one randomly drawn patient) has k times the variance of k separately drawn uses, so a shrunken extract would
    // be k times noisier than the life-size one it stands for. Instead, a share rho = 1/k of the lines (every 1/rho-th,
    // a Beatty pattern) is drawn at random as before, and the others take their takst and patient from a
    // low-discrepancy sequence (R2, Roberts 2018: j·(1/φ₂, 1/φ₂²) mod 1, φ₂ the plastic number), whose takst and
    // exemption counts over any run of lines match their expected shares to within a line or two. The cost of a
    // doctor-month then varies by Σ over the drawn lines = rho · n · k² · σ² = (n · k) · σ², the variance of the
    // life-size extract's n · k single uses. At one use per line (rho = 1) every line is drawn, as always.
    const rho = 1 / usesPerRow;
    const c0 = u(seed, "0", "1");
    const LD = [u(seed, "0", "2"), u(seed, "0", "3"), "0.7548776662466927::DOUBLE", "0.5698402909980532::DOUBLE"] as const;
    const volumeScale = Math.max(1, N / R);
    const firstMonth = W.firstMonth;
    await run(
      engine,
      `CREATE OR REPLACE TABLE dm_rows AS
         WITH c AS (SELECT *, sum(r) OVER (ORDER BY d, m ROWS UNBOUNDED PRECEDING) AS cum, row_number() OVER (ORDER BY d, m) = count(*) OVER () AS last FROM dm),
         b AS (SELECT *, CASE WHEN last THEN ${N} ELSE floor(cum * ${N}::DOUBLE / ${R}::DOUBLE + ${u(seed, "0", "0")})::BIGINT END AS hi FROM c)
         SELECT *, coalesce(lag(hi) OVER (ORDER BY d, m), 0) AS lo,
           (DATE '${firstMonth}' + to_months(m))::DATE AS month_start,
           day(last_day((DATE '${firstMonth}' + to_months(m))::DATE)) AS days
         FROM b ORDER BY d, m`,
    );
    const T = TAKSTER.length;
    const ref = priceList(params, "refusjonNok", TAKSTER);
    const egen = priceList(params, "egenandelNok", TAKSTER);
    const claimsSelect = `
      WITH x AS (SELECT dm_rows.*, lo + unnest(range(hi - lo)) AS i FROM dm_rows WHERE hi > lo),
      r AS (SELECT *, floor((i + 1) * ${rho}::DOUBLE + ${c0})::BIGINT > floor(i * ${rho}::DOUBLE + ${c0})::BIGINT AS drawn,
              i - floor(i * ${rho}::DOUBLE + ${c0})::BIGINT AS j FROM x),
      v AS (SELECT *,
              CASE WHEN drawn THEN ${u(seed, "i", "1")} ELSE (${LD[0]} + j * ${LD[2]}) % 1.0 END AS v1,
              CASE WHEN drawn THEN ${u(seed, "i", "4")} ELSE (${LD[1]} + j * ${LD[3]}) % 1.0 END AS v2 FROM r),
      y AS (SELECT *, ${takstIndexSql("v1", mix)} AS k, floor(v2 * pool)::BIGINT AS slot FROM v)
      SELECT doctor_id, practice_id, kommunenr,
        (month_start + floor(${u(seed, "i", "3")} * days)::INTEGER)::DATE AS date,
        ${`[${TAKSTER.map((t) => sqlString(t)).join(", ")}]`}[k + 1] AS takst,
        round(${usesPerRow}::DOUBLE * list_extract(${ref}, m * ${T} + k + 1))::BIGINT AS refusjon_ore,
        round(${usesPerRow}::DOUBLE * list_extract(${egen}, m * ${T} + k + 1))::BIGINT AS egenandel_ore,
        CASE WHEN slot < n_exempt THEN 'ja' ELSE 'nei' END AS patient_exempt,
        'N' || (p::BIGINT * 100000 + slot)::VARCHAR AS patient_id,
        ${usesPerRow}::DOUBLE AS antall
      FROM y`;
    // Defective rows: copies of a valid comparison doctor's 2ad line with one defect each (an amount above the largest
    // a line may carry; antall 0), so that every one is rejected and the truth is untouched.
    const badSelect = `
      WITH f AS (SELECT doctor_id, practice_id, kommunenr FROM docs2 JOIN practices USING (p) WHERE role = 'fastlege' ORDER BY d LIMIT 1),
      t AS (SELECT doctor_id, intro_from FROM docs2 WHERE role = 'intro' ORDER BY d LIMIT 1),
      j AS (SELECT range AS j FROM range(${bad}))
      SELECT CASE WHEN j % 6 = 4 THEN 'L999999' ELSE f.doctor_id END AS doctor_id,
        f.practice_id, f.kommunenr,
        (DATE '${firstMonth}' + to_months(j % ${W.months}::INTEGER))::DATE AS date,
        '2ad' AS takst,
        CASE WHEN j % 6 = 1 THEN -1500 WHEN j % 6 = 0 THEN 20000000000 ELSE 1500 END::BIGINT AS refusjon_ore, 16000::BIGINT AS egenandel_ore,
        CASE WHEN j % 6 = 2 THEN 'kanskje' ELSE 'nei' END AS patient_exempt,
        CASE WHEN j % 6 = 3 THEN NULL ELSE 'N0' END AS patient_id,
        CASE WHEN j % 6 = 5 THEN 0.0 ELSE 1.0 END::DOUBLE AS antall
      FROM j, f, t`;
    const claimsFile = path.join(scratch, "claims.parquet");
    const doctorsFile = path.join(scratch, "doctors.parquet");
    await run(
      engine,
      `COPY (SELECT * FROM (${claimsSelect})${bad > 0 ? ` UNION ALL SELECT * FROM (${badSelect})` : ""}) TO ${sqlString(claimsFile)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    await run(
      engine,
      `COPY (SELECT doctor_id, role, agreement_id,
          CASE WHEN role = 'intro' THEN (DATE '${firstMonth}' + to_months(intro_from))::DATE WHEN role = 'avgivende_fastlege' THEN (DATE '${firstMonth}' + to_months(g))::DATE END AS agreement_start,
          CASE WHEN role = 'intro' THEN last_day((DATE '${firstMonth}' + to_months(intro_to))::DATE) WHEN role = 'avgivende_fastlege' THEN last_day((DATE '${firstMonth}' + to_months(g + ${W.agreementMonths - 1}))::DATE) END AS agreement_end
          ${
            sw.writePeriods
              ? `, CASE WHEN role = 'intro' THEN (DATE '${firstMonth}' + to_months(GREATEST(0, intro_from - CASE WHEN has_prior THEN ${sw.priorMonths} ELSE 0 END)))::DATE ELSE DATE '${firstMonth}' END AS active_from,
                 CASE WHEN role = 'intro' THEN last_day((DATE '${firstMonth}' + to_months(intro_to))::DATE) WHEN stop_m IS NOT NULL THEN last_day((DATE '${firstMonth}' + to_months(stop_m))::DATE) END AS active_to`
              : ""
          }
        FROM docs2 ORDER BY d) TO ${sqlString(doctorsFile)} (FORMAT parquet)`,
    );
    const [t] = await rows<{
      intro: number;
      fall: number;
      displaced: number;
      agreements: number;
      n_intro: number;
      n_avg: number;
      n_comp: number;
      practices: number;
    }>(
      engine,
      `SELECT
         (sum(CASE WHEN role = 'intro' AND in_window THEN lam * cpc END) * ${volumeScale}::DOUBLE)::DOUBLE AS intro,
         (coalesce(sum(lam_prior * cpc), 0) * ${volumeScale}::DOUBLE)::DOUBLE AS displaced,
         (sum(CASE WHEN role = 'avgivende_fastlege' THEN (lam0 - lam) * cpc END) * ${volumeScale}::DOUBLE)::DOUBLE AS fall,
         (SELECT count(*) FROM practices WHERE hosts)::DOUBLE AS agreements,
         (SELECT count(*) FROM docs2 WHERE role = 'intro')::DOUBLE AS n_intro,
         (SELECT count(*) FROM docs2 WHERE role = 'avgivende_fastlege')::DOUBLE AS n_avg,
         (SELECT count(*) FROM docs2 WHERE role = 'fastlege')::DOUBLE AS n_comp,
         (SELECT count(*) FROM practices)::DOUBLE AS practices
       FROM dm JOIN dm_cost USING (d, m)`,
    );
    const agreementYears = (t!.agreements * W.agreementMonths) / 12;
    const truth: ClaimsTruth = {
      definition:
        "Net extra folketrygd cost per agreement-year = (Σ intro doctors' expected folketrygd cost − Σ handing-over fastleger's expected fall in folketrygd cost) / agreement-years, " +
        "over each agreement's months from its start to its end (all inside the extract), and the months of an anticipated hand-over before the start. Folketrygd cost = refusjon + egenandel of exempt patients (every takst billed, also one outside the normaltariff). " +
        "Expected = given the world drawn from the seed (doctors' levels, substitution shares, doctor-month noise, practices' exempt shares), before the rows are drawn; " +
        "the fall = counterfactual consultations without the agreement minus actual, priced by the dated normaltariff. " +
        "The rows' own sampling noise (which takst, which patient) is that of a life-size extract of the same world whatever --rows is: " +
        "when a row stands for k > 1 takst uses, one row in k is drawn at random and the others follow a low-discrepancy sequence.",
      netCostPerAgreementYearNok: (t!.intro - t!.fall) / agreementYears,
      introCostPerAgreementYearNok: t!.intro / agreementYears,
      avgivendeFallPerAgreementYearNok: t!.fall / agreementYears,
      displacedPriorActivityPerAgreementYearNok: t!.displaced / agreementYears,
      netCostAdjustedForPriorActivityPerAgreementYearNok: (t!.intro - t!.fall - t!.displaced) / agreementYears,
      agreements: t!.agreements,
      agreementYears,
      doctors: { intro: t!.n_intro, avgivende_fastlege: t!.n_avg, fastlege: t!.n_comp },
      practices: t!.practices,
      rows: N,
      badRows: bad,
      usesPerRow,
      seed,
      fromParams: { specialistShare, exemptShare, dataHash: params.dataHash },
      world: W,
      switches: sw,
      version: packageVersion(),
    };
    writeDirAtomic(
      outDir,
      new Map<string, string | Uint8Array>([
        ["claims.parquet", fs.readFileSync(claimsFile)],
        ["doctors.parquet", fs.readFileSync(doctorsFile)],
        ["truth.json", `${JSON.stringify(truth, null, 2)}\n`],
      ]),
    );
    return truth;
  } catch (e) {
    if (e instanceof UserError) throw e;
    if (/IO Error|Permission|No such file/i.test(String((e as Error).message)))
      throw new UserError("io", shown, `cannot write (${(e as Error).message.split("\n")[0]})`);
    throw e;
  } finally {
    closeEngine(engine);
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
