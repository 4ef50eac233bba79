"""Reference values for Fairness/ from fairlearn 0.15.0 (pip, in a venv of its own).

    python3 -m venv /tmp/fairvenv && /tmp/fairvenv/bin/pip install fairlearn==0.15.0
    /tmp/fairvenv/bin/python make_fixtures.py ../privacy/lung-sdv > fairness.json

Cases: lung's outcome `status` (positive "2" = death) by `sex` and by `ph.ecog` (missing dropped),
as data (the outcome itself is the "prediction": outcome rates per group) in the real training
rows and in SDV's synthetic rows, and as predictions of a fixed rule on the holdout rows
(predict death when ph.karno <= 80 or age >= 65), so that the truth-dependent rates are exercised.
"""
import json, sys
import numpy as np, pandas as pd
import fairlearn
from fairlearn.metrics import (MetricFrame, selection_rate, true_positive_rate, false_positive_rate,
                               demographic_parity_difference, demographic_parity_ratio,
                               equalized_odds_difference, equal_opportunity_difference)

d = sys.argv[1]
def lab(v):
    if pd.isna(v): return None
    f = float(v); return str(int(f)) if f.is_integer() else str(f)

def case(name, truth, pred, groups):
    keep = [g is not None and t is not None for g, t in zip(groups, truth)]
    t = np.array([x == '2' for x, k in zip(truth, keep) if k])
    p = np.array([x == '2' for x, k in zip(pred, keep) if k])
    g = np.array([x for x, k in zip(groups, keep) if k])
    mf = MetricFrame(metrics={'selection_rate': selection_rate, 'tpr': true_positive_rate, 'fpr': false_positive_rate},
                     y_true=t, y_pred=p, sensitive_features=g)
    by = mf.by_group
    return {'name': name, 'truth': [bool(x) for x in t], 'predicted': [bool(x) for x in p], 'groups': list(g),
            'by_group': {str(k): {c: (None if pd.isna(v) else float(v)) for c, v in row.items()} for k, row in by.iterrows()},
            'demographic_parity_difference': float(demographic_parity_difference(t, p, sensitive_features=g)),
            'demographic_parity_ratio': float(demographic_parity_ratio(t, p, sensitive_features=g)),
            'equal_opportunity_difference': float(equal_opportunity_difference(t, p, sensitive_features=g)),
            'equalized_odds_difference': float(equalized_odds_difference(t, p, sensitive_features=g))}

out = {'fairlearn': fairlearn.__version__, 'cases': []}
for part in ('train', 'synthetic', 'holdout'):
    df = pd.read_csv(f'{d}/{part}.csv')
    status = [lab(v) for v in df['status']]
    for sens in ('sex', 'ph.ecog'):
        groups = [lab(v) for v in df[sens]]
        if part == 'holdout':
            rule = ['2' if (not pd.isna(k) and k <= 80) or a >= 65 else '1' for k, a in zip(df['ph.karno'], df['age'])]
            out['cases'].append(case(f'{part} rule by {sens}', status, rule, groups))
        else:
            out['cases'].append(case(f'{part} outcome by {sens}', status, status, groups))
print(json.dumps(out))
