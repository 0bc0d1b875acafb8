/**
 * The life of the scheme's slots, month by month, over many replications (Monte Carlo), with rounds that keep coming.
 *
 *   per replication: parameters drawn once (their uncertainty: sampleSection over SLOT_INPUTS)
 *   first round (allocateRound's grants) at month 0; later rounds at the scenario's calendar: each round draws its
 *     demand (kommuner applying, agreements each asks for), the applicants are drawn from the first round's kommuner
 *     (their need, main purpose, sentralitet and candidate), and grantSlots gives at most the cap − held − reserved
 *   each granted slot at its decision month d, with its own events drawn from the replication's parameters:
 *     recruitment fails (probability by candidate and sentralitet) -> lapses at d + 6 months (R06)
 *     or the first doctor starts at d + monthsToStart (later than d + 6: lapses)
 *     doctors follow each other (each at least 6 months, R03; own stillingsprosent) until 24 FTE months are used (R04),
 *     or no new doctor comes (1 − chainProbability), with monthsBetweenDoctors idle in between; a period that is used
 *     up goes on as a second period with secondPeriodProbability; a doctor may take leave (R05)
 *   a freed slot goes to the next kommune on the latest round's waiting list after reallocationDelayMonths (reserved
 *     meanwhile), or, with freedSlots: pool or an empty list, back to the pool for the next round
 *   durations and stillingsprosent of each slot and doctor: the replication's value × (1 + eventSpread × T), T a
 *     symmetric triangle on [−1, 1], rounded and clamped to the rules
 * Slots held plus reserved never exceed the cap. Each slot occupies a seat (0 .. cap − 1) while held, so the budget
 * can give an agreement its own activity draws. With a calibration (allocation.calibration), replications are
 * accepted or rejected by their simulated count in place on the observed date (approximate Bayesian computation,
 * rejection sampling): the accepted replications are the result, and carry into the budget.
 */
import { band as bandOfDraws, type Band } from "../stats/band";
import { percentileSorted } from "../stats/summarise";
import { BAND_COUNTING_MAX } from "../constants";
import { sampleSection } from "../inputs/sampleSection";
import { Mt19937 } from "../distributions/mt19937";
import { streamSeed } from "../distributions/seed";
import { fastQuantile } from "../distributions/sampler";
import { ruleNumber, type RuleCatalogue } from "../register/ruleCatalogue";
import { addMonths } from "../time/isoDate";
import { UserError } from "../errors/userError";
import type { Application } from "./applications";
import { grantLimit, grantSlots, rankApplications } from "./allocateRound";
import type { AllocationPolicy } from "./policy";
import type { AllocationSection } from "./slotSchema";
import { SLOT_INPUTS } from "../inputs/slotInputs";

export type { Band };

/** The doctors' working spells, one row per doctor, flat: the budget prices each with its own ramp-up and seat. */
export interface DoctorSpells {
  count: number;
  replication: Int32Array;
  seat: Int32Array;
  /** First working month (months from the first round's decision). */
  start: Int32Array;
  /** Working months (leave and gaps excluded). */
  months: Int32Array;
}

/** What the budget needs from the simulation: who works in which seat in which month, per replication. */
export interface SlotActivity {
  /** Month 0 of the simulation (the first round's decision date). */
  startDate: string;
  months: number;
  replications: number;
  /** Seats: the cap; an agreement keeps its seat while it is held. */
  seats: number;
  spells: DoctorSpells;
}

export interface CalibrationParameter {
  name: string;
  label: string;
  fitted: boolean;
  prior: Band;
  posterior: Band;
}

export interface CalibrationCheck {
  /** Norwegian label. */
  label: string;
  use: "fitted" | "held-out";
  observed: string;
  simulated: string;
  /** Whether the simulation agrees (null: the model cannot say). */
  agrees: boolean | null;
  source: string;
}

export interface SlotCalibration {
  method: string;
  target: { date: string; inPlace: number; band: number };
  priorDraws: number;
  accepted: number;
  acceptanceRate: number;
  parameters: CalibrationParameter[];
  checks: CalibrationCheck[];
}

export interface SlotSimulation {
  decisionDate: string;
  months: number;
  replications: number;
  seed: number;
  cap: number;
  /** Decision months of the rounds after the first (empty: only the first round). */
  rounds: Array<{ month: number; date: string }>;
  freedSlots: "waitingList" | "pool" | "firstRoundOnly";
  /**
   * Per month: slots held (granted and not yet freed; never above the cap), agreements in place (a doctor working or
   * between two doctors) and active (a doctor working). P10–P90 over replications: parameters and events together.
   */
  timeline: Array<{ month: number; date: string; held: Band; inPlace: Band; active: Band }>;
  /** Active agreement-months / (cap × months). */
  utilisation: Band;
  doctorsServed: Band;
  /** Slots granted over the horizon, all rounds and reallocations together. */
  slotsGranted: Band;
  /** Slots that lapsed (not taken into use within the deadline), were given back before their period was used up, or were granted again from the waiting list. */
  lapsed: Band;
  givenBack: Band;
  reallocated: Band;
  /** Per helseregion and per sentralitet class: slots granted, doctors served, active agreement-months. */
  byHelseregion: Record<string, GroupOutcome>;
  bySentralitet: Record<string, GroupOutcome>;
  /**
   * The spread of outcomes alone: agreements in place per month (P10/P50/P90) when every parameter is fixed at its
   * median (after calibration), so only the slots' and doctors' own events vary. Beside `timeline` (parameters and
   * events together) it shows how much of the band is parameter uncertainty.
   */
  eventsOnly?: { replications: number; inPlace: Array<{ p10: number; p50: number; p90: number }> };
  /** Doctors starting per year from the second full year on (P10/P50/P90 of the yearly mean): the steady intake. */
  steadyIntake: Band;
  /** The same, one value per replication (the cohort projection's intake: src/register/cohort.ts). */
  steadyIntakeDraws: Float64Array;
  /** Active agreement-months in the last 12 simulated months, divided by 12: the long-run use of the cap. */
  steadyState: { activeAgreements: Band; held: Band };
  calibration?: SlotCalibration;
  /**
   * Active agreement-months per calendar year, one value per replication, and how many months of the year the
   * simulation covers (fewer than 12 in the first and last year of the horizon).
   */
  activeMonthsByYear: Array<{ year: number; months: Float64Array; simulatedMonths: number }>;
  /** Doctors starting per calendar year, one value per replication (the cohort projection's intake). */
  doctorsStartingByYear: Array<{ year: number; doctors: Float64Array; simulatedMonths: number }>;
  /** The doctors' spells for the budget projection. */
  activity: SlotActivity;
}

export interface GroupOutcome {
  slotsGranted: Band;
  doctorsServed: Band;
  activeAgreementMonths: Band;
}

export interface SlotRules {
  takeIntoUseMonths: number;
  maxLeaveExtensionMonths: number;
  minMonthsPerDoctor: number;
  maxFteMonths: number;
  minStillingsprosent: number;
}

/** The rules the slot simulation keeps, from the rule catalogue (R03–R06) and the minimum stillingsprosent (data). */
export function slotRules(catalogue: RuleCatalogue, minStillingsprosent: number): SlotRules {
  return {
    takeIntoUseMonths: ruleNumber(catalogue, "R06", "takeIntoUseWithinMonths"),
    maxLeaveExtensionMonths: ruleNumber(catalogue, "R05", "maxLeaveExtensionMonths"),
    minMonthsPerDoctor: ruleNumber(catalogue, "R03", "minMonthsPerDoctor"),
    maxFteMonths: ruleNumber(catalogue, "R04", "maxFteMonthsPerPeriod"),
    minStillingsprosent,
  };
}

/** One slot's life, for tests and audits: decision, doctors (start month, calendar months, share of full time), freed. */
export interface SlotLife {
  replication: number;
  kommunenr: string;
  /** 0: the first round; k: the k-th later round (reallocations keep the round they came from). */
  round: number;
  /** What the kommune requested in that round. */
  requested: number;
  /** What the kommune may get in that round (requested, capped by maxPerKommune and, with sizeByNeed, its need). */
  limit: number;
  seat: number;
  decision: number;
  /** Each doctor's working months, and any leave after them (the agreement in place, not active; no FTE months used). */
  doctors: Array<{ start: number; months: number; fte: number; period: 1 | 2; leave: number }>;
  freed: number;
}

/** Months simulated: allocation.months if given, else from the first decision's month through December of the horizon. */
export function horizonMonths(section: Pick<AllocationSection, "decisionDate" | "horizon" | "months">): number {
  if (section.months) return section.months;
  const y0 = Number(section.decisionDate.slice(0, 4));
  const m0 = Number(section.decisionDate.slice(5, 7));
  return (section.horizon - y0) * 12 + (12 - m0 + 1);
}

/** Calendar months from the month of `from` to the month of `to`. */
function monthIndex(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}

/** The later rounds' decision months inside the horizon. */
export function roundMonths(section: AllocationSection, H: number): Array<{ month: number; date: string }> {
  const r = section.rounds;
  if (!r) return [];
  const dates: string[] = r.dates ? [...r.dates] : [];
  if (r.yearlyFrom)
    for (let k = 0; ; k++) {
      const d = addMonths(r.yearlyFrom, 12 * k);
      if (monthIndex(section.decisionDate, d) >= H) break;
      dates.push(d);
    }
  return dates.map((date) => ({ month: monthIndex(section.decisionDate, date), date })).filter((x) => x.month > 0 && x.month < H);
}

interface Counters {
  granted: Float64Array;
  doctors: Float64Array;
  months: Float64Array;
}

/** Growable flat spell table. */
class SpellTable {
  count = 0;
  replication = new Int32Array(1024);
  seat = new Int32Array(1024);
  start = new Int32Array(1024);
  months = new Int32Array(1024);
  push(r: number, seat: number, start: number, months: number): void {
    if (this.count === this.replication.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.replication = grow(this.replication);
      this.seat = grow(this.seat);
      this.start = grow(this.start);
      this.months = grow(this.months);
    }
    const k = this.count++;
    this.replication[k] = r;
    this.seat[k] = seat;
    this.start[k] = start;
    this.months[k] = months;
  }
}

/** Everything per replication, before any are accepted or rejected. */
interface RawSimulation {
  /** Replications kept (accepted), and prior draws tried. */
  R: number;
  tried: number;
  /** Prior index of each kept replication. */
  keep: Int32Array;
  /** Per tried prior draw: in place on the observation month, and the month of the first grant after the first round. */
  atObservation: Float64Array;
  firstLaterGrantTried: Float64Array;
  H: number;
  held: Float64Array[];
  inPlace: Float64Array[];
  active: Float64Array[];
  utilisation: Float64Array;
  doctors: Float64Array;
  granted: Float64Array;
  lapsed: Float64Array;
  givenBack: Float64Array;
  reallocated: Float64Array;
  byRegion: Map<string, Counters>;
  bySentralitet: Map<string, Counters>;
  spells: SpellTable;
  params: Record<string, Float64Array>;
}

/** Replications of the events-only band in a run: its P10/P90 to about ±1 agreement, at a quarter of the main run's cost. */
export const EVENTS_ONLY_REPLICATIONS = 500;

export interface SimulateSlotsOptions {
  replications: number;
  seed: number;
  onSlot?: (life: SlotLife) => void;
  /** Replications of the events-only band (parameters at their medians); 0 or absent: none. */
  eventsOnlyReplications?: number;
  /** The observation a calibration accepts draws against (src/allocation/observedUse.ts). */
  observed?: { date: string; inPlace: number; source: string };
}

function simulateRaw(
  apps: ReadonlyArray<Application>,
  policy: AllocationPolicy,
  cap: number,
  section: AllocationSection,
  rules: SlotRules,
  priorDraws: number,
  want: number,
  seed: number,
  onSlot?: (life: SlotLife) => void,
  accept?: { month: number; ok: (inPlace: number) => boolean },
): RawSimulation {
  const H = horizonMonths(section);
  const R = want;
  const p = sampleSection(SLOT_INPUTS, section, seed, "allocation", priorDraws);
  const rounds = roundMonths(section, H);
  const roundAt = new Int32Array(H).fill(-1);
  rounds.forEach((x, k) => (roundAt[x.month] = k + 1));
  const mode = section.rounds?.freedSlots ?? "waitingList";
  const qKommuner = section.rounds ? fastQuantile(section.rounds.kommuner) : () => 0;
  const qAgreements = section.rounds ? fastQuantile(section.rounds.agreementsPerKommune) : () => 0;

  const ranked = rankApplications(apps, policy);
  const N = ranked.length;
  const first = grantSlots(ranked, policy, cap);
  const firstLimits = ranked.map((a) => grantLimit(a, policy));

  const mk = () => Array.from({ length: H }, () => new Float64Array(R));
  const held = mk();
  const inPlace = mk();
  const active = mk();
  const vec = () => new Float64Array(R);
  const utilisation = vec();
  const doctors = vec();
  const granted = vec();
  const lapsed = vec();
  const givenBack = vec();
  const reallocated = vec();
  const keep = new Int32Array(R);
  const atObservation = new Float64Array(priorDraws);
  const firstLaterGrantTried = new Float64Array(priorDraws);
  const counters = (): Counters => ({ granted: vec(), doctors: vec(), months: vec() });
  const byRegion = new Map([...new Set(apps.map((a) => a.helseregion))].sort().map((g) => [g, counters()]));
  const bySentralitet = new Map([...new Set(apps.map((a) => String(a.sentralitet)))].sort().map((g) => [g, counters()]));
  const regionOf = ranked.map((a) => byRegion.get(a.helseregion)!);
  const sentralitetOf = ranked.map((a) => bySentralitet.get(String(a.sentralitet))!);
  const spells = new SpellTable();

  // Scratch, reused across replications.
  const heldD = new Int32Array(H + 1);
  const inPlaceD = new Int32Array(H + 1);
  const activeD = new Int32Array(H + 1);
  const freedAt = new Int32Array(H + 1);
  const seatFreeFrom = new Int32Array(cap);
  const pick = new Int32Array(N);
  /** Pending decisions: [app index, round, requested, limit, from the waiting list (reserved) 1/0] per month. */
  const pending: number[][] = Array.from({ length: H }, () => []);

  const perReplication = [utilisation, doctors, granted, lapsed, givenBack, reallocated];
  const allGroups = [...byRegion.values(), ...bySentralitet.values()];
  let w = 0; // the column the current replication writes to; kept when accepted
  let tried = 0;
  for (let r = 0; r < priorDraws && w < R; r++, tried++) {
    for (const a of perReplication) a[w] = 0;
    for (const g of allGroups) g.granted[w] = g.doctors[w] = g.months[w] = 0;
    const spellsBefore = spells.count;
    const rng = new Mt19937(streamSeed(seed, `allocation.slots#${r}`));
    const u = () => (rng.nextUint32() + 0.5) * 2 ** -32;
    const spread = p.eventSpread![r]!;
    /** The replication's value μ for one slot or doctor: μ × (1 + spread × T), T symmetric triangular on [−1, 1]. */
    const ev = (mu: number) => mu * (1 + spread * (u() + u() - 1));
    heldD.fill(0);
    inPlaceD.fill(0);
    activeD.fill(0);
    freedAt.fill(0);
    seatFreeFrom.fill(0);
    for (const q of pending) q.length = 0;
    for (let k = 0; k < N; k++) for (let g = 0; g < first.granted[k]!; g++) pending[0]!.push(k, 0, ranked[k]!.requested, firstLimits[k]!, 0);
    // The latest round's waiting list: unmet demand in rank order.
    let waitApp: number[] = [];
    let waitUnmet: number[] = [];
    let waitRound: number[] = [];
    let waitRequested: number[] = [];
    let waitLimit: number[] = [];
    const setWaiting = (idx: number[], round: number, requested: number[], limits: number[], got: Int32Array) => {
      waitApp = [];
      waitUnmet = [];
      waitRound = [];
      waitRequested = [];
      waitLimit = [];
      idx.forEach((k, j) => {
        const unmet = limits[j]! - got[j]!;
        if (unmet > 0) {
          waitApp.push(k);
          waitUnmet.push(unmet);
          waitRound.push(round);
          waitRequested.push(requested[j]!);
          waitLimit.push(limits[j]!);
        }
      });
    };
    setWaiting(
      ranked.map((_, k) => k),
      0,
      ranked.map((a) => a.requested),
      firstLimits,
      first.granted,
    );
    let heldNow = 0;
    let reserved = 0;
    let activeMonths = 0;
    let laterGrant = H;
    const fteMu = p.stillingsprosentShare![r]!;
    const docMu = p.monthsPerDoctor![r]!;
    const gapMu = p.monthsBetweenDoctors![r]!;
    const startMu = p.monthsToStart![r]!;
    const reallocMu = p.reallocationDelayMonths![r]!;
    const leaveMu = p.leaveMonths![r]!;
    const fteOf = () => Math.min(1, Math.max(rules.minStillingsprosent, ev(fteMu)));

    for (let m = 0; m < H; m++) {
      // 1. Slots freed this month: to the next kommune on the waiting list (reserved until its decision), else to the pool.
      heldNow -= freedAt[m]!;
      for (let k = 0; k < freedAt[m]!; k++) {
        if (mode === "pool" && rounds.length > 0) break; // back to the pool for the next round
        const j = waitUnmet.findIndex((x) => x > 0);
        if (j < 0) break;
        const at = m + Math.max(1, Math.round(ev(reallocMu)));
        if (at >= H) continue;
        waitUnmet[j]!--;
        reallocated[w]!++;
        reserved++;
        pending[at]!.push(waitApp[j]!, waitRound[j]!, waitRequested[j]!, waitLimit[j]!, 1);
      }
      // 2. A later round: demand drawn, applicants drawn from the first round's kommuner, granted within what is free.
      const round = roundAt[m]!;
      if (round > 0) {
        const K = Math.min(N, Math.max(0, Math.round(qKommuner(u()))));
        for (let k = 0; k < N; k++) pick[k] = k;
        for (let k = 0; k < K; k++) {
          const j = k + Math.floor(u() * (N - k));
          const t = pick[k]!;
          pick[k] = pick[j]!;
          pick[j] = t;
        }
        const idx = Array.from(pick.subarray(0, K)).sort((a, b) => a - b); // rank order
        const roundApps = idx.map((k) => ({ ...ranked[k]!, round: round, requested: Math.max(1, Math.round(qAgreements(u()))) }));
        const free = Math.max(0, cap - heldNow - reserved);
        const g = grantSlots(roundApps, policy, free);
        const limits = roundApps.map((a) => grantLimit(a, policy));
        idx.forEach((k, j) => {
          for (let n = 0; n < g.granted[j]!; n++) pending[m]!.push(k, round, roundApps[j]!.requested, limits[j]!, 0);
        });
        if (mode === "waitingList")
          setWaiting(
            idx,
            round,
            roundApps.map((a) => a.requested),
            limits,
            g.granted,
          );
        else {
          waitApp = [];
          waitUnmet = [];
        }
      }
      // 3. This month's decisions: each slot lives its own life.
      const q = pending[m]!;
      for (let e = 0; e < q.length; e += 5) {
        const k = q[e]!;
        reserved -= q[e + 4]!; // a reserved slot becomes held
        const app = ranked[k]!;
        const gRegion = regionOf[k]!;
        const gSentralitet = sentralitetOf[k]!;
        if (m > 0 && m < laterGrant) laterGrant = m;
        granted[w]!++;
        gRegion.granted[w]!++;
        gSentralitet.granted[w]!++;
        let seat = 0;
        while (seatFreeFrom[seat]! > m) seat++; // held + reserved ≤ cap, so a seat is free
        const failP = Math.min(
          1,
          (app.hasCandidate ? p.recruitFailWithCandidate![r]! : p.recruitFailWithoutCandidate![r]!) +
            p.recruitFailPerSentralitetStep![r]! * (app.sentralitet - 1),
        );
        let freed: number;
        const life: SlotLife | undefined = onSlot
          ? { replication: r, kommunenr: app.kommunenr, round: q[e + 1]!, requested: q[e + 2]!, limit: q[e + 3]!, seat, decision: m, doctors: [], freed: 0 }
          : undefined;
        const toStart = Math.max(0, Math.ceil(ev(startMu)));
        if (u() < failP || toStart > rules.takeIntoUseMonths) {
          freed = m + rules.takeIntoUseMonths; // lapses at the deadline
          lapsed[w]!++;
        } else {
          let t = m + toStart;
          let fteLeft = rules.maxFteMonths;
          let period = 1;
          let leaveLeft = rules.maxLeaveExtensionMonths;
          let fte = fteOf();
          for (;;) {
            // Whole months that fit in the FTE months left (rounding down keeps the period within R04's limit).
            const mm = Math.min(Math.max(rules.minMonthsPerDoctor, Math.round(ev(docMu))), Math.floor(fteLeft / fte + 1e-9));
            doctors[w]!++;
            const inH = Math.max(0, Math.min(H, t + mm) - Math.min(H, t));
            gRegion.doctors[w]!++;
            gRegion.months[w]! += inH;
            gSentralitet.doctors[w]!++;
            gSentralitet.months[w]! += inH;
            const leave = u() < p.leaveProbabilityPerDoctor![r]! ? Math.min(leaveLeft, Math.max(0, Math.round(ev(leaveMu)))) : 0;
            leaveLeft -= leave;
            life?.doctors.push({ start: t, months: mm, fte, period: period as 1 | 2, leave });
            if (t < H) {
              spells.push(w, seat, t, mm);
              activeD[t]!++;
              activeD[Math.min(H, t + mm)]!--;
              inPlaceD[t]!++;
              inPlaceD[Math.min(H, t + mm + leave)]!--;
              activeMonths += inH;
            }
            fteLeft -= mm * fte;
            t += mm + leave;
            fte = fteOf(); // the next doctor's stillingsprosent
            const usedUp = fteLeft + 1e-9 < rules.minMonthsPerDoctor * fte;
            if (usedUp && period === 1 && u() < p.secondPeriodProbability![r]!) {
              period = 2; // a second period: the FTE months and the leave allowance start again
              fteLeft = rules.maxFteMonths;
              leaveLeft = rules.maxLeaveExtensionMonths;
            } else if (usedUp) break;
            else if (!(u() < p.chainProbability![r]!)) {
              givenBack[w]!++; // FTE months were left, but no new doctor came
              break;
            }
            const gap = Math.max(0, Math.round(ev(gapMu)));
            if (t < H) {
              inPlaceD[t]!++; // between two doctors: in place, not active
              inPlaceD[Math.min(H, t + gap)]!--;
            }
            t += gap;
          }
          freed = t;
        }
        if (life) {
          life.freed = freed;
          onSlot!(life);
        }
        seatFreeFrom[seat] = freed;
        heldNow++;
        heldD[m]!++;
        heldD[Math.min(H, freed)]!--;
        if (freed < H) freedAt[freed]!++;
      }
    }
    let h = 0,
      ip = 0,
      a = 0;
    for (let m = 0; m < H; m++) {
      h += heldD[m]!;
      ip += inPlaceD[m]!;
      a += activeD[m]!;
      held[m]![w] = h;
      inPlace[m]![w] = ip;
      active[m]![w] = a;
      if (accept && m === accept.month) atObservation[r] = ip;
    }
    utilisation[w] = activeMonths / (cap * H);
    firstLaterGrantTried[r] = laterGrant;
    if (!accept || accept.ok(atObservation[r]!)) keep[w++] = r;
    else spells.count = spellsBefore; // rejected: its column is written again by the next draw
  }
  const cut = (a: Float64Array) => a.subarray(0, w);
  const cutCounters = (g: Map<string, Counters>) =>
    new Map([...g].map(([k, c]) => [k, { granted: cut(c.granted), doctors: cut(c.doctors), months: cut(c.months) }]));
  return {
    R: w,
    tried,
    keep: keep.subarray(0, w),
    atObservation: atObservation.subarray(0, tried),
    firstLaterGrantTried: firstLaterGrantTried.subarray(0, tried),
    H,
    held: held.map(cut),
    inPlace: inPlace.map(cut),
    active: active.map(cut),
    utilisation: cut(utilisation),
    doctors: cut(doctors),
    granted: cut(granted),
    lapsed: cut(lapsed),
    givenBack: cut(givenBack),
    reallocated: cut(reallocated),
    byRegion: cutCounters(byRegion),
    bySentralitet: cutCounters(bySentralitet),
    spells,
    params: p,
  };
}

/** The values of `a` at the kept replications. */
function pickRows(a: Float64Array, keep: Int32Array): Float64Array {
  const out = new Float64Array(keep.length);
  for (let i = 0; i < keep.length; i++) out[i] = a[keep[i]!]!;
  return out;
}

function outcomes(groups: Map<string, Counters>): Record<string, GroupOutcome> {
  return Object.fromEntries(
    [...groups.entries()].map(([g, x]) => [g, { slotsGranted: band(x.granted), doctorsServed: band(x.doctors), activeAgreementMonths: band(x.months) }]),
  );
}

/**
 * band() of stats/band.ts, the same numbers, faster for counts: when every value is a whole number from 0 to
 * BAND_COUNTING_MAX (agreements in place in a month, doctors, slots, agreement-months) the sorted copy is written from
 * a histogram (counting sort, O(n)) instead of sorted (O(n log n)); the percentiles are then taken from it by the same
 * percentileSorted. Other values go to band() itself. About 16 % of simulateSlots' time went to sorting 300+ bands.
 */
export function band(values: Float64Array): Band {
  const n = values.length;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!(v >= 0 && v <= BAND_COUNTING_MAX && Math.floor(v) === v)) return bandOfDraws(values);
    if (v > max) max = v;
  }
  if (n === 0) return bandOfDraws(values);
  const counts = new Int32Array(max + 1);
  for (let i = 0; i < n; i++) counts[values[i]!]!++;
  const sorted = new Float64Array(n);
  for (let v = 0, k = 0; v <= max; k += counts[v]!, v++) sorted.fill(v, k, k + counts[v]!);
  return { p10: percentileSorted(sorted, 0.1), p50: percentileSorted(sorted, 0.5), p90: percentileSorted(sorted, 0.9) };
}

/** Held-out and fitted checks against the directorate's statements (FACTS.md; Helsedirektoratet's status reporting 2023). */
const STATUS_SOURCE = "Helsedirektoratet, statusrapportering om introduksjonsavtaler (2022–2023)";

export function simulateSlots(
  apps: ReadonlyArray<Application>,
  policy: AllocationPolicy,
  cap: number,
  section: AllocationSection,
  rules: SlotRules,
  opts: SimulateSlotsOptions,
): SlotSimulation {
  const { replications, seed } = opts;
  const cal = section.calibration && opts.observed ? section.calibration : undefined;
  for (const f of section.calibration?.fitted ?? [])
    if (!SLOT_INPUTS.some((d) => d.name === f))
      throw new UserError(
        "scenario",
        `allocation.calibration.fitted`,
        `"${f}" is not an input of the allocation section; use one of ${SLOT_INPUTS.map((d) => d.name).join(", ")}`,
      );
  const priorDraws = cal ? replications * cal.priorDrawsPerReplication : replications;
  const H = horizonMonths(section);
  if (H < 1)
    throw new UserError(
      "scenario",
      "allocation.horizon",
      `${section.horizon} is before the first round (${section.decisionDate}); give a year from ${section.decisionDate.slice(0, 4)}`,
    );
  const obs = cal ? opts.observed : undefined;
  const om = obs ? monthIndex(section.decisionDate, obs.date) : -1;
  if (obs && (om < 0 || om >= H))
    throw new UserError(
      "scenario",
      "allocation.calibration",
      `the observation (${obs.date}) is outside the simulated months (${section.decisionDate} + ${H} months); lengthen the horizon or remove the calibration`,
    );
  const raw = simulateRaw(
    apps,
    policy,
    cap,
    section,
    rules,
    priorDraws,
    replications,
    seed,
    opts.onSlot,
    cal && obs ? { month: om, ok: (x) => Math.abs(x - obs.inPlace) <= cal.band } : undefined,
  );
  let calibration: SlotCalibration | undefined;
  if (cal && obs) {
    const at = raw.atObservation;
    if (raw.R === 0)
      throw new UserError(
        "scenario",
        "allocation.calibration.band",
        `± ${cal.band} around ${obs.inPlace} in place on ${obs.date} accepts none of ${raw.tried} prior draws (simulated P10–P90 ${Math.round(band(at).p10)}–${Math.round(band(at).p90)}); widen the band or change the priors`,
      );
    const all = Int32Array.from({ length: raw.tried }, (_, r) => r);
    const keep = raw.keep;
    const oct2023 = monthIndex(section.decisionDate, "2023-10-31");
    const laterShare = (rows: Int32Array) => rows.reduce((s, r) => s + (raw.firstLaterGrantTried[r]! <= oct2023 ? 1 : 0), 0) / rows.length;
    const fmt = (b: Band) => `P50 ${Math.round(b.p50)} (P10–P90 ${Math.round(b.p10)}–${Math.round(b.p90)})`;
    calibration = {
      method:
        "Approksimativ bayesiansk beregning (ABC) med forkastning: parametertrekk fra forutsetningene beholdes når simulert antall i bruk på observasjonsdatoen ligger innenfor båndet.",
      target: { date: obs.date, inPlace: obs.inPlace, band: cal.band },
      priorDraws: raw.tried,
      accepted: raw.R,
      acceptanceRate: raw.R / raw.tried,
      parameters: SLOT_INPUTS.map((d) => ({
        name: d.name,
        label: d.label,
        fitted: cal.fitted.includes(d.name),
        prior: band(pickRows(raw.params[d.name]!, all)),
        posterior: band(pickRows(raw.params[d.name]!, keep)),
      })),
      checks: [
        {
          label: `Avtaler i bruk ${obs.date}`,
          use: "fitted",
          observed: `${obs.inPlace} av ${cap}`,
          simulated: `før tilpasning: ${fmt(band(at))}; etter: ${fmt(band(pickRows(at, keep)))}`,
          agrees: true,
          source: obs.source,
        },
        {
          label: "Vedtak sendt til halvparten av søkerne innen 4. mai 2022",
          use: "held-out",
          observed: "halvparten innen 4. mai 2022",
          simulated: `alle vedtak i første runde ${section.decisionDate} (én vedtaksdato i modellen)`,
          agrees: section.decisionDate <= "2022-05-04" ? true : null,
          source: STATUS_SOURCE,
        },
        {
          label: "Ekstra avtaler tildelt etter søknad innen oktober 2023",
          use: "held-out",
          observed: "ja",
          simulated: `nye tildelinger innen oktober 2023 i ${Math.round(100 * laterShare(keep))} % av de aksepterte trekkene (${Math.round(100 * laterShare(all))} % før tilpasning)`,
          agrees: laterShare(keep) >= 0.5,
          source: STATUS_SOURCE,
        },
      ],
    };
  }
  const spells: DoctorSpells = {
    count: raw.spells.count,
    replication: raw.spells.replication.subarray(0, raw.spells.count),
    seat: raw.spells.seat.subarray(0, raw.spells.count),
    start: raw.spells.start.subarray(0, raw.spells.count),
    months: raw.spells.months.subarray(0, raw.spells.count),
  };
  const R = raw.R;
  const startYear = Number(section.decisionDate.slice(0, 4));
  const lastYear = Number(addMonths(section.decisionDate, H - 1).slice(0, 4));
  const yearOfMonth = Array.from({ length: H }, (_, m) => Number(addMonths(section.decisionDate, m).slice(0, 4)) - startYear);
  const years = Array.from({ length: lastYear - startYear + 1 }, (_, k) => ({
    year: startYear + k,
    simulatedMonths: yearOfMonth.filter((y) => y === k).length,
  }));
  const activeByYear = years.map(() => new Float64Array(R));
  const activeKept = raw.active;
  for (let m = 0; m < H; m++) for (let r = 0; r < R; r++) activeByYear[yearOfMonth[m]!]![r]! += activeKept[m]![r]!;
  const startsByYear = years.map(() => new Float64Array(R));
  for (let k = 0; k < spells.count; k++) startsByYear[yearOfMonth[spells.start[k]!]!]![spells.replication[k]!]!++;
  const last12 = Math.min(12, H);
  const steadyActive = new Float64Array(R);
  const steadyHeld = new Float64Array(R);
  for (let m = H - last12; m < H; m++)
    for (let i = 0; i < R; i++) {
      steadyActive[i]! += activeKept[m]![i]! / last12;
      steadyHeld[i]! += raw.held[m]![i]! / last12;
    }
  const rounds = roundMonths(section, H);
  let eventsOnly: SlotSimulation["eventsOnly"];
  if (opts.eventsOnlyReplications) {
    const central: Record<string, unknown> = { ...section };
    for (const d of SLOT_INPUTS) central[d.name] = { type: "fixed", value: band(pickRows(raw.params[d.name]!, raw.keep)).p50 };
    const ev = simulateRaw(apps, policy, cap, central as AllocationSection, rules, opts.eventsOnlyReplications, opts.eventsOnlyReplications, seed + 1);
    eventsOnly = {
      replications: ev.R,
      inPlace: ev.inPlace.map((a) => {
        const b = band(a);
        return { p10: b.p10, p50: b.p50, p90: b.p90 };
      }),
    };
  }
  const laterYears = years
    .map((y, k) => ({ ...y, k }))
    .filter((y) => y.simulatedMonths === 12)
    .slice(1);
  const intake = new Float64Array(R);
  for (const y of laterYears) for (let r = 0; r < R; r++) intake[r]! += startsByYear[y.k]![r]! / laterYears.length;
  return {
    decisionDate: section.decisionDate,
    months: H,
    replications: R,
    seed,
    cap,
    rounds,
    freedSlots: section.rounds ? section.rounds.freedSlots : "firstRoundOnly",
    timeline: activeKept.map((a, m) => ({
      month: m,
      date: addMonths(section.decisionDate, m),
      held: band(raw.held[m]!),
      inPlace: band(raw.inPlace[m]!),
      active: band(a),
    })),
    utilisation: band(raw.utilisation),
    doctorsServed: band(raw.doctors),
    slotsGranted: band(raw.granted),
    lapsed: band(raw.lapsed),
    givenBack: band(raw.givenBack),
    reallocated: band(raw.reallocated),
    byHelseregion: outcomes(raw.byRegion),
    bySentralitet: outcomes(raw.bySentralitet),
    steadyState: { activeAgreements: band(steadyActive), held: band(steadyHeld) },
    steadyIntake: band(intake),
    steadyIntakeDraws: intake,
    ...(eventsOnly ? { eventsOnly } : {}),
    ...(calibration ? { calibration } : {}),
    activeMonthsByYear: years.map((y, k) => ({ ...y, months: activeByYear[k]! })),
    doctorsStartingByYear: years.map((y, k) => ({ ...y, doctors: startsByYear[k]! })),
    activity: { startDate: section.decisionDate, months: H, replications: R, seats: cap, spells },
  };
}
