"""Helpers shared by the bench/*.py drivers: paths, logging, running and timing child processes."""
import hashlib
import os
import json
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PEERS = os.path.join(ROOT, '..', 'shared', 'peers')
DATA = os.path.join(ROOT, '..', 'shared', 'data')


def log(msg):
    print(f'[{time.strftime("%H:%M:%S")}] {msg}', file=sys.stderr, flush=True)


def run(cmd, **kw):
    """stdout of a command; stops the benchmark with the command's output if it fails."""
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.exit(f'failed: {" ".join(cmd)}\n{r.stdout}\n{r.stderr}')
    return r.stdout


def timed_process(cmd):
    """(wall s, peak RSS MB, exit status, stderr) of one child process."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    err = p.stderr.read()  # drain before waiting, so a chatty child cannot block on a full pipe
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - t, usage.ru_maxrss / 1024, p.returncode, err


def checked_process(cmd):
    """timed_process for a command that must succeed: (wall s, peak RSS MB, stderr)."""
    wall, peak, status, err = timed_process(cmd)
    if status != 0:
        sys.exit(f'failed: {" ".join(cmd)}\n{err}')
    return wall, peak, err


def nested(d, *path):
    """d[path[0]][path[1]]…, or NaN where a key is missing (a figure a run did not produce)."""
    for k in path:
        if not isinstance(d, dict) or k not in d:
            return float('nan')
        d = d[k]
    return d


def write_results(directory, name, title, preface, lines, data=None):
    """DIRECTORY/NAME.md (title, a 'Measured <UTC time> by …' preface, the table lines) and, when
    `data` is given, DIRECTORY/NAME.json with the same time stamp."""
    os.makedirs(directory, exist_ok=True)
    stamp = time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())
    with open(os.path.join(directory, f'{name}.md'), 'w') as f:
        f.write(f'# {title}\n\nMeasured {stamp} by {preface}\n\n')
        f.write('\n'.join(lines) + '\n')
    if data is not None:
        with open(os.path.join(directory, f'{name}.json'), 'w') as f:
            json.dump({'measured': stamp, **data}, f, indent=1)


def sha256(*paths, extra=''):
    """Hex SHA-256 over the files' own digests, in order, and `extra` (a cache key)."""
    h = hashlib.sha256()
    for path in paths:
        with open(path, 'rb') as f:
            h.update(hashlib.sha256(f.read()).digest())
    h.update(extra.encode())
    return h.hexdigest()


def cached(path, fresh, compute):
    """The JSON stored at `path`, or compute() written there atomically (unless `fresh`)."""
    if not fresh and os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    value = compute()
    tmp = path + '.tmp'
    with open(tmp, 'w') as f:
        json.dump(value, f)
    os.replace(tmp, path)
    return value
