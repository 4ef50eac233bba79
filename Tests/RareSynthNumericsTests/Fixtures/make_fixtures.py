#!/usr/bin/env python3
"""Reference values for RareSynthNumericsTests.

Run from this folder:  python3 make_fixtures.py   (writes reference.json next to this script)

Every value RareSynthNumerics is checked against comes from here: scipy/numpy for the library
behaviour we want to match, and mpmath at 50 significant digits ("exact") where the question is
accuracy rather than agreement, since scipy itself is only accurate to ~1e-15 in places (e.g.
ndtr in the far lower tail loses ~x²·eps through erfc(-x/sqrt 2)). Inputs that are random are
drawn here with fixed seeds and stored in the JSON, so the Swift tests read the exact same data.
Unsigned 64-bit integers are written as decimal strings (JSON numbers are doubles).
"""
import datetime
import json
import os
import platform
import sys

import mpmath
import numpy as np
import scipy
from scipy import optimize, special, stats

mpmath.mp.dps = 50
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.json")


def f(v):
    """A Python float from a numpy/mpmath scalar, refusing non-finite values (JSON has none)."""
    v = float(v)
    if not np.isfinite(v):
        raise ValueError(f"non-finite reference value {v}")
    return v


def fl(values):
    return [f(v) for v in values]


# ---------------------------------------------------------------- special functions

def exact_root(log_tail, log_density, log_target, start, lower=0, upper=None, sign=1):
    """Newton on log(tail(x)) = log_target in 50-digit arithmetic, from scipy's answer.
    d/dx log tail = sign * density/tail (sign -1 for an upper tail); everything is in logs so
    nothing underflows.
    Returns 0 when the root is below the smallest double (scipy then returns 0 or 2.2e-308)."""
    x = mpmath.mpf(start)
    for _ in range(200):
        lt = log_tail(x)
        step = (lt - log_target) / (sign * mpmath.exp(log_density(x) - lt))
        nx = x - step
        if nx <= lower:
            nx = (x + lower) / 2
        if upper is not None and nx >= upper:
            nx = (x + upper) / 2
        if abs(nx - x) < mpmath.mpf(10) ** -45 * abs(nx):
            return nx
        x = nx
    raise RuntimeError("no convergence")


def exact_gamma_inverse(a, p, upper_tail=False):
    a = mpmath.mpf(a)
    if upper_tail:
        log_tail = lambda x: mpmath.log(mpmath.gammainc(a, x, mpmath.inf, regularized=True))
    else:
        log_tail = lambda x: mpmath.log(mpmath.gammainc(a, 0, x, regularized=True))
    # |d tail/dx| = x^(a-1) e^-x / Gamma(a); the sign is folded into which tail we follow.
    log_density = lambda x: (a - 1) * mpmath.log(x) - x - mpmath.loggamma(a)
    start = special.gammainccinv(float(a), p) if upper_tail else special.gammaincinv(float(a), p)
    if start == 0:
        return 0.0
    return exact_root(log_tail, log_density, mpmath.log(p), start, sign=-1 if upper_tail else 1)


def exact_beta_inverse(a, b, p, start):
    a, b = mpmath.mpf(a), mpmath.mpf(b)
    if (mpmath.log(p) + mpmath.log(a) + mpmath.log(mpmath.beta(a, b))) / a < mpmath.log(mpmath.mpf("4.9e-324")):
        return 0.0
    log_tail = lambda x: mpmath.log(mpmath.betainc(a, b, 0, x, regularized=True))
    log_density = lambda x: (a - 1) * mpmath.log(x) + (b - 1) * mpmath.log(1 - x) - mpmath.log(mpmath.beta(a, b))
    return exact_root(log_tail, log_density, mpmath.log(p), start, lower=0, upper=1)


def erf_section():
    xs = [-6.0, -3.0, -1.5, -0.5, -1e-5, 0.0, 1e-10, 1e-3, 0.3, 0.5, 0.9, 1.0, 2.0, 3.5, 5.0, 10.0, 20.0, 26.5]
    return {
        "x": xs,
        "erf": fl(special.erf(xs)),
        "erfc": fl(special.erfc(xs)),
        "erf_exact": fl(mpmath.erf(x) for x in xs),
        "erfc_exact": fl(mpmath.erfc(x) for x in xs),
    }


def normal_section():
    xs = [-38.4, -38.0, -37.5, -35.0, -30.0, -20.0, -10.0, -8.0, -6.0, -5.7, -5.5, -3.0, -1.0, -0.6744,
          -0.1, -1e-9, 0.0, 1e-9, 0.3, 0.6745, 1.0, 2.5, 5.0, 5.7, 8.0, 8.3, 9.0]
    ps = [1e-300, 1e-250, 1e-200, 1e-100, 1e-50, 1e-20, 1e-10, 1e-5, 1e-3, 0.02425, 0.075, 0.1, 0.3,
          0.4999, 0.5, 0.5001, 0.7, 0.925, 0.975, 0.999, 1 - 1e-6, 1 - 1e-10, 1 - 1e-16]
    log_ps = [-1e5, -5000.0, -800.0, -700.0, -100.0, -10.0, -1.0, -0.5, -0.1, -1e-3, -1e-10]
    log_cdf_xs = [-1e4, -200.0, -40.0, -37.0, -10.0, -5.0, -1.0, 0.0, 1.0, 5.0, 8.0]

    def exact_ppf_log(lp):
        # Newton on log Phi(x) = lp in 50-digit arithmetic; converges from the asymptotic start.
        lp = mpmath.mpf(lp)
        x = -mpmath.sqrt(-2 * lp) if lp < -1 else mpmath.mpf(special.ndtri(float(mpmath.exp(lp))))
        for _ in range(200):
            logcdf = mpmath.log(mpmath.ncdf(x))
            step = (logcdf - lp) * mpmath.exp(logcdf) / mpmath.npdf(x)
            x -= step
            if abs(step) < mpmath.mpf(10) ** -40 * (1 + abs(x)):
                break
        return x

    def exact_ppf(p):
        p = mpmath.mpf(p)
        return exact_ppf_log(mpmath.log(p)) if p <= 0.5 else -exact_ppf_log(mpmath.log(1 - p))

    return {
        "cdf_x": xs,
        "cdf": fl(special.ndtr(xs)),
        "cdf_exact": fl(mpmath.ncdf(x) for x in xs),
        "log_cdf_x": log_cdf_xs,
        "log_cdf": fl(special.log_ndtr(log_cdf_xs)),
        "log_cdf_exact": fl(mpmath.log(mpmath.ncdf(x)) for x in log_cdf_xs),
        "ppf_p": ps,
        "ppf": fl(special.ndtri(ps)),
        "ppf_exact": fl(exact_ppf(p) for p in ps),
        "ppf_log_p": log_ps,
        "ppf_log_exact": fl(exact_ppf_log(lp) for lp in log_ps),
    }


def gamma_functions_section():
    xs = [1e-300, 1e-10, 0.1, 0.5, 1.0, 1.4616321449683622, 1.5, 2.0, 2.5, 3.7, 9.99, 10.0, 30.5, 100.5, 1e5, 1e10]
    neg = [-0.5, -2.5, -7.3]
    beta_pairs = [(0.5, 0.5), (1.0, 1.0), (2.0, 3.0), (0.1, 10.0), (0.5, 1e6), (9.0, 1e6), (10.0, 10.0),
                  (50.0, 60.0), (1000.0, 1500.0), (2.5, 30.0)]
    return {
        "x": xs + neg,
        "gammaln": fl(special.gammaln(xs + neg)),
        "digamma_x": xs[1:-1] + neg,
        "digamma": fl(special.psi(xs[1:-1] + neg)),
        "trigamma": fl(special.polygamma(1, xs[1:-1] + neg)),
        "betaln_a": [a for a, _ in beta_pairs],
        "betaln_b": [b for _, b in beta_pairs],
        "betaln": fl(special.betaln(a, b) for a, b in beta_pairs),
        "betaln_exact": fl(mpmath.log(mpmath.beta(a, b)) for a, b in beta_pairs),
    }


def gammainc_section():
    shapes = [0.01, 0.1, 0.5, 1.0, 2.5, 10.0, 50.0, 200.0, 1000.0]
    factors = [1e-3, 0.1, 0.5, 0.9, 1.0, 1.1, 2.0, 5.0]
    a_list, x_list = [], []
    for a in shapes:
        for m in factors:
            a_list.append(a)
            x_list.append(a * m)
        for x in [0.01, 1.0, 30.0]:
            a_list.append(a)
            x_list.append(x)
    p_exact = [mpmath.gammainc(a, 0, x, regularized=True) for a, x in zip(a_list, x_list)]
    q_exact = [mpmath.gammainc(a, x, mpmath.inf, regularized=True) for a, x in zip(a_list, x_list)]
    inv_a, inv_p = [], []
    for a in [0.05, 0.3, 1.0, 2.5, 10.0, 100.0, 1000.0]:
        for p in [1e-300, 1e-100, 1e-10, 1e-3, 0.1, 0.5, 0.9, 0.999999]:
            inv_a.append(a)
            inv_p.append(p)
    inv_q_a, inv_q = [], []
    for a in [0.3, 2.5, 100.0]:
        for q in [1e-300, 1e-50, 1e-10, 0.01]:
            inv_q_a.append(a)
            inv_q.append(q)
    keep = [i for i, v in enumerate(p_exact) if v > 1e-300 or v == 0]
    return {
        "a": a_list,
        "x": x_list,
        "p": fl(special.gammainc(a_list, x_list)),
        "q": fl(special.gammaincc(a_list, x_list)),
        "p_exact": [f(v) if v > 1e-300 else 0.0 for v in p_exact],
        "q_exact": [f(v) if v > 1e-300 else 0.0 for v in q_exact],
        "inverse_a": inv_a,
        "inverse_p": inv_p,
        "inverse_x": fl(special.gammaincinv(inv_a, inv_p)),
        "inverse_x_exact": fl(exact_gamma_inverse(a, p) for a, p in zip(inv_a, inv_p)),
        "inverse_q_a": inv_q_a,
        "inverse_q": inv_q,
        "inverse_q_x": fl(special.gammainccinv(inv_q_a, inv_q)),
        "inverse_q_x_exact": fl(exact_gamma_inverse(a, q, upper_tail=True) for a, q in zip(inv_q_a, inv_q)),
        "_note": "x with P(a,x)=p from scipy gammaincinv/gammainccinv (Boost-based); exact P/Q from mpmath "
                 "with values below 1e-300 written as 0 and skipped in relative comparisons." if keep else "",
    }


def betainc_section():
    pairs = [(0.5, 0.5), (1.0, 1.0), (2.0, 3.0), (0.1, 10.0), (10.0, 0.1), (5.0, 5.0), (50.0, 60.0),
             (200.0, 300.0), (1000.0, 1500.0), (5.0, 1e4), (0.7, 2000.0)]
    xs = [1e-6, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1 - 1e-6]
    a_list, b_list, x_list = [], [], []
    for a, b in pairs:
        grid = list(xs)
        mean = a / (a + b)
        grid += [mean * 0.5, mean, min(mean * 1.5, 0.999), min(mean * 3, 0.9999), 1 - (1 - mean) * 0.5]
        for x in grid:
            a_list.append(a)
            b_list.append(b)
            x_list.append(x)
    exact = [mpmath.betainc(a, b, 0, x, regularized=True) for a, b, x in zip(a_list, b_list, x_list)]
    inv_a, inv_b, inv_p, dropped = [], [], [], []
    for a, b in pairs:
        for p in [1e-200, 1e-20, 1e-4, 0.05, 0.5, 0.8, 0.999]:
            if not np.isfinite(special.betaincinv(a, b, p)):
                dropped.append([a, b, p])   # scipy gives NaN here (checked by round trip in Swift instead)
                continue
            inv_a.append(a)
            inv_b.append(b)
            inv_p.append(p)
    t_df, t_x = [], []
    for df in [1.0, 2.5, 10.0, 100.0]:
        for t in [-50.0, -5.0, -1.0, -0.1, 0.0, 0.5, 2.0, 30.0]:
            t_df.append(df)
            t_x.append(t)
    return {
        "a": a_list,
        "b": b_list,
        "x": x_list,
        "value": fl(special.betainc(a_list, b_list, x_list)),
        "exact": [f(v) if v > 1e-300 else 0.0 for v in exact],
        "inverse_a": inv_a,
        "inverse_b": inv_b,
        "inverse_p": inv_p,
        "inverse_x": fl(special.betaincinv(inv_a, inv_b, inv_p)),
        "inverse_x_exact": fl(exact_beta_inverse(a, b, p, special.betaincinv(a, b, p))
                              for a, b, p in zip(inv_a, inv_b, inv_p)),
        "inverse_dropped_scipy_nan": dropped,
        "t_df": t_df,
        "t_x": t_x,
        "t_cdf": fl(special.stdtr(t_df, t_x)),
    }


# ---------------------------------------------------------------- distributions

def widening(data):
    """RareSynthNumerics' support widening: the expected gap between the extreme of a uniform
    sample of size n and the end of its support, range/(n+1)."""
    return (data.max() - data.min()) / (len(data) + 1)


def distributions_section():
    rng = np.random.default_rng(20240601)
    probes = [1e-6, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1 - 1e-6]
    out = {}

    normal = rng.normal(3.0, 2.0, 200)
    mu, sd = stats.norm.fit(normal)
    dist = stats.norm(mu, sd)
    out["normal"] = {"data": fl(normal), "params": {"loc": f(mu), "scale": f(sd)},
                     "probe_x": fl(dist.ppf(probes)), "cdf": fl(dist.cdf(dist.ppf(probes))),
                     "probe_p": probes, "ppf": fl(dist.ppf(probes)),
                     "ks": f(stats.kstest(normal, dist.cdf).statistic)}

    raw = rng.normal(2.0, 1.5, 2000)
    trunc = raw[(raw > 0) & (raw < 6)][:400]
    lo, hi = trunc.min(), trunc.max()

    def nll(theta):
        m, log_s = theta
        s = np.exp(log_s)
        return -np.sum(stats.truncnorm.logpdf(trunc, (lo - m) / s, (hi - m) / s, loc=m, scale=s))

    res = optimize.minimize(nll, [trunc.mean(), np.log(trunc.std())], method="Nelder-Mead",
                            options={"xatol": 1e-12, "fatol": 1e-13, "maxiter": 20000, "maxfev": 40000})
    res = optimize.minimize(nll, res.x, method="BFGS", options={"gtol": 1e-10})
    m, s = res.x[0], np.exp(res.x[1])
    dist = stats.truncnorm((lo - m) / s, (hi - m) / s, loc=m, scale=s)
    xs = np.linspace(lo, hi, 9)
    out["truncated_normal"] = {"data": fl(trunc), "params": {"loc": f(m), "scale": f(s), "lower": f(lo), "upper": f(hi)},
                               "log_likelihood": f(-res.fun),
                               "probe_x": fl(xs), "cdf": fl(dist.cdf(xs)), "logpdf": fl(dist.logpdf(xs[1:-1])),
                               "probe_p": probes, "ppf": fl(dist.ppf(probes)),
                               "ks": f(stats.kstest(trunc, dist.cdf).statistic),
                               "_note": "MLE of loc/scale with bounds fixed at the data min/max: scipy Nelder-Mead "
                                        "then BFGS on -sum(truncnorm.logpdf)"}

    # A far-tail truncated normal, bounds 6..9 standard deviations above the mean.
    tail = stats.truncnorm(6.0, 9.0, loc=0.0, scale=1.0)
    tail_x = [6.0, 6.001, 6.1, 6.5, 7.0, 8.0, 9.0]
    out["truncated_normal_tail"] = {"lower": 6.0, "upper": 9.0, "probe_x": tail_x, "cdf": fl(tail.cdf(tail_x)),
                                    "logpdf": fl(tail.logpdf(tail_x)), "probe_p": probes, "ppf": fl(tail.ppf(probes))}

    beta_data = 10 + 20 * rng.beta(2.0, 5.0, 250)
    d = widening(beta_data)
    loc, scale = beta_data.min() - d, beta_data.max() - beta_data.min() + 2 * d
    a, b, _, _ = stats.beta.fit(beta_data, floc=loc, fscale=scale)
    dist = stats.beta(a, b, loc=loc, scale=scale)
    xs = np.linspace(beta_data.min(), beta_data.max(), 7)
    out["beta"] = {"data": fl(beta_data), "params": {"a": f(a), "b": f(b), "loc": f(loc), "scale": f(scale)},
                   "probe_x": fl(xs), "cdf": fl(dist.cdf(xs)), "logpdf": fl(dist.logpdf(xs)),
                   "probe_p": probes, "ppf": fl(dist.ppf(probes)),
                   "ks": f(stats.kstest(beta_data, dist.cdf).statistic),
                   "_note": "scipy beta.fit(data, floc=loc, fscale=scale): MLE of a, b on the widened support"}

    gamma_data = 5 + rng.gamma(2.5, 3.0, 300)
    loc = gamma_data.min() - widening(gamma_data)
    a, _, scale = stats.gamma.fit(gamma_data, floc=loc)
    dist = stats.gamma(a, loc=loc, scale=scale)
    xs = np.linspace(gamma_data.min(), gamma_data.max(), 7)
    out["gamma"] = {"data": fl(gamma_data), "params": {"a": f(a), "loc": f(loc), "scale": f(scale)},
                    "probe_x": fl(xs), "cdf": fl(dist.cdf(xs)), "logpdf": fl(dist.logpdf(xs)),
                    "probe_p": probes, "ppf": fl(dist.ppf(probes)),
                    "ks": f(stats.kstest(gamma_data, dist.cdf).statistic),
                    "_note": "scipy gamma.fit(data, floc=loc): MLE of shape and scale"}

    ln_data = 2 + rng.lognormal(1.0, 0.5, 300)
    loc = ln_data.min() - widening(ln_data)
    s, _, scale = stats.lognorm.fit(ln_data, floc=loc)
    dist = stats.lognorm(s, loc=loc, scale=scale)
    xs = np.linspace(ln_data.min(), ln_data.max(), 7)
    out["log_normal"] = {"data": fl(ln_data), "params": {"s": f(s), "loc": f(loc), "scale": f(scale)},
                         "probe_x": fl(xs), "cdf": fl(dist.cdf(xs)), "logpdf": fl(dist.logpdf(xs)),
                         "probe_p": probes, "ppf": fl(dist.ppf(probes)),
                         "ks": f(stats.kstest(ln_data, dist.cdf).statistic),
                         "_note": "scipy lognorm.fit(data, floc=loc)"}

    uni = rng.uniform(-4.0, 7.0, 150)
    loc, scale = stats.uniform.fit(uni)
    dist = stats.uniform(loc, scale)
    out["uniform"] = {"data": fl(uni), "params": {"loc": f(loc), "scale": f(scale)},
                      "probe_p": probes, "ppf": fl(dist.ppf(probes)),
                      "ks": f(stats.kstest(uni, dist.cdf).statistic)}
    return out


# ---------------------------------------------------------------- statistics

def statistics_section():
    rng = np.random.default_rng(7)
    x = np.round(rng.normal(0, 1, 60), 1)          # rounded: plenty of ties
    y = np.round(0.6 * x + rng.normal(0, 1, 60), 1)
    qs = [0.0, 1.0, 2.5, 10.0, 25.0, 33.3, 50.0, 66.7, 75.0, 90.0, 99.0, 100.0]
    small = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0]
    a = np.round(rng.exponential(1.0, 80), 2)
    b = np.round(rng.exponential(1.3, 55), 2)
    columns = np.column_stack([x, y, rng.normal(0, 1, 60), x * x])
    big = 1e9 + rng.normal(0, 1, 1000)
    return {
        "x": fl(x), "y": fl(y),
        "mean_x": f(np.mean(x)), "var_x": f(np.var(x)), "var_x_ddof1": f(np.var(x, ddof=1)),
        "big": fl(big), "big_mean": f(np.mean(big.astype(np.longdouble))),
        "big_var": f(np.var(big.astype(np.longdouble))),
        "percentile_q": qs,
        "percentile_x": fl(np.percentile(x, qs)),
        "percentile_small": fl(np.percentile(small, qs)), "small": small,
        "ranks_x": fl(stats.rankdata(x)),
        "pearson": f(stats.pearsonr(x, y).statistic),
        "spearman": f(stats.spearmanr(x, y).statistic),
        "ks2_a": fl(a), "ks2_b": fl(b),
        "ks2": f(stats.ks_2samp(a, b).statistic),
        "ks2_xy": f(stats.ks_2samp(x, y).statistic),
        "columns": [fl(c) for c in columns.T],
        "corrcoef": [fl(r) for r in np.corrcoef(columns.T)],
        "spearman_matrix": [fl(r) for r in stats.spearmanr(columns).statistic],
    }


# ---------------------------------------------------------------- linear algebra

def higham(a, tol=1e-14, max_iter=10000):
    """Higham (2002) alternating projections with Dykstra's correction, unit weights."""
    y = a.copy()
    ds = np.zeros_like(a)
    for _ in range(max_iter):
        r = y - ds
        w, v = np.linalg.eigh(r)
        x = (v * np.maximum(w, 0)) @ v.T
        ds = x - r
        y_old = y
        y = x.copy()
        np.fill_diagonal(y, 1.0)
        if np.linalg.norm(y - y_old) / np.linalg.norm(y) < tol:
            break
    return y


def linear_algebra_section():
    rng = np.random.default_rng(11)
    m = rng.normal(0, 1, (5, 5))
    sym = (m + m.T) / 2
    g = rng.normal(0, 1, (4, 6))
    spd = g @ g.T / 6 + 0.1 * np.eye(4)
    sd = np.sqrt(np.diag(spd))
    cov = spd / np.outer(sd, sd)
    given, free = [0, 2], [1, 3]
    s_gg = cov[np.ix_(given, given)]
    s_fg = cov[np.ix_(free, given)]
    s_ff = cov[np.ix_(free, free)]
    w = s_fg @ np.linalg.inv(s_gg)
    cond = s_ff - w @ s_fg.T
    broken = np.array([[1.0, 0.9, 0.7], [0.9, 1.0, -0.4], [0.7, -0.4, 1.0]])
    higham_example = np.array([[2.0, -1, 0, 0], [-1, 2, -1, 0], [0, -1, 2, -1], [0, 0, -1, 2]])
    return {
        "symmetric": [fl(r) for r in sym],
        "eigenvalues": fl(np.linalg.eigvalsh(sym)),
        "spd": [fl(r) for r in spd],
        "spd_cholesky": [fl(r) for r in np.linalg.cholesky(spd)],
        "spd_inverse": [fl(r) for r in np.linalg.inv(spd)],
        "correlation": [fl(r) for r in cov],
        "given": given, "free": free,
        "mean_operator": [fl(r) for r in w],
        "conditional_cholesky": [fl(r) for r in np.linalg.cholesky(cond)],
        "broken": [fl(r) for r in broken],
        "broken_higham": [fl(r) for r in higham(broken)],
        "higham_example": [fl(r) for r in higham_example],
        "higham_example_nearest": [fl(r) for r in higham(higham_example)],
        "_note": "broken_higham/higham_example_nearest: numpy Higham (2002) with Dykstra, eigenvalues clipped at 0, "
                 "tol 1e-14; Higham's paper gives [[1,-.8084,.1916,.1068],[-.8084,1,-.6562,.1916],...] for the example",
    }


# ---------------------------------------------------------------- random numbers

MASK = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def mix64(z):
    """The SplitMix64 output function alone (a bijection of 64-bit words)."""
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro256StarStar:
    def __init__(self, seed):
        self.s = []
        state = seed
        for _ in range(4):
            state, z = splitmix64(state)
            self.s.append(z)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result


STREAM_SALT = 0x632BE59BD9B4E019


def stream_key(seed, stream):
    return mix64(mix64(seed) ^ mix64((stream + STREAM_SALT) & MASK))


def random_section():
    state, outs = 0, []
    for _ in range(3):
        state, z = splitmix64(state)
        outs.append(z)
    gen = Xoshiro256StarStar(42)
    raw = [gen.next() for _ in range(8)]
    streamed = Xoshiro256StarStar(stream_key(42, 7))
    stream_raw = [streamed.next() for _ in range(4)]
    uniforms = [((v >> 12) + 0.5) * 2.0 ** -52 for v in raw]
    return {
        "splitmix64_seed0": [str(v) for v in outs],
        "xoshiro_seed42": [str(v) for v in raw],
        "xoshiro_seed42_uniform": uniforms,
        "xoshiro_seed42_stream7": [str(v) for v in stream_raw],
    }


def main():
    data = {
        "provenance": {
            "generated_by": "Tests/RareSynthNumericsTests/Fixtures/make_fixtures.py",
            "date": datetime.date.today().isoformat(),
            "python": sys.version.split()[0],
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "mpmath": mpmath.__version__,
            "platform": platform.platform(),
        },
        "erf": erf_section(),
        "normal": normal_section(),
        "gamma_functions": gamma_functions_section(),
        "gammainc": gammainc_section(),
        "betainc": betainc_section(),
        "distributions": distributions_section(),
        "statistics": statistics_section(),
        "linear_algebra": linear_algebra_section(),
        "random": random_section(),
    }
    with open(OUT, "w") as handle:
        json.dump(data, handle, indent=1)
        handle.write("\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
