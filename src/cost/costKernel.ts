/**
 * The cost model's arithmetic for a chunk of draws: one agreement-year, in kroner. Every run — deterministic,
 * Monte Carlo, tornado — goes through this one function.
 *
 *   consultations  N = consultationsPerWeekFullTime × stillingsprosent × clinicalWeeksPerYear × ramp
 *     ramp = 1 − (1 − rampUpStartProductivity) × rampUpMonths / 24 in agreement-year 1 (linear rise), else 1
 *   per consultation (the calibrated fastlege mix without specialist add-on)
 *                     refFL = R(2ad) + Σ_k count_k × R(k) + otherRefusjonPerConsultationNok
 *                     egen  = E(2ad) + Σ_k count_k × E(k)          (k = 2cd, 1ad, 1bd, 1e)
 *   the intro doctor (a LIS)  ref = lisRefusjonFactor × refFL
 *   exempt share  ex = marginalExemptEgenandelShare (or exemptEgenandelShare when the scenario's exemptShareBasis is average)
 *   grossRefusjon        = N × ref
 *   egenandelPaid        = N × ex × egen                          (frikort, children, other exemptions)
 *   backfill b = b0 × (1 − L) + L × (b0 + (b∞ − b0) × rampAvg)   L = share of the year's days after the listetak lifting,
 *     b0 = fastlegeBackfillShareBeforeLifting, b∞ = fastlegeBackfillShare, rampAvg = mean of min(1, t / backfillRampMonths)
 *     over the lifted days, t = months since the lifting (1 when backfillRampMonths is 0)
 *   substituted consultations S = N × substitutionShare × (1 − b)
 *   substitutionSaving   = S × (refFL + spec × R(2dd) + ex × (egen + spec × E(2dd)))
 *     (the handing-over fastleger bill the fastlege mix, plus the specialist add-on 2dd for the share who are specialists)
 *   net (folketrygden)   = grossRefusjon + egenandelPaid − substitutionSaving
 *   other public cost (not folketrygden): alisSupport = pStd × max standard + pAdd × max additional (expected);
 *     basistilskudd for the patient base (paid by the kommune, kept in full by the fastleger; unchanged by the agreement)
 * R(k), E(k): takst k's refusjon and egenandel averaged over the agreement-year's days, R = honorar − egenandel in
 * every draw (src/cost/resolveTakst.ts).
 *
 * Detail for the refusjon flows (filled only when the output has these arrays, see allocateComponents):
 *   egenandelFromPatients = N × (1 − ex) × egen
 *   the handing-over fastleger's affected activity: without the agreement V0 = N × substitutionShare consultations,
 *   with it V1 = V0 × b (refilled time); at their rates rFL = refFL + spec × R(2dd), eFL = egen + spec × E(2dd):
 *   fastlegeRefusjon{Without,With} = V{0,1} × rFL; fastlegeEgenandelExempt{…} = V × ex × eFL;
 *   fastlegeEgenandelPatients{…} = V × (1 − ex) × eFL.
 *   (V0 − V1 = S, so substitutionSaving = ΔfastlegeRefusjon + ΔfastlegeEgenandelExempt.)
 */
import { evaluateTerm } from "../inputs/modelInput";
import type { CostLayout } from "./costProblem";

export const COST_COMPONENTS = ["consultations", "grossRefusjon", "egenandelPaid", "substitutionSaving", "net", "alisSupport", "basistilskudd"] as const;
export type CostComponent = (typeof COST_COMPONENTS)[number];

/** Components the refusjon flows need besides the cost (src/flows/). */
export const FLOW_DETAIL_COMPONENTS = [
  "egenandelFromPatients",
  "fastlegeRefusjonWithout",
  "fastlegeRefusjonWith",
  "fastlegeEgenandelExemptWithout",
  "fastlegeEgenandelExemptWith",
  "fastlegeEgenandelPatientsWithout",
  "fastlegeEgenandelPatientsWith",
] as const;
export type FlowDetailComponent = (typeof FLOW_DETAIL_COMPONENTS)[number];

export type CostComponentArrays = Record<CostComponent, Float64Array> & Partial<Record<FlowDetailComponent, Float64Array>>;

/** Output arrays for n draws; with `detail` also the components the flows need. */
export function allocateComponents(n: number, detail = false): CostComponentArrays {
  const names: readonly string[] = detail ? [...COST_COMPONENTS, ...FLOW_DETAIL_COMPONENTS] : COST_COMPONENTS;
  return Object.fromEntries(names.map((c) => [c, new Float64Array(n)])) as CostComponentArrays;
}

/** Scratch buffers reused across chunks (one per takst term), so a run allocates nothing per draw. */
export class CostScratch {
  readonly size: number;
  private readonly buffers = new Map<string, Float64Array>();
  constructor(size: number) {
    this.size = size;
  }
  get(key: string): Float64Array {
    let b = this.buffers.get(key);
    if (!b) this.buffers.set(key, (b = new Float64Array(this.size)));
    return b;
  }
}

/**
 * Mean of min(1, t / rampMonths) for t running evenly from `start` to `end` months since the listetak lifting: the
 * share of the long-run backfill reached on average over the lifted days (1 when rampMonths is 0).
 */
export function backfillRampAverage(rampMonths: number, start: number, end: number): number {
  if (!(rampMonths > 0) || !(end > start)) return 1;
  const F = (x: number) => (x >= rampMonths ? x - rampMonths / 2 : (x * x) / (2 * rampMonths));
  return (F(end) - F(start)) / (end - start);
}

/**
 * The takst mix per consultation for draws 0..n-1: refusjon of the fastlege mix without specialist add-on (refFL) and
 * egenandel (egen), in the layout's prices. Written into scratch buffers "refPer" and "egenPer".
 */
export function takstMixPerConsultation(
  layout: CostLayout,
  cols: ReadonlyArray<Float64Array>,
  n: number,
  scratch: CostScratch = new CostScratch(n),
): { refusjon: Float64Array; egenandel: Float64Array } {
  const other = cols[layout.idx.otherRefusjonPerConsultationNok!]!;
  const refPer = evaluateTerm(layout.takster["2ad"]!.refusjon, cols, n, scratch.get("refPer"));
  const egenPer = evaluateTerm(layout.takster["2ad"]!.egenandel, cols, n, scratch.get("egenPer"));
  for (const { countIndex, code } of layout.mix) {
    const count = cols[countIndex]!;
    const r = evaluateTerm(layout.takster[code]!.refusjon, cols, n, scratch.get(`${code}.r`));
    const e = evaluateTerm(layout.takster[code]!.egenandel, cols, n, scratch.get(`${code}.e`));
    for (let i = 0; i < n; i++) {
      refPer[i]! += count[i]! * r[i]!;
      egenPer[i]! += count[i]! * e[i]!;
    }
  }
  for (let i = 0; i < n; i++) refPer[i]! += other[i]!;
  return { refusjon: refPer, egenandel: egenPer };
}

/**
 * Evaluates draws 0..n-1: `cols[j]` holds input j's draws (layout.idx gives j by name); results go to `out`.
 */
export function evaluateCostChunk(
  layout: CostLayout,
  cols: ReadonlyArray<Float64Array>,
  n: number,
  out: CostComponentArrays,
  scratch: CostScratch = new CostScratch(n),
): void {
  const col = (name: string) => cols[layout.idx[name]!]!;
  const fte = col("stillingsprosent");
  const weeks = col("clinicalWeeksPerYear");
  const perWeek = col("consultationsPerWeekFullTime");
  const rampMonths = col("rampUpMonths");
  const rampStart = col("rampUpStartProductivity");
  const exempt = cols[layout.exemptIndex]!;
  const lis = col("lisRefusjonFactor");
  const subst = col("substitutionShare");
  const backfill = col("fastlegeBackfillShare");
  const backfillBefore = col("fastlegeBackfillShareBeforeLifting");
  const backfillRamp = col("backfillRampMonths");
  const spec = col("specialistShareHandingOver");
  const patients = col("patientBase");
  const pStd = col("alisStandardProbability");
  const pAdd = col("alisAdditionalProbability");

  // Refusjon (fastlege mix) and egenandel per consultation, draw by draw: the consultation takst plus the counted add-ons.
  const { refusjon: refPer, egenandel: egenPer } = takstMixPerConsultation(layout, cols, n, scratch);
  const specR = evaluateTerm(layout.takster["2dd"]!.refusjon, cols, n, scratch.get("2dd.r"));
  const specE = evaluateTerm(layout.takster["2dd"]!.egenandel, cols, n, scratch.get("2dd.e"));
  const basis = evaluateTerm(layout.basistilskuddPerListeinnbygger, cols, n, scratch.get("basis"));

  const { consultations, grossRefusjon, egenandelPaid, substitutionSaving, net, alisSupport, basistilskudd } = out;
  const rampOn = layout.rampApplies ? 1 : 0;
  const lifted = layout.listetakLiftedShare;
  const alisStd = layout.alisStandardMaxNok;
  const alisAdd = layout.alisAdditionalMaxNok;
  const detail = out.egenandelFromPatients ? (out as Required<CostComponentArrays>) : undefined;
  const { start: m0, end: m1 } = layout.monthsSinceLifting;
  for (let i = 0; i < n; i++) {
    const ramp = 1 - rampOn * (1 - rampStart[i]!) * (rampMonths[i]! / 24);
    const N = perWeek[i]! * fte[i]! * weeks[i]! * ramp;
    const refFL = refPer[i]!;
    const ref = lis[i]! * refFL;
    const egen = egenPer[i]!;
    const ex = exempt[i]!;
    const gross = N * ref;
    const egenPaid = N * ex * egen;
    const b0 = backfillBefore[i]!;
    const b = b0 * (1 - lifted) + lifted * (b0 + (backfill[i]! - b0) * (lifted > 0 ? backfillRampAverage(backfillRamp[i]!, m0, m1) : 1));
    const substituted = N * subst[i]! * (1 - b);
    const saving = substituted * (refFL + spec[i]! * specR[i]! + ex * (egen + spec[i]! * specE[i]!));
    consultations[i] = N;
    grossRefusjon[i] = gross;
    egenandelPaid[i] = egenPaid;
    substitutionSaving[i] = saving;
    net[i] = gross + egenPaid - saving;
    alisSupport[i] = pStd[i]! * alisStd + pAdd[i]! * alisAdd;
    basistilskudd[i] = patients[i]! * basis[i]!;
    if (detail) {
      const v0 = N * subst[i]!;
      const v1 = v0 * b;
      const rFL = refFL + spec[i]! * specR[i]!;
      const eFL = egen + spec[i]! * specE[i]!;
      detail.egenandelFromPatients[i] = N * (1 - ex) * egen;
      detail.fastlegeRefusjonWithout[i] = v0 * rFL;
      detail.fastlegeRefusjonWith[i] = v1 * rFL;
      detail.fastlegeEgenandelExemptWithout[i] = v0 * ex * eFL;
      detail.fastlegeEgenandelExemptWith[i] = v1 * ex * eFL;
      detail.fastlegeEgenandelPatientsWithout[i] = v0 * (1 - ex) * eFL;
      detail.fastlegeEgenandelPatientsWith[i] = v1 * (1 - ex) * eFL;
    }
  }
}
