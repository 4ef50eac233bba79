#!/usr/bin/env bash
# RareSynth GaussianCopula vs SDV GaussianCopula on ../shared/data (see bench/peers.py).
exec "$(dirname "$0")/python.sh" peers "$@"
