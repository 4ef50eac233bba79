#!/usr/bin/env bash
# `raresynth evaluate` vs SDMetrics 0.32 on ../shared/data and a resampled 17,500-row table (see bench/evaluate.py).
# RARESYNTH_BIN=path skips the build and uses that binary.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=$(../shared/peers/setup)
if [ -z "${RARESYNTH_BIN:-}" ]; then
  swift build -c release --product raresynth >&2
  RARESYNTH_BIN="$(swift build -c release --show-bin-path)/raresynth"
fi
mkdir -p bench/results
exec "$PY" bench/evaluate.py --py "$PY" --bin "$RARESYNTH_BIN" "$@"
