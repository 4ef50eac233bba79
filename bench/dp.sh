#!/usr/bin/env bash
# RareSynth's DP synthesizers over an epsilon grid, scored by ../shared/peers (see bench/dp.py). RARESYNTH_BIN=path skips the build.
exec "$(dirname "$0")/python.sh" dp "$@"
