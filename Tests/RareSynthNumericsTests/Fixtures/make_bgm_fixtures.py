#!/usr/bin/env python3
"""Reference fits of scikit-learn's BayesianGaussianMixture for BayesianGaussianMixtureTests.

Run from this folder with the peers' venv (sklearn 1.9.1, rdt, ctgan 0.12.1):
    ~/.cache/raresynth-peers/bin/python make_bgm_fixtures.py      (writes bgm_reference.json)

Each case is one 1-D column fitted with the settings RDT's ClusterBasedNormalizer uses (and
therefore ctgan 0.12.1's DataTransformer): n_components = min(len(data), 10),
weight_concentration_prior_type='dirichlet_process', weight_concentration_prior=0.001, and
sklearn's defaults otherwise (covariance_type='full', tol=1e-3, reg_covar=1e-6, max_iter=100,
n_init=1, init_params='kmeans', mean_precision_prior=1, mean_prior=mean(X),
degrees_of_freedom_prior=n_features=1, covariance_prior=np.cov(X) with ddof 1).

sklearn's k-means initialisation cannot be reproduced outside numpy's RandomState, so the script
records the k-means labels it produced (random_state=0) by wrapping `_initialize`, which
receives the one-hot responsibility matrix. The Swift test starts from the same labels and must
then follow sklearn's E/M iterations exactly: the per-iteration lower bounds, the iteration
count, the fitted parameters and predict_proba on a grid of x values are all stored here.

Real columns come from ../../../../shared/data (R `survival` datasets) with missing rows dropped;
their values are stored in the JSON so the test does not read CSV.
"""
import datetime
import json
import os
import platform
import sys
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.mixture import BayesianGaussianMixture

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "bgm_reference.json")
DATA = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "shared", "data"))
if not os.path.isdir(DATA):
    DATA = "/work/shared/data"


def f(v):
    v = float(v)
    if not np.isfinite(v):
        raise ValueError(f"non-finite reference value {v}")
    return v


def fl(values):
    return [f(v) for v in np.asarray(values).ravel()]


def column(file, name):
    frame = pd.read_csv(os.path.join(DATA, file))
    return frame[name].dropna().to_numpy(dtype=np.float64)


def fit_case(name, values, source):
    X = np.asarray(values, dtype=np.float64).reshape(-1, 1)
    n_components = min(len(X), 10)
    bgm = BayesianGaussianMixture(
        n_components=n_components,
        weight_concentration_prior_type="dirichlet_process",
        weight_concentration_prior=0.001,
        random_state=0,
    )
    captured = {}
    original = bgm._initialize

    def capture(X_, resp):
        captured["resp"] = np.array(resp, copy=True)
        return original(X_, resp)

    bgm._initialize = capture
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bgm.fit(X)
    resp = captured["resp"]
    assert np.all((resp == 0) | (resp == 1)) and np.all(resp.sum(axis=1) == 1), "k-means resp is one-hot"
    labels = resp.argmax(axis=1)

    lo, hi = X.min(), X.max()
    span = hi - lo if hi > lo else 1.0
    grid = np.concatenate([
        np.linspace(lo - 0.25 * span, hi + 0.25 * span, 41),
        np.quantile(X[:, 0], [0.1, 0.5, 0.9]),
    ])
    proba = bgm.predict_proba(grid.reshape(-1, 1))
    a, b = bgm.weight_concentration_
    return {
        "name": name,
        "source": source,
        "x": fl(X),
        "components": n_components,
        "initial_labels": [int(k) for k in labels],
        "lower_bounds": fl(bgm.lower_bounds_),
        "n_iter": int(bgm.n_iter_),
        "converged": bool(bgm.converged_),
        "mean_prior": f(bgm.mean_prior_[0]),
        "covariance_prior": f(np.ravel(bgm.covariance_prior_)[0]),
        "weight_concentration_a": fl(a),
        "weight_concentration_b": fl(b),
        "mean_precision": fl(bgm.mean_precision_),
        "degrees_of_freedom": fl(bgm.degrees_of_freedom_),
        "means": fl(bgm.means_),
        "covariances": fl(bgm.covariances_),
        "precisions_cholesky": fl(bgm.precisions_cholesky_),
        "weights": fl(bgm.weights_),
        "grid": fl(grid),
        "predict_proba": [fl(row) for row in proba],
    }


def main():
    rng = np.random.RandomState(20240611)
    bimodal = np.concatenate([rng.normal(-3.0, 0.6, 700), rng.normal(4.0, 1.2, 300)])
    cases = [
        fit_case("pbc_bili", column("pbc.csv", "bili"), "pbc.csv bili, missing rows dropped"),
        fit_case("pbc_chol", column("pbc.csv", "chol"), "pbc.csv chol, missing rows dropped"),
        fit_case("lung_age", column("lung.csv", "age"), "lung.csv age, missing rows dropped"),
        fit_case("nwtco_edrel", column("nwtco.csv", "edrel"), "nwtco.csv edrel, missing rows dropped"),
        fit_case("bimodal", bimodal, "N(-3, 0.6²)×700 ∪ N(4, 1.2²)×300, numpy RandomState(20240611)"),
        fit_case("five_values", [1.0, 2.0, 2.0, 3.0, 10.0], "hand-written, fewer values than 10 components"),
    ]
    document = {
        "provenance": {
            "generated_by": "Tests/RareSynthNumericsTests/Fixtures/make_bgm_fixtures.py",
            "date": datetime.date.today().isoformat(),
            "python": sys.version.split()[0],
            "numpy": np.__version__,
            "sklearn": sklearn.__version__,
            "platform": platform.platform(),
        },
        "cases": cases,
    }
    with open(OUT, "w") as out:
        json.dump(document, out, indent=None, separators=(",", ":"))
        out.write("\n")
    for case in cases:
        print(f"{case['name']:12s} n={len(case['x']):5d} K={case['components']:2d} n_iter={case['n_iter']:3d} "
              f"converged={case['converged']} weights={np.round(case['weights'], 4).tolist()}")


if __name__ == "__main__":
    main()
