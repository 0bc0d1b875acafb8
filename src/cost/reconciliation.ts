/**
 * Reconciles the scenario's refusjon per consultation with what folketrygden actually pays, step by step, at central
 * values. Every level is computed on its own and every step is the difference of two levels, so the chain adds up
 * exactly (a test checks it):
 *
 *   national takstrefusjon per fastlege consultation (year Y)      T / C                      (Hdir V5.2; SSB)
 *   − specialist add-on                                            share × R(2dd), Y prices   (Hdir; normaltariff/2dd)
 *   = national, without the specialist add-on
 *   + mix effect                                                   scenario mix − the above   (the scenario's takst mix)
 *   = the scenario's fastlege mix, Y prices                        refFL                      (src/cost/costKernel.ts)
 *   + LIS adjustment                                               (lisRefusjonFactor − 1) × refFL
 *   = the intro doctor, Y prices
 *   + price change from Y to the agreement-year                    (normaltariff/, by date)
 *   = the scenario's refusjon per consultation                     grossRefusjon / consultations
 *
 * Y is the latest year of the national totals in data/params/national/; "Y prices" averages the takster over the days of
 * calendar year Y, as the national accounts do. The mix is calibrated when |mix effect| is within MIX_TOLERANCE of the
 * national figure without the specialist add-on.
 *
 *   scenario -> problem in Y prices + problem in the agreement-year's prices -> central columns -> levels -> steps
 */
import { UserError } from "../errors/userError";
import { evaluateTerm } from "../inputs/modelInput";
import type { ParamSet } from "../params/loadParams";
import { fixedScalarAt, scalarFile } from "../params/lookup";
import { centralColumns } from "./centralColumns";
import { takstMixPerConsultation } from "./costKernel";
import { buildCostProblem, SPECIALIST_ADDON_TAKST, type CostProblem } from "./costProblem";
import type { CostScenario } from "./section";

/** Largest |mix effect| (share of the national refusjon per consultation without specialist add-on) called calibrated. */
export const MIX_TOLERANCE = 0.05;

export interface ReconciliationRow {
  /** "level" rows are amounts per consultation; "step" rows are the change to the next level. */
  kind: "level" | "step";
  key:
    "national" | "specialistAddOn" | "nationalWithoutSpecialist" | "mixEffect" | "scenarioMix" | "lisAdjustment" | "scenarioLis" | "priceChange" | "scenario";
  label: string;
  nok: number;
  source: string;
}

export interface Reconciliation {
  referenceYear: number;
  rows: ReconciliationRow[];
  /** mix effect / national without the specialist add-on. */
  relativeMixEffect: number;
  tolerance: number;
  withinTolerance: boolean;
  /** Egenandel per consultation: national (all egenandeler / consultations) and the scenario's mix, in year-Y prices. */
  egenandel: { nationalNok: number; scenarioNok: number };
}

function latestValue(params: ParamSet, id: string): { value: number; year: number; file: string } {
  const f = scalarFile(params, id);
  const e = f.values[f.values.length - 1]!;
  if (typeof e.value !== "number")
    throw new UserError("params", `${f.file}: values[${f.values.length - 1}].value`, "a national total must be a plain number, not a trippelestimat");
  return { value: e.value, year: Number(e.from.slice(0, 4)), file: f.file };
}

function central(problem: CostProblem, name: string): number {
  return centralColumns([problem.inputs[problem.layout.idx[name]!]!])[0]![0]!;
}

/** Refusjon per consultation of the fastlege mix (without specialist add-on) at central values, in the problem's prices. */
function mixAtCentral(problem: CostProblem): { refusjon: number; egenandel: number } {
  const m = takstMixPerConsultation(problem.layout, centralColumns(problem.inputs), 1);
  return { refusjon: m.refusjon[0]!, egenandel: m.egenandel[0]! };
}

export function reconcileRefusjon(scenario: CostScenario, params: ParamSet): Reconciliation {
  const takst = latestValue(params, "national/takstrefusjoner_fastlegeordningen");
  const consultations = latestValue(params, "national/konsultasjoner_fastlege");
  const frikort = latestValue(params, "national/refusjon_frikortegenandeler");
  const ovrige = latestValue(params, "national/refusjon_ovrige_egenandeler");
  const patients = latestValue(params, "national/egenandeler_betalt_av_pasienter");
  const Y = takst.year;
  if (consultations.year !== Y)
    throw new UserError(
      "params",
      consultations.file,
      `the national consultations are for ${consultations.year}, the takstrefusjoner for ${Y}: use the same year`,
    );
  const yearSpan = { from: `${Y}-01-01`, toExclusive: `${Y + 1}-01-01` };

  const inY = buildCostProblem(scenario, params, { priceSpan: yearSpan });
  const inYear = buildCostProblem(scenario, params);
  const colsY = centralColumns(inY.inputs);
  const specialistShareFile = scalarFile(params, "national/andel_fastleger_spesialister");
  const specialistShare = fixedScalarAt(params, "national/andel_fastleger_spesialister", `${Y}-12-31`);
  const r2dd = evaluateTerm(inY.layout.takster[SPECIALIST_ADDON_TAKST]!.refusjon, colsY, 1, new Float64Array(1))[0]!;

  const national = takst.value / consultations.value;
  const specialistAddOn = specialistShare * r2dd;
  const nationalWithoutSpecialist = national - specialistAddOn;
  const mixY = mixAtCentral(inY);
  const lis = central(inY, "lisRefusjonFactor");
  const scenarioLis = lis * mixY.refusjon;
  const scenarioPerConsultation = central(inYear, "lisRefusjonFactor") * mixAtCentral(inYear).refusjon;

  const mixEffect = mixY.refusjon - nationalWithoutSpecialist;
  const rows: ReconciliationRow[] = [
    {
      kind: "level",
      key: "national",
      label: `Takstrefusjon per fastlegekonsultasjon, hele landet ${Y}`,
      nok: national,
      source: `${takst.file}; ${consultations.file}`,
    },
    {
      kind: "step",
      key: "specialistAddOn",
      label: "− spesialisttillegg (2dd) for fastleger som er spesialister",
      nok: -specialistAddOn,
      source: `${specialistShareFile.file} × refusjon 2dd i ${Y}-priser (data/params/normaltariff/2dd.yaml)`,
    },
    { kind: "level", key: "nationalWithoutSpecialist", label: "= hele landet, uten spesialisttillegg", nok: nationalWithoutSpecialist, source: "" },
    {
      kind: "step",
      key: "mixEffect",
      label: "± takstmiks: scenarioets miks mot landsgjennomsnittet",
      nok: mixEffect,
      source: "scenarioets takstmiks (2cd, 1ad, 1bd, 1e, andre takster per konsultasjon), se forutsetningene",
    },
    { kind: "level", key: "scenarioMix", label: `= scenarioets fastlegemiks, ${Y}-priser`, nok: mixY.refusjon, source: "" },
    {
      kind: "step",
      key: "lisAdjustment",
      label: "± LIS-justering (introduksjonslegen er lege i spesialisering)",
      nok: scenarioLis - mixY.refusjon,
      source: inY.inputs[inY.layout.idx.lisRefusjonFactor!]!.source ?? "lisRefusjonFactor",
    },
    { kind: "level", key: "scenarioLis", label: `= introduksjonslegen, ${Y}-priser`, nok: scenarioLis, source: "" },
    {
      kind: "step",
      key: "priceChange",
      label: `± prisendring fra ${Y} til avtaleåret`,
      nok: scenarioPerConsultation - scenarioLis,
      source: "data/params/normaltariff/ (takster etter dato)",
    },
    { kind: "level", key: "scenario", label: "= scenarioets refusjon per konsultasjon i avtaleåret", nok: scenarioPerConsultation, source: "" },
  ];
  const relativeMixEffect = mixEffect / nationalWithoutSpecialist;
  return {
    referenceYear: Y,
    rows,
    relativeMixEffect,
    tolerance: MIX_TOLERANCE,
    withinTolerance: Math.abs(relativeMixEffect) <= MIX_TOLERANCE,
    egenandel: { nationalNok: (frikort.value + ovrige.value + patients.value) / consultations.value, scenarioNok: mixY.egenandel },
  };
}
