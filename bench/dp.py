"""bench/dp.py: RareSynth's differentially private synthesizers over a grid of epsilons, scored by the
peers' protocol, beside smartnoise-synth's MST.

Run from the project root through bench/dp.sh (it builds the release binary first):

    bench/dp.sh                                             # the full grid below
    bench/dp.sh --datasets pbc --epsilons 1 --models privbayes --seeds 3
    bench/dp.sh --mst /tmp/mst/results.jsonl                # add MST rows measured by bench/dp/run_mst.py

For each dataset (pbc, colon, nwtco: ../shared/peers/split.py's 80/20 split, seed 0), model, epsilon and
seed: `raresynth fit TRAIN --schema bench/dp/schemas/NAME.schema.json --model M --epsilon E --delta 1e-5
--seed S --threads 1` (ε = inf: no --epsilon, the same model without noise), then `raresynth sample`
with as many rows as the train split, timed as whole processes. Each sample is scored by
../shared/peers/score.py (SDMetrics 0.32 quality; TSTR: RandomForest and LogisticRegression trained on the
sample, tested on the holdout, macro F1; DCROverfittingProtection) and by `raresynth evaluate --holdout`
for the membership-inference AUC (distance to the closest synthetic row; 0.5 = the attacker cannot tell
training rows from holdout rows). Figures are means over the seeds (--seeds for PrivBayes, --neural-seeds for
the others); fit seconds are the median.

Models: privbayes (bayesian_network), dp-tvae (tvae; --neural-epochs, --neural-batch), dp-ctgan (ctgan,
pac 1; same; at ε = inf plain CTGAN with pac 10 and the batch rounded down to a multiple of 10), pategan. The declared schemas (bench/dp/declare.py) are the public facts every private fit uses.
Everything is cached under --cache, keyed by the binary's and inputs' SHA-256.
Outputs: bench/results/dp.md and bench/results/dp.json.
"""
import argparse
import json
import os
import statistics
import sys

from benchtools import DATA, HERE, PEERS, cached, checked_process, log, nested, run, sha256, timed_process, write_results

TARGETS = {'pbc': 'status', 'colon': 'status', 'nwtco': 'rel'}
MODELS = {'privbayes': 'bayesian_network', 'dp-tvae': 'tvae', 'dp-ctgan': 'ctgan', 'pategan': 'pategan'}


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--py', required=True)
    p.add_argument('--bin', required=True)
    p.add_argument('--datasets', default='pbc,colon,nwtco')
    p.add_argument('--epsilons', default='0.1,0.5,1,2,5,inf')
    p.add_argument('--models', default='privbayes,dp-tvae,dp-ctgan,pategan')
    p.add_argument('--seeds', type=int, default=3, help='seeds for privbayes')
    p.add_argument('--neural-seeds', type=int, default=1, help='seeds for dp-tvae, dp-ctgan and pategan')
    p.add_argument('--delta', default='1e-5')
    p.add_argument('--neural-epochs', type=int, default=100)
    p.add_argument('--neural-batch', type=int, default=64)
    p.add_argument('--mst', help='JSON lines from bench/dp/run_mst.py + score.py to show beside (dataset, epsilon, quality, ...)')
    p.add_argument('--cache', default='/tmp/raresynth-bench/dp')
    p.add_argument('--results', default=os.path.join(HERE, 'results'))
    p.add_argument('--fresh', action='store_true')
    p.add_argument('--cached-only', action='store_true', help='tabulate what the cache holds; cells never run are marked so')
    a = p.parse_args()
    for sub in ('splits', 'runs'):
        os.makedirs(f'{a.cache}/{sub}', exist_ok=True)
    bin_sha = sha256(a.bin)[:20]
    rows = []
    for name in a.datasets.split(','):
        d = f'{a.cache}/splits'
        if a.fresh or not os.path.exists(f'{d}/{name}.train.csv'):
            run([a.py, os.path.join(PEERS, 'split.py'), os.path.join(DATA, f'{name}.csv'), d])
        train, holdout, meta = (f'{d}/{name}.train.csv', f'{d}/{name}.holdout.csv', f'{d}/{name}.meta.json')
        schema = os.path.join(HERE, 'dp', 'schemas', f'{name}.schema.json')
        n_train = sum(1 for _ in open(train)) - 1
        for model in a.models.split(','):
            for eps in a.epsilons.split(','):
                runs = []
                # Without --epsilon CTGAN keeps SDV's pac 10, so its batch must be a multiple of 10.
                batch = a.neural_batch // 10 * 10 if (model == 'dp-ctgan' and eps == 'inf') else a.neural_batch
                seeds = a.seeds if model == 'privbayes' else a.neural_seeds
                for seed in range(seeds):
                    key = sha256(train, holdout, schema, extra=f'{bin_sha}|{model}|{eps}|{seed}|{a.delta}|{a.neural_epochs}|{batch}')[:20]
                    base = f'{a.cache}/runs/{name}.{model}.e{eps}.s{seed}.{key}'

                    def compute():
                        log(f'{name} {model} ε={eps} seed {seed}')
                        cmd = [a.bin, 'fit', train, '--schema', schema, '--model', MODELS[model], '--seed', str(seed),
                               '--threads', '1', '-o', base + '.model.json', '--quiet']
                        if eps != 'inf':
                            cmd += ['--epsilon', eps, '--delta', a.delta]
                        if model in ('dp-tvae', 'dp-ctgan'):
                            cmd += ['--epochs', str(a.neural_epochs), '--batch-size', str(batch)]
                        fit_s, fit_mb, status, err = timed_process(cmd)
                        if status != 0:  # e.g. an ε no noise reaches: recorded, not fatal
                            return {'error': (err.strip().splitlines() or ['exit status %d' % status])[0]}
                        spent = next((l for l in err.splitlines() if l.startswith('privacy:')), None)
                        sample_s, _, _ = checked_process([a.bin, 'sample', base + '.model.json', '--rows', str(n_train),
                                                          '--seed', str(seed), '-o', base + '.csv', '--quiet'])
                        score = json.loads(run([a.py, os.path.join(PEERS, 'score.py'), train, base + '.csv', '--meta', meta,
                                                '--holdout', holdout, '--target', TARGETS[name], '--seed', str(seed),
                                                '--skip', 'diagnostic']).strip().splitlines()[-1])
                        checked_process([a.bin, 'evaluate', train, base + '.csv', '--schema', schema, '--holdout', holdout,
                                         '--target', TARGETS[name], '--skip', 'fidelity,utility,fairness,survival',
                                         '--json', base + '.eval.json', '--report', base + '.eval.html', '--quiet'])
                        with open(base + '.eval.json') as f:
                            mia = nested(json.load(f), 'evaluation', 'privacy', 'membershipInference', 'auc')
                        return {'fit_s': fit_s, 'fit_mb': fit_mb, 'sample_s': sample_s, 'privacy': spent, 'score': score,
                                'membership_auc': mia}
                    if a.cached_only and not os.path.exists(base + '.json'):
                        runs.append({'error': 'not run (the benchmark was stopped before this cell)'})
                        continue
                    runs.append(cached(base + '.json', a.fresh, compute))
                if any('error' in r for r in runs):
                    rows.append({'dataset': name, 'n_train': n_train, 'model': model, 'epsilon': eps, 'seeds': seeds,
                                 'error': next(r['error'] for r in runs if 'error' in r)})
                    continue
                mean = lambda f: statistics.mean(f(r) for r in runs)
                rows.append({
                    'dataset': name, 'n_train': n_train, 'model': model, 'epsilon': eps, 'seeds': seeds,
                    'quality': mean(lambda r: nested(r['score'], 'quality', 'overall')),
                    'shapes': mean(lambda r: nested(r['score'], 'quality', 'Column Shapes')),
                    'pairs': mean(lambda r: nested(r['score'], 'quality', 'Column Pair Trends')),
                    'tstr_f1_rf': mean(lambda r: nested(r['score'], 'tstr', 'rf_synth', 'f1_macro')),
                    'tstr_f1_lr': mean(lambda r: nested(r['score'], 'tstr', 'lr_synth', 'f1_macro')),
                    'real_f1_rf': nested(runs[0]['score'], 'tstr', 'rf_real', 'f1_macro'),
                    'dcr_overfitting': mean(lambda r: nested(r['score'], 'privacy', 'dcr_overfitting_protection', 'score')),
                    'membership_auc': mean(lambda r: r['membership_auc']),
                    'fit_s': statistics.median(r['fit_s'] for r in runs),
                    'privacy': runs[0]['privacy'],
                })
    mst = []
    if a.mst and os.path.exists(a.mst):
        with open(a.mst) as f:
            mst = [json.loads(l) for l in f if l.strip()]
    lines = ['| data | ε | model | quality | shapes | pairs | TSTR F1 RF | TSTR F1 LR | membership AUC | DCR overfit | fit s |',
             '|---|---|---|---|---|---|---|---|---|---|---|']
    f3 = lambda x: 'n/a' if x != x else f'{x:.3f}'
    for r in rows:
        if 'error' in r:
            lines.append(f"| {r['dataset']} ({r['n_train']}) | {r['epsilon']} | {r['model']} | not fitted: {r['error'].replace('|', '/')} | "
                         + ' | '.join(['—'] * 7) + ' |')
            continue
        lines.append(f"| {r['dataset']} ({r['n_train']}) | {r['epsilon']} | {r['model']} | {f3(r['quality'])} | {f3(r['shapes'])} | "
                     f"{f3(r['pairs'])} | {f3(r['tstr_f1_rf'])} | {f3(r['tstr_f1_lr'])} | {f3(r['membership_auc'])} | "
                     f"{f3(r['dcr_overfitting'])} | {r['fit_s']:.2f} |")
    for m in mst:
        lines.append(f"| {m['dataset']} | {m['epsilon']} | MST (smartnoise-synth) | {f3(m.get('quality', float('nan')))} | "
                     f"{f3(m.get('shapes', float('nan')))} | {f3(m.get('pairs', float('nan')))} | {f3(m.get('tstr_f1_rf', float('nan')))} | "
                     f"{f3(m.get('tstr_f1_lr', float('nan')))} | n/a | {f3(m.get('dcr_overfitting', float('nan')))} | {m.get('fit_s', float('nan')):.2f} |")
    real = {r['dataset']: r['real_f1_rf'] for r in rows if 'real_f1_rf' in r}
    lines += ['', 'TSTR F1 of a RandomForest trained on the real train split (the ceiling): '
              + ', '.join(f'{k} {f3(v)}' for k, v in real.items()) + '.']
    preface = (f'bench/dp.py ({a.seeds} seeds for PrivBayes, {a.neural_seeds} for the neural models, δ = {a.delta}, neural models {a.neural_epochs} epochs, batch {a.neural_batch}, '
               f'1 thread; binary sha256 {bin_sha}). Quality is SDMetrics 0.32 via ../shared/peers/score.py.')
    write_results(a.results, 'dp', 'Differentially private synthesis', preface, lines, {'rows': rows, 'mst': mst})
    print('\n'.join(lines))


if __name__ == '__main__':
    main()
