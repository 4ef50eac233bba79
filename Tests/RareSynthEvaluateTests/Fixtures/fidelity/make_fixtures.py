"""Reference values for RareSynthFidelityNEW, computed by scipy/numpy and by SDMetrics itself.

usage: python make_fixtures.py SPLITS_DIR BENCH_DIR OUT_DIR [PEERS_DIR]

Run from Tests/RareSynthEvaluateTests/Fixtures/fidelity (OUT_DIR = .). SPLITS_DIR holds NAME.train.csv and NAME.meta.json (peers/split.py); BENCH_DIR holds NAME.sdv.0.csv
(peers/run_sdv.py) and lung.raresynth.0/synthetic.csv; PEERS_DIR (default /work/shared/peers) has
common.py and score.py, whose CSV loading and dtype alignment the DiagnosticReport reference uses.

For each case folder OUT_DIR/CASE it writes real.csv, synthetic.csv, meta.json and expected.json:
- fidelity: per-column W1 (scipy.stats.wasserstein_distance), JS distance
  (scipy.spatial.distance.jensenshannon, base 2) and KL (scipy.stats.entropy) on 10 equal-width
  bins over the real range with clamped synthetic values (continuous), or on category counts with
  missing as a category (discrete); category shares; Pearson, Spearman (pairwise complete) and
  Cramer's V (scipy.stats.contingency.association) matrices; MMD^2 with an RBF kernel and the
  median heuristic in numpy, without and with a seeded subsample (the sampler of
  RareSynthNumerics' SeededRandom, re-implemented below);
- diagnostic: SDMetrics 0.32 single-table DiagnosticReport, loaded as peers/score.py loads data.
The columns are decoded from text exactly as Tests/RareSynthEvaluateTests/FixtureTables.swift does.
"""
import json
import math
import os
import shutil
import sys
import warnings

import numpy as np
import pandas as pd
import scipy
import sdmetrics
from scipy.spatial.distance import jensenshannon, pdist, squareform
from scipy.stats import entropy, pearsonr, spearmanr, wasserstein_distance
from scipy.stats.contingency import association

warnings.filterwarnings('ignore')

SPLITS, BENCH, OUT = sys.argv[1:4]
PEERS = sys.argv[4] if len(sys.argv) > 4 else '/work/shared/peers'
sys.path.insert(0, PEERS)
from common import load_meta, read_csv  # noqa: E402
from score import align  # noqa: E402

PSEUDO = 1.0          # KL smoothing (Laplace)
BINS = 10             # numpy's default bins


def num(x):
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) else x


# ---------- decoding, as FixtureTables.swift ----------

BOOL = {'True': True, 'TRUE': True, 'true': True, 'False': False, 'FALSE': False, 'false': False}


def raw(path):
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    return {c: [None if v == '' else v for v in df[c]] for c in df.columns}, list(df.columns)


def number(t):
    try:
        v = float(t.strip())
    except ValueError:
        return None
    return None if math.isnan(v) else v


def label(v):
    return str(int(v)) if v == round(v) and abs(v) < 1e15 else repr(v)


def days_from_civil(y, m, d):
    y = y - 1 if m <= 2 else y
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    mp = (m + 9) % 12
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def nanoseconds(t, fmt):
    import re
    parts = re.split(r'[- :T]', t)
    parts = [p for p in parts if p != '']
    try:
        y, m, d = int(parts[0]), int(parts[1]), int(parts[2])
    except (ValueError, IndexError):
        return None
    s = days_from_civil(y, m, d) * 86400
    if '%H' in fmt and len(parts) >= 5:
        s += int(parts[3]) * 3600 + int(parts[4]) * 60 + (int(parts[5]) if len(parts) > 5 else 0)
    return float(s) * 1e9


def decode(real_cells, syn_cells, sdtype, fmt):
    """(kind, real values, synthetic values); numbers as float arrays (NaN missing), labels as lists."""
    if sdtype == 'datetime':
        f = fmt or '%Y-%m-%d'
        conv = lambda cells: np.array([np.nan if c is None or nanoseconds(c, f) is None else nanoseconds(c, f)
                                       for c in cells], dtype=float)
        return 'continuous', conv(real_cells), conv(syn_cells)
    if sdtype == 'numerical':
        conv = lambda cells: np.array([np.nan if c is None or number(c) is None else number(c) for c in cells])
        return 'continuous', conv(real_cells), conv(syn_cells)
    present = [c for c in real_cells if c is not None]
    if present and all(c in BOOL for c in present):
        return 'discrete', [None if c is None else ('true' if BOOL[c] else 'false') for c in real_cells], \
            [None if c is None else ('true' if c.strip().lower() in ('true', '1', '1.0') else 'false') for c in syn_cells]
    if all(number(c) is not None for c in present):
        conv = lambda cells: [None if c is None or number(c) is None else label(number(c)) for c in cells]
        return 'discrete', conv(real_cells), conv(syn_cells)
    return 'discrete', list(real_cells), list(syn_cells)


# ---------- fidelity references ----------

def continuous_distance(r, s):
    r, s = r[~np.isnan(r)], s[~np.isnan(s)]
    if len(r) == 0 or len(s) == 0:
        return {'wasserstein': None, 'normalized_wasserstein': None, 'jensen_shannon': None, 'kullback_leibler': None}
    w = wasserstein_distance(r, s)
    rng = r.max() - r.min()
    edges = np.histogram_bin_edges(r, bins=BINS)
    p = np.histogram(r, edges)[0].astype(float)
    q = np.histogram(np.clip(s, edges[0], edges[-1]), edges)[0].astype(float)
    return {'wasserstein': num(w), 'normalized_wasserstein': num(w / rng) if rng > 0 else None,
            'jensen_shannon': num(jensenshannon(p, q, base=2)), 'kullback_leibler': num(entropy(p + PSEUDO, q + PSEUDO)),
            'real_bins': p.tolist(), 'synthetic_bins': q.tolist()}


def categories(r, s):
    order = []
    seen = set()
    for v in list(r) + list(s):
        k = ('NA',) if v is None else v
        if k not in seen:
            seen.add(k)
            order.append(v)
    return order


def categorical_distance(r, s):
    cats = categories(r, s)
    key = lambda v: ('NA',) if v is None else v
    rc = pd.Series([key(v) for v in r], dtype=object).value_counts(dropna=False)
    sc = pd.Series([key(v) for v in s], dtype=object).value_counts(dropna=False)
    p = np.array([float(rc.get(key(c), 0)) for c in cats])
    q = np.array([float(sc.get(key(c), 0)) for c in cats])
    ok = len(r) > 0 and len(s) > 0
    return {'jensen_shannon': num(jensenshannon(p, q, base=2)) if ok else None,
            'kullback_leibler': num(entropy(p + PSEUDO, q + PSEUDO)) if ok else None,
            'gaps': [{'category': c, 'real_count': int(a), 'synthetic_count': int(b),
                      'real_share': a / len(r), 'synthetic_share': b / len(s)} for c, a, b in zip(cats, p, q)]}


def varies(x):
    x = x[~np.isnan(x)]
    return len(x) >= 2 and x.min() != x.max()


def corr_pair(x, y, fn):
    mask = ~np.isnan(x) & ~np.isnan(y)
    if mask.sum() < 2:
        return None
    xs, ys = x[mask], y[mask]
    if xs.min() == xs.max() or ys.min() == ys.max():
        return None
    return num(fn(xs, ys).statistic)


def cramer(a, b):
    sa = pd.Series(['\0NA' if v is None else v for v in a])
    sb = pd.Series(['\0NA' if v is None else v for v in b])
    tab = pd.crosstab(sa, sb)
    if tab.shape[0] < 2 or tab.shape[1] < 2:
        return None
    return num(association(tab.values, method='cramer'))


def matrix(names, real, syn, pair, diag):
    p = len(names)
    R = [[None] * p for _ in range(p)]
    S = [[None] * p for _ in range(p)]
    gaps = []
    for i in range(p):
        R[i][i] = 1.0 if diag(real[i]) else None
        S[i][i] = 1.0 if diag(syn[i]) else None
        for j in range(i + 1, p):
            R[i][j] = R[j][i] = pair(real[i], real[j])
            S[i][j] = S[j][i] = pair(syn[i], syn[j])
            if R[i][j] is not None and S[i][j] is not None:
                gaps.append(abs(S[i][j] - R[i][j]))
    return {'columns': names, 'real': R, 'synthetic': S,
            'mean_absolute_difference': float(np.mean(gaps)) if gaps else None, 'compared_pairs': len(gaps)}


# SeededRandom (xoshiro256** seeded by SplitMix64) and its sampleWithoutReplacement.
MASK = (1 << 64) - 1


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class SeededRandom:
    def __init__(self, seed, stream):
        key = mix(mix(seed) ^ mix((stream + 0x632BE59BD9B4E019) & MASK))
        state, self.s = key, []
        for _ in range(4):
            state = (state + 0x9E3779B97F4A7C15) & MASK
            self.s.append(mix(state))

    def next(self):
        s0, s1, s2, s3 = self.s
        result = (rotl((s1 * 5) & MASK, 7) * 9) & MASK
        t = (s1 << 17) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        self.s = [s0, s1, s2, s3]
        return result

    def next_int(self, bound):
        p = self.next() * bound
        if p & MASK < bound:
            threshold = ((1 << 64) - bound) % bound
            while p & MASK < threshold:
                p = self.next() * bound
        return p >> 64

    def sample(self, count, population):
        displaced, out = {}, []
        for i in range(count):
            j = i + self.next_int(population - i)
            vj, vi = displaced.get(j, j), displaced.get(i, i)
            displaced[j] = vi
            out.append(vj)
        return out


def sampled_rows(n, max_rows, seed, stream):
    limit = max(2, max_rows)
    return list(range(n)) if n <= limit else sorted(SeededRandom(seed, stream).sample(limit, n))


def mmd(cols, max_rows=2000, seed=0):
    n, m = len(cols[0][1]), len(cols[0][2])
    R, S = sampled_rows(n, max_rows, seed, 0), sampled_rows(m, max_rows, seed, 1)
    scaled, missing, onehot = [], [], []
    for kind, r, s in cols:
        if kind == 'continuous':
            lo, hi = (np.nanmin(r), np.nanmax(r)) if (~np.isnan(r)).any() else (0.0, 0.0)
            div = hi - lo if hi > lo else 1.0
            pooled = np.concatenate([r[R], s[S]])
            v = (pooled - lo) / div
            miss = np.isnan(v)
            v[miss] = 0.0
            scaled.append(v)
            missing.append(miss.astype(float))
        else:
            cats = categories(r, s)
            pooled = [r[i] for i in R] + [s[i] for i in S]
            for c in cats:
                onehot.append(np.array([1.0 if v == c else 0.0 for v in pooled]))
    Z = np.column_stack(scaled + missing + onehot)
    D = pdist(Z)
    med = float(np.median(D))
    sigma = med if med > 0 else 1.0
    K = np.exp(-squareform(D) ** 2 / (2 * sigma ** 2))
    a, b = len(R), len(S)
    kxx, kyy, kxy = K[:a, :a].sum(), K[a:, a:].sum(), K[:a, a:].sum()
    return {'unbiased': (kxx - a) / (a * (a - 1)) + (kyy - b) / (b * (b - 1)) - 2 * kxy / (a * b),
            'biased': kxx / a ** 2 + kyy / b ** 2 - 2 * kxy / (a * b), 'bandwidth': sigma,
            'real_rows': a, 'synthetic_rows': b, 'dimension': Z.shape[1], 'max_rows': max_rows, 'seed': seed,
            'real_sample': R if a < n else None, 'synthetic_sample': S if b < m else None}


def fidelity(real_path, syn_path, meta):
    real, header = raw(real_path)
    syn, _ = raw(syn_path)
    n_syn = len(next(iter(syn.values())))
    cols, names = [], []
    for c in header:
        info = meta['columns'].get(c)
        if info is None or info['sdtype'] not in ('numerical', 'datetime', 'categorical', 'ordinal', 'boolean'):
            continue
        s_cells = syn.get(c, [None] * n_syn)
        cols.append(decode(real[c], s_cells, info['sdtype'], info.get('datetime_format')))
        names.append(c)
    cont = [(nm, r, s) for nm, (k, r, s) in zip(names, cols) if k == 'continuous']
    disc = [(nm, r, s) for nm, (k, r, s) in zip(names, cols) if k == 'discrete']
    out = {'continuous': {nm: continuous_distance(r, s) for nm, r, s in cont},
           'categorical': {nm: categorical_distance(r, s) for nm, r, s in disc}}
    cn = [x[0] for x in cont]
    out['pearson'] = matrix(cn, [x[1] for x in cont], [x[2] for x in cont], lambda x, y: corr_pair(x, y, pearsonr), varies)
    out['spearman'] = matrix(cn, [x[1] for x in cont], [x[2] for x in cont], lambda x, y: corr_pair(x, y, spearmanr), varies)
    dn = [x[0] for x in disc]
    ndistinct = lambda v: len(set(('NA',) if x is None else x for x in v)) >= 2
    out['cramers_v'] = matrix(dn, [x[1] for x in disc], [x[2] for x in disc], cramer, ndistinct)
    out['mmd'] = mmd(cols)
    out['mmd_subsampled'] = mmd(cols, max_rows=100, seed=7)
    return out


# ---------- SDMetrics DiagnosticReport, as peers/score.py runs it ----------

def diagnostic(real_path, syn_path, meta):
    from sdmetrics.reports.single_table import DiagnosticReport
    real = read_csv(real_path)
    syn = align(read_csv(syn_path), real, meta)
    dtypes = {'real': {c: str(t) for c, t in real.dtypes.items()}, 'synthetic': {c: str(t) for c, t in syn.dtypes.items()}}
    rep = DiagnosticReport()
    rep.generate(real, syn, meta, verbose=False)
    props = {row.Property: num(row.Score) for row in rep.get_properties().itertuples()}
    det = rep.get_details('Data Validity')
    details = []
    for _, row in det.iterrows():
        col = row['Column']
        details.append({'columns': list(col) if isinstance(col, (list, tuple)) else [col], 'metric': row['Metric'],
                        'score': num(row['Score']),
                        'error': None if 'Error' not in det.columns or pd.isna(row['Error']) else row['Error']})
    return {'overall': num(rep.get_score()), 'data_validity': props['Data Validity'],
            'data_structure': props['Data Structure'], 'details': details, 'dtypes_before_conversion': dtypes}


# ---------- cases ----------

def perturb_pbc(syn):
    """Out-of-range and blanked numbers, unseen categories, duplicate and missing ids."""
    rng = np.random.default_rng(1)
    n = len(syn)
    idx = lambda k: rng.choice(n, size=k, replace=False)
    syn['bili'] = [str(round(float(v) * 3, 1)) if v else v for v in syn['bili']]      # beyond the real max
    for i in idx(30):
        syn.at[i, 'time'] = ''                                       # int64 -> float64, invalid (real has none missing)
    for i in idx(25):
        syn.at[i, 'chol'] = ''                                       # real chol has missing: still valid
    for i in idx(8):
        syn.at[i, 'stage'] = '5'                                     # unseen category
    for i in idx(4):
        syn.at[i, 'sex'] = 'x'
    for i in idx(10):
        syn.at[i, 'id'] = syn.at[(i + 1) % n, 'id']                  # duplicate keys
    for i in idx(3):
        syn.at[i, 'id'] = ''                                         # missing keys
    syn.loc[0, 'age'] = '-5'
    return syn


def perturb_cgd(syn):
    """Dates outside the real range and blank ones, an unseen centre, blank ages."""
    rng = np.random.default_rng(2)
    n = len(syn)
    idx = lambda k: rng.choice(n, size=k, replace=False)
    for k, i in enumerate(idx(12)):
        syn.at[i, 'random'] = f'19{95 + k % 4}-0{1 + k % 9}-1{k % 9}'
    for i in idx(6):
        syn.at[i, 'random'] = ''
    for i in idx(5):
        syn.at[i, 'center'] = 'Nowhere'
    for i in idx(7):
        syn.at[i, 'age'] = ''
    syn.loc[3, 'height'] = '250.5'
    return syn


def badformat_cgd(syn):
    """Dates written in another format: SDMetrics cannot convert the synthetic column."""
    rng = np.random.default_rng(3)
    for i in rng.choice(len(syn), size=9, replace=False):
        syn.at[i, 'random'] = syn.at[i, 'random'].replace('-', '/')
    return syn


CASES = [
    ('lung-sdv', 'lung', 'lung.sdv.0.csv', None),
    ('lung-raresynth', 'lung', 'lung.raresynth.0/synthetic.csv', None),
    ('pbc-sdv', 'pbc', 'pbc.sdv.0.csv', None),
    ('cgd-sdv', 'cgd', 'cgd.sdv.0.csv', None),
    ('pbc-perturbed', 'pbc', 'pbc.sdv.0.csv', perturb_pbc),
    ('cgd-perturbed', 'cgd', 'cgd.sdv.0.csv', perturb_cgd),
    ('cgd-badformat', 'cgd', 'cgd.sdv.0.csv', badformat_cgd),
]

for case, data, syn_file, perturb in CASES:
    d = os.path.join(OUT, case)
    os.makedirs(d, exist_ok=True)
    shutil.copy(os.path.join(SPLITS, f'{data}.train.csv'), os.path.join(d, 'real.csv'))
    shutil.copy(os.path.join(SPLITS, f'{data}.meta.json'), os.path.join(d, 'meta.json'))
    syn_out = os.path.join(d, 'synthetic.csv')
    if perturb is None:
        shutil.copy(os.path.join(BENCH, syn_file), syn_out)
    else:
        syn = pd.read_csv(os.path.join(BENCH, syn_file), dtype=str, keep_default_na=False)
        perturb(syn).to_csv(syn_out, index=False)
    meta = load_meta(os.path.join(d, 'meta.json'))
    expected = {'fidelity': fidelity(os.path.join(d, 'real.csv'), syn_out, meta),
                'diagnostic': diagnostic(os.path.join(d, 'real.csv'), syn_out, meta),
                'pseudo_count': PSEUDO}
    with open(os.path.join(d, 'expected.json'), 'w') as f:
        json.dump(expected, f, indent=1, allow_nan=False)
    print(case, 'diagnostic', expected['diagnostic']['overall'], expected['diagnostic']['data_validity'],
          expected['diagnostic']['data_structure'], 'mmd', expected['fidelity']['mmd']['unbiased'])

with open(os.path.join(OUT, 'provenance.json'), 'w') as f:
    json.dump({'python': sys.version.split()[0], 'numpy': np.__version__, 'scipy': scipy.__version__,
               'pandas': pd.__version__, 'sdmetrics': sdmetrics.__version__,
               'command': 'python make_fixtures.py ' + ' '.join(sys.argv[1:]),
               'cases': [c[0] for c in CASES]}, f, indent=1)
