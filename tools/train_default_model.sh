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
# Then six fine-tunes of that model (docs/model-card.md, "How it was trained"): with the
# per-crop PSNR loss, dead-leaves crops (natural-image statistics, no licence) and
# Poisson-Gaussian samples, the last four on crops of 128, the last one adding an SSIM term
# and a moving average of the weights; then the physics step's low-noise border, and last
# the four-view average at inference.
# Each step writes a checkpoint after every epoch and the script resumes from it when run
# again, ending with the weights an uninterrupted run gives; a finished step is not rerun.
# About 56 + 11 + 8 + 8 + 11 + 11 + 15 minutes on the 2-core machine.
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
cli="$build/bin/latentlens-cli"
threads=${OMP_NUM_THREADS:-2}
# Step 1: the three stages on the fluorescence images.
[ -f "$output.base" ] || env OMP_NUM_THREADS="$threads" "$cli" train \
    --data "${data#,}" --architecture kernel --model-size small \
    --epochs1 20 --epochs2 10 --epochs3 400 --batches 50 --batch-size 8 --crop 64 \
    --noise-min 0.0005 --noise-max 0.03 --lr 1e-3 --lr-final 0.05 --seed 1 \
    --checkpoint "$output.base.checkpoint" --json -o "$output.base"
# Steps 2 to 6 fine-tune stage 3 of the previous step's model, with the per-crop PSNR loss,
# 30% dead-leaves crops and 50 batches per epoch:
#   tune FROM TO EPOCHS BATCH_SIZE CROP POISSON_FRACTION LR LR_FINAL SEED
tune() {
    env OMP_NUM_THREADS="$threads" "$cli" train \
        --data "${data#,}" --architecture kernel --model-size small --init "$1" \
        --epochs1 0 --epochs2 0 --epochs3 "$3" --batches 50 --batch-size "$4" --crop "$5" \
        --noise-min 0.0005 --noise-max 0.03 --poisson-fraction "$6" --dead-leaves 0.3 \
        --loss psnr --lr "$7" --lr-final "$8" --seed "$9" --checkpoint "$2.checkpoint" --json \
        -o "$2"
}
# Step 2: 30% Poisson-Gaussian samples.
[ -f "$output.tuned" ] || tune "$output.base" "$output.tuned" 60 8 64 0.3 2e-4 0.1 7
# Step 3: 60% Poisson-Gaussian, at a lower rate.
[ -f "$output.poisson" ] || tune "$output.tuned" "$output.poisson" 40 8 64 0.6 1e-4 0.2 8
# Steps 4 to 6: crops of 128 (batches of 4), so that the Wiener step and the network see
# more than one kernel's width of context at the large defocus values.
[ -f "$output.wide" ] || tune "$output.poisson" "$output.wide" 20 4 128 0.3 5e-5 0.2 10
[ -f "$output.wider" ] || tune "$output.wide" "$output.wider" 30 4 128 0.3 5e-5 0.2 11
[ -f "$output.tuned6" ] || tune "$output.wider" "$output.tuned6" 30 4 128 0.3 5e-5 0.2 12
# Step 7: half the samples Poisson-Gaussian, the PSNR loss plus an SSIM term, and the
# weights' moving average as the result (picked on W2S fields 013-016, a selection set
# disjoint from both the training and the evaluation images: docs/model-card.md).
[ -f "$output.ssim" ] || env OMP_NUM_THREADS="$threads" "$cli" train \
    --data "${data#,}" --architecture kernel --model-size small --init "$output.tuned6" \
    --epochs1 0 --epochs2 0 --epochs3 30 --batches 50 --batch-size 4 --crop 128 \
    --noise-min 0.0005 --noise-max 0.03 --poisson-fraction 0.5 --dead-leaves 0.3 \
    --loss psnr-ssim --ema 0.995 --lr 1e-4 --lr-final 0.2 --seed 16 \
    --checkpoint "$output.ssim.checkpoint" --json -o "$output.ssim"
# Step 8, no training: the physics step pads by two kernel sizes where the estimated noise
# is low (sigma below 0.07), so that its border reaches as far as the 15 um kernel. The
# weights are step 7's. (Fine-tuning with this border lost 0.1-0.5 dB: docs/model-card.md.)
env OMP_NUM_THREADS="$threads" "$cli" train \
    --data "${data#,}" --architecture kernel --model-size small --init "$output.ssim" \
    --epochs1 0 --epochs2 0 --epochs3 0 --crop 128 --physics-low-noise-padding 2 \
    -o "$output.border"
# Step 9, no training: inference averages four views of each tile (the tile and its mirror
# images, each turned back), chosen on the same selection set as step 7.
env OMP_NUM_THREADS="$threads" "$cli" train \
    --data "${data#,}" --architecture kernel --model-size small --init "$output.border" \
    --epochs1 0 --epochs2 0 --epochs3 0 --crop 128 --ensemble-views 4 -o "$output"
