/**
 * Retention curves for charts: the Kaplan–Meier survival in the kommune by months since start, for all doctors and
 * for each group with enough doctors, cut where fewer than MIN_CELL_PERSONS remain observed (privacy and precision).
 */
import { MIN_CELL_PERSONS } from "../constants";
import { kaplanMeier } from "../analysis/kaplanMeier";
import { calendarMonthsBetween } from "../time/isoDate";
import type { DoctorRecord } from "./indicators";

export interface CurvePoint {
  group: string;
  month: number;
  survival: number;
}

function curve(group: string, doctors: ReadonlyArray<DoctorRecord>, asOf: string): CurvePoint[] {
  if (doctors.length < MIN_CELL_PERSONS) return [];
  const obs = doctors.map((d) => {
    const left = d.leftKommune && d.leftKommune <= asOf ? d.leftKommune : undefined;
    return { time: calendarMonthsBetween(d.firstStart, left ?? asOf), event: !!left };
  });
  const times = obs.map((o) => o.time).sort((a, b) => b - a);
  const horizon = times[MIN_CELL_PERSONS - 1]!; // beyond this, fewer than MIN_CELL_PERSONS are still observed
  const points: CurvePoint[] = [{ group, month: 0, survival: 1 }];
  for (const s of kaplanMeier(obs)) if (s.time <= horizon) points.push({ group, month: s.time, survival: s.survival });
  points.push({ group, month: horizon, survival: points[points.length - 1]!.survival });
  return points;
}

/** Curves for all doctors ("Alle") and by `key` (e.g. helseregion), each cut as described above. */
export function retentionCurves(doctors: ReadonlyArray<DoctorRecord>, asOf: string, key: (d: DoctorRecord) => string): CurvePoint[] {
  const groups = new Map<string, DoctorRecord[]>();
  for (const d of doctors) groups.set(key(d), [...(groups.get(key(d)) ?? []), d]);
  return [...curve("Alle", doctors, asOf), ...[...groups.keys()].sort().flatMap((g) => curve(g, groups.get(g)!, asOf))];
}
