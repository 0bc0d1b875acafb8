/**
 * Retention curves for charts: the Kaplan–Meier survival in the kommune by months since start, for all doctors and
 * for each group with enough doctors, cut where fewer than MIN_CELL_PERSONS remain observed (privacy and precision).
 */
import { MIN_CELL_PERSONS } from "../constants";
import { kaplanMeier } from "../stats/kaplanMeier";
import { groupByKey, retentionObservation, type DoctorRecord } from "./indicators";

export interface CurvePoint {
  group: string;
  month: number;
  survival: number;
}

function curve(group: string, doctors: ReadonlyArray<DoctorRecord>, asOf: string): CurvePoint[] {
  if (doctors.length < MIN_CELL_PERSONS) return [];
  const obs = doctors.map((d) => retentionObservation(d, asOf));
  const times = obs.map((o) => o.time).sort((a, b) => b - a);
  // The same rule as the retention indicator: S(t) is shown only while at least MIN_CELL_PERSONS are observed beyond t,
  // i.e. for t below the MIN_CELL_PERSONS-th longest observation.
  const horizon = times[MIN_CELL_PERSONS - 1]!;
  const points: CurvePoint[] = [{ group, month: 0, survival: 1 }];
  for (const s of kaplanMeier(obs)) if (s.time < horizon) points.push({ group, month: s.time, survival: s.survival });
  points.push({ group, month: horizon, survival: points[points.length - 1]!.survival });
  return points;
}

/** Curves for all doctors ("Alle") and by `key` (e.g. helseregion), each cut as described above. */
export function retentionCurves(doctors: ReadonlyArray<DoctorRecord>, asOf: string, key: (d: DoctorRecord) => string): CurvePoint[] {
  const groups = groupByKey(doctors, key);
  return [...curve("Alle", doctors, asOf), ...[...groups.entries()].flatMap(([g, ds]) => curve(g, ds, asOf))];
}
