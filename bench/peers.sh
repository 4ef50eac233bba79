#!/usr/bin/env bash
# RareSynth GaussianCopula vs SDV GaussianCopula on ../shared/data (see bench/peers.py).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=$(../shared/peers/setup)
swift build -c release --product raresynth >&2
BIN="$(swift build -c release --show-bin-path)/raresynth"
mkdir -p bench/results
exec "$PY" bench/peers.py --py "$PY" --bin "$BIN" "$@"
