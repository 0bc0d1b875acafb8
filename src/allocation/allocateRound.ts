/**
 * One allocation round, explainable decision by decision.
 *
 *   rank: main purpose first (a), then priority score = doctors needing specialisation × (1 + lowSentralitetWeight
 *         when sentralitet ≥ lowSentralitetFrom) (b, c), then more doctors, then kommunenr (a stable tie-break)
 *   geography (c): each helseregion's best-ranked applications first get up to minPerHelseregion slots
 *   tier 1: main-purpose applications, one slot each per pass in rank order, until met or the cap is reached
 *   tier 2: the others, the same way
 * A kommune never gets more than it requested (nor more than maxPerKommune, nor, with sizeByNeed, more than the doctors it
 * states need specialisation: criterion (b) as a size); the total never exceeds the cap.
 */
import { formatNumber } from "../format/norwegian";
import { HELSEREGIONER } from "../register/helseregion";
import type { Application } from "./applications";
import type { AllocationPolicy } from "./policy";
import { nounFor } from "../i18n/plural";

export interface AllocationDecision {
  kommunenr: string;
  kommune: string;
  helseregion: string;
  round: number;
  requested: number;
  granted: number;
  rank: number;
  mainPurpose: boolean;
  score: number;
  /** Of `granted`, the slots reserved by the minimum per helseregion. */
  geographic: number;
  /** Why, in Norwegian, in one sentence a person can read. */
  reason: string;
}

export interface AllocationResult {
  cap: number;
  decisions: AllocationDecision[];
  totals: { requested: number; granted: number; byHelseregion: Record<string, { requested: number; granted: number }> };
}

export function priorityScore(a: Application, p: AllocationPolicy): number {
  return a.doctorsNeedingSpecialisation * (1 + (a.sentralitet >= p.lowSentralitetFrom ? p.lowSentralitetWeight : 0));
}

/** Applications in priority order (the ranking the decisions refer to). */
export function rankApplications(apps: ReadonlyArray<Application>, p: AllocationPolicy): Application[] {
  return [...apps].sort(
    (x, y) =>
      Number(y.mainPurpose) - Number(x.mainPurpose) ||
      priorityScore(y, p) - priorityScore(x, p) ||
      y.doctorsNeedingSpecialisation - x.doctorsNeedingSpecialisation ||
      (x.kommunenr < y.kommunenr ? -1 : x.kommunenr > y.kommunenr ? 1 : 0),
  );
}

/** The most a ranked application can get: what it requested, the cap per kommune and, with sizeByNeed, the doctors in need. */
export function grantLimit(a: Pick<Application, "requested" | "doctorsNeedingSpecialisation">, p: AllocationPolicy): number {
  return Math.min(a.requested, p.maxPerKommune ?? Infinity, p.sizeByNeed ? a.doctorsNeedingSpecialisation : Infinity);
}

/**
 * The slots each application gets, in the order given (which must be rank order): the geographic minimum, then
 * tier 1 (main purpose) and tier 2 round-robin, one slot per pass, until every limit is met or `cap` slots are given.
 * Plain arrays, no messages: the slot simulation calls this in every round of every replication.
 */
export function grantSlots(ranked: ReadonlyArray<Application>, policy: AllocationPolicy, cap: number): { granted: Int32Array; geographic: Int32Array } {
  const n = ranked.length;
  const granted = new Int32Array(n);
  const geographic = new Int32Array(n);
  const limit = ranked.map((a) => grantLimit(a, policy));
  let remaining = cap;
  /** Round-robin passes over the indices in `group`; stops after `most` slots. */
  const passes = (group: number[], most: number, geo: boolean) => {
    let given = 0;
    for (let progress = true; progress && remaining > 0 && given < most;) {
      progress = false;
      for (const k of group) {
        if (remaining === 0 || given >= most) break;
        if (granted[k]! < limit[k]!) {
          granted[k]!++;
          if (geo) geographic[k]!++;
          remaining--;
          given++;
          progress = true;
        }
      }
    }
  };
  const idx = ranked.map((_, k) => k);
  if (policy.minPerHelseregion > 0)
    for (const region of HELSEREGIONER)
      passes(
        idx.filter((k) => ranked[k]!.helseregion === region),
        policy.minPerHelseregion,
        true,
      );
  passes(
    idx.filter((k) => ranked[k]!.mainPurpose),
    Infinity,
    false,
  );
  passes(
    idx.filter((k) => !ranked[k]!.mainPurpose),
    Infinity,
    false,
  );
  return { granted, geographic };
}

export function allocateRound(apps: ReadonlyArray<Application>, policy: AllocationPolicy, cap: number): AllocationResult {
  const ranked = rankApplications(apps, policy);
  const g0 = grantSlots(ranked, policy, cap);
  const granted = new Map<Application, number>(ranked.map((a, k) => [a, g0.granted[k]!]));
  const geographic = new Map<Application, number>(ranked.map((a, k) => [a, g0.geographic[k]!]));
  const limit = (a: Application) => grantLimit(a, policy);

  const decisions = ranked.map((a, k): AllocationDecision => {
    const g = granted.get(a)!;
    const why = `${a.mainPurpose ? "hovedformål" : "ikke hovedformål"}, ${formatNumber(a.doctorsNeedingSpecialisation, 0)} ${nounFor(a.doctorsNeedingSpecialisation, "lege", "leger")} trenger spesialisering${a.sentralitet >= policy.lowSentralitetFrom && policy.lowSentralitetWeight > 0 ? `, sentralitet ${a.sentralitet} vektet` : ""} (rang ${k + 1})`;
    const geo = geographic.get(a)! > 0 ? `; ${geographic.get(a)} av dem etter minstekravet per helseregion` : "";
    let reason: string;
    const byNeed = policy.sizeByNeed && a.doctorsNeedingSpecialisation < Math.min(a.requested, policy.maxPerKommune ?? Infinity);
    if (g === a.requested) reason = `Fikk alle ${a.requested}: ${why}${geo}.`;
    else if (g === limit(a) && byNeed && g === 0)
      reason = `Ikke tildelt: kommunen oppgir ingen leger som trenger spesialisering, og tildelingen følger behovet (kriterium b); ${why}.`;
    else if (g === limit(a) && byNeed)
      reason = `Fikk ${g} av ${a.requested}: én per lege kommunen oppgir trenger spesialisering (tildeling etter behov, kriterium b); ${why}${geo}.`;
    else if (g === limit(a)) reason = `Fikk ${g} av ${a.requested}: taket per kommune er ${policy.maxPerKommune}; ${why}${geo}.`;
    else if (g > 0) reason = `Fikk ${g} av ${a.requested}: det nasjonale taket på ${cap} ble nådd; ${why}${geo}.`;
    else reason = `Ikke tildelt: det nasjonale taket på ${cap} ble nådd før ${why}.`;
    return {
      kommunenr: a.kommunenr,
      kommune: a.kommune,
      helseregion: a.helseregion,
      round: a.round,
      requested: a.requested,
      granted: g,
      rank: k + 1,
      mainPurpose: a.mainPurpose,
      score: priorityScore(a, policy),
      geographic: geographic.get(a)!,
      reason,
    };
  });
  const byHelseregion: AllocationResult["totals"]["byHelseregion"] = {};
  for (const d of decisions) {
    const r = (byHelseregion[d.helseregion] ??= { requested: 0, granted: 0 });
    r.requested += d.requested;
    r.granted += d.granted;
  }
  return {
    cap,
    decisions,
    totals: { requested: decisions.reduce((s, d) => s + d.requested, 0), granted: decisions.reduce((s, d) => s + d.granted, 0), byHelseregion },
  };
}
