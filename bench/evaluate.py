"""bench/evaluate.py: `raresynth evaluate` beside SDMetrics 0.32 on the same real, synthetic and holdout files.

Run from the project root through bench/evaluate.sh (it builds the release binary first):

    bench/evaluate.sh                         # every dataset in ../shared/data, then the large case
    bench/evaluate.sh --datasets pbc,lung     # some of them (with --skip-large to leave the large case out)
    bench/evaluate.sh --large-only --rows 17500
    bench/evaluate.sh --fresh                 # recompute splits, synthetic data and SDMetrics scores

For each dataset: ../shared/peers/split.py makes the 80/20 split (seed 0); `raresynth synthesize TRAIN
--seed 0 --no-score --quiet` makes the synthetic table once; then the same three files are evaluated by

  SDMetrics  ../shared/peers/score.py as is, with --skip tstr and --privacy-rows 100000000 (DCR on every
             row, except DCROverfittingProtection, which score.py and RareSynth's balancedScore cut to the holdout's size, 3 draws). Its time is the sum of score.py's own timing_s entries (quality,
             diagnostic, dcr_baseline, dcr_overfitting, new_row_synthesis); the whole process's wall time
             (interpreter start, imports, reading) and peak RSS are recorded beside it.
  RareSynth  `raresynth evaluate TRAIN SYNTH --holdout HOLDOUT --schema DIR/schema.json --json --report`
             (+ --target / --survival where the dataset has them), timed as a whole process from outside:
             median wall time of --repeats runs, peak RSS of the largest.

The large case is nwtco's train split (3222 rows) resampled with replacement (numpy, seed 0) to
rows / 0.8 rows with seqno renumbered 1..n (so split.py splits rows, not repeated ids), then split 80/20:
17,500 train / 4,375 holdout by default. SDMetrics' DCR is O(n^2) in Python there: expect minutes.

Splits, synthetic tables and SDMetrics results are cached under --cache (default
/tmp/raresynth-bench/evaluate); the SDMetrics cache is keyed by the SHA-256 of train, synthetic, holdout,
metadata, score.py/common.py and the scorer's arguments, and the synthetic table by the train file's hash,
so re-running after a change to RareSynth only re-pays RareSynth's time. --fresh ignores every cache.
Peak RSS is ru_maxrss from wait4 of the child (what /usr/bin/time -v reports).

RareSynth's JSON layout is read through RS_KEYS below (dotted paths): adjust them there. A missing
`evaluate` command, a non-zero exit or a missing key is recorded, not fatal.
Outputs: bench/results/evaluate.md (table) and bench/results/evaluate.json (every figure, raw).
"""
import argparse
import hashlib
import json
import os
import statistics
import sys
import time

from benchtools import DATA, HERE, PEERS, log, run, timed_process, write_results
from peers import TARGETS  # the same TSTR target per dataset as bench/peers.py

# Dotted paths into `raresynth evaluate --json` output. Not final: adjust to the command's JSON.
RS_KEYS = {
    'quality': 'evaluation.fidelity.quality.overall',
    'shapes': 'evaluation.fidelity.quality.columnShapes',
    'pairs': 'evaluation.fidelity.quality.columnPairTrends',
    'diagnostic': 'evaluation.fidelity.diagnostic.overall',
    'dcr_baseline': 'evaluation.privacy.dcrBaselineProtection.score',
    # score.py cuts training and synthetic rows to the holdout's size (3 draws); RareSynth's
    # comparable figure is the balanced score (training cut to the holdout's size, 1 draw).
    'dcr_overfitting': 'evaluation.privacy.dcrOverfittingProtection.balancedScore',
    'new_rows': 'evaluation.privacy.newRowSynthesis.score',
}
# The same figures in ../shared/peers/score.py's JSON.
SDM_KEYS = {
    'quality': 'quality.overall',
    'shapes': 'quality.Column Shapes',
    'pairs': 'quality.Column Pair Trends',
    'diagnostic': 'diagnostic.overall',
    'dcr_baseline': 'privacy.dcr_baseline_protection.score',
    'dcr_overfitting': 'privacy.dcr_overfitting_protection.score',
    'new_rows': 'privacy.new_row_synthesis.score',
}
SDM_TIMINGS = ('quality', 'diagnostic', 'dcr_baseline', 'dcr_overfitting', 'new_row_synthesis')
# Survival time and event columns per dataset (R `survival` help pages): cgd is in counting-process
# form (tstart, tstop], the event at tstop; colon has one row per event type (etype).
SURVIVAL = {'cgd': ('tstop', 'status'), 'colon': ('time', 'status'), 'lung': ('time', 'status'),
            'nwtco': ('edrel', 'rel'), 'pbc': ('time', 'status'), 'pbcseq': ('futime', 'status'),
            'veteran': ('time', 'status')}
LARGE_SOURCE = 'nwtco'
SCORE_ARGS = ['--skip', 'tstr', '--privacy-rows', '100000000']









def sha256(*paths, extra=''):
    h = hashlib.sha256()
    for path in paths:
        with open(path, 'rb') as f:
            for chunk in iter(lambda: f.read(1 << 20), b''):
                h.update(chunk)
        h.update(b'\0')
    h.update(extra.encode())
    return h.hexdigest()


def dig(d, dotted):
    """Value at a dotted path, or None."""
    for k in dotted.split('.'):
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d if isinstance(d, (int, float)) and not isinstance(d, bool) else None


def csv_shape(path):
    with open(path) as f:
        header = f.readline()
        return sum(1 for line in f if line.strip()), len(header.split(','))


# MARK: inputs

def make_large(py, cache, rows, fresh):
    """nwtco's train split resampled with replacement to rows / 0.8 rows; returns the CSV path."""
    name = f'{LARGE_SOURCE}{rows}'
    path = f'{cache}/large/{name}.csv'
    if os.path.exists(path) and not fresh:
        return path
    src_dir = f'{cache}/splits'
    run([py, os.path.join(PEERS, 'split.py'), os.path.join(DATA, f'{LARGE_SOURCE}.csv'), src_dir])
    os.makedirs(os.path.dirname(path), exist_ok=True)
    total = round(rows / 0.8)
    code = f'''
import numpy as np, pandas as pd
src = pd.read_csv({f"{src_dir}/{LARGE_SOURCE}.train.csv"!r}, dtype=str, keep_default_na=False)
out = src.iloc[np.random.default_rng(0).integers(0, len(src), size={total})].reset_index(drop=True)
out['seqno'] = [str(i + 1) for i in range(len(out))]  # unique again: split.py then splits by row
out.to_csv({path!r}, index=False)
'''
    run([py, '-c', code])
    return path


def split(py, data_csv, cache, fresh):
    name = os.path.basename(data_csv).removesuffix('.csv')
    d = f'{cache}/splits'
    files = {k: f'{d}/{name}.{k}' for k in ('train.csv', 'holdout.csv', 'meta.json')}
    if fresh or not all(os.path.exists(p) for p in files.values()):
        run([py, os.path.join(PEERS, 'split.py'), data_csv, d])
    return files['train.csv'], files['holdout.csv'], files['meta.json']


def synthesize(synth_bin, train, cache, name, fresh):
    """`raresynth synthesize` once per train file (cached by its hash); returns (dir, seconds or None)."""
    out = f'{cache}/synth/{name}-{sha256(train)[:16]}'
    if os.path.exists(f'{out}/synthetic.csv') and os.path.exists(f'{out}/schema.json') and not fresh:
        return out, None
    wall, _, rc, err = timed_process([synth_bin, 'synthesize', train, '--out', out, '--seed', '0',
                                      '--no-score', '--quiet'])
    if rc != 0:
        sys.exit(f'raresynth synthesize failed on {train}:\n{err}')
    return out, wall


# MARK: the two evaluators

def sdmetrics(py, train, synth, holdout, meta, cache, fresh):
    score_py = os.path.join(PEERS, 'score.py')
    key = sha256(train, synth, holdout, meta, score_py, os.path.join(PEERS, 'common.py'),
                 extra=' '.join(SCORE_ARGS))
    path = f'{cache}/sdmetrics/{key}.json'
    if os.path.exists(path) and not fresh:
        with open(path) as f:
            out = json.load(f)
        out['cached'] = True
        return out
    os.makedirs(os.path.dirname(path), exist_ok=True)
    scores = f'{path}.scores'
    cmd = [py, score_py, train, synth, '--meta', meta, '--holdout', holdout, *SCORE_ARGS, '--json', scores]
    wall, peak, rc, err = timed_process(cmd)
    if rc != 0:
        sys.exit(f'failed: {" ".join(cmd)}\n{err}')
    with open(scores) as f:
        res = json.load(f)
    os.remove(scores)
    timing = res.get('timing_s', {})
    out = {'metric_s': sum(timing.get(k, 0.0) for k in SDM_TIMINGS), 'wall_s': wall, 'peak_mb': peak,
           'measured': time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime()), 'command': cmd, 'scores': res}
    with open(path, 'w') as f:
        json.dump(out, f, indent=1)
    out['cached'] = False
    return out


def raresynth(bin_, train, synth, holdout, schema, target, survival, out_prefix, repeats):
    cmd = [bin_, 'evaluate', train, synth, '--holdout', holdout, '--schema', schema,
           '--json', f'{out_prefix}.json', '--report', f'{out_prefix}.html', '--quiet']
    if target:
        cmd += ['--target', target]
    if survival:
        cmd += ['--survival', ','.join(survival)]
    walls, peaks = [], []
    for path in (f'{out_prefix}.json', f'{out_prefix}.html'):
        if os.path.exists(path):
            os.remove(path)
    for _ in range(repeats):
        wall, peak, rc, err = timed_process(cmd)
        # 3: the report was written but the data kept a family from running (recorded, not fatal).
        if rc not in (0, 3):
            return {'command': cmd, 'error': f'exit {rc}: ' + ' | '.join(err.strip().splitlines()[-3:])}
        walls.append(wall)
        peaks.append(peak)
    out = {'command': cmd, 'wall_s': statistics.median(walls), 'walls_s': walls, 'peak_mb': max(peaks)}
    try:
        with open(f'{out_prefix}.json') as f:
            out['json'] = json.load(f)
    except (OSError, ValueError) as e:
        out['error'] = f'no readable --json output: {e}'
    return out


# MARK: one case

def case(a, name, data_csv, target, survival):
    log(f'{name}: split')
    train, holdout, meta = split(a.py, data_csv, a.cache, a.fresh)
    synth_dir, synth_s = synthesize(a.synth_bin, train, a.cache, name, a.fresh)
    synth = f'{synth_dir}/synthetic.csv'
    log(f'{name}: SDMetrics')
    sdm = sdmetrics(a.py, train, synth, holdout, meta, a.cache, a.fresh)
    log(f'{name}: SDMetrics {sdm["metric_s"]:.1f} s of metrics, {sdm["wall_s"]:.1f} s wall'
        + (' (cached)' if sdm['cached'] else ''))
    if a.skip_raresynth:
        rs = {'error': 'skipped (--skip-raresynth)'}
    else:
        os.makedirs(f'{a.cache}/raresynth', exist_ok=True)
        rs = raresynth(a.bin, train, synth, holdout, f'{synth_dir}/schema.json', target, survival,
                       f'{a.cache}/raresynth/{name}', a.repeats)
        log(f'{name}: RareSynth ' + (rs['error'] if 'error' in rs else f'{rs["wall_s"]:.2f} s'))
    rows, cols = csv_shape(train)
    return {'data': name, 'train_rows': rows, 'holdout_rows': csv_shape(holdout)[0], 'cols': cols,
            'target': target, 'survival': list(survival) if survival else None,
            'train': train, 'synth': synth, 'holdout': holdout, 'synth_s': synth_s,
            'sdmetrics': sdm,
            'raresynth': rs,
            'values': {k: {'sdmetrics': dig(sdm['scores'], SDM_KEYS[k]),
                           'raresynth': dig(rs.get('json'), RS_KEYS[k])} for k in RS_KEYS}}


# MARK: output

def fmt(v, spec='.3f'):
    return '—' if v is None else format(v, spec)


def table(results):
    labels = {'quality': 'quality', 'shapes': 'shapes', 'pairs': 'pairs', 'diagnostic': 'diagnostic',
              'dcr_baseline': 'DCR baseline', 'dcr_overfitting': 'DCR overfit', 'new_rows': 'new rows'}
    head = ('| data | train×cols | holdout | SDMetrics s | SDMetrics wall s | SDMetrics MB | RareSynth s | '
            'RareSynth MB | ratio | ' + ' | '.join(f'{v} SDM / RS' for v in labels.values()) + ' |')
    out = [head, '|' + '---|' * (head.count('|') - 1)]
    for r in results:
        s, q = r['sdmetrics'], r['raresynth']
        rs_s = q.get('wall_s')
        ratio = f'{s["metric_s"] / rs_s:.1f}×' if rs_s else '—'
        cells = [f'{fmt(r["values"][k]["sdmetrics"])} / {fmt(r["values"][k]["raresynth"])}' for k in labels]
        out.append(f'| {r["data"]} | {r["train_rows"]}×{r["cols"]} | {r["holdout_rows"]} | {s["metric_s"]:.2f} | '
                   f'{s["wall_s"]:.2f} | {s["peak_mb"]:.0f} | {fmt(rs_s, ".2f")} | {fmt(q.get("peak_mb"), ".0f")} | '
                   f'{ratio} | ' + ' | '.join(cells) + ' |')
    out.append('')
    out.append('SDMetrics s: the sum of score.py\'s metric timings (QualityReport, DiagnosticReport, '
               'DCRBaselineProtection, DCROverfittingProtection, NewRowSynthesis; all rows, except DCROverfittingProtection, '
               'which both tools compute as SDMetrics\' num_rows_subsample mode: training, synthetic and holdout each cut '
               'to the holdout\'s size, 3 draws averaged (RareSynth\'s balancedScore; the draws come from different '
               'generators, so the two differ by sampling error); '
               'SDMetrics wall s adds interpreter start, imports and reading. RareSynth s: whole-process wall time '
               'of `raresynth evaluate` (median of repeated runs; it also computes what SDMetrics does not: '
               'utility, survival, the HTML report). ratio = SDMetrics s / RareSynth s. MB: peak RSS.')
    errors = [f'- {r["data"]}: {r["raresynth"]["error"]}' for r in results if 'error' in r['raresynth']]
    missing = sorted({k for r in results if 'json' in r['raresynth']
                      for k in RS_KEYS if r['values'][k]['raresynth'] is None})
    if errors:
        out += ['', 'RareSynth errors:', *errors]
    if missing:
        out += ['', 'RareSynth JSON keys not found (see RS_KEYS in bench/evaluate.py): '
                + ', '.join(f'{k} = {RS_KEYS[k]}' for k in missing)]
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--py', required=True, help='python of ../shared/peers/setup')
    p.add_argument('--bin', required=True, help='release raresynth binary (runs `evaluate`)')
    p.add_argument('--synth-bin', help='raresynth binary for `synthesize` (default: --bin)')
    p.add_argument('--datasets', help='comma list (default: every CSV in ../shared/data)')
    p.add_argument('--large-only', action='store_true')
    p.add_argument('--skip-large', action='store_true')
    p.add_argument('--rows', type=int, default=17500, help='train rows of the large case')
    p.add_argument('--repeats', type=int, default=3, help='timed raresynth evaluate runs (median)')
    p.add_argument('--cache', default='/tmp/raresynth-bench/evaluate')
    p.add_argument('--fresh', action='store_true', help='ignore cached splits, synthetic data, SDMetrics')
    p.add_argument('--skip-raresynth', action='store_true', help='fill the SDMetrics cache only')
    p.add_argument('--results', default=os.path.join(HERE, 'results'))
    a = p.parse_args()
    a.synth_bin = a.synth_bin or a.bin
    names = [] if a.large_only else (a.datasets.split(',') if a.datasets else
                                     sorted(f[:-4] for f in os.listdir(DATA) if f.endswith('.csv')))
    results = [case(a, n, os.path.join(DATA, f'{n}.csv'), TARGETS.get(n), SURVIVAL.get(n)) for n in names]
    if not a.skip_large:
        large = make_large(a.py, a.cache, a.rows, a.fresh)
        results.append(case(a, os.path.basename(large)[:-4], large, TARGETS[LARGE_SOURCE], SURVIVAL[LARGE_SOURCE]))
    lines = table(results)
    print('\n'.join(lines))
    write_results(a.results, 'evaluate', '`raresynth evaluate` vs SDMetrics 0.32',
                  f'`bench/evaluate.sh` on this machine ({os.cpu_count()} cores). Same files for both: the 80/20 '
                  'split of ../shared/peers/split.py (seed 0), RareSynth\'s synthetic table (seed 0) and the holdout. '
                  f'`{LARGE_SOURCE}{a.rows}`: nwtco\'s train split resampled with replacement (seed 0) to '
                  f'{round(a.rows / 0.8)} rows, split 80/20. SDMetrics results may come from the cache (their '
                  'measurement time is in evaluate.json).',
                  lines, {'rs_keys': RS_KEYS, 'sdm_keys': SDM_KEYS, 'results': results})

if __name__ == '__main__':
    main()
