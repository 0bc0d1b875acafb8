/**
 * Top-down cross-check of the bottom-up cost: folketrygden's national spending per fastlege consultation
 * (takstrefusjoner + refunded frikort egenandeler + other refunded egenandeler, divided by all fastlege
 * consultations; Hdir årsrapport and SSB, latest year in data/params/national/) times the intro doctor's
 * consultations and the share that is not substituted. The difference to the bottom-up net splits exactly into
 *   rate effect        = N (1 − s) rateTD − (1 − s)(gross + egenandelPaid)   (national all-in rate vs our takst mix)
 *   specialist effect  = saving − s (gross + egenandelPaid)                   (the fastleger's 2dd on substituted work)
 * where s is the effective substitution share; TD − BU = rate effect + specialist effect. The national figures are for
 * their reference year (reported), so the rate effect also holds the price change from then to the agreement-year.
 */
import { UserError } from "../errors/userError";
import type { ParamSet } from "../params/loadParams";
import { scalarFile } from "../params/lookup";
import type { CostProblem } from "./costProblem";
import { centralValue } from "../distributions/quantile";
import type { CostComponents } from "./deterministic";

export interface TopDownCheck {
  /** Calendar year of the national figures used. */
  referenceYear: number;
  /** Folketrygden's spending per fastlege consultation nationally, all takster and refunded egenandeler included. */
  nationalRatePerConsultationNok: number;
  /** The bottom-up model's folketrygd cost per intro-doctor consultation (gross refusjon + egenandel paid) / N. */
  bottomUpRatePerConsultationNok: number;
  consultations: number;
  effectiveSubstitutionShare: number;
  topDownNetNok: number;
  bottomUpNetNok: number;
  differenceNok: number;
  rateEffectNok: number;
  specialistAddOnEffectNok: number;
}

/** The latest entry of a national total (annual, observed figures: a plain number is required). */
function latest(params: ParamSet, id: string): { value: number; year: number } {
  const f = scalarFile(params, id);
  const e = f.values[f.values.length - 1]!;
  if (typeof e.value !== "number")
    throw new UserError("params", `${f.file}: values[${f.values.length - 1}].value`, "a national total must be a plain number, not a trippelestimat");
  return { value: e.value, year: Number(e.from.slice(0, 4)) };
}

export function topDownCheck(problem: CostProblem, det: CostComponents, params: ParamSet): TopDownCheck {
  const takst = latest(params, "national/takstrefusjoner_fastlegeordningen");
  const frikort = latest(params, "national/refusjon_frikortegenandeler");
  const ovrige = latest(params, "national/refusjon_ovrige_egenandeler");
  const consultationsNational = latest(params, "national/konsultasjoner_fastlege");
  const rateTD = (takst.value + frikort.value + ovrige.value) / consultationsNational.value;

  const central = (name: string) => centralValue(problem.inputs[problem.layout.idx[name]!]!.spec);
  const s = central("substitutionShare") * (1 - central("fastlegeBackfillShare") * problem.layout.listetakLiftedShare);
  const N = det.consultations;
  const paid = det.grossRefusjon + det.egenandelPaid;
  const topDownNet = N * (1 - s) * rateTD;
  const rateEffect = N * (1 - s) * rateTD - (1 - s) * paid;
  const specialistEffect = det.substitutionSaving - s * paid;
  return {
    referenceYear: takst.year,
    nationalRatePerConsultationNok: rateTD,
    bottomUpRatePerConsultationNok: N > 0 ? paid / N : 0,
    consultations: N,
    effectiveSubstitutionShare: s,
    topDownNetNok: topDownNet,
    bottomUpNetNok: det.net,
    differenceNok: topDownNet - det.net,
    rateEffectNok: rateEffect,
    specialistAddOnEffectNok: specialistEffect,
  };
}
