/**
 * Paired comparison of two scenarios with common random numbers. Every input draws from its own stream keyed by the
 * run seed and the input's name (src/distributions/seed.ts), so draw i of scenario B and draw i of scenario A share
 * every input that both define the same way; the difference per draw, B − A, then carries only the effect of what
 * differs. Two identical scenarios give exactly 0 in every draw.
 *
 *   runCost(A), runCost(B) with the same seed and draws -> d_i = netB_i − netA_i -> mean, sd, P10/P50/P90,
 *   P(B > A), MCSE; national totals T = agreements × net -> ΔT split into volume and cost per agreement;
 *   scenarioDifferences(A, B): every input, correlation and setting whose definition differs, with both values
 */
import { UserError } from "../errors/userError";
import { describeSpec, type DistSpec } from "../distributions/spec";
import { canonicalJson } from "../manifest/manifest";
import { percentileSorted, sortedCopy } from "../stats/summarise";
import { monteCarloPrecision, type MonteCarloPrecision } from "./precision";
import type { CostRun } from "./runCost";

export interface DifferenceRow {
  /** What differs, as a path in the scenario file: "inputs.stillingsprosent", "correlations: a–b", "agreements". */
  field: string;
  a: string;
  b: string;
}

export interface PairedComparison {
  a: { name: string; title: string; mean: number; sd: number };
  b: { name: string; title: string; mean: number; sd: number };
  draws: number;
  seed: number;
  /** Net cost per agreement-year, B − A per draw. */
  difference: { mean: number; sd: number; p10: number; p50: number; p90: number; min: number; max: number; precision: MonteCarloPrecision };
  /** Share of draws where B costs more than A (strictly). */
  probabilityBHigher: number;
  /** Share of draws where the two are exactly equal. */
  shareEqual: number;
  /** The sd the difference would have if the two runs were drawn independently: √(sdA² + sdB²). */
  unpairedSd: number;
  /** The funded agreements together: T = agreements × net per agreement-year. */
  national: {
    agreementsA: number;
    agreementsB: number;
    /** Mean of T_B − T_A, and its P10/P50/P90 over the draws. */
    meanChange: number;
    p10: number;
    p50: number;
    p90: number;
    /** Mean change as a share of A's mean total. */
    relativeChange: number;
    /** ΔT = (nB − nA) × netA + nB × (netB − netA): the first part (more or fewer agreements) and the second (cost per agreement), as shares of the mean change. */
    volumeShare: number;
    costShare: number;
  };
  differences: DifferenceRow[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isSpec = (v: unknown): v is DistSpec => isObj(v) && typeof v.type === "string";
const show = (v: unknown): string => (v === undefined ? "—" : isSpec(v) ? describeSpec(v) : typeof v === "string" ? v : canonicalJson(v));
/** Fields that describe rather than define (titles, reasons, sources): not differences in the model. */
const DESCRIPTIVE = new Set(["name", "title", "description", "reason", "source", "extends"]);
const strip = (v: unknown): unknown =>
  isObj(v)
    ? Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => !DESCRIPTIVE.has(k))
          .map(([k, x]) => [k, strip(x)]),
      )
    : v;

/** The correlations of a scenario as "a–b" (names sorted) -> rho, pairs and matrix together. */
function correlationMap(s: Record<string, unknown>): Map<string, number> {
  const out = new Map<string, number>();
  const c = s.correlations;
  if (!isObj(c)) return out;
  const add = (a: string, b: string, rho: number) => out.set(a < b ? `${a}–${b}` : `${b}–${a}`, rho);
  if (Array.isArray(c.pairs)) for (const p of c.pairs as Array<{ between: [string, string]; rho: number }>) add(p.between[0], p.between[1], p.rho);
  const m = c.matrix as { inputs: string[]; rho: number[][] } | undefined;
  if (m) m.inputs.forEach((a, i) => m.inputs.forEach((b, j) => j > i && add(a, b, m.rho[i]![j]!)));
  for (const [k, v] of out) if (v === 0) out.delete(k);
  if (c.repair) out.set("repair", c.repair === "nearest" ? 1 : 0);
  return out;
}

/**
 * Every input, correlation and setting whose definition differs between two resolved scenarios, with both values
 * (distributions in words; reasons, sources and titles are not compared). Sections (inputs, flows, cohort,
 * allocation) are compared field by field.
 */
export function scenarioDifferences(a: object, b: object): DifferenceRow[] {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const rows: DifferenceRow[] = [];
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].filter((k) => !DESCRIPTIVE.has(k) && k !== "correlations").sort();
  for (const k of keys) {
    const va = ra[k];
    const vb = rb[k];
    if (isObj(va) && isObj(vb) && !isSpec(va)) {
      for (const f of [...new Set([...Object.keys(va), ...Object.keys(vb)])].sort())
        if (canonicalJson(strip(va[f])) !== canonicalJson(strip(vb[f]))) rows.push({ field: `${k}.${f}`, a: show(va[f]), b: show(vb[f]) });
    } else if (canonicalJson(strip(va)) !== canonicalJson(strip(vb))) rows.push({ field: k, a: show(va), b: show(vb) });
  }
  const ca = correlationMap(ra);
  const cb = correlationMap(rb);
  for (const k of [...new Set([...ca.keys(), ...cb.keys()])].sort()) {
    const x = ca.get(k);
    const y = cb.get(k);
    if (x !== y)
      rows.push({ field: `correlations: ${k}`, a: x === undefined ? "0 (uavhengige)" : String(x), b: y === undefined ? "0 (uavhengige)" : String(y) });
  }
  return rows;
}

/** The difference B − A of the net cost per draw (draw order), for charts. */
export function pairedDraws(runA: Pick<CostRun, "net">, runB: Pick<CostRun, "net">): Float64Array {
  if (runA.net.length !== runB.net.length) throw new Error(`pairedDraws: ${runA.net.length} and ${runB.net.length} draws`);
  return runB.net.map((b, i) => b - runA.net[i]!);
}

/** Paired comparison of two cost runs (B − A per draw). Both must use the same seed and number of draws. */
export function comparePaired(runA: CostRun, runB: CostRun, scenarioA: object, scenarioB: object): PairedComparison {
  const A = runA.report;
  const B = runB.report;
  if (A.seed !== B.seed || A.draws !== B.draws)
    throw new UserError(
      "flag",
      "--compare",
      `a paired comparison needs the same seed and draws in both scenarios; got seed ${A.seed} / ${B.seed} and draws ${A.draws} / ${B.draws} (give --seed and --draws)`,
    );
  const n = A.draws;
  const d = new Float64Array(n);
  const nA = A.national.agreements;
  const nB = B.national.agreements;
  const dT = new Float64Array(n);
  let higher = 0;
  let equal = 0;
  let mean = 0;
  let meanT = 0;
  let volume = 0;
  for (let i = 0; i < n; i++) {
    const x = runB.net[i]! - runA.net[i]!;
    d[i] = x;
    if (x > 0) higher++;
    else if (x === 0) equal++;
    mean += x;
    dT[i] = nB * runB.net[i]! - nA * runA.net[i]!;
    meanT += dT[i]!;
    volume += (nB - nA) * runA.net[i]!;
  }
  mean /= n;
  meanT /= n;
  volume /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (d[i]! - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const sorted = sortedCopy(d);
  const sortedT = sortedCopy(dT);
  const totalA = nA * A.mean;
  return {
    a: { name: A.scenario.name, title: A.scenario.title, mean: A.mean, sd: A.sd },
    b: { name: B.scenario.name, title: B.scenario.title, mean: B.mean, sd: B.sd },
    draws: n,
    seed: A.seed,
    difference: {
      mean,
      sd,
      p10: percentileSorted(sorted, 0.1),
      p50: percentileSorted(sorted, 0.5),
      p90: percentileSorted(sorted, 0.9),
      min: sorted[0]!,
      max: sorted[n - 1]!,
      precision: monteCarloPrecision(sorted, sd),
    },
    probabilityBHigher: higher / n,
    shareEqual: equal / n,
    unpairedSd: Math.sqrt(A.sd ** 2 + B.sd ** 2),
    national: {
      agreementsA: nA,
      agreementsB: nB,
      meanChange: meanT,
      p10: percentileSorted(sortedT, 0.1),
      p50: percentileSorted(sortedT, 0.5),
      p90: percentileSorted(sortedT, 0.9),
      relativeChange: totalA !== 0 ? meanT / totalA : 0,
      volumeShare: meanT !== 0 ? volume / meanT : 0,
      costShare: meanT !== 0 ? (meanT - volume) / meanT : 0,
    },
    differences: scenarioDifferences(scenarioA, scenarioB),
  };
}
