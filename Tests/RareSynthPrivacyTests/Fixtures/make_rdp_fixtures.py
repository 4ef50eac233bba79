#!/usr/bin/env python3
"""Generate reference fixtures from Opacus' RDP accountant.

Output: ``rdp_opacus.json`` in the same directory as this script (it is
overwritten). The Swift tests in RareSynthPrivacyTests compare against it.

Generated with opacus 1.6.0, torch 2.13.0+cpu, numpy 2.4.6, scipy 1.17.1,
CPython 3.11.7 (the exact versions used are written to "provenance").

Regenerate:

    python3.11 -m venv /tmp/opacus-fix/venv
    /tmp/opacus-fix/venv/bin/pip install opacus==1.6.0   # any CPU torch wheel works
    /tmp/opacus-fix/venv/bin/python Tests/RareSynthPrivacyTests/Fixtures/make_rdp_fixtures.py

Sections of the JSON:
  provenance       versions, UTC date, command
  default_alphas   RDPAccountant.DEFAULT_ALPHAS (151 orders, exact floats)
  rdp              opacus.accountants.analysis.rdp.compute_rdp(q, sigma, steps=1, orders)
  epsilon          RDPAccountant.get_privacy_spent(delta) -> epsilon, best_alpha
                   for history [(sigma, q, steps)] (default alphas)
  composition      multi-entry histories built with accountant.step(...)
  noise_multiplier opacus.accountants.utils.get_noise_multiplier(..., accountant="rdp",
                   epsilon_tolerance=0.01) and the epsilon that sigma achieves
  known_examples   published values (Opacus unit tests / docstring, TF-Privacy MNIST
                   tutorial) next to what this Opacus computes for them

Non-finite floats are written as the strings "inf", "-inf", "nan"; exceptions
are recorded as an "error": "<Type>: <message>" key in the case object
(no value keys then). Floats are written with
Python's repr (shortest round-trip representation, i.e. full double precision).
Cases whose best order is the first or last alpha (Opacus emits a
"consider expanding the range of alphas" warning) carry "warning".
"""

import datetime
import itertools
import json
import math
import os
import platform
import sys
import warnings

import numpy as np
import scipy
import torch
import opacus
from opacus.accountants import RDPAccountant
from opacus.accountants.analysis import rdp as rdp_analysis
from opacus.accountants.utils import get_noise_multiplier

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "rdp_opacus.json")


def num(x):
    """Python float (or int) for JSON; non-finite values as strings."""
    if isinstance(x, (int, np.integer)) and not isinstance(x, bool):
        return int(x)
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def err(e):
    return f"{type(e).__name__}: {e}"


def privacy_spent(history, delta):
    """Returns (eps, best_alpha, warning-or-None) from a fresh RDPAccountant."""
    acc = RDPAccountant()
    acc.history = list(history)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        eps, alpha = acc.get_privacy_spent(delta=delta)
    msgs = [str(x.message) for x in w]
    return eps, alpha, ("; ".join(msgs) if msgs else None)


def main():
    non_finite = []  # human-readable notes on inf/nan/error cases

    # ---------------------------------------------------------------- rdp
    orders = [1.25, 1.5, 2, 2.5, 3, 4.5, 8, 16, 32, 63]
    rdp_cases = []
    for q, sigma in itertools.product([0.001, 0.01, 0.1, 0.5, 1.0], [0.5, 1.0, 2.0, 5.0]):
        case = {"q": q, "sigma": sigma, "steps": 1, "orders": orders}
        try:
            vals = rdp_analysis.compute_rdp(q=q, noise_multiplier=sigma, steps=1, orders=orders)
            case["rdp"] = [num(v) for v in vals]
            if any(isinstance(v, str) for v in case["rdp"]):
                non_finite.append(f"rdp q={q} sigma={sigma}: non-finite value")
        except Exception as e:  # record, never skip
            case["error"] = err(e)
            non_finite.append(f"rdp q={q} sigma={sigma}: {e!r}")
        rdp_cases.append(case)

    # ------------------------------------------------------------ epsilon
    eps_cases = []
    for q, sigma, steps, delta in itertools.product(
        [0.001, 0.004, 0.01, 0.05, 0.1, 0.3, 1.0],
        [0.6, 0.8, 1.0, 1.3, 2.0, 4.0, 10.0],
        [1, 10, 100, 1000, 10000],
        [1e-3, 1e-5, 1e-7],
    ):
        case = {"q": q, "sigma": sigma, "steps": steps, "delta": delta}
        try:
            # history [(sigma, q, steps)] is exactly what `steps` calls of
            # accountant.step(noise_multiplier=sigma, sample_rate=q) produce.
            eps, alpha, warn = privacy_spent([(sigma, q, steps)], delta)
            case["epsilon"] = num(eps)
            case["best_alpha"] = num(alpha)
            if warn:
                case["warning"] = warn
            if isinstance(case["epsilon"], str) or isinstance(case["best_alpha"], str):
                non_finite.append(f"epsilon q={q} sigma={sigma} steps={steps} delta={delta}: "
                                  f"eps={case['epsilon']} alpha={case['best_alpha']}")
        except Exception as e:
            case["error"] = err(e)
            non_finite.append(f"epsilon q={q} sigma={sigma} steps={steps} delta={delta}: {e!r}")
        eps_cases.append(case)

    # Cross-check: stepping really produces the same history / epsilon.
    for sigma, q, steps in [(1.0, 0.01, 1000), (0.8, 0.1, 37)]:
        acc = RDPAccountant()
        for _ in range(steps):
            acc.step(noise_multiplier=sigma, sample_rate=q)
        assert acc.history == [(sigma, q, steps)], acc.history
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a = acc.get_epsilon(delta=1e-5)
        b = privacy_spent([(sigma, q, steps)], 1e-5)[0]
        assert a == b, (a, b)

    # -------------------------------------------------------- composition
    histories = [
        {"name": "dpsgd_then_full_batch_release",
         "entries": [{"sigma": 1.0, "q": 0.01, "steps": 1000},
                     {"sigma": 2.0, "q": 1.0, "steps": 1}]},
        {"name": "three_mechanisms",
         "entries": [{"sigma": 0.8, "q": 0.004, "steps": 500},
                     {"sigma": 1.3, "q": 0.05, "steps": 200},
                     {"sigma": 5.0, "q": 1.0, "steps": 3}]},
        {"name": "mnist_like_then_small_release",
         "entries": [{"sigma": 1.1, "q": 256 / 60000, "steps": 14062},
                     {"sigma": 10.0, "q": 1.0, "steps": 5}]},
        {"name": "same_mechanism_split_equals_merged",
         "entries": [{"sigma": 1.0, "q": 0.1, "steps": 50},
                     {"sigma": 2.0, "q": 0.1, "steps": 10},
                     {"sigma": 1.0, "q": 0.1, "steps": 50}]},
    ]
    comp_cases = []
    for h in histories:
        acc = RDPAccountant()
        for e in h["entries"]:
            for _ in range(e["steps"]):
                acc.step(noise_multiplier=e["sigma"], sample_rate=e["q"])
        recorded = [{"sigma": s, "q": q, "steps": n} for (s, q, n) in acc.history]
        assert recorded == h["entries"], (recorded, h["entries"])
        for delta in [1e-3, 1e-5, 1e-7]:
            case = {"name": h["name"], "history": recorded, "delta": delta}
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always")
                eps, alpha = acc.get_privacy_spent(delta=delta)
            case["epsilon"] = num(eps)
            case["best_alpha"] = num(alpha)
            if w:
                case["warning"] = "; ".join(str(x.message) for x in w)
            comp_cases.append(case)

    # --------------------------------------------------- noise_multiplier
    nm_cases = []
    for E, D, q, S in itertools.product([0.1, 0.5, 1, 2, 5, 10], [1e-5], [0.01, 0.1, 1.0],
                                        [10, 300, 3000]):
        case = {"target_epsilon": E, "target_delta": D, "sample_rate": q, "steps": S,
                "accountant": "rdp", "epsilon_tolerance": 0.01}
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                sigma = get_noise_multiplier(target_epsilon=E, target_delta=D, sample_rate=q,
                                             steps=S, accountant="rdp", epsilon_tolerance=0.01)
            eps, alpha, warn = privacy_spent([(sigma, q, S)], D)
            case["sigma"] = num(sigma)
            case["epsilon"] = num(eps)
            case["best_alpha"] = num(alpha)
            if warn:
                case["warning"] = warn
        except Exception as e:
            case["error"] = err(e)
            non_finite.append(f"noise_multiplier E={E} q={q} S={S}: {e!r}")
        nm_cases.append(case)

    # ----------------------------------------------------- known_examples
    known = []
    acc = RDPAccountant()
    for _ in range(int(90 / 0.04)):
        acc.step(noise_multiplier=1.5, sample_rate=0.04)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        eps, alpha = acc.get_privacy_spent(delta=1e-5)
        known.append({"source": "opacus/tests/accountants_test.py test_rdp_accountant",
                      "sigma": 1.5, "q": 0.04, "steps": int(90 / 0.04), "delta": 1e-5,
                      "published_epsilon": 7.32911117143, "epsilon": num(eps),
                      "best_alpha": num(alpha)})
        for kw, pub, src in [({"epochs": 90}, 1.416, "test_get_noise_multiplier_rdp_epochs"),
                             ({"steps": 2000}, 1.3562, "test_get_noise_multiplier_rdp_steps")]:
            sig = get_noise_multiplier(target_epsilon=8, target_delta=1e-5, sample_rate=0.04, **kw)
            known.append({"source": "opacus/tests/accountants_test.py " + src,
                          "get_noise_multiplier": dict(target_epsilon=8, target_delta=1e-5,
                                                       sample_rate=0.04, **kw),
                          "published_sigma_4dp": pub, "sigma": num(sig)})
        o = list(range(2, 33))
        r = sum(rdp_analysis.compute_rdp(q=q, noise_multiplier=s, steps=n, orders=o)
                for q, s, n in [(1e-5, 1.0, 10), (1e-4, 3.0, 4)])
        eps, alpha = rdp_analysis.get_privacy_spent(orders=o, rdp=r, delta=1e-5)
        known.append({"source": "opacus/accountants/analysis/rdp.py module docstring",
                      "history": [[1e-5, 1.0, 10], [1e-4, 3.0, 4]], "orders": "2..32",
                      "delta": 1e-5, "published": [0.336, 23],
                      "epsilon": num(eps), "best_alpha": num(alpha)})
        steps = 60 * 60000 // 256
        for s in (1.1, 1.12):
            eps, alpha, _ = privacy_spent([(s, 256 / 60000, steps)], 1e-5)
            r = rdp_analysis.compute_rdp(q=256 / 60000, noise_multiplier=s, steps=steps,
                                         orders=RDPAccountant.DEFAULT_ALPHAS)
            a = np.array(RDPAccountant.DEFAULT_ALPHAS, dtype=float)
            classic = np.min(r - np.log(1e-5) / (a - 1))
            known.append({"source": "tensorflow/privacy tutorials/README.md MNIST (q=256/60000, "
                                    "60 epochs); its 2.92 uses the classic conversion "
                                    "eps=min(rdp - log(delta)/(alpha-1)), not Opacus' Balle et al.",
                          "sigma": s, "q": 256 / 60000, "steps": steps, "delta": 1e-5,
                          "published_epsilon_tf": 2.92 if s == 1.12 else None,
                          "epsilon": num(eps), "best_alpha": num(alpha),
                          "classic_conversion_epsilon": num(classic)})

    doc = {
        "provenance": {
            "opacus": opacus.__version__,
            "torch": torch.__version__,
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "python": platform.python_version(),
            "date_utc": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "command": "/tmp/opacus-fix/venv/bin/python "
                       "Tests/RareSynthPrivacyTests/Fixtures/make_rdp_fixtures.py",
            "generator": "Tests/RareSynthPrivacyTests/Fixtures/make_rdp_fixtures.py",
            "notes": ("Non-finite floats are strings 'inf'/'-inf'/'nan'; an exception is "
                      "recorded as case['error'] = 'Type: msg'. 'warning' = Opacus' 'optimal order is the smallest/"
                      "largest alpha' warning. See OPACUS_RDP.md for the formulas."),
            "non_finite_or_error_cases": non_finite,
        },
        "default_alphas": [num(a) for a in RDPAccountant.DEFAULT_ALPHAS],
        "rdp": rdp_cases,
        "epsilon": eps_cases,
        "composition": comp_cases,
        "noise_multiplier": nm_cases,
        "known_examples": known,
    }
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"wrote {OUT}: rdp={len(rdp_cases)} epsilon={len(eps_cases)} "
          f"composition={len(comp_cases)} noise_multiplier={len(nm_cases)} "
          f"non_finite_or_error={len(non_finite)}", file=sys.stderr)


if __name__ == "__main__":
    main()
