/**
 * The life of the granted slots, month by month, over many replications (Monte Carlo).
 *
 *   round (allocateRound) -> each slot at its decision month d:
 *     recruitment fails (probability by candidate and sentralitet) -> lapses at d + 6 months (R06)
 *     or the first doctor starts at d + monthsToStart (later than d + 6: lapses)
 *     doctors follow each other (each at least 6 months, R03) until 24 FTE months are used (R04), or no new doctor
 *     comes (1 − chainProbability), with monthsBetweenDoctors idle in between; a period that is used up goes on as
 *     a second period (2 + 2 years) with secondPeriodProbability -> otherwise the slot is freed; a doctor may take
 *     leave (leaveProbabilityPerDoctor, leaveMonths, at most 12 months in all: R05) that extends the agreement
 *   a freed slot goes to the next kommune on the waiting list (rank order, unmet demand) after reallocationDelayMonths,
 *   slots freed earlier first (the simulation steps month by month)
 * Slots exist only by replacing a freed one, so the number granted never exceeds the cap. Parameters are drawn once
 * per replication (their uncertainty); the slots' own events from a seeded stream per replication. Only active
 * agreement-months cost folketrygden money: the active months per calendar year feed the budget projection
 * (src/budget/projectBudget.ts), which prices each year with its own tariff.
 */
import { band, type Band } from "../stats/band";
import { sampleSection } from "../inputs/sampleSection";
import { Mt19937 } from "../distributions/mt19937";
import { streamSeed } from "../distributions/seed";
import { ruleNumber, type RuleCatalogue } from "../register/ruleCatalogue";
import { addMonths } from "../time/isoDate";
import type { Application } from "./applications";
import { allocateRound } from "./allocateRound";
import type { AllocationPolicy } from "./policy";
import type { AllocationSection } from "./slotSchema";
import { SLOT_INPUTS } from "../inputs/slotInputs";

export type { Band };

export interface SlotSimulation {
  decisionDate: string;
  months: number;
  replications: number;
  seed: number;
  cap: number;
  /**
   * Per month: slots held (granted and not yet freed; never above the cap), agreements in place (a doctor working or
   * between two doctors) and active (a doctor working).
   */
  timeline: Array<{ month: number; date: string; held: Band; inPlace: Band; active: Band }>;
  /** Active agreement-months / (cap × months). */
  utilisation: Band;
  doctorsServed: Band;
  /** Slots granted over the horizon, the first round and reallocations together. */
  slotsGranted: Band;
  /** Slots that lapsed (not taken into use within the deadline), were given back before their period was used up, or were granted again from the waiting list. */
  lapsed: Band;
  givenBack: Band;
  reallocated: Band;
  /** Per helseregion and per sentralitet class: slots granted, doctors served, active agreement-months. */
  byHelseregion: Record<string, GroupOutcome>;
  bySentralitet: Record<string, GroupOutcome>;
  /**
   * Active agreement-months per calendar year, one value per replication (the input of the budget projection), and
   * how many months of the year the simulation covers (fewer than 12 in the first and last year of the horizon).
   */
  activeMonthsByYear: Array<{ year: number; months: Float64Array; simulatedMonths: number }>;
}

export interface GroupOutcome {
  slotsGranted: Band;
  doctorsServed: Band;
  activeAgreementMonths: Band;
}

function outcomes(groups: Map<string, { granted: Float64Array; doctors: Float64Array; months: Float64Array }>): Record<string, GroupOutcome> {
  return Object.fromEntries(
    [...groups.entries()].map(([g, x]) => [g, { slotsGranted: band(x.granted), doctorsServed: band(x.doctors), activeAgreementMonths: band(x.months) }]),
  );
}

export interface SlotRules {
  takeIntoUseMonths: number;
  maxLeaveExtensionMonths: number;
  minMonthsPerDoctor: number;
  maxFteMonths: number;
  minStillingsprosent: number;
}

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
  decision: number;
  /** Each doctor's working months, and any leave after them (the agreement in place, not active; no FTE months used). */
  doctors: Array<{ start: number; months: number; fte: number; period: 1 | 2; leave: number }>;
  freed: number;
}

export function simulateSlots(
  apps: ReadonlyArray<Application>,
  policy: AllocationPolicy,
  cap: number,
  section: AllocationSection,
  rules: SlotRules,
  opts: { replications: number; seed: number; onSlot?: (life: SlotLife) => void },
): SlotSimulation {
  const { replications: R, seed } = opts;
  const H = section.months;
  const p = sampleSection(SLOT_INPUTS, section, seed, "allocation", R);

  const round = allocateRound(apps, policy, cap);
  const byKommune = new Map(apps.map((a) => [a.kommunenr, a]));
  const initial = round.decisions.flatMap((d) => Array.from({ length: d.granted }, () => byKommune.get(d.kommunenr)!));
  const waitingOrder = round.decisions.map((d) => ({
    app: byKommune.get(d.kommunenr)!,
    unmet: Math.min(d.requested, policy.maxPerKommune ?? Infinity) - d.granted,
  }));

  const active = Array.from({ length: H }, () => new Float64Array(R));
  const inPlace = Array.from({ length: H }, () => new Float64Array(R));
  const held = Array.from({ length: H }, () => new Float64Array(R));
  const utilisation = new Float64Array(R);
  const doctors = new Float64Array(R);
  const granted = new Float64Array(R);
  const lapsed = new Float64Array(R);
  const givenBack = new Float64Array(R);
  const reallocated = new Float64Array(R);
  const counters = () => ({ granted: new Float64Array(R), doctors: new Float64Array(R), months: new Float64Array(R) });
  const byRegion = new Map([...new Set(apps.map((a) => a.helseregion))].sort().map((g) => [g, counters()]));
  const bySentralitet = new Map([...new Set(apps.map((a) => String(a.sentralitet)))].sort().map((g) => [g, counters()]));
  const startYear = Number(section.decisionDate.slice(0, 4));
  const lastYear = Number(addMonths(section.decisionDate, H - 1).slice(0, 4));
  const activeByYear = Array.from({ length: lastYear - startYear + 1 }, () => new Float64Array(R));
  const yearOfMonth = Array.from({ length: H }, (_, m) => Number(addMonths(section.decisionDate, m).slice(0, 4)) - startYear);

  for (let r = 0; r < R; r++) {
    const rng = new Mt19937(streamSeed(seed, `allocation.slots#${r}`));
    const u = () => (rng.nextUint32() + 0.5) * 2 ** -32;
    const waiting = waitingOrder.map((w) => ({ ...w }));
    // Events month by month: the decisions of a month are simulated first, then the slots freed that month go to the
    // waiting list, so the slot freed earliest is reallocated first.
    const decisionsAt: Application[][] = Array.from({ length: H }, () => []);
    const freedAt = new Int32Array(H);
    decisionsAt[0] = [...initial];
    let activeMonths = 0;
    const fte = Math.max(rules.minStillingsprosent, p.stillingsprosentShare![r]!);
    const docMonths = Math.max(rules.minMonthsPerDoctor, Math.round(p.monthsPerDoctor![r]!));
    const gap = Math.round(p.monthsBetweenDoctors![r]!);
    const toStart = Math.ceil(p.monthsToStart![r]!);
    const realloc = Math.max(1, Math.round(p.reallocationDelayMonths![r]!));
    for (let decision = 0; decision < H; decision++) {
      for (const app of decisionsAt[decision]!) {
        const groups = [byRegion.get(app.helseregion)!, bySentralitet.get(String(app.sentralitet))!];
        granted[r]!++;
        for (const g of groups) g.granted[r]!++;
        const failP = Math.min(
          1,
          (app.hasCandidate ? p.recruitFailWithCandidate![r]! : p.recruitFailWithoutCandidate![r]!) +
            p.recruitFailPerSentralitetStep![r]! * (app.sentralitet - 1),
        );
        let freed: number;
        const life: SlotLife = { replication: r, kommunenr: app.kommunenr, decision, doctors: [], freed: 0 };
        if (u() < failP || toStart > rules.takeIntoUseMonths) {
          freed = decision + rules.takeIntoUseMonths; // lapses at the deadline
          lapsed[r]!++;
        } else {
          let t = decision + toStart;
          let fteLeft = rules.maxFteMonths;
          let period = 1;
          let leaveLeft = rules.maxLeaveExtensionMonths;
          for (;;) {
            // Whole months that fit in the FTE months left (rounding down keeps the period within R04's limit).
            const m = Math.min(docMonths, Math.floor(fteLeft / fte + 1e-9));
            doctors[r]!++;
            for (const g of groups) {
              g.doctors[r]!++;
              g.months[r]! += Math.max(0, Math.min(H, t + m) - Math.min(H, t));
            }
            const leave = u() < p.leaveProbabilityPerDoctor![r]! ? Math.min(leaveLeft, Math.round(p.leaveMonths![r]!)) : 0;
            leaveLeft -= leave;
            life.doctors.push({ start: t, months: m, fte, period: period as 1 | 2, leave });
            for (let k = t; k < Math.min(H, t + m); k++) {
              active[k]![r]!++;
              inPlace[k]![r]!++;
              activeMonths++;
            }
            for (let k = t + m; k < Math.min(H, t + m + leave); k++) inPlace[k]![r]!++; // on leave: in place, not active
            fteLeft -= m * fte;
            t += m + leave;
            const usedUp = fteLeft + 1e-9 < rules.minMonthsPerDoctor * fte;
            if (usedUp && period === 1 && u() < p.secondPeriodProbability![r]!) {
              period = 2; // a second period: the FTE months and the leave allowance start again
              fteLeft = rules.maxFteMonths;
              leaveLeft = rules.maxLeaveExtensionMonths;
            } else if (usedUp) break;
            else if (!(u() < p.chainProbability![r]!)) {
              givenBack[r]!++; // FTE months were left, but no new doctor came
              break;
            }
            for (let k = t; k < Math.min(H, t + gap); k++) inPlace[k]![r]!++;
            t += gap;
          }
          freed = t;
        }
        life.freed = freed;
        opts.onSlot?.(life);
        for (let k = decision; k < Math.min(H, freed); k++) held[k]![r]!++;
        if (freed < H) freedAt[freed]!++;
      }
      // The slots freed this month go to the next kommuner on the waiting list, in rank order.
      for (let k = 0; k < freedAt[decision]!; k++) {
        const next = waiting.find((w) => w.unmet > 0);
        if (!next || decision + realloc >= H) break;
        next.unmet--;
        reallocated[r]!++;
        decisionsAt[decision + realloc]!.push(next.app);
      }
    }
    utilisation[r] = activeMonths / (cap * H);
    for (let m = 0; m < H; m++) activeByYear[yearOfMonth[m]!]![r]! += active[m]![r]!;
  }
  return {
    decisionDate: section.decisionDate,
    months: H,
    replications: R,
    seed,
    cap,
    timeline: active.map((a, m) => ({ month: m, date: addMonths(section.decisionDate, m), held: band(held[m]!), inPlace: band(inPlace[m]!), active: band(a) })),
    utilisation: band(utilisation),
    doctorsServed: band(doctors),
    slotsGranted: band(granted),
    lapsed: band(lapsed),
    givenBack: band(givenBack),
    reallocated: band(reallocated),
    byHelseregion: outcomes(byRegion),
    bySentralitet: outcomes(bySentralitet),
    activeMonthsByYear: activeByYear.map((months, k) => ({ year: startYear + k, months, simulatedMonths: yearOfMonth.filter((y) => y === k).length })),
  };
}
