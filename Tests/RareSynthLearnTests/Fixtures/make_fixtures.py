"""make_fixtures.py: reference values for RareSynthLearn, computed with scikit-learn.

Run from this folder with the peers' environment:
    ~/.cache/raresynth-peers/bin/python make_fixtures.py
It reads splits/NAME.{train,holdout}.csv and NAME.meta.json (copied from
/tmp/raresynth-bench/splits, made by /work/shared/peers/split.py --seed 0) and writes learn.json.

The features mirror /work/shared/peers/score.py (`features`, `prepare`, `tstr`): identifier columns
dropped, numerical and datetime columns (datetimes as whole days since 1970-01-01) imputed and
standardised, every other column one-hot encoded with missing values as a category of their own,
classification targets as text labels, rows with a missing target dropped. Two encodings:
  'median'         exactly score.py: SimpleImputer(median) -> StandardScaler; OneHotEncoder(ignore)
  'mean-indicator' SimpleImputer(mean) -> StandardScaler, plus MissingIndicator('missing-only')
                   0/1 columns (unscaled) for columns missing in training; OneHotEncoder(ignore)
Category names are written from the CSV text (score.py's str() of pandas values is the same
one-to-one labelling, e.g. '1.0' there for a float column's '1').
"""
import json
import math
import os

import numpy as np
import pandas as pd
import scipy
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.impute import MissingIndicator, SimpleImputer
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.metrics import (accuracy_score, f1_score, mean_squared_error, precision_score, r2_score,
                             recall_score, roc_auc_score)
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
SPLITS = os.path.join(HERE, 'splits')
# Forest scores vary from seed to seed (SD up to 0.09 on the 27-46-row holdouts), so their mean
# is taken over 50 random_states on test sets under 200 rows and over 10 elsewhere.
def forest_seeds(n_test):
    return range(50 if n_test < 200 else 10)
CLASSIFICATION = [('pbc', 'status'), ('lung', 'status'), ('cgd', 'status'), ('colon', 'status'),
                  ('veteran', 'status'), ('nwtco', 'rel'), ('veteran', 'celltype')]
REGRESSION = [('pbc', 'albumin'), ('pbc', 'bili'), ('lung', 'meal.cal'), ('cgd', 'height')]
ENCODER_CHECKS = ['pbc', 'cgd', 'lung']


def read(name, part):
    path = os.path.join(SPLITS, f'{name}.{part}.csv')
    typed = pd.read_csv(path, keep_default_na=False, na_values=[''])  # peers/common.read_csv
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[''])
    return typed, raw


def meta_of(name):
    with open(os.path.join(SPLITS, f'{name}.meta.json')) as f:
        return json.load(f)


def features(meta, target):  # score.py
    num, cat = [], []
    for c, v in meta['columns'].items():
        if c == target or v['sdtype'] == 'id':
            continue
        (num if v['sdtype'] in ('numerical', 'datetime') else cat).append(c)
    return num, cat


def prepare(typed, raw, meta, num, cat, target, regression):
    """score.py's prepare, with category text taken from the CSV cells."""
    X = typed[num].copy()
    for c in num:
        if meta['columns'][c]['sdtype'] == 'datetime':
            fmt = meta['columns'][c].get('datetime_format')
            X[c] = (pd.to_datetime(X[c], format=fmt, errors='coerce') - pd.Timestamp(0)).dt.days
        X[c] = pd.to_numeric(X[c], errors='coerce').astype(float)
    for c in cat:
        X[c] = raw[c].map(lambda v: MISSING if pd.isna(v) else str(v))
    if regression:
        y = pd.to_numeric(typed[target], errors='coerce')
    else:
        y = typed[target].map(lambda v: np.nan if pd.isna(v) else
                              (str(int(v)) if isinstance(v, (int, float, np.number)) and float(v).is_integer()
                               else str(v)))
    keep = y.notna()
    return X[keep], y[keep]


MISSING = '\x00missing'  # a label no CSV cell holds; named 'COLUMN (missing)' below


def encoder(kind, num, cat):
    onehot = ('cat', OneHotEncoder(handle_unknown='ignore'), cat)
    if kind == 'median':
        return ColumnTransformer([('num', make_pipeline(SimpleImputer(strategy='median'), StandardScaler()), num),
                                  onehot])
    return ColumnTransformer([('num', make_pipeline(SimpleImputer(strategy='mean'), StandardScaler()), num),
                              ('ind', MissingIndicator(features='missing-only', error_on_new=False), num),
                              onehot])


def feature_names(pre, num, cat):
    """RareSynthLearn's names: 'col', 'col (missing)' for an indicator, 'col=label' for a category,
    'col (missing)' for the missing category."""
    names = []
    for name, trans, cols in pre.transformers_:
        if name == 'num':
            imputer = trans.steps[0][1]
            kept = [c for c, s in zip(cols, imputer.statistics_) if not math.isnan(s)]
            names += kept
        elif name == 'ind':
            names += [f'{cols[i]} (missing)' for i in trans.features_]
        elif name == 'cat':
            for c, cats in zip(cols, trans.categories_):
                names += [f'{c} (missing)' if v == MISSING else f'{c}={v}' for v in cats]
    return names


def dense(m):
    return m.toarray() if hasattr(m, 'toarray') else np.asarray(m)


def floats(a):
    return [float(v) for v in np.asarray(a).ravel()]


def classification_metrics(y, proba, classes, labels):
    """score.py's metrics plus binary precision/recall/F1 for labels[1] and macro precision/recall."""
    pred = np.asarray(classes)[np.argmax(proba, axis=1)]
    out = {'accuracy': accuracy_score(y, pred),
           'f1_macro': f1_score(y, pred, average='macro', labels=labels, zero_division=0),
           'precision_macro': precision_score(y, pred, average='macro', labels=labels, zero_division=0),
           'recall_macro': recall_score(y, pred, average='macro', labels=labels, zero_division=0)}
    if len(labels) == 2:
        pos = labels[1]
        out['precision'] = precision_score(y, pred, pos_label=pos, zero_division=0)
        out['recall'] = recall_score(y, pred, pos_label=pos, zero_division=0)
        out['f1'] = f1_score(y, pred, pos_label=pos, zero_division=0)
        out['roc_auc'] = roc_auc_score(y == pos, proba[:, list(classes).index(pos)])
    elif set(labels) == set(classes):
        out['roc_auc_ovr_macro'] = roc_auc_score(y, proba, multi_class='ovr', average='macro',
                                                 labels=list(classes))
    return {k: float(v) for k, v in out.items()}


def regression_metrics(y, pred):
    return {'r2': float(r2_score(y, pred)), 'rmse': float(math.sqrt(mean_squared_error(y, pred)))}


def summary(runs):
    keys = runs[0].keys()
    return {'seeds': len(runs),
            'mean': {k: float(np.mean([r[k] for r in runs])) for k in keys},
            'sd': {k: float(np.std([r[k] for r in runs], ddof=1)) for k in keys},
            'min': {k: float(np.min([r[k] for r in runs])) for k in keys},
            'max': {k: float(np.max([r[k] for r in runs])) for k in keys}}


def case(name, target, regression, kind):
    meta = meta_of(name)
    num, cat = features(meta, target)
    Xr, yr = prepare(*read(name, 'train'), meta, num, cat, target, regression)
    Xt, yt = prepare(*read(name, 'holdout'), meta, num, cat, target, regression)
    pre = encoder(kind, num, cat).fit(Xr)
    A, B = dense(pre.transform(Xr)), dense(pre.transform(Xt))
    out = {'dataset': name, 'target': target, 'task': 'regression' if regression else 'classification',
           'encoding': kind, 'n_train': len(yr), 'n_test': len(yt), 'n_features': A.shape[1],
           'features': feature_names(pre, num, cat)}
    assert len(out['features']) == A.shape[1]
    if regression:
        yr, yt = yr.to_numpy(float), yt.to_numpy(float)
        ols = LinearRegression().fit(A, yr)
        out['linear'] = {'coef': floats(ols.coef_), 'intercept': float(ols.intercept_), 'rank': int(ols.rank_),
                         **regression_metrics(yt, ols.predict(B))}
        ridge = Ridge(alpha=1.0).fit(A, yr)
        out['ridge'] = {'coef': floats(ridge.coef_), 'intercept': float(ridge.intercept_),
                        **regression_metrics(yt, ridge.predict(B))}
        if kind == 'median':
            runs = [regression_metrics(yt, RandomForestRegressor(n_estimators=100, random_state=s, n_jobs=1)
                                       .fit(A, yr).predict(B)) for s in forest_seeds(len(yt))]
            out['forest'] = summary(runs)
        return out
    yr, yt = yr.to_numpy(object), yt.to_numpy(object)
    labels = sorted(set(yt))
    out['classes'] = sorted(set(yr))
    out['labels'] = labels
    # score.py's model: lbfgs, default tol 1e-4, max_iter 2000
    lr = LogisticRegression(max_iter=2000).fit(A, yr)
    out['logistic'] = classification_metrics(yt, lr.predict_proba(B), lr.classes_, labels)
    # the same problem solved tightly: the coefficients RareSynthLearn must reproduce
    tight = LogisticRegression(max_iter=100000, tol=1e-12).fit(A, yr)
    out['logistic_tight'] = {'coef': [floats(r) for r in tight.coef_], 'intercept': floats(tight.intercept_),
                             **classification_metrics(yt, tight.predict_proba(B), tight.classes_, labels)}
    # lbfgs also stops on a relative decrease of 64 eps (ftol), which leaves ~1e-5 in the
    # coefficients; Newton's method reaches the optimum itself. Intercepts centred for softmax.
    newton = LogisticRegression(solver='newton-cholesky', max_iter=1000, tol=1e-14).fit(A, yr)
    intercept = newton.intercept_ - (newton.intercept_.mean() if len(newton.classes_) > 2 else 0)
    out['logistic_optimum'] = {'coef': [floats(r) for r in newton.coef_], 'intercept': floats(intercept)}
    if kind == 'median':
        runs = []
        for s in forest_seeds(len(yt)):
            rf = RandomForestClassifier(n_estimators=100, random_state=s, n_jobs=1).fit(A, yr)
            runs.append(classification_metrics(yt, rf.predict_proba(B), rf.classes_, labels))
        out['forest'] = summary(runs)
    return out


def encoder_check(name, kind):
    """The transformed holdout table (target 'status'), to check the encoder cell by cell."""
    meta = meta_of(name)
    num, cat = features(meta, 'status')
    Xr, _ = prepare(*read(name, 'train'), meta, num, cat, 'status', False)
    Xt, _ = prepare(*read(name, 'holdout'), meta, num, cat, 'status', False)
    pre = encoder(kind, num, cat).fit(Xr)
    return {'dataset': name, 'target': 'status', 'encoding': kind, 'features': feature_names(pre, num, cat),
            'holdout': [floats(r) for r in dense(pre.transform(Xt))]}


def hand_cases():
    """Small inputs for the metric functions, with ties, absent classes and zero divisions."""
    out = []
    y_true = ['a', 'b', 'b', 'a', 'b', 'a', 'a', 'b', 'b', 'b']
    y_pred = ['a', 'b', 'a', 'a', 'b', 'b', 'a', 'b', 'a', 'b']
    out.append({'name': 'binary', 'y_true': y_true, 'y_pred': y_pred, 'pos_label': 'b'})
    y_true = ['x', 'y', 'z', 'x', 'y', 'z', 'x', 'y', 'z', 'z', 'w']
    y_pred = ['x', 'z', 'z', 'x', 'x', 'z', 'y', 'y', 'y', 'z', 'x']  # 'w' never predicted
    out.append({'name': 'multiclass', 'y_true': y_true, 'y_pred': y_pred, 'pos_label': 'z'})
    y_true = ['0', '0', '0', '1']
    y_pred = ['0', '0', '0', '0']  # positive never predicted: precision 0/0 -> 0
    out.append({'name': 'never-positive', 'y_true': y_true, 'y_pred': y_pred, 'pos_label': '1'})
    for c in out:
        t, p = c['y_true'], c['y_pred']
        c['accuracy'] = accuracy_score(t, p)
        c['precision'] = float(np.ravel(precision_score(t, p, average=None, labels=[c['pos_label']], zero_division=0))[0])
        c['recall'] = float(np.ravel(recall_score(t, p, average=None, labels=[c['pos_label']], zero_division=0))[0])
        c['f1'] = float(np.ravel(f1_score(t, p, average=None, labels=[c['pos_label']], zero_division=0))[0])
        c['precision_macro'] = precision_score(t, p, average='macro', zero_division=0)
        c['recall_macro'] = recall_score(t, p, average='macro', zero_division=0)
        c['f1_macro'] = f1_score(t, p, average='macro', zero_division=0)
        labels = sorted(set(t))
        c['labels'] = labels
        c['f1_macro_true_labels'] = f1_score(t, p, average='macro', labels=labels, zero_division=0)
    auc = []
    rng = np.random.default_rng(7)
    y = [0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1]
    s = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.2, 0.9, 0.35, 0.35, 0.7, 0.1]  # ties across classes
    auc.append({'name': 'ties', 'y': y, 'score': s})
    auc.append({'name': 'all-tied', 'y': [0, 1, 0, 1, 1], 'score': [0.5] * 5})
    auc.append({'name': 'perfect', 'y': [0, 0, 1, 1], 'score': [0.1, 0.2, 0.3, 0.4]})
    y = [int(v) for v in rng.integers(0, 2, 200)]
    s = [float(v) for v in np.round(rng.normal(size=200) + 0.8 * np.array(y), 1)]  # many ties
    auc.append({'name': 'random-rounded', 'y': y, 'score': s})
    for c in auc:
        c['auc'] = roc_auc_score(c['y'], c['score'])
    multi = []
    p = rng.dirichlet([1, 1, 1], 30)
    p = np.round(p, 1)
    p[:, 2] = 1 - p[:, 0] - p[:, 1]  # rows sum to 1 (roc_auc_score checks), rounded to create ties
    p = np.clip(p, 0, None)
    p = p / p.sum(axis=1, keepdims=True)
    y = [['k0', 'k1', 'k2'][i] for i in rng.integers(0, 3, 30)]
    multi.append({'name': 'three-classes', 'classes': ['k0', 'k1', 'k2'], 'y': y, 'proba': [floats(r) for r in p],
                  'auc_ovr_macro': roc_auc_score(y, p, multi_class='ovr', average='macro')})
    reg = []
    yt = [3.0, -0.5, 2.0, 7.0, 4.25]
    yp = [2.5, 0.0, 2.0, 8.0, 3.0]
    reg.append({'name': 'simple', 'y_true': yt, 'y_pred': yp, 'r2': r2_score(yt, yp),
                'rmse': math.sqrt(mean_squared_error(yt, yp))})
    reg.append({'name': 'constant-truth', 'y_true': [1.0, 1.0, 1.0], 'y_pred': [1.0, 2.0, 1.0],
                'r2': r2_score([1.0, 1.0, 1.0], [1.0, 2.0, 1.0]),
                'rmse': math.sqrt(mean_squared_error([1.0, 1.0, 1.0], [1.0, 2.0, 1.0]))})
    return {'labels': out, 'auc': auc, 'auc_multiclass': multi, 'regression': reg}


def main():
    cases = []
    for kind in ('median', 'mean-indicator'):
        for name, target in CLASSIFICATION:
            cases.append(case(name, target, False, kind))
        for name, target in REGRESSION:
            cases.append(case(name, target, True, kind))
    result = {
        'provenance': {'script': 'make_fixtures.py', 'scikit-learn': sklearn.__version__, 'numpy': np.__version__,
                       'scipy': scipy.__version__, 'pandas': pd.__version__,
                       'splits': '/work/shared/peers/split.py --seed 0 (holdout 20%)',
                       'forest_seeds': 'random_state 0..49 (test sets < 200 rows) or 0..9'},
        'hand': hand_cases(),
        'encoder': [encoder_check(n, k) for n in ENCODER_CHECKS for k in ('median', 'mean-indicator')],
        'cases': cases,
    }
    with open(os.path.join(HERE, 'learn.json'), 'w') as f:
        json.dump(result, f, indent=None, separators=(',', ':'))
        f.write('\n')


if __name__ == '__main__':
    main()
