#!/usr/bin/env bash
# `raresynth evaluate` vs SDMetrics 0.32 on ../shared/data and a resampled 17,500-row table (see bench/evaluate.py).
# RARESYNTH_BIN=path skips the build and uses that binary.
exec "$(dirname "$0")/python.sh" evaluate "$@"
