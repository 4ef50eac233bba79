"""Reference pMSE / S_pMSE for Fidelity/PropensityMSE.swift: statsmodels' unpenalised Logit (the
maximum-likelihood fit R's glm makes) on real + synthetic rows pooled with a 0/1 indicator.

    /tmp/fairvenv/bin/pip install statsmodels==0.15.0 pandas
    /tmp/fairvenv/bin/python make_fixtures.py ../privacy > propensity.json

Design as RareSynth encodes it: numerical columns with the pooled mean imputed plus a 0/1 missing
indicator where any value is missing, standardised; categorical columns (metadata sdtype, read as
labels; numbers spelled canonically, missing a category of its own) as dummies with the first
category dropped so the MLE is identifiable (the dropped column does not change fitted values).
"""
import json, sys
import numpy as np, pandas as pd, statsmodels
import statsmodels.api as sm

root = sys.argv[1]
def lab(v):
    if pd.isna(v): return 'NA'
    try:
        f = float(v); return str(int(f)) if f.is_integer() else repr(f)
    except ValueError:
        return str(v)

out = {'statsmodels': statsmodels.__version__, 'cases': []}
for case in ('lung-sdv', 'pbc-sdv'):
    meta = json.load(open(f'{root}/{case}/meta.json'))['columns']
    real = pd.read_csv(f'{root}/{case}/train.csv'); synth = pd.read_csv(f'{root}/{case}/synthetic.csv')
    pooled = pd.concat([real, synth], ignore_index=True)
    y = np.r_[np.zeros(len(real)), np.ones(len(synth))]
    parts = []
    for c, v in meta.items():
        if v['sdtype'] == 'numerical':
            x = pd.to_numeric(pooled[c], errors='coerce')
            miss = x.isna()
            x = x.fillna(x.mean())
            parts.append(((x - x.mean()) / x.std(ddof=0)).rename(c))
            if miss.any(): parts.append(miss.astype(float).rename(c + ' (missing)'))
        elif v['sdtype'] in ('categorical', 'boolean', 'ordinal'):
            parts.append(pd.get_dummies(pooled[c].map(lab), prefix=c, drop_first=True, dtype=float))
    X = sm.add_constant(pd.concat(parts, axis=1))
    fit = sm.Logit(y, X).fit(method='newton', maxiter=200, tol=1e-14, disp=0)
    p = fit.predict(X)
    cc = len(synth) / len(pooled); N = len(pooled)
    km1 = int(np.linalg.matrix_rank(X.values)) - 1
    pmse = float(np.mean((p - cc) ** 2)); exp = km1 * (1 - cc) ** 2 * cc / N
    out['cases'].append({'case': case, 'rows': N, 'parameters': km1, 'synthetic_share': cc,
                         'pmse': pmse, 'null_expectation': exp, 's_pmse': pmse / exp,
                         'converged': bool(fit.mle_retvals['converged'])})
print(json.dumps(out, indent=1))
