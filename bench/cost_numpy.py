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


def sample(rng, inp, n):
    """n draws of one input."""
    spec = inp["spec"]
    t = spec["type"]
    if t == "fixed":
        return np.full(n, float(spec["value"]))
    if t == "trippelestimat":
        lav, m, hoy = spec["lav"], spec["mest_sannsynlig"], spec["hoy"]
        if lav == hoy:
            return np.full(n, float(lav))
        if spec.get("form", "pert") == "triangel":
            return rng.triangular(lav, m, hoy, n)
        a, b = pert_shape(lav, m, hoy)
        x = rng.beta(a, b, n)
        x *= hoy - lav
        x += lav
        return x
    if t == "uniform":
        if spec["min"] == spec["max"]:
            return np.full(n, float(spec["min"]))
        return rng.uniform(spec["min"], spec["max"], n)
    if t in ("normal", "lognormal"):
        if t == "normal":
            mu, sigma = normal_from_90(spec["p5"], spec["p95"])
            x = rng.normal(mu, sigma, n)
        else:
            mu, sigma = normal_from_90(np.log(spec["p5"]), np.log(spec["p95"]))
            x = rng.lognormal(mu, sigma, n)
        return np.clip(x, num(inp["lower"]), num(inp["upper"]), out=x)
    if t == "empirical":
        return rng.choice(np.asarray(spec["values"], dtype=np.float64), n)
    raise SystemExit(f"cost_numpy: unknown distribution type {t!r} for {inp['name']}")


def term(t, cols, n):
    """A LinearTerm: constant + sum of weight * column."""
    out = np.full(n, float(t["constant"]))
    for p in t["parts"]:
        out += p["weight"] * cols[p["index"]]
    return out


def kernel(layout, cols, n):
    """src/cost/costKernel.ts, vectorised: the seven components for n draws."""
    c = lambda name: cols[layout["idx"][name]]  # noqa: E731
    tk = layout["takster"]
    ref_per = term(tk["2ad"]["refusjon"], cols, n)
    egen_per = term(tk["2ad"]["egenandel"], cols, n)
    for mix in layout["mix"]:
        count = cols[mix["countIndex"]]
        ref_per += count * term(tk[mix["code"]]["refusjon"], cols, n)
        egen_per += count * term(tk[mix["code"]]["egenandel"], cols, n)
    spec_r = term(tk["2dd"]["refusjon"], cols, n)
    spec_e = term(tk["2dd"]["egenandel"], cols, n)
    basis = term(layout["basistilskuddPerListeinnbygger"], cols, n)

    ramp_on = 1.0 if layout["rampApplies"] else 0.0
    lifted = layout["listetakLiftedShare"]
    ramp = 1.0 - ramp_on * (1.0 - c("rampUpStartProductivity")) * (c("rampUpMonths") / 24.0)
    N = c("consultationsPerWeekFullTime") * c("stillingsprosent") * c("clinicalWeeksPerYear") * ramp
    ref = ref_per + c("otherRefusjonPerConsultationNok")
    ex = c("exemptEgenandelShare")
    spec = c("specialistShareHandingOver")
    gross = N * ref
    egen_paid = N * ex * egen_per
    substituted = N * c("substitutionShare") * (1.0 - c("fastlegeBackfillShare") * lifted)
    saving = substituted * (ref + spec * spec_r + ex * (egen_per + spec * spec_e))
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


def run(problem, draws, seed):
    """Sampling + kernel + summary: the timed part."""
    rng = np.random.default_rng(seed)
    cols = [sample(rng, inp, draws) for inp in problem["inputs"]]
    comp = kernel(problem["layout"], cols, draws)
    net = comp["net"]
    q = np.quantile(net, PERCENTILES)
    return {
        "mean": float(net.mean()),
        "sd": float(net.std(ddof=1)) if draws > 1 else 0.0,
        "p10": float(q[0]),
        "p50": float(q[1]),
        "p85": float(q[2]),
        "p90": float(q[3]),
        "shareAbove500k": float(np.count_nonzero(net > problem["referenceCostNok"]) / draws),
        "means": {k: float(v.mean()) for k, v in comp.items()},
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

    for _ in range(args.warmup):
        run(problem, args.draws, args.seed)
    times = []
    result = None
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        result = run(problem, args.draws, args.seed)
        times.append(time.perf_counter() - t0)
    best = min(times)
    line = {
        "impl": "numpy",
        "numpy": np.__version__,
        "python": sys.version.split()[0],
        "draws": args.draws,
        "seed": args.seed,
        "seconds": best,
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
