/**
 * National budget projection: folketrygd spending on introduksjonsavtaler per budget year (calendar year), against
 * the appropriation (kap. 2755 post 70), for the agreements the slot simulation has in use.
 *
 *   slot simulation -> each doctor's working spell in a seat (agreement), per replication
 *   each seat of each replication: its own draws of the inputs that vary between agreements (activity,
 *     stillingsprosent, ramp-up: INDIVIDUAL_INPUTS), the replication's draws of those shared by all agreements
 *     (takster, substitution, backfill, the rest) -> net cost per agreement-year at full productivity (cost kernel,
 *     agreement-year 2: no ramp-up), priced with the tariff of each day of the year (nominal), at one date (fixed)
 *   productivity of a doctor k months after start: rampUpStartProductivity rising linearly to 1 over rampUpMonths,
 *     averaged over the month (exact: a doctor's first months lose (1 − start) × rampUpMonths / 2 months of activity,
 *     the cost model's ramp-up) -> only each new doctor's first months are ramped, not every year
 *   spending[year][r] = Σ seats net[seat] / 12 × Σ doctor-months in the year (productivity) × regulation factor
 *   years after the last priced day: the last known tariff × (1 + rate)^(1 July steps since), the rate a distribution
 *     drawn per replication: by default the latest rate in data/params/regulering/normaltariff.yaml (the same file the
 *     cost model extends the takster with, so the two never disagree), or the scenario's allocation.tariffRegulationPerYear
 *     when given; with "last-known" (or data without that file) the years stay at the last known tariff and are flagged
 *
 * Correlation between agreements: "split" (default) as above; "full" gives every agreement the replication's draw of
 * every input (the upper bound of the national spread); "independent" draws every input per agreement (the lower
 * bound). The draws use the same streams in every year (common random numbers), so the path is coherent.
 */
import { summarise, sortedCopy, shareAboveSorted } from "../stats/summarise";
import { buildCostProblem, type CostProblem } from "../cost/costProblem";
import { allocateComponents, CostScratch, evaluateCostChunk } from "../cost/costKernel";
import { createSampler } from "../distributions/sampler";
import { fixed, pert, type DistSpec } from "../distributions/spec";
import { streamOf, type ModelInput } from "../inputs/modelInput";
import { UserError } from "../errors/userError";
import type { ParamSet } from "../params/loadParams";
import { entryAt, fixedScalarAt } from "../params/lookup";
import { formatDate, formatPercent } from "../format/norwegian";
import { addMonths } from "../time/isoDate";
import type { CostScenario } from "../cost/section";
import { CHUNK_SIZE } from "../constants";
import { TARIFF_REGULATION_ID } from "../cost/resolveTakst";
import { firstPricedDay, lastPricedDay } from "./priceCoverage";

/** How a year is priced: each day's tariff, the last known tariff regulated forward, the last known tariff (no rate), or a fixed date. */
export type PriceBasis = "nominal" | "extrapolated" | "last-known" | "fixed";

/** How each price basis is named in tables and charts. */
export const PRICE_BASIS_LABELS: Record<PriceBasis, string> = {
  nominal: "løpende priser",
  extrapolated: "fremskrevne takster",
  "last-known": "siste kjente takster",
  fixed: "faste priser",
};

/** How the agreements' uncertainty is combined into the national total. */
export type Correlation = "split" | "full" | "independent";

export const CORRELATION_LABELS: Record<Correlation, string> = {
  split: "felles og individuell usikkerhet",
  full: "full korrelasjon (øvre grense)",
  independent: "uavhengige avtaler (nedre grense)",
};

/**
 * Inputs that vary between agreements (each agreement its own draw): the intro doctor's activity, stillingsprosent and
 * ramp-up. Everything else (takster, the takst mix, egenandel shares, substitution, backfill, specialist share) is
 * shared by all agreements in a replication: it describes the tariff and how fastleger respond, not one doctor.
 */
export const INDIVIDUAL_INPUTS = [
  "stillingsprosent",
  "clinicalWeeksPerYear",
  "consultationsPerWeekFullTime",
  "rampUpMonths",
  "rampUpStartProductivity",
] as const;

/** The slot simulation's doctors, as the budget needs them (src/allocation/simulateSlots.ts fills it). */
export interface BudgetActivity {
  /** Month 0 (the first round's decision date). */
  startDate: string;
  months: number;
  replications: number;
  seats: number;
  spells: { count: number; replication: Int32Array; seat: Int32Array; start: Int32Array; months: Int32Array };
}

export interface BudgetYear {
  year: number;
  prices: PriceBasis;
  /** The day whose tariff prices the year (absent for nominal years: every day its own tariff). */
  priceDate?: string;
  /** Months of the year inside the simulated horizon (12 except in its first and last year). */
  simulatedMonths: number;
  /** Active agreement-years (active agreement-months / 12): P10, P50, P90 over replications. */
  agreementYears: { p10: number; p50: number; p90: number };
  /** Agreement-years lost to new doctors' ramp-up (P50). */
  rampUpLossYears?: number;
  /** Folketrygd spending in kroner. */
  nok: { mean: number; p10: number; p50: number; p85: number; p90: number };
  /** The appropriation for the year (kap. 2755 post 70) and the share of replications above it. */
  budgetLineNok: number;
  shareAboveLine: number;
  /** What the year would cost with every funded agreement active in every simulated month of it at full productivity (cap × months / 12 × net cost per agreement-year). */
  fullUse: { agreements: number; p50: number; p85: number };
}

export interface BudgetProjection {
  years: BudgetYear[];
  replications: number;
  seed: number;
  /** "nominal" (each year its own tariff) or "fixed" (every year at the tariff of fixedPriceDate). */
  basis: "nominal" | "fixed";
  fixedPriceDate?: string;
  lastPricedDay: string;
  correlation?: Correlation;
  /** Which inputs each agreement draws for itself, and which all agreements share (for the report). */
  individualInputs?: string[];
  sharedInputs?: string[];
  /** The average yearly regulation of the takster over the steps after the last priced day (P10/P50/P90), when regulated. */
  regulation?: { p10: number; p50: number; p90: number };
  /** For the command line (English). */
  warnings: string[];
  /** The same, in Norwegian, for the report. */
  notes: string[];
}

export interface BudgetOptions {
  seed: number;
  /** Price every year at the tariff valid on this date (fixed prices); default: nominal kroner. */
  fixedPriceDate?: string;
  /** Default "split". */
  correlation?: Correlation;
  /**
   * Yearly regulation of the takster after the last priced day: a distribution, "last-known" (no regulation: the last
   * known tariff, flagged), or absent: the latest rate of the data's regulering file (dataRegulation).
   */
  regulation?: DistSpec | "last-known";
}

/**
 * Cumulative regulation factors after the last priced day: cum[k][r] = Π_{j ≤ k} (1 + rate_j[r]) for the k-th 1 July
 * step (k = 0 … K). With the scenario's own rate, one draw per replication applies to every step (rate^k). Without it
 * (the default) each step takes the rate of the period of data/params/regulering/normaltariff.yaml that covers its
 * 1 July, one draw per replication and period: the cost model extends the takster with the same file, so the budget's
 * years beyond the price data and the cost model's extended takster rest on one assumption. Undefined when nothing is
 * regulated (no steps, "last-known", or a parameter set without the file).
 */
function regulationFactors(
  params: ParamSet,
  lastDay: string,
  K: number,
  R: number,
  seed: number,
  spec: DistSpec | "last-known" | undefined,
): Float64Array[] | undefined {
  if (K === 0 || spec === "last-known") return undefined;
  const reg = params.scalars.get(TARIFF_REGULATION_ID);
  if (!spec && !reg) return undefined;
  const firstStepYear = Number(lastDay.slice(0, 4)) + (lastDay.slice(5) >= "07-01" ? 1 : 0);
  const rates = new Map<string, Float64Array>();
  const rateOfStep = (k: number): Float64Array => {
    const entry = spec ? undefined : entryAt(reg!.values, `${firstStepYear + k - 1}-07-01`, reg!.file);
    const key = entry?.from ?? "scenario";
    let col = rates.get(key);
    if (!col) {
      const v = entry?.value;
      const dist = v === undefined ? spec! : typeof v === "number" ? fixed(v) : pert(v);
      col = new Float64Array(R);
      createSampler(dist, seed, spec ? "budget.tariffRegulationPerYear" : `budget.regulering.${key}`, -0.5, 1).fill(col);
      rates.set(key, col);
    }
    return col;
  };
  const cum = [new Float64Array(R).fill(1)];
  for (let k = 1; k <= K; k++) {
    const rate = rateOfStep(k);
    const prev = cum[k - 1]!;
    cum.push(prev.map((c, r) => c * (1 + rate[r]!)));
  }
  return cum;
}

/** A fixed-price date must have takster: between the first and the last priced day of the data. */
export function checkFixedPriceDate(params: ParamSet, date: string | undefined): void {
  if (!date) return;
  const first = firstPricedDay(params);
  const last = lastPricedDay(params);
  if (date > last)
    throw new UserError("flag", "--fixed-prices", `${date} is after the last day with takster in the data (${last}); choose a date from ${first} to ${last}`);
  if (date < first)
    throw new UserError(
      "flag",
      "--fixed-prices",
      `${date} is before the first day with takster in the data (${first}); choose a date from ${first} to ${last}`,
    );
}

/** Data that do not reach a budget year: say which year of the projection needed it and what to change. */
function withYearContext<T>(year: number, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof UserError && e.kind === "params") {
      throw new UserError(
        "params",
        e.where,
        `${e.message.slice(e.where.length + 2)} (needed for budget year ${year} of the projection; shorten allocation.horizon or add the periods to the data)`,
      );
    }
    throw e;
  }
}

function yearPricing(year: number, lastDay: string, fixed: string | undefined, regulated: boolean): { prices: PriceBasis; priceDate?: string } {
  if (fixed) return { prices: "fixed", priceDate: fixed };
  return `${year}-12-31` <= lastDay ? { prices: "nominal" } : { prices: regulated ? "extrapolated" : "last-known", priceDate: lastDay };
}

/** 1 July tariff changes after `lastDay` up to and including the first day of `month` (YYYY-MM). */
function regulationSteps(lastDay: string, firstOfMonth: string): number {
  const f = (d: string) => Number(d.slice(0, 4)) + (d.slice(5) >= "07-01" ? 1 : 0);
  return Math.max(0, f(firstOfMonth) - f(lastDay));
}

/**
 * Productivity of a doctor in month k after start, averaged over the month: start + (1 − start) × mean of
 * min(1, t / M) over t in [k, k + 1].
 */
export function rampProductivity(k: number, rampMonths: number, start: number): number {
  const M = rampMonths;
  if (M <= 0 || k >= M) return 1;
  const share = k + 1 <= M ? (k + 0.5) / M : (M * M - k * k) / (2 * M) + (k + 1 - M);
  return start + (1 - start) * share;
}

/**
 * Draws of one input for R replications × U seats (row r × U + seat) from the input's own stream, or R draws when the
 * input is shared; cached by stream and distribution, so every budget year reuses the same draws (and the quantile
 * table is built once).
 */
class DrawCache {
  private readonly cache = new Map<string, Float64Array>();
  constructor(
    private readonly seed: number,
    private readonly R: number,
    private readonly U: number,
  ) {}
  get(inp: ModelInput, perSeat: boolean): Float64Array {
    const stream = `budget.${streamOf(inp).stream}`;
    const key = `${stream}|${perSeat}|${inp.lower}|${inp.upper}|${JSON.stringify(inp.spec)}`;
    let col = this.cache.get(key);
    if (!col) {
      col = new Float64Array(perSeat ? this.R * this.U : this.R);
      createSampler(inp.spec, this.seed, stream, inp.lower, inp.upper).fill(col);
      this.cache.set(key, col);
    }
    return col;
  }
  /** R × U values: per seat, or the replication's value repeated over its seats. */
  units(inp: ModelInput, perSeat: boolean): Float64Array {
    const col = this.get(inp, perSeat);
    if (perSeat) return col;
    const out = new Float64Array(this.R * this.U);
    for (let r = 0; r < this.R; r++) out.fill(col[r]!, r * this.U, r * this.U + this.U);
    return out;
  }
}

function perSeat(name: string, correlation: Correlation): boolean {
  if (correlation === "full") return false;
  if (correlation === "independent") return true;
  return (INDIVIDUAL_INPUTS as readonly string[]).includes(name);
}

export function projectBudget(scenario: CostScenario, params: ParamSet, activity: BudgetActivity, opts: BudgetOptions): BudgetProjection {
  const lastDay = lastPricedDay(params);
  checkFixedPriceDate(params, opts.fixedPriceDate);
  const correlation = opts.correlation ?? "split";
  const { replications: R, seats: U, months: H, spells } = activity;
  const y0 = Number(activity.startDate.slice(0, 4));
  const firstOfMonth = Array.from({ length: H }, (_, m) => `${addMonths(activity.startDate, m).slice(0, 7)}-01`);
  const yearOf = Int32Array.from(firstOfMonth, (d) => Number(d.slice(0, 4)) - y0);
  const Y = (yearOf[H - 1] ?? 0) + 1;
  const simulatedMonths = Array.from({ length: Y }, (_, y) => yearOf.filter((v) => v === y).length);

  // Per-seat ramp-up draws, the same streams as the cost inputs of every year.
  const problemFor = (year: number, priceDate: string | undefined): CostProblem =>
    withYearContext(year, () => buildCostProblem({ ...scenario, agreementYearStart: `${year}-01-01`, agreementYearIndex: 2 }, params, { priceDate }));
  const cum = opts.fixedPriceDate
    ? undefined
    : regulationFactors(params, lastDay, H ? regulationSteps(lastDay, firstOfMonth[H - 1]!) : 0, R, opts.seed, opts.regulation);
  const pricing = Array.from({ length: Y }, (_, y) => yearPricing(y0 + y, lastDay, opts.fixedPriceDate, !!cum));
  const problems = pricing.map((p, y) => problemFor(y0 + y, p.priceDate));
  const first = problems[0]!;
  const rampInput = (name: string) => first.inputs.find((i) => i.name === name)!;
  const draws = new DrawCache(opts.seed, R, U);
  const rampM = draws.units(rampInput("rampUpMonths"), perSeat("rampUpMonths", correlation));
  const rampS = draws.units(rampInput("rampUpStartProductivity"), perSeat("rampUpStartProductivity", correlation));

  // Effective (productivity-weighted) and calendar doctor-months per year and unit.
  const eff = Array.from({ length: Y }, () => new Float64Array(R * U));
  const monthsByYear = Array.from({ length: Y }, () => new Float64Array(R));
  for (let k = 0; k < spells.count; k++) {
    const r = spells.replication[k]!;
    const unit = r * U + spells.seat[k]!;
    const s = spells.start[k]!;
    const end = Math.min(H, s + spells.months[k]!);
    const M = rampM[unit]!;
    const p0 = rampS[unit]!;
    for (let m = s; m < end; m++) {
      const y = yearOf[m]!;
      eff[y]![unit]! += rampProductivity(m - s, M, p0);
      monthsByYear[y]![r]!++;
    }
  }

  // Regulation factor per replication and month (1 before and on the last priced day).
  // Reported: the average yearly rate over the K steps, (cum_K)^(1/K) − 1.
  let regulation: BudgetProjection["regulation"];
  if (cum) {
    const K = cum.length - 1;
    const b = summarise(cum[K]!.map((c) => c ** (1 / K) - 1));
    regulation = { p10: b.p10, p50: b.p50, p90: b.p90 };
  }

  // Activity per unit: consultations a year at full productivity = consultationsPerWeekFullTime × stillingsprosent ×
  // clinicalWeeksPerYear (the cost kernel's N before ramp-up). The kernel's net cost is proportional to N, so unless
  // every input is drawn per agreement ("independent"), each replication is evaluated once with N = 1 (net per
  // consultation, from the shared inputs) and multiplied by Σ units N × effective months: exact, and U times fewer rows.
  const ACTIVITY = ["consultationsPerWeekFullTime", "stillingsprosent", "clinicalWeeksPerYear"] as const;
  const perUnitRows = correlation === "independent";
  const activityUnits = new Float64Array(R * U).fill(1);
  if (!perUnitRows)
    for (const name of ACTIVITY) {
      const col = draws.units(rampInput(name), perSeat(name, correlation));
      for (let i = 0; i < R * U; i++) activityUnits[i]! *= col[i]!;
    }
  const rowsPerRep = perUnitRows ? U : 1;
  const chunkReps = Math.min(R, Math.max(1, Math.floor(CHUNK_SIZE / rowsPerRep)));
  const years = problems.map((problem, y): BudgetYear => {
    const year = y0 + y;
    const cols = problem.inputs.map(() => new Float64Array(chunkReps * rowsPerRep));
    // Per-unit rows: every input per seat (R × U values); else one row per replication, activity inputs 1.
    const columns = problem.inputs.map((inp) => (perUnitRows || !(ACTIVITY as readonly string[]).includes(inp.name) ? draws.get(inp, perUnitRows) : undefined));
    const out = allocateComponents(chunkReps * rowsPerRep);
    const scratch = new CostScratch(chunkReps * rowsPerRep);
    const spending = new Float64Array(R);
    const netUnits = new Float64Array(R); // one agreement's net cost per replication (seat 0), for full use
    const steps = firstOfMonth.map((d, m) => (yearOf[m] === y ? regulationSteps(lastDay, d) : -1)).filter((s) => s >= 0);
    const e = eff[y]!;
    for (let r0 = 0; r0 < R; r0 += chunkReps) {
      const reps = Math.min(chunkReps, R - r0);
      columns.forEach((c, j) => (c ? cols[j]!.set(c.subarray(r0 * rowsPerRep, (r0 + reps) * rowsPerRep)) : cols[j]!.fill(1)));
      evaluateCostChunk(problem.layout, cols, reps * rowsPerRep, out, scratch);
      for (let i = 0; i < reps; i++) {
        const r = r0 + i;
        let sum = 0;
        if (perUnitRows) for (let s = 0; s < U; s++) sum += out.net[i * U + s]! * e[r * U + s]!;
        else {
          const perN = out.net[i]!;
          for (let s = 0; s < U; s++) sum += perN * activityUnits[r * U + s]! * e[r * U + s]!;
        }
        let factor = 1;
        if (cum && steps.length) {
          factor = 0;
          for (const k of steps) factor += cum[k]![r]! / steps.length;
        }
        spending[r] = (sum / 12) * factor;
        netUnits[r] = (perUnitRows ? out.net[i * U]! : out.net[i]! * activityUnits[r * U]!) * factor;
      }
    }
    const sorted = sortedCopy(spending);
    const s = summarise(spending, sorted);
    const ay = summarise(monthsByYear[y]!.map((m) => m / 12));
    const effYears = new Float64Array(R);
    for (let r = 0; r < R; r++) for (let u = 0; u < U; u++) effYears[r]! += eff[y]![r * U + u]! / 12;
    const loss = summarise(monthsByYear[y]!.map((m, r) => m / 12 - effYears[r]!)).p50;
    const budgetLineNok = fixedScalarAt(params, "budget/kap2755_post70_introduksjonsavtaler", `${year}-01-01`);
    const netSummary = summarise(netUnits);
    const sm = simulatedMonths[y]!;
    return {
      year,
      ...pricing[y]!,
      simulatedMonths: sm,
      agreementYears: { p10: ay.p10, p50: ay.p50, p90: ay.p90 },
      rampUpLossYears: loss,
      nok: { mean: s.mean, p10: s.p10, p50: s.p50, p85: s.p85, p90: s.p90 },
      budgetLineNok,
      shareAboveLine: shareAboveSorted(sorted, budgetLineNok),
      fullUse: { agreements: problem.agreements, p50: (problem.agreements * sm * netSummary.p50) / 12, p85: (problem.agreements * sm * netSummary.p85) / 12 },
    };
  });
  const warnings: string[] = [];
  const notes: string[] = [];
  const beyond = years.filter((y) => y.prices === "last-known" || y.prices === "extrapolated").map((y) => y.year);
  if (beyond.length && regulation) {
    notes.push(
      `${beyond.join(", ")}: dataene har ingen takster etter ${formatDate(lastDay)}; takstene er fremskrevet med en årlig regulering på ${formatPercent(regulation.p50)} (P10–P90 ${formatPercent(regulation.p10)}–${formatPercent(regulation.p90)}) fra hver 1. juli.`,
    );
  } else if (beyond.length) {
    warnings.push(
      `${beyond.join(", ")}: no takster after ${lastDay} in the data; priced at the last known tariff (add the new periods to data/params/normaltariff/, or a tariffRegulationPerYear in the allocation section, for nominal kroner)`,
    );
    notes.push(
      `${beyond.join(", ")}: dataene har ingen takster etter ${formatDate(lastDay)}; årene er regnet med siste kjente takster (legg de nye periodene inn i data/params/normaltariff/ for løpende priser).`,
    );
  }
  const names = first.inputs.map((i) => i.name);
  const individual =
    correlation === "full" ? [] : correlation === "independent" ? names : names.filter((n) => (INDIVIDUAL_INPUTS as readonly string[]).includes(n));
  return {
    years,
    replications: R,
    seed: opts.seed,
    basis: opts.fixedPriceDate ? "fixed" : "nominal",
    ...(opts.fixedPriceDate ? { fixedPriceDate: opts.fixedPriceDate } : {}),
    lastPricedDay: lastDay,
    correlation,
    individualInputs: individual,
    sharedInputs: names.filter((n) => !individual.includes(n)),
    ...(regulation ? { regulation } : {}),
    warnings,
    notes,
  };
}

/** Activity for tests and notebooks: every seat of every replication with the given doctors' spells. */
export function spellsActivity(
  startDate: string,
  months: number,
  replications: number,
  seats: number,
  doctors: ReadonlyArray<{ seat: number; start: number; months: number }>,
): BudgetActivity {
  const n = replications * doctors.length;
  const spells = { count: n, replication: new Int32Array(n), seat: new Int32Array(n), start: new Int32Array(n), months: new Int32Array(n) };
  for (let r = 0; r < replications; r++)
    doctors.forEach((d, k) => {
      const i = r * doctors.length + k;
      spells.replication[i] = r;
      spells.seat[i] = d.seat;
      spells.start[i] = d.start;
      spells.months[i] = d.months;
    });
  return { startDate, months, replications, seats, spells };
}
