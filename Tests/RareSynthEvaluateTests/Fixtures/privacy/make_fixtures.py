"""Reference values for RareSynth's privacy metrics, computed by SDMetrics 0.32 itself.

Usage (with the peer environment, splits and SDV outputs of ../shared/peers):

    PY=$(../shared/peers/setup)          # SDV 2.0.0, SDMetrics 0.32.0, scikit-learn
    $PY make_fixtures.py BENCH OUT       # BENCH holds splits/ and NAME.sdv.0.csv (/tmp/raresynth-bench)

For each case OUT/CASE/ receives the tables it scored (train.csv, holdout.csv, synthetic.csv and
meta.json, cell text verbatim; random.csv, the random baseline table SDMetrics drew) and
sdmetrics.json with:
- dcr_*: calculate_dcr vectors (synthetic to train, to holdout; train and holdout to synthetic;
  random to train), plus, for synthetic to train, the index of the nearest train row and the
  distance to the second nearest from an independent numpy evaluation of the same distance (which
  must reproduce calculate_dcr's minimum exactly; the script asserts it);
- dcr_overfitting: DCROverfittingProtection.compute_breakdown, num_rows_subsample=None;
- dcr_baseline: DCRBaselineProtection.compute_breakdown with _seed=0 and np.random.seed(0), whose
  random table is random.csv; dcr_baseline_noise: the random median's mean and standard deviation
  over seeds 1..NOISE_SEEDS (datetimes given as datetime64, so SDMetrics draws them uniformly);
- new_row_synthesis: NewRowSynthesis.compute_breakdown (numerical_match_tolerance=0.01);
- disclosure: DisclosureProtection.compute_breakdown for several known/sensitive/continuous/method
  settings;
- membership: ROC AUC of train vs holdout by -DCR to the synthetic table (sklearn roc_auc_score);
- k_anonymity: smallest group, groups, rows in groups < 5, distinct l (pandas groupby, dropna=False).

Data are read as ../shared/peers/score.py reads them (read_csv, then `align` to the train dtypes),
except that floats are parsed with float_precision='round_trip' (correctly rounded, like Swift's
Double(String)); pandas' default parser can be 1 ulp off, which would move exact ties.
"""
import datetime
import importlib.metadata as md
import json
import os
import platform
import shutil
import sys
import warnings

import numpy as np
import pandas as pd

warnings.filterwarnings('ignore')
# The peers scorer's own `align` (synthetic/holdout given the real frame's columns and dtypes),
# imported rather than copied so the fixtures follow ../shared/peers/score.py exactly.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), *['..'] * 5, 'shared', 'peers'))
from score import align  # noqa: E402
NOISE_SEEDS = 100


def read_csv(path):
    return pd.read_csv(path, keep_default_na=False, na_values=[''], float_precision='round_trip')


def floats(series):
    return [None if pd.isna(v) else float(v) for v in series]


def nan_to_none(v):
    if v is None:
        return None
    if isinstance(v, dict):
        return {k: nan_to_none(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [nan_to_none(x) for x in v]
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        return None if np.isnan(v) else float(v)
    return v


def modelled(meta):
    return [c for c, v in meta['columns'].items() if v['sdtype'] in ('numerical', 'datetime', 'categorical', 'boolean')]


def numpy_dcr(data, ref, meta):
    """The SDMetrics distance evaluated independently with numpy broadcasting: all pairs, then the
    minimum, its first index and the second-smallest value (row multiset)."""
    cols = [c for c in modelled(meta) if c in data.columns and c in ref.columns]
    total = np.zeros((len(data), len(ref)))
    for c in cols:
        info = meta['columns'][c]
        a, b = data[c], ref[c]
        if info['sdtype'] in ('numerical', 'datetime'):
            if info['sdtype'] == 'datetime':
                fmt = info.get('datetime_format')
                a = pd.to_datetime(a, format=fmt).astype('int64').where(pd.to_datetime(a, format=fmt).notna())
                b = pd.to_datetime(b, format=fmt).astype('int64').where(pd.to_datetime(b, format=fmt).notna())
                av = a.to_numpy(dtype=float) / 1e9
                bv = b.to_numpy(dtype=float) / 1e9
                rng = (np.nanmax(b.to_numpy(dtype=float)) - np.nanmin(b.to_numpy(dtype=float))) / 1e9
            else:
                av, bv = a.to_numpy(dtype=float), b.to_numpy(dtype=float)
                rng = np.nanmax(bv) - np.nanmin(bv) if np.isfinite(bv).any() else np.nan
            diff = np.abs(bv[None, :] - av[:, None])
            with np.errstate(invalid='ignore', divide='ignore'):
                d = (diff > 0).astype(float) if rng == 0 else np.minimum(diff / rng, 1.0)
            na, nb = np.isnan(av)[:, None], np.isnan(bv)[None, :]
            d = np.where(na ^ nb, 1.0, np.where(na & nb, 0.0, d))
        else:
            av, bv = a.to_numpy(dtype=object), b.to_numpy(dtype=object)
            na, nb = pd.isna(a).to_numpy()[:, None], pd.isna(b).to_numpy()[None, :]
            eq = (av[:, None] == bv[None, :]) | (na & nb)
            d = (~eq).astype(float)
        total = total + d
    total = total / len(cols)
    srt = np.sort(total, axis=1)
    second = srt[:, 1] if total.shape[1] > 1 else np.full(len(data), np.nan)
    return srt[:, 0], np.argmin(total, axis=1), second


def k_anonymity(df, qi, sensitive, threshold=5):
    sizes = df.groupby(qi, dropna=False).size()
    out = {'quasi_identifiers': qi, 'sensitive': sensitive, 'threshold': threshold,
           'k': int(sizes.min()), 'classes': int(len(sizes)),
           'rows_below_threshold': int(sizes[sizes < threshold].sum())}
    out['l'] = int(df.groupby(qi, dropna=False)[sensitive].nunique(dropna=False).min())
    return out


def write_table(df, path, meta):
    """Floats in repr (round-trip) form, datetimes in their metadata format, missing as ''."""
    df = df.copy()
    for c, info in meta['columns'].items():
        if info['sdtype'] == 'datetime' and c in df and pd.api.types.is_datetime64_any_dtype(df[c]):
            df[c] = df[c].dt.strftime(info.get('datetime_format', '%Y-%m-%d'))
    df.to_csv(path, index=False, na_rep='')


def make_copies(train, holdout, synthetic, meta, seed=7):
    """A synthetic table that leaks: exact copies of training rows, near copies within NewRowSynthesis'
    1% tolerance, copies moved by 5%, copies of holdout rows, genuine SDV rows, and copies with one
    categorical cell blanked."""
    rng = np.random.default_rng(seed)
    num = [c for c in train.columns if meta['columns'][c]['sdtype'] == 'numerical']
    cat = [c for c in train.columns if meta['columns'][c]['sdtype'] == 'categorical']
    pick = lambda df, n: df.iloc[rng.choice(len(df), n, replace=False)].copy()
    exact = pick(train, 30)
    near = pick(train, 30)
    near[num] = near[num].astype(float) * 1.004
    far = pick(train, 30)
    far[num] = far[num].astype(float) * 1.05
    hold = pick(holdout, 20)
    genuine = pick(synthetic, 20)
    blank = pick(train, 30)
    for i in range(len(blank)):
        blank.iloc[i, blank.columns.get_loc(cat[i % len(cat)])] = np.nan
    out = pd.concat([exact, near, far, hold, genuine, blank], ignore_index=True)
    return out.iloc[rng.permutation(len(out))].reset_index(drop=True)


CASES = {
    'lung-sdv': dict(data='lung', synthetic='{bench}/lung.sdv.0.csv',
                     disclosure=[(['age', 'sex', 'ph.ecog'], ['status']), (['age', 'sex'], ['ph.karno', 'status'])],
                     kanon=(['age', 'sex'], 'status')),
    'lung-raresynth': dict(data='lung', synthetic='{bench}/lung.raresynth.0/synthetic.csv',
                           disclosure=[(['age', 'sex', 'ph.ecog'], ['status'])], kanon=(['sex', 'ph.ecog'], 'status')),
    'lung-copies': dict(data='lung', synthetic=None,
                        disclosure=[(['age', 'sex', 'ph.ecog'], ['status']), (['meal.cal', 'inst'], ['wt.loss'])],
                        kanon=(['sex', 'ph.ecog', 'ph.karno'], 'status')),
    'cgd-sdv': dict(data='cgd', synthetic='{bench}/cgd.sdv.0.csv',
                    disclosure=[(['sex', 'age', 'center'], ['inherit']), (['height', 'weight'], ['treat'])],
                    kanon=(['center', 'sex'], 'inherit')),
    'pbc-sdv': dict(data='pbc', synthetic='{bench}/pbc.sdv.0.csv',
                    disclosure=[(['age', 'sex', 'stage'], ['status']), (['trt', 'sex', 'edema'], ['status', 'ascites'])],
                    kanon=(['sex', 'stage', 'trt'], 'status')),
}


def main():
    bench, out = sys.argv[1], sys.argv[2]
    from sklearn.metrics import roc_auc_score
    from sdmetrics.single_table import (DCRBaselineProtection, DCROverfittingProtection,
                                        DisclosureProtection, NewRowSynthesis)
    from sdmetrics.single_table.privacy.dcr_utils import calculate_dcr

    for name, case in CASES.items():
        d = case['data']
        folder = os.path.join(out, name)
        os.makedirs(folder, exist_ok=True)
        split = os.path.join(bench, 'splits')
        shutil.copy(os.path.join(split, f'{d}.train.csv'), os.path.join(folder, 'train.csv'))
        shutil.copy(os.path.join(split, f'{d}.holdout.csv'), os.path.join(folder, 'holdout.csv'))
        shutil.copy(os.path.join(split, f'{d}.meta.json'), os.path.join(folder, 'meta.json'))
        with open(os.path.join(folder, 'meta.json')) as f:
            meta = json.load(f)
        train = read_csv(os.path.join(folder, 'train.csv'))
        holdout = align(read_csv(os.path.join(folder, 'holdout.csv')), train, meta)
        if case['synthetic'] is None:
            sdv = align(read_csv(os.path.join(bench, f'{d}.sdv.0.csv')), train, meta)
            write_table(make_copies(train, holdout, sdv, meta), os.path.join(folder, 'synthetic.csv'), meta)
        else:
            shutil.copy(case['synthetic'].format(bench=bench), os.path.join(folder, 'synthetic.csv'))
        synthetic = align(read_csv(os.path.join(folder, 'synthetic.csv')), train, meta)
        res = {'case': name, 'columns': [c for c in modelled(meta)]}

        # DCR vectors, and the independent numpy evaluation for nearest index / second distance.
        dcr_st = calculate_dcr(synthetic, train, meta)
        best, index, second = numpy_dcr(synthetic, train, meta)
        assert np.array_equal(best, dcr_st.to_numpy()), f'{name}: numpy distance differs from calculate_dcr'
        res['dcr_synthetic_train'] = floats(dcr_st)
        res['nearest_synthetic_train'] = [int(i) for i in index]
        res['second_synthetic_train'] = floats(second)
        res['dcr_synthetic_holdout'] = floats(calculate_dcr(synthetic, holdout, meta))
        dcr_ts = calculate_dcr(train, synthetic, meta)
        dcr_hs = calculate_dcr(holdout, synthetic, meta)
        res['dcr_train_synthetic'] = floats(dcr_ts)
        res['dcr_holdout_synthetic'] = floats(dcr_hs)

        res['dcr_overfitting'] = DCROverfittingProtection.compute_breakdown(
            train, synthetic, holdout, meta, None, num_rows_subsample=None)

        DCRBaselineProtection._seed = 0
        np.random.seed(0)
        res['dcr_baseline'] = DCRBaselineProtection.compute_breakdown(train, synthetic, meta, None)
        DCRBaselineProtection._seed = 0
        np.random.seed(0)
        random = DCRBaselineProtection._generate_random_data(train, len(synthetic))
        write_table(random, os.path.join(folder, 'random.csv'), meta)
        random_back = align(read_csv(os.path.join(folder, 'random.csv')), train, meta)
        res['dcr_random_train'] = floats(calculate_dcr(random_back, train, meta))
        assert np.median(res['dcr_random_train']) == res['dcr_baseline']['median_DCR_to_real_data']['random_data_baseline']

        # Sampling noise of the random median, datetimes as datetime64 (uniform draws).
        typed = train.copy()
        for c, info in meta['columns'].items():
            if info['sdtype'] == 'datetime':
                typed[c] = pd.to_datetime(typed[c], format=info.get('datetime_format'))
        medians = []
        for seed in range(1, NOISE_SEEDS + 1):
            DCRBaselineProtection._seed = seed
            np.random.seed(seed)
            b = DCRBaselineProtection.compute_breakdown(typed, synthetic, meta, None)
            medians.append(b['median_DCR_to_real_data']['random_data_baseline'])
        res['dcr_baseline_noise'] = {'seeds': NOISE_SEEDS, 'mean': float(np.mean(medians)),
                                     'sd': float(np.std(medians, ddof=1))}

        res['new_row_synthesis'] = NewRowSynthesis.compute_breakdown(
            train, synthetic, meta, numerical_match_tolerance=0.01)

        disclosure = []
        for known, sensitive in case['disclosure']:
            numeric = [c for c in known + sensitive if meta['columns'][c]['sdtype'] in ('numerical', 'datetime')]
            for continuous, method in ((numeric, 'cap'), (None, 'cap'), (numeric, 'zero_cap'),
                                       (numeric, 'generalized_cap')):
                r = DisclosureProtection.compute_breakdown(
                    train, synthetic, known_column_names=known, sensitive_column_names=sensitive,
                    computation_method=method, continuous_column_names=continuous, num_discrete_bins=10)
                disclosure.append({'known': known, 'sensitive': sensitive, 'continuous': continuous,
                                   'method': method, **r})
        res['disclosure'] = disclosure

        labels = np.r_[np.ones(len(dcr_ts)), np.zeros(len(dcr_hs))]
        res['membership'] = {'auc': float(roc_auc_score(labels, -np.r_[dcr_ts.to_numpy(), dcr_hs.to_numpy()]))}
        res['k_anonymity'] = k_anonymity(train, *case['kanon'])

        with open(os.path.join(folder, 'sdmetrics.json'), 'w') as f:
            json.dump(nan_to_none(res), f, indent=1)
        print(name, 'done')

    provenance = {
        'date': datetime.date.today().isoformat(),
        'command': ' '.join(['make_fixtures.py'] + sys.argv[1:]),
        'python': platform.python_version(),
        'packages': {p: md.version(p) for p in ('sdmetrics', 'sdv', 'pandas', 'numpy', 'scipy', 'scikit-learn')},
    }
    with open(os.path.join(out, 'provenance.json'), 'w') as f:
        json.dump(provenance, f, indent=1)


if __name__ == '__main__':
    main()
