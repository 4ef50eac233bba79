#!/usr/bin/env bash
# Runs bench/SCRIPT.py with the peers' Python (../shared/peers/setup) and a release raresynth:
#   bench/python.sh SCRIPT [ARGS...]      RARESYNTH_BIN=path skips the build and uses that binary.
set -euo pipefail
cd "$(dirname "$0")/.."
script=$1; shift
PY=$(../shared/peers/setup)
if [ -z "${RARESYNTH_BIN:-}" ]; then
  swift build -c release --product raresynth >&2
  RARESYNTH_BIN="$(swift build -c release --show-bin-path)/raresynth"
fi
mkdir -p bench/results
exec "$PY" "bench/$script.py" --py "$PY" --bin "$RARESYNTH_BIN" "$@"
