#!/usr/bin/env node
/**
 * Speed of introsim's allocation slot simulation (simulateSlots) against a baseline of the SAME model written the
 * obvious way in plain JavaScript, in one run.
 *
 *   node bench/slots-vs-baseline.mjs [--replications 10000] [--months 108] [--cap 65] [--repeats 5] [--seed 1]
 *                                    [--scenario FILE] [--applications FILE] [--no-whole] [--out results.json]
 *
 * 1. The problem: the 2022 applications, the default policy, the cap, the scenario's `allocation:` section with
 *    `months` overridden (default 108: 9 years), only the first round (no later rounds, no calibration: the baseline
 *    has neither) and slotRules(loadRuleCatalogue(), 0.5). Built once, outside the timings. Both draw every slot's
 *    and doctor's events (time to start, months, stillingsprosent, leave, gaps, reallocation delay) from the
 *    replication's parameters (eventSpread), and size grants by need (grantLimit).
 * 2. In process, best of --repeats after one warm-up each: (a) introsim's simulateSlots (per-replication parameters
 *    from its samplers, MT19937 per replication, Float64Array counters, typed-array percentiles); (b) the baseline
 *    below (mulberry32, PERT as a ratio of gammas, slots and months as JS objects, filter/sort for the waiting list,
 *    percentiles by arr.slice().sort((a, b) => a - b)). Both return the same summary (timeline bands, utilisation,
 *    doctors served, slots granted, active agreement-months by calendar year).
 * 3. Whole command, process start to exit, --repeats runs after one warm-up:
 *    `node bin/introsim.js allocate --applications … --scenario … --replications N --seed S --json`
 *    (it also prices the active months by year: the budget projection, the cost model once per year).
 * 4. Agreement: different random streams, so distributions are compared, not draws. Gated: the P50 of agreements in
 *    place in the month of August 2023 (month 14 from the decision 2022-06-15) within 2 agreements, the P50
 *    utilisation within 0.01 (both widened as 1/sqrt(replications) below 10 000), and the baseline's per-replication
 *    parameter draws against introsim's samplers (mean and median within 2 % of the range). A failed agreement check
 *    exits 1; speed never fails the run (exit 2: usage or environment error).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus } from "node:os";
import { dirname, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { fmtInt, fmtS, median, pad, padR, parseBenchArgs, say, usageExit } from "./lib.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

/** Tolerances of the gated rows at REF_REPLICATIONS (widened as 1/sqrt(replications) below it). */
const REF_REPLICATIONS = 10_000;
const TOL_IN_PLACE = 2; // agreements
const TOL_UTILISATION = 0.01; // share of cap × months
const TOL_PARAM = 0.02; // of the parameter's range (hoy − lav): ≥ 6 standard errors of a median difference at 10 000
const CHECK_DATE = "2023-08"; // the observed 34 of 65 (Helsedirektoratet, autumn 2023)
const NAIVE_CHECK_REPLICATIONS = 300; // the plain baseline is checked against the naive one on this many replications

// ---------------------------------------------------------------------------------------------------- arguments
const USAGE =
  "usage: node bench/slots-vs-baseline.mjs [--replications 10000] [--months 108] [--cap 65] [--repeats 5] [--seed 1] [--scenario FILE] [--applications FILE] [--no-whole] [--naive] [--out FILE]\n";
const usage = (err) => usageExit("slots-vs-baseline", USAGE, err);

function parseArgs(argv) {
  return parseBenchArgs(argv, {
    name: "slots-vs-baseline",
    usage: USAGE,
    defaults: {
      replications: 10_000,
      months: 108,
      cap: 65,
      repeats: 5,
      seed: 1,
      scenario: resolve(ROOT, "data/scenarios/standard.yaml"),
      applications: resolve(ROOT, "data/allocation/synthetic-applications-2022.csv"),
      whole: true,
      naive: false,
      out: null,
    },
    spec: {
      "--replications": ["replications", "int", 1],
      "--months": ["months", "int", 1],
      "--cap": ["cap", "int", 1],
      "--repeats": ["repeats", "int", 1],
      "--seed": ["seed", "int", 0],
      "--scenario": ["scenario", "path"],
      "--applications": ["applications", "path"],
      "--no-whole": ["whole", "off"],
      "--naive": ["naive", "on"],
      "--out": ["out", "path"],
    },
  });
}

// ---------------------------------------------------------------------------------------------------- helpers
const rel = (p) => relative(ROOT, p) || p;

/** The compiled library (dist/), built first if it is missing. */
function loadLibrary() {
  const entry = resolve(ROOT, "dist/index.js");
  if (!existsSync(entry)) {
    process.stderr.write("bench: dist/ is missing; building it with `npx tsc -p .` ...\n");
    execFileSync("npx", ["tsc", "-p", "."], { cwd: ROOT, stdio: "inherit" });
  }
  return require(entry);
}

/** Best and median of `repeats` timed calls after one warm-up call. */
function bestOf(repeats, fn) {
  let result = fn(); // warm-up (JIT, page faults)
  const times = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    result = fn();
    times.push((performance.now() - t0) / 1000);
  }
  return { times, best: Math.min(...times), median: median(times), result };
}

// ================================================================================================================
// The baseline: the same model, written the obvious way (plain JS objects, filter/sort, one seeded PRNG).
// Shared with introsim on purpose: the first round (allocateRound, deterministic, once per call). Everything random is drawn here, from its own generator: the per-replication parameters (PERT
// as lav + (hoy − lav)·X/(X+Y) with X ~ Gamma(alpha), Y ~ Gamma(beta), the exact PERT Beta(alpha, beta) with shape 4)
// and every slot event.
// ================================================================================================================

/** mulberry32 (Tommy Ettinger): a 32-bit seeded generator, uniform in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal by Box–Muller. */
function normal(rand) {
  const u1 = 1 - rand(); // (0, 1]
  const u2 = rand();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Gamma(shape, 1) for shape >= 1 (Marsaglia & Tsang 2000); PERT shapes are always >= 1. */
function gamma(rand, shape) {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x;
    let v;
    do {
      x = normal(rand);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rand();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** One draw of a distribution spec (the forms the baseline knows; others are refused before anything is timed). */
function drawSpec(spec, rand) {
  switch (spec.type) {
    case "fixed":
      return spec.value;
    case "uniform":
      return spec.min + (spec.max - spec.min) * rand();
    case "trippelestimat": {
      const { lav, mest_sannsynlig: mode, hoy } = spec;
      if (lav === hoy) return lav;
      if (spec.form === "triangel") {
        const u = rand();
        const f = (mode - lav) / (hoy - lav);
        return u < f ? lav + Math.sqrt(u * (hoy - lav) * (mode - lav)) : hoy - Math.sqrt((1 - u) * (hoy - lav) * (hoy - mode));
      }
      const alpha = 1 + (4 * (mode - lav)) / (hoy - lav);
      const beta = 1 + (4 * (hoy - mode)) / (hoy - lav);
      const x = gamma(rand, alpha);
      const y = gamma(rand, beta);
      return lav + ((hoy - lav) * x) / (x + y);
    }
    default:
      throw new Error(`the baseline samples fixed, uniform and trippelestimat only, not ${spec.type}`);
  }
}

/** The p-quantile with linear interpolation between order statistics (numpy's default). */
function percentile(values, p) {
  const sorted = values.slice().sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}
const bandOf = (values) => ({ p10: percentile(values, 0.1), p50: percentile(values, 0.5), p90: percentile(values, 0.9) });

/** The scenario's slot parameters: the distributions of the allocation section (not the date, horizon or file names). */
const paramNames = (section) => Object.keys(section).filter((k) => typeof section[k] === "object");

/**
 * The slot simulation, the obvious way. `order`: "chronological" hands the waiting list out in the order the slots
 * are freed, as simulateSlots does; "fifo" hands it out in the order the slots are simulated (the model before
 * 2026-11-23, kept as a variant for information).
 */
function baselineSimulate(lib, apps, policy, cap, section, rules, { replications, seed, order = "chronological" }) {
  const rand = mulberry32(seed);
  const H = section.months;
  const names = paramNames(section);
  const round = lib.allocateRound(apps, policy, cap);
  const appOf = (kommunenr) => apps.find((a) => a.kommunenr === kommunenr);
  const firstRound = round.decisions.flatMap((d) => new Array(d.granted).fill(d.kommunenr));
  const [y0, m0] = section.decisionDate.split("-").map(Number);
  const yearOfMonth = (m) => y0 + Math.floor((m0 - 1 + m) / 12);
  const years = [...new Set(Array.from({ length: H }, (_, m) => yearOfMonth(m)))];

  const results = [];
  for (let r = 0; r < replications; r++) {
    // Parameters drawn once per replication.
    const prm = {};
    for (const name of names) prm[name] = drawSpec(section[name], rand);
    // Events per slot and per doctor: the replication's value × (1 + eventSpread × T), T symmetric triangular on [−1, 1].
    const ev = (mu) => mu * (1 + prm.eventSpread * (rand() + rand() - 1));
    const fteOf = () => Math.min(1, Math.max(rules.minStillingsprosent, ev(prm.stillingsprosentShare)));

    const months = Array.from({ length: H }, (_, m) => ({ month: m, year: yearOfMonth(m), held: 0, inPlace: 0, active: 0 }));
    const waitingList = round.decisions.map((d) => ({
      kommunenr: d.kommunenr,
      rank: d.rank,
      unmet: lib.grantLimit(appOf(d.kommunenr), policy) - d.granted,
    }));
    const nextOnWaitingList = () => waitingList.filter((w) => w.unmet > 0).sort((a, b) => a.rank - b.rank)[0];

    /** One slot's life: recruitment or lapse at the deadline, then doctors one after another with gaps between. */
    const live = (slot) => {
      const life = { kommunenr: slot.app.kommunenr, decision: slot.decision, reallocated: slot.reallocated, doctors: [], gaps: [], freed: 0, ending: "" };
      const baseFail = slot.app.hasCandidate ? prm.recruitFailWithCandidate : prm.recruitFailWithoutCandidate;
      const failP = Math.min(1, baseFail + prm.recruitFailPerSentralitetStep * (slot.app.sentralitet - 1));
      const toStart = Math.max(0, Math.ceil(ev(prm.monthsToStart)));
      if (rand() < failP || toStart > rules.takeIntoUseMonths) {
        life.freed = slot.decision + rules.takeIntoUseMonths;
        life.ending = "lapsed";
        return life;
      }
      let t = slot.decision + toStart;
      let fteLeft = rules.maxFteMonths;
      let period = 1;
      let leaveLeft = rules.maxLeaveExtensionMonths;
      let fte = fteOf();
      while (true) {
        const m = Math.min(Math.max(rules.minMonthsPerDoctor, Math.round(ev(prm.monthsPerDoctor))), Math.floor(fteLeft / fte + 1e-9));
        const leave = rand() < prm.leaveProbabilityPerDoctor ? Math.min(leaveLeft, Math.max(0, Math.round(ev(prm.leaveMonths)))) : 0;
        leaveLeft -= leave;
        life.doctors.push({ start: t, months: m, fte, period });
        if (leave > 0) life.gaps.push({ start: t + m, months: leave }); // on leave: in place, not active
        fteLeft -= m * fte;
        t += m + leave;
        fte = fteOf();
        const usedUp = fteLeft + 1e-9 < rules.minMonthsPerDoctor * fte;
        if (usedUp && period === 1 && rand() < prm.secondPeriodProbability) {
          period = 2;
          fteLeft = rules.maxFteMonths;
          leaveLeft = rules.maxLeaveExtensionMonths;
        } else if (usedUp) {
          life.ending = "usedUp";
          break;
        } else if (!(rand() < prm.chainProbability)) {
          life.ending = "givenBack";
          break;
        }
        const gap = Math.max(0, Math.round(ev(prm.monthsBetweenDoctors)));
        life.gaps.push({ start: t, months: gap });
        t += gap;
      }
      life.freed = t;
      return life;
    };

    const lives = [];
    const successor = (life) => {
      const next = nextOnWaitingList();
      const realloc = Math.max(1, Math.round(ev(prm.reallocationDelayMonths)));
      if (next && life.freed + realloc < H) {
        next.unmet--;
        return { app: appOf(next.kommunenr), decision: life.freed + realloc, reallocated: true };
      }
      return null;
    };
    if (order === "fifo") {
      const slots = firstRound.map((k) => ({ app: appOf(k), decision: 0, reallocated: false }));
      for (let q = 0; q < slots.length; q++) {
        const life = live(slots[q]);
        lives.push(life);
        const s = successor(life);
        if (s) slots.push(s);
      }
    } else {
      let open = firstRound.map((k) => live({ app: appOf(k), decision: 0, reallocated: false }));
      lives.push(...open);
      while (open.length > 0) {
        open.sort((a, b) => a.freed - b.freed);
        const life = open.shift();
        const s = successor(life);
        if (s) {
          const l = live(s);
          lives.push(l);
          open.push(l);
        }
      }
    }

    // Monthly counts from the lives.
    for (const life of lives) {
      months.filter((mo) => mo.month >= life.decision && mo.month < life.freed).forEach((mo) => mo.held++);
      for (const d of life.doctors) {
        months
          .filter((mo) => mo.month >= d.start && mo.month < d.start + d.months)
          .forEach((mo) => {
            mo.active++;
            mo.inPlace++;
          });
      }
      for (const g of life.gaps) months.filter((mo) => mo.month >= g.start && mo.month < g.start + g.months).forEach((mo) => mo.inPlace++);
    }
    const activeMonths = months.reduce((s, mo) => s + mo.active, 0);
    results.push({
      params: prm,
      months,
      utilisation: activeMonths / (cap * H),
      doctorsServed: lives.reduce((s, l) => s + l.doctors.length, 0),
      slotsGranted: lives.length,
      lapsed: lives.filter((l) => l.ending === "lapsed").length,
      givenBack: lives.filter((l) => l.ending === "givenBack").length,
      reallocated: lives.filter((l) => l.reallocated).length,
      activeByYear: years.map((y) => months.filter((mo) => mo.year === y).reduce((s, mo) => s + mo.active, 0)),
    });
  }

  return {
    months: H,
    replications,
    timeline: Array.from({ length: H }, (_, m) => ({
      month: m,
      held: bandOf(results.map((x) => x.months[m].held)),
      inPlace: bandOf(results.map((x) => x.months[m].inPlace)),
      active: bandOf(results.map((x) => x.months[m].active)),
    })),
    utilisation: bandOf(results.map((x) => x.utilisation)),
    doctorsServed: bandOf(results.map((x) => x.doctorsServed)),
    slotsGranted: bandOf(results.map((x) => x.slotsGranted)),
    lapsed: bandOf(results.map((x) => x.lapsed)),
    givenBack: bandOf(results.map((x) => x.givenBack)),
    reallocated: bandOf(results.map((x) => x.reallocated)),
    activeMonthsByYear: years.map((y, k) => ({ year: y, months: bandOf(results.map((x) => x.activeByYear[k])) })),
    params: results.map((x) => x.params),
  };
}

/**
 * The slot simulation as a competent JavaScript programmer writes it plainly (issue 18): the same model, the same
 * generator and the same draws in the same order as baselineSimulate (so the two give the same numbers, checked
 * below), but monthly counts in Int32Arrays updated by a loop over each interval, the waiting list sorted by rank once
 * and scanned for the first kommune with unmet demand, the open slots scanned for the earliest freed one, kommuner by
 * Map, and every month's values in one Float64Array per measure, each band from one typed-array sort. This is the
 * reference of the ratio; baselineSimulate is kept as the naive version (objects, filter/sort per month).
 */
function baselinePlain(lib, apps, policy, cap, section, rules, { replications, seed }) {
  const rand = mulberry32(seed);
  const H = section.months;
  const R = replications;
  const names = paramNames(section);
  const round = lib.allocateRound(apps, policy, cap);
  const appBy = new Map(apps.map((a) => [a.kommunenr, a]));
  const firstRound = round.decisions.flatMap((d) => new Array(d.granted).fill(d.kommunenr));
  const [y0, m0] = section.decisionDate.split("-").map(Number);
  const yearOfMonth = (m) => y0 + Math.floor((m0 - 1 + m) / 12);
  const years = [...new Set(Array.from({ length: H }, (_, m) => yearOfMonth(m)))];
  const yearIndex = Int32Array.from({ length: H }, (_, m) => years.indexOf(yearOfMonth(m)));
  // Waiting list by rank, ties in decision order (what filter + a stable sort by rank picks first).
  const waiting = round.decisions
    .map((d) => ({ app: appBy.get(d.kommunenr), rank: d.rank, unmet0: lib.grantLimit(appBy.get(d.kommunenr), policy) - d.granted }))
    .sort((a, b) => a.rank - b.rank);
  const unmet = new Int32Array(waiting.length);

  const held = new Float64Array(H * R);
  const inPlace = new Float64Array(H * R);
  const active = new Float64Array(H * R);
  const per = {
    utilisation: new Float64Array(R),
    doctorsServed: new Float64Array(R),
    slotsGranted: new Float64Array(R),
    lapsed: new Float64Array(R),
    givenBack: new Float64Array(R),
    reallocated: new Float64Array(R),
  };
  const activeYear = years.map(() => new Float64Array(R));
  const params = [];
  const hm = new Int32Array(H);
  const ip = new Int32Array(H);
  const ac = new Int32Array(H);
  const add = (counts, from, to) => {
    for (let m = Math.max(0, from), end = Math.min(H, to); m < end; m++) counts[m]++;
  };

  for (let r = 0; r < R; r++) {
    const prm = {};
    for (const name of names) prm[name] = drawSpec(section[name], rand);
    params.push(prm);
    const ev = (mu) => mu * (1 + prm.eventSpread * (rand() + rand() - 1));
    const fteOf = () => Math.min(1, Math.max(rules.minStillingsprosent, ev(prm.stillingsprosentShare)));
    hm.fill(0);
    ip.fill(0);
    ac.fill(0);
    for (let w = 0; w < waiting.length; w++) unmet[w] = waiting[w].unmet0;
    let doctors = 0;
    let lapsed = 0;
    let givenBack = 0;
    let reallocated = 0;
    let granted = 0;

    /** One slot's life, counted into the months as it goes; returns the month it is freed. */
    const live = (app, decision, isRealloc) => {
      granted++;
      if (isRealloc) reallocated++;
      const baseFail = app.hasCandidate ? prm.recruitFailWithCandidate : prm.recruitFailWithoutCandidate;
      const failP = Math.min(1, baseFail + prm.recruitFailPerSentralitetStep * (app.sentralitet - 1));
      const toStart = Math.max(0, Math.ceil(ev(prm.monthsToStart)));
      if (rand() < failP || toStart > rules.takeIntoUseMonths) {
        lapsed++;
        add(hm, decision, decision + rules.takeIntoUseMonths);
        return decision + rules.takeIntoUseMonths;
      }
      let t = decision + toStart;
      let fteLeft = rules.maxFteMonths;
      let period = 1;
      let leaveLeft = rules.maxLeaveExtensionMonths;
      let fte = fteOf();
      for (;;) {
        const m = Math.min(Math.max(rules.minMonthsPerDoctor, Math.round(ev(prm.monthsPerDoctor))), Math.floor(fteLeft / fte + 1e-9));
        const leave = rand() < prm.leaveProbabilityPerDoctor ? Math.min(leaveLeft, Math.max(0, Math.round(ev(prm.leaveMonths)))) : 0;
        leaveLeft -= leave;
        doctors++;
        add(ac, t, t + m);
        add(ip, t, t + m);
        if (leave > 0) add(ip, t + m, t + m + leave);
        fteLeft -= m * fte;
        t += m + leave;
        fte = fteOf();
        const usedUp = fteLeft + 1e-9 < rules.minMonthsPerDoctor * fte;
        if (usedUp && period === 1 && rand() < prm.secondPeriodProbability) {
          period = 2;
          fteLeft = rules.maxFteMonths;
          leaveLeft = rules.maxLeaveExtensionMonths;
        } else if (usedUp) break;
        else if (!(rand() < prm.chainProbability)) {
          givenBack++;
          break;
        }
        const gap = Math.max(0, Math.round(ev(prm.monthsBetweenDoctors)));
        add(ip, t, t + gap);
        t += gap;
      }
      add(hm, decision, t);
      return t;
    };

    // Open slots by the month they are freed; the earliest first, ties in the order they were opened.
    const open = firstRound.map((k) => live(appBy.get(k), 0, false));
    while (open.length > 0) {
      let best = 0;
      for (let i = 1; i < open.length; i++) if (open[i] < open[best]) best = i;
      const freed = open[best];
      open.splice(best, 1);
      let next = -1;
      for (let w = 0; w < waiting.length; w++)
        if (unmet[w] > 0) {
          next = w;
          break;
        }
      const realloc = Math.max(1, Math.round(ev(prm.reallocationDelayMonths)));
      if (next >= 0 && freed + realloc < H) {
        unmet[next]--;
        open.push(live(waiting[next].app, freed + realloc, true));
      }
    }

    let activeMonths = 0;
    for (let m = 0; m < H; m++) {
      held[m * R + r] = hm[m];
      inPlace[m * R + r] = ip[m];
      active[m * R + r] = ac[m];
      activeMonths += ac[m];
      activeYear[yearIndex[m]][r] += ac[m];
    }
    per.utilisation[r] = activeMonths / (cap * H);
    per.doctorsServed[r] = doctors;
    per.slotsGranted[r] = granted;
    per.lapsed[r] = lapsed;
    per.givenBack[r] = givenBack;
    per.reallocated[r] = reallocated;
  }

  const band = (values) => {
    const s = values.slice().sort();
    const q = (p) => {
      const h = (s.length - 1) * p;
      const lo = Math.floor(h);
      return lo + 1 < s.length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
    };
    return { p10: q(0.1), p50: q(0.5), p90: q(0.9) };
  };
  const month = (arr, m) => arr.subarray(m * R, (m + 1) * R);
  return {
    months: H,
    replications,
    timeline: Array.from({ length: H }, (_, m) => ({ month: m, held: band(month(held, m)), inPlace: band(month(inPlace, m)), active: band(month(active, m)) })),
    utilisation: band(per.utilisation),
    doctorsServed: band(per.doctorsServed),
    slotsGranted: band(per.slotsGranted),
    lapsed: band(per.lapsed),
    givenBack: band(per.givenBack),
    reallocated: band(per.reallocated),
    activeMonthsByYear: years.map((y, k) => ({ year: y, months: band(activeYear[k]) })),
    params,
  };
}

// ================================================================================================================
// Agreement
// ================================================================================================================

/** The baseline's parameter draws against introsim's own samplers (the streams simulateSlots uses). */
function parameterRows(lib, section, seed, baselineParams, tolScale) {
  const n = baselineParams.length;
  return paramNames(section).map((name) => {
    const spec = section[name];
    const ours = new Float64Array(n);
    lib.createSampler(spec, seed, `allocation.${name}`).fill(ours);
    const theirs = Float64Array.from(baselineParams.map((p) => p[name]));
    const [lo, hi] = lib.support(spec);
    const range = hi - lo || 1;
    const mean = (x) => x.reduce((s, v) => s + v, 0) / x.length;
    const a = { mean: mean(ours), p50: percentile(Array.from(ours), 0.5) };
    const b = { mean: mean(theirs), p50: percentile(Array.from(theirs), 0.5) };
    const diff = Math.max(Math.abs(a.mean - b.mean), Math.abs(a.p50 - b.p50)) / range;
    return { name, a, b, diffOfRange: diff, tol: TOL_PARAM * tolScale, ok: diff <= TOL_PARAM * tolScale };
  });
}

function agreement(lib, js, base, section, seed, checkMonth, replications) {
  const tolScale = replications >= REF_REPLICATIONS ? 1 : Math.sqrt(REF_REPLICATIONS / replications);
  const t = js.timeline[checkMonth];
  const b = base.timeline[checkMonth];
  const row = (what, a, bb, tol, digits) => ({
    what,
    a,
    b: bb,
    diff: Math.abs(a - bb),
    tol,
    digits,
    gate: tol != null,
    ok: tol == null || Math.abs(a - bb) <= tol,
  });
  const rows = [
    row(`in place ${t.date.slice(0, 7)} P50`, t.inPlace.p50, b.inPlace.p50, TOL_IN_PLACE * tolScale, 1),
    row("utilisation P50", js.utilisation.p50, base.utilisation.p50, TOL_UTILISATION * tolScale, 4),
    row(`in place ${t.date.slice(0, 7)} P10`, t.inPlace.p10, b.inPlace.p10, null, 1),
    row(`in place ${t.date.slice(0, 7)} P90`, t.inPlace.p90, b.inPlace.p90, null, 1),
    row(`held ${t.date.slice(0, 7)} P50`, t.held.p50, b.held.p50, null, 1),
    row(`active ${t.date.slice(0, 7)} P50`, t.active.p50, b.active.p50, null, 1),
    row("utilisation P10", js.utilisation.p10, base.utilisation.p10, null, 4),
    row("utilisation P90", js.utilisation.p90, base.utilisation.p90, null, 4),
    row("doctors served P50", js.doctorsServed.p50, base.doctorsServed.p50, null, 1),
    row("slots granted P50", js.slotsGranted.p50, base.slotsGranted.p50, null, 1),
    // Counted by simulateSlots since 2026-11-23 (commit 59b90bd); shown when the library reports them.
    ...["lapsed", "givenBack", "reallocated"]
      .filter((k) => js[k])
      .map((k) => row(`${k === "givenBack" ? "given back" : k} P50`, js[k].p50, base[k].p50, null, 1)),
    ...js.activeMonthsByYear.map((y, k) =>
      row(`active months ${y.year} P50`, percentile(Array.from(y.months), 0.5), base.activeMonthsByYear[k].months.p50, null, 1),
    ),
  ];
  let worst = { month: 0, diff: 0 };
  for (let m = 0; m < js.months; m++) {
    const d = Math.abs(js.timeline[m].inPlace.p50 - base.timeline[m].inPlace.p50);
    if (d > worst.diff) worst = { month: m, date: js.timeline[m].date, diff: d };
  }
  const params = parameterRows(lib, section, seed, base.params, tolScale);
  const ok = rows.every((r) => r.ok) && params.every((p) => p.ok);
  return { tolScale, rows, worstInPlaceP50: worst, params, ok };
}

// ================================================================================================================
// main
// ================================================================================================================
function main() {
  const o = parseArgs(process.argv.slice(2));
  const L = loadLibrary();

  // ------------------------------------------------------------------ the problem (outside the timings)
  const params = L.loadParams();
  const { scenario } = L.loadScenario(o.scenario, params);
  if (!scenario.allocation) usage(`${rel(o.scenario)} has no allocation: section`);
  // Only the first round (the baseline has no later rounds) and no calibration: the same model in both.
  const { rounds: _rounds, calibration: _calibration, tariffRegulationPerYear: _regulation, ...firstRoundOnly } = scenario.allocation;
  const section = { ...firstRoundOnly, months: o.months };
  for (const name of paramNames(section)) {
    if (!["fixed", "uniform", "trippelestimat"].includes(section[name].type))
      usage(`allocation.${name} is ${section[name].type}; the baseline samples fixed, uniform and trippelestimat only`);
  }
  const apps = L.readApplications(o.applications).applications;
  const policy = L.DEFAULT_POLICY;
  const rules = L.slotRules(L.loadRuleCatalogue(), 0.5);
  const R = o.replications;
  const opts = { replications: R, seed: o.seed };

  const cpu = cpus();
  say(
    `introsim vs baseline: slot simulation, ${o.cap} slots, ${o.months} months from ${section.decisionDate}, ${fmtInt(R)} replications, seed ${o.seed}, best of ${o.repeats} after 1 warm-up`,
  );
  say(
    `applications ${rel(o.applications)} (${apps.length} kommuner), scenario ${rel(o.scenario)}; machine: ${cpu.length} × ${cpu[0]?.model ?? "?"}; node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
  );
  say();

  // ------------------------------------------------------------------ in process
  // The plain baseline must reproduce the naive one exactly (same draws in the same order): checked before timing.
  const small = { ...opts, replications: Math.min(R, NAIVE_CHECK_REPLICATIONS) };
  const plainSame =
    JSON.stringify(baselinePlain(L, apps, policy, o.cap, section, rules, small)) ===
    JSON.stringify(baselineSimulate(L, apps, policy, o.cap, section, rules, small));
  if (!plainSame) {
    say(`RESULT: the plain baseline does not reproduce the naive one at ${fmtInt(small.replications)} replications: no ratio.`);
    process.exitCode = 1;
    return;
  }
  // Interleaved (A B A B …) so drift of a shared machine hits both alike.
  const js = { times: [], cpu: [], result: null };
  const base = { times: [], cpu: [], result: null };
  for (let k = 0; k <= o.repeats; k++)
    for (const [side, fn] of [
      [js, () => L.simulateSlots(apps, policy, o.cap, section, rules, opts)],
      [base, () => baselinePlain(L, apps, policy, o.cap, section, rules, opts)],
    ]) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      side.result = fn();
      const c = process.cpuUsage(c0);
      if (k > 0) {
        side.times.push((performance.now() - t0) / 1000);
        side.cpu.push((c.user + c.system) / 1e6);
      }
    }
  for (const side of [js, base]) Object.assign(side, { best: Math.min(...side.times), median: median(side.times), cpuBest: Math.min(...side.cpu) });
  const naive = o.naive ? bestOf(o.repeats, () => baselineSimulate(L, apps, policy, o.cap, section, rules, opts)) : null;
  const rps = (s) => R / s;
  const ratio = rps(js.best) / rps(base.best);
  const ratioCpu = base.cpuBest / js.cpuBest;
  const W = 60;
  say("In process: per-replication parameters + slot lives + monthly counts + summary (P10/P50/P90 of every month)");
  say(`  ${padR("", W)}${pad("best s", 9)}${pad("median s", 10)}${pad("CPU s (best)", 14)}${pad("repl./s (best)", 16)}`);
  say(`  ${padR("introsim simulateSlots", W)}${pad(fmtS(js.best), 9)}${pad(fmtS(js.median), 10)}${pad(fmtS(js.cpuBest), 14)}${pad(fmtInt(rps(js.best)), 16)}`);
  say(
    `  ${padR("baseline, written plainly (typed arrays, loops, mulberry32)", W)}${pad(fmtS(base.best), 9)}${pad(fmtS(base.median), 10)}${pad(fmtS(base.cpuBest), 14)}${pad(fmtInt(rps(base.best)), 16)}`,
  );
  if (naive)
    say(
      `  ${padR("naive baseline, for information (objects, filter/sort per month)", W)}${pad(fmtS(naive.best), 9)}${pad(fmtS(naive.median), 10)}${pad("", 14)}${pad(fmtInt(rps(naive.best)), 16)}`,
    );
  say(`  ${padR("ratio introsim/plain baseline, repl./s (> 1: introsim faster)", W)}${pad("", 33)}${pad(ratio.toFixed(2), 16)}`);
  say(`  ${padR("ratio of CPU seconds, plain baseline / introsim", W)}${pad("", 33)}${pad(ratioCpu.toFixed(2), 16)}`);
  say(`  plain baseline = naive baseline, bit for bit, at ${fmtInt(small.replications)} replications: yes`);
  say(`  peak memory of this process so far: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  say();

  // ------------------------------------------------------------------ agreement
  const checkMonth = js.result.timeline.findIndex((t) => t.date.startsWith(CHECK_DATE));
  if (checkMonth < 0) usage(`the horizon (${o.months} months from ${section.decisionDate}) does not reach ${CHECK_DATE}`);
  const ag = agreement(L, js.result, base.result, section, o.seed, checkMonth, R);
  say(`Agreement (different random streams, so distributions not draws; tolerances × ${ag.tolScale.toFixed(2)} at ${fmtInt(R)} replications)`);
  say(`  ${padR("", 32)}${pad("introsim", 14)}${pad("baseline", 14)}${pad("|diff|", 12)}${pad("tolerance", 11)}   check`);
  for (const r of ag.rows) {
    const f = (x) => (r.digits === 0 ? fmtInt(x) : x.toFixed(r.digits));
    say(
      `  ${padR(r.what, 32)}${pad(f(r.a), 14)}${pad(f(r.b), 14)}${pad(f(r.diff), 12)}${pad(r.gate ? f(r.tol) : "", 11)}   ${r.gate ? (r.ok ? "ok" : "FAIL") : "(info)"}`,
    );
  }
  const w = ag.worstInPlaceP50;
  say(`  ${padR("largest |diff| of in-place P50 over all months", 46)}${pad(w.diff.toFixed(1), 12)}   (info${w.diff > 0 ? `, ${w.date.slice(0, 7)}` : ""})`);
  say("  parameters drawn per replication (mean and median, |diff| as a share of lav–hoy):");
  for (const p of ag.params) {
    say(
      `    ${padR(p.name, 30)}${pad(p.a.mean.toFixed(4), 14)}${pad(p.b.mean.toFixed(4), 14)}${pad((100 * p.diffOfRange).toFixed(2) + " %", 12)}${pad((100 * p.tol).toFixed(2) + " %", 11)}   ${p.ok ? "ok" : "FAIL"}`,
    );
  }
  // A model variant, for information: the waiting list handed out in the order slots are simulated (not gated).
  const fifo = baselineSimulate(L, apps, policy, o.cap, section, rules, { ...opts, order: "fifo" });
  const ft = fifo.timeline[checkMonth];
  const t14 = () => js.result.timeline[checkMonth].date.slice(0, 7);
  say("  variant (info, baseline only, not introsim's model): freed slots reallocated in the order they are simulated rather");
  say(
    `    than the order they are freed: in place ${t14(ft)} P50 ${ft.inPlace.p50.toFixed(1)} (chronological ${base.result.timeline[checkMonth].inPlace.p50.toFixed(1)}), utilisation P50 ${fifo.utilisation.p50.toFixed(4)} (chronological ${base.result.utilisation.p50.toFixed(4)}), doctors served P50 ${fifo.doctorsServed.p50.toFixed(1)}`,
  );
  say();

  // ------------------------------------------------------------------ whole command
  let whole = null;
  let wholeError = null;
  if (o.whole) {
    const args = [
      "bin/introsim.js",
      "allocate",
      "--applications",
      rel(o.applications),
      "--scenario",
      rel(o.scenario),
      "--replications",
      String(R),
      "--seed",
      String(o.seed),
      "--json",
    ];
    if (o.months !== 60 || o.cap !== 65) args.push("--months", String(o.months), "--cap", String(o.cap));
    const command = `node ${args.join(" ")}`;
    const times = [];
    let report;
    for (let r = 0; r <= o.repeats && !wholeError; r++) {
      const t0 = performance.now();
      const p = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
      const seconds = (performance.now() - t0) / 1000;
      if (p.error || p.status !== 0) wholeError = `${command} failed (${p.error?.message ?? `exit ${p.status ?? p.signal}`}): ${String(p.stderr).trim()}`;
      else if (r === 0)
        report = JSON.parse(p.stdout); // warm-up (file cache); its output is checked below
      else times.push(seconds);
    }
    if (wholeError) {
      say(`Whole command: ${wholeError}`);
      say("  (not counted against the agreement; exit status 2)");
    } else {
      const same = ["timeline", "utilisation"].every((k) => JSON.stringify(report[k]) === JSON.stringify(js.result[k]));
      whole = { command, times, best: Math.min(...times), median: median(times), sameAsInProcess: same };
      say(`Whole command, process start to exit (${o.repeats} runs after 1 warm-up; includes the budget projection by year)`);
      say(`  ${command}`);
      say(`  ${padR("", W)}${pad("best s", 9)}${pad("median s", 10)}${pad("repl./s (median)", 18)}`);
      say(`  ${padR("introsim allocate --scenario --json", W)}${pad(fmtS(whole.best), 9)}${pad(fmtS(whole.median), 10)}${pad(fmtInt(R / whole.median), 18)}`);
      say(`  CLI timeline and utilisation equal the in-process simulateSlots result (same seed): ${same ? "yes" : "no"}`);
    }
    say();
  }

  say(
    ag.ok
      ? "RESULT: the two implementations agree (same model). Speed figures are informative only."
      : "RESULT: the implementations DISAGREE: the baseline does not implement introsim's model (or the model changed).",
  );

  if (o.out) {
    const results = {
      date: new Date().toISOString(),
      machine: { cpus: cpu.length, model: cpu[0]?.model, node: process.version },
      options: {
        replications: R,
        months: o.months,
        cap: o.cap,
        repeats: o.repeats,
        seed: o.seed,
        scenario: rel(o.scenario),
        applications: rel(o.applications),
      },
      inProcess: {
        introsim: { times: js.times, best: js.best, median: js.median, replicationsPerSecond: rps(js.best) },
        introsimCpuBest: js.cpuBest,
        baseline: { kind: "plain", times: base.times, best: base.best, median: base.median, cpuBest: base.cpuBest, replicationsPerSecond: rps(base.best) },
        naive: naive ? { times: naive.times, best: naive.best, median: naive.median, replicationsPerSecond: rps(naive.best) } : null,
        ratioIntrosimOverBaseline: ratio,
        ratioCpu,
      },
      whole: whole ?? (wholeError ? { error: wholeError } : null),
      agreement: { ...ag, variantFifo: { inPlaceP50: ft.inPlace.p50, utilisationP50: fifo.utilisation.p50, doctorsServedP50: fifo.doctorsServed.p50 } },
    };
    writeFileSync(o.out, JSON.stringify(results, null, 2) + "\n");
    say(`results written to ${o.out}`);
  }
  process.exitCode = !ag.ok ? 1 : wholeError ? 2 : 0;
}

try {
  main();
} catch (e) {
  const userError = e && (e.name === "UserError" || e.constructor?.name === "UserError");
  process.stderr.write(`slots-vs-baseline: ${userError || !e?.stack ? (e?.message ?? e) : e.stack}\n`);
  process.exit(2);
}
