/**
 * Kaplan–Meier estimate of a survival curve (here: staying in the kommune) from times to event with right censoring
 * (Kaplan & Meier 1958, doi:10.1080/01621459.1958.10501452): S(t) = Π over event times t_i <= t of (1 − d_i / n_i),
 * where d_i events happen at t_i and n_i subjects are still at risk just before t_i. A subject censored at t counts as
 * at risk at t (censorings after events at the same time, the usual convention).
 */

export interface SurvivalObservation {
  /** Time from start (any unit, e.g. months). */
  time: number;
  /** true = the event happened at `time`; false = censored (still without event when last seen). */
  event: boolean;
}

export interface KaplanMeierStep {
  time: number;
  /** Survival just after `time`. */
  survival: number;
  atRisk: number;
  events: number;
}

/** The KM curve as steps at each event time (survival 1 before the first). */
export function kaplanMeier(observations: ReadonlyArray<SurvivalObservation>): KaplanMeierStep[] {
  const sorted = [...observations].sort((a, b) => a.time - b.time || Number(b.event) - Number(a.event));
  const steps: KaplanMeierStep[] = [];
  let atRisk = sorted.length;
  let s = 1;
  for (let i = 0; i < sorted.length;) {
    const t = sorted[i]!.time;
    let events = 0;
    let leaving = 0;
    while (i < sorted.length && sorted[i]!.time === t) {
      if (sorted[i]!.event) events++;
      leaving++;
      i++;
    }
    if (events > 0) {
      s *= 1 - events / atRisk;
      steps.push({ time: t, survival: s, atRisk, events });
    }
    atRisk -= leaving;
  }
  return steps;
}

/** S(t) from KM steps: the survival after the last event time <= t (1 before any event). */
export function survivalAt(steps: ReadonlyArray<KaplanMeierStep>, t: number): number {
  let s = 1;
  for (const step of steps) {
    if (step.time > t) break;
    s = step.survival;
  }
  return s;
}
