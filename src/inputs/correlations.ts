/**
 * The scenario section `correlations:` — rank (Spearman) correlations between named uncertain inputs of the cost and
 * flow models, given as pairs, as a matrix, or both:
 *
 *   correlations:
 *     pairs:
 *       - between: [consultationsPerWeekFullTime, substitutionShare]
 *         rho: 0.4
 *         reason: "En travel introduksjonslege tar over mer av fastlegenes arbeid."
 *     matrix: { inputs: [a, b, c], rho: [[1, 0.3, 0], [0.3, 1, 0.2], [0, 0.2, 1]] }
 *     repair: nearest   # optional: replace a matrix that is not positive semi-definite by the nearest valid one
 *
 *   section -> checkCorrelations (names known and uncertain, one value per pair, PSD or repaired)
 *   -> correlationTarget (names + Spearman matrix) -> scenarioCorrelationPlan (Iman–Conover on a chunk's columns, src/cost/chunkEngine.ts)
 *
 * `extends:` merges pair by pair (mergeCorrelationSections): a variant overrides one pair's rho (0 removes it) and
 * inherits the rest.
 */
import { z } from "zod";
import { UserError } from "../errors/userError";
import { firstBreakingPair, matrixFromPairs, nearestCorrelationMatrix, type IndexedPair } from "../distributions/correlationMatrix";
import { planRankCorrelation, type RankCorrelationPlan } from "../distributions/imanConover";
import { isDegenerate, type DistSpec } from "../distributions/spec";
import { COST_INPUT_NAMES } from "./costInputs";
import { FLOW_INPUT_NAMES } from "./flowInputs";
import type { ModelInput } from "./modelInput";

const rho = z
  .number({ error: "rho must be a number from -1 to 1" })
  .min(-1, "rho must be from -1 to 1 (a rank correlation)")
  .max(1, "rho must be from -1 to 1 (a rank correlation)");

const pairSchema = z.strictObject({
  /** The two inputs, by name. */
  between: z.tuple([z.string(), z.string()], { error: "between lists exactly two input names, e.g. [consultationsPerWeekFullTime, substitutionShare]" }),
  /** Spearman rank correlation, −1 … 1. */
  rho,
  reason: z.string().optional(),
  source: z.string().optional(),
});

export const correlationsSectionSchema = z.strictObject({
  pairs: z.array(pairSchema).optional(),
  matrix: z
    .strictObject({
      inputs: z.array(z.string()).min(2, "a correlation matrix names at least two inputs"),
      rho: z.array(z.array(rho)),
      reason: z.string().optional(),
    })
    .optional(),
  /** `nearest`: a matrix that is not positive semi-definite is replaced by the nearest valid one (Higham 2002), with a warning. */
  repair: z.enum(["none", "nearest"], { error: "repair is none (refuse a matrix that is not positive semi-definite) or nearest" }).optional(),
});

export type CorrelationsSection = z.infer<typeof correlationsSectionSchema>;

/** A named pair as the section gives it (from `pairs` or from the matrix's upper triangle), with where it was written. */
export interface NamedPair {
  a: string;
  b: string;
  rho: number;
  field: string;
}

/** Every pair of the section, pairs first, then the matrix's non-zero upper triangle. */
export function sectionPairs(section: CorrelationsSection): NamedPair[] {
  const out: NamedPair[] = (section.pairs ?? []).map((p, i) => ({ a: p.between[0], b: p.between[1], rho: p.rho, field: `correlations.pairs[${i}]` }));
  const m = section.matrix;
  if (m)
    m.inputs.forEach((a, i) =>
      m.inputs.forEach((b, j) => {
        if (j > i && m.rho[i]?.[j] !== 0) out.push({ a, b, rho: m.rho[i]![j]!, field: `correlations.matrix.rho[${i}][${j}]` });
      }),
    );
  return out;
}

const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** The inputs a correlation may name: the cost and flow models' inputs (the ones drawn in Monte Carlo). */
export const CORRELATABLE_INPUTS: ReadonlyArray<string> = [...COST_INPUT_NAMES, ...FLOW_INPUT_NAMES];

export interface CorrelationTarget {
  /** Inputs in matrix order. */
  names: string[];
  /** Target Spearman matrix (after repair). */
  spearman: number[][];
  /** Set when the given matrix was repaired: what changed, for the run's warnings. */
  repaired?: string;
}

const fmt = (x: number) => String(Math.round(x * 1000) / 1000);

/**
 * Validates the section against the scenario's input specs and returns the target (undefined when no pair is
 * non-zero). Throws a UserError naming the field: an unknown or fixed input, a pair with itself, the same pair twice
 * with different values, a matrix that is not square/symmetric/unit-diagonal, or one that is not positive
 * semi-definite (naming the first pair that breaks it) unless `repair: nearest`.
 */
export function correlationTarget(
  section: CorrelationsSection | undefined,
  specs: Readonly<Record<string, DistSpec | undefined>>,
  where: string,
): CorrelationTarget | undefined {
  if (!section) return undefined;
  const m = section.matrix;
  if (m) {
    const k = m.inputs.length;
    if (m.rho.length !== k || m.rho.some((r) => r.length !== k))
      throw new UserError(
        "scenario",
        `${where}: correlations.matrix.rho`,
        `expected a ${k}×${k} matrix (one row and one column per name in correlations.matrix.inputs)`,
      );
    for (let i = 0; i < k; i++) {
      if (m.rho[i]![i] !== 1) throw new UserError("scenario", `${where}: correlations.matrix.rho[${i}][${i}]`, `the diagonal must be 1, got ${m.rho[i]![i]}`);
      for (let j = 0; j < i; j++)
        if (m.rho[i]![j] !== m.rho[j]![i])
          throw new UserError(
            "scenario",
            `${where}: correlations.matrix.rho[${i}][${j}]`,
            `the matrix must be symmetric: rho[${i}][${j}] = ${m.rho[i]![j]} but rho[${j}][${i}] = ${m.rho[j]![i]}`,
          );
    }
  }
  const pairs = sectionPairs(section);
  const seen = new Map<string, NamedPair>();
  const names: string[] = [];
  for (const p of pairs) {
    for (const n of [p.a, p.b]) {
      if (!CORRELATABLE_INPUTS.includes(n))
        throw new UserError("scenario", `${where}: ${p.field}`, `"${n}" is not an input of the cost or flow model; allowed: ${CORRELATABLE_INPUTS.join(", ")}`);
      const spec = specs[n];
      if (!spec) throw new UserError("scenario", `${where}: ${p.field}`, `"${n}" is not given in this scenario (a flow input needs a flows: section)`);
      if (isDegenerate(spec))
        throw new UserError("scenario", `${where}: ${p.field}`, `"${n}" is fixed in this scenario; only uncertain inputs can be correlated`);
      if (!names.includes(n)) names.push(n);
    }
    if (p.a === p.b) throw new UserError("scenario", `${where}: ${p.field}`, `a correlation needs two different inputs, got ${p.a} twice`);
    const before = seen.get(key(p.a, p.b));
    if (before && before.rho !== p.rho)
      throw new UserError(
        "scenario",
        `${where}: ${p.field}`,
        `the pair ${p.a}–${p.b} is given twice with different values: ${before.rho} (${before.field}) and ${p.rho}`,
      );
    seen.set(key(p.a, p.b), p);
  }
  const unique = [...seen.values()].filter((p) => p.rho !== 0);
  if (unique.length === 0) return undefined;
  const used = names.filter((n) => unique.some((p) => p.a === n || p.b === n));
  const indexed: IndexedPair[] = unique.map((p) => ({ i: used.indexOf(p.a), j: used.indexOf(p.b), rho: p.rho }));
  const spearman = matrixFromPairs(used.length, indexed);
  const breaking = firstBreakingPair(used.length, indexed);
  if (breaking < 0) return { names: used, spearman };
  const p = unique[breaking]!;
  const earlier = unique
    .slice(0, breaking)
    .filter((q) => [q.a, q.b].some((n) => n === p.a || n === p.b))
    .map((q) => `${q.a}–${q.b} ${q.rho}`);
  if (section.repair !== "nearest")
    throw new UserError(
      "scenario",
      `${where}: ${p.field}`,
      `the correlations are not positive semi-definite (no joint distribution has them): ${p.a}–${p.b} ${p.rho} contradicts ${earlier.length ? earlier.join(", ") : "the pairs before it"} (pairs not given are 0); change one of these, or add repair: nearest to use the nearest valid matrix`,
    );
  const near = nearestCorrelationMatrix(spearman);
  const changes = indexed
    .map(({ i, j, rho: r }) => ({ name: `${used[i]}–${used[j]}`, from: r, to: near[i]![j]! }))
    .filter((c) => Math.abs(c.to - c.from) > 5e-4)
    .map((c) => `${c.name} ${fmt(c.from)} → ${fmt(c.to)}`);
  return {
    names: used,
    spearman: near,
    repaired: `the correlations were not positive semi-definite (${p.a}–${p.b} ${p.rho} contradicts ${earlier.join(", ") || "earlier pairs"}); repaired to the nearest valid matrix (Higham 2002): ${changes.join(", ")}`,
  };
}

/** The input specs a correlation may refer to, from a scenario's cost inputs and flows section. */
export function correlatableSpecs(scenario: { inputs: object; flows?: object | undefined }): Record<string, DistSpec | undefined> {
  return { ...(scenario.flows as Record<string, DistSpec> | undefined), ...(scenario.inputs as Record<string, DistSpec>) };
}

/**
 * The correlation step of a Monte Carlo run as plain data (the Iman–Conover plan and the columns it reorders, model
 * inputs in `inputs` order), so a worker thread can apply it (src/cost/chunkEngine.ts). Undefined without a target.
 * Inputs of the target that the run does not draw (flow inputs in a cost-only run) are left out with their pairs.
 */
export function scenarioCorrelationPlan(
  scenario: { name: string; inputs: object; flows?: object | undefined; correlations?: CorrelationsSection | undefined },
  inputs: ReadonlyArray<ModelInput>,
): CorrelationPlan | undefined {
  return scenario.correlations ? correlationPlan(correlationTarget(scenario.correlations, correlatableSpecs(scenario), scenario.name), inputs) : undefined;
}

/** A correlation step as data: the Iman–Conover plan and the model-input columns it reorders. */
export interface CorrelationPlan {
  plan: RankCorrelationPlan;
  columns: number[];
}

function correlationPlan(target: CorrelationTarget | undefined, inputs: ReadonlyArray<ModelInput>): CorrelationPlan | undefined {
  if (!target) return undefined;
  const present = target.names.map((n, i) => ({ i, col: inputs.findIndex((inp) => inp.name === n) })).filter((x) => x.col >= 0);
  if (present.length < 2) return undefined;
  const sub = present.map(({ i }) => present.map(({ i: j }) => target.spearman[i]![j]!));
  if (sub.every((row, i) => row.every((v, j) => i === j || v === 0))) return undefined;
  return { plan: planRankCorrelation(sub), columns: present.map((x) => x.col) };
}

/** `extends:` for the section: pairs merge by their two names (the child's value wins), matrix and repair are the child's when given. */
export function mergeCorrelationSections(parent: unknown, child: unknown): unknown {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObj(parent)) return child;
  if (!isObj(child)) return parent;
  const pairKey = (p: unknown) =>
    isObj(p) && Array.isArray(p.between) && p.between.length === 2 ? key(String(p.between[0]), String(p.between[1])) : undefined;
  const childPairs = Array.isArray(child.pairs) ? (child.pairs as unknown[]) : [];
  const overridden = new Set(childPairs.map(pairKey).filter((k) => k !== undefined));
  const parentPairs = Array.isArray(parent.pairs) ? (parent.pairs as unknown[]).filter((p) => !overridden.has(pairKey(p) ?? "")) : [];
  const pairs = [...parentPairs, ...childPairs];
  // A child pair overrides the parent matrix's entry for the same two inputs (else the two would be a duplicate).
  let matrix = parent.matrix;
  if (isObj(matrix) && Array.isArray(matrix.inputs) && Array.isArray(matrix.rho) && !isObj(child.matrix)) {
    const inputs = matrix.inputs as unknown[];
    const rows = (matrix.rho as unknown[]).map((r) => (Array.isArray(r) ? [...(r as unknown[])] : r));
    for (const p of childPairs) {
      if (!isObj(p) || !Array.isArray(p.between)) continue;
      const i = inputs.indexOf(p.between[0]);
      const j = inputs.indexOf(p.between[1]);
      const ri = rows[i];
      const rj = rows[j];
      if (i < 0 || j < 0 || !Array.isArray(ri) || !Array.isArray(rj)) continue;
      ri[j] = 0;
      rj[i] = 0;
    }
    matrix = { ...matrix, rho: rows };
  }
  return { ...parent, ...child, ...(pairs.length ? { pairs } : {}), ...(matrix !== undefined && !isObj(child.matrix) ? { matrix } : {}) };
}
