"""run_mst.py TRAIN.csv --meta META.json --epsilon E [--delta D] [--seed S] --out SYNTH.csv

Fits smartnoise-synth's MST (Synthesizer.create("mst", epsilon=E, delta=D)) on one train split
of the peer protocol (../shared/peers/README.md), samples as many rows as TRAIN, writes them
with TRAIN's columns, and prints one JSON line.

Runs in its own environment (smartnoise-synth pins opacus 0.14 / mbi 1.x, which must not go into
the peers environment); the scorer is ../shared/peers/score.py in the peers environment.

Columns, from META (SDMetrics metadata written by split.py):
  id                     dropped before fitting; written back as 1..n so the CSV keeps TRAIN's
                         columns (score.py ignores id columns)
  categorical, boolean   categorical (LabelTransformer: one category per distinct value)
  numerical, datetime    continuous: smartnoise's 'cube' BinTransformer, 10 equal-width bins between
                         a lower and upper bound (values outside are clamped); sampled values are
                         bin midpoints. The bounds (--bounds):
                           dp   (smartnoise's default) inferred with differential privacy by
                                snsql's approx_bounds (Laplace on a power-of-two histogram, so the
                                bounds are powers of two); preprocessor_eps is split evenly over the
                                continuous columns. On small tables this often finds no bounds:
                                then one JSON line with "error" is printed and the exit code is 2.
                           data the train split's min and max, passed to BinTransformer as known
                                bounds, spending no epsilon: bounds treated as public schema
                                knowledge (as RareSynth's DP schema declares minimum/maximum). The
                                min/max themselves are NOT protected.
  every column is nullable (nullable=True): a missing value is one more category; a continuous
  column gets a second, 0/1 null-indicator attribute.

Privacy accounting: --epsilon is the TOTAL budget. smartnoise subtracts the preprocessor's spend
from it, so MST itself runs with epsilon - preprocessor_eps (reported as mst_epsilon), at --delta.
With --bounds dp, preprocessor_eps = epsilon / 3 by default, the ratio of smartnoise's MST
documentation example (epsilon=3.0, preprocessor_eps=1.0); --preprocessor-frac changes it.
With --bounds data, preprocessor_eps = 0 and MST gets all of epsilon.

Seeding: smartnoise takes no seed. --seed seeds Python's and numpy's global generators, which fix
MST's exponential-mechanism edge selection and mbi's sampling, but the Laplace (bounds) and
Gaussian (marginal) noise come from OpenDP's own generator, which cannot be seeded: runs with the
same seed still differ.
"""
import os

# One thread everywhere (2-core shared machine); must precede numpy / jax imports.
for _v in ('OMP_NUM_THREADS', 'MKL_NUM_THREADS', 'OPENBLAS_NUM_THREADS'):
    os.environ[_v] = '1'
os.environ.setdefault('XLA_FLAGS', '--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1')
os.environ.setdefault('JAX_PLATFORMS', 'cpu')

import argparse  # noqa: E402
import contextlib  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from importlib import metadata as md  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402


def read_csv(path):
    """As ../shared/peers/common.py: empty cells are missing, all else left to pandas."""
    return pd.read_csv(path, keep_default_na=False, na_values=[''])


def load_meta(path):
    with open(path) as f:
        meta = json.load(f)
    return meta['tables'][next(iter(meta['tables']))] if 'tables' in meta else meta


def version(name):
    try:
        return md.version(name)
    except md.PackageNotFoundError:
        return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument('train')
    p.add_argument('--meta', required=True)
    p.add_argument('--epsilon', type=float, required=True, help='total budget (includes preprocessing)')
    p.add_argument('--delta', type=float, default=1e-5)
    p.add_argument('--seed', type=int, default=0)
    p.add_argument('--preprocessor-frac', type=float, default=1 / 3,
                   help='share of epsilon spent inferring continuous bounds (default 1/3)')
    p.add_argument('--bounds', choices=['dp', 'data'], default='dp',
                   help='continuous bounds: dp = smartnoise infers them (spends preprocessor_eps); '
                        'data = train min/max treated as public (spends nothing)')
    p.add_argument('--rows', type=int, help='rows to sample (default: as many as TRAIN)')
    p.add_argument('--out', required=True)
    a = p.parse_args()

    random.seed(a.seed)
    np.random.seed(a.seed)

    from snsynth import Synthesizer
    from snsynth.transform.bin import BinTransformer

    if 'torch' in sys.modules:
        sys.modules['torch'].set_num_threads(1)

    df = read_csv(a.train)
    meta = load_meta(a.meta)
    cols = meta['columns']
    ids = [c for c in df.columns if cols.get(c, {}).get('sdtype') == 'id']
    cat, cont = [], []
    for c in df.columns:
        s = cols.get(c, {}).get('sdtype', 'categorical')
        if s == 'id':
            continue
        (cont if s in ('numerical', 'datetime') else cat).append(c)
    dt = [c for c in cont if cols[c]['sdtype'] == 'datetime']
    X = df[cat + cont].copy()
    for c in dt:  # days since epoch, back to text after sampling
        X[c] = (pd.to_datetime(X[c], format=cols[c].get('datetime_format'), errors='coerce')
                - pd.Timestamp(0)).dt.days.astype(float)
    X = X[[c for c in df.columns if c in X.columns]]  # keep TRAIN's column order

    base = {'synth': 'mst', 'epsilon': a.epsilon, 'delta': a.delta, 'seed': a.seed,
            'bounds': a.bounds, 'data': os.path.basename(a.train)}
    constraints = None
    if a.bounds == 'data':
        constraints = {c: BinTransformer(lower=float(X[c].min()), upper=float(X[c].max()),
                                         nullable=True) for c in cont}
        pre_eps = 0.0
    else:
        pre_eps = a.epsilon * a.preprocessor_frac if cont else 0.0
    synth = Synthesizer.create('mst', epsilon=a.epsilon, delta=a.delta)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        with contextlib.redirect_stdout(sys.stderr):  # smartnoise prints its budget split
            synth.fit(X, transformer=constraints, categorical_columns=cat,
                      continuous_columns=[c for c in cont if not constraints],
                      preprocessor_eps=pre_eps, nullable=True)
    except ValueError as e:  # e.g. 'BinTransformer could not find bounds.'
        base.update({'error': str(e), 'fit_s': round(time.perf_counter() - t0, 3),
                     'preprocessor_eps_requested': round(pre_eps, 6),
                     'preprocessor_eps_per_column': round(pre_eps / max(1, len(cont)), 6),
                     'version': version('smartnoise-synth')})
        print(json.dumps(base))
        sys.exit(2)
    fit_s, fit_cpu_s = time.perf_counter() - t0, time.process_time() - c0

    rows = a.rows or len(df)
    t0 = time.perf_counter()
    with contextlib.redirect_stdout(sys.stderr):
        out = synth.sample(rows)
    sample_s = time.perf_counter() - t0

    out = pd.DataFrame(out)
    for c in dt:
        d = pd.Timestamp(0) + pd.to_timedelta(pd.to_numeric(out[c]).round(), unit='D')
        out[c] = d.dt.strftime(cols[c].get('datetime_format') or '%Y-%m-%d')
    for c in ids:
        out[c] = np.arange(1, rows + 1)
    out = out.reindex(columns=df.columns)
    out.to_csv(a.out, index=False)

    tt = synth._transformer
    spent_eps, _ = tt.odometer.spent
    bounds = {}
    for c, t in zip(X.columns, tt.transformers):
        if isinstance(t, BinTransformer):
            bounds[c] = [t.fit_lower, t.fit_upper]
    res = {
        **base,
        'fit_s': round(fit_s, 3), 'sample_s': round(sample_s, 3),
        'preprocessor_eps': round(float(spent_eps), 6),
        'version': version('smartnoise-synth'),
        'out': a.out, 'train_rows': len(df), 'sample_rows': rows,
        'mst_epsilon': round(float(synth.epsilon), 6),  # what MST itself ran with
        'preprocessor_eps_requested': round(pre_eps, 6),
        'preprocessor_eps_per_column': round(pre_eps / max(1, len(cont)), 6),
        'epsilon_includes_preprocessor': True,
        'fit_cpu_s': round(fit_cpu_s, 3),
        'categorical': cat, 'continuous': cont, 'dropped_ids': ids, 'nullable': True,
        'continuous_bins': 10, 'continuous_bounds': bounds,
        'mst_attributes': int(tt.output_width),
        'seeded': 'python random + numpy global only; OpenDP noise is unseeded',
        'versions': {k: version(k) for k in ('mbi', 'smartnoise-sql', 'opendp', 'jax', 'numpy',
                                             'pandas')},
        'python': sys.version.split()[0],
        'peak_rss_mb': round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        'rss_before_fit_mb': round(rss0, 1),
        'loadavg_1m_after': round(os.getloadavg()[0], 2),
    }
    print(json.dumps(res))


if __name__ == '__main__':
    main()
