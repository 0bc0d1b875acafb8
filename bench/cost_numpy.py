#!/usr/bin/env python3
"""
introsim's Monte Carlo cost model re-implemented in plain numpy, from the problem introsim resolved itself
(bench/export-problem.mjs writes it: every input's distribution spec and bounds, and the kernel layout). It is the
reference point of bench/cost-vs-numpy.mjs: "how fast would the obvious vectorised numpy version of the same model be?"

  python3 bench/cost_numpy.py --problem $TMPDIR/introsim-bench/problem-standard.json --draws 1000000 --seed 1 [--repeats 5] [--warmup 1]

Sampling (numpy.random.Generator, default_rng(seed)), one input after the other, all draws at once:
  trippelestimat PERT   lav + (hoy - lav) * rng.beta(alpha, beta),  alpha = 1 + 4 (m - lav)/(hoy - lav),
                        beta = 1 + 4 (hoy - m)/(hoy - lav)
  trippelestimat triangel   rng.triangular(lav, m, hoy)
  normal / lognormal    from the 90 % interval: mu = (p5 + p95)/2, sigma = (p95 - p5)/(2 z0.95) (on the log scale for
                        the lognormal), clamped to the input's bounds (as introsim does)
  uniform               rng.uniform(min, max)
  empirical             rng.choice(values)
  fixed                 np.full
Kernel: the formulas of src/cost/costKernel.ts, vectorised. Summary: mean of every component, sd of net (n - 1),
P10/P50/P85/P90 of net with np.quantile (linear interpolation, numpy's default, the same as simple-statistics'
quantileSorted used by introsim), share of draws above the 500 000 kr reference.

The timed part is sampling + kernel + summary (best of --repeats after --warmup runs); Python start-up, the numpy
import and the JSON read are outside it. Prints one JSON line with the figures, the best time and, separately, the
time since the process started (Linux only) and the script's own wall time.
"""
import argparse
import json
import os
import sys
import tempfile
import time

T_SCRIPT = time.perf_counter()

import numpy as np  # noqa: E402  (imported after the clock starts, so its import time is in scriptSeconds)
from statistics import NormalDist  # noqa: E402
from scipy.special import ndtri  # noqa: E402

Z95 = NormalDist().inv_cdf(0.95)
PERCENTILES = (0.10, 0.50, 0.85, 0.90)


def process_age_seconds():
    """Seconds since this process was started (Linux /proc; None elsewhere). Resolution: one clock tick (10 ms)."""
    try:
        with open("/proc/self/stat") as f:
            stat = f.read()
        start_ticks = int(stat.rsplit(")", 1)[1].split()[19])  # field 22 (starttime), counted after "pid (comm)"
        with open("/proc/uptime") as f:
            uptime = float(f.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def num(x):
    """A bound as written by export-problem.mjs: a number or the strings "Infinity" / "-Infinity"."""
    return float(x)


def normal_from_90(p5, p95):
    return (p5 + p95) / 2.0, (p95 - p5) / (2.0 * Z95)


def pert_shape(lav, m, hoy):
    r = hoy - lav
    return 1.0 + 4.0 * (m - lav) / r, 1.0 + 4.0 * (hoy - m) / r


def check_derived(inp):
    """The numpy side derives shape parameters itself; they must equal what introsim derived (sanity of the port)."""
    spec, d = inp["spec"], inp.get("derived") or {}
    t = spec["type"]
    if t == "trippelestimat" and spec["lav"] < spec["hoy"] and spec.get("form", "pert") == "pert":
        mine = dict(zip(("alpha", "beta"), pert_shape(spec["lav"], spec["mest_sannsynlig"], spec["hoy"])))
    elif t == "normal":
        mine = dict(zip(("mu", "sigma"), normal_from_90(spec["p5"], spec["p95"])))
    elif t == "lognormal":
        mine = dict(zip(("mu", "sigma"), normal_from_90(np.log(spec["p5"]), np.log(spec["p95"]))))
    else:
        return
    for k, v in mine.items():
        if not np.isclose(v, d[k], rtol=1e-9, atol=0):
            raise SystemExit(f"cost_numpy: {inp['name']}: {k} = {v} here but {d[k]} in introsim")


def table_lookup(grid, values, cells, how):
    """Linear interpolation in a table on the uniform grid j / cells: np.interp (a binary search per value), or, by
    default, the cell index computed directly (the grid is uniform; the same arithmetic introsim inlines, ~16x faster
    than np.interp per value on this machine)."""
    if how == "interp":
        return lambda u: np.interp(u, grid, values)
    diffs = np.append(np.diff(values), 0.0)

    def q(u):
        g = u * cells
        j = g.astype(np.intp)
        g -= j
        g *= diffs[j]
        g += values[j]
        return g

    return q


def sampler(inp, cells, tail_cells, how="index"):
    """Inverse CDF of one input as a vectorised function of u (None for a fixed input), introsim's method:
    PERT through introsim's exported table with np.interp; normal/lognormal through the table inside the tails and
    scipy's exact quantile in the outer tail cells, clamped to the bounds; triangular, uniform, empirical in closed form."""
    spec = inp["spec"]
    t = spec["type"]
    if t == "fixed" or (t == "trippelestimat" and spec["lav"] == spec["hoy"]) or (t == "uniform" and spec["min"] == spec["max"]):
        return None
    table = inp.get("table")
    if table is not None:
        values = np.asarray([float(v) for v in table], dtype=np.float64)
        grid = np.linspace(0.0, 1.0, cells + 1)
        if t == "trippelestimat":
            return table_lookup(grid, values, cells, how)
        lo, hi = tail_cells / cells, (cells - tail_cells) / cells
        lower, upper = num(inp["lower"]), num(inp["upper"])
        p5, p95 = (spec["p5"], spec["p95"]) if t == "normal" else (np.log(spec["p5"]), np.log(spec["p95"]))
        mu, sigma = normal_from_90(p5, p95)
        inner = table_lookup(grid, np.where(np.isfinite(values), values, 0.0), cells, how)

        def q(u):
            x = inner(u)
            tails = (u < lo) | (u >= hi)
            if tails.any():
                z = mu + sigma * ndtri(u[tails])
                x[tails] = np.exp(z) if t == "lognormal" else z
            return np.clip(x, lower, upper, out=x)

        return q
    if t == "trippelestimat":  # triangular, closed form
        a, m, b = spec["lav"], spec["mest_sannsynlig"], spec["hoy"]
        fc = (m - a) / (b - a)
        return lambda u: np.where(u < fc, a + np.sqrt(u * (b - a) * (m - a)), b - np.sqrt((1.0 - u) * (b - a) * (b - m)))
    if t == "uniform":
        a, b = spec["min"], spec["max"]
        return lambda u: a + (b - a) * u
    if t == "empirical":
        v = np.sort(np.asarray(spec["values"], dtype=np.float64))
        return lambda u: v[np.minimum(len(v) - 1, (u * len(v)).astype(np.int64))]
    raise SystemExit(f"cost_numpy: unknown distribution type {t!r} for {inp['name']}")


def fixed_value(spec):
    t = spec["type"]
    return float(spec["value"] if t == "fixed" else spec["lav"] if t == "trippelestimat" else spec["min"])


def term(t, cols, n):
    """A LinearTerm: constant + sum of weight * column."""
    out = np.full(n, float(t["constant"]))
    for p in t["parts"]:
        out += p["weight"] * cols[p["index"]]
    return out


def backfill_ramp_average(ramp_months, start, end):
    """Mean of min(1, t / rampMonths) for t from start to end months (src/cost/costKernel.ts backfillRampAverage)."""
    if not end > start:
        return np.ones_like(ramp_months)
    rm = np.where(ramp_months > 0, ramp_months, 1.0)

    def F(x):
        return np.where(x >= rm, x - rm / 2.0, x * x / (2.0 * rm))

    return np.where(ramp_months > 0, (F(end) - F(start)) / (end - start), 1.0)


def kernel(layout, cols, n):
    """src/cost/costKernel.ts (evaluateCostChunk), vectorised: the seven components for n draws."""
    c = lambda name: cols[layout["idx"][name]]  # noqa: E731
    tk = layout["takster"]
    ref_fl = term(tk["2ad"]["refusjon"], cols, n)
    egen = term(tk["2ad"]["egenandel"], cols, n)
    for mix in layout["mix"]:
        count = cols[mix["countIndex"]]
        ref_fl += count * term(tk[mix["code"]]["refusjon"], cols, n)
        egen += count * term(tk[mix["code"]]["egenandel"], cols, n)
    ref_fl += c("otherRefusjonPerConsultationNok")
    spec_r = term(tk["2dd"]["refusjon"], cols, n)
    spec_e = term(tk["2dd"]["egenandel"], cols, n)
    basis = term(layout["basistilskuddPerListeinnbygger"], cols, n)

    ramp_on = 1.0 if layout["rampApplies"] else 0.0
    lifted = layout["listetakLiftedShare"]
    m0, m1 = layout["monthsSinceLifting"]["start"], layout["monthsSinceLifting"]["end"]
    ramp = 1.0 - ramp_on * (1.0 - c("rampUpStartProductivity")) * (c("rampUpMonths") / 24.0)
    N = c("consultationsPerWeekFullTime") * c("stillingsprosent") * c("clinicalWeeksPerYear") * ramp
    ref = c("lisRefusjonFactor") * ref_fl
    ex = cols[layout["exemptIndex"]]
    spec = c("specialistShareHandingOver")
    gross = N * ref
    egen_paid = N * ex * egen
    b0 = c("fastlegeBackfillShareBeforeLifting")
    avg = backfill_ramp_average(c("backfillRampMonths"), m0, m1) if lifted > 0 else 1.0
    b = b0 * (1.0 - lifted) + lifted * (b0 + (c("fastlegeBackfillShare") - b0) * avg)
    substituted = N * c("substitutionShare") * (1.0 - b)
    saving = substituted * (ref_fl + spec * spec_r + ex * (egen + spec * spec_e))
    return {
        "consultations": N,
        "grossRefusjon": gross,
        "egenandelPaid": egen_paid,
        "substitutionSaving": saving,
        "net": gross + egen_paid - saving,
        "alisSupport": c("alisStandardProbability") * layout["alisStandardMaxNok"]
        + c("alisAdditionalProbability") * layout["alisAdditionalMaxNok"],
        "basistilskudd": c("patientBase") * basis,
    }


def kernel_check(problem):
    """Largest relative difference between this kernel and introsim's on introsim's own input rows."""
    kc = problem["kernelCheck"]
    n = kc["rows"]
    cols = [np.asarray(col, dtype=np.float64) for col in kc["inputs"]]
    mine = kernel(problem["layout"], cols, n)
    worst = 0.0
    for name, theirs in kc["outputs"].items():
        theirs = np.asarray(theirs, dtype=np.float64)
        scale = np.maximum(np.abs(theirs), 1.0)
        worst = max(worst, float(np.max(np.abs(mine[name] - theirs) / scale)))
    return worst


def prepare(problem, how="index"):
    """Built once per problem (outside the timed part, like introsim's problem): one sampler per input, the streams."""
    s = problem["sampling"]
    streams = {}
    plan = []
    for j, inp in enumerate(problem["inputs"]):
        q = sampler(inp, s["cells"], s["tailCells"], how)
        if q is None:
            plan.append((j, None, fixed_value(inp["spec"]), None))
        else:
            k = streams.setdefault(inp["stream"], len(streams))
            plan.append((j, k, None, q))
    return {"plan": plan, "streams": len(streams), "chunk": s["chunk"]}


def run(problem, prep, draws, seed):
    """Sampling + kernel + summary, chunk by chunk: the timed part. One PCG64 stream per introsim stream (a takst
    period's honorar and egenandel share one), spawned from the seed; one uniform array per stream per chunk."""
    rngs = [np.random.default_rng(ss) for ss in np.random.SeedSequence(seed).spawn(prep["streams"])]
    chunk = min(prep["chunk"], draws)
    names = problem["components"]
    sums = dict.fromkeys(names, 0.0)
    net = np.empty(draws)
    fixed_cols = {}
    for start in range(0, draws, chunk):
        n = min(chunk, draws - start)
        us = [r.random(n) for r in rngs]
        cols = [None] * len(prep["plan"])
        for j, k, v, q in prep["plan"]:
            if q is None:
                col = fixed_cols.get((j, n))
                if col is None:
                    col = fixed_cols[(j, n)] = np.full(n, v)
                cols[j] = col
            else:
                cols[j] = q(us[k])
        comp = kernel(problem["layout"], cols, n)
        net[start : start + n] = comp["net"]
        for k in names:
            sums[k] += float(comp[k].sum())
    q = np.quantile(net, PERCENTILES)
    return {
        "mean": sums["net"] / draws,
        "sd": float(net.std(ddof=1)) if draws > 1 else 0.0,
        "p10": float(q[0]),
        "p50": float(q[1]),
        "p85": float(q[2]),
        "p90": float(q[3]),
        "shareAbove500k": float(np.count_nonzero(net > problem["referenceCostNok"]) / draws),
        "means": {k: sums[k] / draws for k in names},
    }


def max_rss_mib():
    try:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux
    except Exception:  # noqa: BLE001
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--problem", default=os.path.join(tempfile.gettempdir(), "introsim-bench", "problem-standard.json"), help="written by bench/export-problem.mjs")
    ap.add_argument("--draws", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=1, help="timed runs; the best is reported")
    ap.add_argument("--warmup", type=int, default=0, help="untimed runs first")
    ap.add_argument("--lookup", choices=("index", "interp"), default="index", help="table interpolation: direct cell index (default) or np.interp")
    args = ap.parse_args()
    if args.draws < 1 or args.repeats < 1 or args.warmup < 0:
        ap.error("--draws and --repeats must be >= 1, --warmup >= 0")

    with open(args.problem, encoding="utf-8") as f:
        problem = json.load(f)
    if problem.get("format") != "introsim-cost-problem/1":
        raise SystemExit(f"cost_numpy: {args.problem} is not an introsim cost problem (run bench/export-problem.mjs)")
    for inp in problem["inputs"]:
        check_derived(inp)
    kernel_err = kernel_check(problem)

    prep = prepare(problem, args.lookup)
    for _ in range(args.warmup):
        run(problem, prep, args.draws, args.seed)
    times = []
    cpu = []
    result = None
    for _ in range(args.repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        result = run(problem, prep, args.draws, args.seed)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    best = min(times)
    cpu_best = min(cpu)
    line = {
        "impl": "numpy",
        "numpy": np.__version__,
        "python": sys.version.split()[0],
        "draws": args.draws,
        "seed": args.seed,
        "lookup": args.lookup,
        "seconds": best,
        "cpuSeconds": cpu_best,
        "drawsPerSecond": args.draws / best,
        "times": times,
        "mean": result["mean"],
        "p50": result["p50"],
        "p85": result["p85"],
        "p10": result["p10"],
        "p90": result["p90"],
        "sd": result["sd"],
        "shareAbove500k": result["shareAbove500k"],
        "means": result["means"],
        "kernelMaxRelErr": kernel_err,
        "maxRssMiB": max_rss_mib(),
        "scriptSeconds": time.perf_counter() - T_SCRIPT,
        "processSeconds": process_age_seconds(),
    }
    print(json.dumps(line))


if __name__ == "__main__":
    main()
