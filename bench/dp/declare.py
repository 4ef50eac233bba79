"""bench/dp/declare.py: the schemas the DP benchmark declares public, one per dataset.

Under differential privacy RareSynth reads bounds and categories from the schema only. A data
steward writes them from domain knowledge; here they stand in for that: the schema `raresynth
inspect` infers from the train split, with each categorical column's categories written out and
each numerical column's bounds rounded outward to a round number (a step of half a power of ten
of the observed range). They are derived from the data, so they are not themselves private: the
benchmark's epsilons, like smartnoise's with declared bounds, take them as public.

    python3 bench/dp/declare.py RARESYNTH_BIN SPLITS_DIR OUT_DIR pbc colon nwtco
"""
import csv
import json
import math
import os
import subprocess
import sys


def nice_bounds(lo, hi, integer):
    span = hi - lo
    if span <= 0:
        return lo, hi
    step = 10 ** math.floor(math.log10(span)) / 2
    lo2, hi2 = math.floor(lo / step) * step, math.ceil(hi / step) * step
    if integer:
        lo2, hi2 = math.floor(lo2), math.ceil(hi2)
    return float(f'{lo2:.10g}'), float(f'{hi2:.10g}')


def main():
    binary, splits, out = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    for name in sys.argv[4:]:
        train = os.path.join(splits, f'{name}.train.csv')
        inferred = os.path.join(out, f'{name}.inferred.json')
        subprocess.run([binary, 'inspect', train, '--schema-out', inferred], check=True, capture_output=True)
        with open(inferred) as f:
            schema = json.load(f)
        os.remove(inferred)
        with open(train, newline='') as f:
            rows = list(csv.DictReader(f))
        for c in schema['columns']:
            if c['type'] == 'categorical':
                c['categories'] = sorted({r[c['name']] for r in rows if r[c['name']] not in ('', 'NA')})
            elif c['type'] == 'numerical' and 'minimum' in c:
                c['minimum'], c['maximum'] = nice_bounds(c['minimum'], c['maximum'], c.get('integer', False))
        path = os.path.join(out, f'{name}.schema.json')
        with open(path, 'w') as f:
            json.dump(schema, f, indent=1)
            f.write('\n')
        print(path)


if __name__ == '__main__':
    main()
