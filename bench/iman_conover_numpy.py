"""Iman-Conover baseline in numpy (no scipy): the same steps as src/distributions/imanConover.ts.

Reads k and n from argv, draws k independent uniform columns (numpy's PCG64, seed 1), imposes a random valid
rank-correlation matrix (the same construction for every k: 0.3 between neighbours, AR(1)-like), and prints one JSON
line with the wall time of the imposition (median of --reps) and the worst |achieved - target| Spearman correlation.
Normal quantile: numpy has none, so the van der Waerden scores use Acklam's rational approximation (vectorised).
"""
import json
import sys
import time

import numpy as np


def norm_ppf(p):
    # Acklam's algorithm (relative error < 1.15e-9), vectorised.
    a = [-3.969683028665376e01, 2.209460984245205e02, -2.759285104469687e02, 1.383577518672690e02, -3.066479806614716e01, 2.506628277459239e00]
    b = [-5.447609879822406e01, 1.615858368580409e02, -1.556989798598866e02, 6.680131188771972e01, -1.328068155288572e01]
    c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e00, -2.549732539343734e00, 4.374664141464968e00, 2.938163982698783e00]
    d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00, 3.754408661907416e00]
    p = np.asarray(p, dtype=float)
    x = np.empty_like(p)
    lo = p < 0.02425
    hi = p > 1 - 0.02425
    mid = ~(lo | hi)
    q = np.sqrt(-2 * np.log(p[lo]))
    x[lo] = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    q = np.sqrt(-2 * np.log(1 - p[hi]))
    x[hi] = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    q = p[mid] - 0.5
    r = q * q
    x[mid] = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    return x


def target(k):
    return np.array([[0.3 ** abs(i - j) for j in range(k)] for i in range(k)])


def iman_conover(x, spearman):
    n, k = x.shape
    pearson = 2 * np.sin(np.pi * spearman / 6)
    np.fill_diagonal(pearson, 1.0)
    w, v = np.linalg.eigh(pearson)
    p = v * np.sqrt(np.clip(w, 0, None))
    a = norm_ppf(np.arange(1, n + 1) / (n + 1))
    order = np.argsort(x, axis=0, kind="stable")
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(n)[:, None], axis=0)
    m = a[ranks]
    e = np.corrcoef(m, rowvar=False)
    f = np.linalg.cholesky(e)
    t = m @ np.linalg.inv(f).T @ p.T
    out = np.empty_like(x)
    sorted_x = np.take_along_axis(x, order, axis=0)
    t_order = np.argsort(t, axis=0, kind="stable")
    np.put_along_axis(out, t_order, sorted_x, axis=0)
    return out


def spearman_error(y, spearman):
    r = np.argsort(np.argsort(y, axis=0), axis=0).astype(float)
    c = np.corrcoef(r, rowvar=False)
    return float(np.max(np.abs(c - spearman)))


def main():
    k, n, reps = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    rng = np.random.default_rng(1)
    x = rng.random((n, k))
    s = target(k)
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        y = iman_conover(x, s)
        times.append(time.perf_counter() - t0)
    print(json.dumps({"seconds": float(np.median(times)), "maxError": spearman_error(y, s)}))


main()
