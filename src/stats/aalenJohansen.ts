/**
 * Aalen–Johansen estimate of cumulative incidence with competing risks (Aalen & Johansen 1978,
 * doi:10.2307/4615704; for competing risks see Putter, Fiocco & Geskus 2007, doi:10.1002/sim.2712, eq. 8):
 *
 *   F_k(t) = Σ over event times t_j <= t of S(t_j−) · d_kj / n_j
 *
 * where S is the Kaplan–Meier survival from any cause, d_kj the events of cause k at t_j and n_j the subjects at risk
 * just before t_j. Unlike 1 − Kaplan–Meier with the other causes censored, it does not count a doctor who left the
 * kommune as if they could still become a specialist there. Ties as in kaplanMeier.ts: a subject censored at t is at
 * risk at t. At every step Σ_k F_k(t) + S(t) = 1.
 */

export interface CompetingObservation {
  /** Time from start (any unit, e.g. months); finite and >= 0. */
  time: number;
  /** 0 = censored (no event when last seen); 1..causes = the cause of the first event at `time`. */
  cause: number;
}

export interface AalenJohansenStep {
  time: number;
  atRisk: number;
  /** Events at `time` by cause (index 0 = cause 1). */
  events: number[];
  /** Survival from all causes just after `time`. */
  survival: number;
  /** Cumulative incidence just after `time` by cause (index 0 = cause 1). */
  cumulativeIncidence: number[];
}

/** The cumulative incidence curves as steps at each event time (all zero before the first). */
export function aalenJohansen(observations: ReadonlyArray<CompetingObservation>, causes: number): AalenJohansenStep[] {
  if (!Number.isInteger(causes) || causes < 1) throw new RangeError(`aalenJohansen: causes must be a whole number 1 or more, got ${causes}`);
  for (const o of observations) {
    if (!Number.isFinite(o.time) || o.time < 0) throw new RangeError(`aalenJohansen: time must be a finite number 0 or more, got ${o.time}`);
    if (!Number.isInteger(o.cause) || o.cause < 0 || o.cause > causes)
      throw new RangeError(`aalenJohansen: cause must be 0 (censored) or 1..${causes}, got ${o.cause}`);
  }
  const sorted = [...observations].sort((a, b) => a.time - b.time);
  const steps: AalenJohansenStep[] = [];
  const F = new Array<number>(causes).fill(0);
  let atRisk = sorted.length;
  let s = 1;
  for (let i = 0; i < sorted.length;) {
    const t = sorted[i]!.time;
    const d = new Array<number>(causes).fill(0);
    let leaving = 0;
    while (i < sorted.length && sorted[i]!.time === t) {
      const c = sorted[i]!.cause;
      if (c > 0) d[c - 1]!++;
      leaving++;
      i++;
    }
    const total = d.reduce((a, b) => a + b, 0);
    if (total > 0) {
      for (let k = 0; k < causes; k++) F[k]! += (s * d[k]!) / atRisk;
      s *= 1 - total / atRisk;
      steps.push({ time: t, atRisk, events: d, survival: s, cumulativeIncidence: [...F] });
    }
    atRisk -= leaving;
  }
  return steps;
}

/** F_cause(t) from the steps: the cumulative incidence after the last event time <= t (0 before any event). */
export function cumulativeIncidenceAt(steps: ReadonlyArray<AalenJohansenStep>, cause: number, t: number): number {
  let f = 0;
  for (const step of steps) {
    if (step.time > t) break;
    f = step.cumulativeIncidence[cause - 1]!;
  }
  return f;
}
