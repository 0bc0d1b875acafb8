/**
 * Cumulative incidence curves for charts: specialist approval and becoming fastlege by months since start
 * (Aalen–Johansen, leaving the kommune competing), cut where fewer than MIN_CELL_PERSONS are still at risk (privacy and
 * precision, the same rule as the indicator values).
 */
import { MIN_CELL_PERSONS } from "../constants";
import { aalenJohansen } from "../stats/aalenJohansen";
import { competingObservation, type DoctorRecord } from "./indicators";

export interface IncidencePoint {
  /** "Spesialistgodkjent" | "Ble fastlege" | "Forlot kommunen først" (the competing event, for the specialist curve). */
  outcome: string;
  month: number;
  share: number;
}

function curve(label: string, competingLabel: string | null, obs: ReadonlyArray<{ time: number; cause: number }>): IncidencePoint[] {
  if (obs.length < MIN_CELL_PERSONS) return [];
  // Shown only for t below the MIN_CELL_PERSONS-th longest observation: at least MIN_CELL_PERSONS at risk beyond t.
  const horizon = [...obs].map((o) => o.time).sort((a, b) => b - a)[MIN_CELL_PERSONS - 1]!;
  const out: IncidencePoint[] = [{ outcome: label, month: 0, share: 0 }, ...(competingLabel ? [{ outcome: competingLabel, month: 0, share: 0 }] : [])];
  let last = [0, 0];
  for (const s of aalenJohansen(obs, 2)) {
    if (s.time >= horizon) break;
    out.push({ outcome: label, month: s.time, share: s.cumulativeIncidence[0]! });
    if (competingLabel) out.push({ outcome: competingLabel, month: s.time, share: s.cumulativeIncidence[1]! });
    last = s.cumulativeIncidence;
  }
  out.push({ outcome: label, month: horizon, share: last[0]! });
  if (competingLabel) out.push({ outcome: competingLabel, month: horizon, share: last[1]! });
  return out;
}

/** Specialist approval (with leaving the kommune first, the competing event) and becoming fastlege, for all doctors. */
export function incidenceCurves(doctors: ReadonlyArray<DoctorRecord>, asOf: string): IncidencePoint[] {
  return [
    ...curve(
      "Spesialistgodkjent",
      "Forlot kommunen først",
      doctors.map((d) => competingObservation(d.firstStart, d.specialistApproved, d.leftKommune, asOf)),
    ),
    ...curve(
      "Ble fastlege",
      null,
      doctors.map((d) => competingObservation(d.firstStart, d.becameFastlege, d.leftKommune, asOf)),
    ),
  ];
}
