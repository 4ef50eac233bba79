#!/usr/bin/env bash
# RareSynth CTGAN and TVAE vs SDV 2.0.0 on ../shared/data (see bench/neural.py). RARESYNTH_BIN=path skips the build.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=$(../shared/peers/setup)
if [ -z "${RARESYNTH_BIN:-}" ]; then
  swift build -c release --product raresynth >&2
  RARESYNTH_BIN="$(swift build -c release --show-bin-path)/raresynth"
fi
mkdir -p bench/results
exec "$PY" bench/neural.py --py "$PY" --bin "$RARESYNTH_BIN" "$@"
