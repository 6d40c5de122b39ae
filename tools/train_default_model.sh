#!/bin/sh
# Trains the default model shipped as resources/models/default.llm (docs/model-card.md):
# the kernel-aware architecture, CPU-sized.
#
#   tools/train_default_model.sh [BUILD_DIR] [OUTPUT]    (defaults: build/default, /tmp/default.llm)
#
# Data: ../shared/data (beside the checkout), CC0 images only, so that the weights may be
# redistributed: BBBC022 Cell Painting wells A14, B13, C12 and D16 (both sites, all five
# channels) and the first 16 BBBC006 actin fields by name. BBBC022 well E18, the last four
# BBBC006 fields, W2S and Set12 are evaluation images and are never used here.
# A checkpoint is written after every epoch and the script resumes from it when run again,
# ending with the weights an uninterrupted run gives.
set -eu
build=${1:-build/default}
output=${2:-/tmp/default.llm}
root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared/data"
if [ ! -d "$shared/fluo_bbbc022_cellpainting" ] || [ ! -d "$shared/fluo_bbbc006_actin" ]; then
    echo "train_default_model.sh: $shared with fluo_bbbc022_cellpainting and fluo_bbbc006_actin is needed" >&2
    exit 1
fi
data=""
for well in A14 B13 C12 D16; do
    for file in "$shared"/fluo_bbbc022_cellpainting/plate1_${well}_site*_Ch*.tif; do
        data="$data,$file"
    done
done
for file in $(ls "$shared"/fluo_bbbc006_actin/*.tif | sort | head -n 16); do
    data="$data,$file"
done
exec env OMP_NUM_THREADS="${OMP_NUM_THREADS:-2}" "$build/bin/latentlens-cli" train \
    --data "${data#,}" --architecture kernel --model-size small \
    --epochs1 20 --epochs2 10 --epochs3 400 --batches 50 --batch-size 8 --crop 64 \
    --noise-min 0.0005 --noise-max 0.03 --lr 1e-3 --lr-final 0.05 --seed 1 \
    --checkpoint "$output.checkpoint" --json -o "$output"
