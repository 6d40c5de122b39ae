#!/bin/sh
# Runs the speed benchmark of the classical baselines and scikit-image's on the same inputs
# and prints both CSV tables (docs/benchmarks.md records a run). Usage:
#   bench/run_speed.sh [BUILD_DIR]      (default build/default)
set -eu
build=${1:-build/default}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bin/latentlens-bench-speed" --inputs "$work" --reps 5
/usr/bin/python3 "$(dirname "$0")/skimage_speed.py" "$work" 256 512 1024 2048
