"""Reference values for PrincipalComponents (RareSynthEvaluate/Report/Charts) from scikit-learn's PCA.

Usage (from the package root):
    ~/.cache/raresynth-peers/bin/python Tests/RareSynthEvaluateTests/Fixtures/charts/make_fixtures.py \
        /work/shared/data/lung.csv /tmp/raresynth-bench/lung.sdv.0.csv Tests/RareSynthEvaluateTests/Fixtures/charts

Takes the complete cases of five numeric lung columns (the first 60 real rows, the first 40 SDV
rows), fits sklearn PCA(n_components=2, svd_solver="full") (LAPACK SVD, independent of the
covariance eigendecomposition under test) on the real rows, raw and after StandardScaler, and
stores inputs and outputs in pca.json.
"""
import json
import sys
from datetime import date

import numpy as np
import pandas as pd
import sklearn
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler

real_path, synthetic_path, out_dir = sys.argv[1:4]
columns = ["age", "ph.karno", "pat.karno", "meal.cal", "wt.loss"]
real = pd.read_csv(real_path)[columns].dropna().head(60).to_numpy(dtype=float)
synthetic = pd.read_csv(synthetic_path)[columns].dropna().head(40).to_numpy(dtype=float)

cases = {}
for name, standardize in [("raw", False), ("standardized", True)]:
    fit_real, fit_synthetic = real, synthetic
    if standardize:
        scaler = StandardScaler().fit(real)
        fit_real, fit_synthetic = scaler.transform(real), scaler.transform(synthetic)
    pca = PCA(n_components=2, svd_solver="full").fit(fit_real)
    cases[name] = {
        "standardizes": standardize,
        "mean": (real.mean(axis=0)).tolist(),
        "components": pca.components_.tolist(),
        "explained_variance": pca.explained_variance_.tolist(),
        "explained_variance_ratio": pca.explained_variance_ratio_.tolist(),
        "real_projection": pca.transform(fit_real).tolist(),
        "synthetic_projection": pca.transform(fit_synthetic).tolist(),
    }

out = {
    "provenance": {
        "tool": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, pandas {pd.__version__}, "
                f"Python {sys.version.split()[0]}",
        "date": date.today().isoformat(),
        "command": "make_fixtures.py " + " ".join(sys.argv[1:3]),
        "columns": columns,
    },
    "real": real.tolist(),
    "synthetic": synthetic.tolist(),
    "cases": cases,
}
with open(f"{out_dir}/pca.json", "w") as f:
    json.dump(out, f, indent=1)
