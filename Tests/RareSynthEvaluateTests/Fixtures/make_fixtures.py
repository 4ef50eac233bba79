"""Reference values for RareSynthEvaluate's QualityReport, computed by SDMetrics 0.32 itself.

Usage (from /work/main, after the peer environment and splits exist):

    PY=$(../shared/peers/setup)                      # SDV 2.0.0, SDMetrics 0.32.0
    for d in pbc cgd colon nwtco lung veteran pbcseq; do
      $PY ../shared/peers/split.py ../shared/data/$d.csv /tmp/splits
      $PY ../shared/peers/run_sdv.py /tmp/splits/$d.train.csv --synth gaussiancopula \
          --out /tmp/sdv/$d.sdv.csv --threads 1
    done
    $PY Tests/RareSynthEvaluateTests/Fixtures/make_fixtures.py /tmp/splits /tmp/sdv \
        Tests/RareSynthEvaluateTests/Fixtures

For each case it writes the real and synthetic CSVs it scored (cell text verbatim), the metadata,
and `expected.json`: overall and property scores and every per-column and per-pair detail row of
`sdmetrics.reports.single_table.QualityReport` (NaN written as null). Data are loaded exactly as
`../shared/peers/score.py` loads them (`read_csv`, then `align` of the synthetic frame to the real
dtypes); both functions are copied below so this script stands alone.

Cases: the SDV GaussianCopula output for every dataset (colon, nwtco and pbcseq subsampled to
300 rows of train and of synthetic data BEFORE scoring); a "shuffled" synthetic table (each real
column permuted independently: shapes perfect, pairs broken) for pbc, cgd and nwtco; a "missing"
table (SDV output with 20% of cells blanked and the real pattern of missing values erased) for pbc
and lung; and "edge", a hand-made table that exercises boolean, datetime with missing values,
constant columns, a column with no synthetic values, synthetic-only categories and an id column.
`metrics.json` holds each metric computed directly on in-memory values (see `metric_cases`).
"""
import datetime
import importlib.metadata as md
import json
import os
import platform
import sys
import warnings

import numpy as np
import pandas as pd

warnings.filterwarnings('ignore')
SUBSAMPLE = {'colon': 300, 'nwtco': 300, 'pbcseq': 300}
DATASETS = ['pbc', 'cgd', 'colon', 'nwtco', 'lung', 'veteran', 'pbcseq']


def read_csv(path):
    """As peers/common.py: empty cells are missing values; everything else is left to pandas."""
    return pd.read_csv(path, keep_default_na=False, na_values=[''])


def align(df, real, meta):
    """As peers/score.py: give SYNTH the columns and dtypes of REAL."""
    df = df.reindex(columns=real.columns)
    for c in real.columns:
        sdtype = meta['columns'].get(c, {}).get('sdtype')
        if sdtype == 'datetime':
            continue
        if pd.api.types.is_bool_dtype(real[c]):
            df[c] = df[c].map(lambda v: v if isinstance(v, bool) or pd.isna(v)
                              else str(v).strip().lower() in ('true', '1', '1.0'))
        elif pd.api.types.is_numeric_dtype(real[c]):
            df[c] = pd.to_numeric(df[c], errors='coerce')
        else:
            df[c] = df[c].where(df[c].isna(), df[c].astype(str))
    return df


def text(path):
    """The file's cells as text, verbatim."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def nan_to_none(v):
    if v is None:
        return None
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if v is pd.NA:
        return None
    if isinstance(v, (float, np.floating)):
        return None if np.isnan(v) else float(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    return v


def score(outdir, case, real_text, synth_text, meta):
    os.makedirs(f'{outdir}/{case}', exist_ok=True)
    real_text.to_csv(f'{outdir}/{case}/real.csv', index=False)
    synth_text.to_csv(f'{outdir}/{case}/synthetic.csv', index=False)
    with open(f'{outdir}/{case}/meta.json', 'w') as f:
        json.dump(meta, f, indent=1)

    from sdmetrics.reports.single_table import QualityReport
    np.random.seed(0)
    real = read_csv(f'{outdir}/{case}/real.csv')
    synth = align(read_csv(f'{outdir}/{case}/synthetic.csv'), real, meta)
    report = QualityReport()
    report.generate(real, synth, meta, verbose=False)
    props = report.get_properties()
    out = {
        'case': case,
        'real_rows': len(real), 'synthetic_rows': len(synth),
        'overall': nan_to_none(report.get_score()),
        'column_shapes': nan_to_none(props.loc[props.Property == 'Column Shapes', 'Score'].iloc[0]),
        'column_pair_trends': nan_to_none(
            props.loc[props.Property == 'Column Pair Trends', 'Score'].iloc[0]),
        'shapes': [], 'pairs': [],
    }
    for row in report.get_details('Column Shapes').to_dict('records'):
        out['shapes'].append({'column': row['Column'], 'metric': row['Metric'],
                              'score': nan_to_none(row['Score']),
                              'error': nan_to_none(row.get('Error'))})
    for row in report.get_details('Column Pair Trends').to_dict('records'):
        out['pairs'].append({
            'column1': row['Column 1'], 'column2': row['Column 2'], 'metric': row['Metric'],
            'score': nan_to_none(row['Score']),
            'real_correlation': nan_to_none(row['Real Correlation']),
            'synthetic_correlation': nan_to_none(row['Synthetic Correlation']),
            'real_association': nan_to_none(row['Real Association']),
            'meets_threshold': nan_to_none(row['Meets Threshold?']),
            'error': nan_to_none(row.get('Error')),
        })
    with open(f'{outdir}/{case}/expected.json', 'w') as f:
        json.dump(out, f, indent=1)
    print(case, out['overall'], out['column_shapes'], out['column_pair_trends'])
    return case


def edge_case():
    """A small table whose every column exercises one rule of the report."""
    rng = np.random.default_rng(7)
    n, m = 60, 50
    x = rng.normal(size=n)
    sx = rng.normal(size=m)

    def fmt(v):
        return '' if v is None or (isinstance(v, float) and np.isnan(v)) else repr(float(v))

    days = pd.Timestamp('2000-01-01') + pd.to_timedelta(rng.integers(0, 4000, n), unit='D')
    sdays = pd.Timestamp('2000-01-01') + pd.to_timedelta(rng.integers(0, 4000, m), unit='D')
    real = pd.DataFrame({
        'pid': [str(i) for i in range(n)],                                    # id: skipped
        'x': [fmt(v) for v in x],
        'y': [fmt(2 * v + rng.normal(scale=0.5)) if i % 9 else '' for i, v in enumerate(x)],
        'when': [d.strftime('%Y-%m-%d') if i % 7 else '' for i, d in enumerate(days)],
        'flag': ['True' if v > 0 else 'False' for v in x],                   # boolean
        'grp': [('a' if v > 0.3 else 'b' if v > -0.3 else 'c') if i % 11 else '' for i, v in enumerate(x)],
        'const_num': ['5'] * n,                                              # constant in real
        'const_cat': ['k'] * n,                                              # one category
        'empty_syn': [fmt(v) for v in rng.normal(size=n)],                   # no synthetic values
    })
    synth = pd.DataFrame({
        'pid': [str(1000 + i) for i in range(m)],
        'x': [fmt(v) for v in sx],
        'y': [fmt(-v + rng.normal(scale=0.5)) if i % 5 else '' for i, v in enumerate(sx)],
        'when': [d.strftime('%Y-%m-%d') if i % 4 else '' for i, d in enumerate(sdays)],
        'flag': [('TRUE' if v > 0.5 else 'false') if i % 6 else '' for i, v in enumerate(sx)],
        'grp': [('a' if v > 0.5 else 'd' if v > -0.5 else 'c') for v in sx],  # 'd' synthetic-only
        'const_num': [fmt(v) for v in rng.normal(5, 1, size=m)],
        'const_cat': ['k' if i % 3 else 'z' for i in range(m)],
        'empty_syn': [''] * m,
    })
    meta = {'columns': {
        'pid': {'sdtype': 'id'}, 'x': {'sdtype': 'numerical'}, 'y': {'sdtype': 'numerical'},
        'when': {'sdtype': 'datetime', 'datetime_format': '%Y-%m-%d'},
        'flag': {'sdtype': 'boolean'}, 'grp': {'sdtype': 'categorical'},
        'const_num': {'sdtype': 'numerical'}, 'const_cat': {'sdtype': 'categorical'},
        'empty_syn': {'sdtype': 'numerical'},
    }, 'primary_key': 'pid'}
    return real, synth, meta


def metric_cases(outdir):
    """Each metric on in-memory values, bypassing CSV parsing (pandas' float parser is not
    correctly rounded, e.g. it reads '0.30000000000000004' as 0.3, so near-ties cannot travel
    through a CSV). Values are stored in JSON, whose floats round-trip exactly."""
    from sdmetrics.column_pairs.statistical import ContingencySimilarity, CorrelationSimilarity
    from sdmetrics.single_column import KSComplement, TVComplement
    rng = np.random.default_rng(3)
    cases = []

    def num(values):
        return [None if v is None or np.isnan(v) else float(v) for v in values]

    def ks(name, real, synth):
        r, s = pd.Series(real, dtype=float), pd.Series(synth, dtype=float)
        cases.append({'metric': 'KSComplement', 'name': name, 'real': num(r), 'synthetic': num(s),
                      'score': nan_to_none(KSComplement.compute(r, s))})

    ks('rounding merges 0.1+0.2 with 0.3', [0.1 + 0.2] * 5 + [1.0, 2.0], [0.3] * 5 + [1.5, 2.5, None])
    ks('ties and missing', [1, 1, 2, 3, None, 3, 3], [1, 2, 2, 2, 5, None])
    ks('normal vs shifted', list(rng.normal(size=200)), list(rng.normal(0.3, 1.2, size=150)))
    ks('no synthetic values', [1.0, 2.0], [None, None])

    def tv(name, real, synth):
        score = TVComplement.compute(pd.Series(real, dtype=object), pd.Series(synth, dtype=object))
        cases.append({'metric': 'TVComplement', 'name': name, 'real': real, 'synthetic': synth,
                      'score': nan_to_none(score)})

    tv('synthetic-only categories', ['a', 'b', 'b', None, 'c'], ['b', 'd', 'd', 'e', None, 'a'])
    tv('identical', ['x', 'y', 'y'], ['y', 'x', 'y'])

    def corr(name, rx, ry, sx, sy, threshold):
        real = pd.DataFrame({'a': pd.Series(rx, dtype=float), 'b': pd.Series(ry, dtype=float)})
        synth = pd.DataFrame({'a': pd.Series(sx, dtype=float), 'b': pd.Series(sy, dtype=float)})
        try:
            b = CorrelationSimilarity.compute_breakdown(real, synth,
                                                        real_correlation_threshold=threshold)
            res = {'score': nan_to_none(b['score']), 'real_correlation': nan_to_none(b['real']),
                   'synthetic_correlation': nan_to_none(b['synthetic']), 'error': None}
        except Exception as e:
            res = {'score': None, 'real_correlation': None, 'synthetic_correlation': None,
                   'error': type(e).__name__}
        cases.append({'metric': 'CorrelationSimilarity', 'name': name, 'threshold': threshold,
                      'real': [num(rx), num(ry)], 'synthetic': [num(sx), num(sy)], **res})

    x = rng.normal(size=300)
    y = 0.8 * x + rng.normal(scale=0.6, size=300)
    y[::17] = np.nan
    sx = rng.normal(size=250)
    sy = 0.3 * sx + rng.normal(size=250)
    corr('correlated, with missing', x, y, sx, sy, 0)
    corr('correlated, threshold 0.5', x, y, sx, sy, 0.5)
    corr('weak real, threshold 0.5', x, rng.normal(size=300), sx, sy, 0.5)
    corr('two complete rows', [1.0, 2.0, None], [3.0, 1.0, 4.0], [1.0, 2.0, 3.0], [1.0, 2.0, 2.5], 0)
    corr('constant real column', [1.0, 1.0, None], [1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [3.0, 2.0, 1.0], 0)

    def cont(name, ra, rb, sa, sb, threshold):
        real = pd.DataFrame({'a': pd.Series(ra, dtype=object), 'b': pd.Series(rb, dtype=object)})
        synth = pd.DataFrame({'a': pd.Series(sa, dtype=object), 'b': pd.Series(sb, dtype=object)})
        b = ContingencySimilarity.compute_breakdown(real, synth,
                                                    real_association_threshold=threshold)
        cases.append({'metric': 'ContingencySimilarity', 'name': name, 'threshold': threshold,
                      'real': [ra, rb], 'synthetic': [sa, sb], 'score': nan_to_none(b['score']),
                      'real_association': nan_to_none(b.get('real_association'))})

    labels = np.array(['p', 'q', 'r'])
    ra = list(labels[rng.integers(0, 3, 120)])
    rb = [('u' if a == 'p' else 'v') if i % 5 else 'w' for i, a in enumerate(ra)]
    ra = [None if i % 13 == 0 else a for i, a in enumerate(ra)]
    sa = list(labels[rng.integers(0, 3, 90)])
    sb = [('u' if i % 2 else 'v') if i % 7 else None for i in range(90)]
    cont('missing is a category, threshold 0.3', ra, rb, sa, sb, 0.3)
    cont('missing is a category, no threshold', ra, rb, sa, sb, 0)
    cont('single real category', ['a'] * 6, ['x', 'y'] * 3, ['a', 'b'] * 3, ['x'] * 6, 0.3)
    with open(f'{outdir}/metrics.json', 'w') as f:
        json.dump(cases, f, indent=1)
    print('metrics', len(cases))


def main():
    splits, sdv, outdir = sys.argv[1:4]
    cases = []
    for d in DATASETS:
        real = text(f'{splits}/{d}.train.csv')
        synth = text(f'{sdv}/{d}.sdv.csv')
        with open(f'{splits}/{d}.meta.json') as f:
            meta = json.load(f)
        if d in SUBSAMPLE:
            real = real.sample(n=SUBSAMPLE[d], random_state=0).reset_index(drop=True)
            synth = synth.sample(n=SUBSAMPLE[d], random_state=0).reset_index(drop=True)
        cases.append(score(outdir, f'{d}-sdv', real, synth, meta))
        if d in ('pbc', 'cgd', 'nwtco'):
            rng = np.random.default_rng(1)
            shuffled = real.copy()
            for c in shuffled.columns:
                shuffled[c] = shuffled[c].to_numpy()[rng.permutation(len(shuffled))]
            cases.append(score(outdir, f'{d}-shuffled', real, shuffled, meta))
        if d in ('pbc', 'lung'):
            rng = np.random.default_rng(2)
            holes = synth.copy()
            for c in holes.columns:
                if meta['columns'][c]['sdtype'] == 'id':
                    continue
                # Erase the real pattern of missing values, then blank 20% of cells at random.
                filled = holes[c].replace('', np.nan).ffill().bfill().fillna('')
                holes[c] = np.where(rng.random(len(holes)) < 0.2, '', filled)
            cases.append(score(outdir, f'{d}-missing', real, holes, meta))
    real, synth, meta = edge_case()
    cases.append(score(outdir, 'edge', real, synth, meta))
    metric_cases(outdir)

    provenance = {
        'generated': datetime.date.today().isoformat(),
        'command': ' '.join(['$PY', 'Tests/RareSynthEvaluateTests/Fixtures/make_fixtures.py'] + sys.argv[1:]),
        'python': platform.python_version(),
        'versions': {p: md.version(p) for p in ('sdmetrics', 'sdv', 'pandas', 'numpy', 'scipy')},
        'report': 'sdmetrics.reports.single_table.QualityReport (defaults: real correlation '
                  'threshold 0.5, real association threshold 0.3, 50,000-row contingency subsample '
                  'not reached)',
        'sources': {d: {'train': f'{splits}/{d}.train.csv (peers/split.py, seed 0)',
                        'synthetic': f'{sdv}/{d}.sdv.csv (peers/run_sdv.py --synth gaussiancopula '
                                     '--threads 1, seed 0)',
                        'subsample_rows': SUBSAMPLE.get(d)} for d in DATASETS},
        'cases': cases,
    }
    with open(f'{outdir}/provenance.json', 'w') as f:
        json.dump(provenance, f, indent=1)


if __name__ == '__main__':
    main()
