"""EVPPI baseline in numpy (no scipy): the same regression as src/analysis/evppi.ts.

The linear-Gaussian decision NB_0 = 0, NB_1 = 0.5 + X + 1.5 Y with X, Y ~ N(0, 1) (numpy's PCG64, seed 1); ranks scaled
to (0, 1), cubic B-splines with equally spaced knots (8 interior knots for one input, a 4 x 4-knot tensor product for
two), least squares with numpy.linalg.lstsq. Prints one JSON line: wall seconds (median of reps) of EVPPI(X) and of
EVPPI(X, Y), and the two estimates (analytic: 0.19780 and 0.49667).
"""
import json
import sys
import time

import numpy as np


def bspline_basis(u, k):
    """The k + 4 cubic B-spline basis functions at u (vector in [0, 1]), clamped knots, k interior knots."""
    t = np.concatenate([np.zeros(3), np.linspace(0, 1, k + 2), np.ones(3)])
    nb = k + 4
    u = np.minimum(u, 1 - 1e-12)
    B = np.zeros((u.size, len(t) - 1))
    for j in range(len(t) - 1):
        B[:, j] = (t[j] <= u) & (u < t[j + 1])
    for d in range(1, 4):
        Bn = np.zeros((u.size, len(t) - 1 - d))
        for j in range(len(t) - 1 - d):
            left = (u - t[j]) / (t[j + d] - t[j]) * B[:, j] if t[j + d] > t[j] else 0
            right = (t[j + d + 1] - u) / (t[j + d + 1] - t[j + 1]) * B[:, j + 1] if t[j + d + 1] > t[j + 1] else 0
            Bn[:, j] = left + right
        B = Bn
    return B[:, :nb]


def ranks(x):
    r = np.empty(x.size)
    r[np.argsort(x, kind="stable")] = np.arange(x.size)
    return (r + 0.5) / x.size


def evppi(nb, phi):
    us = [ranks(p) for p in phi]
    if len(us) == 1:
        X = bspline_basis(us[0], 8)
    else:
        a, b = bspline_basis(us[0], 4), bspline_basis(us[1], 4)
        X = (a[:, :, None] * b[:, None, :]).reshape(a.shape[0], -1)
    inc = nb[1] - nb[0]
    beta, *_ = np.linalg.lstsq(X, inc, rcond=None)
    g = X @ beta
    return np.mean(np.maximum(0, g)) - max(0, np.mean(g))


def main():
    n = int(sys.argv[1])
    reps = int(sys.argv[2])
    rng = np.random.default_rng(1)
    x, y = rng.standard_normal(n), rng.standard_normal(n)
    nb = [np.zeros(n), 0.5 + x + 1.5 * y]
    out = {}
    for name, phi in (("one", [x]), ("two", [x, y])):
        ts = []
        for _ in range(reps):
            t0 = time.perf_counter()
            v = evppi(nb, phi)
            ts.append(time.perf_counter() - t0)
        out[name] = {"seconds": float(np.median(ts)), "evppi": float(v)}
    print(json.dumps(out))


main()
