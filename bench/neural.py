"""bench/neural.py: RareSynth's CTGAN and TVAE beside SDV 2.0.0's, same split, same scorer, 1 thread each.

Run from the project root through bench/neural.sh (it builds the release binary first):

    bench/neural.sh                                  # every dataset in ../shared/data with >= 150 rows
    bench/neural.sh --datasets pbc,cgd --models tvae --seeds 1
    bench/neural.sh --skip-quality                   # only the speed pass and the small-data check

Three passes, all with torch and RareSynth on one thread (torch.set_num_threads(1), --threads 1):

  quality  For each dataset, model and seed s in 0..seeds-1: ../shared/peers/split.py makes the 80/20
           split (seed 0); SDV is fitted and sampled by ../shared/peers/run_sdv.py --seed s (300 epochs,
           SDV's defaults); RareSynth by `raresynth fit --model M --seed s` then `raresynth sample --seed s`
           as whole processes (wall time and peak RSS from wait4). Both outputs have as many rows as the
           train split and are scored by ../shared/peers/score.py --seed s (SDMetrics 0.32; TSTR skipped).
           Scores are averaged over the seeds; fit seconds and peak MB are the seed-0 run.
  speed    For each dataset and model, SDV and RareSynth are trained for --speed-epochs epochs back to
           back (SDV first, then RareSynth, repeated --speed-repeats times, alternating), so both are
           measured in one run on the same machine state. Seconds per epoch is the median epoch: SDV's
           from run_sdv.py's epoch clock, RareSynth's from the per-epoch lines of `raresynth fit` on
           stderr (epochs 1-10 and every tenth). The ratio is SDV / RareSynth.
  small    The rare-disease case: 100 rows drawn from pbc's train split (numpy seed 0); each model of
           each tool fitted on them (seeds 0..seeds-1) and 1000 rows sampled; the share of synthetic rows
           that equal a training row is 1 - SDMetrics NewRowSynthesis (numerical_match_tolerance 0.01),
           for RareSynth without and with `raresynth sample --real` (near copies drawn again).

SDV runs and every score are cached under --cache (default /tmp/raresynth-bench/neural), keyed by the
SHA-256 of their inputs (and of the RareSynth binary for its runs), so an interrupted benchmark resumes
and a change to RareSynth re-pays only RareSynth's side. --fresh ignores the caches.
Outputs: bench/results/neural.md (tables) and bench/results/neural.json (every figure, raw).
"""
import argparse
import json
import os
import re
import statistics
import sys

from benchtools import DATA, HERE, PEERS, cached, checked_process, log, nested, run, sha256, write_results

EPOCH_RE = re.compile(r'epoch (\d+)/(\d+): .*, ([0-9.]+) s/epoch')


class Bench:
    def __init__(self, a):
        self.a = a
        self.cache = a.cache
        for sub in ('splits', 'sdv', 'raresynth', 'scores', 'small'):
            os.makedirs(f'{self.cache}/{sub}', exist_ok=True)
        self.bin_sha = sha256(a.bin)
        self.sdv_sha = sha256(os.path.join(PEERS, 'run_sdv.py'), os.path.join(PEERS, 'common.py'))

    def split(self, name):
        d = f'{self.cache}/splits'
        if self.a.fresh or not os.path.exists(f'{d}/{name}.train.csv'):
            run([self.a.py, os.path.join(PEERS, 'split.py'), os.path.join(DATA, f'{name}.csv'), d])
        return f'{d}/{name}.train.csv', f'{d}/{name}.holdout.csv', f'{d}/{name}.meta.json'

    def sdv(self, train, model, seed, epochs, rows=None, tag=''):
        key = sha256(train, extra=f'{model}/{seed}/{epochs}/{rows}/{self.sdv_sha}')[:16]
        out = f'{self.cache}/sdv/{tag}{model}-{seed}-{key}.csv'

        def compute():
            cmd = [self.a.py, os.path.join(PEERS, 'run_sdv.py'), train, '--synth', model, '--out', out,
                   '--threads', '1', '--seed', str(seed), '--epochs', str(epochs), '--time-rows', '10']
            if rows:
                cmd += ['--rows', str(rows)]
            return json.loads(run(cmd).strip().splitlines()[-1])
        if self.a.fresh and os.path.exists(out):
            os.remove(out)
        res = cached(out + '.json', self.a.fresh or not os.path.exists(out), compute)
        return out, res

    def raresynth(self, train, model, seed, epochs, rows=None, real=None, tag='', keep=True):
        key = sha256(train, extra=f'{model}/{seed}/{epochs}/{rows}/{real}/{self.bin_sha}')[:16]
        base = f'{self.cache}/raresynth/{tag}{model}-{seed}-{key}'
        out = base + '.csv'

        def compute():
            fit = [self.a.bin, 'fit', train, '--model', model, '--seed', str(seed), '--epochs', str(epochs),
                   '--threads', '1', '--out', base + '.model.json']
            wall, peak, err = checked_process(fit)
            marks = [(int(m.group(1)), float(m.group(3))) for m in EPOCH_RE.finditer(err)]
            sample = [self.a.bin, 'sample', base + '.model.json', '--seed', str(seed), '--threads', '1', '--out', out]
            if rows:
                sample += ['--rows', str(rows)]
            if real:
                sample += ['--real', real]
            s_wall, s_peak, _ = checked_process(sample)
            return {'fit_s': round(wall, 3), 'sample_s': round(s_wall, 3), 'peak_rss_mb': round(max(peak, s_peak), 1),
                    'per_epoch_s': statistics.median(s for _, s in marks) if marks else None,
                    'epochs_timed': len(marks)}
        res = cached(base + '.json', self.a.fresh or not os.path.exists(out), compute)
        return out, res

    def score(self, train, synth, holdout, meta, name, seed):
        key = sha256(train, synth, holdout, meta, os.path.join(PEERS, 'score.py'), extra=f'{seed}')[:24]
        path = f'{self.cache}/scores/{name}-{key}.json'

        def compute():
            run([self.a.py, os.path.join(PEERS, 'score.py'), train, synth, '--meta', meta, '--holdout', holdout,
                 '--json', path + '.raw', '--seed', str(seed), '--skip', 'tstr'])
            with open(path + '.raw') as f:
                return json.load(f)
        return cached(path, self.a.fresh, compute)


FIGURES = {
    'quality': ('quality', 'overall'),
    'shapes': ('quality', 'Column Shapes'),
    'pairs': ('quality', 'Column Pair Trends'),
    'new_rows': ('privacy', 'new_row_synthesis', 'score'),
    'dcr_overfitting': ('privacy', 'dcr_overfitting_protection', 'score'),
}


def quality_pass(b, names, models):
    results = []
    for name in names:
        train, holdout, meta = b.split(name)
        for model in models:
            per_tool = {'sdv': [], 'raresynth': []}
            runs = {'sdv': [], 'raresynth': []}
            for seed in range(b.a.seeds):
                log(f'{name} {model} seed {seed}: SDV')
                sdv_csv, sdv_run = b.sdv(train, model, seed, b.a.epochs)
                log(f'{name} {model} seed {seed}: RareSynth')
                rs_csv, rs_run = b.raresynth(train, model, seed, b.a.epochs)
                for tool, csv, r in (('sdv', sdv_csv, sdv_run), ('raresynth', rs_csv, rs_run)):
                    s = b.score(train, csv, holdout, meta, name, seed)
                    per_tool[tool].append({k: nested(s, *p) for k, p in FIGURES.items()})
                    runs[tool].append(r)
            row = {'data': name, 'model': model, 'rows': runs['sdv'][0]['train_rows'], 'cols': runs['sdv'][0]['cols']}
            for tool in ('sdv', 'raresynth'):
                row[tool] = {k: statistics.mean(x[k] for x in per_tool[tool]) for k in FIGURES}
                row[tool]['per_seed_quality'] = [x['quality'] for x in per_tool[tool]]
                row[tool]['fit_s'] = runs[tool][0]['fit_s']
                row[tool]['peak_rss_mb'] = runs[tool][0]['peak_rss_mb']
                row[tool]['per_epoch_s_full'] = statistics.median(r['per_epoch_s'] for r in runs[tool])
            results.append(row)
            log(f'{name} {model}: quality SDV {row["sdv"]["quality"]:.3f}, RareSynth {row["raresynth"]["quality"]:.3f}')
    return results


def speed_pass(b, names, models):
    results = []
    for name in names:
        train, _, _ = b.split(name)
        for model in models:
            sdv, rs = [], []
            for rep in range(b.a.speed_repeats):
                log(f'speed {name} {model} round {rep + 1}')
                out = f'{b.cache}/sdv/speed.csv'
                r = json.loads(run([b.a.py, os.path.join(PEERS, 'run_sdv.py'), train, '--synth', model, '--out', out,
                                    '--threads', '1', '--epochs', str(b.a.speed_epochs), '--time-rows', '10']).strip().splitlines()[-1])
                sdv.append(r['per_epoch_s'])
                _, _, err = checked_process([b.a.bin, 'fit', train, '--model', model, '--epochs', str(b.a.speed_epochs),
                                           '--threads', '1', '--out', f'{b.cache}/raresynth/speed.model.json'])
                rs.append(statistics.median(float(m.group(3)) for m in EPOCH_RE.finditer(err)))
            row = {'data': name, 'model': model, 'sdv_per_epoch_s': statistics.median(sdv),
                   'raresynth_per_epoch_s': statistics.median(rs), 'sdv_rounds': sdv, 'raresynth_rounds': rs}
            row['ratio'] = row['sdv_per_epoch_s'] / row['raresynth_per_epoch_s']
            results.append(row)
            log(f'speed {name} {model}: SDV {row["sdv_per_epoch_s"]:.4f} s/epoch, RareSynth '
                f'{row["raresynth_per_epoch_s"]:.4f} s/epoch, {row["ratio"]:.2f}x')
    return results


def small_pass(b, models):
    import numpy as np
    import pandas as pd
    from sdmetrics.single_table import NewRowSynthesis
    sys.path.insert(0, PEERS)
    from common import read_csv
    train, _, meta_path = b.split('pbc')
    small = f'{b.cache}/small/pbc100.csv'
    df = pd.read_csv(train, dtype=str, keep_default_na=False)
    df.sample(n=100, random_state=np.random.RandomState(0)).to_csv(small, index=False)
    with open(meta_path) as f:
        meta = json.load(f)
    real = read_csv(small)

    def copied(csv):
        synth = read_csv(csv)
        score = NewRowSynthesis.compute(real_data=real, synthetic_data=synth, metadata=meta,
                                        numerical_match_tolerance=0.01, synthetic_sample_size=None)
        return 1 - score

    rows = []
    for model in models:
        for seed in range(b.a.seeds):
            log(f'small data: {model} seed {seed}')
            sdv_csv, _ = b.sdv(small, model, seed, b.a.epochs, rows=1000, tag='pbc100-')
            rs_csv, _ = b.raresynth(small, model, seed, b.a.epochs, rows=1000, tag='pbc100-')
            rs_real, res = b.raresynth(small, model, seed, b.a.epochs, rows=1000, real=small, tag='pbc100-real-')
            rows.append({'model': model, 'seed': seed, 'sdv': copied(sdv_csv), 'raresynth': copied(rs_csv),
                         'raresynth_real': copied(rs_real)})
    return rows


def tables(quality, speed, small, a):
    out = []
    sp = {(r['data'], r['model']): r for r in speed}
    if quality:
        out += ['## Quality, privacy, fit time and memory', '',
                f'Means over seeds 0–{a.seeds - 1} ({a.epochs} epochs, batch 500, 1 thread); fit s and peak MB are the '
                'seed-0 run (SDV: in-process fit, peak RSS of the Python process; RareSynth: whole `raresynth fit` '
                'process). s/epoch is the speed pass below where it ran, else the median of the full runs.', '',
                '| data | model | tool | quality | shapes | pairs | s/epoch | fit s | peak MB | NewRowSynthesis | DCROverfitting |',
                '|---|---|---|---|---|---|---|---|---|---|---|']
        for r in quality:
            s = sp.get((r['data'], r['model']))
            for tool, label in (('sdv', 'SDV 2.0.0'), ('raresynth', 'RareSynth')):
                t = r[tool]
                pe = (s['sdv_per_epoch_s'] if tool == 'sdv' else s['raresynth_per_epoch_s']) if s else t['per_epoch_s_full']
                out.append(f"| {r['data']} ({r['rows']}×{r['cols']}) | {r['model']} | {label} | {t['quality']:.3f} | "
                           f"{t['shapes']:.3f} | {t['pairs']:.3f} | {pe:.4f} | {t['fit_s']:.1f} | {t['peak_rss_mb']:.0f} | "
                           f"{t['new_rows']:.3f} | {t['dcr_overfitting']:.3f} |")
        wins = sum(r['raresynth']['quality'] >= r['sdv']['quality'] for r in quality)
        out += ['', f'RareSynth quality ≥ SDV in {wins} of {len(quality)} dataset × model cells; mean difference '
                f"{statistics.mean(r['raresynth']['quality'] - r['sdv']['quality'] for r in quality):+.4f}.", '']
    if speed:
        out += ['## Seconds per epoch, measured back to back', '',
                f'{a.speed_epochs} epochs each, {a.speed_repeats} alternating rounds, median epoch, 1 thread.', '',
                '| data | model | SDV s/epoch | RareSynth s/epoch | SDV / RareSynth |', '|---|---|---|---|---|']
        for r in speed:
            out.append(f"| {r['data']} | {r['model']} | {r['sdv_per_epoch_s']:.4f} | {r['raresynth_per_epoch_s']:.4f} | "
                       f"{r['ratio']:.2f}× |")
        out.append('')
    if small:
        out += ['## Small data: 100 rows of pbc', '',
                'Share of 1000 synthetic rows equal to one of the 100 training rows (1 − NewRowSynthesis).', '',
                '| model | seed | SDV | RareSynth | RareSynth with --real |', '|---|---|---|---|---|']
        for r in small:
            out.append(f"| {r['model']} | {r['seed']} | {r['sdv']:.3f} | {r['raresynth']:.3f} | {r['raresynth_real']:.3f} |")
        out.append('')
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--py', required=True, help='python of ../shared/peers/setup')
    p.add_argument('--bin', required=True, help='release raresynth binary')
    p.add_argument('--datasets', help='comma list (default: every dataset in ../shared/data with >= 150 rows)')
    p.add_argument('--models', default='ctgan,tvae')
    p.add_argument('--seeds', type=int, default=3)
    p.add_argument('--epochs', type=int, default=300)
    p.add_argument('--speed-epochs', type=int, default=30)
    p.add_argument('--speed-repeats', type=int, default=3)
    p.add_argument('--skip-quality', action='store_true')
    p.add_argument('--skip-speed', action='store_true')
    p.add_argument('--skip-small', action='store_true')
    p.add_argument('--cache', default='/tmp/raresynth-bench/neural')
    p.add_argument('--fresh', action='store_true')
    p.add_argument('--results', default=os.path.join(HERE, 'results'))
    a = p.parse_args()
    if a.datasets:
        names = a.datasets.split(',')
    else:
        names = []
        for f in sorted(os.listdir(DATA)):
            if f.endswith('.csv'):
                with open(os.path.join(DATA, f)) as fh:
                    if sum(1 for _ in fh) - 1 >= 150:
                        names.append(f[:-4])
    models = a.models.split(',')
    b = Bench(a)
    quality = [] if a.skip_quality else quality_pass(b, names, models)
    speed = [] if a.skip_speed else speed_pass(b, names, models)
    small = [] if a.skip_small else small_pass(b, models)
    lines = tables(quality, speed, small, a)
    print('\n'.join(lines))
    write_results(a.results, 'neural', 'RareSynth CTGAN and TVAE vs SDV 2.0.0',
                  f'`bench/neural.sh {" ".join(sys.argv[5:])}` on this machine ({os.cpu_count()} cores); SDMetrics 0.32 '
                  'via ../shared/peers/score.py, fitted on the 80% train split, DCR overfitting against the 20% holdout.',
                  lines, {'quality': quality, 'speed': speed, 'small': small})

if __name__ == '__main__':
    main()
