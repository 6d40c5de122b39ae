#!/bin/sh
# Trains the default model shipped as resources/models/default.llm (docs/model-card.md).
#
#   tools/train_default_model.sh [BUILD_DIR] [OUTPUT]    (defaults: build/default, /tmp/default.llm)
#
# Data: ../shared/data (beside the checkout): the 400 DnCNN training images and the W2S
# fields of view 013-016 (all three channels). Set12 and W2S 001-012 are the evaluation
# images and are never used here. About 30 minutes expected on a 2-core machine with
# OpenBLAS, from the measured throughput (the shipped run took 69 on the reference BLAS);
# a checkpoint is written after every epoch and the script resumes from it when run again.
set -eu
build=${1:-build/default}
output=${2:-/tmp/default.llm}
root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared/data"
if [ ! -d "$shared/natural_train400" ] || [ ! -d "$shared/fluo_w2s_avg400" ]; then
    echo "train_default_model.sh: $shared with natural_train400 and fluo_w2s_avg400 is needed" >&2
    exit 1
fi
data="$shared/natural_train400"
for fov in 013 014 015 016; do
    for channel in 0 1 2; do
        data="$data,$shared/fluo_w2s_avg400/target_avg400_${fov}_${channel}.tif"
    done
done
exec env OMP_NUM_THREADS="${OMP_NUM_THREADS:-2}" "$build/bin/latentlens-cli" train \
    --data "$data" --model-size small \
    --epochs1 40 --epochs2 80 --batches 50 --batch-size 8 --crop 64 \
    --lr 1e-3 --lr-final 0.05 --seed 1 \
    --checkpoint "$output.checkpoint" --json -o "$output"
