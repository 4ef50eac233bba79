#!/usr/bin/env bash
# RareSynth CTGAN and TVAE vs SDV 2.0.0 on ../shared/data (see bench/neural.py). RARESYNTH_BIN=path skips the build.
exec "$(dirname "$0")/python.sh" neural "$@"
