"""bench_sklearn.py TABLE.csv [N_JOBS]: times scikit-learn's forests on the table `learn-bench` writes
(`learn-bench 10000 30 100 THREADS TABLE.csv`), for the comparison in README.md."""
import sys, time
import numpy as np, pandas as pd
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
df = pd.read_csv(sys.argv[1]); jobs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
X = df.drop(columns=['label', 'target']).to_numpy(); y = df['label'].astype(str).to_numpy(); t = df['target'].to_numpy()
s = time.perf_counter(); rf = RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=jobs).fit(X, y); f = time.perf_counter() - s
s = time.perf_counter(); rf.predict_proba(X); p = time.perf_counter() - s
print(f'sklearn RandomForestClassifier fit {f:.2f} s, predict_proba {p:.2f} s (n_jobs={jobs})')
s = time.perf_counter(); RandomForestRegressor(n_estimators=100, random_state=0, n_jobs=jobs).fit(X, t); print(f'sklearn RandomForestRegressor fit {time.perf_counter() - s:.2f} s')
