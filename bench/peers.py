"""bench/peers.py: RareSynth's Gaussian copula beside SDV's GaussianCopula, same split, same scorer.

Run from the project root (it builds the release binary first):

    bench/peers.sh                       # every dataset in ../shared/data
    bench/peers.sh pbc cgd               # some of them

For each dataset: ../shared/peers/split.py makes the 80/20 split (seed 0); SDV GaussianCopula is
fitted and sampled in-process by ../shared/peers/run_sdv.py (1 thread); `raresynth synthesize` is
run as a whole process (read, infer, fit, sample, write; scoring off) and timed from outside;
both outputs are scored by ../shared/peers/score.py (SDMetrics 0.32). Times are compared as a
ratio measured in the same run, since the machine is shared and noisy. Each tool is run with
--seeds seeds (default 5) and the scores are averaged. Run s is scored with `score.py --seed s`
for both tools: DCROverfittingProtection compares 46 subsampled training rows with the 46 holdout
rows (lung), and which 46 are drawn moves the score by ±0.07 — more than the generators differ.
With the scorer's seed fixed, every run of both tools would be judged on the same three draws.
TSTR is computed on the first seed only. The table goes to stdout
and to bench/results/gaussiancopula.md; raw JSON per dataset to OUT (default /tmp/raresynth-bench).
"""
import argparse
import json
import os
import statistics
import sys

from benchtools import DATA, HERE, PEERS, checked_process, nested, run, write_results

TARGETS = {'pbc': 'status', 'cgd': 'status', 'colon': 'status', 'lung': 'status',
           'nwtco': 'rel', 'veteran': 'status', 'pbcseq': 'status'}






def score(py, train, synth, split_dir, name, target, out_json, seed):
    cmd = [py, os.path.join(PEERS, 'score.py'), train, synth, '--meta', f'{split_dir}/{name}.meta.json',
           '--holdout', f'{split_dir}/{name}.holdout.csv', '--json', out_json, '--seed', str(seed)]
    if target:
        cmd += ['--target', target]
    else:
        cmd += ['--skip', 'tstr']
    run(cmd)
    with open(out_json) as f:
        return json.load(f)


def main():
    p = argparse.ArgumentParser()
    p.add_argument('datasets', nargs='*')
    p.add_argument('--py', required=True, help='python of ../shared/peers/setup')
    p.add_argument('--bin', required=True, help='release raresynth binary')
    p.add_argument('--out', default='/tmp/raresynth-bench')
    p.add_argument('--repeats', type=int, default=3, help='timed raresynth runs (median)')
    p.add_argument('--seeds', type=int, default=5, help='seeds per tool; scores are averaged')
    a = p.parse_args()
    names = a.datasets or sorted(f[:-4] for f in os.listdir(DATA) if f.endswith('.csv'))
    split_dir = f'{a.out}/splits'
    os.makedirs(split_dir, exist_ok=True)
    rows = []
    for name in names:
        target = TARGETS.get(name)
        run([a.py, os.path.join(PEERS, 'split.py'), os.path.join(DATA, f'{name}.csv'), split_dir])
        train = f'{split_dir}/{name}.train.csv'
        sdv_runs, s_sdv, s_rs = [], [], []
        walls, peaks = [], []
        for seed in range(a.seeds):
            sdv_csv = f'{a.out}/{name}.sdv.{seed}.csv'
            sdv_runs.append(json.loads(run([a.py, os.path.join(PEERS, 'run_sdv.py'), train, '--synth', 'gaussiancopula',
                                            '--out', sdv_csv, '--threads', '1', '--seed', str(seed)]).strip().splitlines()[-1]))
            rs_dir = f'{a.out}/{name}.raresynth.{seed}'
            for _ in range(a.repeats if seed == 0 else 1):
                w, m, _ = checked_process([a.bin, 'synthesize', train, '--out', rs_dir, '--seed', str(seed), '--no-score', '--quiet'])
                if seed == 0:
                    walls.append(w)
                peaks.append(m)
            t = target if seed == 0 else None
            s_sdv.append(score(a.py, train, sdv_csv, split_dir, name, t, f'{a.out}/{name}.sdv.{seed}.score.json', seed))
            s_rs.append(score(a.py, train, f'{rs_dir}/synthetic.csv', split_dir, name, t,
                              f'{a.out}/{name}.raresynth.{seed}.score.json', seed))
        sdv = sdv_runs[0]
        sdv_s = sdv['fit_s'] + sdv['sample_s']
        rs_s = statistics.median(walls)
        rows.append({'data': name, 'rows': sdv['train_rows'], 'cols': sdv['cols'], 'sdv_s': sdv_s, 'rs_s': rs_s,
                     'rs_peak_mb': max(peaks), 'sdv': average(s_sdv), 'rs': average(s_rs), 'seeds': a.seeds})
        print(f'{name}: done', file=sys.stderr)
    lines = table(rows)
    print('\n'.join(lines))
    write_results(os.path.join(HERE, 'results'), 'gaussiancopula', 'RareSynth GaussianCopula vs SDV 2.0.0 GaussianCopula',
                  f'`bench/peers.sh` on this machine ({os.cpu_count()} cores); SDMetrics 0.32 via '
                  '../shared/peers/score.py, fitted on the 80% train split, DCR overfitting against the 20% holdout.',
                  lines)


def average(results):
    """Mean of every number across seeds; TSTR (first seed only) is kept from the first."""
    def merge(items):
        first = items[0]
        if isinstance(first, dict):
            return {k: merge([i[k] for i in items if isinstance(i, dict) and k in i]) for k in first}
        if isinstance(first, (int, float)) and not isinstance(first, bool):
            values = [i for i in items if isinstance(i, (int, float))]
            return sum(values) / len(values)
        return first
    out = merge(results)
    if 'tstr' in results[0]:
        out['tstr'] = results[0]['tstr']
    return out


def table(rows):
    head = ('| data | rows×cols | SDV s | RareSynth s | speed-up | quality SDV | quality RS | Δ | shapes SDV | '
            'shapes RS | pairs SDV | pairs RS | DCR overfit SDV | DCR overfit RS | new rows SDV | new rows RS | '
            'TSTR RF F1 real / SDV / RS |')
    out = [head, '|' + '---|' * (head.count('|') - 1)]
    dq = []
    for r in rows:
        s, q = r['sdv'], r['rs']
        d = nested(q, 'quality', 'overall') - nested(s, 'quality', 'overall')
        dq.append(d)
        f1 = (nested(q, 'tstr', 'rf_real', 'f1_macro'), nested(s, 'tstr', 'rf_synth', 'f1_macro'), nested(q, 'tstr', 'rf_synth', 'f1_macro'))
        out.append(f"| {r['data']} | {r['rows']}×{r['cols']} | {r['sdv_s']:.3f} | {r['rs_s']:.3f} | "
                   f"{r['sdv_s'] / r['rs_s']:.1f}× | {nested(s, 'quality', 'overall'):.3f} | {nested(q, 'quality', 'overall'):.3f} | "
                   f"{d:+.3f} | {nested(s, 'quality', 'Column Shapes'):.3f} | {nested(q, 'quality', 'Column Shapes'):.3f} | "
                   f"{nested(s, 'quality', 'Column Pair Trends'):.3f} | {nested(q, 'quality', 'Column Pair Trends'):.3f} | "
                   f"{nested(s, 'privacy', 'dcr_overfitting_protection', 'score'):.3f} | "
                   f"{nested(q, 'privacy', 'dcr_overfitting_protection', 'score'):.3f} | "
                   f"{nested(s, 'privacy', 'new_row_synthesis', 'score'):.3f} | {nested(q, 'privacy', 'new_row_synthesis', 'score'):.3f} | "
                   f"{f1[0]:.3f} / {f1[1]:.3f} / {f1[2]:.3f} |")
    out.append('')
    out.append(f'Mean quality difference (RareSynth − SDV): {statistics.mean(dq):+.4f} over {len(dq)} datasets.')
    out.append(f'Scores are means over {rows[0]["seeds"]} seeds per tool. SDV 2.0.0 samples from a fixed internal '
               'seed, so its runs are byte-identical whatever run_sdv.py --seed says: its figures are one sample, '
               'scored with the same scorer seeds (score.py --seed s for run s) as RareSynth\'s. '
               'times are the seed-0 run (RareSynth: median of repeated whole-process runs; SDV: in-process fit + sample). '
               f'RareSynth peak RSS: {max(r["rs_peak_mb"] for r in rows):.0f} MB. TSTR: random forest macro F1 on the '
               'holdout, trained on real / SDV / RareSynth (seed 0).')
    return out


if __name__ == '__main__':
    main()
